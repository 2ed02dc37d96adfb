"""Anki interoperability: write .apkg decks with `genanki`, read .apkg files (legacy and current formats).

Export: one deck per area ("offhours::Linear algebra"), a tag per topic (`offhours::<slug>`), stable note
GUIDs from our card ids so re-importing into Anki updates notes instead of duplicating them, math as
MathJax `\\(...\\)`. Import: notes (front/back of their first two fields, or cloze text) with their review
history (revlog) when the package carries one.
"""

from __future__ import annotations

import hashlib
import html
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import genanki

from offhours.errors import InputError

BASIC_MODEL_ID = 1_734_220_001
CLOZE_MODEL_ID = 1_734_220_002
_MATH = re.compile(r"\$([^$]+)\$")
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID, "offhours basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Extra"}, {"name": "Topic"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Extra}}</small>'}],
    css=_CSS,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID, "offhours cloze", model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Topic"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br><small>{{Extra}}</small>"}],
    css=_CSS,
)


@dataclass(frozen=True)
class ExportCard:
    id: str
    area: str  # the deck name under offhours::
    topic: str | None
    type: str  # basic | cloze
    front: str  # cloze: the text with {{c1::...}}
    back: str
    extra: str = ""


@dataclass(frozen=True)
class ImportedNote:
    guid: str
    front: str
    back: str
    tags: tuple[str, ...]
    reviews: tuple[tuple[datetime, int, int], ...]  # (when, rating 1-4, duration ms)


def to_mathjax(text: str) -> str:
    return _MATH.sub(lambda m: f"\\({m[1]}\\)", html.escape(text, quote=False))


def _stable_id(name: str) -> int:
    """A positive id derived from the name, so a deck keeps its identity across exports."""
    return int(hashlib.sha1(name.encode()).hexdigest()[:12], 16)


def write_apkg(cards: Iterable[ExportCard], path: Path) -> int:
    decks: dict[str, genanki.Deck] = {}
    count = 0
    for card in cards:
        deck_name = f"offhours::{card.area}"
        deck = decks.setdefault(deck_name, genanki.Deck(_stable_id(deck_name), deck_name))
        tags = [f"offhours::{card.topic}"] if card.topic else ["offhours::own"]
        guid = genanki.guid_for("offhours", card.id)
        if card.type == "cloze":
            note = genanki.Note(model=CLOZE_MODEL, fields=[to_mathjax(card.front), to_mathjax(card.extra),
                                                           card.topic or ""], tags=tags, guid=guid)
        else:
            note = genanki.Note(model=BASIC_MODEL, fields=[to_mathjax(card.front), to_mathjax(card.back),
                                                           to_mathjax(card.extra), card.topic or ""],
                                tags=tags, guid=guid)
        deck.add_note(note)
        count += 1
    if not count:
        raise InputError("there are no cards to export yet")
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return count


def _open_collection(path: Path, work: Path) -> sqlite3.Connection:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, FileNotFoundError, IsADirectoryError) as exc:
        raise InputError(f"not an Anki package (.apkg): {exc}", where=str(path)) from None
    names = set(archive.namelist())
    target = work / "collection.sqlite"
    if "collection.anki21b" in names:  # current Anki: zstd-compressed
        import zstandard

        target.write_bytes(zstandard.ZstdDecompressor().decompress(archive.read("collection.anki21b"),
                                                                    max_output_size=1 << 31))
    elif "collection.anki21" in names:
        target.write_bytes(archive.read("collection.anki21"))
    elif "collection.anki2" in names:
        target.write_bytes(archive.read("collection.anki2"))
    else:
        raise InputError("not an Anki package: no collection inside", where=str(path))
    return sqlite3.connect(target)


def _text(field: str) -> str:
    """Anki fields are HTML; keep readable text, and MathJax back as $...$."""
    field = re.sub(r"\\\((.+?)\\\)", r"$\1$", field)
    field = re.sub(r"<br\s*/?>", "\n", field, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", field)).strip()


def read_apkg(path: Path) -> list[ImportedNote]:
    """Notes with their review history; raises InputError naming the file if it cannot be read."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = _open_collection(path, Path(tmp))
        try:
            notes = conn.execute("SELECT id, guid, flds, tags FROM notes").fetchall()
            cards = conn.execute("SELECT id, nid FROM cards").fetchall()
            revlog = conn.execute("SELECT id, cid, ease, time FROM revlog ORDER BY id").fetchall()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot read the Anki collection: {exc}", where=str(path)) from None
        finally:
            conn.close()
    note_of_card = dict(cards)
    history: dict[int, list[tuple[datetime, int, int]]] = {}
    for rev_id, card_id, ease, duration in revlog:
        if card_id in note_of_card and 1 <= ease <= 4:
            history.setdefault(note_of_card[card_id], []).append(
                (datetime.fromtimestamp(rev_id / 1000, UTC), int(ease), int(duration)))
    out = []
    for note_id, guid, fields, tags in notes:
        parts: Sequence[str] = fields.split("\x1f")
        front = _text(parts[0]) if parts else ""
        back = _text(parts[1]) if len(parts) > 1 else ""
        if not front:
            continue
        out.append(ImportedNote(guid, front, back, tuple(tags.split()), tuple(history.get(note_id, []))))
    return out
