"""The date existing documents were rendered with, to tell "only the date differs" apart."""

from __future__ import annotations

import datetime as dt
import email
import email.utils
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})T")
_PDF_AS_OF = re.compile(rb"/Keywords \(as-of (\d{4}-\d{2}-\d{2})\)")


def existing_as_of(paths: Iterable[Path]) -> dt.date | None:
    """The `--as-of` date documents were rendered with, or None when none of them says.

    The PDF's keywords (it is written invariant, so its own dates are fixed), the DOCX core
    properties' created date and the e-mail draft's Date header carry it; the Markdown does
    not. So each path's siblings of the same stem (the other formats of the same render) are
    asked too.
    """
    for path in paths:
        siblings = (".pdf", ".docx", ".eml")
        for candidate in (path.with_suffix(suffix) for suffix in siblings):
            found = _date_in(candidate)
            if found is not None:
                return found
    return None


def _date_in(path: Path) -> dt.date | None:
    try:
        if path.suffix == ".pdf":
            with path.open("rb") as stream:
                match = _PDF_AS_OF.search(stream.read(64 << 20))  # bounded; ours are small
            return dt.date.fromisoformat(match.group(1).decode()) if match else None
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                match = _CREATED.search(archive.read("docProps/core.xml"))
            return dt.date.fromisoformat(match.group(1).decode()) if match else None
        if path.suffix == ".eml":
            with path.open("rb") as stream:
                header = email.message_from_binary_file(stream).get("Date")
            return email.utils.parsedate_to_datetime(header).date() if header else None
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile):
        return None  # not ours, or damaged: no date to offer
    return None


def date_hint(
    files: Mapping[Path, bytes],
    as_of: dt.date,
    render_on: Callable[[dt.date], Mapping[Path, bytes]],
) -> str:
    """What to tell a user whose documents already exist with different content: when the
    existing ones were rendered on another date, whether that date reproduces them exactly
    (`render_on(day)` renders the same files for `day`) and the `--as-of` that does."""
    differing = [
        path for path, data in files.items() if path.exists() and path.read_bytes() != data
    ]
    day = existing_as_of(differing)
    if day is None and differing and all(path.suffix == ".md" for path in differing):
        day = _markdown_day(differing, as_of, render_on)
    if day is None or day == as_of:
        return ""
    again = render_on(day)
    if all(path.read_bytes() == again.get(path) for path in differing):
        return (
            f"They differ only in their date: the existing ones are dated {day}, these {as_of};"
            f" add --as-of {day} to reproduce them."
        )
    return (
        f"The existing ones are dated {day} (these {as_of}) and differ in more than the date;"
        " --force replaces them."
    )


MARKDOWN_SEARCH_DAYS = 366
"""How far back a Markdown file's date is looked for: Markdown carries no date of its own."""


def _markdown_day(
    differing: list[Path], as_of: dt.date, render_on: Callable[[dt.date], Mapping[Path, bytes]]
) -> dt.date | None:
    # Rendering Markdown alone takes milliseconds (no writer runs), so the days before as_of
    # are simply tried, nearest first, for the one that reproduces the existing files exactly.
    existing = {path: path.read_bytes() for path in differing}
    for back in range(1, MARKDOWN_SEARCH_DAYS + 1):
        day = as_of - dt.timedelta(days=back)
        again = render_on(day)
        if all(again.get(path) == data for path, data in existing.items()):
            return day
    return None
