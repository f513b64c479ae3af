"""Reminders and the waiting notice in every language: the facts are all there, in the locale's form."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from conftest import docx_text, normalise, pdf_text, sample_paths
from inwriting.documents.disputes import open_disputes
from inwriting.law.ledger import InvoiceState, invoice_states
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from test_languages import ENGLISH_TEMPLATE_WORDS, locale_for

AS_OF = dt.date(2026, 11, 22)
TITLES = {
    "en": ("payment reminder", "reminder", "Work paused until payment",
           "Final Demand for Payment", "We are waiting for your answer"),
    # The Swedish sample's work is paused since an earlier stop-work notice; its final reminder
    # names collection (Kronofogden), not a termination.
    "sv": ("betalningspåminnelse", "betalningspåminnelse",
           "Arbetet är fortsatt avbrutet i väntan på betalning", "Sista påminnelse före inkasso",
           "Vi väntar på ert svar"),
    "da": ("påmindelse", "rykker for betaling", "Arbejdet sættes i bero indtil betaling",
           "Inkassovarsel", "Vi venter på jeres svar"),
    "fi": ("maksumuistutus", "maksumuistutus", "Työt keskeytetään maksuun saakka",
           "Viimeinen maksukehotus ennen perintää", "Odotamme vastaustanne"),
    "ru": ("напоминание об оплате", "напоминание о просроченном платеже",
           "Работы приостановлены до оплаты", "Претензия",
           "Ожидаю Вашего ответа"),  # the sample is a sole trader (ИП): "я"
}  # fmt: skip
KINDS = ("reminder-friendly", "reminder-firm", "reminder-stop-work", "reminder-final", "waiting")
CASES = [(path, kind) for path in sample_paths() for kind in KINDS]


def overdue_first(project) -> InvoiceState | None:  # type: ignore[no-untyped-def]
    """The invoice each letter here is about: the first overdue one."""
    return next((s for s in invoice_states(project, AS_OF) if s.is_overdue), None)


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], tuple[str, str]]:
    texts = {}
    for path, kind in CASES:
        # As before the termination decided on the day: after it the waiting notice is refused.
        loaded = load_project(path)
        loaded = dataclasses.replace(
            loaded, project=loaded.project.model_copy(update={"termination": None})
        )
        unpaid = [s for s in invoice_states(loaded.project, AS_OF) if s.is_overdue]
        params = {"invoice": unpaid[0].invoice.number} if kind != "waiting" else {}
        out = render_document(loaded, kind, formats=["pdf", "docx"], as_of=AS_OF, params=params)
        texts[path.stem, kind] = (pdf_text(out["pdf"]), docx_text(out["docx"]))
    return texts


@pytest.mark.parametrize(("path", "kind"), CASES, ids=lambda v: getattr(v, "stem", v))
@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_letter_content(
    rendered: dict[tuple[str, str], tuple[str, str]], path, kind: str, format_name: str
) -> None:  # type: ignore[no-untyped-def]
    pdf, word = rendered[path.stem, kind]
    raw = pdf if format_name == "pdf" else word
    text = normalise(raw)
    project = load_project(path).project
    language = project.language
    locale = locale_for(language, project.jurisdiction)
    assert "\u25a0" not in raw and "\ufffd" not in raw
    # The friendly and firm titles count the reminders sent ("Third reminder").
    assert normalise(TITLES[language][KINDS.index(kind)]).casefold() in text.casefold()
    assert normalise(project.client.name) in text and normalise(project.provider.name) in text
    if kind == "waiting":
        return
    disputed = open_disputes(project, AS_OF)  # off the ladder: a reply, not a reminder
    first = overdue_first(project)
    overdue = [
        s
        for s in invoice_states(project, AS_OF)
        if s.is_overdue and (s.invoice.number not in disputed or (first and s.index == first.index))
    ]
    shown = overdue if kind in ("reminder-stop-work", "reminder-final") else overdue[:1]
    for state in shown:
        assert state.invoice.number in text
        assert (
            normalise(format_currency(state.outstanding, project.currency, locale=locale)) in text
        )
        due = {
            normalise(format_date(state.due, style, locale=locale))
            for style in ("long", "medium", "short")
        }
        assert any(form in text for form in due), due
    bank = project.provider.bank
    for detail in (bank.iban, bank.account) if bank else ():
        if detail:
            assert normalise(detail) in text


@pytest.mark.parametrize(
    "path",
    [p for p in sample_paths() if load_project(p).project.language != "en"],
    ids=lambda p: p.stem,
)
def test_no_english_in_other_languages_letters(
    rendered: dict[tuple[str, str], tuple[str, str]], path
) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        for raw in rendered[path.stem, kind]:
            leaked = [
                w
                for w in (*ENGLISH_TEMPLATE_WORDS, "Interest", "invoice", "Dear", "regards")
                if re.search(rf"\b{w}\b", raw)
            ]
            assert leaked == [], (kind, leaked)
