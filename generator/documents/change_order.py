"""The change order: one change request's rows before and after, its cost, and the new dates;
for a rejected request, the letter that declines it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..project.changes import ChangeRow, apply, change_index, end_before, price, scope_before, total
from ..project.model import ChangeRequest, Project
from .parting import refuse_after_termination
from .state import ProjectState, project_state

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
    return {"change": request, "standing_changes": standing}


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
    before, applied = scope_before(project, index)
    after = apply(before, request)
    by_id_before = {item.id: item for item in before}
    by_id_after = {item.id: item for item in after}
    touched = [*request.remove, *(m.id for m in request.modify), *(item.id for item in request.add)]
    rows = []
    for item_id in dict.fromkeys(touched):
        old = by_id_before.get(item_id)
        new = by_id_after.get(item_id)
        new = None if new is None or new.status == "dropped" else new
        old = None if old is not None and old.status == "dropped" else old
        rows.append(ChangeRow(item_id, old, new, price(old, project) if old else Decimal(0),
                              price(new, project) if new else Decimal(0)))  # fmt: skip
    original = total(list(project.scope), project)
    earlier = total(before, project) - original
    delta = total(after, project) - total(before, project)
    # The end as it stands today before this change: after the earlier approved changes, moved
    # by the client's delays and never past a decided termination (the project state's rule).
    previous_end = state.end_from(end_before(project, applied))
    return {
        "change": request,
        "rows": rows,
        "moved": [
            row
            for row in rows
            if row.before and row.after and row.before.deadline != row.after.deadline
        ],
        "cost_delta": delta,
        "original_total": original,
        "earlier_delta": earlier,
        "earlier_changes": applied,
        "updated_total": original + earlier + delta,
        "previous_end": previous_end,
        "new_end": request.new_end if request.new_end and request.new_end != previous_end else None,
    }


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


def _refuse_after_termination(request: ChangeRequest, state: ProjectState) -> None:
    """An open request cannot be put to the client once the agreement has ended, nor with a
    date after the day a decided termination ends it: the termination letter withdraws it."""
    latest = max((day for _, day in change_dates(request)), default=None)
    refuse_after_termination(state, f"change order {request.id}", latest)
