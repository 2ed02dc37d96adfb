"""The curriculum and the learner's way through it: topics, resources, path, stack, style quiz."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from offhours.catalog import Resource
from offhours.cli.common import JsonFlag, TopicQuizGroup, console, get_coach, print_json
from offhours.domain.path import LearningPath, PathEdit
from offhours.domain.style import describe_style
from offhours.errors import InputError
from offhours.views import path_json, resource_json, stack_json, topic_detail_json, topic_json

topic_app = typer.Typer(help="One topic: details, or what you already know.", no_args_is_help=True)
path_app = typer.Typer(help="Your ordered path of topics (edit it in self-directed mode).")
stack_app = typer.Typer(help="Your learning stack: a primary resource per topic, plus alternates.")
quiz_app = typer.Typer(cls=TopicQuizGroup, help="Quizzes: `offhours quiz SLUG` checks a topic; `quiz style`.",
                       no_args_is_help=True)

Slug = Annotated[str, typer.Argument(help="A topic slug, as `offhours topics` lists them.")]


def register(app: typer.Typer, profile_app: typer.Typer) -> None:
    app.command()(topics)
    app.add_typer(topic_app, name="topic")
    app.command()(resources)
    app.add_typer(path_app, name="path")
    app.add_typer(stack_app, name="stack")
    app.add_typer(quiz_app, name="quiz")
    profile_app.command("mode")(profile_mode)


# ---- topics and resources ------------------------------------------------------------------------------------

def topics(
    ctx: typer.Context,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Only this area.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the topics of the curriculum graph."""
    coach = get_coach(ctx)
    found = coach.topics(area)
    if as_json:
        print_json([topic_json(t) for t in found])
        return
    table = Table("slug", "title", "area", "level", "hours", "needs")
    for t in found:
        table.add_row(t.slug, t.title, t.area, t.level, f"{t.hours:g}", str(len(t.prerequisites)))
    console.print(table)
    console.print(f"{len(found)} topics. Details: `offhours topic show SLUG`.")


@topic_app.command("show")
def topic_show(ctx: typer.Context, slug: Slug, as_json: JsonFlag = False) -> None:
    """A topic's summary, outcomes, prerequisites, dependents and resources."""
    detail = get_coach(ctx).topic_detail(slug)
    t = detail.topic
    if as_json:
        print_json(topic_detail_json(detail))
        return
    console.print(f"[bold]{t.title}[/bold]  ({t.slug})  ·  {t.area}  ·  {t.level}  ·  about {t.hours:g} h"
                  f"  ·  {detail.status}")
    console.print(t.summary)
    for outcome in t.outcomes:
        console.print(f"  • {outcome}")
    console.print("Needs: " + (", ".join(p.slug for p in detail.prerequisites) or "nothing, a starting point"))
    console.print("Leads to: " + (", ".join(d.slug for d in detail.dependents) or "nothing yet"))
    _resource_table(detail.resources)


@topic_app.command("mark")
def topic_mark(
    ctx: typer.Context,
    slugs: Annotated[list[str], typer.Argument(help="One or more topic slugs.")],
    status: Annotated[str, typer.Option("--as", help="known (skip it), in-progress, done, or todo.")] = "known",
) -> None:
    """Say what you already know (it leaves your path) or where you are with a topic."""
    if status not in ("known", "in-progress", "done", "todo"):
        raise InputError(f"--as: expected known, in-progress, done or todo, got {status!r}")
    get_coach(ctx).mark_topics(slugs, status)  # type: ignore[arg-type]
    console.print(f"Marked {len(slugs)} topic(s) as {status}.")


def _resource_table(found: tuple[Resource, ...] | list[Resource]) -> None:
    table = Table("id", "title", "provider", "format", "cost", "time", "level", "on the go")
    for r in found:
        hours = f"{r.minutes / 60:.0f} h" if r.minutes >= 120 else f"{r.minutes} min"
        table.add_row(r.id, r.title, r.provider, r.format, r.cost, hours, r.level, "yes" if r.suits_dead_time else "")
    console.print(table)


def resources(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only resources for this topic.")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help="video, audio, reading, ...")] = None,
    max_minutes: Annotated[int | None, typer.Option("--max-minutes", help="Sittings of at most N minutes.")] = None,
    free: Annotated[bool, typer.Option("--free", help="Only free resources.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Browse the catalogue of real learning resources."""
    found = get_coach(ctx).resources(topic=topic, format=format, max_minutes=max_minutes, free=free)
    if as_json:
        print_json([resource_json(r) for r in found])
        return
    _resource_table(found)
    console.print(f"{len(found)} resources.")


# ---- the path ------------------------------------------------------------------------------------------------

def render_path(path: LearningPath) -> None:
    number = 0
    for milestone in path.milestones:
        table = Table(title=f"Milestone {milestone.index + 1}: {milestone.title} — {milestone.hours:g} h",
                      title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("topic", no_wrap=True)
        table.add_column("title", overflow="ellipsis", no_wrap=True)
        table.add_column("hours", justify="right")
        table.add_column("status")
        by_slug = {t.slug: t for t in path.topics}
        for slug in milestone.topics:
            t = by_slug[slug]
            number += 1
            table.add_row(str(number), t.slug, t.title, f"{t.hours:g}", t.status)
        console.print(table)
    console.print(f"{len(path.topics)} topics, {path.total_hours:g} h in all, {path.remaining_hours:g} h to go"
                  + (f"; {len(path.skipped)} known topic(s) skipped" if path.skipped else "") + ".")
    for edit, reason in path.ignored_edits:
        console.print(f"[yellow]Note:[/yellow] your edit '{edit.action} {edit.topic}' no longer fits: {reason}")


@path_app.callback(invoke_without_command=True)
def path(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show your ordered path: prerequisites always first, grouped into milestones."""
    if ctx.invoked_subcommand is not None:
        return
    learning_path = get_coach(ctx).path()
    if as_json:
        print_json(path_json(learning_path))
    else:
        render_path(learning_path)


@path_app.command("add")
def path_add(ctx: typer.Context, slug: Slug) -> None:
    """Add a topic (and whatever it needs) to your path."""
    before = set(get_coach(ctx).path().slugs())
    after = get_coach(ctx).edit_path(PathEdit("add", slug))
    added = [s for s in after.slugs() if s not in before]
    console.print(f"Added {slug}" + (f" and its prerequisites {', '.join(a for a in added if a != slug)}"
                                     if len(added) > 1 else "") + ".")


@path_app.command("remove")
def path_remove(ctx: typer.Context, slug: Slug) -> None:
    """Remove a topic you do not want (not one that others on your path need)."""
    get_coach(ctx).edit_path(PathEdit("remove", slug))
    console.print(f"Removed {slug} from your path.")


@path_app.command("move")
def path_move(
    ctx: typer.Context,
    slug: Slug,
    before: Annotated[str | None, typer.Option("--before", help="Put it just before this topic.")] = None,
    after: Annotated[str | None, typer.Option("--after", help="Put it just after this topic.")] = None,
) -> None:
    """Reorder your path; a topic never moves ahead of its prerequisites."""
    if (before is None) == (after is None):
        raise InputError("path move: give exactly one of --before TOPIC or --after TOPIC")
    anchor, placement = (before, "before") if before else (after, "after")
    get_coach(ctx).edit_path(PathEdit("move", slug, anchor, placement))  # type: ignore[arg-type]
    console.print(f"Moved {slug} {placement} {anchor}.")


@path_app.command("reset")
def path_reset(ctx: typer.Context) -> None:
    """Forget your path edits and follow the suggested order again."""
    count = get_coach(ctx).reset_path()
    console.print(f"Cleared {count} path edit(s).")


def profile_mode(
    ctx: typer.Context,
    mode: Annotated[str, typer.Argument(help="structured or self-directed")],
) -> None:
    """Switch between structured (we order the path) and self-directed (you shape it) mode."""
    if mode not in ("structured", "self-directed"):
        raise InputError(f"mode: expected structured or self-directed, got {mode!r}")
    get_coach(ctx).set_mode(mode)  # type: ignore[arg-type]
    console.print(f"Mode set to {mode}.")


# ---- the stack -----------------------------------------------------------------------------------------------

@stack_app.callback(invoke_without_command=True)
def stack(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show one primary resource per topic on your path, with alternates and why it was chosen."""
    if ctx.invoked_subcommand is not None:
        return
    entries = get_coach(ctx).stack()
    if as_json:
        print_json(stack_json(entries))
        return
    table = Table("topic", "primary resource", "format", "why", "alternates")
    for e in entries:
        table.add_row(e.topic, e.primary.title if e.primary else "—", e.primary.format if e.primary else "",
                      e.reason, ", ".join(r.id for r in e.alternates))
    console.print(table)
    formats: dict[str, int] = {}
    for e in entries:
        if e.primary:
            formats[e.primary.format] = formats.get(e.primary.format, 0) + 1
    console.print("Mix: " + ", ".join(f"{n} {f}" for f, n in sorted(formats.items(), key=lambda kv: -kv[1])))


@stack_app.command("swap")
def stack_swap(
    ctx: typer.Context,
    topic: Slug,
    resource: Annotated[str | None, typer.Argument(help="The resource to use (default: the next alternate).")] = None,
) -> None:
    """Use another resource for a topic."""
    entry = get_coach(ctx).choose_in_stack("swap", resource, topic)
    assert entry is not None and entry.primary is not None
    console.print(f"{topic}: now {entry.primary.title} ({entry.primary.id}).")


@stack_app.command("pin")
def stack_pin(ctx: typer.Context, resource: Annotated[str, typer.Argument(help="A resource id.")]) -> None:
    """Prefer a resource wherever it covers a topic on your path (e.g. a book you own)."""
    get_coach(ctx).choose_in_stack("pin", resource)
    console.print(f"Pinned {resource}.")


@stack_app.command("ban")
def stack_ban(ctx: typer.Context, resource: Annotated[str, typer.Argument(help="A resource id.")]) -> None:
    """Never suggest a resource again."""
    get_coach(ctx).choose_in_stack("ban", resource)
    console.print(f"Banned {resource}.")


@stack_app.command("reset")
def stack_reset(ctx: typer.Context) -> None:
    """Forget your swaps, pins and bans."""
    console.print(f"Cleared {get_coach(ctx).reset_stack()} choice(s).")


# ---- the style quiz ------------------------------------------------------------------------------------------

@quiz_app.command("style")
def quiz_style(
    ctx: typer.Context,
    answers: Annotated[str | None, typer.Option("--answers", help="Answer non-interactively, e.g. abcdabcdabcd.")]
    = None,
    as_json: JsonFlag = False,
) -> None:
    """A short self-assessment of how you like to learn; it steers which formats come first."""
    coach = get_coach(ctx)
    coach.profile()  # fail early, before the questions, if there is no learner
    questions = coach.catalog.style_questions
    letters = "abcd"
    if answers is not None:
        picked = [letters.find(ch) for ch in answers.strip().lower() if not ch.isspace()]
        if len(picked) != len(questions) or -1 in picked:
            raise InputError(f"--answers: give {len(questions)} letters a-d, one per question")
    else:
        picked = []
        for number, question in enumerate(questions, 1):
            console.print(f"\n[bold]{number}/{len(questions)}[/bold] {question.prompt}")
            for letter, option in zip(letters, question.options, strict=False):
                console.print(f"  {letter}) {option.text}")

            def parse(value: str) -> int:
                if len(value.strip()) != 1 or value.strip().lower() not in letters:
                    raise typer.BadParameter("answer a, b, c or d")
                return letters.index(value.strip().lower())

            picked.append(typer.prompt("Your answer", value_proc=parse))
    style = coach.save_style(picked)
    lean, honest = describe_style(style)
    if as_json:
        print_json({"style": style.model_dump(), "summary": [lean, honest]})
        return
    console.print(f"\n{lean}\n{honest}")
