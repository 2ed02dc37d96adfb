"""Coding exercises: list, start, test, hint, submit, solution."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from offhours.cli.common import JsonFlag, celebrate, console, get_coach, print_json
from offhours.practice.sandbox import RunResult
from offhours.views import exercise_status_json

exercise_app = typer.Typer(help="Auto-graded coding exercises, run in a sandbox.", no_args_is_help=True)
Slug = Annotated[str, typer.Argument(help="An exercise slug, as `offhours exercise list` shows them.")]
FileOption = Annotated[Path | None, typer.Option("--file", "-f", help="Test this file instead of the started one.")]


project_app = typer.Typer(help="Guided projects with automatic checks on held-out data.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(exercise_app, name="exercise")
    app.add_typer(project_app, name="project")


@exercise_app.command("list")
def exercise_list(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only exercises on this topic.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Every exercise, easiest first, with where you are on it."""
    found = get_coach(ctx).exercises(topic)
    if as_json:
        print_json([exercise_status_json(s) for s in found])
        return
    table = Table("slug", "title", "difficulty", "min", "status")
    for s in found:
        table.add_row(s.exercise.slug, s.exercise.meta.title, str(s.exercise.meta.difficulty),
                      str(s.exercise.meta.minutes), s.state)
    console.print(table)


@exercise_app.command("start")
def exercise_start(
    ctx: typer.Context,
    slug: Slug,
    folder: Annotated[Path | None, typer.Option("--dir", "-d", help="Folder (default ./offhours-exercises).")]
    = None,
    notebook: Annotated[bool, typer.Option("--notebook", help="Write a Jupyter notebook instead of a .py file.")]
    = False,
) -> None:
    """Write the task and a starter file for you to edit."""
    path = get_coach(ctx).start_exercise(slug, folder, notebook=notebook)
    console.print(f"Your file: {path}\nThe task is in {path.parent / 'README.md'}. "
                  f"Then: `offhours exercise test {slug}`.")


def render(result: RunResult) -> None:
    for test in result.tests:
        mark = {"pass": "[green]✓[/green]", "fail": "[red]✗[/red]", "error": "[red]![/red]"}[test["status"]]
        console.print(f"{mark} {escape(test['name'])}" + (f": {escape(test['message'])}" if test["message"] else ""))
        if test.get("output") and test["status"] != "pass":
            console.print(f"  [dim]output: {escape(test['output'])}[/dim]")
    passed = sum(1 for t in result.tests if t["status"] == "pass")
    summary = {"pass": "[green]All tests pass.[/green]", "fail": f"{passed}/{len(result.tests)} tests pass.",
               "error": "[red]Error:[/red] " + escape(result.message or "")}[result.status]
    console.print(summary + f" [dim]({result.seconds:.2f} s)[/dim]")
    weaker = [i for i in result.isolation if i.startswith(("no network or process isolation", "no process"))]
    for note in weaker:  # say plainly when the sandbox could not isolate the code fully
        console.print(f"[yellow]Sandbox:[/yellow] {escape(note)}")


@exercise_app.command("test")
def exercise_test(ctx: typer.Context, slug: Slug, file: FileOption = None, as_json: JsonFlag = False) -> None:
    """Run the hidden tests on your code and show which pass."""
    result = get_coach(ctx).test_exercise(slug, file)
    if as_json:
        print_json(result.to_json())
    else:
        render(result)


@exercise_app.command("submit")
def exercise_submit(ctx: typer.Context, slug: Slug, file: FileOption = None, as_json: JsonFlag = False) -> None:
    """Run the tests and record the attempt; a pass counts toward mastery and your plan."""
    result, block = get_coach(ctx).submit_exercise(slug, file)
    if as_json:
        print_json({**result.to_json(), "completed_block": block})
        return
    render(result)
    if result.status == "pass":
        console.print("Recorded as passed" + (f"; plan block {block} is done." if block else ".")
                      + f" Compare with the reference: `offhours exercise solution {slug}`.")
        celebrate(ctx)


@exercise_app.command("hint")
def exercise_hint(ctx: typer.Context, slug: Slug) -> None:
    """Show the next hint."""
    number, total, text = get_coach(ctx).exercise_hint(slug)
    console.print(f"[bold]Hint {number}/{total}[/bold]\n{escape(text)}")


@exercise_app.command("solution")
def exercise_solution(
    ctx: typer.Context,
    slug: Slug,
    give_up: Annotated[bool, typer.Option("--give-up", help="Show it before passing.")] = False,
) -> None:
    """The reference solution, after a pass (or an explicit give-up)."""
    typer.echo(get_coach(ctx).exercise_solution(slug, give_up=give_up))


@project_app.command("list")
def project_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The guided projects, in order of growing complexity."""
    found = get_coach(ctx).projects()
    if as_json:
        print_json([{"slug": p.slug, "title": p.meta.title, "order": p.meta.order, "hours": p.meta.hours,
                     "topics": list(p.meta.topics), "status": state} for p, state in found])
        return
    table = Table("#", "slug", "title", "hours", "status")
    for p, state in found:
        table.add_row(str(p.meta.order), p.slug, p.meta.title, f"{p.meta.hours:g}", state)
    console.print(table)


@project_app.command("start")
def project_start(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="A project slug.")],
    folder: Annotated[Path | None, typer.Option("--dir", "-d", help="Parent folder (default ./offhours-exercises).")]
    = None,
) -> None:
    """Write the project scaffold as a git-ready folder: the brief, starter files, a .gitignore."""
    path = get_coach(ctx).start_project(slug, folder)
    console.print(f"Your project: {path}\nRead BRIEF.md, then `offhours project check {slug}`.")


@project_app.command("check")
def project_check(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="A project slug.")],
    folder: Annotated[Path | None, typer.Option("--dir", "-d", help="Check this folder instead.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Run the automatic check: real outcomes on held-out data and the required artifacts."""
    with console.status("Checking your project (training and scoring on held-out data)…"):
        result = get_coach(ctx).check_project(slug, folder)
    if as_json:
        print_json(result.to_json())
    else:
        render(result)
        if result.status == "pass":
            celebrate(ctx)
