"""The client's breach a termination rests on: the unpaid invoices that are its grounds."""

from __future__ import annotations

import datetime as dt

from ..law.ledger import InvoiceState, invoice_states
from ..project.model import Project
from .agreement import agreed_terms
from .disputes import open_disputes
from .pre_action import final_deadline


def breach_grounds(project: Project, on: dt.date) -> list[InvoiceState]:
    """The invoices whose non-payment is a breach on `on`: past due, still unpaid, not in open
    dispute, and named in a final notice whose deadline passed before `on`. A disputed invoice
    is off the ladder until `resolved_on`: the reply's deadline is not recorded, so it is never
    a ground while the dispute is open (citing it invites the rebuttal)."""
    disputed = open_disputes(project, on)
    grounds = []
    for state in invoice_states(project, on):
        if state.invoice.issued > on or state.outstanding <= 0 or state.invoice.number in disputed:
            continue
        if state.due is None or state.due >= on:
            continue
        final = state.last_sent("final", on)
        if final is not None and final_deadline(project, final) < on:
            grounds.append(state)
    return grounds


def ends_for_breach(project: Project) -> bool:
    """Whether the decided termination ends the agreement for the client's breach: invoices left
    unpaid past a final notice's deadline (the notice announced exactly this) and a signed breach
    clause to rest on. An `effective_on` the user set at or after the end of the notice period
    keeps the ordinary notice: they chose the milder route."""
    ending = project.termination
    if ending is None or not agreed_terms(project).has("breach"):
        return False
    days = project.terms.notice_days
    if (
        ending.effective_on is not None
        and days is not None
        and ending.effective_on >= ending.decided_on + dt.timedelta(days=days)
    ):
        return False
    return bool(breach_grounds(project, ending.decided_on))
