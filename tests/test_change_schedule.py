"""Change orders a professional would sign: no free rush, business days, current dates, and the
request as our summary; and due dates the signed agreement moves off a weekend."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from conftest import SAMPLES, without_stop_work
from inwriting.documents.change_order import change_order_context
from inwriting.documents.state import project_state
from inwriting.errors import InputError
from inwriting.law.calendar import is_business_day
from inwriting.law.ledger import invoice_state
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from timeline import sent_on

BEFORE = dt.date(2026, 11, 20)  # the samples' change orders are dated before the termination
# On that day work stands suspended for an unpaid invoice, so a change order adding work is
# refused (tests/test_suspension.py): the schedule's rules are tested on the samples as if no
# stop-work notice had been sent, with the same client delays.


def jerry_with(**change: object):
    """The Jerry sample with CR-1 changed as given."""
    loaded = without_stop_work(load_project(SAMPLES / "jerry-webshop.yaml"))
    project = loaded.project
    request = project.changes[0].model_copy(update=change)
    project = project.model_copy(update={"changes": [request]})
    return dataclasses.replace(loaded, project=project)


def markdown(loaded, as_of: dt.date = BEFORE) -> str:
    out = render_document(loaded, "change-order", formats=["md"], as_of=as_of,
                          params={"change": "CR-1"})  # fmt: skip
    return out["md"].decode("utf-8").replace("\\", "").replace("\xa0", " ")


def pulled_in(loaded):
    """CR-1 asking for item C earlier than it now stands."""
    from inwriting.project.model import ScopeItemChange

    request = loaded.project.changes[0].model_copy(
        update={"modify": [ScopeItemChange(id="C", deadline=dt.date(2026, 12, 4))]}
    )
    return dataclasses.replace(
        loaded, project=loaded.project.model_copy(update={"changes": [request]})
    )


def test_the_current_end_is_the_waiting_notices() -> None:
    project = without_stop_work(load_project(SAMPLES / "jerry-webshop.yaml")).project
    state = project_state(project, BEFORE)
    context = change_order_context(project, BEFORE, change="CR-1")
    # 30 November moved by every day an answer was late, onto a business day.
    moved = project.project.end + dt.timedelta(days=state.client_delay_days)
    while not is_business_day(moved, "US"):
        moved += dt.timedelta(days=1)
    assert context["previous_end"] == moved == state.end


def test_an_earlier_date_without_a_rush_fee_is_refused() -> None:
    loaded = pulled_in(jerry_with())
    state = project_state(loaded.project, BEFORE)
    current = state.end_from(dt.date(2026, 11, 30))
    with pytest.raises(InputError) as refused:
        change_order_context(loaded.project, BEFORE, change="CR-1")
    message = str(refused.value)
    assert f"C due 2026-12-04 (now {current})" in message and "rush_fee" in message


def test_a_new_end_before_the_current_one_is_refused() -> None:
    loaded = jerry_with(new_end=dt.date(2026, 12, 1))
    with pytest.raises(InputError, match=r"the project end 2026-12-01 \(now 2026-12-15\)"):
        change_order_context(loaded.project, BEFORE, change="CR-1")


def test_a_priced_rush_is_written_with_its_surcharge() -> None:
    loaded = pulled_in(jerry_with(rush_fee=Decimal("600.00")))
    context = change_order_context(loaded.project, BEFORE, change="CR-1")
    fees = sum((row.fee_after - row.fee_before for row in context["rows"]), start=Decimal(0))
    assert context["cost_delta"] == fees + Decimal("600.00")
    text = markdown(loaded)
    assert "rush surcharge for the earlier dates: +$600.00" in text
    assert f"**${context['updated_total']:,.2f}**" in text


def test_a_deadline_on_a_weekend_or_holiday_is_refused() -> None:
    # Thursday 26 November 2026 is Thanksgiving, a federal holiday.
    loaded = jerry_with(new_end=dt.date(2026, 11, 26), rush_fee=Decimal("1"))
    with pytest.raises(InputError, match=r"not business days in US: the project end 2026-11-26"):
        change_order_context(loaded.project, BEFORE, change="CR-1")


def test_before_shows_the_current_deadline_and_a_new_items_fee_is_a_dash() -> None:
    loaded = pulled_in(jerry_with(rush_fee=Decimal("600.00")))
    context = change_order_context(loaded.project, BEFORE, change="CR-1")
    row = next(row for row in context["rows"] if row.id == "C")
    assert (
        row.before.deadline == dt.date(2026, 11, 30) and row.due_before == context["previous_end"]
    )
    text = markdown(loaded)
    line = next(line for line in text.splitlines() if line.startswith("| C |"))
    assert "Dec 15, 2026 (moved from Nov 30, 2026 under section 4)" in line
    new = next(line for line in text.splitlines() if line.startswith("| D |"))
    assert new.rstrip(" |").split("|")[-2].strip() == "—"


def test_a_phone_request_is_summarised_not_quoted() -> None:
    text = markdown(jerry_with())
    assert "On October 6, 2026, Jerry Malone asked by phone" in text
    assert not any(line.startswith(">") for line in text.splitlines())


def test_the_russian_agreement_names_the_contract_and_no_checksum() -> None:
    loaded = without_stop_work(load_project(SAMPLES / "severnyi-veter.yaml"))
    project = loaded.project.model_copy(
        update={
            "signoff": loaded.project.signoff.model_copy(update={"fingerprint": "ab12-cd34-ef56"})
        }
    )
    out = render_document(dataclasses.replace(loaded, project=project), "change-order",
                          formats=["md"], as_of=BEFORE, params={"change": "ДС-1"})  # fmt: skip
    text = out["md"].decode("utf-8").replace("\\", "").replace("\xa0", " ").replace("\u202f", " ")
    assert "# Дополнительное соглашение № 1 к договору № SV-2026-04 от 26 июня 2026 г." in text
    assert "ab12" not in text and "контрольн" not in text


def test_a_due_date_the_agreement_moves_off_a_saturday() -> None:
    project = load_project(SAMPLES / "jerry-webshop.yaml").project
    index = next(i for i, inv in enumerate(project.invoices) if inv.number == "2026-052")
    invoice = project.invoices[index]
    stated = invoice.issued + dt.timedelta(days=project.terms.payment_days)
    assert stated.weekday() == 5  # Saturday 14 November
    # The morning before its final notice of 18 November.
    as_of = sent_on("jerry-webshop", "final") - dt.timedelta(days=1)
    state = invoice_state(project, index, as_of)
    assert state.due == dt.date(2026, 11, 16) and state.days_overdue == (as_of - state.due).days
    # Without the signed clause nothing moves it (no US law does).
    unsigned = project.model_copy(
        update={"terms": project.terms.model_copy(update={"due_date_roll": False})}
    )
    assert invoice_state(unsigned, index, as_of).due == stated
    # The letter recorded on Sunday 15 November came before the due date: no reminder.
    assert [r.on for r in invoice.reminders if r.on <= as_of] == [dt.date(2026, 11, 15)]
    assert state.reminders == ()
    before = tuple(r for r in invoice.reminders if r.on <= as_of)
    assert invoice_state(unsigned, index, as_of).reminders == before
    interest = project_state(project, as_of).invoice("2026-052").charges.interest
    days = (as_of - dt.date(2026, 11, 16)).days
    assert interest == (invoice.amount * Decimal("0.18") * days / 365).quantize(Decimal("0.01"))
