"""Runs inside the sandbox: import the learner's module, run every `test_*` function, write results.json.

Standard library only, no offhours imports: this file is copied into a fresh folder and run there by an
isolated interpreter. Results follow Exercism's results.json, version 3.
"""

import contextlib
import io
import json
import sys
import traceback

OUTPUT_LIMIT = 500
VERSION = 3


def _short(text: str) -> str:
    return text if len(text) <= OUTPUT_LIMIT else text[: OUTPUT_LIMIT - 20] + "\n[output truncated]"


class _Capped(io.StringIO):
    """Keeps the first few thousand characters written, drops the rest (huge output costs nothing)."""

    def write(self, text: str) -> int:
        room = 4 * OUTPUT_LIMIT - self.tell()
        if room > 0:
            super().write(text[:room])
        return len(text)


def _failure(exc: BaseException) -> str:
    if isinstance(exc, AssertionError):
        return str(exc) or "an assertion failed"
    if isinstance(exc, SystemExit):
        return f"the code called sys.exit({exc.code!r}); return a value instead of exiting"
    if isinstance(exc, MemoryError):
        return "ran out of memory (the sandbox allows a limited amount)"
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def main(workdir: str) -> None:
    sys.path.insert(0, workdir)
    results: dict[str, object] = {"version": VERSION, "status": "pass", "message": None, "tests": []}
    out_path = f"{workdir}/results.json"

    def write() -> None:
        with open(out_path, "w", encoding="utf-8") as handle:
            json.dump(results, handle)

    captured = _Capped()
    try:
        with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
            import test_hidden  # type: ignore[import-not-found]  # written beside this file at run time
    except BaseException as exc:  # the learner's module failed to import: say why, plainly
        if isinstance(exc, SyntaxError):
            results["message"] = f"syntax error in your code, line {exc.lineno}: {exc.msg}"
        else:
            results["message"] = "your code could not be loaded: " + _failure(exc)
        results["status"] = "error"
        write()
        return
    tests = [(name, fn) for name, fn in vars(test_hidden).items() if name.startswith("test_") and callable(fn)]
    records = []
    for name, fn in tests:
        buffer = _Capped()
        record = {"name": name.removeprefix("test_").replace("_", " "), "status": "pass", "message": None,
                  "output": None}
        try:
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
                fn()
        except AssertionError as exc:
            record["status"], record["message"] = "fail", _failure(exc)
        except BaseException as exc:
            record["status"], record["message"] = "error", _failure(exc)
        if buffer.getvalue():
            record["output"] = _short(buffer.getvalue())
        records.append(record)
    results["tests"] = records
    if any(r["status"] == "error" for r in records):
        results["status"] = "error"
        results["message"] = "a test raised an error"
    elif any(r["status"] == "fail" for r in records):
        results["status"] = "fail"
    write()


if __name__ == "__main__":
    main(sys.argv[1])
