"""Progress and reflection: `progress` and the journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from offhours.cli.common import JsonFlag, console, get_coach, print_json
from offhours.coach_progress import Progress, progress_json

journal_app = typer.Typer(help="Your learning journal: summaries in your own words, questions, notes.",
                          no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(progress)
    app.add_typer(journal_app, name="journal")


def render_at_risk(p: Progress) -> None:
    for m in p.milestones:
        if m.at_risk:
            when = f"at your pace it lands on {m.eta}" if m.eta else "with no study logged yet it has no date"
            console.print(f"[yellow]At risk:[/yellow] {escape(m.title)} is due {m.deadline}; {when}. "
                          f"Fix: +{m.extra_minutes_per_week} min/week, or move the date"
                          + (f" to {m.eta}." if m.eta else "."))


def progress(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """This week, your streak and XP, mastery by area, each milestone's ETA, due cards."""
    p = get_coach(ctx).progress()
    if as_json:
        print_json(progress_json(p))
        return
    console.print(f"[bold]This week[/bold]: {p.minutes_this_week} of {p.planned_this_week} planned minutes · "
                  f"streak {p.streak.days} day(s) (longest {p.streak.longest}, {p.streak.freezes_left} freeze(s)) · "
                  f"{p.xp} XP · {p.minutes_total} min in all · {p.cards_due} card(s) due")
    table = Table("milestone", "deadline", "left", "ETA at your pace", "on track", title="Milestones",
                  title_justify="left")
    for m in p.milestones:
        table.add_row(m.title, m.deadline.isoformat(), f"{m.remaining_minutes / 60:.0f} h",
                      m.eta.isoformat() if m.eta else "no pace yet", "[red]no[/red]" if m.at_risk else "yes")
    console.print(table)
    render_at_risk(p)
    levels = ("not-started", "attempted", "familiar", "proficient", "mastered")
    mastery = Table("area", *levels, title="Mastery by area", title_justify="left")
    for area, counts in p.mastery_by_area.items():
        mastery.add_row(area, *(str(counts.get(level, 0)) for level in levels))
    console.print(mastery)


@journal_app.command("add")
def journal_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What you learned, in your own words (or a question).")],
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="The topic it is about.")] = None,
    tags: Annotated[list[str] | None, typer.Option("--tag", help="A tag; repeat for more (e.g. --tag question).")]
    = None,
) -> None:
    """Write a journal entry."""
    entry_id = get_coach(ctx).add_journal(text, topic, tags or [])
    console.print(f"Saved entry {entry_id}.")


@journal_app.command("list")
def journal_list(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", "-t")] = None,
    tag: Annotated[str | None, typer.Option("--tag")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Your entries, oldest first."""
    entries = get_coach(ctx).journal(topic, tag)
    if as_json:
        print_json([{**e, "created_at": e["created_at"].isoformat()} for e in entries])
        return
    for e in entries:
        tags = " ".join(f"#{t}" for t in e["tags"])
        console.print(f"[bold]{e['id']}[/bold] {e['created_at']:%Y-%m-%d} {escape(e['topic'] or '')} {tags}\n"
                      f"  {escape(e['text'])}")


@journal_app.command("show")
def journal_show(ctx: typer.Context, entry_id: Annotated[int, typer.Argument(help="An entry number.")]) -> None:
    """One entry in full."""
    found = [e for e in get_coach(ctx).journal() if e["id"] == entry_id]
    if not found:
        from offhours.errors import NotFoundError

        raise NotFoundError(f"no journal entry {entry_id}; see `offhours journal list`")
    e = found[0]
    console.print(f"[bold]Entry {e['id']}[/bold] · {e['created_at']:%Y-%m-%d %H:%M} UTC · {escape(e['topic'] or '')} "
                  + " ".join(f"#{t}" for t in e["tags"]))
    console.print(escape(e["text"]))


@journal_app.command("export")
def journal_export(ctx: typer.Context, folder: Annotated[Path, typer.Argument(help="The vault folder.")]) -> None:
    """Write an Obsidian-compatible Markdown vault: a note per entry, wiki-linked topic notes."""
    count = get_coach(ctx).export_journal(folder)
    console.print(f"Wrote {count} entries to {folder} (open it as a vault in Obsidian).")
