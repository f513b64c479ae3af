"""One client's letters tell one story in time: no termination while a final notice runs, one
pay-by date per debt, late answers are no breach, a running suspension is not restarted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLES, pdf_text
from inwriting.cli import cli
from timeline import as_it_stood, sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--last-rate"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_no_termination_while_the_final_notice_runs(tmp_path: Path) -> None:
    # The sample records its final notice on 18 November for both unpaid invoices: 7 business
    # days (Thanksgiving off) give the client until 30 November.
    path = JERRY
    out = tmp_path / "out"
    code, output = run("terminate", str(path), "--as-of", "2026-11-30", "--out", str(out))
    assert code == 2, output
    assert "final notice of 2026-11-18" in output and "until 2026-11-30" in output
    assert "--as-of 2026-12-01" in output and not out.exists()
    code, output = run("terminate", str(path), "--as-of", "2026-12-01", "--out", str(out))
    assert code == 0, output
    # The letter says the deadline passed unpaid.
    text = " ".join(pdf_text(next(out.glob("*termination.pdf")).read_bytes()).split())
    assert (
        "were not paid by November 30, 2026, the deadline in our Final Demand for Payment of "
        "November 18, 2026"
    ) in text


def test_no_termination_for_non_payment_before_a_final_notice(tmp_path: Path) -> None:
    # Jerry's project as it stood before its final notice: the breach clause waits for the
    # last written demand, and the refusal says which letter to send first and its deadline.
    final = sent_on("jerry-webshop", "final")
    path = as_it_stood(JERRY, final, tmp_path)
    ends = sent_on("jerry-webshop", "termination").isoformat()
    out = tmp_path / "out"
    code, output = run("terminate", str(path), "--as-of", ends, "--out", str(out))
    assert code == 2, output
    assert "no final notice is recorded for the unpaid invoice(s) 2026-044, 2026-052" in output
    assert "Send the final notice first" in output and "nothing was written" in output
    assert not out.exists()


def test_no_payment_reminder_but_the_final_notice_once_the_termination_is_decided(
    tmp_path: Path,
) -> None:
    # Jerry's project with no reminder sent yet for 2026-052 (as it stood before the stop-work
    # notice): only the decided termination can refuse a letter for it.
    path = as_it_stood(JERRY, sent_on("jerry-webshop", "stop_work"), tmp_path)
    ends = sent_on("jerry-webshop", "termination").isoformat()  # the day decided_on records
    out = tmp_path / "out"
    for tone in ("friendly", "firm", "stop_work"):
        args = ["nudge", str(path), "--invoice", "2026-052", "--tone", tone, "--as-of", ends]
        code, output = run(*args, "--out", str(out))
        assert code == 2, (tone, output)
        assert f"--tone {tone} refused: the agreement is terminated" in output
        assert "termination decided on 2026-12-01" in output
        assert not out.exists()
    # The last written demand stays open: the final notice may be sent.
    args = ["nudge", str(path), "--invoice", "2026-052", "--tone", "final", "--as-of", ends]
    code, output = run(*args, "--out", str(out), "--format", "md")
    assert code == 0, output
    assert next(out.glob("*-final.md")).is_file()
    # The day before the decision, a firm reminder could still go out.
    args = ["nudge", str(path), "--invoice", "2026-052", "--tone", "firm", "--format", "md"]
    code, output = run(*args, "--as-of", "2026-11-30", "--out", str(tmp_path / "before"))
    assert code == 0, output


def test_the_hand_off_asks_for_the_final_notices_date(tmp_path: Path) -> None:
    path = JERRY  # the final notice of 18 November runs until 30 November
    out = tmp_path / "out"
    code, output = run(
        "handoff", str(path), "--as-of", "2026-11-20", "--out", str(out), "--format", "pdf"
    )
    assert code == 0, output
    text = " ".join(pdf_text(next(out.glob("*.pdf")).read_bytes()).split())
    assert "by November 30, 2026" in text  # the final notice's deadline, not 5 business days


def test_late_answers_are_no_breach(tmp_path: Path) -> None:
    ends = sent_on("jerry-webshop", "termination").isoformat()
    code, output = run(
        "terminate", str(JERRY), "--as-of", ends, "--out", str(tmp_path), "--format", "md"
    )
    assert code == 0, output
    text = next(tmp_path.glob("*termination.md")).read_text(encoding="utf-8")
    assert "material breach" in text and "is unpaid" in text
    # The layout approval and the staff addresses are late answers: they move delivery, they
    # are not the client's breach.
    assert "still not received" not in text
    assert "dashboard layout" not in text


def test_a_second_stop_work_notice_says_since_when(tmp_path: Path) -> None:
    cases = {
        "tallbacken-bageri": ("2026-052", "Som vi meddelade den 4 november 2026", "punkt 6.7"),
        "severnyi-veter": ("СЧ-2026-071", "Как указано в уведомлении от 6 ноября 2026", "п. 6.6"),
    }
    for stem, (invoice, since, clause) in cases.items():
        # The last business day before the sample's final notice, as the project stood then.
        final = sent_on(stem, "final")
        day = final - dt.timedelta(days=3 if final.weekday() == 0 else 1)
        path = as_it_stood(SAMPLES / f"{stem}.yaml", final, tmp_path)
        out = tmp_path / stem
        args = ["nudge", str(path), "--invoice", invoice, "--tone"]
        code, output = run(*args, "stop_work", "--as-of", day.isoformat(), "--out", str(out))
        assert code == 0, output
        raw = next(out.glob("*stop-work.md")).read_text(encoding="utf-8").replace("\\", "")
        lines = [" ".join(line.split()) for line in raw.splitlines()]  # no-break spaces too
        opening = next(line for line in lines if since in line)
        text = " ".join(lines)
        assert clause in opening, opening
        # Not paused again from today: it has been since the first notice.
        assert "från och med i dag" not in text
        assert "приостанавливаю все работы" not in text
        assert "приостанавливаем все работы" not in text
