"""Cross-site request forgery protection, for the local dashboard as much as for a team server.

A page on another site can make the learner's browser POST to 127.0.0.1:8765. Forms therefore carry a token
that must equal the one in our cookie (double submit); a foreign page can read neither. JSON API calls pass
when they send the token in `X-CSRF-Token`, or when they are `application/json`, which a foreign page
cannot send without a CORS preflight that this app never grants.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response
from markupsafe import Markup

from offhours.errors import InputError

CSRF_COOKIE = "offhours_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class ForbiddenError(InputError):
    """The request is not allowed: a missing or wrong CSRF token, or data of another learner."""


def csrf_token(request: Request) -> str:
    """The token for this browser: the cookie's, or a new one that the response will set."""
    token = getattr(request.state, "csrf_token", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf_token = token
    return str(token)


def csrf_field(request: Request) -> Markup:
    """The hidden form field every POST form includes: `{{ csrf_field(request) }}`."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, csrf_token(request))


def renew_csrf_token(request: Request) -> str:
    """A fresh token (after login or logout), so a token planted before login is worthless after it."""
    request.state.csrf_token = secrets.token_urlsafe(32)
    return str(request.state.csrf_token)


def set_csrf_cookie(request: Request, response: Response, *, secure: bool) -> None:
    token = getattr(request.state, "csrf_token", None)
    if token is not None and token != request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure, path="/")


async def require_csrf(request: Request) -> None:
    """A dependency of every router: unsafe requests must prove they come from our own pages."""
    if request.method in SAFE_METHODS:
        return
    expected = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER, "")
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if not sent and request.url.path.startswith("/api/") and content_type == "application/json":
        return
    if not sent and content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        sent = str((await request.form()).get(CSRF_FIELD, ""))
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise ForbiddenError("this form has expired or did not come from offhours: reload the page and try again")
