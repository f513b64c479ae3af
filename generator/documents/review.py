"""The client review: measured facts, red flags, a score and grade, and a recommendation.

The rubric (docs/review.md) is in the constants below; every point taken off is a fact the
review prints, so the recommendation always says what led to it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..law.ledger import InvoiceState, invoice_states
from ..project.model import Project
from .state import client_delay_days

# Points off a score of 100, per fact, each with its cap.
LATE_DAY = 1  # per day of average lateness
LATE_DAY_CAP = 30
WORST_LATE_DAYS = 30  # a single invoice this late or more …
WORST_LATE_POINTS = 10  # … costs this much on top
REMINDER = 3  # per reminder it took
REMINDER_CAP = 15
DISPUTE = 10  # per disputed invoice
CHANGE_OUTSIDE = 5  # per change asked for outside a written change order
CHANGE_OUTSIDE_CAP = 20
WAIT_DAY = Decimal("0.5")  # per day of waiting beyond feedback_days
WAIT_CAP = 15
INCIDENT = {"unresponsive": 5, "controlling": 5, "ignored_advice": 5, "competitor_pressure": 5,
            "changed_mind": 3, "other": 2}  # fmt: skip
GRADES = ((85, "A"), (70, "B"), (50, "C"), (0, "D"))
BASE_FACTS = ("late_average", "late_worst", "reminders", "disputes", "changes_outside", "waited")
FLAG_ON_ITS_OWN = ("abusive", "dishonesty", "legal_risk")
"""Incidents that are a red flag whatever the score: they end in a recommendation to part."""


@dataclass(frozen=True)
class Deduction:
    fact: str  # a key the templates phrase, e.g. "late_average"
    value: Decimal | int
    points: int


@dataclass(frozen=True)
class Review:
    as_of: dt.date
    days_late: list[tuple[str, int]]  # per invoice, for the chart
    average_late: Decimal
    worst_late: int
    reminders: int
    disputes: int
    changes_outside: int
    waited_beyond: int
    incidents_by_kind: dict[str, int]
    incidents_by_month: list[tuple[dt.date, int]]  # (first day of the month, count): the chart
    deductions: list[Deduction]
    flags: list[str]  # fact keys
    score: int
    grade: str
    recommendation: str  # "keep", "stricter", "part"
    stricter_terms: list[str] = field(
        default_factory=list
    )  # "deposit", "shorter_terms", "pay_first"

    @property
    def points(self) -> dict[str, int]:
        """Points taken off per fact (0 for a fact that cost nothing)."""
        taken = {deduction.fact: deduction.points for deduction in self.deductions}
        return {fact: taken.get(fact, 0) for fact in (*BASE_FACTS, *INCIDENT)}


def days_late(state: InvoiceState) -> int:
    """How late an invoice was paid, or is on `as_of` if still unpaid."""
    if state.outstanding > 0:
        return state.days_overdue
    if not state.payments:
        return 0
    return max((state.payments[-1][0] - state.due).days, 0)


def review_project(project: Project, as_of: dt.date) -> Review:
    states = [state for state in invoice_states(project, as_of) if state.invoice.issued <= as_of]
    late = [(state.invoice.number, days_late(state)) for state in states]
    average = (
        (Decimal(sum(days for _, days in late)) / len(late)).quantize(Decimal("0.1"))
        if late
        else Decimal(0)
    )
    worst = max((days for _, days in late), default=0)
    incidents = [incident for incident in project.incidents if incident.on <= as_of]
    kinds: Counter[str] = Counter(incident.kind for incident in incidents)
    reminders = sum(len(state.reminders) for state in states)
    # The same days the waiting notice moves delivery by: one count of the client's delays.
    waited = client_delay_days(project, as_of)
    deductions = [
        Deduction("late_average", average, min(int(average * LATE_DAY), LATE_DAY_CAP)),
        Deduction("late_worst", worst, WORST_LATE_POINTS if worst >= WORST_LATE_DAYS else 0),
        Deduction("reminders", reminders, min(reminders * REMINDER, REMINDER_CAP)),
        Deduction("disputes", kinds["disputed_invoice"], kinds["disputed_invoice"] * DISPUTE),
        Deduction(
            "changes_outside",
            kinds["scope_change"],
            min(kinds["scope_change"] * CHANGE_OUTSIDE, CHANGE_OUTSIDE_CAP),
        ),
        Deduction("waited", waited, min(int(waited * WAIT_DAY), WAIT_CAP)),
        *(
            Deduction(kind, kinds[kind], kinds[kind] * points)
            for kind, points in INCIDENT.items()
            if kinds[kind]
        ),
    ]
    score = max(100 - sum(d.points for d in deductions), 0)
    grade = next(letter for floor, letter in GRADES if score >= floor)
    flags = [kind for kind in FLAG_ON_ITS_OWN if kinds[kind]]
    if average > 14:
        flags.append("late_average")
    if kinds["disputed_invoice"]:
        flags.append("disputes")
    if kinds["scope_change"] >= 2:
        flags.append("changes_outside")
    stricter: list[str] = []
    # A review never says "keep" about a client whose agreement the file ends.
    ended = project.termination is not None
    if any(kind in FLAG_ON_ITS_OWN for kind in flags) or grade == "D" or ended:
        recommendation, stricter = "part", []
    elif grade in ("A", "B") and not flags:
        recommendation, stricter = "keep", []
    else:
        recommendation, stricter = "stricter", _stricter_terms(project, average, worst)
    months = Counter(incident.on.replace(day=1) for incident in incidents)
    return Review(
        as_of=as_of,
        days_late=late,
        average_late=average,
        worst_late=worst,
        reminders=reminders,
        disputes=kinds["disputed_invoice"],
        changes_outside=kinds["scope_change"],
        waited_beyond=waited,
        incidents_by_kind=dict(sorted(kinds.items())),
        incidents_by_month=sorted(months.items()),
        deductions=[d for d in deductions if d.points > 0],
        flags=flags,
        score=score,
        grade=grade,
        recommendation=recommendation,
        stricter_terms=stricter,
    )


def _stricter_terms(project: Project, average: Decimal, worst: int) -> list[str]:
    terms = []
    if project.terms.deposit_percent < 50:
        terms.append("deposit")
    if project.terms.payment_days >= 14 and average > 0:
        terms.append("shorter_terms")
    if worst >= WORST_LATE_DAYS or average > 14:
        terms.append("pay_first")
    if not terms:
        terms.append("pay_first" if project.terms.deposit_percent >= 50 else "deposit")
    return terms
