"""While a stop-work notice stands (its invoice unpaid), the waiting notice says the work is paused
and names no new delivery date, and a change order that adds work is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from babel.dates import format_date
from click.testing import CliRunner
from conftest import SAMPLES, normalise, pdf_text, sample_paths
from inwriting.cli import cli
from inwriting.documents.suspension import suspension_on
from inwriting.project.model import ChangeRequest, Payment
from inwriting.project.project_file import LoadedProject, load_project
from inwriting.render.pipeline import render_document
from test_languages import locale_for
from timeline import sent_on

# How each language said that the late answers alone held the work up.
HELD_UP = {
    "en": "held the work up",
    "sv": "hållit upp arbetet",
    "da": "holdt arbejdet tilbage",
    "fi": "viivästyttäneet työtä",
    "ru": "задержка ответов составила",
}
# The words that say the work is paused, in each language.
PAUSED = {
    "en": "has been paused since",
    "sv": "är avbrutet sedan",
    "da": "sat i bero siden",
    "fi": "keskeytetty",
    "ru": "приостановлено",
}


def _paid_off(loaded: LoadedProject, numbers: tuple[str, ...], on: dt.date) -> LoadedProject:
    """The project with every invoice in `numbers` paid in full on `on`."""
    project = loaded.project
    invoices = [
        invoice.model_copy(
            update={"payments": [*invoice.payments, Payment(on=on, amount=invoice.amount)]}
        )
        if invoice.number in numbers
        else invoice
        for invoice in project.invoices
    ]
    return dataclasses.replace(loaded, project=project.model_copy(update={"invoices": invoices}))


def _waiting_text(loaded: LoadedProject, on: dt.date) -> str:
    out = render_document(loaded, "waiting", formats=["pdf"], as_of=on)
    return normalise(pdf_text(out["pdf"]))


@pytest.mark.parametrize("path", sample_paths(), ids=lambda path: path.stem)
def test_the_waiting_notice_says_the_work_is_paused(path) -> None:  # type: ignore[no-untyped-def]
    loaded = load_project(path)
    project = loaded.project
    on = sent_on(path.stem, "waiting")
    suspension = suspension_on(project, on)
    assert suspension is not None, "every sample's waiting notice follows its stop-work notice"
    language = project.language
    text = _waiting_text(loaded, on)
    since = format_date(suspension.since, "long", locale=locale_for(language, project.jurisdiction))
    assert PAUSED[language] in text and normalise(since) in text
    assert all(number in text for number in suspension.invoices)
    assert HELD_UP[language] not in text
    # Once the invoices are paid, the same notice gives the delivery date the delays moved.
    paid = _paid_off(loaded, suspension.invoices, suspension.since)
    assert suspension_on(paid.project, on) is None
    unpaused = _waiting_text(paid, on)
    assert PAUSED[language] not in unpaused


def test_no_new_delivery_date_while_paused() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    on = sent_on("jerry-webshop", "waiting")
    text = _waiting_text(loaded, on)
    assert "we cannot yet name a new delivery date in place of November 30, 2026" in text
    assert "delivery is now due by" not in text
    suspension = suspension_on(loaded.project, on)
    assert suspension is not None
    unpaused = _waiting_text(_paid_off(loaded, suspension.invoices, suspension.since), on)
    assert "delivery is now due by" in unpaused and HELD_UP["en"] in unpaused


def _change_order(path: str, change: str, on: dt.date, tmp_path) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    args = ["change-order", path, change, "--as-of", on.isoformat(), "--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path), "--last-rate"])
    return result.exit_code, normalise(result.output)


def test_a_change_order_adding_work_is_refused_while_paused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    jerry = str(SAMPLES / "jerry-webshop.yaml")
    code, output = _change_order(jerry, "CR-1", dt.date(2026, 11, 20), tmp_path)
    assert code == 2, output
    assert "work is suspended since 2026-11-04 for unpaid invoice 2026-044" in output
    assert "a change order can follow once it is paid" in output
    assert not list(tmp_path.iterdir())
    # Before the stop-work notice (the timeline's day), the same change order is written.
    code, output = _change_order(jerry, "CR-1", sent_on("jerry-webshop", "change-order"), tmp_path)
    assert code == 0, output


def test_a_change_order_follows_once_the_invoice_is_paid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    on = dt.date(2026, 11, 20)
    paid = _paid_off(loaded, ("2026-044",), dt.date(2026, 11, 16))
    assert suspension_on(paid.project, on) is None
    out = render_document(paid, "change-order", formats=["md"], as_of=on, params={"change": "CR-1"})
    assert "Gift cards" in out["md"].decode()


def test_a_change_that_only_removes_work_may_be_sent_while_paused() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    project = loaded.project
    on = dt.date(2026, 11, 20)
    assert suspension_on(project, on) is not None
    removable = next(item for item in project.scope if item.status != "done")
    removal = ChangeRequest(
        id="CR-2", requested_on=on, summary="Drop one item", remove=[removable.id]
    )
    reduced = dataclasses.replace(loaded, project=project.model_copy(update={"changes": [removal]}))
    out = render_document(
        reduced, "change-order", formats=["md"], as_of=on, params={"change": "CR-2"}
    )
    assert removable.title in out["md"].decode()
