"""The morning agenda: nested folders, every unreadable YAML file named, the table, rendering."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.cli.agenda import shorten
from timeline import as_it_stood, sent_on

AS_OF = "2026-11-17"
"""Tuesday 17 November: 2026-052 is a day overdue (due Saturday 14, moved to Monday 16)."""
# The letters these clients' freelancers have not sent yet on AS_OF (their samples record them
# earlier): the agenda has a stop-work and a final notice to show.
JERRY = SAMPLES / "jerry-webshop.yaml"
BEHIND = {
    "jerry-webshop": "stop_work",
    "havbrise-social": "stop_work",
    "tallbacken-bageri": "final",
}


def behind(sample: Path, folder: Path) -> Path:
    """The sample as it stood on AS_OF's morning, its BEHIND letter and all after it unsent."""
    tone = BEHIND.get(sample.stem)
    day = sent_on(sample.stem, tone) if tone else dt.date.fromisoformat(AS_OF)
    folder.mkdir(parents=True, exist_ok=True)
    return as_it_stood(sample, day, folder)


@pytest.fixture
def jerry(tmp_path: Path) -> Path:
    """Jerry's project on AS_OF with the stop-work notice of 4 November not sent yet."""
    return behind(SAMPLES / "jerry-webshop.yaml", tmp_path / "jerry")


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    """One folder per client, as freelancers keep them, and some files that are no project."""
    folder = tmp_path / "clients"
    for sample in SAMPLES.glob("*.yaml"):
        behind(sample, folder / sample.stem).rename(folder / sample.stem / "project.yaml")
    (folder / "broken.yaml").write_text(
        "format: 1\nprovider:\n  name: A\n  name: B\n", encoding="utf-8"
    )
    (folder / "notes.yaml").write_text("shopping: [milk]\n", encoding="utf-8")
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def agenda_rows(output: str) -> list[str]:
    return [line for line in output.splitlines() if line[:3] in ("JGS", "HAV", "TBK", "SV-", "LEM")]


def test_nested_folders_and_every_file_that_is_no_project_named(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    (folder / "acme" / "2026").mkdir(parents=True)
    behind(JERRY, tmp_path / "j").rename(folder / "acme" / "2026" / "project.yaml")
    (folder / "havbrise").mkdir()
    behind(SAMPLES / "havbrise-social.yaml", tmp_path / "h").rename(
        folder / "havbrise" / "project.yml"
    )
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    text = JERRY.read_text(encoding="utf-8")
    # Cut off inside a quoted value, wherever a third of the sample happens to end.
    cut = text[: len(text) // 3]
    cut = cut[: cut.rindex("\n") + 1] + '    title: "cut off'
    (folder / "acme" / "cut.yaml").write_text(cut, encoding="utf-8")
    (folder / "havbrise" / "docker-compose.yml").write_text(
        "services:\n  web:\n    image: nginx\nvolumes: {}\n", encoding="utf-8"
    )
    (folder / "acme" / "invoice.pdf").write_bytes(b"%PDF not YAML, not looked at")
    (folder / ".github").mkdir()  # hidden folders hold tools' YAML: skipped
    (folder / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")

    code, output = run("due", str(folder), "--as-of", AS_OF)
    assert code == 2
    assert f"{folder / 'empty.yaml'}:1:1: the file is empty" in output
    assert f"{folder / 'acme' / 'cut.yaml'}:{cut.count(chr(10)) + 1}:" in output
    assert "YAML syntax:" in output
    compose = folder / "havbrise" / "docker-compose.yml"
    assert (
        f"{compose}:1:1: not a project file: no `format:` line (its keys: services, volumes)"
        in output
    )
    assert "ci.yml" not in output and "invoice.pdf" not in output
    rows = agenda_rows(output)
    assert any(
        "JGS-2026-01" in row and "stop-work reminder, invoice 2026-044" in row for row in rows
    )
    assert any(
        "HAV-2026" in row and "stop-work reminder, invoice K-2026-094" in row for row in rows
    )
    assert output.rstrip().endswith(
        "Error: 3 files could not be read as a project file (listed above)"
    )


def test_a_file_named_that_is_no_project_is_a_problem_too(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("- milk\n- eggs\n", encoding="utf-8")
    code, output = run("due", str(notes), str(JERRY), "--as-of", AS_OF)
    assert code == 2
    assert f"{notes}:1:1: not a project file: no `format:` line; a project file starts" in output
    assert "waiting notice" in output


def test_a_folder_without_yaml_is_no_all_clear(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "scope.pdf").write_bytes(b"%PDF")
    code, output = run("due", str(tmp_path), "--as-of", AS_OF)
    assert code == 2 and "nothing due" not in output
    assert f"Error: no YAML files (.yaml, .yml) in {tmp_path}" in output


def test_nothing_due_says_how_many_files_were_read(tmp_path: Path) -> None:
    code, output = run("due", str(JERRY), "--as-of", "2026-01-05")
    assert (code, output) == (0, "nothing due on 2026-01-05 in 1 project file\n")


def test_agenda_is_sorted_by_urgency_and_reports_the_broken_file(clients: Path) -> None:
    code, output = run("due", str(clients), "--as-of", AS_OF)
    assert code == 2
    assert f"{clients / 'broken.yaml'}:4:3: provider.name: duplicate key" in output
    assert f"{clients / 'notes.yaml'}:1:1: not a project file" in output
    order = ["final", "stop-work", "waiting", "change"]
    kinds = [word for row in agenda_rows(output) for word in row.split() if word in order]
    assert kinds == sorted(kinds, key=order.index) and set(kinds) == set(order)
    assert output.rstrip().endswith(
        "Error: 2 files could not be read as a project file (listed above)"
    )


def test_the_table_has_a_header_and_fits_a_narrow_terminal(tmp_path: Path, jerry: Path) -> None:
    text = jerry.read_text(encoding="utf-8").replace(
        "name: Jerry's Garden Supply Inc.",
        "name: Jerry's Garden Supply and Landscaping Cooperative of Northern Vermont Inc.",
    )
    project = tmp_path / "long.yaml"
    project.write_text(text, encoding="utf-8")
    code, output = run("due", str(project), "--as-of", AS_OF, env={"COLUMNS": "80"})
    assert code == 0
    lines = output.splitlines()
    assert lines[0].split() == ["Project", "Client", "What", "Days", "Amount"]
    assert set(lines[1]) == {"─"}
    assert all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if "stop-work" in line)
    client = row.split("  ")[1].strip()  # columns are two spaces apart or more
    assert client.endswith("…") and client != "…"
    assert "Jerry's Garden Supply and Landscaping Cooperative of Northern Vermont".startswith(
        client.removesuffix("…")
    )
    assert client.removesuffix("…")[-1].isalpha() and not client.removesuffix("…").endswith(" ")
    assert "4,600.00 USD" in row  # amounts are never cut
    wide = run("due", str(project), "--as-of", AS_OF, env={"COLUMNS": "200"})[1]
    assert "Cooperative of Northern Vermont Inc." in wide


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Jerry's Garden Supply Inc.", 30, "Jerry's Garden Supply Inc."),
        ("Jerry's Garden Supply Inc.", 16, "Jerry's Garden…"),
        ("Jerry's Garden Supply Inc.", 15, "Jerry's Garden…"),
        ("Jerry's Garden Supply Inc.", 14, "Jerry's…"),
        ("Tallbackens Bageri AB", 8, "Tallbac…"),  # one word longer than the column
        ("Café, Havbrise I/S", 12, "Café…"),  # no comma before the ellipsis
    ],
)
def test_names_are_shortened_at_a_word(text: str, width: int, expected: str) -> None:
    assert shorten(text, width) == expected


def test_agenda_as_json(clients: Path) -> None:
    result = CliRunner().invoke(cli, ["due", str(clients), "--as-of", AS_OF, "--json"])
    assert result.exit_code == 2
    items = json.loads(result.stdout)
    assert {item["kind"] for item in items} >= {"error", "stop_work", "waiting", "change"}
    errors = {Path(item["file"]).name for item in items if item["kind"] == "error"}
    assert errors == {"broken.yaml", "notes.yaml"}
    jerry = next(
        item for item in items if item["project"] == "JGS-2026-01" and item["kind"] == "stop_work"
    )
    assert set(jerry) == {
        *("file", "project", "client", "kind", "what", "days"),
        *("amount", "currency", "document", "params"),
    }
    assert jerry["amount"] == "4600.00" and jerry["currency"] == "USD"
    assert jerry["document"] == "reminder-stop-work" and jerry["params"] == {"invoice": "2026-044"}


def test_invoices_falling_due_this_week(tmp_path: Path) -> None:
    code, output = run("due", str(JERRY), "--as-of", "2026-11-10")
    assert code == 0
    assert "invoice 2026-052 falls due on 2026-11-16" in output and "in 6 d" in output


def test_render_says_per_document_written_replaced_or_unchanged(
    tmp_path: Path, jerry: Path
) -> None:
    out = tmp_path / "out"
    args = ["due", str(jerry), "--render", "--out", str(out), "--format", "md", "--jobs", "1"]
    reminder = out / "JGS-2026-01-reminder-2026-044-stop-work.md"
    waiting = out / "JGS-2026-01-waiting.md"
    code, output = run(*args, "--as-of", AS_OF)
    assert code == 0, output
    assert f"  written  {reminder}" in output and f"  written  {waiting}" in output
    assert f"  skipped  {jerry} (change request CR-1 not yet signed): no letter for this" in output
    assert f"rendered 2 of 2 documents into {out}: 2 written, 0 replaced, 0 unchanged" in output

    code, output = run(*args, "--as-of", AS_OF)
    assert code == 0 and f"unchanged  {reminder}" in output

    # A day later the reminder reads differently: refused without --force, replaced with it.
    before = reminder.read_bytes()
    code, output = run(*args, "--as-of", "2026-11-18")
    assert code == 2 and reminder.read_bytes() == before
    assert f"  refused  {jerry} (reminder-stop-work): these files already exist" in output
    assert "rendered 0 of 2 documents" in output
    assert output.rstrip().endswith("Error: 2 documents not written (listed above)")
    code, output = run(*args, "--as-of", "2026-11-18", "--force")
    assert code == 0 and f" replaced  {reminder}" in output


def test_render_says_why_a_row_was_not_rendered(clients: Path, tmp_path: Path) -> None:
    args = ["due", str(JERRY), str(clients / "broken.yaml"), "--as-of", "2026-11-10"]
    code, output = run(*args, "--render", "--out", str(tmp_path), "--format", "md")
    assert code == 2
    assert f"  skipped  {clients / 'broken.yaml'}: the file has problems (listed above)" in output
    assert "(invoice 2026-052 falls due on 2026-11-16): not due yet" in output


@pytest.mark.slow
def test_render_writes_every_due_document_and_isolates_failures(
    clients: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    # A document that already exists with other content fails for that project only.
    out_dir.mkdir()
    (out_dir / "JGS-2026-01-reminder-2026-044-stop-work.pdf").write_bytes(b"an older version")
    code, output = run(
        "due", str(clients), "--as-of", AS_OF, "--render", "--out", str(out_dir), "--format", "pdf"
    )
    assert code == 2
    assert "JGS-2026-01-reminder-2026-044-stop-work.pdf" in output and "already exist" in output
    assert re.search(r"rendered (\d+) of (\d+) documents", output)
    done, total = map(int, re.search(r"rendered (\d+) of (\d+) documents", output).groups())  # type: ignore[union-attr]
    assert done == total - 1
    assert (out_dir / "JGS-2026-01-reminder-2026-044-stop-work.pdf").read_bytes() == (
        b"an older version"
    )
    assert (out_dir / "HAV-2026-reminder-K-2026-094-stop-work.pdf").is_file()


def test_help_does_not_import_rich() -> None:
    import subprocess
    import sys

    code = "import sys, inwriting.cli as c; c.cli.main(['--help'], standalone_mode=False); print(sorted(m for m in sys.modules if m.startswith('rich')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.rstrip().endswith("[]"), result.stdout
