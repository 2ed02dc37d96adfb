"""Building the FastAPI app: settings, the shared store, error handling, routers, templates."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from offhours import __version__
from offhours.accounts import NotSignedInError, ThrottledError
from offhours.errors import InputError, NotFoundError, NotInitialisedError
from offhours.settings import Clock, Settings, clock_from_env
from offhours.store import Store
from offhours.web import security

HERE = Path(__file__).parent
logger = logging.getLogger("offhours.web")
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(csrf_token=security.csrf_token, csrf_field=security.csrf_field)


def create_app(settings: Settings | None = None, clock: Clock | None = None, *,
               multi_user: bool = False) -> FastAPI:
    """The app. `multi_user` is team server mode: accounts, sessions, groups, buddies and mentors."""
    settings = settings or Settings.from_env()
    app = FastAPI(title="offhours", version=__version__,
                  description="A local-first study coach for AI/ML: the same use cases as the CLI, as JSON.")
    app.state.clock = clock or clock_from_env()
    app.state.home = settings.home if settings.is_sqlite else None
    app.state.settings = settings
    app.state.multi_user = multi_user
    opened: list[Store] = []

    def store() -> Store:
        if not opened:
            settings.ensure_home()
            opened.append(Store.open(settings.database_url, migrate=not multi_user))
        return opened[0]

    app.state.store = store

    @app.middleware("http")
    async def csrf_cookie(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        security.set_csrf_cookie(request, response, secure=request.url.scheme == "https")
        return response

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        status = (404 if isinstance(exc, NotFoundError) else 409 if isinstance(exc, NotInitialisedError)
                  else 403 if isinstance(exc, security.ForbiddenError) else 401 if isinstance(exc, NotSignedInError)
                  else 429 if isinstance(exc, ThrottledError) else 400)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=status)
        if isinstance(exc, NotSignedInError):
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        if isinstance(exc, NotInitialisedError):
            return RedirectResponse("/welcome", status_code=303)
        return templates.TemplateResponse(request, "error.html", {"message": str(exc)}, status_code=status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        """A bug: log it for the operator, show the person a calm page (never a traceback)."""
        logger.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        message = "offhours hit an unexpected problem; nothing you typed was saved. Try again, or reload the page."
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=500)
        return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=500)

    from offhours.web import api, pages, pages_data, pages_plan, pages_practice, pages_setup

    guarded = [Depends(security.require_csrf)]
    app.include_router(api.router, dependencies=guarded)
    for module in (pages, pages_plan, pages_practice, pages_setup, pages_data):
        app.include_router(module.router, dependencies=guarded)
    if multi_user:
        from offhours.web import auth, mentoring, social

        for router in (*auth.routers, *mentoring.routers, *social.routers):
            app.include_router(router, dependencies=guarded)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def app_from_env() -> FastAPI:
    """The app factory uvicorn workers call (`offhours serve --workers N`): settings from the environment."""
    import os

    return create_app(multi_user=os.environ.get("OFFHOURS_MULTI_USER") == "1")
