"""A termination after a final notice went unpaid ends for breach; a disputed invoice is no ground."""

from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.documents.breach import breach_grounds, ends_for_breach
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from timeline import sent_on

FI = SAMPLES / "revontuli-kaannos.yaml"
RU = SAMPLES / "severnyi-veter.yaml"


def _texts(loaded, on: dt.date) -> list[str]:  # type: ignore[no-untyped-def]
    out = render_document(loaded, "termination", formats=["pdf", "docx"], as_of=on)
    return [normalise(pdf_text(out["pdf"])), normalise(docx_text(out["docx"]))]


def test_russian_termination_rests_on_the_breach_clause_after_the_pretenziya() -> None:
    on = sent_on("severnyi-veter", "termination")
    for text in _texts(load_project(RU), on):
        assert "п. 10.2 Договора" in text
        assert "Договор прекращается с момента получения Вами настоящего уведомления." in text
        assert "п. 10.1" not in text and "по истечении 30 дней" not in text
        # Ended at once, the suspended work does not resume.
        assert "не возобновляются" in text and "может быть возобновлено" not in text


def test_finnish_termination_is_purku_and_leaves_the_disputed_invoice_out() -> None:
    loaded = load_project(FI)
    on = sent_on("revontuli-kaannos", "termination")
    assert ends_for_breach(loaded.project)
    assert [s.invoice.number for s in breach_grounds(loaded.project, on)] == ["RK-2026-052"]
    for text in _texts(loaded, on):
        grounds = text[: text.index("Keskeneräinen työ")]
        assert "Purkuilmoitus" in text and "kohdan 10.2 mukaisesti" in grounds
        assert "kohdan 10.1" not in text and "irtisanomisaj" not in text
        assert "RK-2026-052" in grounds
        # RK-2026-063 is disputed (6 November) and the dispute is open: no breach ground.
        assert "RK-2026-063" not in grounds
        assert "RK-2026-063" in text  # still owed, in the figures


def test_a_settled_dispute_makes_the_invoice_a_ground_again() -> None:
    loaded = load_project(FI)
    on = sent_on("revontuli-kaannos", "termination")
    settled = [
        i.model_copy(update={"resolved_on": dt.date(2026, 11, 20)})
        if i.kind == "disputed_invoice"
        else i
        for i in loaded.project.incidents
    ]
    project = loaded.project.model_copy(update={"incidents": settled})
    loaded = dataclasses.replace(loaded, project=project)
    for text in _texts(loaded, on):
        assert "RK-2026-063" in text[: text.index("Keskeneräinen työ")]


def test_without_a_passed_final_notice_the_notice_clause_stays() -> None:
    project = load_project(FI).project
    unwarned = [
        i.model_copy(update={"reminders": [r for r in i.reminders if r.tone != "final"]})
        for i in project.invoices
    ]
    assert not ends_for_breach(project.model_copy(update={"invoices": unwarned}))
    # Its deadline (24 November) not yet passed on the 24th: no ground yet.
    assert breach_grounds(project, dt.date(2026, 11, 24)) == []
