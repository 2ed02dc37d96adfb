"""Pages that set a learner up: onboarding, settings (profile, mode, work calendar, feed), the journal.

Forms that fail validation are shown again with everything typed and each problem beside its field;
nothing is saved then. Resources, the stack and import/export live in pages_data.py.
"""

from __future__ import annotations

import base64
import binascii
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from offhours.coach import Coach
from offhours.domain.achievements import ACHIEVEMENTS
from offhours.errors import InputError, NotFoundError, NotInitialisedError
from offhours.web import profile_form
from offhours.web.app import templates
from offhours.web.deps import CoachDep
from offhours.web.profile_form import ProfileForm

router = APIRouter(include_in_schema=False)

CARRY_LIMIT = 700_000  # an uploaded calendar up to this size survives a re-render in a hidden field


def _see(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _safe_name(filename: str | None, default: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", Path(filename or "").name).strip("._")
    return name or default


async def read_upload(form: FormData, name: str) -> tuple[str, bytes] | None:
    """(file name, bytes) of a file field, or None when no file was chosen."""
    upload = form.get(name)
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    data = await upload.read()
    return (_safe_name(upload.filename, "upload"), data) if data else None


@contextmanager
def uploaded_file(upload: tuple[str, bytes] | None) -> Iterator[Path | None]:
    """The upload as a file under its own name (coach methods read files, and name them in messages)."""
    if upload is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="offhours-upload-") as folder:
        path = Path(folder) / upload[0]
        path.write_bytes(upload[1])
        yield path


# ---- onboarding ---------------------------------------------------------------------------------------------

def _render_onboarding(request: Request, coach: Coach, form: ProfileForm, status: int = 200) -> Response:
    return templates.TemplateResponse(request, "onboarding.html", {
        "form": form, "c": profile_form.choices(coach)}, status_code=status)


@router.get("/onboarding", response_class=HTMLResponse)
def onboarding(request: Request, coach: CoachDep) -> Response:
    if coach.has_learner():
        return _see("/settings")
    return _render_onboarding(request, coach, profile_form.new_form(coach, len(coach.catalog.style_questions)))


def _carried_calendar(form: ProfileForm) -> tuple[str, bytes] | None:
    if not form.calendar_name or not form.calendar_data:
        return None
    try:
        return _safe_name(form.calendar_name, "calendar.ics"), base64.b64decode(form.calendar_data, validate=True)
    except (binascii.Error, ValueError):
        return None


def _onboard(coach: Coach, form: ProfileForm, calendar: tuple[str, bytes] | None) -> bool:
    """Validate everything, then save the learner (and calendar) as `offhours init` does. True when saved."""
    profile = profile_form.build_profile(coach, form)
    if profile is not None:
        with uploaded_file(calendar) as path:
            try:
                coach.init_profile(profile, calendar=path)
                coach.plan()  # the first plan, as `offhours plan` builds it, so /plan opens with blocks
                return True
            except InputError as exc:
                if path is None or exc.where != str(path):
                    raise
                form.errors["calendar"] = exc.message  # the file did not parse: drop it, keep the rest
                calendar = None
    form.calendar_name, form.calendar_data = "", ""
    if calendar is not None and len(calendar[1]) <= CARRY_LIMIT:
        form.calendar_name, form.calendar_data = calendar[0], base64.b64encode(calendar[1]).decode("ascii")
    elif calendar is not None:
        form.errors.setdefault("calendar", "please choose the calendar file again (it is too large to keep "
                                           "while you correct the form)")
    return False


@router.post("/onboarding")
async def onboarding_submit(request: Request, coach: CoachDep) -> Response:
    if await run_in_threadpool(coach.has_learner):
        return _see("/settings")
    submitted = await request.form()
    form = profile_form.read_form(submitted, len(coach.catalog.style_questions))
    calendar = await read_upload(submitted, "calendar") or _carried_calendar(form)
    if await run_in_threadpool(_onboard, coach, form, calendar):
        return _see("/plan")
    return _render_onboarding(request, coach, form, status=400)


@router.post("/demo")
def demo(coach: CoachDep) -> Response:
    """The bundled example learner (`offhours demo`)."""
    if coach.has_learner():
        return _see("/settings")
    coach.init_profile(coach.demo_profile())
    coach.plan()
    return _see("/plan")


# ---- settings -----------------------------------------------------------------------------------------------

NOTICES = {"profile": "Profile saved, and your plan rebuilt to fit it.",
           "mode": "Mode changed.", "calendar": "Work calendar imported.", "calendar-cleared": "Calendar cleared.",
           "feed": "A new feed URL: the old one no longer works."}


def _render_settings(request: Request, coach: Coach, *, form: ProfileForm | None = None,
                     calendar_error: str = "", status: int = 200) -> Response:
    stored = coach.profile()
    questions = len(coach.catalog.style_questions)
    token = coach.feed_token()
    return templates.TemplateResponse(request, "settings.html", {
        "stored": stored, "form": form or profile_form.form_from_profile(stored, questions),
        "c": profile_form.choices(coach), "calendar": coach.calendar_summary(), "calendar_error": calendar_error,
        "feed_url": f"{request.base_url}calendar.ics?token={token}",
        "notice": NOTICES.get(request.query_params.get("saved", ""), "")}, status_code=status)


@router.get("/settings", response_class=HTMLResponse)
def settings(request: Request, coach: CoachDep) -> Response:
    return _render_settings(request, coach)


def _save_profile(coach: Coach, form: ProfileForm) -> bool:
    stored = coach.profile()
    p = stored.profile
    keep: dict[str, Any] = {"start_date": stored.start_date.isoformat(), "mode": p.mode}
    if p.style is not None:
        keep["style"] = p.style.model_dump()
    form.style = p.style
    profile = profile_form.build_profile(coach, form, keep)
    if profile is None:
        return False
    coach.init_profile(profile, replace=True)
    coach.plan()  # replanning keeps done blocks and every future block that still fits
    return True


@router.post("/settings/profile")
async def settings_profile(request: Request, coach: CoachDep) -> Response:
    form = profile_form.read_form(await request.form(), len(coach.catalog.style_questions))
    if await run_in_threadpool(_save_profile, coach, form):
        return _see("/settings?saved=profile#profile")
    return await run_in_threadpool(lambda: _render_settings(request, coach, form=form, status=400))


@router.post("/settings/mode")
async def settings_mode(request: Request, coach: CoachDep) -> Response:
    mode = str((await request.form()).get("mode", ""))
    if mode not in ("structured", "self-directed"):
        raise InputError(f"unknown mode {mode!r}: structured or self-directed")
    await run_in_threadpool(coach.set_mode, mode)  # type: ignore[arg-type]
    return _see("/settings?saved=mode#mode")


@router.post("/settings/calendar")
async def settings_calendar(request: Request, coach: CoachDep) -> Response:
    """Replace the work calendar with an uploaded .ics (`offhours calendar import`)."""
    upload = await read_upload(await request.form(), "calendar")
    if upload is None:
        error = "choose an .ics file exported from your calendar app"
    else:
        try:
            with uploaded_file(upload) as path:
                assert path is not None
                await run_in_threadpool(coach.import_calendar, path)
            return _see("/settings?saved=calendar#calendar")
        except NotInitialisedError:
            raise
        except InputError as exc:
            error = exc.message
    return await run_in_threadpool(lambda: _render_settings(request, coach, calendar_error=error, status=400))


@router.post("/settings/calendar/clear")
def settings_calendar_clear(coach: CoachDep) -> Response:
    coach.clear_calendar()
    return _see("/settings?saved=calendar-cleared#calendar")


@router.post("/settings/feed")
def settings_feed(coach: CoachDep) -> Response:
    coach.feed_token(renew=True)
    return _see("/settings?saved=feed#feed")


# ---- the journal --------------------------------------------------------------------------------------------

def _render_journal(request: Request, coach: Coach, *, entry: dict[str, str] | None = None,
                    errors: dict[str, str] | None = None, status: int = 200) -> Response:
    params = request.query_params
    topic, tag = params.get("topic") or None, params.get("tag") or None
    entries = list(reversed(coach.journal(topic, tag)))  # newest first
    unlocked = set(params.get("unlocked", "").split(","))
    return templates.TemplateResponse(request, "journal.html", {
        "entries": entries, "topic": topic or "", "tag": tag or "", "entry": entry or {}, "errors": errors or {},
        "topics": sorted(coach.catalog.topics.values(), key=lambda t: t.title),
        "titles": {slug: t.title for slug, t in coach.catalog.topics.items()},
        "added": params.get("added", ""), "card": params.get("card", ""),
        "unlocked": [a for a in ACHIEVEMENTS if a.id in unlocked]}, status_code=status)


@router.get("/journal", response_class=HTMLResponse)
def journal(request: Request, coach: CoachDep) -> Response:
    return _render_journal(request, coach)


def _add_entry(coach: Coach, entry: dict[str, str]) -> tuple[int | None, dict[str, str]]:
    tags = [t for t in re.split(r"[,\s]+", entry["tags"]) if t]
    if entry.get("question"):
        tags.append("question")
    try:
        return coach.add_journal(entry["text"], entry["topic"] or None, tags), {}
    except NotInitialisedError:
        raise
    except NotFoundError as exc:
        return None, {"topic": str(exc)}
    except InputError as exc:
        message = str(exc)
        if message.startswith("--tag: "):
            return None, {"tags": message.removeprefix("--tag: ")}
        return None, {"text": message}


@router.post("/journal")
async def journal_add(request: Request, coach: CoachDep) -> Response:
    """Add an entry (`offhours journal add`; the same as POST /api/journal)."""
    form = await request.form()
    entry = {name: str(form.get(name, "")) for name in ("text", "topic", "tags", "question")}
    entry_id, errors = await run_in_threadpool(_add_entry, coach, entry)
    if entry_id is None:
        return await run_in_threadpool(lambda: _render_journal(request, coach, entry=entry, errors=errors,
                                                               status=400))
    news = await run_in_threadpool(coach.celebrate)
    unlocked = ",".join(a.id for a in news.achievements)
    return _see(f"/journal?added={entry_id}" + (f"&unlocked={unlocked}" if unlocked else "") + f"#entry-{entry_id}")


@router.post("/journal/{entry_id}/card")
def journal_card(coach: CoachDep, entry_id: int) -> Response:
    """Turn an entry into a flashcard (`offhours journal card ID`)."""
    card_id = coach.journal_to_card(entry_id)
    return _see(f"/journal?card={card_id}#entry-{entry_id}")
