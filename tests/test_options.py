"""Options where people type them, and the help and messages a newcomer reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from inwriting.cli import cli
from test_cli import JERRY
from test_secrets import SECRETS, with_notes


def invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_secret_is_refused_without_the_option(tmp_path: Path) -> None:
    code, output = invoke(["check", str(with_notes(tmp_path, SECRETS["payment"]))])
    assert code == 2 and "--allow-secrets" in output


@pytest.mark.parametrize("position", ["before", "after"])
def test_allow_secrets_before_or_after_the_command(tmp_path: Path, position: str) -> None:
    project = str(with_notes(tmp_path, SECRETS["payment"]))
    args = ["--allow-secrets", "check", project]
    if position == "after":
        args = ["check", project, "--allow-secrets"]
    assert invoke(args) == (0, f"ok  {project}\n")


def test_allow_secrets_after_a_render_command(tmp_path: Path) -> None:
    project = str(with_notes(tmp_path, SECRETS["payment"]))
    out = str(tmp_path / "out")
    code, output = invoke(["scope", project, "--out", out, "--format", "md", "--allow-secrets"])
    assert code == 0, output
    assert (tmp_path / "out" / "JGS-2026-01-scope.md").is_file()


@pytest.mark.parametrize(("value", "code"), [("1", 0), ("0", 2)])
def test_allow_secrets_from_the_environment(tmp_path: Path, value: str, code: int) -> None:
    project = str(with_notes(tmp_path, SECRETS["payment"]))
    assert invoke(["check", project], env={"INWRITING_ALLOW_SECRETS": value})[0] == code


def test_every_command_accepts_the_global_options() -> None:
    def leaves(group: object, path: str) -> list[str]:
        import click

        assert isinstance(group, click.Group)
        found = []
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                found += leaves(command, f"{path} {name}")
            else:
                found.append(f"{path} {name}".strip())
                assert "--allow-secrets" in [o for p in command.params for o in p.opts], name
        return found

    assert "templates eject" in leaves(cli, "")


def test_the_group_help_is_current() -> None:
    code, output = invoke(["--help"])
    assert code == 0
    assert "more to come" not in output
    assert "INWRITING_ALLOW_SECRETS" in output


@pytest.mark.parametrize(
    ("command", "default"),
    [
        ("scope", "pdf,docx"),
        ("terminate", "pdf,docx"),
        ("review", "pdf,docx"),
        ("handoff", "pdf,docx"),
        ("change-order", "pdf,docx"),
        ("nudge", "pdf,docx,md,eml"),
        ("waiting", "pdf,docx,md,eml"),
    ],
)
def test_format_help_names_the_commands_own_default(command: str, default: str) -> None:
    code, output = invoke([command, "--help"], env={"COLUMNS": "200"})
    assert code == 0
    words = output.split()
    after = " ".join(words[words.index("--format") : words.index("--as-of")])
    assert after.endswith(f"Default: {default}."), after


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2026-13-01", "month 13 does not exist"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-00-10", "month 0 does not exist"),
        ("tomorrow", "write it as YYYY-MM-DD"),
    ],
)
def test_impossible_dates_say_why(tmp_path: Path, date: str, why: str) -> None:
    code, output = invoke(["scope", str(JERRY), "--out", str(tmp_path), "--as-of", date])
    assert code == 2
    assert why in output, output
