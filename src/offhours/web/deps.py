"""Request-scoped access to the coach: one store (connection pool) per app, a coach per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from offhours.coach import Coach


def get_coach(request: Request) -> Iterator[Coach]:
    state = request.app.state
    yield Coach(state.store(), clock=state.clock, home=state.home)


CoachDep = Annotated[Coach, Depends(get_coach)]
