"""The difference between two versions of a project's scope, as a ready change request."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..output import atomic_write
from .changes import current_scope, end_before
from .load import parse_yaml_text
from .model import Project, ScopeItem
from .record import RecordError, append_to_list, last_content_line

# The fields a modification can set; `id` names the item and is never changed.
FIELDS = ("title", "description", "deliverable", "deadline", "fee", "hours", "status", "done_on")


def scope_change(
    old: Project,
    new: Project,
    *,
    on: dt.date,
    summary: str | None = None,
    change_id: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The change request that turns OLD's current scope into NEW's, and what it cannot say
    (a change request sets fields; it cannot clear one)."""
    before, applied_old = current_scope(old)
    after, applied_new = current_scope(new)
    was = {item.id: item for item in before if item.status != "dropped"}
    now = {item.id: item for item in after if item.status != "dropped"}
    add = [_item(item) for item_id, item in now.items() if item_id not in was]
    remove = [item_id for item_id in was if item_id not in now]
    modify, unsaid = [], []
    for item_id, item in now.items():
        if item_id not in was:
            continue
        fields: dict[str, Any] = {}
        for name in FIELDS:
            old_value, new_value = getattr(was[item_id], name), getattr(item, name)
            if old_value == new_value:
                continue
            if new_value is None:
                unsaid.append(
                    f"{item_id}: {name} is cleared; a change request cannot clear a field"
                )
            else:
                fields[name] = new_value
        if fields:
            modify.append({"id": item_id, **fields})
    old_end, new_end = end_before(old, applied_old), end_before(new, applied_new)
    entry: dict[str, Any] = {
        "id": change_id or next_change_id(old),
        "requested_on": on,
        "summary": summary or _summary(add, remove, modify, new_end != old_end),
    }
    entry |= {
        key: value for key, value in (("add", add), ("remove", remove), ("modify", modify)) if value
    }
    if new_end is not None and new_end != old_end:
        entry["new_end"] = new_end
    entry["status"] = "proposed"
    return entry, unsaid


def next_change_id(project: Project) -> str:
    """The id after the last one, in its own style (`ÄB-2` → `ÄB-3`); `CR-1` for the first."""
    if not project.changes:
        return "CR-1"
    last = project.changes[-1].id
    match = re.fullmatch(r"(.*?)(\d+)", last)
    taken = {change.id for change in project.changes}
    prefix, number = (match.group(1), int(match.group(2))) if match else (f"{last}-", 1)
    while f"{prefix}{number + 1}" in taken:
        number += 1
    return f"{prefix}{number + 1}"


def as_yaml(entry: dict[str, Any], *, flow: bool = False) -> str:
    """The entry as project-file YAML: dates and amounts plain, never quoted or tagged."""
    return yaml.dump(
        entry,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=flow,
        width=10**6 if flow else 96,
    ).strip()


def record_change(
    new_path: Path, old_path: Path, old: Project, new: Project, entry: dict[str, Any]
) -> None:
    """Put the difference where it belongs in NEW: its scope goes back to OLD's (what was
    signed) and the difference is appended to `changes` as a proposed request."""
    if [c.model_dump() for c in new.changes] != [c.model_dump() for c in old.changes]:
        raise RecordError(
            f"{new_path}: its change requests differ from the old version's; "
            "add the printed entry under `changes:` by hand"
        )
    name = str(new_path)
    text = new_path.read_bytes().decode("utf-8")
    old_text = old_path.read_bytes().decode("utf-8")
    _, old_source, _ = parse_yaml_text(old_text, str(old_path))
    text = _replace_scope(text, name, _scope_block(old_text, old_source))
    entry_text = as_yaml(entry, flow=True)
    entry_value, _, _ = parse_yaml_text(entry_text, name)
    text = append_to_list(text, name, (), "changes", entry_text, entry_value)
    atomic_write(new_path, text.encode("utf-8"))


def _scope_block(text: str, source: Any) -> str:
    """The lines of the top-level `scope:` section, comments and layout as they are."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[source.keys[("scope",)][0] - 1 : last_content_line(source, ("scope",))])


def _replace_scope(text: str, name: str, scope_text: str) -> str:
    data, source, _ = parse_yaml_text(text, name)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    first = source.keys[("scope",)][0]
    last = last_content_line(source, ("scope",))
    block = "".join(line + newline for line in scope_text.splitlines())
    new_text = "".join(lines[: first - 1]) + block + "".join(lines[last:])
    scope_data, _, _ = parse_yaml_text(scope_text, "")
    new_data, _, _ = parse_yaml_text(new_text, "")
    if new_data != {**data, "scope": scope_data["scope"]}:
        raise RecordError(
            "the scope could not be restored exactly; nothing changed; edit it by hand"
        )
    return new_text


def _item(item: ScopeItem) -> dict[str, Any]:
    return {
        name: value
        for name, value in item.model_dump().items()
        if value is not None and not (name == "status" and value == "planned")
    }


def _summary(add: list[Any], remove: list[str], modify: list[Any], moved_end: bool) -> str:
    parts = []
    if add:
        parts.append("add " + ", ".join(item["id"] for item in add))
    if modify:
        parts.append("change " + ", ".join(item["id"] for item in modify))
    if remove:
        parts.append("remove " + ", ".join(remove))
    if moved_end:
        parts.append("move the end date")
    return ("Scope changes: " + "; ".join(parts) + ".") if parts else "No change to the scope."


class _Dumper(yaml.SafeDumper):
    """Dates as `2026-11-20` and amounts as `9500.00`: what a person would type."""


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)
_Dumper.add_representer(
    dt.date,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat()),
)
