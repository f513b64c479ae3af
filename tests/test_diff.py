"""`inwriting diff`: two versions of a project file give a change request that reproduces the
second from the first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.project.changes import current_scope, end_before
from inwriting.project.model import ScopeItem
from inwriting.project.project_file import load_project

ADD = ("  - id: W5\n", "  - id: W9\n    title: Nyhetsbrev\n    fee: 4500.00\n  - id: W5\n")
EDITS = {
    "add": [ADD],
    "fee and deadline": [
        ("fee: 28000.00", "fee: 31500.00"),
        ("deadline: 2026-11-27", "deadline: 2026-12-04"),
    ],
    "drop": [("    status: planned\n  - id: W5", "    status: dropped\n  - id: W5")],
    "everything": [ADD, ("fee: 28000.00", "fee: 30000.00"), ("end: 2026-11-27", "end: 2026-12-11")],
}


def _edited(tmp_path: Path, edits: list[tuple[str, str]]) -> tuple[Path, Path]:
    text = (SAMPLES / "tallbacken-bageri.yaml").read_text(encoding="utf-8")
    old = tmp_path / "old.yaml"
    old.write_text(text, encoding="utf-8")
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after, 1)
    new = tmp_path / "new.yaml"
    new.write_text(text, encoding="utf-8")
    return old, new


@pytest.mark.parametrize("edit", list(EDITS))
def test_diff_then_approve_gives_the_edited_scope(tmp_path: Path, edit: str) -> None:
    old, new = _edited(tmp_path, EDITS[edit])
    edited = load_project(new).project
    wanted_items, applied = current_scope(edited)
    wanted_end = end_before(edited, applied)
    args = ["diff", str(old), str(new), "--on", "2026-11-22", "--summary", "Önskemål från kunden"]
    printed = CliRunner().invoke(cli, args)
    assert printed.exit_code == 0, printed.output
    (entry,) = yaml.safe_load(printed.stdout)
    assert entry["id"] == "ÄB-3" and entry["status"] == "proposed"
    recorded = CliRunner().invoke(cli, [*args, "--record"])
    assert recorded.exit_code == 0, recorded.output
    result = load_project(new).project
    assert result.scope == load_project(old).project.scope  # the signed scope is back
    assert result.changes[-1].id == "ÄB-3" and result.changes[-1].summary == "Önskemål från kunden"
    approved = result.model_copy(
        update={
            "changes": [
                *result.changes[:-1],
                result.changes[-1].model_copy(update={"status": "approved"}),
            ]
        }
    )
    items, applied = current_scope(approved)
    # A change request appends new items, so compare by id, not by position.
    assert live(items) == live(wanted_items)
    assert end_before(approved, applied) == wanted_end
    check = CliRunner().invoke(cli, ["check", str(new)])
    assert check.exit_code == 0, check.output


def test_comments_in_the_file_survive_recording(tmp_path: Path) -> None:
    old, new = _edited(tmp_path, [ADD])
    text = new.read_text(encoding="utf-8").replace(
        "changes:\n", "# asked for by phone\nchanges:\n", 1
    )
    new.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--record"])
    assert result.exit_code == 0, result.output
    assert "# asked for by phone" in new.read_text(encoding="utf-8")


def test_two_identical_versions_have_no_difference(tmp_path: Path) -> None:
    old, new = _edited(tmp_path, [])
    before = new.read_bytes()
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--record"])
    assert result.exit_code == 0 and "no change to the scope" in result.output
    assert new.read_bytes() == before


def test_record_refuses_when_the_change_requests_differ(tmp_path: Path) -> None:
    old, new = _edited(tmp_path, [ADD, ("status: rejected", "status: approved")])
    before = new.read_bytes()
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--record"])
    assert result.exit_code == 2 and "by hand" in result.output
    assert new.read_bytes() == before


def test_a_cleared_field_is_reported_not_dropped_silently(tmp_path: Path) -> None:
    old, new = _edited(tmp_path, [("    deadline: 2026-11-27\n", "")])
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert "deadline is cleared" in result.output


def live(items: list[ScopeItem]) -> dict[str, ScopeItem]:
    return {item.id: item for item in items if item.status != "dropped"}
