"""Business days and due dates that move off weekends and holidays, per jurisdiction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from inwriting.documents.reminders import plan_reminders, reminder_context
from inwriting.documents.waiting import open_questions
from inwriting.law.calendar import (
    business_days_after,
    calendar_rule,
    is_business_day,
    next_business_day,
    roll_forward,
)
from inwriting.law.interest import FixedRate, interest_periods, law_for
from inwriting.law.ledger import decide, invoice_state
from inwriting.project.model import Project
from inwriting.project.rules import project_rules

D = dt.date


def project(
    jurisdiction: str | None,
    *,
    region: str | None = None,
    due: str = "2026-10-10",
    waiting: list[dict[str, Any]] | None = None,
) -> Project:
    """One invoice of 1000.00 issued 2026-09-26 and due on `due` (a Saturday by default)."""
    data: dict[str, Any] = {
        "format": "1",
        "currency": "EUR",
        "provider": {"name": "P"},
        "client": {"name": "C"},
        "project": {"id": "X", "name": "X"},
        "terms": {
            "payment_days": "14",
            "feedback_days": "3",
            "hourly_rate": "50",
            "late_interest": "8",
            "reminders": [{"after": "1", "tone": "friendly"}, {"after": "10", "tone": "firm"}],
        },
        "scope": [{"id": "A", "title": "A", "fee": "1000"}],
        "invoices": [{"number": "1", "issued": "2026-09-26", "due": due, "amount": "1000.00"}],
        "waiting_on": waiting or [],
    }
    if jurisdiction is not None:
        data["jurisdiction"] = jurisdiction
    if region is not None:
        data["region"] = region
    return Project.model_validate(data)


# --- N business days: weekends and the jurisdiction's holidays are skipped -----------------


@pytest.mark.parametrize(
    ("jurisdiction", "region", "start", "days", "expected"),
    [
        # US, 5 U.S.C. § 6103: Thanksgiving, Thursday 26 November 2026.
        ("US", None, D(2026, 11, 20), 5, D(2026, 11, 30)),
        # California also closes the day after Thanksgiving (the state's own holidays).
        ("US", "CA", D(2026, 11, 25), 2, D(2026, 12, 1)),
        ("US", None, D(2026, 11, 25), 2, D(2026, 11, 30)),
        # Sweden, lag (1930:173) 2 §: julafton and nyårsafton are no business days.
        ("SE", None, D(2026, 12, 18), 7, D(2027, 1, 4)),
        # ... nor midsommarafton (Friday 19 June 2026).
        ("SE", None, D(2026, 6, 18), 1, D(2026, 6, 22)),
        # Finland, 150/1930 5 §: juhannusaatto and jouluaatto are not; uudenvuodenaatto is.
        ("FI", None, D(2026, 6, 18), 1, D(2026, 6, 22)),
        ("FI", None, D(2026, 12, 23), 1, D(2026, 12, 28)),
        ("FI", None, D(2026, 12, 30), 1, D(2026, 12, 31)),
        # Denmark, forældelsesloven § 27, stk. 2: 24 and 31 December and grundlovsdag.
        ("DK", None, D(2026, 12, 22), 2, D(2026, 12, 28)),
        ("DK", None, D(2026, 12, 30), 1, D(2027, 1, 4)),
        ("DK", None, D(2026, 6, 4), 1, D(2026, 6, 8)),
        # United Kingdom, Banking and Financial Dealings Act 1971, Sch. 1: England and Wales
        # unless region says otherwise. Boxing Day 2026 is a Saturday: Monday 28 is the holiday.
        ("GB", None, D(2026, 12, 18), 7, D(2026, 12, 31)),
        ("GB", None, D(2026, 12, 24), 4, D(2027, 1, 4)),
        # Scotland: 2 January (a Saturday in 2027) is a bank holiday, moved to Monday 4 January.
        ("GB", "SCT", D(2026, 12, 24), 4, D(2027, 1, 5)),
        # Easter Monday is a bank holiday in England and Wales, not in Scotland.
        ("GB", None, D(2026, 4, 2), 1, D(2026, 4, 7)),
        ("GB", "SCT", D(2026, 4, 2), 1, D(2026, 4, 6)),
        # Russia, ТК РФ ст. 112: the New Year holidays run to 8 January, and the Government moved
        # 31 December 2026 off; 28-30 December and 11-14 January are the seven working days.
        ("RU", None, D(2026, 12, 25), 7, D(2027, 1, 14)),
        # A Saturday the Government made a working day (20 February 2027, for Monday 22) counts.
        ("RU", None, D(2027, 2, 19), 1, D(2027, 2, 20)),
        ("RU", None, D(2027, 2, 19), 2, D(2027, 2, 24)),
        # No jurisdiction: Monday to Friday.
        (None, None, D(2026, 12, 24), 1, D(2026, 12, 25)),
    ],
)
def test_business_days_after_skip_weekends_and_holidays(
    jurisdiction: str | None, region: str | None, start: dt.date, days: int, expected: dt.date
) -> None:
    found = business_days_after(start, days, jurisdiction, region)
    assert found == expected
    assert is_business_day(found, jurisdiction, region)


def test_next_business_day_is_the_day_itself_when_it_is_one() -> None:
    assert next_business_day(D(2026, 12, 23), "SE") == D(2026, 12, 23)
    assert next_business_day(D(2026, 12, 24), "SE") == D(2026, 12, 28)
    assert not is_business_day(D(2027, 1, 8), "RU")  # the New Year holidays, a Friday


def test_a_country_the_holiday_library_does_not_know_has_weekends_only() -> None:
    assert calendar_rule("TA").rolls is False
    assert business_days_after(D(2026, 12, 24), 1, "TA") == D(2026, 12, 25)


# --- Due dates on a non-business day move where the law says so --------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "region", "stated", "expected", "source"),
    [
        # A Saturday due date moves to Monday.
        ("RU", None, D(2026, 10, 10), D(2026, 10, 12), "Гражданский кодекс РФ, статья 193"),
        ("SE", None, D(2026, 10, 10), D(2026, 10, 12), "lagen (1930:173)"),
        ("FI", None, D(2026, 10, 10), D(2026, 10, 12), "(150/1930) 5 §"),
        ("DK", None, D(2026, 10, 10), D(2026, 10, 12), "gældsbrevslovens § 5, stk. 2"),
        ("DE", None, D(2026, 10, 10), D(2026, 10, 12), "BGB § 193"),
        # Holidays too: julafton to Monday 28 December; 31 December 2026 in Russia past the New
        # Year holidays; grundlovsdag; Epiphany where the Land (Bavaria) keeps it.
        ("SE", None, D(2026, 12, 24), D(2026, 12, 28), "lagen (1930:173)"),
        ("FI", None, D(2026, 12, 24), D(2026, 12, 28), "(150/1930) 5 §"),
        ("RU", None, D(2026, 12, 31), D(2027, 1, 11), "статья 193"),
        ("DK", None, D(2026, 6, 5), D(2026, 6, 8), "gældsbrevslovens"),
        ("DE", "BY", D(2026, 1, 6), D(2026, 1, 7), "BGB § 193"),
        ("DE", None, D(2026, 1, 6), D(2026, 1, 6), "BGB § 193"),
    ],
)
def test_due_date_on_a_non_business_day_moves_and_interest_starts_the_day_after(
    jurisdiction: str, region: str | None, stated: dt.date, expected: dt.date, source: str
) -> None:
    assert roll_forward(stated, jurisdiction, region) == expected
    assert source in calendar_rule(jurisdiction).roll_source
    state = invoice_state(
        project(jurisdiction, region=region, due=stated.isoformat()), 0, D(2027, 2, 1)
    )
    assert state.stated_due == stated
    assert state.due == expected
    assert state.days_overdue == (D(2027, 2, 1) - expected).days
    periods = interest_periods(state, FixedRate(Decimal(8)))
    assert periods[0].first == expected + dt.timedelta(days=1)


@pytest.mark.parametrize("jurisdiction", ["GB", "US", None])
def test_no_general_rule_moves_a_due_date_in_the_uk_and_the_us(jurisdiction: str | None) -> None:
    """GB: Late Payment Act 1998 s. 4 runs interest from the day after the agreed date; US: no
    federal rule (a state's, like New York's, is not applied): the agreed date stands."""
    state = invoice_state(project(jurisdiction), 0, D(2026, 10, 11))
    assert state.due == D(2026, 10, 10)
    assert not state.due_moved
    assert state.days_overdue == 1
    assert interest_periods(state, FixedRate(Decimal(8)))[0].first == D(2026, 10, 11)


def test_germany_has_its_own_interest_and_its_calendar() -> None:
    # BGB § 288 Abs. 2: Basiszinssatz + 9 points between businesses; BGB § 193 moves the date.
    law = law_for("DE")
    assert law is not None and law.interest is not None
    assert (law.interest.reference, law.interest.margin) == ("de_basiszinssatz", 9)
    assert calendar_rule("DE").rolls and not calendar_rule("FR").rolls


# --- Letters: no deadline on a non-business day, nothing late before its time -------------


def test_a_sunday_letter_does_not_call_late_an_invoice_payable_on_monday() -> None:
    # Due Saturday 10 October 2026; Swedish law moves it to Monday 12 October.
    sunday = D(2026, 10, 11)
    decision = decide(invoice_state(project("SE"), 0, sunday), project("SE").terms.reminders)
    assert decision.tone is None
    assert decision.reason == "not overdue; friendly due on 2026-10-13"
    plan = plan_reminders(project("SE"), sunday)
    assert plan.reminders == []
    assert "1: due 2026-10-12" in plan.reasoning[0]  # the moved date, not "0 days overdue"
    # On Tuesday it is one day late, and the letter names the rule that moved the date.
    tuesday = D(2026, 10, 13)
    assert [r.tone for r in plan_reminders(project("SE"), tuesday).reminders] == ["friendly"]
    context = reminder_context(project("SE"), tuesday, tone="friendly", invoice="1")
    assert context["primary"].state.days_overdue == 1
    assert any("1930:173" in source for source in context["legal_sources"])


def test_an_invoice_due_on_monday_is_not_late_on_sunday_anywhere() -> None:
    for jurisdiction in ("US", "GB", "SE", "RU", None):
        state = invoice_state(project(jurisdiction, due="2026-10-12"), 0, D(2026, 10, 11))
        assert not state.is_overdue, jurisdiction


@pytest.mark.parametrize(
    ("jurisdiction", "as_of", "pay_by", "final"),
    [
        ("US", D(2026, 11, 20), D(2026, 11, 30), D(2026, 12, 2)),
        ("SE", D(2026, 12, 18), D(2026, 12, 29), D(2027, 1, 4)),
        ("RU", D(2026, 12, 25), D(2027, 1, 12), D(2027, 1, 14)),
        ("FI", D(2026, 12, 18), D(2026, 12, 29), D(2026, 12, 31)),  # nyårsafton works
    ],
)
def test_reminder_deadlines_are_counted_in_business_days(
    jurisdiction: str, as_of: dt.date, pay_by: dt.date, final: dt.date
) -> None:
    context = reminder_context(project(jurisdiction), as_of, tone="final", invoice="1")
    assert (context["pay_by"], context["final_deadline"]) == (pay_by, final)


def test_an_answer_due_on_saturday_is_due_on_monday_where_the_law_moves_it() -> None:
    # Asked Wednesday 7 October 2026 with 3 days to answer: Saturday 10 October.
    waiting = [{"item": "Logo files", "asked_on": "2026-10-07"}]
    german = open_questions(project("DE", waiting=waiting), D(2026, 10, 13))
    assert (german[0].answer_due, german[0].days_late) == (D(2026, 10, 12), 1)  # BGB § 193
    american = open_questions(project("US", waiting=waiting), D(2026, 10, 13))
    assert (american[0].answer_due, american[0].days_late) == (D(2026, 10, 10), 3)


# --- region: -------------------------------------------------------------------------------


def messages(p: Project) -> list[str]:
    return [finding.message for finding in project_rules(p) if finding.path == ("region",)]


def test_region_is_checked_against_the_jurisdiction() -> None:
    assert messages(project("GB", region="SCT")) == []
    assert messages(project("US", region="NY")) == []
    assert messages(project("GB", region="XX")) == [
        "XX is not a region of GB with its own holidays; known: ENG, NIR, SCT, WLS"
    ]
    assert messages(project("SE", region="AB")) == [
        "AB is not a region of SE with its own holidays; known: none"
    ]
    assert messages(project(None, region="SCT")) == [
        "a region needs a jurisdiction: add jurisdiction, like GB"
    ]
