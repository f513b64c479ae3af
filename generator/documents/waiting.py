"""The waiting-on-client notice: what is blocked on the client, and how far delivery moves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..law.calendar import roll_forward
from ..project.model import Project, WaitingItem


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
    allowed = project.terms.feedback_days
    found = []
    for index, entry in enumerate(project.waiting_on):
        if entry.asked_on > as_of or (entry.answered_on is not None and entry.answered_on <= as_of):
            continue
        waited = (as_of - entry.asked_on).days
        # The agreed days are calendar days; where the law moves a time limit off a weekend or
        # holiday (BGB § 193 names contracts; the Nordic and Russian rules apply by analogy), so
        # does the day the answer is due.
        answer_due = roll_forward(
            entry.asked_on + dt.timedelta(days=allowed), project.jurisdiction, project.region
        )
        late = max((as_of - answer_due).days, 0)
        found.append(OpenQuestion(entry, index, answer_due, waited, late))
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
    end = project.project.end
    return {
        "questions": questions,
        "late_questions": [q for q in questions if q.days_late > 0],
        "delay_days": delay,
        "new_end": end + dt.timedelta(days=delay) if end is not None and delay else None,
        "feedback_days": project.terms.feedback_days,
    }
