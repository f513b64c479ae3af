"""What happened along the way: answers waited for, incidents, and the termination."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import Field

from .choices import IncidentKind, TerminationReason
from .quantities import Date
from .section import Section
from .text import OptionalText, Text


class WaitingItem(Section):
    item: Text
    asked_on: Date
    answered_on: Date | None = None
    reminded_on: list[Date] = Field(
        default_factory=list, description="When the client was reminded (added by --record)"
    )


class Incident(Section):
    on: Date
    kind: IncidentKind
    note: OptionalText | None = None
    invoice: OptionalText | None = Field(
        default=None, description="The invoice a disputed_invoice incident is about (its number)"
    )
    resolved_on: Date | None = Field(
        default=None, description="When a dispute was settled: the invoice is back on the ladder"
    )
    replied_on: Date | None = Field(
        default=None,
        description="When the reply to a dispute was sent: later payment letters refer to it",
    )


class Termination(Section):
    decided_on: Date
    reason: TerminationReason
    detail: OptionalText | None = None
    effective_on: Date | None = None
    work_in_progress: OptionalText | None = None
    final_invoice: OptionalText | None = None
