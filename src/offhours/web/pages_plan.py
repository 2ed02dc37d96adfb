"""Pages about time: the week calendar, milestones timeline, the knowledge map."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
