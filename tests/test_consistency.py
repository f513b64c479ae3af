"""Every document of every sample, in every language, rendered on one date, agrees with every
other: the amounts owed and the end date each shows are the project state's (`inwriting status`)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from click.testing import CliRunner
from conftest import SAMPLES, normalise, pdf_text
from inwriting.cli import cli
from inwriting.documents.disputes import open_disputes
from inwriting.documents.state import project_state
from inwriting.errors import InputError
from inwriting.law.charges import charges_for
from inwriting.locales import document_locale
from inwriting.project.project_file import LoadedProject, load_project
from inwriting.render.pipeline import render_document

AS_OF = dt.date(2026, 11, 22)
LANGUAGES = ("en", "sv", "da", "fi", "ru")
SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))
# A backslash the Markdown writer puts before ASCII punctuation so data stays text.
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def text_of(loaded: LoadedProject, kind: str, language: str, **params: str) -> str:
    out = render_document(
        loaded, kind, formats=["md"], as_of=AS_OF, language=language, params=params
    )
    return normalise(ESCAPE.sub(r"\1", out["md"].decode("utf-8")))


def money(loaded: LoadedProject, language: str, amount: Decimal) -> str:
    project = loaded.project
    locale = document_locale(language, project.jurisdiction)
    return normalise(str(format_currency(amount, project.currency, locale=locale)))


def day(loaded: LoadedProject, language: str, value: dt.date) -> str:
    locale = document_locale(language, loaded.project.jurisdiction)
    return normalise(str(format_date(value, "long", locale=locale)))


@pytest.fixture(scope="module", params=SAMPLE_PATHS, ids=lambda path: path.stem)
def loaded(request: pytest.FixtureRequest) -> LoadedProject:
    return load_project(request.param)


@pytest.mark.parametrize("language", LANGUAGES)
def test_amounts_agree_across_documents(loaded: LoadedProject, language: str) -> None:
    project = loaded.project
    state = project_state(project, AS_OF)
    assert state.invoices, "every sample has money owed on the day"
    total = money(loaded, language, state.owed.total)
    # The termination letter, the hand-off report and the review: the same total, with interest.
    for kind in ("termination", "handoff", "review"):
        assert total in text_of(loaded, kind, language), kind
    termination = text_of(loaded, "termination", language)
    if state.owed.interest > 0:
        assert money(loaded, language, state.owed.interest) in termination
    # Each reminder: the invoice's amounts as the state has them, plus this letter's own fee. A
    # friendly letter charges the interest only and names the rest as what delay would cost.
    disputed = open_disputes(project, AS_OF)
    for invoice in state.overdue:
        if invoice.number in disputed:
            # Off the ladder: the reply to the dispute asks for what every document of the day
            # counts for it, the interest only (no compensation or fees while it is disputed).
            reply = text_of(loaded, "dispute-reply", language, invoice=invoice.number)
            assert money(loaded, language, invoice.owed.total) in reply, invoice
            assert invoice.owed.compensation == invoice.owed.fees == 0, invoice
            continue
        fee = charges_for(project, invoice.state).fees - invoice.owed.fees
        firm = text_of(loaded, "reminder-firm", language, invoice=invoice.number)
        assert money(loaded, language, invoice.owed.total + fee) in firm, invoice
        friendly = text_of(loaded, "reminder-friendly", language, invoice=invoice.number)
        asked = invoice.owed.principal + invoice.owed.interest
        assert money(loaded, language, asked) in friendly, invoice
    # The stop-work and final notices cover every overdue invoice but a disputed one (which gets
    # a reply to the dispute): the state's figures for those invoices.
    covered = [invoice for invoice in state.overdue if invoice.number not in disputed]
    first = max(covered, key=lambda invoice: invoice.state.days_overdue)
    fee = charges_for(project, first.state).fees - first.owed.fees
    covered_total = sum((invoice.owed.total for invoice in covered), start=Decimal(0))
    for tone in ("stop-work", "final"):
        text = text_of(loaded, f"reminder-{tone}", language, invoice=first.number)
        assert money(loaded, language, covered_total + fee) in text, tone
        for invoice in covered:
            assert money(loaded, language, invoice.state.outstanding) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_end_date_agrees_across_documents(loaded: LoadedProject, language: str) -> None:
    project = loaded.project
    state = project_state(project, AS_OF)
    assert state.end is not None and state.termination_end is not None
    end = day(loaded, language, state.end)
    # Every sample's termination is decided on the day: it ends the agreement, and the hand-off
    # and the waiting notice name that same day.
    assert state.end == state.termination_end
    assert end in text_of(loaded, "termination", language)
    assert end in text_of(loaded, "handoff", language)
    # A waiting notice or an open change order would set dates after that day: refused.
    if state.client_delay_days:
        with pytest.raises(InputError, match="refused"):
            text_of(loaded, "waiting", language)
    for change in state.open_changes:
        if change.new_end is not None:
            if change.new_end > state.end:
                with pytest.raises(InputError, match="refused"):
                    text_of(loaded, "change-order", language, change=change.id)
            else:  # "instead of" the end as it stands today
                assert end in text_of(loaded, "change-order", language, change=change.id)


def test_the_pdf_says_what_the_markdown_says() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    state = project_state(loaded.project, AS_OF)
    for kind in ("termination", "handoff"):
        out = render_document(loaded, kind, formats=["pdf"], as_of=AS_OF)
        assert money(loaded, "en", state.owed.total) in normalise(pdf_text(out["pdf"]))


def test_status_json_prints_the_state(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["status", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", "2026-11-22", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2026-11-22" and data["currency"] == "USD"
    # 2026-044: 1,240.00 left after a part payment, 31.25 interest at 18 %; 2026-052: 3,360.00
    # due Saturday 14 November, moved to Monday 16 November by section 6.3: 6 days, 9.94.
    assert data["owed"]["total"] == "4641.19"
    assert data["owed"]["principal"] == "4600.00" and data["owed"]["interest"] == "41.19"
    assert [(i["number"], i["total"]) for i in data["owed"]["invoices"]] == [
        ("2026-044", "1271.25"),
        ("2026-052", "3369.94"),
    ]
    # 30 November, moved 17 days by the client's late answers, ends with the agreement on
    # 22 November: the signed checklist printed no notice clause, so the termination decided
    # that day is for the client's breach, with effect at once.
    assert data["agreed_end"] == "2026-11-30" and data["client_delay_days"] == 17
    # Decided on Sunday 22 November, the termination takes effect on Monday 23 November.
    assert data["delivery_end"] == "2026-12-17" and data["termination_end"] == "2026-11-23"
    assert data["end"] == "2026-11-23"
    assert [(i["id"], i["status"]) for i in data["items"]] == [
        ("A", "done"),
        ("B", "done"),
        ("C", "in_progress"),
    ]
    assert data["open_changes"] == ["CR-1"]
    plain = CliRunner().invoke(
        cli, ["status", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", "2026-11-22"]
    )
    assert plain.exit_code == 0 and "owed: 4641.19 USD" in plain.output
    assert "end: 2026-11-23" in plain.output


def test_status_on_an_earlier_date_counts_only_what_was_then() -> None:
    result = CliRunner().invoke(
        cli, ["status", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", "2026-10-01", "--json"]
    )
    data = json.loads(result.output)
    # Only 2026-044 was issued (30 September) and not due yet; B was not done; no termination.
    assert [i["number"] for i in data["owed"]["invoices"]] == ["2026-044"]
    assert data["owed"]["interest"] == "0.00" and data["termination_end"] is None
    assert dict((i["id"], i["status"]) for i in data["items"])["B"] == "in_progress"
    assert data["end"] == "2026-11-30"


def test_a_change_cannot_set_a_date_before_its_own(tmp_path: Path) -> None:
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, row in enumerate(lines, 1) if row.strip() == "new_end: 2027-01-15")
    path = tmp_path / "jerry.yaml"
    path.write_text(text.replace("new_end: 2027-01-15", "new_end: 2026-10-01"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert f"jerry.yaml:{line}:" in result.output
    assert "2026-10-01 is before the change request's own date (requested on 2026-10-06)" in (
        result.output
    )


def test_a_change_order_whose_dates_have_passed_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["change-order", str(SAMPLES / "jerry-webshop.yaml"), "CR-1", "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--as-of", "2027-01-20"])
    assert result.exit_code == 2, result.output
    assert "CR-1 sets dates already past on 2027-01-20" in result.output
    assert "D due 2027-01-15" in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output and not out.exists()
    # On 22 November the dates are ahead, but the termination decided that day ends the
    # agreement on 23 November, before them: refused too, and still nothing written.
    later = CliRunner().invoke(cli, [*args, "--as-of", "2026-11-22"])
    assert later.exit_code == 2 and "refused" in later.output and not out.exists()
