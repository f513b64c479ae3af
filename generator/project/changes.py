"""Change requests against the signed scope: the scope they leave, and what one of them changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InputError
from ..suggest import did_you_mean
from .model import ChangeRequest, Project, ScopeItem
from .scope import round_money

ITEM_FIELDS = (
    "title",
    "description",
    "deliverable",
    "deadline",
    "fee",
    "hours",
    "status",
    "done_on",
)


@dataclass(frozen=True)
class ChangeRow:
    """One item as the change order shows it: before and after (None: not there)."""

    id: str
    before: ScopeItem | None
    after: ScopeItem | None
    fee_before: Decimal
    fee_after: Decimal
    # The deadline as it stands when the change is proposed, moved by the client's delays like
    # the project end (None: no deadline); `before.deadline` is the one agreed.
    due_before: dt.date | None = None
    due_after: dt.date | None = None

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "modified"


def apply(items: list[ScopeItem], change: ChangeRequest) -> list[ScopeItem]:
    """The items after `change`: removed ones dropped, modified ones updated, new ones added."""
    result = []
    removed = set(change.remove)
    updates = {m.id: m for m in change.modify}
    for item in items:
        if item.id in removed:
            item = item.model_copy(update={"status": "dropped"})
        elif item.id in updates:
            fields = {
                k: getattr(updates[item.id], k)
                for k in ITEM_FIELDS
                if getattr(updates[item.id], k) is not None
            }
            if "fee" in fields:
                fields.setdefault("hours", None)
            if "hours" in fields and "fee" not in fields:
                fields["fee"] = None
            item = item.model_copy(update=fields)
        result.append(item)
    return result + list(change.add)


def scope_before(project: Project, index: int) -> tuple[list[ScopeItem], list[ChangeRequest]]:
    """The scope as the approved changes before `changes[index]` left it, and those changes."""
    items = list(project.scope)
    applied = []
    for change in project.changes[:index]:
        if change.status == "approved":
            items = apply(items, change)
            applied.append(change)
    return items, applied


def current_scope(project: Project) -> tuple[list[ScopeItem], list[ChangeRequest]]:
    """The signed scope plus every approved change request, in order."""
    return scope_before(project, len(project.changes))


def price(item: ScopeItem, project: Project) -> Decimal:
    if item.status == "dropped":
        return Decimal(0)
    if item.fee is not None:
        return item.fee
    if item.hours is not None and project.terms.hourly_rate is not None:
        return round_money(item.hours * project.terms.hourly_rate, project.currency)
    return Decimal(0)


def total(items: list[ScopeItem], project: Project) -> Decimal:
    return sum((price(item, project) for item in items), start=Decimal(0))


def change_index(project: Project, change_id: str) -> int:
    for index, change in enumerate(project.changes):
        if change.id == change_id:
            return index
    known = ", ".join(change.id for change in project.changes) or "none"
    hint = did_you_mean(change_id, (change.id for change in project.changes))
    raise InputError(f"no change request {change_id!r} in the project; {hint}known: {known}")


def end_before(project: Project, applied: list[ChangeRequest]) -> dt.date | None:
    end = project.project.end
    for change in applied:
        end = change.new_end or end
    return end


def change_problems(project: Project) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Change requests that cannot be applied to the scope as it stands when they come."""
    for index, change in enumerate(project.changes):
        before, _ = scope_before(project, index)
        live = {item.id for item in before if item.status != "dropped"}
        dropped = {item.id for item in before if item.status == "dropped"}
        seen: set[str] = set()
        for position, item_id in enumerate(change.remove):
            path = ("changes", index, "remove", position)
            if item_id in seen or item_id in dropped:
                yield path, f"{item_id} is removed twice (it is no longer in the scope)"
            elif item_id not in live:
                yield path, f"no scope item {item_id} to remove"
            seen.add(item_id)
        for position, modification in enumerate(change.modify):
            where: tuple[str | int, ...] = ("changes", index, "modify", position, "id")
            if modification.id in dropped or modification.id in seen:
                yield where, f"{modification.id} was dropped from the scope; it cannot be changed"
            elif modification.id not in live:
                yield where, f"no scope item {modification.id} to change"
        for position, item in enumerate(change.add):
            if item.id in live or item.id in dropped:
                yield (
                    ("changes", index, "add", position, "id"),
                    (f"{item.id} is already a scope item; give the new item its own id"),
                )
