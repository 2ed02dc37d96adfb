"""Pages over the catalogue and the learner's data: resources and the stack, import and export."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from offhours.coach import Coach, TransferSummary
from offhours.errors import InputError, NotInitialisedError
from offhours.web.app import templates
from offhours.web.deps import CoachDep
from offhours.web.pages_setup import read_upload, uploaded_file
from offhours.web.security import ForbiddenError

router = APIRouter(include_in_schema=False)

SHOWN = 50  # catalogue rows on one page; the filters narrow the rest
STASH_PREFIX = "offhours-import-"
STASH_HOURS = 1
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


# ---- resources and the stack --------------------------------------------------------------------------------

def _filters(request: Request) -> dict[str, Any]:
    q = request.query_params
    minutes = q.get("max_minutes", "").strip()
    return {"topic": q.get("topic") or None, "format": q.get("format") or None, "free": bool(q.get("free")),
            "text": q.get("q", "").strip() or None,
            "max_minutes": int(minutes) if minutes.isdigit() else None}


def _render_resources(request: Request, coach: Coach, error: str = "", status: int = 200) -> Response:
    filters = _filters(request)
    try:
        found = coach.resources(**filters)
    except InputError as exc:
        found, error = [], error or str(exc)
    catalog = coach.catalog
    stack = coach.stack() if coach.has_learner() else None
    return templates.TemplateResponse(request, "resources.html", {
        "stack": stack, "found": found[:SHOWN], "total": len(found), "filters": filters, "error": error,
        "raw_minutes": request.query_params.get("max_minutes", ""),
        "topics": sorted(catalog.topics.values(), key=lambda t: t.title),
        "titles": {slug: t.title for slug, t in catalog.topics.items()},
        "formats": sorted({r.format for r in catalog.resources.values()}),
        "notice": request.query_params.get("done", "")}, status_code=status)


@router.get("/resources", response_class=HTMLResponse)
def resources(request: Request, coach: CoachDep) -> Response:
    return _render_resources(request, coach)


@router.post("/resources/stack/{action}")
async def stack_choice(request: Request, coach: CoachDep, action: str) -> Response:
    """swap / pin / ban / reset, as `offhours stack ...` offers them."""
    form = await request.form()
    topic = str(form.get("topic", "")) or None
    resource = str(form.get("resource", "")) or None
    back = str(form.get("back", "")) if str(form.get("back", "")).startswith("/resources") else "/resources"

    def act() -> str:
        if action == "reset":
            return f"Cleared {coach.reset_stack()} choice(s)."
        if action == "swap":
            if topic is None:
                raise InputError("say which topic to swap")
            entry = coach.choose_in_stack("swap", resource, topic)
            return f"{topic}: now {entry.primary.title}." if entry and entry.primary else f"{topic}: swapped."
        if action in ("pin", "ban"):
            if resource is None:
                raise InputError(f"say which resource to {action}")
            coach.choose_in_stack(action, resource)  # type: ignore[arg-type]
            return f"{'Pinned' if action == 'pin' else 'Banned'} {resource}."
        raise InputError(f"unknown stack action {action!r}: swap, pin, ban or reset")

    try:
        message = await run_in_threadpool(act)
    except NotInitialisedError:
        raise
    except InputError as exc:
        problem = str(exc)
        return await run_in_threadpool(lambda: _render_resources(request, coach, problem, 400))
    separator = "&" if "?" in back else "?"
    anchor = f"#stack-{topic}" if action == "swap" and topic else ""
    return RedirectResponse(f"{back}{separator}{_query(done=message)}{anchor}", status_code=303)


def _query(**params: str) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


# ---- import and export --------------------------------------------------------------------------------------

def _single_user(request: Request) -> None:
    """An export holds every table, so in team server mode it would hold (and an import replace) everyone's."""
    if request.app.state.multi_user:
        raise ForbiddenError("import and export move a whole home: in team mode they are for the server's admin "
                             "(`offhours export` / `offhours import` on the server)")


def _render_data(request: Request, coach: Coach, **context: Any) -> Response:
    _single_user(request)
    status = int(context.pop("status", 200))
    learner = coach.profile().profile.name if coach.has_learner() else None
    return templates.TemplateResponse(request, "data.html", {
        "learner": learner, "error": "", "preview": None, "token": "", "name": "", "imported": None,
        **context}, status_code=status)


@router.get("/data", response_class=HTMLResponse)
def data(request: Request, coach: CoachDep) -> Response:
    return _render_data(request, coach)


@router.get("/data/export.json")
def export(request: Request, coach: CoachDep) -> Response:
    """Every table as one JSON document (`offhours export`)."""
    _single_user(request)
    day = coach.now().date().isoformat()
    with tempfile.TemporaryDirectory(prefix="offhours-export-") as folder:
        path = Path(folder) / "export.json"
        coach.export(path)
        body = path.read_bytes()
    return Response(body, media_type="application/json", headers={
        "Content-Disposition": f'attachment; filename="offhours-export-{day}.json"', "Cache-Control": "no-store"})


def _stash_path(token: str) -> Path:
    return Path(tempfile.gettempdir()) / f"{STASH_PREFIX}{token}.json"


def _stash(data: bytes) -> str:
    """Keep an uploaded export until the learner confirms it (private file, removed after an hour)."""
    cutoff = time.time() - STASH_HOURS * 3600
    for old in Path(tempfile.gettempdir()).glob(f"{STASH_PREFIX}*.json"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()
    token = secrets.token_urlsafe(24)
    fd = os.open(_stash_path(token), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return token


def _plain(exc: InputError, path: Path, name: str) -> str:
    """The error with the uploaded file's own name instead of where it was kept."""
    return str(exc).replace(str(path), name)


@router.post("/data/import")
async def import_preview(request: Request, coach: CoachDep) -> Response:
    """Validate an uploaded export and show what it holds (`offhours import --dry-run`)."""
    _single_user(request)
    upload = await read_upload(await request.form(), "file")
    if upload is None:
        return await run_in_threadpool(lambda: _render_data(request, coach, status=400,
                                                            error="choose a JSON file written by offhours export"))
    name = upload[0]

    def preview() -> TransferSummary | str:
        with uploaded_file(upload) as path:
            assert path is not None
            try:
                return coach.import_(path, dry_run=True)
            except InputError as exc:
                return _plain(exc, path, name)

    result = await run_in_threadpool(preview)
    if isinstance(result, str):
        return await run_in_threadpool(lambda: _render_data(request, coach, status=400, error=result))
    token = await run_in_threadpool(_stash, upload[1])
    return await run_in_threadpool(lambda: _render_data(request, coach, preview=result, token=token, name=name))


@router.post("/data/import/confirm")
async def import_confirm(request: Request, coach: CoachDep) -> Response:
    """Replace all data with the previewed export, in one transaction (`offhours import --force`)."""
    _single_user(request)
    form = await request.form()
    token, name = str(form.get("token", "")), str(form.get("name", "")) or "the file"
    path = _stash_path(token)
    if not _TOKEN.match(token) or not path.is_file():
        return await run_in_threadpool(lambda: _render_data(
            request, coach, status=400, error="that upload has expired: choose the file again"))
    if await run_in_threadpool(coach.has_learner) and not form.get("replace"):
        return await run_in_threadpool(lambda: _render_data(
            request, coach, status=400, error="tick the box to confirm that this replaces all your data",
            preview=coach.import_(path, dry_run=True), token=token, name=name))

    def apply() -> TransferSummary | str:
        try:
            return coach.import_(path, replace=True)
        except InputError as exc:
            return _plain(exc, path, name)
        finally:
            path.unlink(missing_ok=True)

    result = await run_in_threadpool(apply)
    if isinstance(result, str):
        return await run_in_threadpool(lambda: _render_data(request, coach, status=400, error=result))
    return await run_in_threadpool(lambda: _render_data(request, coach, imported=result, name=name))
