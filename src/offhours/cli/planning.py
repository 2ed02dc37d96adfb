"""Time: the work calendar now; the plan, today and now as the planner lands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from offhours.cli.common import JsonFlag, console, get_coach, print_json
from offhours.coach import CalendarSummary

calendar_app = typer.Typer(help="Your work calendar: busy time the plan keeps clear of.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")


def calendar_json(summary: CalendarSummary) -> dict[str, Any]:
    return {"name": summary.name, "imported_at": summary.imported_at.isoformat(),
            "busy_events_next_4_weeks": summary.busy_events,
            "days_off_next_90_days": [d.isoformat() for d in summary.days_off],
            "unreadable_series": [{"uid": u.uid, "summary": u.summary, "reason": u.reason, "blocked": u.blocked}
                                  for u in summary.unreadable]}


def _render(summary: CalendarSummary) -> None:
    console.print(f"{summary.name}: {summary.busy_events} busy events in the next four weeks; "
                  f"{len(summary.days_off)} day(s) off in the next 90 days"
                  + (f" ({', '.join(d.isoformat() for d in summary.days_off[:5])}"
                     + (", …" if len(summary.days_off) > 5 else "") + ")" if summary.days_off else "") + ".")
    for series in summary.unreadable:
        console.print(f"[yellow]Could not read the recurrence of '{series.summary}'[/yellow] ({series.reason}); "
                      f"to be safe offhours treats {series.blocked} as busy.", markup=True)


@calendar_app.command("import")
def calendar_import(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="An .ics export.")],
                    as_json: JsonFlag = False) -> None:
    """Replace the stored work calendar with an .ics export (Google, Outlook, Apple, Thunderbird…)."""
    summary = get_coach(ctx).import_calendar(file)
    if as_json:
        print_json(calendar_json(summary))
        return
    console.print("Imported the work calendar.")
    _render(summary)


@calendar_app.command("show")
def calendar_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """What the stored calendar means for the coming weeks."""
    summary = get_coach(ctx).calendar_summary()
    if as_json:
        print_json(calendar_json(summary) if summary else None)
    elif summary is None:
        console.print("No work calendar stored. Add one with `offhours calendar import FILE.ics`.")
    else:
        _render(summary)


@calendar_app.command("clear")
def calendar_clear(ctx: typer.Context) -> None:
    """Forget the stored work calendar."""
    console.print("Calendar cleared." if get_coach(ctx).clear_calendar() else "No calendar was stored.")
