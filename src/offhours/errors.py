"""Errors that reach the user as one clear line (exit status 2), never as a traceback."""

from __future__ import annotations


class InputError(Exception):
    """Bad input from the user: a file, a flag, a value. The message names the problem and where."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class NotFoundError(InputError):
    """Something the user named (a topic, a block, a card) does not exist."""


class NotInitialisedError(InputError):
    """The data folder has no learner yet."""

    def __init__(self) -> None:
        super().__init__("no learner here yet: run `offhours init` (or `offhours demo`) first")
