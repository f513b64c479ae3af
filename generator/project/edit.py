"""Recording one fact in a project file by command: a verified text edit, written atomically.

The edit itself is record.py's: the new entry goes in as lines where the file's own layout says
it belongs, every other byte as it was, and the result must parse to the old data plus the new
entry. Then the whole file is written beside the original, loaded with the normal loader
(types and rules), and only if that passes is it renamed over the original.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import InputError, ProjectError
from .load import DataPath, SourceMap, parse_yaml_text
from .project_file import LoadedProject, load_project
from .record import RecordError, append_to_list, set_values

Fields = Sequence[tuple[str, str]]
"""An entry to add, as (key, YAML text of its value) in the order they are written."""

_GROUPING = re.compile(r"(?<=\d)[ \u00a0\u202f'](?=\d{3}(?!\d))")
_AMOUNT = re.compile(r"\d+([.,]\d{1,2})?", re.ASCII)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def parse_amount(text: str) -> Decimal:
    """An amount of money as typed: digits, at most two decimals after `.` or `,`, and
    optionally spaces (or no-break spaces, or apostrophes) between groups of three digits:
    `1240`, `1240.50`, `1240,50`, `1 240,50`. `1,240.00` is refused rather than guessed."""
    compact = _GROUPING.sub("", text.strip())
    if not _AMOUNT.fullmatch(compact):
        raise InputError(
            f"{text!r} is not an amount: write digits with at most two decimals after "
            "a point or a comma, like 1240.50 or 1240,50 (no thousands separator but a space)"
        )
    try:
        amount = Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise InputError(f"{text!r} is not an amount") from None
    if len(compact.partition(".")[0].partition(",")[0].lstrip("0")) > 12:
        raise InputError(f"{text!r} is too large: at most 12 digits before the decimal point")
    return amount


def money_text(amount: Decimal) -> str:
    """The amount as the project file writes it: two decimals, a point, no grouping."""
    return f"{amount:.2f}"


def yaml_string(text: str, what: str, *, quoted: bool = False) -> str:
    """`text` as a YAML value that reads back as exactly `text`: as written when YAML allows
    (and not `quoted`), else double-quoted; refused when empty or holding a character that
    cannot stand in a project file."""
    if not text.strip():
        raise InputError(f"{what} is empty; write the text")
    bad = _UNSAFE.search(text)
    if bad:
        raise InputError(
            f"{what} holds the invisible character U+{ord(bad.group()):04X}; write it without"
        )
    if not quoted and text == text.strip():
        try:
            plain, _, problems = parse_yaml_text(f"k: {text}\n", "")
        except ProjectError:
            plain, problems = None, []
        if plain == {"k": text} and not problems:
            return text
    return json.dumps(text, ensure_ascii=False)


def next_number(numbers: Sequence[str], year: int) -> str:
    """The invoice number after the last one that ends in digits, its prefix and zero padding
    kept (2026-052 -> 2026-053, INV9 -> INV10); `YEAR-001` when there is none. Never one of
    `numbers`."""
    taken = set(numbers)
    for number in reversed(numbers):
        match = re.fullmatch(r"(.*?)(\d+)", number)
        if match:
            prefix, digits = match.groups()
            value = int(digits) + 1
            while f"{prefix}{value:0{len(digits)}d}" in taken:
                value += 1
            return f"{prefix}{value:0{len(digits)}d}"
    candidate, value = f"{year}-001", 1
    while candidate in taken:
        value += 1
        candidate = f"{year}-{value:03d}"
    return candidate


def entry_style(text: str, name: str, list_path: DataPath, *, nested: bool) -> str:
    """ "flow" when the list at `list_path` is written `[…]` or its entries are `{…}` (or, for
    an empty list inside an entry, by default), else "block": a new entry looks like its
    neighbours."""
    _, source, _ = parse_yaml_text(text, name)
    lines = text.splitlines()
    if list_path not in source.values:
        return "flow" if nested else "block"
    if _opening(lines, source, list_path).startswith("["):
        return "flow"
    items = [p for p in source.values if len(p) == len(list_path) + 1 and p[:-1] == list_path]
    if not items:
        return "flow" if nested else "block"
    return "flow" if _opening(lines, source, items[0]).startswith("{") else "block"


def _opening(lines: list[str], source: SourceMap, path: DataPath) -> str:
    line, column = source.values[path]
    return lines[line - 1][column - 1 :] if line <= len(lines) else ""


def append_entry(
    text: str, name: str, mapping: DataPath, key: str, fields: Fields, *, nested: bool = False
) -> str:
    """The file's text with a mapping entry of `fields` appended to the list `key` of the
    mapping at `mapping`, written the way its neighbours are; verified by parsing back."""
    style = entry_style(text, name, (*mapping, key), nested=nested)
    if style == "flow":
        entry = "{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"
    else:
        entry = "\n".join(f"{k}: {v}" for k, v in fields)
    value, _, _ = parse_yaml_text(entry, name)
    return append_to_list(text, name, mapping, key, entry, value)


def set_fields(text: str, name: str, mapping: DataPath, values: dict[str, str]) -> str:
    """The file's text with each `key: value` set in the mapping at `mapping` (record.py)."""
    return set_values(text, name, mapping, values)


def commit_edit(
    path: Path,
    old_text: str,
    new_text: str,
    check: Callable[[LoadedProject], str | None],
    *,
    allow_secrets: bool = False,
) -> LoadedProject:
    """Write `new_text` over the project file at `path`, all or nothing.

    The new text goes to a temporary file beside the original (fsynced), is loaded with the
    normal loader, and `check` is asked whether the fact is there (None) or what is wrong;
    only then is it renamed over the original. If the file changed on disk meanwhile, or
    anything fails, the original is left byte-identical and the temporary file removed.
    """
    real = path.resolve()  # a symlinked project file stays a link; its target is edited
    try:
        with staged(real, new_text, real.stat().st_mode & 0o777) as temporary:
            try:
                loaded = load_project(
                    temporary, display_name=str(path), allow_secrets=allow_secrets
                )
            except ProjectError as exc:
                raise RecordError(
                    f"{path}: the file would not be valid after this change; nothing changed:\n"
                    + exc.format_message()
                ) from None
            problem = check(loaded)
            if problem is not None:
                raise RecordError(f"{path}: {problem}; nothing changed")
            if path.read_bytes() != old_text.encode("utf-8"):
                raise RecordError(f"{path} changed on disk meanwhile; nothing changed; run again")
            os.replace(temporary, real)
    except OSError as exc:
        raise InputError(f"cannot write {path}; nothing changed: {exc.strerror or exc}") from None
    return LoadedProject(loaded.project, path, loaded.source, loaded.warnings)


@contextlib.contextmanager
def staged(path: Path, text: str, mode: int) -> Iterator[Path]:
    """A temporary file beside `path` holding `text` in full (fsynced, with `mode`), removed
    on leaving unless it was renamed or linked into place meanwhile."""
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name[:80]}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        yield Path(temporary)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def read_text(path: Path) -> str:
    """The project file's text, exactly as it is on disk (the edit keeps its bytes)."""
    return path.read_bytes().decode("utf-8")


def today() -> dt.date:
    """Today's date; one place for the commands to ask (tests patch it)."""
    return dt.date.today()


__all__ = [
    "append_entry",
    "commit_edit",
    "money_text",
    "next_number",
    "parse_amount",
    "read_text",
    "set_fields",
    "staged",
    "today",
    "yaml_string",
]
