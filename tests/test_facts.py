"""Letters that fit the facts: part payments, reminders sent by hand, disputes, work all delivered,
in every language, asserted from the text of the documents `nudge` writes."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.dates import format_date
from babel.numbers import format_currency
from click.testing import CliRunner
from conftest import docx_text, normalise
from inwriting.cli import cli
from test_languages import locale_for
from timeline import sent_on

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "jerry-webshop.yaml"
LANGUAGES = ("en", "sv", "da", "fi", "ru")
# What each language writes for each fact the tests look for.
WORDS: dict[str, dict[str, str]] = {
    "slip": {"en": "slipped through", "sv": "mellan stolarna", "da": "overset",
             "fi": "huomaamatta", "ru": "затерялся"},
    "not_received": {"en": "not yet received payment", "sv": "ännu inte fått betalt",
                     "da": "modtaget betaling", "fi": "Emme ole vielä saaneet maksua",
                     "ru": "к нам пока не поступила"},
    "third": {"en": "Third reminder", "sv": "Tredje betalningspåminnelsen",
              "da": "3. rykker", "fi": "Kolmas maksumuistutus", "ru": "Третье напоминание"},
    "next_run": {"en": "next make payments", "sv": "betalningsomgång", "da": "betalingskørsel",
                 "fi": "maksuajonne", "ru": "ближайшими платежами"},
    "pausing": {"en": "pausing all work", "sv": "pausar därför allt arbete",
                "da": "i bero fra og med", "fi": "Keskeytämme siksi", "ru": "приостанавливаем все"},
    "holding": {"en": "Delivery held until payment", "sv": "Leveransen hålls inne",
                "da": "Levering tilbageholdes", "fi": "Luovutus pidätetään",
                "ru": "Передача результатов приостановлена"},
    "reply": {"en": "Your objection to invoice", "sv": "Svar på era invändningar",
              "da": "Svar på jeres indsigelse", "fi": "Vastaus huomautukseenne",
              "ru": "Ответ на возражения"},
}  # fmt: skip
AS_OF = dt.date(2026, 11, 22)  # invoice 2026-044 (2,240.00, due 14 October) is 39 days late


def load_sample() -> Any:
    """The sample as data; PyYAML reads the key `on` as True (YAML 1.1), so it is put back."""

    def keys(value: Any) -> Any:
        if isinstance(value, dict):
            return {("on" if k is True else k): keys(v) for k, v in value.items()}
        if isinstance(value, list):
            return [keys(v) for v in value]
        return value

    return keys(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")))


def project_file(tmp_path: Path, language: str, **changes: Any) -> Path:
    """The Jerry sample in `language`, with invoice 2026-044's history replaced by `changes`."""
    data = load_sample()
    data["language"] = language
    invoice = data["invoices"][1]
    invoice["payments"] = changes.pop("payments", [])
    invoice["reminders"] = changes.pop("reminders", [])
    data["invoices"] = data["invoices"][:2]  # 2026-044 alone is late
    data["incidents"] = [i for i in data["incidents"] if i["kind"] != "disputed_invoice"]
    data["incidents"] += changes.pop("incidents", [])
    if changes.pop("all_done", False):
        for item in data["scope"]:
            item["status"], item["done_on"] = "done", "2026-11-20"
    assert not changes
    path = tmp_path / f"project-{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def nudge(path: Path, out: Path, *args: str, as_of: dt.date = AS_OF) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["nudge", str(path), "--as-of", as_of.isoformat(), "--out", str(out), *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def texts(out: Path) -> dict[str, str]:
    """Each DOCX written, by file name, as normalised text."""
    return {p.name: normalise(docx_text(p.read_bytes())) for p in sorted(out.glob("*.docx"))}


def day(value: str, language: str) -> str:
    return normalise(
        format_date(dt.date.fromisoformat(value), "long", locale=locale_for(language, "US"))
    )


def cited(value: str, language: str, text: str) -> bool:
    """Whether the letter cites the day: in full, or (English, Swedish, Danish) in a run of dates
    that shares the month name or year, as in "den 15 och 26 oktober och den 4 november 2026"."""
    if day(value, language) in text:
        return True
    when = dt.date.fromisoformat(value)
    month = format_date(when, "MMMM", locale=locale_for(language, "US"))
    if language == "sv":
        return re.search(rf"\b{when.day}(?:(?:, | och )\d{{1,2}})* {month}\b", text) is not None
    if language == "en":  # "October 15, October 26 and November 4, 2026"
        other = r"[A-Z][a-z]+ \d{1,2}"
        run = rf"\b{month} {when.day}(?:(?:, | and ){other})*,? {when.year}\b"
        return re.search(run, text) is not None
    if language == "da":  # "15. og 24. oktober 2026"
        run = rf"\b{when.day}\.(?:(?:, | og )\d{{1,2}}\.)* {month}\b"
        return re.search(run, text) is not None
    return False


def money(value: str, language: str) -> str:
    return normalise(format_currency(float(value), "USD", locale=locale_for(language, "US")))


HISTORIES = [
    # (name, changes to 2026-044, --tone, {fact: expected present?}, payment facts)
    ("first in its window", {}, "friendly", {"slip": True, "not_received": True}),
    (
        "part payment",
        {"payments": [{"on": "2026-10-29", "amount": 1000.00}]},
        "friendly",
        {"slip": False, "not_received": False, "next_run": False},
    ),
    (
        "sent by hand after two reminders",
        {"reminders": [{"on": "2026-10-15", "tone": "friendly"}, {"on": "2026-10-24", "tone": "firm"}]},
        "firm",
        {"third": True, "slip": False},
    ),
    ("39 days late, no reminder yet", {}, "friendly", {"slip": False, "not_received": True}),
    ("work left", {}, "stop_work", {"pausing": True, "holding": False}),
    ("work all delivered", {"all_done": True}, "stop_work", {"pausing": False, "holding": True}),
]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "changes", "tone", "facts"), HISTORIES, ids=[h[0] for h in HISTORIES]
)
def test_the_letter_states_the_facts_of_the_history(
    tmp_path: Path,
    language: str,
    name: str,
    changes: dict[str, Any],
    tone: str,
    facts: dict[str, bool],
) -> None:
    as_of = dt.date(2026, 10, 16) if name == "first in its window" else AS_OF
    path = project_file(tmp_path, language, **changes)
    code, output = nudge(path, tmp_path / "out", "--tone", tone, "--format", "docx", as_of=as_of)
    assert code == 0, output
    (text,) = texts(tmp_path / "out").values()
    for fact, present in facts.items():
        assert (normalise(WORDS[fact][language]) in text) is present, (fact, text)
    for payment in changes.get("payments", []):  # what was received, when, and what remains
        assert money(str(payment["amount"]), language) in text
        assert day(payment["on"], language) in text
        assert money("1240.00", language) in text
    for reminder in changes.get("reminders", []):  # earlier reminders cited, only if sent
        assert cited(reminder["on"], language, text)
    if not changes.get("reminders"):
        assert not cited("2026-10-15", language, text)
    # Every reminder sets a concrete pay-by date (5 business days after the letter).
    pay_by = "2026-10-23" if as_of.month == 10 else "2026-11-30"
    assert day(pay_by, language) in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sent", ["firm", "stop_work", "final"])
def test_a_friendly_tone_after_escalation_is_refused_and_writes_nothing(
    tmp_path: Path, language: str, sent: str
) -> None:
    path = project_file(tmp_path, language, reminders=[{"on": "2026-10-24", "tone": sent}])
    code, output = nudge(path, tmp_path / "out", "--tone", "friendly")
    assert code == 2
    assert f"a {sent} reminder was sent on 2026-10-24" in output and "nothing was written" in output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert "Traceback" not in output


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tone_before_the_due_date_is_refused_and_writes_nothing(
    tmp_path: Path, language: str
) -> None:
    path = project_file(tmp_path, language)
    code, output = nudge(path, tmp_path / "out", "--tone", "firm", as_of=dt.date(2026, 10, 10))
    assert code == 2 and "nothing was written" in output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("named", ["field", "note"])
def test_a_disputed_invoice_gets_a_reply_instead_of_a_reminder(
    tmp_path: Path, language: str, named: str
) -> None:
    incident: dict[str, Any] = {"on": "2026-10-21", "kind": "disputed_invoice"}
    if named == "field":
        incident |= {"invoice": "2026-044", "note": "Says milestone A was never finished."}
    else:
        incident["note"] = "Disputes invoice 2026-044: says milestone A was never finished."
    path = project_file(tmp_path, language, incidents=[incident])
    code, output = nudge(path, tmp_path / "out", "--tone", "firm", "--format", "docx")
    assert code == 0, output
    assert "disputed on 2026-10-21" in output
    written = texts(tmp_path / "out")
    assert list(written) == ["JGS-2026-01-dispute-reply-2026-044.docx"]
    text = written["JGS-2026-01-dispute-reply-2026-044.docx"]
    assert normalise(WORDS["reply"][language]) in text
    assert day("2026-09-26", language) in text  # item A was done then: the acceptance clause
    assert day("2026-08-28", language) in text  # the checklist signed then
    assert day("2026-12-07", language) in text  # a date to settle it: 10 business days
    for fact in ("slip", "next_run"):
        assert normalise(WORDS[fact][language]) not in text
    if language == "sv":
        assert "bestrid" not in text  # never call one's own claim disputed


def test_a_settled_dispute_puts_the_invoice_back_on_the_ladder(tmp_path: Path) -> None:
    incident = {
        "on": "2026-10-21",
        "kind": "disputed_invoice",
        "invoice": "2026-044",
        "resolved_on": "2026-11-01",
    }
    path = project_file(tmp_path, "en", incidents=[incident])
    code, output = nudge(path, tmp_path / "out", "--format", "docx")
    assert code == 0, output
    assert list(texts(tmp_path / "out")) == ["JGS-2026-01-reminder-2026-044-friendly.docx"]


def test_a_notice_over_several_invoices_names_them_all(tmp_path: Path) -> None:
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(load_sample(), allow_unicode=True), encoding="utf-8")
    # The final notice of 18 November, the sample's letter over both unpaid invoices.
    final = sent_on("jerry-webshop", "final")
    code, output = nudge(
        path, tmp_path / "out", "--tone", "final", "--format", "md,eml", as_of=final
    )
    assert code == 0, output
    (letter,) = (tmp_path / "out").glob("*.md")
    text = letter.read_text(encoding="utf-8").replace("\\", "")
    (draft,) = (tmp_path / "out").glob("*.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    footer = text.rstrip().splitlines()[-1]
    for line in (str(message["Subject"]), footer):
        assert "invoices 2026-044 and 2026-052" in line, line
    # The reminders cited are those sent after the due date: 2026-052's letter of Sunday
    # 15 November came before its due date (Monday 16 November, section 6.3) and is none.
    assert "invoice 2026-044: October 15, October 26 and November 4, 2026" in (
        text.replace("\xa0", " ")
    )
    assert "November 15, 2026" not in text.replace("\xa0", " ")
