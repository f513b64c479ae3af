"""The waiting-on-client notice: what is blocked on the client, and how far delivery moves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..project.model import Project, WaitingItem
from .state import answer_due, project_state


@dataclass(frozen=True)
class OpenQuestion:
    """Something the client has not answered yet, as it stands on `as_of`."""

    entry: WaitingItem
    index: int
    answer_due: dt.date
    days_waited: int
    days_late: int


def open_questions(project: Project, as_of: dt.date) -> list[OpenQuestion]:
    """Questions asked on or before `as_of` and not answered by then, oldest first."""
    found = []
    for index, entry in enumerate(project.waiting_on):
        if entry.asked_on > as_of or (entry.answered_on is not None and entry.answered_on <= as_of):
            continue
        waited = (as_of - entry.asked_on).days
        due = answer_due(project, entry.asked_on)
        late = max((as_of - due).days, 0)
        found.append(OpenQuestion(entry, index, due, waited, late))
    return sorted(found, key=lambda question: question.entry.asked_on)


def nothing_open(project: Project, as_of: dt.date) -> str:
    """Why no question is open on `as_of`, as one line: none asked, none asked yet by then, or
    every one asked by then answered (questions asked later are not counted)."""
    entries = project.waiting_on
    asked = [entry for entry in entries if entry.asked_on <= as_of]
    later = len(entries) - len(asked)
    if not entries:
        return f"nothing open on {as_of}: waiting_on lists no question"
    if not asked:
        first = min(entry.asked_on for entry in entries)
        return f"nothing open on {as_of}: no question was asked yet (the first on {first})"
    after = f"; {later} asked after {as_of} left out" if later else ""
    return f"nothing open on {as_of}: every question asked by then is answered{after}"


def delay_days(questions: list[OpenQuestion]) -> int:
    """Questions that are late at the same time hold the work up together: the delay is the
    longest of them, not their sum."""
    return max((question.days_late for question in questions), default=0)


def waiting_context(project: Project, as_of: dt.date) -> dict[str, Any]:
    questions = open_questions(project, as_of)
    delay = delay_days(questions)
    state = project_state(project, as_of)
    return {
        "questions": questions,
        "late_questions": [q for q in questions if q.days_late > 0],
        "delay_days": delay,
        # The project state's end: the agreed end after approved changes, moved by every day an
        # answer was late (answers given late too), never past a decided termination.
        "new_end": state.end if state.end != state.agreed_end else None,
        "agreed_end": state.agreed_end,
        "end": state.end,
        # Where a decided termination ends the agreement before the moved delivery date, that
        # day is the end, and further days without an answer no longer move it.
        "agreement_ends": (
            state.end
            if state.termination_end is not None
            and state.end == state.termination_end
            and state.end != state.delivery_end
            else None
        ),
        "feedback_days": project.terms.feedback_days,
    }
