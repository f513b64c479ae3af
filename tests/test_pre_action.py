"""The final rung as the jurisdiction's pre-action letter: its period and next step."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from conftest import normalise
from inwriting.law.ledger import invoice_states
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
AS_OF = dt.date(2026, 11, 22)


def final_text(sample: str, **update: object) -> str:
    loaded = load_project(SAMPLES / f"{sample}.yaml")
    project = loaded.project.model_copy(update=update)
    overdue = next(s.invoice for s in invoice_states(project, AS_OF) if s.is_overdue)
    out = render_document(
        dataclasses.replace(loaded, project=project),
        "reminder-final",
        formats=["md"],
        as_of=AS_OF,
        params={"invoice": overdue.number},
    )
    return normalise(out["md"].decode())


def test_russian_pretenziya_gives_30_calendar_days_and_the_court() -> None:
    text = final_text("severnyi-veter")
    assert "**Претензия об оплате задолженности" in text and "Договору № SV-2026-04" in text
    # 22 Nov + 30 calendar days = Tuesday 22 December 2026 (ч. 5 ст. 4 АПК РФ).
    assert "в течение 30 календарных дней со дня направления" in text
    assert "не позднее **22 декабря 2026 г.**" in text
    assert "обращусь в Арбитражный суд" in text  # an ИП writes in the singular


def test_danish_inkassovarsel_gives_10_days_and_collection() -> None:
    text = final_text("havbrise-social")
    # 22 Nov + 10 days = Wednesday 2 December 2026 (inkassolovens § 10, stk. 3).
    assert "**Vedr.: Inkassovarsel" in text and "inkassolovens § 10" in text
    assert "senest **onsdag den 2. december 2026**" in text
    assert "overdrager vi kravet til inkasso uden yderligere varsel" in text


def test_english_letter_before_claim_for_gb_gives_14_days_and_proceedings() -> None:
    text = final_text("jerry-webshop", jurisdiction="GB", region=None)
    # 22 Nov + 14 days = Sunday 6 December, so Monday 7 December 2026.
    assert "**Re: Letter before claim" in text and "Pre-Action Conduct and Protocols" in text
    assert "within 14 days, by **7 December 2026**" in text
    assert "we will issue court proceedings" in text and "without further notice" in text


def test_other_jurisdictions_keep_the_usual_final_notice() -> None:
    text = final_text("jerry-webshop")
    assert "**Re: Final Demand for Payment" in text  # the US final rung
    assert "Letter before claim" not in text and "business days from today" in text
