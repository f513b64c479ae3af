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


def test_eject_without_to_refuses_the_checkouts_own_templates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from inwriting.render.templating import builtin_templates_dir

    monkeypatch.chdir(builtin_templates_dir().parent)
    before = sorted(builtin_templates_dir().rglob("*"))
    code, output = invoke(["templates", "eject", "en/scope"])
    assert code == 2 and "pass --to DIR" in output
    assert sorted(builtin_templates_dir().rglob("*")) == before


def test_eject_without_to_writes_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke(["templates", "eject", "en/scope"])
    assert code == 0, output
    assert (tmp_path / "templates" / "en" / "scope.md.j2").is_file()


def test_a_mistyped_template_name_gets_did_you_mean(tmp_path: Path) -> None:
    code, output = invoke(["templates", "eject", "en/scop", "--to", str(tmp_path)])
    assert code == 2
    assert "did you mean 'en/scope'?" in output
    assert not any(tmp_path.iterdir())


def test_a_mistyped_change_request_gets_did_you_mean(tmp_path: Path) -> None:
    code, output = invoke(["change-order", str(JERRY), "CR-9", "--out", str(tmp_path)])
    assert code == 2
    assert "no change request 'CR-9'" in output and "did you mean 'CR-1'?" in output


def test_a_misspelt_field_in_a_user_template_names_the_field(tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "en"
    user.mkdir(parents=True)
    (user / "scope.md.j2").write_text("::: meta\ntitle: x\n:::\n\n{{ client.nmae }}\n")
    args = ["scope", str(JERRY), "--templates", str(tmp_path / "tpl"), "--out", str(tmp_path)]
    code, output = invoke([*args, "--format", "md"])
    assert code == 2
    assert "scope.md.j2:5: no field 'nmae' here; did you mean 'name'?" in output
    assert "object" not in output and "inwriting." not in output


def test_waiting_before_any_question_was_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = invoke(["waiting", str(JERRY), "--as-of", "2026-10-01", "--out", str(out)])
    assert code == 0
    assert "no question was asked yet (the first on 2026-11-02)" in output
    assert "answered" not in output and not out.exists()


def test_waiting_counts_only_the_questions_asked_by_then(tmp_path: Path) -> None:
    args = ["waiting", str(JERRY), "--as-of", "2026-11-05", "--out", str(tmp_path)]
    code, output = invoke([*args, "--format", "md"])
    assert code == 0, output
    assert "Approval of the order dashboard layout: asked 2026-11-02" in output
    assert "2026-11-09" not in output


def test_nudge_leaves_out_invoices_not_issued_yet(tmp_path: Path) -> None:
    args = ["nudge", str(JERRY), "--as-of", "2026-10-10", "--out", str(tmp_path)]
    code, output = invoke([*args, "--format", "md"])
    assert code == 0, output
    assert "2026-052: not issued yet on 2026-10-10" in output
    assert "2026-044: due 2026-10-" in output
    assert "0 days overdue" not in output


def test_a_reminder_by_hand_for_an_invoice_not_issued_yet_is_refused(tmp_path: Path) -> None:
    args = ["nudge", str(JERRY), "--as-of", "2026-10-10", "--invoice", "2026-052"]
    code, output = invoke([*args, "--tone", "firm", "--out", str(tmp_path / "out")])
    assert code == 2  # a reminder by hand is refused before the due date, and more so before issue
    assert "not issued yet" in output and not (tmp_path / "out").exists()
    assert "invoice 2026-052 is not overdue on 2026-10-10" in output


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi", "ru"])
def test_a_review_before_any_invoice_has_no_empty_heading(tmp_path: Path, language: str) -> None:
    args = ["review", str(JERRY), "--as-of", "2026-08-01", "--lang", language]
    code, output = invoke([*args, "--format", "md", "--out", str(tmp_path)])
    assert code == 0, output
    (document,) = tmp_path.iterdir()
    lines = [line for line in document.read_text(encoding="utf-8").splitlines() if line.strip()]
    headings = [i for i, line in enumerate(lines) if line.startswith("#")]
    for here in headings:
        assert here + 1 < len(lines) and not lines[here + 1].startswith("## "), lines[here]
