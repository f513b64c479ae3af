"""The reminder ladder, table-driven over dates and histories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from inwriting.law.ledger import decide, invoice_state
from inwriting.project.model import Project

D = dt.date


def project(
    *,
    payments: list[tuple[str, str]] = (),  # type: ignore[assignment]
    sent: list[tuple[str, str]] = (),  # type: ignore[assignment]
    jurisdiction: str = "FI",
    fee: str = "0",
) -> Project:
    """One invoice of 1000.00 issued 2026-01-02, due 2026-01-16, with a four-rung ladder."""
    return Project.model_validate(
        {
            "format": "1",
            "currency": "EUR",
            "jurisdiction": jurisdiction,
            "provider": {"name": "P"},
            "client": {"name": "C"},
            "project": {"id": "X", "name": "X"},
            "terms": {
                "payment_days": "14",
                "feedback_days": "3",
                "hourly_rate": "50",
                "reminder_fee": fee,
                "reminders": [
                    {"after": "1", "tone": "friendly"},
                    {"after": "10", "tone": "firm"},
                    {"after": "21", "tone": "stop_work"},
                    {"after": "35", "tone": "final"},
                ],
            },
            "scope": [{"id": "A", "title": "A", "fee": "1000"}],
            "invoices": [
                {
                    "number": "1",
                    "issued": "2026-01-02",
                    "amount": "1000.00",
                    "payments": [{"on": on, "amount": amount} for on, amount in payments],
                    "reminders": [{"on": on, "tone": tone} for on, tone in sent],
                }
            ],
        }
    )


@pytest.mark.parametrize(
    ("as_of", "sent", "payments", "expected"),
    [
        # Nothing before the due date, nor on it.
        (D(2026, 1, 10), [], [], None),
        (D(2026, 1, 16), [], [], None),
        # The first rung the day after.
        (D(2026, 1, 17), [], [], "friendly"),
        # Rungs in order: 40 days late with nothing sent is still the friendly one.
        (D(2026, 2, 25), [], [], "friendly"),
        (D(2026, 2, 25), [("2026-01-17", "friendly")], [], "firm"),
        (D(2026, 1, 20), [("2026-01-17", "friendly")], [], None),  # firm only from day 10
        (D(2026, 2, 25), [("2026-01-17", "friendly"), ("2026-01-27", "firm")], [], "stop_work"),
        (
            D(2026, 2, 25),
            [("2026-01-17", "friendly"), ("2026-01-27", "firm"), ("2026-02-07", "stop_work")],
            [],
            "final",
        ),
        # Every rung sent: nothing more.
        (
            D(2026, 3, 30),
            [
                ("2026-01-17", "friendly"),
                ("2026-01-27", "firm"),
                ("2026-02-07", "stop_work"),
                ("2026-02-21", "final"),
            ],
            [],
            None,
        ),
        # A higher rung sent (a stop-work notice covering this invoice): lower ones never again.
        (D(2026, 2, 25), [("2026-02-07", "stop_work")], [], "final"),
        # Partial payment: still owed, still on the ladder.
        (D(2026, 1, 20), [], [("2026-01-18", "400.00")], "friendly"),
        # Paid in full: never nudged, whatever the date.
        (D(2026, 3, 30), [], [("2026-01-18", "1000.00")], None),
        # Paid after the date we look at: still owed on that date.
        (D(2026, 1, 20), [], [("2026-02-01", "1000.00")], "friendly"),
    ],
)
def test_ladder(
    as_of: dt.date,
    sent: list[tuple[str, str]],
    payments: list[tuple[str, str]],
    expected: str | None,
) -> None:
    p = project(sent=sent, payments=payments)
    state = invoice_state(p, 0, as_of)
    assert decide(state, p.terms.reminders).tone == expected


def test_minimum_spacing_delays_the_next_rung() -> None:
    p = project(sent=[("2026-01-25", "friendly")])
    state = invoice_state(p, 0, D(2026, 1, 30))  # 14 days late: firm's day has come
    decision = decide(state, p.terms.reminders, min_spacing_days=10)
    assert decision.tone is None
    assert decision.waits_until == D(2026, 2, 4)
    assert (
        decide(invoice_state(p, 0, D(2026, 2, 4)), p.terms.reminders, min_spacing_days=10).tone
        == "firm"
    )


def test_state_arithmetic() -> None:
    p = project(payments=[("2026-01-20", "250.00"), ("2026-02-01", "250.00")])
    state = invoice_state(p, 0, D(2026, 1, 25))
    assert state.due == D(2026, 1, 16)
    assert state.paid == Decimal("250.00")
    assert state.outstanding == Decimal("750.00")
    assert state.days_overdue == 9
    assert state.principal_on(D(2026, 1, 19)) == Decimal("1000.00")
    assert state.principal_on(D(2026, 1, 20)) == Decimal("750.00")


def test_a_ladder_may_repeat_a_tone() -> None:
    p = project(sent=[("2026-01-17", "friendly"), ("2026-01-27", "firm")])
    rungs = [
        *p.terms.reminders[:2],
        p.terms.reminders[1].model_copy(update={"after": 15}),
        *p.terms.reminders[2:],
    ]
    state = invoice_state(p, 0, D(2026, 2, 2))  # 17 days late: the second firm rung's day
    assert decide(state, rungs).tone == "firm"
    twice = project(
        sent=[("2026-01-17", "friendly"), ("2026-01-27", "firm"), ("2026-02-01", "firm")]
    )
    assert decide(invoice_state(twice, 0, D(2026, 2, 10)), rungs).tone == "stop_work"
