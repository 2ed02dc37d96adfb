"""Mentoring in team server mode (Exercism-style): a learner grants a mentor access to their progress and
exercise submissions; the mentor comments on a submission line by line or as a whole, the learner answers.
Revoking removes the grant, and with it every way the mentor had in. Objects the viewer may not see are
reported as not found, so ids cannot be probed.
"""

from __future__ import annotations

from dataclasses import dataclass

from offhours.coach import Coach
from offhours.coach_progress import Progress
from offhours.errors import InputError, NotFoundError
from offhours.settings import Clock
from offhours.store import Store
from offhours.store.mentoring import Comment, Submission
from offhours.store.team import Account

MAX_COMMENT = 5000


@dataclass(frozen=True)
class SubmissionView:
    submission: Submission
    learner: Account
    comments: list[Comment]
    viewer_is_learner: bool

    @property
    def lines(self) -> list[str]:
        return self.submission.code.splitlines() or [""]


@dataclass(frozen=True)
class MenteeView:
    learner: Account
    progress: Progress | None  # None until the mentee has set up a profile
    submissions: list[Submission]
    shared_journal: list[dict[str, object]]


class Mentoring:
    def __init__(self, store: Store, clock: Clock, viewer: Account) -> None:
        self.store = store
        self.data = store.mentoring
        self.clock = clock
        self.viewer = viewer

    # ---- the learner's side -------------------------------------------------------------------------------

    def grant(self, mentor_email: str) -> Account:
        mentor = self.store.team.account_by_email(mentor_email.strip().lower())
        if mentor is None:
            raise InputError("no account has this email: your mentor signs up first", where="mentor_email")
        if mentor.id == self.viewer.id:
            raise InputError("you cannot be your own mentor", where="mentor_email")
        if not self.data.grant(self.viewer.id, mentor.id, now=self.clock()):
            raise InputError(f"{mentor.display_name} is already your mentor", where="mentor_email")
        return mentor

    def revoke(self, mentor_id: int) -> None:
        if not self.data.revoke(self.viewer.id, mentor_id):
            raise NotFoundError("no such mentor")

    def my_mentors(self) -> list[Account]:
        return self.data.mentors_of(self.viewer.id)

    def my_submissions(self) -> list[Submission]:
        return self.data.submissions(self.viewer.learner_id) if self.viewer.learner_id is not None else []

    def share_journal_entry(self, entry_id: int, shared: bool) -> None:
        if self.viewer.learner_id is None or not self.data.set_journal_shared(self.viewer.learner_id, entry_id, shared):
            raise NotFoundError("no such journal entry")

    # ---- the mentor's side --------------------------------------------------------------------------------

    def my_mentees(self) -> list[Account]:
        return self.data.mentees_of(self.viewer.id)

    def mentee(self, learner_account_id: int) -> MenteeView:
        learner = self._granted_learner(learner_account_id)
        if learner.learner_id is None:
            return MenteeView(learner, None, [], [])
        progress = Coach(self.store, clock=self.clock, account=learner).progress()
        return MenteeView(learner, progress, self.data.submissions(learner.learner_id),
                          self.data.shared_journal(learner.learner_id))

    # ---- both: a submission and its conversation ------------------------------------------------------------

    def submission(self, attempt_id: int) -> SubmissionView:
        submission = self.data.submission(attempt_id)
        learner = self.data.owner_account(submission.learner_id) if submission else None
        if submission is None or learner is None or not self._may_see(learner):
            raise NotFoundError("no such submission")
        return SubmissionView(submission, learner, self.data.comments(attempt_id), learner.id == self.viewer.id)

    def comment(self, attempt_id: int, text: str, line: int | None = None) -> int:
        view = self.submission(attempt_id)  # the same access check
        text = text.strip()
        if not text:
            raise InputError("write a comment first", where="text")
        if len(text) > MAX_COMMENT:
            raise InputError(f"keep a comment under {MAX_COMMENT} characters", where="text")
        if line is not None and not 1 <= line <= len(view.lines):
            raise InputError(f"line must be between 1 and {len(view.lines)}", where="line")
        return self.data.add_comment(attempt_id, self.viewer.id, line=line, text=text, now=self.clock())

    def _granted_learner(self, learner_account_id: int) -> Account:
        learner = self.store.team.account(learner_account_id)
        if learner is None or not self.data.has_grant(learner.id, self.viewer.id):
            raise NotFoundError("no such learner")
        return learner

    def _may_see(self, learner: Account) -> bool:
        return learner.id == self.viewer.id or self.data.has_grant(learner.id, self.viewer.id)


def comment_json(comment: Comment) -> dict[str, object]:
    return {"id": comment.id, "author": comment.author_name, "line": comment.line, "text": comment.text,
            "created_at": comment.created_at.isoformat()}


def submission_json(submission: Submission) -> dict[str, object]:
    return {"id": submission.id, "exercise": submission.slug, "status": submission.status,
            "tests_passed": submission.tests_passed, "tests_total": submission.tests_total,
            "submitted_at": submission.submitted_at.isoformat()}
