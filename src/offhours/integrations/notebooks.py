"""Jupyter notebooks for exercises, with `nbformat`: write a starter notebook, read the code back."""

from __future__ import annotations

from pathlib import Path

import nbformat

from offhours.errors import InputError


def write_exercise_notebook(path: Path, task: str, starter: str) -> None:
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell(task), nbformat.v4.new_code_cell(starter)]
    nbformat.write(book, str(path))


def notebook_code(path: Path) -> str:
    """Every code cell, in order, as one module."""
    try:
        book = nbformat.read(str(path), as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a broken file
        raise InputError(f"cannot read the notebook: {exc}", where=str(path)) from None
    return "\n\n".join(cell.source for cell in book.cells if cell.cell_type == "code")
