"""The change order: one change request's rows before and after, its cost, and the new dates;
for a rejected request, the letter that declines it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..law.calendar import is_business_day, next_business_day
from ..project.changes import ChangeRow, apply, change_index, end_before, price, scope_before, total
from ..project.model import ChangeRequest, Project, ScopeItem
from .agreement import agreed_terms
from .parting import refuse_after_termination
from .state import ProjectState, project_state
from .suspension import only_reduces, suspension_on

DECLINED = "change-declined"


def change_document(project: Project, change: str) -> str:
    """The document a change request gets: the declined letter if it is rejected, else the order."""
    request = project.changes[change_index(project, change)]
    return DECLINED if request.status == "rejected" else "change-order"


def change_declined_context(project: Project, as_of: dt.date, *, change: str) -> dict[str, Any]:
    """A rejected request: what was asked and when, and the agreement that stands unchanged."""
    index = change_index(project, change)
    request = project.changes[index]
    if request.status != "rejected":
        raise InputError(
            f"change request {change} is {request.status}, not rejected: "
            "`inwriting change-order` writes its change order"
        )
    # The agreement that stands: the signed checklist with the changes approved so far.
    standing = [c for c in project.changes if c.status == "approved" and c is not request]
    return {
        "change": request,
        "standing_changes": standing,
        "agreement_numbers": agreement_numbers(project),
    }


def agreement_number(change_id: str) -> str:
    """The number a Russian supplementary agreement carries: «№ 1», not «№ ДС-1» (the id's
    «ДС» prefix repeats the title)."""
    rest = change_id
    for prefix in ("ДС", "дс", "DS"):
        if rest.startswith(prefix):
            rest = rest[len(prefix) :].lstrip("-–№ ")
            break
    return rest or change_id


def agreement_numbers(project: Project) -> dict[str, str]:
    return {change.id: agreement_number(change.id) for change in project.changes}


def change_order_context(project: Project, as_of: dt.date, *, change: str) -> dict[str, Any]:
    index = change_index(project, change)
    request = project.changes[index]
    if request.status == "rejected":
        raise InputError(
            f"change request {change} is rejected: `inwriting change-order` writes the letter "
            "that declines it; set its status to proposed to put it to the client again"
        )
    _refuse_past_dates(request, as_of)
    state = project_state(project, as_of)
    if request.status == "proposed":
        _refuse_after_termination(request, state)
        _refuse_while_suspended(project, request, as_of)
    before, applied = scope_before(project, index)
    after = apply(before, request)
    by_id_before = {item.id: item for item in before}
    by_id_after = {item.id: item for item in after}
    # The end as it stands today before this change: after the earlier approved changes, moved
    # by the client's delays and never past a decided termination (the project state's rule,
    # the date the waiting notice of the same day states).
    previous_end = state.end_from(end_before(project, applied))
    touched = [*request.remove, *(m.id for m in request.modify), *(item.id for item in request.add)]
    set_deadline = {m.id: m.deadline for m in request.modify if m.deadline is not None}
    rows = []
    for item_id in dict.fromkeys(touched):
        old = by_id_before.get(item_id)
        new = by_id_after.get(item_id)
        new = None if new is None or new.status == "dropped" else new
        old = None if old is not None and old.status == "dropped" else old
        due_before = _current_deadline(old, state) if old else None
        if new is None:
            due_after = None
        elif old is None or item_id in set_deadline:
            due_after = new.deadline  # a date agreed now, not moved by delays before it
        else:
            due_after = due_before
        rows.append(ChangeRow(item_id, old, new, price(old, project) if old else Decimal(0),
                              price(new, project) if new else Decimal(0),
                              due_before, due_after))  # fmt: skip
    if request.status == "proposed":
        _refuse_non_business_days(request, project)
        if not request.rush_fee:
            _refuse_unpriced_rush(request, rows, previous_end, state.client_delay_days)
    rush = request.rush_fee or Decimal(0)
    original = total(list(project.scope), project)
    earlier = (
        total(before, project)
        - original
        + sum((change.rush_fee or Decimal(0) for change in applied), start=Decimal(0))
    )
    delta = total(after, project) - total(before, project) + rush
    return {
        "change": request,
        "rows": rows,
        "moved": [
            row for row in rows if row.before and row.after and row.due_before != row.due_after
        ],
        "cost_delta": delta,
        "rush_fee": request.rush_fee,
        "original_total": original,
        "earlier_delta": earlier,
        "earlier_changes": applied,
        "updated_total": original + earlier + delta,
        "previous_end": previous_end,
        "new_end": request.new_end if request.new_end and request.new_end != previous_end else None,
        # The clause under which the client's delays moved the dates (section 4, "needs").
        "delay_clause": agreed_terms(project).number("feedback"),
        "agreement_number": agreement_number(request.id),
        "agreement_numbers": agreement_numbers(project),
    }


def _current_deadline(item: ScopeItem, state: ProjectState) -> dt.date | None:
    """An item's deadline on the day: moved by the client's delays, as the project end is,
    unless the item is already done."""
    if item.deadline is None or item.status == "done":
        return item.deadline
    return state.end_from(item.deadline)


def _refuse_non_business_days(request: ChangeRequest, project: Project) -> None:
    """A deadline the client signs for is a business day where the provider works: one on a
    weekend or public holiday is refused with the next business day to use instead."""
    where = (project.jurisdiction, project.region)
    off = [(what, day) for what, day in change_dates(request) if not is_business_day(day, *where)]
    if not off:
        return
    listed = ", ".join(
        f"{what} {day} ({day:%A}; next business day {next_business_day(day, *where)})"
        for what, day in off
    )
    where_text = f" in {project.jurisdiction}" if project.jurisdiction else ""
    raise InputError(
        f"change request {request.id} sets deadlines that are not business days{where_text}: "
        f"{listed}; move them in the file; nothing was written"
    )


def _refuse_unpriced_rush(
    request: ChangeRequest, rows: list[ChangeRow], current_end: dt.date | None, delay: int
) -> None:
    """A change that brings work forward past where the schedule stands today (the signed dates
    moved by the client's delays) is a rush: the client gets it only for a price, `rush_fee`.
    A modified item is compared with its own current deadline; a new item and the project end
    with the current end."""
    early: list[str] = []
    for row in rows:
        if row.after is None or row.due_after is None:
            continue
        if row.before is not None:
            if row.due_before is not None and row.due_after < row.due_before:
                early.append(f"{row.id} due {row.due_after} (now {row.due_before})")
        elif current_end is not None and row.due_after < current_end:
            early.append(f"new item {row.id} due {row.due_after} (the end is now {current_end})")
    if request.new_end and current_end and request.new_end < current_end:
        early.append(f"the project end {request.new_end} (now {current_end})")
    if not early:
        return
    why = f", after {delay} days of client delays" if delay else ""
    raise InputError(
        f"change request {request.id} brings dates forward without pricing the rush: "
        f"{', '.join(early)}{why}; set dates on or after the current ones, or give the change "
        "a rush_fee for the earlier delivery; nothing was written"
    )


def change_dates(request: ChangeRequest) -> list[tuple[str, dt.date]]:
    """Every date the change request sets, each with what it is the date of."""
    dates = [(f"{item.id} due", item.deadline) for item in request.add]
    dates += [(f"{item.id} due", item.deadline) for item in request.modify]
    dates.append(("the project end", request.new_end))
    return [(what, day) for what, day in dates if day is not None]


def _refuse_past_dates(request: ChangeRequest, as_of: dt.date) -> None:
    """A change order asks the client to agree to dates still ahead: one whose dates have passed
    on the day it is written cannot be kept, so it is refused until they are moved."""
    past = [(what, day) for what, day in change_dates(request) if day < as_of]
    if not past:
        return
    listed = ", ".join(f"{what} {day}" for what, day in past)
    earliest = min(day for _, day in past)
    raise InputError(
        f"change request {request.id} sets dates already past on {as_of} ({listed}); "
        "agree new dates with the client and change them in the file, or give "
        f"--as-of {earliest} or earlier to write the change order as it was then; "
        "nothing was written"
    )


def _refuse_while_suspended(project: Project, request: ChangeRequest, as_of: dt.date) -> None:
    """New work is not offered while the work stands suspended for unpaid invoices: it would
    undercut the stop-work notice. A change that only removes work may still be agreed."""
    suspension = suspension_on(project, as_of)
    if suspension is None or only_reduces(request):
        return
    many = len(suspension.invoices) != 1
    raise InputError(
        f"change order {request.id} refused on {as_of}: work is suspended since "
        f"{suspension.since} for unpaid invoice{'s' if many else ''} "
        f"{', '.join(suspension.invoices)} (the stop-work notice of {suspension.since}); "
        f"a change order can follow once {'they are' if many else 'it is'} paid (a change that "
        "only removes work may be sent now); nothing was written"
    )


def _refuse_after_termination(request: ChangeRequest, state: ProjectState) -> None:
    """An open request cannot be put to the client once the agreement has ended, nor with a
    date after the day a decided termination ends it: the termination letter withdraws it."""
    latest = max((day for _, day in change_dates(request)), default=None)
    refuse_after_termination(state, f"change order {request.id}", latest)
