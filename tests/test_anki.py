"""Anki interoperability, checked with the real `anki` package: it opens our export, and we import its decks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Home, Run

anki_collection = pytest.importorskip("anki.collection", reason="the `anki` package is a test extra")


@pytest.fixture
def learner(cli: Callable[..., Run], profile_file: Path) -> Path:
    assert cli("init", "--profile", str(profile_file)).exit_code == 0
    return profile_file


def open_in_anki(apkg: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    from anki.import_export_pb2 import ImportAnkiPackageRequest

    col = anki_collection.Collection(str(tmp_path / "anki" / "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg)))
    return col


def test_real_anki_opens_our_export(cli: Callable[..., Run], home: Home, learner: Path, tmp_path: Path) -> None:
    (tmp_path / "anki").mkdir()
    assert cli("cards", "export", str(tmp_path / "none.apkg")).exit_code == 2  # an empty deck
    assert cli("cards", "add", "Sigmoid?", r"$\sigma(z) = \frac{1}{1+e^{-z}}$", "--topic",
               "ml-logistic-regression").exit_code == 0
    assert cli("cards", "add", "What is FSRS?", "A spaced-repetition scheduler").exit_code == 0
    out = tmp_path / "deck.apkg"
    result = cli("cards", "export", str(out))
    assert result.exit_code == 0, result.stderr
    col = open_in_anki(out, tmp_path)
    try:
        assert col.note_count() == 2
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert "offhours::My cards" in names
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        sigmoid = next(n for n in notes if "Sigmoid" in n.fields[0])
        assert r"\(\sigma(z)" in sigmoid.fields[1]
        assert "offhours::ml-logistic-regression" in sigmoid.tags
    finally:
        col.close()


def test_export_all_shipped_cards(cli: Callable[..., Run], home: Home, learner: Path, tmp_path: Path) -> None:
    from offhours.catalog import default_catalog

    catalog = default_catalog()
    if not catalog.cards:
        pytest.skip("no catalog cards shipped yet")
    (tmp_path / "anki").mkdir()
    out = tmp_path / "all.apkg"
    assert cli("cards", "export", str(out), "--all").exit_code == 0
    col = open_in_anki(out, tmp_path)
    try:
        assert col.note_count() == len(catalog.cards)
        areas = {catalog.areas[catalog.topics[c.topic].area].title for c in catalog.cards.values()}
        assert {f"offhours::{a}" for a in areas} <= {d.name for d in col.decks.all_names_and_ids()}
    finally:
        col.close()


def test_import_an_anki_deck_with_history(cli: Callable[..., Run], home: Home, learner: Path,
                                          tmp_path: Path) -> None:
    from anki.collection import ExportAnkiPackageOptions

    col = anki_collection.Collection(str(tmp_path / "source.anki2"))
    try:
        basic = col.models.by_name("Basic")
        for front, back in [("Capital of France?", "Paris"), ("2 + 2?", "4"), ("Bias of OLS?", "None, if...")]:
            note = col.new_note(basic)
            note.fields[0], note.fields[1] = front, back
            note.tags = ["geo"]
            col.add_note(note, col.decks.id("Imported"))
        col.decks.select(col.decks.id("Imported"))
        card = col.sched.getCard()
        while card is not None:  # answer Good until nothing is due today (learning steps included)
            card.start_timer()
            col.sched.answerCard(card, 3)
            card = col.sched.getCard()
        reviews = col.db.scalar("select count() from revlog")
        assert reviews > 0
        out = tmp_path / "from-anki.apkg"
        col.export_anki_package(out_path=str(out), options=ExportAnkiPackageOptions(with_scheduling=True),
                                limit=None)
    finally:
        col.close()

    result = cli("cards", "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Imported 3 new card(s)" in result.stdout and f"({reviews} reviews)" in result.stdout
    assert home.count("own_cards") == 3 and home.count("reviews") == reviews
    again = cli("cards", "import", str(out))
    assert "Imported 0 new card(s)" in again.stdout
    stats = json.loads(cli("cards", "stats", "--json").stdout)
    assert stats["cards"] == 3

    bad = tmp_path / "bad.apkg"
    bad.write_text("not a zip")
    refused = cli("cards", "import", str(bad))
    assert refused.exit_code == 2 and "not an Anki package" in refused.stderr
