"""The one error hierarchy: every failure a user can meet, rooted in click.ClickException."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

import click


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we know."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


EXIT_OK = 0
"""Done: the command did what was asked (including `due` with items on the agenda)."""
EXIT_FOUND = 1
"""A check ran and found something: `verify` with a signature not intact, or none at all."""
EXIT_INPUT = 2
"""Bad input or a refusal: nothing (or nothing more) was written. Click's usage errors too."""
EXIT_BUG = 3
"""Something went wrong inside inwriting that no input should cause: a bug to report."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C, as shells count it (128 + SIGINT)."""


class InwritingError(click.ClickException):
    """Base of every error inwriting raises on purpose; Click prints it without a traceback.

    Every one is bad input or a refusal, so every one exits with EXIT_INPUT (README, "Exit
    codes"); only a check's finding exits with EXIT_FOUND, and that is no error.
    """

    exit_code = EXIT_INPUT


class InputError(InwritingError):
    """The user's input (project file, template, option) is wrong."""


class Refusal(InwritingError):
    """The command will not do what was asked as it stands (a file would be overwritten, a
    document written while money is owed, a file edited where the edit is unsafe)."""


class ProjectError(InputError):
    """A project file has one or more problems; all of them are reported at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        files = sorted({p.file for p in self.problems})
        summary = f"{count} problem{'s' if count != 1 else ''} in {', '.join(files)}"
        super().__init__("\n".join(str(p) for p in self.problems) + "\n" + summary)

    def show(self, file: IO[Any] | None = None) -> None:
        # Each problem on its own line, unprefixed, so editors can jump to file:line:col.
        click.echo(self.format_message(), file=file, err=True)


class TemplateError(InputError):
    """A template (built-in or the user's) failed: names the template file and line."""


class OutputExistsError(Refusal):
    """A document with different content is already there and --force was not given."""


class RenderError(InputError):
    """The input makes a document that cannot be laid out (for example content taller than a
    page)."""


class InternalError(click.ClickException):
    """An unexpected failure inside inwriting: said in one message, never a traceback (which
    INWRITING_DEBUG=1 shows). Files are written atomically, so nothing half-written is left."""

    exit_code = EXIT_BUG

    def __init__(self, error: BaseException) -> None:
        super().__init__(
            f"internal error, a bug in inwriting: {type(error).__name__}: {error}\n"
            "Nothing half-written was left. Run again with INWRITING_DEBUG=1 to see where it"
            " happened, and report it with that output."
        )
