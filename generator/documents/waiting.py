"""The waiting-on-client notice: what is blocked on the client, and how far delivery moves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..project.model import Project, WaitingItem
from .parting import refuse_after_termination
from .state import answer_due, project_state
from .suspension import suspension_on


@dataclass(frozen=True)
class OpenQuestion:
    """A question to the client as it stands on `as_of`: still open, or answered by then
    (`answered_on`); `days_late` counts to the answer, or to `as_of` while it is open."""

    entry: WaitingItem
    index: int
    answer_due: dt.date
    days_waited: int
    days_late: int
    answered_on: dt.date | None = None


def asked_questions(project: Project, as_of: dt.date) -> list[OpenQuestion]:
    """Every question asked on or before `as_of`, answered by then or not, oldest first."""
    found = []
    for index, entry in enumerate(project.waiting_on):
        if entry.asked_on > as_of:
            continue
        answered = entry.answered_on if entry.answered_on and entry.answered_on <= as_of else None
        until = answered or as_of
        due = answer_due(project, entry.asked_on)
        late = max((until - due).days, 0)
        found.append(OpenQuestion(entry, index, due, (until - entry.asked_on).days, late, answered))
    return sorted(found, key=lambda question: question.entry.asked_on)


def open_questions(project: Project, as_of: dt.date) -> list[OpenQuestion]:
    """Questions asked on or before `as_of` and not answered by then, oldest first."""
    return [q for q in asked_questions(project, as_of) if q.answered_on is None]


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
    longest of them, not their sum (the agenda's measure of the open ones)."""
    return max((question.days_late for question in questions), default=0)


def refuse_after_the_end(project: Project, as_of: dt.date) -> None:
    """Refuse the waiting notice once a decided termination ends the agreement on or before
    `as_of`, or before the delivery date the notice would set (InputError, nothing written)."""
    state = project_state(project, as_of)
    moved = state.delivery_end if state.delivery_end != state.agreed_end else None
    refuse_after_termination(state, "the waiting notice", moved)


def waiting_context(project: Project, as_of: dt.date) -> dict[str, Any]:
    asked = asked_questions(project, as_of)
    questions = [q for q in asked if q.answered_on is None]
    state = project_state(project, as_of)
    refuse_after_the_end(project, as_of)
    return {
        "questions": questions,
        # Answers that came, but late: their days moved delivery too (listed with the open ones).
        "answered_late": [q for q in asked if q.answered_on is not None and q.days_late > 0],
        "late_questions": [q for q in questions if q.days_late > 0],
        # Days on which at least one answer was overdue (the union of the late intervals), the
        # project state's count: open and answered-late questions alike, overlaps once.
        "delay_days": state.client_delay_days,
        # The project state's end: the agreed end after approved changes, moved by every day an
        # answer was late, onto a business day.
        "new_end": state.end if state.end != state.agreed_end else None,
        "agreed_end": state.agreed_end,
        "end": state.end,
        "feedback_days": project.terms.feedback_days,
        # Work paused by a stop-work notice, its invoice unpaid: the late answers are not what
        # holds the work up, and the pause has no end date yet, so the letter gives none.
        "suspension": suspension_on(project, as_of),
    }
