"""The schema of team server mode: accounts and their sessions, study groups, buddies, mentors.

People are accounts; an account's learning data lives under its learner (`accounts.learner_id`, set once
onboarding is done). A mentor need not be a learner. Nothing here is shared unless a learner grants it.
"""

from __future__ import annotations

import sqlalchemy as sa

from offhours.store.tables import UTCDateTime, metadata


def _account_fk(name: str = "account_id", **kwargs: object) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False,
                     **kwargs)  # type: ignore[arg-type]


accounts = sa.Table(
    "accounts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),  # stored lower-case
    sa.Column("display_name", sa.String(100), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),  # Argon2id, never leaves the store
    sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id", ondelete="SET NULL"), nullable=True,
              unique=True),
    sa.Column("buddy_code", sa.String(32), nullable=False, unique=True),  # what a buddy types to pair up
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("password_changed_at", UTCDateTime, nullable=False),
)

# Signed-in browsers. Only a hash of the cookie's token is stored, so a copy of the database opens nothing.
web_sessions = sa.Table(
    "web_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    _account_fk(index=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
)

# Failed logins, kept for the throttling window (shared by every worker through the database).
login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(254), nullable=False, index=True),
    sa.Column("client", sa.String(64), nullable=False, index=True),
    sa.Column("failed_at", UTCDateTime, nullable=False),
)

# Invite codes for sign-up when the server is not open to everyone.
invites = sa.Table(
    "invites", metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("used_by", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    sa.Column("used_at", UTCDateTime, nullable=True),
)

study_groups = sa.Table(
    "study_groups", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("invite_code", sa.String(32), nullable=False, unique=True),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

group_members = sa.Table(
    "group_members", metadata,
    sa.Column("group_id", sa.Integer, sa.ForeignKey("study_groups.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True,
              index=True),
    sa.Column("on_leaderboard", sa.Boolean, nullable=False, server_default=sa.false()),  # opt-in
    sa.Column("joined_at", UTCDateTime, nullable=False),
)

# "What I did today", posted to a group.
checkins = sa.Table(
    "checkins", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("study_groups.id", ondelete="CASCADE"), nullable=False,
              index=True),
    _account_fk(),
    sa.Column("text", sa.String(1000), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# Milestones a group sets together, and who has reached each.
group_milestones = sa.Table(
    "group_milestones", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("study_groups.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

group_milestone_done = sa.Table(
    "group_milestone_done", metadata,
    sa.Column("milestone_id", sa.Integer, sa.ForeignKey("group_milestones.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("done_at", UTCDateTime, nullable=False),
)

# A buddy pair: asked by one, accepted by the other. Each pair appears once (low id first).
buddies = sa.Table(
    "buddies", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account_fk("requester_id", index=True),
    _account_fk("partner_id", index=True),
    sa.Column("accepted_at", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("requester_id", "partner_id", name="uq_buddies_pair"),
)

# A nudge from a buddy, shown on the recipient's Today until they have seen it.
nudges = sa.Table(
    "nudges", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account_fk("from_id"),
    _account_fk("to_id", index=True),
    sa.Column("text", sa.String(300), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("seen_at", UTCDateTime, nullable=True),
)

# A learner lets a mentor read their progress and exercise submissions. Revoking deletes the row.
mentor_grants = sa.Table(
    "mentor_grants", metadata,
    _account_fk("learner_account_id", primary_key=True),
    _account_fk("mentor_id", primary_key=True, index=True),
    sa.Column("granted_at", UTCDateTime, nullable=False),
)

# Comments on an exercise submission: on one line, or on the whole (line is null); mentor and learner alike.
submission_comments = sa.Table(
    "submission_comments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("attempt_id", sa.Integer, sa.ForeignKey("exercise_attempts.id", ondelete="CASCADE"),
              nullable=False, index=True),
    _account_fk("author_id"),
    sa.Column("line", sa.Integer, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)
