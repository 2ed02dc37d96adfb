"""Practice: the sandboxed runner for exercises and project checks."""
