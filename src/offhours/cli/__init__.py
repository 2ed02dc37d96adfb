"""The command line: Typer commands that parse input, call the coach, and render the answer."""

from __future__ import annotations

from offhours.cli.app import app


def main() -> None:
    app(prog_name="offhours")


__all__ = ["app", "main"]
