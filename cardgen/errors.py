"""Errors a user can act on.

Every problem caused by the user's notes, options or files is raised as a
:class:`CardgenError`; the CLI prints it as one line (``file:line: message``)
and exits 1. Anything else escaping the pipeline is a bug in cardgen.
"""

from __future__ import annotations

from cardgen.model import SourceLoc


class CardgenError(Exception):
    """A problem in the user's input that stops the build."""

    def __init__(self, message: str, loc: SourceLoc | None = None) -> None:
        super().__init__(message)
        self.message = message
        """What went wrong and, where it helps, what to do about it."""
        self.loc = loc
        """Where in the notes the problem is, when it has a place."""

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}" if self.loc else self.message


class NotesError(CardgenError):
    """The notes cannot be read or parsed (encoding, duplicate questions...)."""


class ConfigError(CardgenError):
    """An option or setting is invalid."""
