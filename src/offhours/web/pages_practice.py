"""Pages for practice: review, exercises with an editor, projects with their checks."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
