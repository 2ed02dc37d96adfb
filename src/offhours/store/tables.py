"""The database schema. Every table a learner's data lives in is declared here and nowhere else.

Times are stored in UTC (`UTCDateTime`); calendar dates and wall-clock times are the learner's own and
are stored as they are. Only portable column types are used, so SQLite and PostgreSQL share one schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC; refuses naive input so no local time slips in."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value  # raw SQLite text
        assert isinstance(moment, datetime)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _learner_fk() -> sa.Column[int]:
    return sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"),
                     nullable=False, index=True)


learners = sa.Table(
    "learners", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("mode", sa.String(20), nullable=False),
    sa.Column("domain", sa.String(40), nullable=True),
    sa.Column("style", sa.JSON, nullable=True),
    sa.Column("srs", sa.JSON, nullable=True),  # desired retention and, once optimised, FSRS parameters
    sa.Column("feed_token", sa.String(64), nullable=True),  # the secret in the subscribable calendar URL
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

goals = sa.Table(
    "goals", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
)

availability = sa.Table(
    "availability", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("weekly_minutes", sa.Integer, nullable=False),
    sa.Column("max_daily_minutes", sa.Integer, nullable=False),
    sa.Column("block_min_minutes", sa.Integer, nullable=False),
    sa.Column("block_max_minutes", sa.Integer, nullable=False),
    sa.Column("rest_days", sa.JSON, nullable=False),
    sa.Column("work_days", sa.JSON, nullable=False),
    sa.Column("work_start", sa.Time, nullable=True),
    sa.Column("work_end", sa.Time, nullable=True),
    sa.Column("work_calendar", sa.String(1024), nullable=True),
    sa.Column("buffer_minutes", sa.Integer, nullable=False, server_default="10"),
)

slots = sa.Table(
    "slots", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("days", sa.JSON, nullable=False),
    sa.Column("start", sa.Time, nullable=False),
    sa.Column("end", sa.Time, nullable=False),
    sa.Column("context", sa.String(20), nullable=False),
)

# What the learner says about a topic: known (tested out or declared), started, done.
topic_status = sa.Table(
    "topic_status", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic", sa.String(80), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

# Self-directed path edits (add, remove, move), replayed in order on top of the computed path.
path_edits = sa.Table(
    "path_edits", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("topic", sa.String(80), nullable=False),
    sa.Column("anchor", sa.String(80), nullable=True),
    sa.Column("placement", sa.String(10), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# The learner's stack choices (swap, pin, ban), replayed when the stack is ranked.
stack_choices = sa.Table(
    "stack_choices", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("resource", sa.String(120), nullable=False),
    sa.Column("topic", sa.String(80), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# The learner's work calendar, kept as the original .ics text so recurrences expand for any window.
calendars = sa.Table(
    "calendars", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("imported_at", UTCDateTime, nullable=False),
    # The expansion of the recurrences for a span of time, so replanning does not re-parse the file.
    sa.Column("expanded", sa.JSON, nullable=True),
    sa.Column("expanded_from", UTCDateTime, nullable=True),
    sa.Column("expanded_to", UTCDateTime, nullable=True),
)

# Planned study blocks. Ids are stable across replans; `sequence` counts changes for calendar exports.
blocks = sa.Table(
    "blocks", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("start", UTCDateTime, nullable=False, index=True),
    sa.Column("end", UTCDateTime, nullable=False),
    sa.Column("topic", sa.String(80), nullable=False),
    sa.Column("activity", sa.String(20), nullable=False),
    sa.Column("context", sa.String(20), nullable=False),
    sa.Column("resource", sa.String(120), nullable=True),
    sa.Column("milestone", sa.String(40), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

# Minutes studied: from blocks marked done, `offhours log`, and (later) the timer.
study_log = sa.Table(
    "study_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("topic", sa.String(80), nullable=False),
    sa.Column("minutes", sa.Integer, nullable=False),
    sa.Column("activity", sa.String(20), nullable=False),
    sa.Column("day", sa.Date, nullable=False),  # the learner's local date
    sa.Column("logged_at", UTCDateTime, nullable=False),
    sa.Column("block_id", sa.String(40), nullable=True),
    sa.Column("note", sa.Text, nullable=True),
)

# The learner's deck: one FSRS state per card (catalog cards by slug, their own cards by id).
deck = sa.Table(
    "deck", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("card_id", sa.String(120), primary_key=True),
    sa.Column("state", sa.JSON, nullable=False),
    sa.Column("due", UTCDateTime, nullable=False, index=True),
    sa.Column("added_at", UTCDateTime, nullable=False),
)

# Cards the learner wrote, or imported from Anki; catalog cards live in the content instead.
own_cards = sa.Table(
    "own_cards", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("topic", sa.String(80), nullable=True),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("front", sa.Text, nullable=False),
    sa.Column("back", sa.Text, nullable=False),
    sa.Column("origin", sa.String(20), nullable=False),  # own | journal | anki
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# Every answer, so the history can be re-scheduled or used to fit the learner's own parameters.
reviews = sa.Table(
    "reviews", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("card_id", sa.String(120), nullable=False, index=True),
    sa.Column("rating", sa.Integer, nullable=False),
    sa.Column("reviewed_at", UTCDateTime, nullable=False),
    sa.Column("duration_ms", sa.Integer, nullable=True),
    sa.Column("state_before", sa.JSON, nullable=True),  # lets the last answer be undone
    # A learner's answers by time (today's, the last 30 days, per local day) and per card (recall by topic).
    sa.Index("ix_reviews_learner_id_reviewed_at", "learner_id", "reviewed_at"),
    sa.Index("ix_reviews_learner_id_card_id_rating", "learner_id", "card_id", "rating"),
)

# Quiz and placement answers: what mastery and the placement check are computed from.
quiz_answers = sa.Table(
    "quiz_answers", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("item_id", sa.String(120), nullable=False),
    sa.Column("topic", sa.String(80), nullable=False, index=True),
    sa.Column("correct", sa.Boolean, nullable=False),
    sa.Column("answered_at", UTCDateTime, nullable=False),
    sa.Column("context", sa.String(20), nullable=False),  # quiz | placement
)

# Where the learner works on an exercise, and how far they got.
exercise_state = sa.Table(
    "exercise_state", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("slug", sa.String(80), primary_key=True),
    sa.Column("path", sa.String(1024), nullable=False),
    sa.Column("hints_shown", sa.Integer, nullable=False, server_default="0"),
    sa.Column("gave_up", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("started_at", UTCDateTime, nullable=False),
)

# Every submission, with its verdict and the code, so a mentor can read it later.
exercise_attempts = sa.Table(
    "exercise_attempts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("slug", sa.String(80), nullable=False, index=True),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("tests_passed", sa.Integer, nullable=False),
    sa.Column("tests_total", sa.Integer, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("submitted_at", UTCDateTime, nullable=False),
)

# The learner's journal: summaries in their own words, questions for a mentor, notes.
journal = sa.Table(
    "journal", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("topic", sa.String(80), nullable=True),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.false()),  # seen by buddy and mentors
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# Achievements, awarded once each.
achievements = sa.Table(
    "achievements", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("awarded_at", UTCDateTime, nullable=False),
)

# Rewards the learner promised themselves, and when they earned them.
rewards = sa.Table(
    "rewards", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("text", sa.String(300), nullable=False),
    sa.Column("condition", sa.String(40), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("earned_at", UTCDateTime, nullable=True),
)

# A running study timer (`offhours start` ... `offhours stop`): at most one per learner.
timers = sa.Table(
    "timers", metadata,
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic", sa.String(80), nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
)

# A light log of the learner's network: contacts, meetups, informational interviews, with follow-ups.
network = sa.Table(
    "network", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _learner_fk(),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("met_on", sa.Date, nullable=False),
    sa.Column("follow_up", sa.Date, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)
