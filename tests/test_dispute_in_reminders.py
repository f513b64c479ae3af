"""Payment letters about a disputed invoice answer the dispute on the merits, or cite the reply."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, normalise, pdf_text
from inwriting.cli import cli
from timeline import sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"


def letter(sample: Path, tone: str, out: Path) -> str:
    day = sent_on("jerry-webshop", tone).isoformat()
    args = ["nudge", str(sample), "--tone", tone, "--as-of", day, "--out", str(out), "--force"]
    result = CliRunner().invoke(cli, [*args, "--format", "pdf", "--last-rate"])
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob(f"*-2026-044-{tone.replace('_', '-')}.pdf")
    return normalise(pdf_text(pdf.read_bytes()))


@pytest.mark.parametrize("tone", ["stop_work", "final"])
def test_letter_answers_the_dispute_on_the_merits(tmp_path: Path, tone: str) -> None:
    # 2026-044 (milestone A) was disputed on 21 October; A was completed on 26 September, and
    # $1,000 was paid on 29 October, after the dispute.
    text = letter(JERRY, tone, tmp_path)
    assert "On October 21, 2026, you disputed invoice 2026-044." in text
    assert "item A, Product catalog, completed on September 26, 2026" in text
    assert "2026, and accepted under section 8 of our agreement." in text
    # The part payment since the dispute is acknowledged once, in the opening, not again here.
    assert "$1,000.00 on October 29, 2026" in text
    assert "toward this invoice" not in text
    assert "The balance is therefore due." in text


def test_letter_refers_to_the_reply_already_sent(tmp_path: Path) -> None:
    source = JERRY.read_text(encoding="utf-8")
    marker = "    kind: disputed_invoice\n"
    assert marker in source
    replied = tmp_path / JERRY.name
    replied.write_text(source.replace(marker, marker + "    replied_on: 2026-10-23\n"), "utf-8")
    text = letter(replied, "final", tmp_path / "out")
    assert "As we explained in our letter of October 23, 2026" in text
    assert "your objection of October 21, 2026" in text
    assert "you disputed invoice" not in text


def test_no_paragraph_once_the_dispute_is_settled(tmp_path: Path) -> None:
    source = JERRY.read_text(encoding="utf-8")
    marker = "    kind: disputed_invoice\n"
    settled = tmp_path / JERRY.name
    settled.write_text(source.replace(marker, marker + "    resolved_on: 2026-10-22\n"), "utf-8")
    text = letter(settled, "stop_work", tmp_path / "out")
    assert "disputed" not in text and "objection" not in text
