"""Pages that set a learner up: onboarding, settings, calendar import, journal, resources, import/export."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
