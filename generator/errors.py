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


class InwritingError(click.ClickException):
    """Base of every error inwriting raises on purpose; Click prints it without a traceback."""

    exit_code = 1


class InputError(InwritingError):
    """The user's input (project file, template, option) is wrong: exit code 2."""

    exit_code = 2


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


class OutputExistsError(InwritingError):
    """A document with different content is already there and --force was not given."""


class RenderError(InwritingError):
    """A document could not be laid out (for example content taller than a page)."""
