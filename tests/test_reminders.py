"""The nudge and waiting commands: reasoning, letters, e-mail drafts, recording what was sent."""

from __future__ import annotations

import datetime as dt
import email
from decimal import Decimal
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.cli import cli
from inwriting.project.project_file import load_project
from inwriting.project.record import RecordError, append_to_list
from inwriting.render.pipeline import render_document
from timeline import as_it_stood, sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"
AS_OF = "2026-11-22"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_nudge_explains_itself_as_the_issue_describes(tmp_path: Path) -> None:
    # The morning of the sample's stop-work notice: the ladder decides it.
    stop_work = sent_on("jerry-webshop", "stop_work")  # Wednesday 4 November
    before = as_it_stood(JERRY, stop_work, tmp_path)
    out = tmp_path / "out"
    code, output = run("nudge", str(before), "--as-of", stop_work.isoformat(), "--out", str(out))
    assert code == 0, output
    days = (stop_work - dt.date(2026, 10, 14)).days  # 2026-044 was due on 14 October
    assert (
        f"2026-044: {days} days overdue, 1,240.00 outstanding; friendly sent 2026-10-15, "
        "firm sent 2026-10-26 → stop_work due"
    ) in output
    # 2026-052 falls due on Saturday 14 November, moved to Monday 16 November by section 6.3.
    assert "2026-052: due 2026-11-16, 3,360.00 outstanding → nothing due" in output
    assert sorted(p.name for p in out.iterdir()) == [
        f"JGS-2026-01-reminder-2026-044-stop-work.{ext}" for ext in ("docx", "eml", "md", "pdf")
    ]
    # The morning of the final notice: the letter of Sunday 15 November came before 2026-052's
    # due date (no reminder), so its friendly one is due, and today's final notice covers it.
    final = sent_on("jerry-webshop", "final")  # Wednesday 18 November
    before = as_it_stood(JERRY, final, tmp_path)
    code, output = run("nudge", str(before), "--as-of", final.isoformat(), "--out", str(out))
    assert code == 0, output
    assert "stop_work sent 2026-11-04 → final due" in output
    late = (final - dt.date(2026, 11, 16)).days
    assert f"2026-052: {late} days overdue, 3,360.00 outstanding → friendly due" in output
    assert "2026-052: covered by today's final notice" in output


def test_stop_work_letter_covers_every_overdue_invoice_with_the_sums(tmp_path: Path) -> None:
    stop_work = sent_on("jerry-webshop", "stop_work")
    before = as_it_stood(JERRY, stop_work, tmp_path)
    out = tmp_path / "out"
    on = stop_work.isoformat()
    run("nudge", str(before), "--as-of", on, "--out", str(out), "--format", "pdf,docx")

    def interest(amount: str, start: dt.date, end: dt.date) -> Decimal:
        days = (end - start).days
        return (Decimal(amount) * Decimal("0.18") * days / 365).quantize(Decimal("0.01"))

    for extract, suffix in ((pdf_text, "pdf"), (docx_text, "docx")):
        text = normalise(
            extract((out / f"JGS-2026-01-reminder-2026-044-stop-work.{suffix}").read_bytes())
        )
        # 18 % a year (agreed): 2,240.00 from the due date to the part payment of 29 October,
        # 1,240.00 since; 2026-052 is not due yet (16 November), so the notice is about 2026-044.
        paid = dt.date(2026, 10, 29)
        first = interest("2240.00", dt.date(2026, 10, 14), paid)
        second = interest("1240.00", paid, stop_work)
        total = Decimal("1240.00") + first + second
        for expected in (
            "2026-044", "$1,240.00", f"${first}", f"${second}", f"${total:,}",
            "November 4, 2026",
        ):  # fmt: skip
            assert expected in text, (suffix, expected)
        assert "2026-052" not in text


def test_nothing_due_writes_nothing(tmp_path: Path) -> None:
    code, output = run("nudge", str(JERRY), "--as-of", "2026-10-01", "--out", str(tmp_path))
    assert code == 0 and "nothing to send today" in output
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_forced_tone_and_unknown_invoice(tmp_path: Path) -> None:
    # 2026-052 on the day its final notice went out, before that was recorded: a friendly
    # letter forced by hand instead.
    final = sent_on("jerry-webshop", "final")
    before = as_it_stood(JERRY, final, tmp_path)
    code, output = run(
        "nudge", str(before), "--as-of", final.isoformat(), "--out", str(tmp_path),
        "--invoice", "2026-052", "--tone", "friendly", "--format", "md",
    )  # fmt: skip
    assert code == 0 and "[--tone friendly]" in output
    assert (tmp_path / "JGS-2026-01-reminder-2026-052-friendly.md").is_file()
    code, output = run(
        "nudge", str(JERRY), "--as-of", AS_OF, "--invoice", "9999", "--out", str(tmp_path)
    )
    assert code == 2 and "no invoice '9999'" in output


def test_a_paid_invoice_is_never_nudged(tmp_path: Path) -> None:
    code, output = run(
        "nudge", str(JERRY), "--as-of", AS_OF, "--invoice", "2026-031", "--out", str(tmp_path)
    )
    assert code == 0 and "2026-031: paid" in output and "nothing to send today" in output


def test_email_draft_parses_back() -> None:
    loaded = load_project(JERRY)
    friendly = sent_on("jerry-webshop", "friendly")  # 15 October, the day after 2026-044's due date
    out = render_document(
        loaded, "reminder-friendly", formats=["eml"], as_of=friendly, params={"invoice": "2026-044"}
    )
    message = email.message_from_bytes(out["eml"], policy=policy.default)
    assert message["To"] == "Jerry Malone <jerry@gardensupply.example>"
    assert message["From"] == "Dana Ortiz <dana@brightline.example>"
    # The first reminder, before the part payment of 29 October.
    assert message["Subject"] == "Payment reminder, invoice 2026-044"
    assert message["X-Unsent"] == "1"
    # The body is a short cover note; the letter itself is the attached PDF.
    body = message.get_body(("plain",)).get_content()
    # 2026-044's $2,240.00 and one day's simple interest at 18% a year (section 6.4).
    interest = (Decimal("2240.00") * Decimal("0.18") / 365).quantize(Decimal("0.01"))
    due = f"${Decimal('2240.00') + interest:,}"
    assert "Dear Jerry," in body and "2026-044" in body and due in body
    assert "$2,240.00" not in body  # the letter's table of invoices stays in the letter
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "JGS-2026-01-reminder-2026-044-friendly.pdf"
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF") and "$2,240.00" in pdf_text(pdf)
    again = render_document(
        loaded, "reminder-friendly", formats=["eml"], as_of=friendly, params={"invoice": "2026-044"}
    )
    assert again["eml"] == out["eml"]


AWKWARD = """\
# A file written by hand, with comments everywhere.
format: 1   # the version
currency: EUR
jurisdiction: FI
provider: {name: Studio}
client:
  name: Client   # the client
project: {id: P-1, name: Test}
terms:
  payment_days: 14
  feedback_days: 3
  revision_rate: ~
  hourly_rate: 50
  reminders:
  - {after: 1, tone: friendly}
  - {after: 10, tone: firm}
scope:
- id: A
  title: Thing
  fee: 100
invoices:
- number: "1"   # first
  issued: 2026-01-02
  amount: 100.00
  reminders: []
- number: '2'
  issued: 2026-01-05
  amount: 100.00
  description: |
    Several lines
    of text
- number: "3"
  issued: 2026-01-05
  amount: 100.00
  reminders:
  - on: 2026-01-20
    tone: friendly   # sent by hand
  payments: [{on: 2026-01-25, amount: 10.00}]
- number: "4"
  issued: 2026-01-05
  amount: 100.00
  reminders: [{on: 2026-01-20, tone: friendly}]
waiting_on: []
"""


@pytest.mark.parametrize("number", ["1", "2", "3", "4"])
def test_record_keeps_every_other_byte(tmp_path: Path, number: str) -> None:
    index = int(number) - 1
    entry = {"on": "2026-02-01", "tone": "firm"}
    new = append_to_list(
        AWKWARD, "p.yaml", ("invoices", index), "reminders", "{on: 2026-02-01, tone: firm}", entry
    )
    old_lines, new_lines = AWKWARD.splitlines(), new.splitlines()
    # Only the one line of that invoice changed or was added; everything else is byte for byte.
    removed = [line for line in old_lines if line not in new_lines]
    added = [line for line in new_lines if line not in old_lines]
    assert len(removed) <= 1 and 1 <= len(added) <= 2
    assert all("2026-02-01" in line or line.strip() == "reminders:" for line in added)
    path = tmp_path / "p.yaml"
    path.write_text(new, encoding="utf-8")
    project = load_project(path).project
    assert project.invoices[index].reminders[-1].tone == "firm"


def test_record_through_the_cli(tmp_path: Path) -> None:
    # The morning of the final notice, before it was recorded.
    final = sent_on("jerry-webshop", "final")
    project = as_it_stood(JERRY, final, tmp_path)
    before = project.read_text(encoding="utf-8")
    code, output = run(
        "nudge",
        str(project),
        "--as-of",
        final.isoformat(),
        "--out",
        str(tmp_path / "out"),
        "--record",
        "--format",
        "md",
    )
    assert code == 0 and "recorded" in output
    after = project.read_text(encoding="utf-8")
    assert set(before.splitlines()) <= set(after.splitlines())
    recorded = load_project(project).project
    assert [r.tone for r in recorded.invoices[1].reminders][-1] == "final"
    assert [r.tone for r in recorded.invoices[2].reminders][-1] == "final"  # covered by it
    # Exactly the sample's own record of that day.
    assert project.read_text(encoding="utf-8") == JERRY.read_text(encoding="utf-8")
    code, output = run(
        "nudge", str(project), "--as-of", final.isoformat(), "--out", str(tmp_path / "out2"),
        "--format", "md",
    )  # fmt: skip
    assert "2026-044" in output and "final due" not in output  # the ladder has moved on


def test_record_refuses_a_layout_it_cannot_edit_exactly() -> None:
    flow = 'format: 1\ninvoices: [{number: "1", issued: 2026-01-02, amount: 1}]\n'
    with pytest.raises(RecordError) as caught:
        append_to_list(
            flow, "p.yaml", ("invoices", 0), "reminders", "{on: 2026-02-01, tone: firm}", {}
        )
    assert "by hand" in str(caught.value)


def test_waiting_notice(tmp_path: Path) -> None:
    ends = sent_on("jerry-webshop", "termination").isoformat()
    code, output = run(
        "waiting", str(JERRY), "--as-of", ends, "--out", str(tmp_path), "--format", "pdf"
    )
    # The termination decided on 1 December for the client's breach ends the agreement that
    # day, so no new delivery date can be set: refused, nothing written
    # (tests/test_after_termination.py has the notice as it reads before the termination).
    assert code == 2 and "waiting notice refused" in output
    assert "the agreement ended on 2026-12-01" in output
    assert not (tmp_path / "JGS-2026-01-waiting.pdf").exists()
    code, output = run(
        "waiting", str(JERRY), "--as-of", "2026-10-01", "--out", str(tmp_path / "none")
    )
    assert code == 0 and "nothing open" in output and not (tmp_path / "none").exists()


def test_a_reminder_by_hand_before_the_due_date_is_refused_and_writes_nothing(
    tmp_path: Path,
) -> None:
    # Tallbacken's 2026-063 is due Saturday 21 November 2026, moved to Monday 23 November
    # (lag 1930:173, 2 §): on the 22nd no letter may call it late, or charge a fee for it.
    sample = str(SAMPLES / "tallbacken-bageri.yaml")
    args = ["nudge", sample, "--as-of", "2026-11-22", "--out", str(tmp_path / "out")]
    alone = CliRunner().invoke(cli, [*args, "--invoice", "2026-063", "--tone", "firm"])
    assert alone.exit_code == 2, alone.output
    assert "invoice 2026-063 is not overdue on 2026-11-22" in alone.output
    assert not (tmp_path / "out").exists()
    # With every invoice, the final notice covers the overdue one only.
    final = CliRunner().invoke(cli, [*args, "--tone", "final", "--format", "md"])
    assert final.exit_code == 0, final.output
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["TBK-2026-01-reminder-2026-052-final.md"]
    assert "2026-063" not in (tmp_path / "out" / written[0]).read_text(encoding="utf-8")
