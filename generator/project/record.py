"""Recording what was sent in the project file, as text: every other byte stays as it was.

A YAML round trip would rewrite the file (ruamel.yaml turns `null` into an empty value and
re-indents sequences). Instead the new entry is inserted as a line where the file's own layout
says it belongs, and the result is read back: unless it holds exactly the old data plus the new
entry, nothing is written and the user is told what to add by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import Refusal
from ..output import atomic_write
from .load import DataPath, SourceMap, parse_yaml_text


class RecordError(Refusal):
    """The file's layout did not allow a safe automatic edit; nothing was changed."""


def record_reminders(project_path: Path, reminders: Iterable[Any], as_of: dt.date) -> list[str]:
    """Append `{on: as_of, tone: …}` to the reminders of every invoice each reminder covers."""
    entries = [(number, reminder.tone) for reminder in reminders for number in reminder.covers]
    text = project_path.read_bytes().decode("utf-8")
    for number, tone in entries:
        index = _invoice_index(text, str(project_path), number)
        entry = f"{{on: {as_of.isoformat()}, tone: {tone}}}"
        value = {"on": as_of.isoformat(), "tone": tone}
        text = append_to_list(
            text, str(project_path), ("invoices", index), "reminders", entry, value
        )
    atomic_write(project_path, text.encode("utf-8"))
    return [
        f"{'recorded':>9}  {tone} on {as_of} for invoice {number} in {project_path}"
        for number, tone in entries
    ]


def record_waiting(project_path: Path, indexes: Iterable[int], as_of: dt.date) -> list[str]:
    """Append `as_of` to `reminded_on` of each waiting_on entry the notice asked about."""
    text = project_path.read_bytes().decode("utf-8")
    done = []
    for index in indexes:
        day = as_of.isoformat()
        text = append_to_list(
            text, str(project_path), ("waiting_on", index), "reminded_on", day, day
        )
        done.append(
            f"{'recorded':>9}  reminder on {as_of} for waiting_on[{index}] in {project_path}"
        )
    atomic_write(project_path, text.encode("utf-8"))
    return done


def _invoice_index(text: str, name: str, number: str) -> int:
    data, _, _ = parse_yaml_text(text, name)
    invoices = data.get("invoices") if isinstance(data, dict) else None
    for index, invoice in enumerate(invoices or []):
        if isinstance(invoice, dict) and str(invoice.get("number")) == number:
            return index
    raise RecordError(f"{name}: no invoice {number} to record a reminder for")


def append_to_list(
    text: str, name: str, mapping: DataPath, key: str, entry_text: str, entry_value: Any
) -> str:
    """The file's text with `entry_text` added to the list `key` of the mapping at `mapping`
    (the key is created when missing), verified by reading the result back."""
    data, source, _ = parse_yaml_text(text, name)
    where = ".".join(str(part) for part in mapping)
    by_hand = f"add `- {entry_text}` under `{key}:` of {where} by hand"
    try:
        new_text = _insert(text, source, mapping, key, entry_text)
    except (KeyError, IndexError, ValueError):
        raise RecordError(f"{name}: could not find where to add it; {by_hand}") from None
    new_data, _, _ = parse_yaml_text(new_text, name)
    if new_data != _with_entry(data, mapping, key, entry_value):
        raise RecordError(
            f"{name}: an automatic edit would not be exact; nothing changed; {by_hand}"
        )
    return new_text


def _with_entry(data: Any, mapping: DataPath, key: str, entry: Any) -> Any:
    import copy

    result = copy.deepcopy(data)
    target = result
    for part in mapping:
        target = target[part]
    target[key] = [*(target.get(key) or []), entry]
    return result


def _insert(text: str, source: SourceMap, invoice: DataPath, key: str, entry: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    reminders = (*invoice, key)
    if reminders in source.keys:
        line, column = source.values[reminders]
        key_line, key_column = source.keys[reminders]
        opening = lines[line - 1][column - 1 :] if line <= len(lines) else ""
        if opening.startswith("["):
            return _insert_in_flow(
                lines, source.ends[reminders], entry, empty=opening.lstrip("[ ").startswith("]")
            )
        items = [
            path
            for path in source.values
            if len(path) == len(reminders) + 1 and path[:-1] == reminders
        ]
        if not items:  # `reminders:` with nothing after it
            return _insert_after(lines, key_line, _block_entry(key_column + 1, entry, newline))
        first_line = source.values[items[0]][0]
        dash = lines[first_line - 1].index("-")
        last = last_content_line(source, items[-1])
        return _insert_after(lines, last, _block_entry(dash, entry, newline))
    line, column = source.values[invoice]
    if lines[line - 1][column - 1 :].startswith("{"):
        raise ValueError("a flow-style invoice")
    last = last_content_line(source, invoice)
    indent = " " * (column - 1)
    new = f"{indent}{key}:{newline}" + _block_entry(column + 1, entry, newline)
    if not invoice and last and lines[last - 1].strip():
        new = newline + new  # a new top-level section: a blank line before it, as between others
    return _insert_after(lines, last, new)


def _block_entry(dash: int, entry: str, newline: str) -> str:
    """`- entry` at column `dash` (0-based); the lines of a block mapping entry under it."""
    first, *rest = entry.split("\n")
    return (
        " " * dash
        + f"- {first}{newline}"
        + "".join(" " * (dash + 2) + f"{line}{newline}" for line in rest)
    )


def _insert_in_flow(lines: list[str], end: tuple[int, int], entry: str, *, empty: bool) -> str:
    line, column = end
    text = lines[line - 1]
    close = column - 2  # the end mark is just past the closing bracket
    if text[close] != "]" or "\n" in entry:
        raise ValueError("no closing bracket, or a block entry for a flow list")
    lines[line - 1] = text[:close] + ("" if empty else ", ") + entry + text[close:]
    return "".join(lines)


def last_content_line(source: SourceMap, prefix: DataPath) -> int:
    """The last line holding any part of the node at `prefix` (block scalars end a line on)."""
    last = 0
    for path, (line, column) in source.ends.items():
        if path[: len(prefix)] == prefix:
            last = max(last, line if column > 1 else line - 1)
    return last


def _insert_after(lines: list[str], line: int, new: str) -> str:
    if lines and not lines[line - 1].endswith(("\n", "\r")):
        lines[line - 1] += "\r\n" if new.endswith("\r\n") else "\n"
    lines.insert(line, new)
    return "".join(lines)


def set_values(text: str, name: str, mapping: DataPath, values: dict[str, str]) -> str:
    """The file's text with each `key: value` of `values` set in the mapping at `mapping`:
    an existing scalar replaced where it stands, a missing key added after the mapping's last
    line, a missing mapping added at the end of the file. Verified by reading back."""
    data, source, _ = parse_yaml_text(text, name)
    newline = "\r\n" if "\r\n" in text else "\n"
    target = _at(data, mapping)
    where = ".".join(str(part) for part in mapping)
    by_hand = f"set {', '.join(f'{k}: {v}' for k, v in values.items())} under `{where}:` by hand"
    if target is None:
        if len(mapping) != 1:
            raise RecordError(f"{name}: no `{where}:` section; {by_hand}")
        if mapping in source.keys:  # `signoff:` with nothing after it
            line = source.keys[mapping][0]
            lines = text.splitlines(keepends=True)
            lines[line - 1] = f"{where}:{newline}"
            new = "".join(f"  {key}: {value}{newline}" for key, value in values.items())
            new_text = _insert_after(lines, line, new)
        else:
            body = "".join(f"  {key}: {value}{newline}" for key, value in values.items())
            separator = "" if text.endswith(("\n", "\r")) else newline
            new_text = f"{text}{separator}{newline}{where}:{newline}{body}"
    else:
        new_text = text
        for key, value in values.items():
            new_text = _set_one(new_text, name, (*mapping, key), value, newline)
    new_data, _, _ = parse_yaml_text(new_text, name)
    expected = _with_values(data, mapping, values)
    if new_data != expected:
        raise RecordError(
            f"{name}: an automatic edit would not be exact; nothing changed; {by_hand}"
        )
    return new_text


def _at(data: Any, path: DataPath) -> Any:
    """The value at `path` in parsed data (mappings and lists), or None where there is none."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _set_one(text: str, name: str, path: DataPath, value: str, newline: str) -> str:
    _, source, _ = parse_yaml_text(text, name)
    lines = text.splitlines(keepends=True)
    if path in source.keys and path in source.ends:
        (line, column), (end_line, end_column) = source.values[path], source.ends[path]
        if line != end_line:
            raise RecordError(
                f"{name}: {'.'.join(map(str, path))} spans several lines; set it by hand"
            )
        row = lines[line - 1]
        if source.keys[path][0] == line and column - 1 <= len(row) and end_column - 1 >= column - 1:
            lines[line - 1] = row[: column - 1] + value + row[end_column - 1 :]
            return "".join(lines)
    parent = path[:-1]
    key_line, key_column = source.values[parent]
    last = last_content_line(source, parent) or key_line
    return _insert_after(lines, last, " " * (key_column - 1) + f"{path[-1]}: {value}{newline}")


def _with_values(data: Any, mapping: DataPath, values: dict[str, str]) -> Any:
    import copy

    result = copy.deepcopy(data)
    target = result
    for part in mapping:
        if isinstance(target, list) or isinstance(target.get(part), list):
            target = target[part]  # a list, or an entry of one: set_values found it there
            continue
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    for key, value in values.items():
        target[key] = json.loads(value) if value.startswith('"') else value
    return result


def record_signoff(
    project_path: Path, signed_by: str, signed_on: dt.date, short_fingerprint: str
) -> list[str]:
    """Set `signoff` (who, when, the fingerprint printed on the signed checklist)."""
    text = project_path.read_bytes().decode("utf-8")
    values = {
        "signed_on": signed_on.isoformat(),
        "signed_by": json.dumps(
            signed_by, ensure_ascii=False
        ),  # a quoted YAML string, whatever it holds
        "fingerprint": short_fingerprint,
    }
    atomic_write(
        project_path, set_values(text, str(project_path), ("signoff",), values).encode("utf-8")
    )
    return [
        f"{'recorded':>9}  signed on {signed_on} by {signed_by}, "
        f"fingerprint {short_fingerprint}, in {project_path}"
    ]
