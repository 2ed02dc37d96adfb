"""Team server mode: sign-up, sign-in, sign-out and the account page, as forms and as JSON.

Each sign-in makes a brand-new session and a new CSRF token (no session fixation); sign-out deletes the
session row, so the cookie is worthless even if kept.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from offhours.accounts import SESSION_LIFETIME, FieldError, SignedIn
from offhours.store.team import Account
from offhours.web import security
from offhours.web.app import templates
from offhours.web.deps import SESSION_COOKIE, AccountDep, AccountsDep, get_account

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["account"])
routers = [pages, api]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _start_session(request: Request, response: Response, signed_in: SignedIn) -> None:
    security.renew_csrf_token(request)
    response.set_cookie(SESSION_COOKIE, signed_in.token, max_age=int(SESSION_LIFETIME.total_seconds()),
                        httponly=True, samesite="lax", secure=request.url.scheme == "https", path="/")


def _safe_next(target: str) -> str:
    """Only a path on this site (never //evil.example or https://...): no open redirect."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


def account_json(account: Account) -> dict[str, object]:
    """What an account looks like from outside: never its password hash."""
    return {"id": account.id, "email": account.email, "display_name": account.display_name,
            "is_admin": account.is_admin, "has_profile": account.learner_id is not None,
            "buddy_code": account.buddy_code}


# ---- pages ------------------------------------------------------------------------------------------------


def _form(request: Request, name: str, values: dict[str, str], error: FieldError | None = None,
          status: int = 200) -> Response:
    errors = {error.field: error.message} if error else {}
    return templates.TemplateResponse(request, name, {"values": values, "errors": errors}, status_code=status)


@pages.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return _form(request, "login.html", {"next": _safe_next(next)})


@pages.post("/login")
def login(request: Request, accounts: AccountsDep, email: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    try:
        signed_in = accounts.log_in(email, password, client=_client(request))
    except FieldError as error:
        return _form(request, "login.html", {"email": email, "next": _safe_next(next)}, error, status=400)
    response = RedirectResponse(_safe_next(next), status_code=303)
    _start_session(request, response, signed_in)
    return response


@pages.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, invite: str = "") -> Response:
    return _form(request, "signup.html", {"invite_code": invite})


@pages.post("/signup")
def signup(request: Request, accounts: AccountsDep, email: Annotated[str, Form()] = "",
           display_name: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
           invite_code: Annotated[str, Form()] = "") -> Response:
    values = {"email": email, "display_name": display_name, "invite_code": invite_code}
    try:
        accounts.sign_up(email, display_name, password, invite_code)
        signed_in = accounts.log_in(email, password, client=_client(request))
    except FieldError as error:
        return _form(request, "signup.html", values, error, status=400)
    response = RedirectResponse("/welcome", status_code=303)  # onboarding: the learner's profile
    _start_session(request, response, signed_in)
    return response


@pages.post("/logout")
def logout(request: Request, accounts: AccountsDep) -> Response:
    accounts.log_out(request.cookies.get(SESSION_COOKIE))
    security.renew_csrf_token(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@pages.get("/account", response_class=HTMLResponse)
def account_page(request: Request, account: AccountDep) -> Response:
    return templates.TemplateResponse(request, "account.html", {"account": account, "errors": {}, "done": False})


@pages.post("/account/password")
def change_password(request: Request, account: AccountDep, accounts: AccountsDep,
                    current_password: Annotated[str, Form()] = "",
                    new_password: Annotated[str, Form()] = "") -> Response:
    try:
        accounts.change_password(account, current_password, new_password,
                                 session_token=request.cookies.get(SESSION_COOKIE, ""))
    except FieldError as error:
        return templates.TemplateResponse(request, "account.html", {
            "account": account, "errors": {error.field: error.message}, "done": False}, status_code=400)
    return templates.TemplateResponse(request, "account.html", {"account": account, "errors": {}, "done": True})


@pages.post("/account/invites")
def make_invite(request: Request, account: AccountDep, accounts: AccountsDep) -> Response:
    code = accounts.create_invite(account)
    return templates.TemplateResponse(request, "account.html", {
        "account": account, "errors": {}, "done": False, "invite": code})


# ---- JSON ---------------------------------------------------------------------------------------------------


class Credentials(BaseModel):
    email: str
    password: str


class SignUp(Credentials):
    display_name: str
    invite_code: str = ""


class PasswordChange(BaseModel):
    current_password: str
    new_password: str


@api.post("/session")
def api_login(request: Request, body: Credentials, accounts: AccountsDep, response: Response) -> dict[str, object]:
    """Sign in: sets the session cookie (HttpOnly) and returns the account."""
    signed_in = accounts.log_in(body.email, body.password, client=_client(request))
    _start_session(request, response, signed_in)
    return account_json(signed_in.account)


@api.delete("/session")
def api_logout(request: Request, accounts: AccountsDep, response: Response) -> dict[str, bool]:
    accounts.log_out(request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return {"signed_out": True}


@api.post("/accounts", status_code=201)
def api_signup(body: SignUp, accounts: AccountsDep) -> dict[str, object]:
    return account_json(accounts.sign_up(body.email, body.display_name, body.password, body.invite_code))


@api.get("/account")
def api_account(account: AccountDep) -> dict[str, object]:
    return account_json(account)


@api.post("/account/password")
def api_change_password(request: Request, body: PasswordChange, account: AccountDep,
                        accounts: AccountsDep) -> dict[str, bool]:
    accounts.change_password(account, body.current_password, body.new_password,
                             session_token=request.cookies.get(SESSION_COOKIE, ""))
    return {"changed": True}


__all__ = ["account_json", "get_account", "routers"]
