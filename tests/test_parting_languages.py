"""The termination letter, hand-off report and review in every language, from each native sample."""

from __future__ import annotations

import re

import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from conftest import SAMPLES, docx_text, normalise, pdf_text, sample_paths
from inwriting.documents.change_order import change_order_context
from inwriting.documents.parting import RECORD_KINDS, effective_date, outstanding
from inwriting.documents.review import review_project
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from test_languages import ENGLISH_TEMPLATE_WORDS, locale_for
from timeline import sent_on

TITLES: dict[str, dict[str, str]] = {
    "termination": {
        # Every sample ends after its final notice's deadline went unpaid: for the client's
        # breach (the breach clause, or, signed before the notice clause existed, at once).
        "en": "Termination for material breach",
        "sv": "Hävning av avtal",
        "da": "Ophævelse af aftale",
        "fi": "Purkuilmoitus",
        "ru": "Уведомление об одностороннем отказе от исполнения договора",
    },
    "handoff": {
        "en": "Hand-off report",
        "sv": "Överlämningsrapport",
        "da": "Overdragelsesrapport",
        "fi": "Luovutusraportti",
        "ru": "Отчет о передаче проекта",
    },
    "review": {
        "en": "Client review",
        "sv": "Kundbedömning",
        "da": "Kundevurdering",
        "fi": "Asiakkuuden arviointi",
        "ru": "Оценка заказчика",
    },
}
# The annex's heading in each language: the breach's record, with no conduct in it.
ANNEX = {
    "en": "Annex: record of events",
    "sv": "Bilaga",
    "da": "Bilag",
    "fi": "Liite: tapahtumaluettelo",
    "ru": "Приложение. Хронология событий",
}
CASES = [(path, kind) for path in sample_paths() for kind in TITLES]


@pytest.mark.parametrize(("path", "kind"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_parting_documents_in_every_language(path, kind: str) -> None:  # type: ignore[no-untyped-def]
    loaded = load_project(path)
    project = loaded.project
    language = project.language
    if language not in TITLES[kind]:
        pytest.skip(f"no {language} title recorded for {kind} yet")
    params = {"with_record": True} if kind == "termination" else {}
    on = sent_on(path.stem, kind)  # the day the sample's timeline sends it
    out = render_document(loaded, kind, formats=["pdf", "docx"], as_of=on, params=params)
    locale = locale_for(language, project.jurisdiction)
    pdf_raw = pdf_text(out["pdf"])
    for raw in (pdf_raw, docx_text(out["docx"])):
        text = normalise(raw)
        assert normalise(TITLES[kind][language]) in text
        assert normalise(project.client.name) in text
        assert not re.search(r"(?<!\.)\.\.(?!\.)", raw.replace("...", "")), "double full stop"
        if kind == "termination":
            ends = effective_date(project)
            # A Russian отказ for breach ends "с момента получения": a date only if later.
            if language != "ru" or ends > on:
                assert normalise(format_date(ends, "long", locale=locale)) in text
            if project.termination and project.termination.final_invoice:
                assert project.termination.final_invoice in text
            annex = text[text.rindex(normalise(ANNEX[language])) :]
            for incident in project.incidents:  # the annex: payment and schedule facts only
                row = normalise(incident.note or "")[:40]
                assert (row in annex) == (incident.kind in RECORD_KINDS), incident
            for state in outstanding(project, on):
                assert (
                    normalise(format_currency(state.outstanding, project.currency, locale=locale))
                    in text
                )
        if kind == "handoff":
            squashed = text.replace(" ", "")
            for account in project.accounts:
                assert normalise(account.service).replace(" ", "") in squashed
            for deliverable in project.deliverables:
                assert normalise(deliverable.name).replace(" ", "") in squashed
        if kind == "review":
            assert str(review_project(project, on).score) in text
            if raw is pdf_raw:  # the chart is drawn as text in the PDF, an image in the DOCX
                for incident in project.incidents:
                    # Finnish writes the month in full ("lokakuu 2026"): "loka" is no word.
                    style = "LLLL y" if language == "fi" else "LLL y"
                    month = format_date(incident.on.replace(day=1), style, locale=locale)
                    assert normalise(month) in text, month
        if language != "en":
            leaked = [w for w in ENGLISH_TEMPLATE_WORDS if re.search(rf"\b{w}\b", raw)]
            assert leaked == [], leaked


CHANGE_ORDER_TITLES = {
    "en": "Change order",
    "sv": "Ändringsbeställning",
    "da": "Ændringsaftale",
    "fi": "Muutostilaus",
    "ru": "Дополнительное соглашение",
}
CHANGE_CASES = [
    *((path, None) for path in sample_paths()),
    *((SAMPLES / "jerry-webshop.yaml", language) for language in CHANGE_ORDER_TITLES),
]


@pytest.mark.parametrize(("path", "language"), CHANGE_CASES, ids=lambda v: getattr(v, "stem", v))
def test_change_orders_in_every_language(path, language: str | None) -> None:  # type: ignore[no-untyped-def]
    # On the day the sample's timeline sends it, before the termination: after that, an open
    # change order is refused (tests/test_after_termination.py).
    loaded = load_project(path)
    project = loaded.project
    on = sent_on(path.stem, "change-order")
    offered = [change for change in project.changes if change.status != "rejected"]
    if not offered:
        pytest.skip(f"{path.stem} has no change request to put in writing")
    change = offered[-1]
    language = language or project.language
    context = change_order_context(project, on, change=change.id)
    out = render_document(
        loaded,
        "change-order",
        formats=["pdf", "docx"],
        as_of=on,
        language=language,
        params={"change": change.id},
    )
    locale = locale_for(language, project.jurisdiction)
    for raw in (pdf_text(out["pdf"]), docx_text(out["docx"])):
        text = normalise(raw)
        assert normalise(CHANGE_ORDER_TITLES[language]) in text
        # Russian numbers the agreement «№ 1», not «№ ДС-1» (the prefix repeats the title).
        number = context["agreement_number"] if language == "ru" else change.id
        assert number in text and normalise(project.client.name) in text
        total = format_currency(context["updated_total"], project.currency, locale=locale)
        assert normalise(total).replace("-", "\N{MINUS SIGN}") in text.replace(
            "-", "\N{MINUS SIGN}"
        )
        if context["new_end"]:
            assert normalise(format_date(context["new_end"], "long", locale=locale)) in text
        for row in context["rows"]:
            assert row.id in text
        assert not re.search(r"(?<!\.)\.\.(?!\.)", raw.replace("...", "")), "double full stop"
        if language != "en":
            leaked = [w for w in ENGLISH_TEMPLATE_WORDS if re.search(rf"\b{w}\b", raw)]
            assert leaked == [], leaked
