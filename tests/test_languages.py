"""The scope checklist in every language: the content is all there, formatted for the locale."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency
from conftest import SAMPLES, docx_text, normalise, pdf_text, sample_paths
from inwriting.project.model import LANGUAGES
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document

AS_OF = dt.date(2026, 11, 22)

# What the client signs under, and the document's title, as each language's template words them.
SIGNATURE_WORD = {
    "en": "Signature",
    "sv": "Underskrift",
    "da": "Underskrift",
    "fi": "Allekirjoitus",
    "ru": "Подпись",
}
TITLE = {
    "en": "Statement of Work",
    "sv": "Checklista för uppdragets omfattning",
    "da": "Aftale om opgavens omfang",
    "fi": "Toimeksiantosopimus",
    "ru": "Договор",
}
# Words of the English template that must never leak into another language's document.
ENGLISH_TEMPLATE_WORDS = [
    "Scope",
    "checklist",
    "Signature",
    "Page",
    "Total",
    "Deadline",
    "Provider",
    "Client",
    "Fee",
    "Reference",
    "fingerprint",
    "agreement",
    "Revisions",
    "Changes",
    "Acceptance",
    "included",
]


def locale_for(language: str, jurisdiction: str | None) -> Locale:
    try:
        return (
            Locale.parse(f"{language}_{jurisdiction}") if jurisdiction else Locale.parse(language)
        )
    except (UnknownLocaleError, ValueError):
        return Locale.parse(language)


def expected_total(path: Path) -> Decimal:
    project = load_project(path).project
    total = Decimal(0)
    for item in project.scope:
        if item.status == "dropped":
            continue
        if item.fee is not None:
            total += item.fee
        else:
            assert item.hours is not None and project.terms.hourly_rate is not None
            total += (item.hours * project.terms.hourly_rate).quantize(Decimal("0.01"))
    return total


CASES = [(path, language) for path in sample_paths() for language in LANGUAGES]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], tuple[str, str]]:
    texts = {}
    for path, language in CASES:
        out = render_document(
            load_project(path), "scope", formats=["pdf", "docx"], as_of=AS_OF, language=language
        )
        texts[path.stem, language] = (pdf_text(out["pdf"]), docx_text(out["docx"]))
    return texts


@pytest.mark.parametrize(("path", "language"), CASES, ids=lambda v: getattr(v, "stem", v))
@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_scope_checklist_content(
    rendered: dict[tuple[str, str], tuple[str, str]], path: Path, language: str, format_name: str
) -> None:
    pdf, word = rendered[path.stem, language]
    raw = pdf if format_name == "pdf" else word
    text = normalise(raw)
    project = load_project(path).project
    locale = locale_for(language, project.jurisdiction)

    assert "\u25a0" not in raw and "\ufffd" not in raw
    assert TITLE[language] in text
    for name in (project.client.name, project.provider.name):
        assert normalise(name) in text
    for item in project.scope:
        if item.status != "dropped":
            assert normalise(item.title) in text, item.title
            if item.deadline:
                assert normalise(format_date(item.deadline, "long", locale=locale)) in text
    for exclusion in project.exclusions:
        assert normalise(exclusion) in text, exclusion
    total = format_currency(expected_total(path), project.currency, locale=locale)
    assert normalise(total) in text, total
    # The signature block: both signatories' names and the signature line's label.
    assert text.count(SIGNATURE_WORD[language]) >= 2
    for contact in (project.provider.contact, project.client.contact):
        if contact:
            assert normalise(contact) in text


NATIVE_SAMPLES = [path for path in sample_paths() if load_project(path).project.language != "en"]


@pytest.mark.parametrize("path", NATIVE_SAMPLES, ids=lambda p: p.stem)
def test_no_english_words_in_other_languages(
    rendered: dict[tuple[str, str], tuple[str, str]], path: Path
) -> None:
    language = load_project(path).project.language
    pdf, word = rendered[path.stem, language]
    for text in (pdf, word):
        leaked = [w for w in ENGLISH_TEMPLATE_WORDS if re.search(rf"\b{w}\b", text)]
        assert leaked == []


def test_every_language_has_a_native_sample() -> None:
    assert {load_project(path).project.language for path in sample_paths()} == set(LANGUAGES)


@pytest.mark.parametrize(
    ("language", "jurisdiction", "currency", "date_text", "money_text"),
    [
        ("en", "GB", "GBP", "22 December 2026", "£1,560.00"),
        ("en", "US", "USD", "December 22, 2026", "$1,560.00"),
        ("da", "DK", "DKK", "22. december 2026", "1.560,00 kr."),
        ("sv", "SE", "SEK", "22 december 2026", "1 560,00 kr"),
        ("fi", "FI", "EUR", "22. joulukuuta 2026", "1 560,00 €"),
        ("ru", "RU", "RUB", "22 декабря 2026 г.", "1 560,00 ₽"),
    ],
)
def test_dates_and_money_follow_language_and_region(
    tmp_path: Path, language: str, jurisdiction: str, currency: str, date_text: str, money_text: str
) -> None:
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    text = text.replace("currency: USD", f"currency: {currency}").replace(
        "jurisdiction: US", f"jurisdiction: {jurisdiction}"
    )
    text = text.replace(
        "    deadline: 2026-10-27\n    fee: 4800.00", "    deadline: 2026-12-22\n    fee: 1560.00"
    )
    if jurisdiction != "US":  # an ABA routing number, an ACH account and Oregon are American
        text = re.sub(r"(?m)^region: OR.*\n", "", text)
        for field in ('    routing: "110000000"\n', '    account: "000123456789"\n'):
            assert field in text
            text = text.replace(field, "", 1)
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    out = render_document(
        load_project(project), "scope", formats=["pdf", "docx"], as_of=AS_OF, language=language
    )
    for extracted in (pdf_text(out["pdf"]), docx_text(out["docx"])):
        assert date_text in normalise(extracted)
        assert money_text in normalise(extracted)


DOCUMENTS = [
    ("scope", {}),
    ("reminder-friendly", {"invoice": "K-2026-094"}),
    ("reminder-firm", {"invoice": "K-2026-094"}),
    ("reminder-stop-work", {"invoice": "K-2026-094"}),
    ("reminder-final", {"invoice": "K-2026-094"}),
    ("waiting", {}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "params"), DOCUMENTS, ids=[kind for kind, _ in DOCUMENTS])
def test_no_double_full_stop_after_an_amount(
    language: str, kind: str, params: dict[str, str]
) -> None:
    # Danish kroner are written "12.500,00 kr.": a sentence must never end on an amount, or it
    # ends "kr..". Rendered as Markdown, in every language, with the Danish sample.
    from inwriting.render.pipeline import render_markdown

    loaded = load_project(SAMPLES / "havbrise-social.yaml")
    # As before the termination decided on the day (after it, the waiting notice is refused).
    before = loaded.project.model_copy(update={"termination": None})
    loaded = dataclasses.replace(loaded, project=before)
    _, markdown = render_markdown(loaded, kind, as_of=AS_OF, language=language, params=params)
    text = markdown.replace("\\.", ".")
    assert not re.search(r"kr\.\.(?!\.)", text), re.search(r".{60}kr\.\..{10}", text, re.S)
