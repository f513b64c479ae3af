"""One client's letters tell one story in time: no termination while a final notice runs, one
pay-by date per debt, late answers are no breach, a running suspension is not restarted."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLES, pdf_text
from inwriting.cli import cli

JERRY = SAMPLES / "jerry-webshop.yaml"


def with_final(tmp_path: Path, on: str) -> Path:
    """Jerry's project with a final notice recorded on `on` for both unpaid invoices."""
    text = JERRY.read_text(encoding="utf-8")
    for line in (
        "      - {on: 2026-10-24, tone: firm}\n",
        "      - {on: 2026-11-15, tone: friendly}\n",
    ):
        assert line in text
        text = text.replace(line, f"{line}      - {{on: {on}, tone: final}}\n")
    path = tmp_path / "jerry.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--last-rate"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_no_termination_while_the_final_notice_runs(tmp_path: Path) -> None:
    path = with_final(tmp_path, "2026-11-18")  # 7 business days (Thanksgiving off): Nov 30
    out = tmp_path / "out"
    code, output = run("terminate", str(path), "--as-of", "2026-11-30", "--out", str(out))
    assert code == 2, output
    assert "final notice of 2026-11-18" in output and "until 2026-11-30" in output
    assert "--as-of 2026-12-01" in output and not out.exists()
    code, output = run("terminate", str(path), "--as-of", "2026-12-01", "--out", str(out))
    assert code == 0, output


def test_the_hand_off_asks_for_the_final_notices_date(tmp_path: Path) -> None:
    path = with_final(tmp_path, "2026-11-18")
    out = tmp_path / "out"
    code, output = run(
        "handoff", str(path), "--as-of", "2026-11-20", "--out", str(out), "--format", "pdf"
    )
    assert code == 0, output
    text = " ".join(pdf_text(next(out.glob("*.pdf")).read_bytes()).split())
    assert "by November 30, 2026" in text  # the final notice's deadline, not 5 business days


def test_late_answers_are_no_breach(tmp_path: Path) -> None:
    code, output = run(
        "terminate", str(JERRY), "--as-of", "2026-11-22", "--out", str(tmp_path), "--format", "md"
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
        out = tmp_path / stem
        args = ["nudge", str(SAMPLES / f"{stem}.yaml"), "--invoice", invoice, "--tone"]
        code, output = run(*args, "stop_work", "--as-of", "2026-11-23", "--out", str(out))
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
