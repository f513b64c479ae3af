"""A reminder says what the interest adds each further day until payment, worked out here from
the invoices still owed and the rate, in every language; a friendly reminder leaves it out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from conftest import SAMPLES
from inwriting.law.ledger import invoice_states
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_markdown

AS_OF = dt.date(2026, 11, 22)
SENTENCE = {
    "en": "It currently amounts to {} a day.",
    "sv": "Räntan fortsätter att löpa med {} per dag fram till betalningen.",
    "da": "Renten løber fortsat, indtil betaling sker (i alt {} pr. dag).",
    "fi": "Korkoa kertyy tällä hetkellä {} päivässä.",
    "ru": "Проценты продолжают начисляться по день оплаты включительно — {} в день.",
}
LOCALE = {"en": "en_US", "sv": "sv_SE", "da": "da_DK", "fi": "fi_FI", "ru": "ru_RU"}


@pytest.mark.parametrize("language", sorted(SENTENCE))
def test_the_stop_work_notice_gives_the_interest_per_day(language: str) -> None:
    """Jerry's two invoices at the agreed 18 % a year: each outstanding amount × 18 % / 365."""
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    overdue = [s for s in invoice_states(loaded.project, AS_OF) if s.is_overdue]
    rate = Decimal(str(loaded.project.terms.late_interest))
    daily = sum((s.outstanding * rate / 100 / 365 for s in overdue), start=Decimal(0))
    _, text = render_markdown(
        loaded,
        "reminder-stop-work",
        as_of=AS_OF,
        language=language,
        params={"invoice": overdue[0].invoice.number},
    )
    text = " ".join(text.replace("\\", "").split())
    money = format_currency(daily.quantize(Decimal("0.01")), "USD", locale=LOCALE[language])
    assert SENTENCE[language].format(" ".join(money.split())) in text.replace("\u00a0", " ")


def test_a_friendly_reminder_says_nothing_of_interest_per_day() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    _, text = render_markdown(
        loaded, "reminder-friendly", as_of=AS_OF, params={"invoice": "2026-052"}
    )
    assert "a day until payment" not in text
