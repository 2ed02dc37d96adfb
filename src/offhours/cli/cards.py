"""Flashcards: `cards due|rate|add|stats` for scripts, and `review`, a keyboard-driven session."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from offhours.catalog import QuizItem
from offhours.cli.common import JsonFlag, celebrate, console, get_coach, print_json
from offhours.coach_cards import stats_json
from offhours.domain.quiz import LETTERS, check_answer
from offhours.mathtext import plain as _plain
from offhours.views import card_json

cards_app = typer.Typer(help="Your spaced-repetition deck (FSRS).", no_args_is_help=True)
KEYS = {"1": "again", "2": "hard", "3": "good", "4": "easy"}


def plain(text: str) -> str:
    """Content text for the terminal: math as Unicode, and brackets in code (`x[x > 2]`) kept literal."""
    return escape(_plain(text))


def register(app: typer.Typer, quiz_app: typer.Typer) -> None:
    app.add_typer(cards_app, name="cards")
    app.command()(review)
    app.command()(placement)
    quiz_app.command("topic")(quiz_topic)


@cards_app.command("due")
def cards_due(
    ctx: typer.Context,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Cards to review now: due reviews first, then today's new cards."""
    due = get_coach(ctx).due_cards(limit)
    if as_json:
        print_json([card_json(c) for c in due])
        return
    table = Table("id", "topic", "front", "new")
    for c in due:
        table.add_row(c.id, c.topic or "", plain(c.front), "new" if c.is_new else "")
    console.print(table)
    console.print(f"{len(due)} card(s). Review them with `offhours review`.")


@cards_app.command("rate")
def cards_rate(
    ctx: typer.Context,
    card_id: Annotated[str, typer.Argument(help="A card id from `cards due`.")],
    rating: Annotated[str, typer.Argument(help="again, hard, good or easy.")],
) -> None:
    """Record an answer; FSRS schedules the next review."""
    coach = get_coach(ctx)
    due = coach.rate_card(card_id, rating)
    tz = ZoneInfo(coach.profile().profile.timezone)
    console.print(f"{card_id}: {rating}; next review {due.astimezone(tz):%a %d %b %H:%M}.")


@cards_app.command("add")
def cards_add(
    ctx: typer.Context,
    front: Annotated[str, typer.Argument(help="The question.")],
    back: Annotated[str, typer.Argument(help="The answer.")],
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="The topic it belongs to.")] = None,
) -> None:
    """Write your own card; it joins your deck as a new card."""
    card_id = get_coach(ctx).add_card(front, back, topic)
    console.print(f"Added {card_id}.")


@cards_app.command("export")
def cards_export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The .apkg file to write.")],
    every_card: Annotated[bool, typer.Option("--all", help="Every card offhours ships, not only your deck.")]
    = False,
) -> None:
    """Write an Anki deck (.apkg): a deck per area, a tag per topic; re-exports update notes in Anki."""
    count = get_coach(ctx).export_cards(file, every_card=every_card)
    console.print(f"Wrote {count} card(s) to {file}. Open it with Anki (File > Import).")


@cards_app.command("import")
def cards_import(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="An Anki .apkg file.")]) -> None:
    """Bring in the notes of an Anki deck, with their review history when it has one."""
    added, with_history, reviews = get_coach(ctx).import_cards(file)
    console.print(f"Imported {added} new card(s); {with_history} came with history ({reviews} reviews).")


@cards_app.command("retention")
def cards_retention(ctx: typer.Context,
                    retention: Annotated[float, typer.Argument(help="Desired recall, 0.70-0.99 (default 0.90).")]
                    ) -> None:
    """Higher retention means more reviews; 0.9 suits most learners."""
    get_coach(ctx).set_retention(retention)
    console.print(f"Desired retention set to {retention:.2f}; it applies from your next answer.")


@cards_app.command("optimize")
def cards_optimize(ctx: typer.Context) -> None:
    """Fit the memory model to your own reviews (the optional `optimizer` extra, PyTorch)."""
    with console.status("Fitting FSRS parameters to your review history…"):
        parameters = get_coach(ctx).optimise_memory_model()
    console.print(f"Fitted {len(parameters)} parameters and re-scheduled your reviewed cards.")


@cards_app.command("stats")
def cards_stats(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Retention, reviews per day, and the due cards and minutes of the next 30 days."""
    stats = get_coach(ctx).card_stats()
    if as_json:
        print_json(stats_json(stats))
        return
    retention = f"{stats.retention:.0%}" if stats.retention is not None else "not enough reviews yet"
    console.print(f"{stats.cards} cards ({stats.new} new), {stats.due_now} due now; retention over 30 days: "
                  f"{retention}; {sum(n for _, n in stats.reviews_per_day)} reviews in the last 30 days.")
    week = stats.forecast[:7]
    console.print("Next 7 days: " + ", ".join(f"{d:%a} {n} ({m:g} min)" for d, n, m in week))


def review(
    ctx: typer.Context,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many cards.")] = None,
    minutes: Annotated[int | None, typer.Option("--minutes", "-m", help="Stop after about this long.")] = None,
) -> None:
    """Review due cards: Enter reveals, 1-4 rates (again/hard/good/easy), u undoes, q quits (answers kept)."""
    coach = get_coach(ctx)
    queue = coach.due_cards(limit)
    if not queue:
        console.print("Nothing due. Cards join your deck as you start topics on your plan.")
        return
    started = time.monotonic()
    done: list[str] = []
    index = 0
    while index < len(queue):
        if minutes is not None and time.monotonic() - started > minutes * 60:
            console.print("Time is up.")
            break
        card = queue[index]
        left = len(queue) - index
        shown = time.monotonic()
        console.print(Panel(plain(card.front), title=f"{card.topic or 'your card'}  ·  {left} left",
                            subtitle="new" if card.is_new else None))
        key = typer.prompt("Enter to reveal, q to quit", default="", show_default=False).strip().lower()
        if key == "q":
            break
        console.print(Panel(plain(card.back) + (f"\n\n[dim]{plain(card.extra)}[/dim]" if card.extra else ""),
                            border_style="green"))
        while True:
            key = typer.prompt("1 again · 2 hard · 3 good · 4 easy · u undo · q quit", default="3").strip().lower()
            if key in KEYS or key in ("u", "q"):
                break
        if key == "q":
            break
        if key == "u":
            if done:
                coach.undo_review()
                index -= 1
                done.pop()
                console.print("Undone.")
            else:
                console.print("Nothing to undo yet.")
            continue
        coach.rate_card(card.id, KEYS[key], duration_ms=int((time.monotonic() - shown) * 1000))
        done.append(card.id)
        index += 1
    console.print(f"Reviewed {len(done)} card(s). Every answer is saved.")
    if done:
        celebrate(ctx)


def ask_item(item: QuizItem, number: int, total: int) -> bool:
    """Ask one quiz item at the terminal; say whether it was right and why."""
    console.print(f"\n[bold]{number}/{total}[/bold] {plain(item.prompt)}")
    for letter, choice in zip(LETTERS, item.choices, strict=False):
        console.print(f"  {letter}) {plain(choice)}")
    hint = {"choice": "a letter", "numeric": "a number", "formula": "a formula"}[item.kind]
    given = typer.prompt(f"Your answer ({hint})", default="", show_default=False)
    right = check_answer(item, given)
    if item.kind == "choice":
        assert isinstance(item.answer, int)
        expected = f"{LETTERS[item.answer]}) {plain(item.choices[item.answer])}"
    else:
        expected = str(item.answer)
    console.print(("[green]Right.[/green] " if right else f"[red]Not quite.[/red] The answer: {expected}. ")
                  + plain(item.explanation))
    return right


def quiz_topic(
    ctx: typer.Context,
    topic: Annotated[str, typer.Argument(help="A topic slug.")],
    count: Annotated[int, typer.Option("--count", "-n", help="How many items.")] = 5,
) -> None:
    """Check a topic with a few quiz items; the result feeds your mastery of it."""
    coach = get_coach(ctx)
    items = coach.quiz_items(topic, count)
    results = [(item, ask_item(item, i, len(items))) for i, item in enumerate(items, 1)]
    coach.record_quiz(results)
    right = sum(ok for _, ok in results)
    level = coach.mastery()[topic]
    console.print(f"\n{right}/{len(results)} right. Your mastery of {topic}: {level}.")


def placement(
    ctx: typer.Context,
    questions: Annotated[int, typer.Option("--questions", "-q", help="At most this many questions.")] = 20,
) -> None:
    """Test out of what you already know (about 15 minutes): right answers credit a topic and its
    prerequisites, wrong ones rule out what builds on it. Credited topics leave your path and plan."""
    coach = get_coach(ctx)
    check = coach.start_placement(questions)
    console.print(f"Placement: up to {questions} questions over the {len(check.order)} topics of your path "
                  "that have quiz items. Unsure? Leave the answer empty: that counts as not known.")
    answers = []
    asked: set[str] = set()
    while (topic := check.next_topic()) is not None:
        item = coach.placement_item(topic, asked)
        asked.add(item.id)
        right = ask_item(item, check.asked + 1, questions)
        check.answer(topic, right)
        answers.append((item, right))
    tested_out = coach.finish_placement(check, answers)
    hours = sum(coach.catalog.topics[t].hours for t in tested_out)
    console.print(f"\nYou tested out of {len(tested_out)} topic(s), about {hours:g} hours: "
                  + (", ".join(tested_out[:8]) + (", …" if len(tested_out) > 8 else "") if tested_out else "none")
                  + ". Run `offhours plan` to replan without them.")
