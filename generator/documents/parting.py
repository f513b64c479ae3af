"""Parting well: the facts of the termination letter and of the hand-off report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..law.ledger import InvoiceState, invoice_states
from ..project.model import Account, Project, Termination

# Hand accounts back in a safe order: the client owns everything before we let go of anything,
# our own access goes next, and only then are the shared keys changed.
ACCOUNT_ORDER = {"transfer": 0, "hand_over": 1, "revoke_mine": 2, "none": 3}


def effective_date(project: Project) -> dt.date:
    """The day the agreement ends: `effective_on`, or `decided_on` plus the notice period the
    signed checklist printed; without that clause, `decided_on` (ended for breach at once)."""
    from .agreement import agreed_terms

    ending = _termination(project)
    if ending.effective_on is not None:
        return ending.effective_on
    if project.terms.notice_days is None:  # the model rules refuse this; say so plainly anyway
        raise InputError("termination: give effective_on, or terms.notice_days")
    if not agreed_terms(project).has("notice"):
        return ending.decided_on
    return ending.decided_on + dt.timedelta(days=project.terms.notice_days)


def outstanding(project: Project, as_of: dt.date) -> list[InvoiceState]:
    return [state for state in invoice_states(project, as_of) if state.outstanding > 0]


def termination_context(
    project: Project, as_of: dt.date, *, with_record: bool = False
) -> dict[str, Any]:
    ending = _termination(project)
    unpaid = outstanding(project, as_of)
    final = next((i for i in project.invoices if i.number == ending.final_invoice), None)
    return {
        "termination": ending,
        "effective_on": effective_date(project),
        "notice_days": None if ending.effective_on is not None else project.terms.notice_days,
        "final_invoice": final,
        "final_invoice_number": ending.final_invoice,
        "unpaid": unpaid,
        "balance": sum((state.outstanding for state in unpaid), start=Decimal(0)),
        "with_record": with_record,
        "incidents": sorted(project.incidents, key=lambda incident: incident.on),
    }


def handoff_context(project: Project, as_of: dt.date) -> dict[str, Any]:
    unpaid = outstanding(project, as_of)
    done = [item for item in project.scope if item.status == "done"]
    open_items = [item for item in project.scope if item.status in ("planned", "in_progress")]
    questions = [w for w in project.waiting_on if w.answered_on is None or w.answered_on > as_of]
    end = (
        effective_date(project) if project.termination is not None else project.project.end or as_of
    )
    return {
        "end": end,
        "done_items": done,
        "open_items": open_items,
        "open_questions": questions,
        "accounts": ordered_accounts(project.accounts),
        "unpaid": unpaid,
        "balance": sum((state.outstanding for state in unpaid), start=Decimal(0)),
    }


def ordered_accounts(accounts: list[Account]) -> list[Account]:
    """Transfers first, then hand-overs, then revoking our own access; stable within each."""
    return sorted(accounts, key=lambda account: ACCOUNT_ORDER[account.action])


def _termination(project: Project) -> Termination:
    if project.termination is None:
        raise InputError(
            "the project file has no termination section: add one to end the agreement"
        )
    return project.termination
