"""Parting well: the facts of the termination letter and of the hand-off report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InputError
from ..law.calendar import next_business_day
from ..law.ledger import InvoiceState
from ..project.model import Account, Project, Termination
from .disputes import open_disputes
from .state import ProjectState, effective_on, pending_final, project_state

# The rights clause (`terms.rights_pass`) that lets the transfer of rights wait for payment.
# Read with getattr: the field arrives with the agreed-terms work, and a project without it
# has no such clause, so nothing may wait.
RIGHTS_ON_PAYMENT = "on_full_payment"

# Hand accounts back in a safe order: the client owns everything before we let go of anything,
# our own access goes next, and only then are the shared keys changed.
ACCOUNT_ORDER = {"transfer": 0, "hand_over": 1, "revoke_mine": 2, "none": 3}

# The incidents the client-facing annex may list: facts of payment and of the schedule (a
# missed payment, a dispute of an invoice, answers not given). Conduct, price pressure,
# second-hand reports and the like are not breaches; they stay in the private review.
RECORD_KINDS = frozenset({"late_payment", "disputed_invoice", "unresponsive"})


def effective_date(project: Project) -> dt.date:
    """The day the agreement ends: `effective_on`, or `decided_on` plus the notice period the
    signed checklist printed; without that clause, `decided_on` (ended for breach at once)."""
    _termination(project)
    day = effective_on(project)  # the project state's rule, so every document names this day
    if day is None:  # the model rules refuse this; say so plainly anyway
        raise InputError("termination: give effective_on, or terms.notice_days")
    return day


def refuse_after_termination(state: ProjectState, document: str, sets: dt.date | None) -> None:
    """A document that moves the schedule cannot follow the end of the agreement: refused once
    the decided termination has taken effect on the date, or when the date it would set (`sets`)
    comes after the day the agreement ends."""
    ends = state.termination_end
    if ends is None:
        return
    if ends <= state.as_of:
        raise InputError(
            f"{document} refused: the agreement ended on {ends} (termination in the project "
            f"file), on or before {state.as_of}, so no new date can be set; nothing was written"
        )
    if sets is not None and sets > ends:
        raise InputError(
            f"{document} refused: it would set {sets}, after {ends}, the day the decided "
            "termination ends the agreement; the termination letter says what happens to the "
            "work until then; nothing was written"
        )


def refuse_early_termination(project: Project, as_of: dt.date, *, for_non_payment: bool) -> None:
    """A termination keeps to the last written demand: refused while a recorded final notice's
    deadline runs (the notice promised the client until that day, and threatened the very
    termination the letter would make), and, for non-payment, until a final notice has been
    recorded at all (the last written demand the breach clauses and the law wait for)."""
    from .pre_action import final_deadline

    pending = pending_final(project, as_of)
    if pending is not None:
        sent, deadline = pending
        where = (project.jurisdiction, project.region)
        may = next_business_day(deadline + dt.timedelta(days=1), *where)
        raise InputError(
            f"terminate refused: the final notice of {sent} gives the client until {deadline} "
            f"to pay; a termination before then breaks that notice's promise. It may be sent "
            f"from {may} (--as-of {may}) if the invoices are still unpaid; nothing was written"
        )
    state = project_state(project, as_of)
    if not for_non_payment or any(i.state.last_sent("final", as_of) for i in state.overdue):
        return
    numbers = ", ".join(invoice.number for invoice in state.overdue)
    deadline = final_deadline(project, as_of)
    raise InputError(
        f"terminate refused: no final notice is recorded for the unpaid invoice(s) {numbers}; "
        "a termination for non-payment comes after a last written demand. Send the final "
        f"notice first (nudge --tone final --record; sent on {as_of}, its deadline would be "
        f"{deadline}), then terminate after that deadline; nothing was written"
    )


def final_notice_passed(project: Project, as_of: dt.date, overdue: list[InvoiceState]) -> Any:
    """The latest final notice recorded for the `overdue` invoices, for the termination to say
    they were not paid by its deadline: a dict of `sent`, `deadline`, `invoices` (the numbers it
    covered, in the letter's order) and `pre_action` (it was the law's pre-action letter), or
    None when none was sent. refuse_early_termination has made sure its deadline is past."""
    from .pre_action import final_deadline, pre_action_for

    covered = {
        state.invoice.number: day
        for state in overdue
        if (day := state.last_sent("final", as_of)) is not None
    }
    if not covered:
        return None
    sent = max(covered.values())
    return {
        "sent": sent,
        "deadline": final_deadline(project, sent),
        "invoices": [
            state.invoice.number for state in overdue if covered.get(state.invoice.number) == sent
        ],
        "pre_action": pre_action_for(project) is not None,
    }


def overdue_grounds(
    project: Project, as_of: dt.date, unpaid: list[InvoiceState]
) -> list[InvoiceState]:
    """The unpaid invoices the letter may state as the client's breach: past due on `as_of`
    and not in open dispute (a disputed invoice is answered by the reply to the dispute, and
    cited as a breach only once that dispute is settled)."""
    disputed = open_disputes(project, as_of)
    return [
        state
        for state in unpaid
        if state.due is not None and state.due < as_of and state.invoice.number not in disputed
    ]


def outstanding(project: Project, as_of: dt.date) -> list[InvoiceState]:
    """Invoices issued by `as_of` with money outstanding then (the project state's)."""
    return [invoice.state for invoice in project_state(project, as_of).invoices]


def termination_context(
    project: Project, as_of: dt.date, *, with_record: bool = False
) -> dict[str, Any]:
    ending = _termination(project)
    state = project_state(project, as_of)
    final = next((i for i in project.invoices if i.number == ending.final_invoice), None)
    return {
        "termination": ending,
        "effective_on": effective_date(project),
        "notice_days": None if ending.effective_on is not None else project.terms.notice_days,
        "final_invoice": final,
        "final_invoice_number": ending.final_invoice,
        **_owed(state),
        "with_record": with_record,
        "open_changes": list(state.open_changes),
        # Requests put to the client and never decided: the letter withdraws them by name.
        "withdrawn": [c for c in state.open_changes if c.requested_on <= as_of],
        "incidents": sorted(
            (i for i in project.incidents if i.kind in RECORD_KINDS and i.on <= as_of),
            key=lambda incident: incident.on,
        ),
    }


def handoff_context(project: Project, as_of: dt.date) -> dict[str, Any]:
    state = project_state(project, as_of)
    questions = [w for w in project.waiting_on if w.answered_on is None or w.answered_on > as_of]
    return {
        "end": state.end or as_of,
        "done_items": [item for item in state.items if item.status == "done"],
        "open_items": [item for item in state.items if item.status in ("planned", "in_progress")],
        "open_questions": questions,
        "accounts": ordered_accounts(project.accounts),
        # Client-owned accounts go over whatever the balance: withholding them is a claim waiting
        # to happen in every jurisdiction. Only the rights may wait, and only if agreed.
        "client_accounts": any(account.owner == "client" for account in project.accounts),
        "rights_wait": state.owed.principal > 0 and rights_wait_for_payment(project),
        "licences": project.licences,
        **_owed(state),
    }


def _owed(state: ProjectState) -> dict[str, Any]:
    """The figures lines of both documents: each unpaid invoice and the total with interest,
    compensation and fees, the same as every reminder of the day (`owed.total`); `balance` is
    the principal alone."""
    return {
        "unpaid": [invoice.state for invoice in state.invoices],
        "owed_invoices": list(state.invoices),
        "owed": state.owed,
        "balance": state.owed.principal,
    }


def rights_wait_for_payment(project: Project) -> bool:
    """Whether the signed agreement lets the transfer of rights in the work wait for full
    payment: the clause must be set, and printed on the checklist the client signed."""
    from .agreement import agreed_terms

    return project.terms.rights_pass == RIGHTS_ON_PAYMENT and agreed_terms(project).has("rights")


def ordered_accounts(accounts: list[Account]) -> list[Account]:
    """Transfers first, then hand-overs, then revoking our own access; stable within each."""
    return sorted(accounts, key=lambda account: ACCOUNT_ORDER[account.action])


def _termination(project: Project) -> Termination:
    if project.termination is None:
        raise InputError(
            "the project file has no termination section: add one to end the agreement"
        )
    return project.termination
