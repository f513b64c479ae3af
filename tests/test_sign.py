"""Signing the scope: the fingerprint is stable where it should be, and drift is noticed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.project.project_file import load_project
from inwriting.project.scope import fingerprint

JERRY = SAMPLES / "jerry-webshop.yaml"


def digest_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return fingerprint(load_project(path).project)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "  deposit_percent: 30\n",
            "  deposit_percent: 30.00   # a comment\n",
        ),  # spelling and comments
        ("exclusions:\n", "# what we do not do\nexclusions:\n"),
        (
            "  - id: A\n    title: Product catalog\n",
            "  - title: Product catalog\n    id: A\n",
        ),  # key order
        (
            "    status: done\n    done_on: 2026-09-26\n",
            "    status: in_progress\n",
        ),  # progress, not scope
        ('  - number: "2026-031"', '  - number: "2026-031-X"'),  # invoices are not the scope
    ],
)
def test_the_fingerprint_ignores_what_is_not_the_agreement(
    tmp_path: Path, old: str, new: str
) -> None:
    text = JERRY.read_text(encoding="utf-8")
    assert old in text
    assert digest_of(tmp_path, text.replace(old, new, 1)) == fingerprint(
        load_project(JERRY).project
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    fee: 3200.00", "    fee: 3300.00"),
        ("    deadline: 2026-09-29", "    deadline: 2026-09-30"),
        ("  - Migration of orders from the old shop", "  - Migration of orders"),
        ("  payment_days: 14", "  payment_days: 30"),
    ],
)
def test_the_fingerprint_changes_with_the_agreement(tmp_path: Path, old: str, new: str) -> None:
    text = JERRY.read_text(encoding="utf-8")
    assert old in text
    assert digest_of(tmp_path, text.replace(old, new, 1)) != fingerprint(
        load_project(JERRY).project
    )


def test_sign_keeps_the_file_and_later_changes_are_noticed(tmp_path: Path) -> None:
    project = tmp_path / "jerry.yaml"
    before = JERRY.read_text(encoding="utf-8")
    project.write_text(before, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["sign", str(project), "--by", "Jerry Malone", "--on", "2026-08-28"]
    )
    assert result.exit_code == 0, result.output
    after = project.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("  signed_by: Jerry Malone", '  signed_by: "Jerry Malone"'),
        ("  fingerprint: null", "  fingerprint: f591-9704-df74"),
    ]
    assert "warning" not in runner.invoke(cli, ["check", str(project)]).output
    project.write_text(after.replace("    fee: 2600.00", "    fee: 2900.00"), encoding="utf-8")
    for command in (["check", str(project)], ["due", str(project), "--as-of", "2026-11-22"]):
        output = runner.invoke(cli, command).output
        assert "scope changed since it was signed on 2026-08-28" in output, command
    output = runner.invoke(cli, ["scope", str(project), "--out", str(tmp_path / "out")]).output
    assert "signoff.fingerprint: scope changed since it was signed on 2026-08-28" in output
