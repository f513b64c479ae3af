"""paid, invoice, log, asked, answered: one fact each, in place, every other line kept."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import shutil
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.errors import InputError
from inwriting.project import edit
from inwriting.project.edit import next_number, parse_amount
from inwriting.project.project_file import load_project

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def jerry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the Jerry sample, with today pinned to the samples' date."""
    monkeypatch.setattr(edit, "today", lambda: TODAY)
    path = tmp_path / "jerry.yaml"
    shutil.copyfile(SAMPLES / "jerry-webshop.yaml", path)
    return path


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def changed_lines(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two versions of a file."""
    removed, added = [], []
    old, new = before.decode().splitlines(), after.decode().splitlines()
    for line in difflib.ndiff(old, new):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_paid_adds_one_payment_and_keeps_every_other_line(jerry: Path) -> None:
    before = jerry.read_bytes()
    code, output = run("paid", jerry, "2026-052", "1 000,50", "--on", "2026-11-20")
    assert code == 0, output
    assert "payment of 1000.50 USD on 2026-11-20 for invoice 2026-052" in output
    assert "still owed: 2359.50 USD" in output
    removed, added = changed_lines(before, jerry.read_bytes())
    # the empty flow list of 2026-052 gets the entry, written like its neighbours
    assert removed == ["    payments: []"]
    assert added == ["    payments: [{on: 2026-11-20, amount: 1000.50}]"]
    invoice = load_project(jerry).project.invoices[2]
    assert [(p.on, p.amount) for p in invoice.payments] == [
        (dt.date(2026, 11, 20), Decimal("1000.50"))
    ]


def test_paid_into_a_block_list_keeps_its_comments(jerry: Path) -> None:
    text = jerry.read_text().replace(
        "      - {on: 2026-10-29, amount: 1000.00}",
        "      - {on: 2026-10-29, amount: 1000.00}  # by cheque",
    )
    jerry.write_text(text)
    code, output = run("paid", jerry, "2026-044", "240", "--on", "2026-11-21")
    assert code == 0, output
    removed, added = changed_lines(text.encode(), jerry.read_bytes())
    assert removed == []
    assert added == ["      - {on: 2026-11-21, amount: 240.00}"]
    assert "# by cheque" in jerry.read_text()
    payments = load_project(jerry).project.invoices[1].payments
    assert payments[-1].amount == Decimal("240.00")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2026-05", "10"), "did you mean '2026-052'?"),
        (("2026-052", "3360.01"), "more than invoice 2026-052 still owes (3360.00 USD)"),
        (("2026-031", "1"), "still owes (0.00 USD)"),
        (("2026-052", "10", "--on", "2026-11-23"), "is in the future (today is 2026-11-22)"),
        (("2026-052", "10", "--on", "2026-10-30"), "before invoice 2026-052 was issued"),
        (("2026-052", "1,240.00"), "is not an amount"),
        (("2026-052", "10.005"), "is not an amount"),
        (("2026-052", "0"), "records nothing"),
        (("--", "2026-052", "-5"), "is not an amount"),
    ],
)
def test_paid_refuses_bad_input_and_leaves_the_file_alone(
    jerry: Path, args: tuple[str, ...], message: str
) -> None:
    before = jerry.read_bytes()
    code, output = run("paid", jerry, *args)
    assert code == 2
    assert message in output
    assert jerry.read_bytes() == before


def test_paid_with_force_records_more_than_owed_and_warns(jerry: Path) -> None:
    code, output = run("paid", jerry, "2026-052", "3400", "--force")
    assert code == 0, output
    assert "payments (3400.00) are more than the invoice (3360.00)" in output
    assert load_project(jerry).project.invoices[2].payments[-1].amount == Decimal("3400.00")


def test_invoice_proposes_the_next_number_and_the_due_date(jerry: Path) -> None:
    before = jerry.read_bytes()
    code, output = run("invoice", jerry, "--amount", "1240", "--description", "Milestone C")
    assert code == 0, output
    assert "invoice 2026-053 of 1240.00 USD, issued 2026-11-22, due 2026-12-06" in output
    removed, added = changed_lines(before, jerry.read_bytes())
    assert removed == []
    assert added == [
        '  - number: "2026-053"',
        "    issued: 2026-11-22",
        "    due: 2026-12-06",
        "    amount: 1240.00",
        "    description: Milestone C",
    ]
    added_invoice = load_project(jerry).project.invoices[-1]
    assert (added_invoice.number, added_invoice.due) == ("2026-053", dt.date(2026, 12, 6))
    # and a payment can go straight onto it (a block invoice without `payments:` yet)
    assert run("paid", jerry, "2026-053", "1240")[0] == 0
    assert load_project(jerry).project.invoices[-1].payments[0].amount == Decimal("1240.00")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--amount", "10", "--number", "2026-044"), "invoice 2026-044 is already in"),
        (("--amount", "10", "--issued", "2026-11-30"), "is in the future"),
        (("--amount", "10", "--due", "2026-11-01"), "is before the issue date"),
        (("--amount", "ten"), "is not an amount"),
        (("--amount", "10", "--description", "a\u202eb"), "invisible character U+202E"),
    ],
)
def test_invoice_refuses_bad_input(jerry: Path, args: tuple[str, ...], message: str) -> None:
    before = jerry.read_bytes()
    code, output = run("invoice", jerry, *args)
    assert code == 2
    assert message in output
    assert jerry.read_bytes() == before


def test_invoice_starts_the_list_in_a_file_without_invoices(jerry: Path) -> None:
    text = jerry.read_text()
    start = text.index("invoices:")
    end = text.index("waiting_on:")
    jerry.write_text(text[:start] + text[end:])
    code, output = run("invoice", jerry, "--amount", "500", "--issued", "2026-11-01")
    assert code == 0, output
    assert "invoice 2026-001" in output
    assert load_project(jerry).project.invoices[0].amount == Decimal("500.00")


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["2026-051", "2026-052"], "2026-053"),
        (["INV9"], "INV10"),
        (["A-0099"], "A-0100"),
        (["2026-009", "2026-010", "2026-009x"], "2026-011"),
        (["7", "8"], "9"),
        ([], "2026-001"),
        (["draft"], "2026-001"),
        (["2026-001", "2026-002", "1"], "2"),
    ],
)
def test_next_number(numbers: list[str], expected: str) -> None:
    assert next_number(numbers, 2026) == expected


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1240", "1240"),
        ("1240.5", "1240.5"),
        ("1240,50", "1240.50"),
        ("1 240,50", "1240.50"),
        ("1\u00a0240.50", "1240.50"),
        ("12 345 678", "12345678"),
    ],
)
def test_parse_amount(text: str, amount: str) -> None:
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["1,240.00", "1.240,00", "12 34", "1e3", "", "1240.", "€5"])
def test_parse_amount_refuses_what_it_would_have_to_guess(text: str) -> None:
    with pytest.raises(InputError):
        parse_amount(text)


def test_log_appends_an_incident(jerry: Path) -> None:
    before = jerry.read_bytes()
    code, output = run(
        "log", jerry, "disputed_invoice", "Says: not finished", "--invoice", "2026-052"
    )
    assert code == 0, output
    assert "disputed_invoice on 2026-11-22 about invoice 2026-052" in output
    removed, added = changed_lines(before, jerry.read_bytes())
    assert removed == []
    assert added == [
        "  - on: 2026-11-22",
        "    kind: disputed_invoice",
        '    note: "Says: not finished"',
        '    invoice: "2026-052"',
    ]
    incident = load_project(jerry).project.incidents[-1]
    assert (incident.kind, incident.note, incident.invoice) == (
        "disputed_invoice",
        "Says: not finished",
        "2026-052",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("late_paymnt", "x"), "did you mean 'late_payment'?"),
        (("other", "x", "--invoice", "2026-99"), "no invoice '2026-99'"),
        (("other", "  "), "the note is empty"),
        (("other", "x", "--on", "2027-01-01"), "is in the future"),
    ],
)
def test_log_refuses_bad_input(jerry: Path, args: tuple[str, ...], message: str) -> None:
    before = jerry.read_bytes()
    code, output = run("log", jerry, *args)
    assert code == 2
    assert message in output
    assert jerry.read_bytes() == before


def test_asked_then_answered_by_number_and_by_words(jerry: Path) -> None:
    before = jerry.read_bytes()
    code, output = run("asked", jerry, "Logo files in SVG", "--on", "2026-11-20")
    assert code == 0, output
    assert "waiting on #3 since 2026-11-20: Logo files in SVG" in output
    code, output = run("answered", jerry, "logo", "--on", "2026-11-21")
    assert code == 0, output
    code, output = run("answered", jerry, "1")
    assert code == 0, output
    assert "#1 Approval of the order dashboard layout" in output
    removed, added = changed_lines(before, jerry.read_bytes())
    assert removed == ["    answered_on: null"]
    assert added == [
        "    answered_on: 2026-11-22",
        "  - item: Logo files in SVG",
        "    asked_on: 2026-11-20",
        "    answered_on: 2026-11-21",
    ]
    waiting = load_project(jerry).project.waiting_on
    assert [w.answered_on for w in waiting] == [TODAY, None, dt.date(2026, 11, 21)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("9",), "no waiting_on #9; there are 2"),
        (("a",), "is in several entries"),
        (("invoice",), "nothing asked for matches 'invoice'"),
        (("2", "--on", "2026-11-01"), "before you asked for #2 (2026-11-09)"),
    ],
)
def test_answered_refuses_bad_input(jerry: Path, args: tuple[str, ...], message: str) -> None:
    before = jerry.read_bytes()
    code, output = run("answered", jerry, *args)
    assert code == 2
    assert message in output
    assert jerry.read_bytes() == before


def test_answered_twice_is_refused(jerry: Path) -> None:
    assert run("answered", jerry, "2")[0] == 0
    before = jerry.read_bytes()
    code, output = run("answered", jerry, "2")
    assert code == 2
    assert "already answered on 2026-11-22" in output
    assert jerry.read_bytes() == before


def test_a_symlinked_file_stays_a_link(jerry: Path) -> None:
    link = jerry.parent / "link.yaml"
    link.symlink_to(jerry)
    assert run("asked", link, "Logo files")[0] == 0
    assert link.is_symlink()
    assert "- item: Logo files" in jerry.read_text()


def test_a_broken_file_is_refused_before_any_edit(jerry: Path) -> None:
    jerry.write_text(jerry.read_text().replace("payment_days: 14", "payment_days: fourteen"))
    before = jerry.read_bytes()
    code, output = run("paid", jerry, "2026-052", "10")
    assert code == 2
    assert "terms.payment_days: not a whole number" in output
    assert jerry.read_bytes() == before


def test_a_failing_rename_leaves_the_file_and_no_temporary(
    jerry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = jerry.read_bytes()

    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, output = run("paid", jerry, "2026-052", "10")
    assert code == 2
    assert "nothing changed" in output
    assert jerry.read_bytes() == before
    assert sorted(p.name for p in jerry.parent.iterdir()) == ["jerry.yaml"]


def test_a_kill_between_write_and_rename_leaves_the_file_whole(jerry: Path) -> None:
    before = jerry.read_bytes()
    # A real process killed at the worst moment: the new text is written and synced beside
    # the file, the rename not yet done.
    script = (
        "import os, signal, sys\n"
        "os.replace = lambda a, b: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from inwriting.cli import main\n"
        "sys.argv = ['inwriting', 'paid', sys.argv[1], '2026-052', '10', '--on', '2026-11-20']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(jerry)], capture_output=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL
    assert jerry.read_bytes() == before
    leftovers = [p for p in jerry.parent.iterdir() if p.name != "jerry.yaml"]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".jerry.yaml.")
    assert "amount: 10.00" in leftovers[0].read_text()  # written in full, never half


def test_due_sees_the_new_facts_at_once(jerry: Path) -> None:
    def kinds() -> list[str]:
        code, output = run("due", jerry, "--as-of", "2026-11-22", "--json")
        assert code == 0, output
        return [entry["kind"] for entry in json.loads(output)]

    # Every rung of the ladder is sent (the final notice of 18 November runs): what is left is
    # the late answers and the unsigned change order.
    assert set(kinds()) == {"change", "waiting"}
    assert run("paid", jerry, "2026-052", "3360")[0] == 0
    assert run("paid", jerry, "2026-044", "1240")[0] == 0
    assert run("answered", jerry, "1")[0] == 0
    assert run("answered", jerry, "2")[0] == 0
    # Both invoices were paid after their due dates: a late-payment claim each is now possible.
    assert sorted(kinds()) == ["change", "claim", "claim"]
