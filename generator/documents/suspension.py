"""Whether work stands suspended on a date: a stop-work notice sent, its invoice still unpaid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..project.model import ChangeRequest, Project
from .state import project_state


@dataclass(frozen=True)
class Suspension:
    """Work paused since `since` (the first stop-work notice still standing) until the overdue
    invoices `invoices` (their numbers) are paid."""

    since: dt.date
    invoices: tuple[str, ...]


def suspension_on(project: Project, as_of: dt.date) -> Suspension | None:
    """The suspension standing on `as_of`, if any: a stop-work notice recorded on or before the
    day for an invoice still overdue then. Paying the invoice lifts it; the notice alone, once
    its invoice is paid, suspends nothing."""
    standing = [
        (reminder.on, invoice.number)
        for invoice in project_state(project, as_of).overdue
        for reminder in invoice.state.reminders
        if reminder.tone == "stop_work"
    ]
    if not standing:
        return None
    return Suspension(
        since=min(on for on, _ in standing),
        invoices=tuple(dict.fromkeys(number for _, number in sorted(standing))),
    )


def only_reduces(request: ChangeRequest) -> bool:
    """A change that only removes work: nothing added, nothing modified."""
    return bool(request.remove) and not request.add and not request.modify
