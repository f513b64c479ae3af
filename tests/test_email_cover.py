"""The e-mail draft: a short cover note dated 09:00 where the sender works, the letter as its PDF."""

from __future__ import annotations

import datetime as dt
import email
import functools
import re
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, normalise, pdf_text
from inwriting.documents.kinds import document_kind
from inwriting.documents.sent_at import sender_zone, sent_at
from inwriting.law.rate_sources import accept_last_rate
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import build_document, cover_note, render_document
from inwriting.render.templating import environment
from inwriting.render.writers.email import plain_text

AS_OF = dt.date(2026, 11, 22)
JERRY = SAMPLES / "jerry-webshop.yaml"

# Each sample's provider works in one time zone, which its Date header's offset shows on a
# November day (standard time): Oregon, Sweden, Denmark, Finland, Moscow.
OFFSETS = {
    "jerry-webshop.yaml": -8,
    "tallbacken-bageri.yaml": 1,
    "havbrise-social.yaml": 1,
    "revontuli-kaannos.yaml": 2,
    "severnyi-veter.yaml": 3,
}
# The sign-off a native professional closes an e-mail with, in each sample's language.
SIGN_OFFS = {
    "en": "Best regards,",
    "sv": "Med vänliga hälsningar",
    "da": "Med venlig hilsen",
    "fi": "Ystävällisin terveisin",
    "ru": "С уважением,",
}


@pytest.fixture(autouse=True)
def _last_rate() -> Any:
    # The samples' interest runs past the rate tables: the last published rate, as the CLI's
    # --last-rate would allow.
    accept_last_rate(True)
    yield
    accept_last_rate(False)


def _message(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@functools.cache
def _firm(sample: Path) -> tuple[EmailMessage, dict[str, Any]]:
    loaded = load_project(sample)
    invoice = next(i.number for i in loaded.project.invoices if not i.payments)
    params = {"invoice": invoice}
    out = render_document(loaded, "reminder-firm", formats=["eml"], as_of=AS_OF, params=params)
    variables = document_kind("reminder-firm").context(loaded.project, AS_OF, **params)
    return _message(out["eml"]), variables


def _shown(variables: dict[str, Any], expression: str) -> str:
    """A value as the templates print it (the filters' no-break spaces), Markdown escapes off."""
    text = environment().from_string("{{ " + expression + " }}").render(**variables)
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("sample", sorted(OFFSETS))
def test_the_date_is_nine_in_the_morning_where_the_sender_works(sample: str) -> None:
    message, _ = _firm(SAMPLES / sample)
    sent = parsedate_to_datetime(message["Date"])
    assert (sent.date(), sent.hour, sent.minute) == (AS_OF, 9, 0)
    offset = sent.utcoffset()
    assert offset is not None and offset == dt.timedelta(hours=OFFSETS[sample])


def test_summer_time_and_the_state_count() -> None:
    project = load_project(JERRY).project
    july = sent_at(project, dt.date(2026, 7, 1))
    assert july.utcoffset() == dt.timedelta(hours=-7)  # Oregon keeps daylight saving time
    texas = project.model_copy(update={"region": "tx"})
    assert sent_at(texas, AS_OF).utcoffset() == dt.timedelta(hours=-6)
    # A US provider in no state the table knows, or none given: Eastern time.
    for region in (None, "NY", "ZZ"):
        unknown = project.model_copy(update={"region": region})
        assert sent_at(unknown, AS_OF).utcoffset() == dt.timedelta(hours=-5)


def test_a_country_without_a_zone_in_the_table_is_utc() -> None:
    project = load_project(JERRY).project
    elsewhere = project.model_copy(update={"jurisdiction": "BR", "region": None})
    assert sender_zone(elsewhere) == dt.timezone.utc


@pytest.mark.parametrize("sample", sorted(OFFSETS))
def test_the_body_is_a_short_cover_note_with_the_amount_and_date(sample: str) -> None:
    message, variables = _firm(SAMPLES / sample)
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    letter = normalise(pdf_text(attachment.get_content()))
    amount = _shown(variables, "pay.total|money")
    pay_by = _shown(variables, "pay.pay_by|date")
    # The note says what the letter asks, as the letter says it.
    assert amount in text and pay_by in text, text
    assert normalise(amount) in letter and normalise(pay_by) in letter
    language = load_project(SAMPLES / sample).project.language
    assert SIGN_OFFS[language] in text
    # Short: a greeting, a few sentences, the sign-off; the letter is the PDF.
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) <= 4 and len(text.split()) < 90, text
    assert len(letter.split()) > 3 * len(text.split())


@pytest.mark.parametrize("sample", sorted(OFFSETS))
def test_a_scope_note_asks_for_the_signature_and_names_no_amount(sample: str) -> None:
    loaded = load_project(SAMPLES / sample)
    document = build_document(loaded, "scope", as_of=AS_OF)
    variables = document_kind("scope").context(loaded.project, AS_OF)
    note = cover_note(loaded, "scope", document, variables, attachment="scope.pdf")
    text = plain_text(note).lower()
    signs = ("sign", "skriv under", "skrive under", "allekirjoitta", "подписа")
    assert any(word in text for word in signs), text
    assert not re.search(r"\d[\d\s.,]*\s*(kr|€|₽|\$)|\$\d", text), text


def test_the_us_final_demand_names_small_claims_court() -> None:
    loaded = load_project(JERRY)
    invoice = next(i.number for i in loaded.project.invoices if not i.payments)
    document = build_document(loaded, "reminder-final", as_of=AS_OF, params={"invoice": invoice})
    out = render_document(
        loaded, "reminder-final", formats=["md"], as_of=AS_OF, params={"invoice": invoice}
    )
    assert document.meta.title == "Final Demand for Payment"
    assert "small claims court" in normalise(out["md"].decode())
    # Without a region the letter names a court, not the Oregon small claims department.
    elsewhere = loaded.project.model_copy(update={"region": None})
    context = document_kind("reminder-final").context(elsewhere, AS_OF, invoice=invoice)
    assert context["region"] is None


def test_every_kind_knows_the_region() -> None:
    from inwriting.documents.kinds import common_context

    project = load_project(JERRY).project
    assert common_context(project, AS_OF)["region"] == "OR"


def test_a_templates_folder_may_word_the_cover_note(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "_email.md.j2").write_text(
        "::: meta\ntitle: {{ title }}\n:::\n\nHi {{ client.given_name }}, {{ pay.total|money }}.\n",
        encoding="utf-8",
    )
    loaded = load_project(JERRY)
    invoice = next(i.number for i in loaded.project.invoices if not i.payments)
    out = render_document(
        loaded,
        "reminder-firm",
        formats=["eml"],
        as_of=AS_OF,
        templates_dir=tmp_path,
        params={"invoice": invoice},
    )
    body = _message(out["eml"]).get_body(("plain",))
    assert body is not None and body.get_content().startswith("Hi Jerry, $")
