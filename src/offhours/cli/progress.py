"""Progress and reflection: `progress` and the journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from offhours.cli.common import JsonFlag, celebrate, console, get_coach, print_json
from offhours.coach_progress import Progress, progress_json
from offhours.views import journal_entry_json

journal_app = typer.Typer(help="Your learning journal: summaries in your own words, questions, notes.",
                          no_args_is_help=True)
network_app = typer.Typer(help="A light log of contacts, meetups and interviews, with follow-ups.",
                          no_args_is_help=True)
mentor_app = typer.Typer(help="Prepare for mentor meetings.", no_args_is_help=True)
reward_app = typer.Typer(help="Rewards you promise yourself, and when you have earned them.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(progress)
    app.command("achievements")(achievements_command)
    app.add_typer(journal_app, name="journal")
    app.add_typer(reward_app, name="reward")
    app.command("start")(start_timer)
    app.command("charts")(charts_command)
    app.add_typer(network_app, name="network")
    app.add_typer(mentor_app, name="mentor")
    app.command("report")(report_command)
    app.command("stop")(stop_timer)


def render_at_risk(p: Progress) -> None:
    for m in p.milestones:
        if m.at_risk:
            when = f"at your pace it lands on {m.eta}" if m.eta else "with no study logged yet it has no date"
            console.print(f"[yellow]At risk:[/yellow] {escape(m.title)} is due {m.deadline}; {when}. "
                          f"Fix: +{m.extra_minutes_per_week} min/week, or move the date"
                          + (f" to {m.eta}." if m.eta else "."))


def progress(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """This week, your streak and XP, mastery by area, each milestone's ETA, due cards."""
    coach = get_coach(ctx)
    p = coach.progress()
    if as_json:
        earned = coach.achievements()
        print_json({**progress_json(p), "achievements": sorted(earned, key=lambda a: earned[a], reverse=True)})
        return
    celebrate(ctx, p)
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
    celebrate(ctx)


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
        print_json([journal_entry_json(e) for e in entries])
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


def achievements_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Every achievement, and the ones you have earned."""
    from offhours.domain.achievements import ACHIEVEMENTS

    coach = get_coach(ctx)
    celebrate(ctx)
    earned = coach.achievements()
    if as_json:
        print_json([{"id": a.id, "title": a.title, "description": a.description,
                     "earned_at": earned[a.id].isoformat() if a.id in earned else None} for a in ACHIEVEMENTS])
        return
    for a in ACHIEVEMENTS:
        mark = "[green]*[/green]" if a.id in earned else "[dim]-[/dim]"
        console.print(f"{mark} {a.title}: {a.description}" + (f" ({earned[a.id]:%Y-%m-%d})" if a.id in earned else ""))
    console.print(f"{len(earned)} of {len(ACHIEVEMENTS)} earned.")


@reward_app.command("add")
def reward_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help='What you will treat yourself to, e.g. "Buy the new ML book".')],
    when: Annotated[str, typer.Option("--when", help="milestone:ID, streak:DAYS or hours:HOURS")],
) -> None:
    """Promise yourself a reward; offhours tells you when you have earned it."""
    reward_id = get_coach(ctx).add_reward(text, when)
    console.print(f"Reward {reward_id} set: {escape(text)} (when {when}).")
    celebrate(ctx)


@reward_app.command("list")
def reward_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Your rewards, earned or still ahead."""
    found = get_coach(ctx).rewards()
    if as_json:
        print_json([{"id": r["id"], "text": r["text"], "when": r["condition"],
                     "earned_at": r["earned_at"].isoformat() if r["earned_at"] else None} for r in found])
        return
    for r in found:
        state = f"earned {r['earned_at']:%Y-%m-%d}" if r["earned_at"] else "ahead"
        console.print(f"{r['id']}. {escape(r['text'])} — when {r['condition']} ({state})")


@journal_app.command("card")
def journal_card(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(help="An entry number.")],
    front: Annotated[str | None, typer.Option("--front", help="The question (default: asks for your note).")]
    = None,
) -> None:
    """Turn a note into a flashcard: your own words become the answer."""
    card_id = get_coach(ctx).journal_to_card(entry_id, front)
    console.print(f"Added card {card_id}; it joins your reviews.")
    celebrate(ctx)


def start_timer(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="What you study (default: next on your path).")]
    = None,
) -> None:
    """Start a study timer; `offhours stop` logs the minutes."""
    chosen = get_coach(ctx).start_timer(topic)
    console.print(f"Timer started for {chosen}. `offhours stop` when you are done.")


def stop_timer(
    ctx: typer.Context,
    note: Annotated[str | None, typer.Option("--note", help="A line about the session.")] = None,
) -> None:
    """Stop the timer and log the minutes."""
    topic, minutes = get_coach(ctx).stop_timer(note)
    console.print(f"Logged {minutes} min of {topic}." if minutes else "Under a minute: nothing logged.")
    if minutes:
        celebrate(ctx)


def charts_command(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Where to write the SVG charts.")] = Path("offhours-charts"),
) -> None:
    """Write the progress charts as SVG files you can open: weekly minutes, burn-up, heatmap, mastery,
    retention."""
    with console.status("Drawing charts…"):
        paths = get_coach(ctx).write_charts(folder)
    console.print("Wrote " + ", ".join(str(p) for p in paths))


def report_command(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", "-o", help="FILE.html (stands alone) or FILE.md.")],
    week: Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")] = False,
    month: Annotated[bool, typer.Option("--month", help="The last 30 days.")] = False,
) -> None:
    """A shareable summary for a mentor or study buddy, with the charts embedded."""
    from offhours.errors import InputError

    if week and month:
        raise InputError("choose --week or --month, not both")
    with console.status("Writing the report…"):
        path = get_coach(ctx).write_report(out, "month" if month else "week")
    console.print(f"Wrote {path}.")


def _date_option(value: str | None, name: str) -> date | None:
    from offhours.errors import InputError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: expected YYYY-MM-DD, got {value!r}") from None


@network_app.command("add")
def network_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who, or which meetup.")],
    kind: Annotated[str, typer.Option("--kind", help="contact, meetup or interview")] = "contact",
    note: Annotated[str | None, typer.Option("--note", help="What you talked about.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="When you met, YYYY-MM-DD (default today).")] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", help="Remind me on YYYY-MM-DD.")] = None,
) -> None:
    """Log a contact, a meetup or an informational interview; `today` reminds you of follow-ups."""
    contact_id = get_coach(ctx).add_contact(name, kind, note, _date_option(on, "--on"),
                                            _date_option(follow_up, "--follow-up"))
    console.print(f"Logged {escape(name)} ({kind}), entry {contact_id}.")


@network_app.command("list")
def network_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Everyone you logged, with follow-ups."""
    found = get_coach(ctx).contacts()
    if as_json:
        print_json([{**c, "met_on": c["met_on"].isoformat(), "created_at": c["created_at"].isoformat(),
                     "follow_up": c["follow_up"].isoformat() if c["follow_up"] else None} for c in found])
        return
    for c in found:
        follow = f" — follow up {c['follow_up']}" if c["follow_up"] else ""
        console.print(f"{c['id']}. {c['met_on']} {escape(c['name'])} ({c['kind']}){follow}"
                      + (f"\n   {escape(c['note'])}" if c["note"] else ""))


@network_app.command("done")
def network_done(ctx: typer.Context, contact_id: Annotated[int, typer.Argument(help="An entry number.")]) -> None:
    """Mark a follow-up as done."""
    get_coach(ctx).clear_follow_up(contact_id)
    console.print("Follow-up done.")


@mentor_app.command("prep")
def mentor_prep(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the agenda to a Markdown file.")] = None,
) -> None:
    """An agenda for the next mentor meeting: open questions, stuck exercises, the next milestone."""
    agenda = get_coach(ctx).mentor_agenda()
    if out is None:
        typer.echo(agenda)
    else:
        out.write_text(agenda, encoding="utf-8")
        console.print(f"Wrote {out}.")
