"""LaTeX in cards and quiz items, made readable in a terminal (the web renders it with KaTeX)."""

from __future__ import annotations

import re
from functools import cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

_MATH = re.compile(r"\$([^$]+)\$")


@cache
def _converter() -> LatexNodes2Text:
    db = get_default_latex_context_db()
    db.add_context_category("offhours", prepend=True, macros=[
        MacroTextSpec("frac", simplify_repl="(%(1)s)/(%(2)s)"),
        MacroTextSpec("|", simplify_repl="‖"),
        MacroTextSpec("top", simplify_repl="ᵀ"),
    ])
    return LatexNodes2Text(math_mode="text", latex_context=db)


def plain(text: str) -> str:
    """Replace every $...$ by a Unicode rendering; leave the rest of the text as written."""
    return _MATH.sub(lambda m: _converter().latex_to_text(m[1]), text)
