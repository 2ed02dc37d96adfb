"""Markdown (exercise tasks, hints, project briefs) to safe HTML, server-side.

Raw HTML in the source is escaped, not passed through, and links are limited to safe schemes, so content
can never inject script into a page. Fenced code gets Pygments classes; practice.css colours them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound


@dataclass(frozen=True)
class Rendered:
    html: Markup
    outline: list[tuple[str, str]]  # (anchor id, title) of each second-level heading


def _highlight(code: str, lang: str, _attrs: str) -> str:
    if not lang:
        return ""  # markdown-it escapes it as plain text
    try:
        lexer = get_lexer_by_name(lang)
    except ClassNotFound:
        return ""
    return str(highlight(code, lexer, HtmlFormatter(nowrap=True)))


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "highlight": _highlight}).enable("table")


def _anchor(title: str, taken: set[str]) -> str:
    # Prefixed so a heading called "Code" or "Results" never collides with the page's own element ids.
    base = "md-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section")
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def render_markdown(text: str, *, drop_title: bool = False) -> Rendered:
    """HTML for a Markdown text; `drop_title` leaves out a leading `# Title` the page shows already."""
    if drop_title and text.startswith("# "):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    parser = _parser()
    tokens = parser.parse(text)
    taken: set[str] = set()
    outline: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[i + 1].content
            anchor = _anchor(title, taken)
            token.attrSet("id", anchor)
            if token.tag == "h2":
                outline.append((anchor, title))
    return Rendered(Markup(parser.renderer.render(tokens, parser.options, {})), outline)
