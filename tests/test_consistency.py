"""Every document of every sample, in every language, each rendered on the day the sample's
timeline sends it (tests/timeline.py), agrees with the project state of that day (`inwriting
status`): the amounts owed and the end date, and the documents sent on one day with each other."""

from __future__ import annotations

import dataclasses
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
from inwriting.documents.suspension import suspension_on
from inwriting.errors import InputError
from inwriting.law.charges import Charges, charges_for
from inwriting.law.ledger import InvoiceState
from inwriting.locales import document_locale
from inwriting.project.model import Project
from inwriting.project.project_file import LoadedProject, load_project
from inwriting.render.pipeline import render_document
from timeline import sent_on

LANGUAGES = ("en", "sv", "da", "fi", "ru")
SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))
# A backslash the Markdown writer puts before ASCII punctuation so data stays text.
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def text_of(
    loaded: LoadedProject, kind: str, language: str, on: dt.date | None = None, **params: str
) -> str:
    """The Markdown of `kind`, on `on` or on the day the sample's timeline sends it."""
    when = on or sent_on(Path(loaded.path).stem, kind)
    out = render_document(
        loaded, kind, formats=["md"], as_of=when, language=language, params=params
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


def sending(project: Project, state: InvoiceState, on: dt.date) -> Charges:
    """The charges a letter sent on `on` states for its own invoice: the reminders before that
    day, and this letter once (whether or not the sample records it on the day)."""
    before = dataclasses.replace(state, reminders=tuple(r for r in state.reminders if r.on < on))
    return charges_for(project, before, sending=True)


def recorded(project: Project, tone: str, on: dt.date) -> list[str]:
    """The invoices the sample records a `tone` reminder for on `on`."""
    return [
        invoice.number
        for invoice in project.invoices
        if any(r.tone == tone and r.on == on for r in invoice.reminders)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_amounts_agree_across_the_parting_documents(loaded: LoadedProject, language: str) -> None:
    project = loaded.project
    ends = sent_on(Path(loaded.path).stem, "termination")
    state = project_state(project, ends)
    assert state.invoices, "every sample has money owed when it ends"
    total = money(loaded, language, state.owed.total)
    # The termination letter, the hand-off report and the review, sent on one day: the same
    # total, with interest.
    for kind in ("termination", "handoff", "review"):
        assert total in text_of(loaded, kind, language), kind
    termination = text_of(loaded, "termination", language)
    if state.owed.interest > 0:
        assert money(loaded, language, state.owed.interest) in termination
    # Off the ladder: the reply to a dispute asks for what every document of the day counts
    # for it, the interest only (no compensation or fees while it is disputed).
    for number in open_disputes(project, ends):
        invoice = next(i for i in state.overdue if i.number == number)
        reply = text_of(loaded, "dispute-reply", language, on=ends, invoice=number)
        assert money(loaded, language, invoice.owed.total) in reply, invoice
        assert invoice.owed.compensation == invoice.owed.fees == 0, invoice


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_reminder_states_the_amounts_of_its_day(loaded: LoadedProject, language: str) -> None:
    project = loaded.project
    sample = Path(loaded.path).stem
    for tone in ("friendly", "firm", "stop_work", "final"):
        on = sent_on(sample, tone)
        state = project_state(project, on)
        disputed = open_disputes(project, on)
        numbers = [n for n in recorded(project, tone, on) if n not in disputed]
        assert numbers, f"the sample records its {tone} reminder on {on}"
        primary = max(
            (i for i in state.overdue if i.number in numbers), key=lambda i: i.state.days_overdue
        )
        kind = "reminder-" + tone.replace("_", "-")
        text = text_of(loaded, kind, language, invoice=primary.number)
        own = sending(project, primary.state, on)
        if tone == "friendly":
            # The interest only; the rest is named as what delay would cost.
            asked = primary.state.outstanding + own.interest
            assert money(loaded, language, asked) in text, (tone, on)
        elif tone == "firm":
            assert money(loaded, language, own.total) in text, (tone, on)
        else:
            # The stop-work and final notices cover every overdue invoice of the day but a
            # disputed one (which gets a reply to the dispute): the state's figures for those.
            covered = [i for i in state.overdue if i.number not in disputed]
            others = sum((i.owed.total for i in covered if i is not primary), start=Decimal(0))
            assert money(loaded, language, own.total + others) in text, (tone, on)
            for invoice in covered:
                assert money(loaded, language, invoice.state.outstanding) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_end_date_agrees_across_documents(loaded: LoadedProject, language: str) -> None:
    project = loaded.project
    sample = Path(loaded.path).stem
    state = project_state(project, sent_on(sample, "termination"))
    assert state.end is not None and state.termination_end is not None
    end = day(loaded, language, state.end)
    # The termination decided on the day ends the agreement, and the hand-off names that day.
    assert state.end == state.termination_end
    termination = text_of(loaded, "termination", language)
    if language == "ru" and state.end == sent_on(sample, "termination"):
        # A breach ends the Договор when the client receives the notice (ст. 450.1 ГК РФ): on
        # the letter's own day it names no later date.
        assert "прекращается с момента получения Вами настоящего уведомления" in termination
    else:
        assert end in termination
    assert end in text_of(loaded, "handoff", language)
    # The waiting notice and the change orders come before it: each names the end as it stands
    # on its day, and once the termination is decided a new one that sets a later date is refused.
    before = project_state(project, sent_on(sample, "waiting"))
    assert before.termination_end is None and before.end is not None
    if before.client_delay_days and suspension_on(project, before.as_of) is None:
        assert day(loaded, language, before.end) in text_of(loaded, "waiting", language)
    elif before.client_delay_days:
        # Work stands suspended for an unpaid invoice: the pause has no end yet, so the notice
        # names the agreed date it cannot keep, and no moved one (tests/test_suspension.py).
        waiting = text_of(loaded, "waiting", language)
        assert before.agreed_end is not None and before.end != before.agreed_end
        assert day(loaded, language, before.agreed_end) in waiting
        assert day(loaded, language, before.end) not in waiting
    if before.client_delay_days:
        with pytest.raises(InputError, match="refused"):
            text_of(loaded, "waiting", language, on=project.termination.decided_on)
    for change in before.open_changes:
        if change.new_end is not None and change.new_end > state.end:
            with pytest.raises(InputError, match="refused"):
                text_of(
                    loaded,
                    "change-order",
                    language,
                    on=project.termination.decided_on,
                    change=change.id,
                )


def test_the_pdf_says_what_the_markdown_says() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    ends = sent_on("jerry-webshop", "termination")
    state = project_state(loaded.project, ends)
    for kind in ("termination", "handoff"):
        out = render_document(loaded, kind, formats=["pdf"], as_of=ends)
        assert money(loaded, "en", state.owed.total) in normalise(pdf_text(out["pdf"]))


def simple_interest(principal: str, days: int) -> Decimal:
    """Section 6's 18 % a year, simple, by the day, rounded to the cent."""
    return (Decimal(principal) * Decimal("0.18") * days / 365).quantize(Decimal("0.01"))


def test_status_json_prints_the_state(tmp_path: Path) -> None:
    ends = sent_on("jerry-webshop", "termination")  # Tuesday 1 December
    sample = str(SAMPLES / "jerry-webshop.yaml")
    result = CliRunner().invoke(cli, ["status", sample, "--as-of", ends.isoformat(), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2026-12-01" and data["currency"] == "USD"
    # 2026-044: 2,240.00 due 14 October, 1,000.00 paid on 29 October (15 days), 1,240.00 left
    # since (33 days to 1 December); 2026-052: 3,360.00 due Saturday 14 November, moved to
    # Monday 16 November by section 6.3: 15 days.
    first = simple_interest("2240.00", 15) + simple_interest("1240.00", 33)
    second = simple_interest("3360.00", 15)
    assert (first, second) == (Decimal("36.75"), Decimal("24.85"))  # the figures, by hand
    assert data["owed"]["principal"] == "4600.00"
    assert data["owed"]["interest"] == str(first + second)
    assert data["owed"]["total"] == str(Decimal("4600.00") + first + second)
    assert [(i["number"], i["total"]) for i in data["owed"]["invoices"]] == [
        ("2026-044", str(Decimal("1240.00") + first)),
        ("2026-052", str(Decimal("3360.00") + second)),
    ]
    # 30 November, moved by the client's late answers (17 days on 22 November, 9 more since):
    # the signed checklist printed no notice clause, so the termination decided on 1 December,
    # after the final notice's deadline, is for the client's breach, with effect at once.
    assert data["agreed_end"] == "2026-11-30" and data["client_delay_days"] == 17 + 9
    # 26 December is a Saturday: the moved delivery end is Monday 28 December.
    assert data["delivery_end"] == "2026-12-28" and data["termination_end"] == "2026-12-01"
    assert data["end"] == "2026-12-01"
    assert [(i["id"], i["status"]) for i in data["items"]] == [
        ("A", "done"),
        ("B", "done"),
        ("C", "in_progress"),
    ]
    assert data["open_changes"] == ["CR-1"]
    plain = CliRunner().invoke(cli, ["status", sample, "--as-of", ends.isoformat()])
    assert plain.exit_code == 0 and f"owed: {data['owed']['total']} USD" in plain.output
    assert "end: 2026-12-01" in plain.output


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
    # On the day of the termination the dates are ahead, but the termination decided that day
    # ends the agreement at once, before them: refused too, and still nothing written.
    ends = sent_on("jerry-webshop", "termination").isoformat()
    later = CliRunner().invoke(cli, [*args, "--as-of", ends])
    assert later.exit_code == 2 and "refused" in later.output and not out.exists()
