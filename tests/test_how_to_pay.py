"""The "How to pay" block: the methods that fit each sample's currency and country, in every
language, read from the PDF and DOCX text; and the refusal when no method is given."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from babel.numbers import format_currency
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.cli import cli
from inwriting.documents.payment import grouped
from inwriting.law.charges import charges_for
from inwriting.law.ledger import invoice_states
from inwriting.project.project_file import load_project
from timeline import sent_on

HEADINGS = {
    "en": "How to pay",
    "sv": "Så betalar ni",
    "da": "Sådan betaler I",
    "fi": "Maksuohjeet",
    "ru": "Реквизиты для оплаты",
}

# Per sample (its currency and country): what the client types, as the block prints it.
EXPECTED = {
    "tallbacken-bageri": ["5050-1055", "SE45 5000 0000 0583 9825 7466", "ESSESESS", "20260527"],
    "havbrise-social": ["0040", "0440116243", "+71<000000020260949+85123456<", "NDEADKKK"],
    "revontuli-kaannos": ["FI21 1234 5600 0007 85", "NDEAFIHH", "20260529"],
    "jerry-webshop": [
        "110000000",
        "000123456789",
        "https://pay.brightline.example",
        "Brightline Web Studio LLC",
        "120 Market Street, Suite 4, Portland, OR 97204",
    ],
    "severnyi-veter": ["40802810500000012345", "044030999", "30101810400000000999", "123456789047"],
}


def _render(tmp_path: Path, *args: str, on: dt.date) -> tuple[int, str, list[Path]]:
    result = CliRunner().invoke(cli, [*args, "--as-of", on.isoformat(), "--out", str(tmp_path)])
    return result.exit_code, result.output, sorted(tmp_path.iterdir()) if tmp_path.exists() else []


@pytest.mark.parametrize("language", sorted(HEADINGS))
@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_handoff_prints_the_methods_that_fit(tmp_path: Path, sample: str, language: str) -> None:
    out = tmp_path / "out"
    code, output, files = _render(
        out,
        *("handoff", str(SAMPLES / f"{sample}.yaml"), "--lang", language, "--format", "pdf,docx"),
        on=sent_on(sample, "handoff"),
    )
    assert code == 0, output
    # A Russian hand-off also writes the act of acceptance, which carries реквизиты, not a pay block.
    for file in (f for f in files if "-act" not in f.name):
        data = file.read_bytes()
        text = normalise(pdf_text(data) if file.suffix == ".pdf" else docx_text(data))
        assert HEADINGS[language] in text, file.name
        # Narrow columns wrap long values (a URL after its "/"): compare without spaces.
        squashed = text.replace(" ", "")
        for value in EXPECTED[sample]:
            assert value.replace(" ", "") in squashed, (file.name, value)


def _first_reminder(tmp_path: Path, sample: str) -> str:
    """The sample's firm reminder, on the day its timeline sends it."""
    on = sent_on(Path(sample).stem, "firm")
    args = ("nudge", str(SAMPLES / sample), "--tone", "firm", "--format", "md")
    code, output, files = _render(tmp_path, *args, on=on)
    assert code == 0, output
    (reminder, *_) = [file for file in files if "-reminder-" in file.name]
    return normalise(reminder.read_text())


def test_the_pay_by_date_is_asked_once_and_the_block_says_where(tmp_path: Path) -> None:
    text = _first_reminder(tmp_path, "tallbacken-bageri.yaml")
    # The firm letter of Monday 26 October: 2026-052 with its interest and compensation as the
    # project state has them that day, this letter's fee counted once; 5 business days to pay.
    project = load_project(SAMPLES / "tallbacken-bageri.yaml").project
    on = sent_on("tallbacken-bageri", "firm")
    state = next(s for s in invoice_states(project, on) if s.invoice.number == "2026-052")
    earlier = dataclasses.replace(state, reminders=tuple(r for r in state.reminders if r.on < on))
    total = charges_for(project, earlier, sending=True).total
    amount = normalise(format_currency(total, "SEK", locale="sv_SE"))
    assert on + dt.timedelta(days=7) == dt.date(2026, 11, 2)  # Monday to Monday: 5 business days
    # The reminder asks for the total by its date once; the block gives where to pay it.
    assert f"det totala beloppet på **{amount}** senast den **2 november 2026**" in text
    assert f"Vi ber er betala **{amount}**" not in text
    assert "- OCR-nummer: **20260527**" in text


def test_references_are_grouped_as_their_forms_print_them(tmp_path: Path) -> None:
    text = _first_reminder(tmp_path, "revontuli-kaannos.yaml")
    assert "- Viitenumero: **202 60529**" in text  # groups of five from the right
    assert "FI21 1234 5600 0007 85, BIC: NDEAFIHH" in text


def test_us_letters_say_how_to_pay_by_ach_link_and_check(tmp_path: Path) -> None:
    text = _first_reminder(tmp_path, "jerry-webshop.yaml")
    assert (
        "- ACH: Pacific Example Bank, routing number 110000000, account number 000123456789" in text
    )
    assert "- Checks: payable to **Brightline Web Studio LLC**, mailed to 120 Market Street" in text
    assert "Please pay as stated on the invoice" not in text


def test_a_payment_request_without_any_method_is_refused(tmp_path: Path) -> None:
    source = (SAMPLES / "jerry-webshop.yaml").read_text()
    start = source.index("  bank:\n")
    end = source.index("\nclient:")
    project = tmp_path / "no-bank.yaml"
    project.write_text(source[:start] + source[end:])
    out = tmp_path / "out"
    on = sent_on("jerry-webshop", "firm").isoformat()
    result = CliRunner().invoke(
        cli, ["nudge", str(project), "--tone", "firm", "--as-of", on, "--out", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "says nowhere how to pay" in result.output
    assert "routing and account (ACH), check_payee or payment_link" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("reference", "scheme", "printed"),
    [
        ("20260529", "viite", "202 60529"),
        ("1234561", "viite", "12 34561"),
        ("RF18539007547034", "rf", "RF18 5390 0754 7034"),  # ISO 11649's worked example
        ("20260527", "ocr", "20260527"),
    ],
)
def test_grouped(reference: str, scheme: str, printed: str) -> None:
    assert grouped(reference, scheme) == printed
