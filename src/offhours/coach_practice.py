"""The coach's hands-on practice: coding exercises run against hidden tests in the sandbox."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from offhours.catalog import Exercise, Project
from offhours.errors import InputError, NotFoundError
from offhours.practice.sandbox import RunResult, run_tests

if TYPE_CHECKING:
    from offhours.coach import Coach


@dataclass(frozen=True)
class ExerciseStatus:
    exercise: Exercise
    state: str  # new | started | passed
    attempts: int


@dataclass(frozen=True)
class Attempt:
    """One recorded submission (an exercise's code, or a project check)."""

    status: str  # pass | fail | error
    passed: int
    total: int
    at: datetime
    code: str


@dataclass(frozen=True)
class ExerciseDetail:
    """An exercise as an editor shows it: where the learner is, and the code to open with."""

    status: ExerciseStatus
    code: str  # the last submission, else the starter
    last_attempt: Attempt | None
    hints_shown: tuple[str, ...]  # the hints revealed so far, in order
    file: str | None  # the file `offhours exercise start` wrote, if it was started that way


@dataclass(frozen=True)
class ProjectDetail:
    project: Project
    state: str  # new | started | passed
    folder: str | None  # where `project start` put it
    last_check: Attempt | None
    folders_here: bool  # False on a team server: the learner's folders are on their own machine


def _exercise(coach: Coach, slug: str) -> Exercise:
    exercise = coach.catalog.exercises.get(slug)
    if exercise is None:
        raise NotFoundError(f"unknown exercise {slug!r}; see `offhours exercise list`")
    return exercise


def list_exercises(coach: Coach, topic: str | None = None) -> list[ExerciseStatus]:
    learner_id = coach.current_learner_id()
    summary = coach.store.exercise_summary(learner_id) if learner_id is not None else {}
    out = []
    for ex in sorted(coach.catalog.exercises.values(), key=lambda e: (e.meta.difficulty, e.slug)):
        if topic is not None and topic not in ex.meta.topics:
            continue
        attempts, passed = summary.get(ex.slug, (0, False))
        started = learner_id is not None and coach.store.exercise_state(learner_id, ex.slug) is not None
        out.append(ExerciseStatus(ex, "passed" if passed else "started" if started or attempts else "new", attempts))
    return out


def _attempt(row: dict[str, Any] | None) -> Attempt | None:
    if row is None:
        return None
    return Attempt(row["status"], row["tests_passed"], row["tests_total"], row["submitted_at"], row["code"])


def exercise_detail(coach: Coach, slug: str) -> ExerciseDetail:
    exercise = _exercise(coach, slug)
    learner_id = coach.current_learner_id()
    state = coach.store.exercise_state(learner_id, slug) if learner_id is not None else None
    last = _attempt(coach.store.last_attempt(learner_id, slug)) if learner_id is not None else None
    summary = coach.store.exercise_summary(learner_id) if learner_id is not None else {}
    attempts, passed = summary.get(slug, (0, False))
    label = "passed" if passed else "started" if state is not None or attempts else "new"
    return ExerciseDetail(ExerciseStatus(exercise, label, attempts), last.code if last else exercise.starter, last,
                          exercise.hints[: state["hints_shown"]] if state else (), state["path"] if state else None)


def start(coach: Coach, slug: str, folder: Path | None = None, *, notebook: bool = False) -> Path:
    """Write the starter (or a notebook) into the learner's folder; an existing file is never overwritten."""
    exercise = _exercise(coach, slug)
    learner_id = coach.profile().learner_id
    base = (folder or coach.workspace / "exercises").expanduser() / slug
    base.mkdir(parents=True, exist_ok=True)
    target = base / (f"{slug}.ipynb" if notebook else f"{slug}.py")
    if not target.exists():
        if notebook:
            from offhours.integrations.notebooks import write_exercise_notebook  # nbformat is slow to import

            write_exercise_notebook(target, exercise.readme, exercise.starter)
        else:
            target.write_text(exercise.starter, encoding="utf-8")
        (base / "README.md").write_text(exercise.readme, encoding="utf-8")
        for name, data in exercise.support.items():
            (base / name).write_bytes(data)
    coach.store.start_exercise(learner_id, slug, str(target.resolve()), now=coach.now())
    return target


def _learner_code(coach: Coach, exercise: Exercise, path: Path | None) -> str:
    if path is None:
        state = coach.store.exercise_state(coach.profile().learner_id, exercise.slug)
        if state is None:
            raise InputError(f"start it first: `offhours exercise start {exercise.slug}`")
        path = Path(state["path"])
    if not path.is_file():
        raise InputError("your exercise file is missing", where=str(path))
    if path.suffix == ".ipynb":
        from offhours.integrations.notebooks import notebook_code

        return notebook_code(path)
    return path.read_text(encoding="utf-8")


def _check_requirements(exercise: Exercise) -> None:
    missing = [m for m in exercise.meta.requires if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(f"this exercise needs {', '.join(missing)}: pip install 'offhours[ml]'")


def run(coach: Coach, slug: str, code: str) -> RunResult:
    exercise = _exercise(coach, slug)
    _check_requirements(exercise)
    hide = [coach.home] if coach.home is not None else []
    return run_tests(code, exercise.tests, hide=hide, timeout=exercise.meta.timeout, support=exercise.support)


def test(coach: Coach, slug: str, path: Path | None = None) -> RunResult:
    exercise = _exercise(coach, slug)
    return run(coach, slug, _learner_code(coach, exercise, path))


def submit(coach: Coach, slug: str, path: Path | None = None) -> tuple[RunResult, str | None]:
    """Run the tests and record the attempt; a pass completes today's exercise block for the topic."""
    return submit_code(coach, slug, _learner_code(coach, _exercise(coach, slug), path))


def submit_code(coach: Coach, slug: str, code: str) -> tuple[RunResult, str | None]:
    """`submit` for code that comes from an editor rather than a file."""
    exercise = _exercise(coach, slug)
    result = run(coach, slug, code)
    stored = coach.profile()
    passed = sum(1 for t in result.tests if t["status"] == "pass")
    coach.store.add_attempt(stored.learner_id, slug, status=result.status, passed=passed, total=len(result.tests),
                            code=code, now=coach.now())
    completed = None
    if result.status == "pass":
        tz = ZoneInfo(stored.profile.timezone)
        today = coach.now().astimezone(tz).date()
        for block, _ in coach.store.load_blocks(stored.learner_id):
            if (block.status == "planned" and block.activity == "exercise" and block.topic in exercise.meta.topics
                    and block.start.astimezone(tz).date() >= today):
                coach.mark_block(block.id, "done")
                completed = block.id
                break
    return result, completed


def hint(coach: Coach, slug: str) -> tuple[int, int, str]:
    exercise = _exercise(coach, slug)
    learner_id = coach.profile().learner_id
    state = coach.store.exercise_state(learner_id, slug)
    if state is None:
        raise InputError(f"start it first: `offhours exercise start {slug}`")
    shown = min(state["hints_shown"] + 1, len(exercise.hints))
    coach.store.update_exercise_state(learner_id, slug, hints_shown=shown)
    return shown, len(exercise.hints), exercise.hints[shown - 1]


def hint_number(coach: Coach, slug: str, number: int) -> tuple[int, int, str]:
    """Hint `number` (from 1), for a face that counts the hints it showed (the web editor needs no started
    file); a started exercise remembers the furthest one, as `hint` does."""
    exercise = _exercise(coach, slug)
    if not 1 <= number <= len(exercise.hints):
        raise InputError(f"hint: expected a number from 1 to {len(exercise.hints)}, got {number}")
    learner_id = coach.profile().learner_id
    state = coach.store.exercise_state(learner_id, slug)
    if state is not None and state["hints_shown"] < number:
        coach.store.update_exercise_state(learner_id, slug, hints_shown=number)
    return number, len(exercise.hints), exercise.hints[number - 1]


def solution(coach: Coach, slug: str, *, give_up: bool = False) -> str:
    exercise = _exercise(coach, slug)
    learner_id = coach.profile().learner_id
    passed = coach.store.exercise_summary(learner_id).get(slug, (0, False))[1]
    state = coach.store.exercise_state(learner_id, slug)
    if give_up and state is not None:
        coach.store.update_exercise_state(learner_id, slug, gave_up=True)
    elif not passed and not (state and state["gave_up"]):
        raise InputError("the solution opens after a pass, or with --give-up (trying first is how it sticks)")
    return exercise.solution


# ---- guided projects --------------------------------------------------------------------------------------------

PROJECT_FILE_LIMIT = 5 * 1024 * 1024  # the check reads the learner's folder, but not a stray dataset dump


def _project(coach: Coach, slug: str) -> Project:
    project = coach.catalog.projects.get(slug)
    if project is None:
        raise NotFoundError(f"unknown project {slug!r}; see `offhours project list`")
    return project


def list_projects(coach: Coach) -> list[tuple[Project, str]]:
    learner_id = coach.current_learner_id()
    summary = coach.store.exercise_summary(learner_id) if learner_id is not None else {}
    out = []
    for project in sorted(coach.catalog.projects.values(), key=lambda p: p.meta.order):
        key = f"project/{project.slug}"
        started = learner_id is not None and coach.store.exercise_state(learner_id, key) is not None
        state = "passed" if summary.get(key, (0, False))[1] else "started" if started else "new"
        out.append((project, state))
    return out


def project_detail(coach: Coach, slug: str) -> ProjectDetail:
    project = _project(coach, slug)
    learner_id = coach.current_learner_id()
    key = f"project/{slug}"
    state = coach.store.exercise_state(learner_id, key) if learner_id is not None else None
    last = _attempt(coach.store.last_attempt(learner_id, key)) if learner_id is not None else None
    passed = learner_id is not None and coach.store.exercise_summary(learner_id).get(key, (0, False))[1]
    label = "passed" if passed else "started" if state is not None else "new"
    return ProjectDetail(project, label, state["path"] if state else None, last, coach.account is None)


def _folders_here(coach: Coach, slug: str) -> None:
    """A team server must not write or read folders on its own disk for a signed-in browser."""
    if coach.account is not None:
        raise InputError(f"projects live in a folder on your own computer: run `offhours project start {slug}` "
                         f"and `offhours project check {slug}` there")


def start_project(coach: Coach, slug: str, folder: Path | None = None) -> Path:
    """Write the scaffold (brief, starter files, .gitignore) as a git-ready folder; never overwrite."""
    project = _project(coach, slug)
    _folders_here(coach, slug)
    target = (folder or coach.workspace / "projects").expanduser() / slug
    target.mkdir(parents=True, exist_ok=True)
    for name, data in {"BRIEF.md": project.brief.encode(), **project.starter}.items():
        path = target / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if shutil.which("git") and not (target / ".git").exists():
        subprocess.run(["git", "init", "-q", str(target)], check=False, capture_output=True)
    coach.store.start_exercise(coach.profile().learner_id, f"project/{slug}", str(target.resolve()), now=coach.now())
    return target


def _project_files(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        skipped = any(p in (".git", "__pycache__", ".ipynb_checkpoints") for p in parts)
        if path.is_file() and not skipped and path.stat().st_size <= PROJECT_FILE_LIMIT:
            files["/".join(parts)] = path.read_bytes()
    return files


def check_project(coach: Coach, slug: str, folder: Path | None = None) -> RunResult:
    """Run the project's automatic check on the learner's folder (in the sandbox) and record it."""
    project = _project(coach, slug)
    _folders_here(coach, slug)
    learner_id = coach.profile().learner_id
    if folder is None:
        state = coach.store.exercise_state(learner_id, f"project/{slug}")
        if state is None:
            raise InputError(f"start it first: `offhours project start {slug}`")
        folder = Path(state["path"])
    if not folder.is_dir():
        raise InputError("the project folder is missing", where=str(folder))
    missing = [m for m in project.meta.requires if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(f"this project needs {', '.join(missing)}: pip install 'offhours[ml]'")
    hide = [coach.home] if coach.home is not None else []
    result = run_tests("", project.check, hide=hide, timeout=project.meta.timeout, support=_project_files(folder))
    passed = sum(1 for t in result.tests if t["status"] == "pass")
    coach.store.add_attempt(learner_id, f"project/{slug}", status=result.status, passed=passed,
                            total=len(result.tests), code="", now=coach.now())
    return result
