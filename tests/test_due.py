"""The morning agenda: across clients, broken files isolated, JSON for scripts, batch rendering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli

AS_OF = "2026-11-22"


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    folder = tmp_path / "clients"
    folder.mkdir()
    for sample in SAMPLES.glob("*.yaml"):
        shutil.copy(sample, folder)
    (folder / "broken.yaml").write_text(
        "format: 1\nprovider:\n  name: A\n  name: B\n", encoding="utf-8"
    )
    (folder / "notes.yaml").write_text("shopping: [milk]\n", encoding="utf-8")  # not a project file
    return folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_agenda_is_sorted_by_urgency_and_reports_the_broken_file(clients: Path) -> None:
    code, output = run("due", str(clients), "--as-of", AS_OF)
    assert code == 1
    assert f"{clients / 'broken.yaml'}:4:3: provider.name: duplicate key" in output
    assert "notes.yaml" not in output
    lines = [
        line
        for line in output.splitlines()
        if line[:10].strip() in ("final", "stop_work", "waiting", "change")
    ]
    kinds = [line.split()[0] for line in lines]
    order = ["final", "stop_work", "waiting", "change"]
    assert kinds == sorted(kinds, key=order.index)
    assert any(
        "JGS-2026-01" in line and "stop-work reminder, invoice 2026-044" in line for line in lines
    )
    assert output.rstrip().endswith("Error: 1 problem: see the lines marked error above")


def test_agenda_as_json(clients: Path) -> None:
    result = CliRunner().invoke(cli, ["due", str(clients), "--as-of", AS_OF, "--json"])
    items = json.loads(result.stdout)
    assert {item["kind"] for item in items} >= {"error", "stop_work", "waiting", "change"}
    jerry = next(
        item for item in items if item["project"] == "JGS-2026-01" and item["kind"] == "stop_work"
    )
    assert jerry["amount"] == "4600.00" and jerry["currency"] == "USD"
    assert jerry["document"] == "reminder-stop-work" and jerry["params"] == {"invoice": "2026-044"}


def test_invoices_falling_due_this_week(tmp_path: Path) -> None:
    code, output = run("due", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", "2026-11-10")
    assert code == 0
    assert "invoice 2026-052 falls due on 2026-11-14" in output and "in 4 d" in output


@pytest.mark.slow
def test_render_writes_every_due_document_and_isolates_failures(
    clients: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    # A document that already exists with other content fails for that project only.
    out_dir.mkdir()
    (out_dir / "JGS-2026-01-waiting.pdf").write_bytes(b"an older version")
    code, output = run(
        "due", str(clients), "--as-of", AS_OF, "--render", "--out", str(out_dir), "--format", "pdf"
    )
    assert code == 1
    assert "JGS-2026-01-waiting.pdf" in output and "already exist" in output
    assert "rendered 9 of 10 documents" in output
    assert (out_dir / "JGS-2026-01-waiting.pdf").read_bytes() == b"an older version"
    assert (
        (out_dir / "JGS-2026-01-reminder-2026-044-stop-work.pdf").read_bytes().startswith(b"%PDF")
    )
    assert (out_dir / "HAV-2026-reminder-K-2026-094-stop-work.pdf").is_file()
