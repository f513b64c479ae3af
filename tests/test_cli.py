"""Every command through Click's runner: options, messages, exit codes, template overrides."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, normalise, pdf_text
from inwriting.cli import cli

JERRY = SAMPLES / "jerry-webshop.yaml"
HAVBRISE = SAMPLES / "havbrise-social.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_help_lists_the_commands() -> None:
    code, output = run("--help")
    assert code == 0
    for command in ("scope", "check", "schema", "templates"):
        assert command in output


def test_scope_writes_the_chosen_formats_and_prints_paths(tmp_path: Path) -> None:
    code, output = run(
        "scope",
        str(JERRY),
        "--out",
        str(tmp_path),
        "--format",
        "pdf,docx,md",
        "--as-of",
        "2026-11-22",
    )
    assert code == 0
    for ext in ("pdf", "docx", "md"):
        path = tmp_path / f"JGS-2026-01-scope.{ext}"
        assert path.is_file()
        assert str(path) in output
    markdown = (tmp_path / "JGS-2026-01-scope.md").read_text(encoding="utf-8")
    assert "# Statement of Work" in markdown and "Jerry's Garden Supply Inc." in markdown


def test_scope_default_formats_are_pdf_and_docx(tmp_path: Path) -> None:
    code, _ = run("scope", str(JERRY), "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".pdf"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("scope", str(JERRY), "--out", str(tmp_path), "--format", "pdf,odt")
    assert code == 2 and "choose from pdf, docx, md" in output
    assert not tmp_path.joinpath("JGS-2026-01-scope.pdf").exists()


def test_bad_as_of_date_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("scope", str(JERRY), "--out", str(tmp_path), "--as-of", "2026-02-30")
    assert code == 2 and "February 2026 has 28 days" in output


def test_lang_overrides_the_file(tmp_path: Path) -> None:
    code, _ = run(
        "scope",
        str(HAVBRISE),
        "--out",
        str(tmp_path),
        "--format",
        "md",
        "--lang",
        "en",
        "--as-of",
        "2026-11-22",
    )
    assert code == 0
    markdown = (tmp_path / "HAV-2026-scope-en.md").read_text(encoding="utf-8")
    assert "# Statement of Work" in markdown
    assert "12.500,00 kr." not in markdown  # the DKK amounts are formatted for en_DK
    assert "kr." in markdown


@pytest.mark.parametrize(
    ("project", "flag", "size"),
    [
        (JERRY, None, (612, 792)),  # US jurisdiction: Letter
        (HAVBRISE, None, (595, 842)),  # DK: A4
        (JERRY, "a4", (595, 842)),
        (HAVBRISE, "letter", (612, 792)),
    ],
)
def test_paper_size(tmp_path: Path, project: Path, flag: str | None, size: tuple[int, int]) -> None:
    from pypdf import PdfReader

    args = ["scope", str(project), "--out", str(tmp_path), "--format", "pdf"]
    if flag:
        args += ["--paper", flag]
    code, _ = run(*args)
    assert code == 0
    pdf = next(tmp_path.glob("*.pdf"))
    box = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_file_name_is_made_safe(tmp_path: Path) -> None:
    text = JERRY.read_text(encoding="utf-8").replace("  id: JGS-2026-01", '  id: "CON/../a:b*c?"')
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, output = run("scope", str(project), "--out", str(out_dir), "--format", "md")
    assert code == 0, output
    [written] = list(out_dir.iterdir())
    assert written.name == "CON-.-a-b-c-scope.md"


def test_check_exit_codes(tmp_path: Path) -> None:
    code, output = run("check", str(JERRY), str(HAVBRISE))
    assert code == 0 and output.count("ok") == 2
    code, output = run("check", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in output


def test_schema_is_json_schema_for_the_project_file() -> None:
    code, output = run("schema")
    assert code == 0
    schema = json.loads(output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"format", "provider", "client", "project", "terms", "scope"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    item = schema["$defs"]["ScopeItem"]["properties"]
    assert {"id", "title", "deadline", "fee", "hours", "status"} <= set(item)


def test_templates_list_and_eject(tmp_path: Path) -> None:
    code, output = run("templates", "list")
    assert code == 0 and "en/scope.md.j2" in output and "built-in" in output
    code, output = run("templates", "eject", "en/scope", "--to", str(tmp_path))
    assert code == 0
    ejected = tmp_path / "en" / "scope.md.j2"
    assert ejected.is_file()
    code, output = run("templates", "list", "--templates", str(tmp_path))
    assert f"override in {tmp_path}" in output
    code, output = run("templates", "eject", "en/nothing", "--to", str(tmp_path))
    assert code == 2 and "no built-in template" in output


def test_ejected_template_wins_with_flag_and_with_file_setting(tmp_path: Path) -> None:
    templates = tmp_path / "mine"
    run("templates", "eject", "en/scope", "--to", str(templates))
    ejected = templates / "en" / "scope.md.j2"
    ejected.write_text(
        ejected.read_text(encoding="utf-8").replace("# Statement of Work", "# Our own checklist"),
        encoding="utf-8",
    )

    code, _ = run(
        "scope",
        str(JERRY),
        "--out",
        str(tmp_path / "a"),
        "--format",
        "pdf",
        "--templates",
        str(templates),
    )
    assert code == 0
    assert "Our own checklist" in pdf_text((tmp_path / "a" / "JGS-2026-01-scope.pdf").read_bytes())

    project = tmp_path / "jerry.yaml"
    project.write_text(
        JERRY.read_text(encoding="utf-8").replace("format: 1\n", "format: 1\ntemplates: mine\n"),
        encoding="utf-8",
    )
    code, _ = run("scope", str(project), "--out", str(tmp_path / "b"), "--format", "pdf")
    assert code == 0
    assert "Our own checklist" in pdf_text((tmp_path / "b" / "JGS-2026-01-scope.pdf").read_bytes())


def render_with_template(tmp_path: Path, template: str) -> tuple[int, str]:
    """Render Jerry's scope with a user template folder holding only en/scope.md.j2."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "scope.md.j2").write_text(template, encoding="utf-8")
    return run("scope", str(JERRY), "--out", str(tmp_path / "out"), "--templates", str(tmp_path))


def test_user_templates_run_in_the_sandbox(tmp_path: Path) -> None:
    code, output = render_with_template(
        tmp_path,
        "::: meta\ntitle: x\n:::\n\n{{ provider.__class__.__mro__[1].__subclasses__() }}\n",
    )
    assert code == 2
    assert "scope.md.j2:5" in output and "unsafe" in output


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    code, output = render_with_template(tmp_path, "::: meta\ntitle: x\n:::\n{% if %}\n")
    assert code == 2 and "scope.md.j2:4" in output


def test_printing_an_empty_value_is_an_error_not_a_blank(tmp_path: Path) -> None:
    code, output = render_with_template(
        tmp_path, "::: meta\ntitle: x\n:::\n\nDear {{ client.phone }},\n"
    )
    assert code == 2 and "scope.md.j2:5" in output and "empty" in output


def test_warnings_do_not_stop_the_document(tmp_path: Path) -> None:
    text = JERRY.read_text(encoding="utf-8").replace(
        "    deadline: 2026-11-30\n    fee: 2600.00", "    deadline: 2027-01-15\n    fee: 2600.00"
    )
    project = tmp_path / "late.yaml"
    project.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["scope", str(project), "--out", str(tmp_path / "out"), "--format", "pdf"]
    )
    assert result.exit_code == 0
    assert (
        "warning:" in result.output
        and "scope[2].deadline: after the project's end" in result.output
    )
    assert "January 15, 2027" in normalise(
        pdf_text((tmp_path / "out" / "JGS-2026-01-scope.pdf").read_bytes())
    )


def test_statutory_interest_in_the_us_is_a_warning(tmp_path: Path) -> None:
    text = JERRY.read_text(encoding="utf-8").replace(
        "  late_interest: 18.0", "  late_interest: statutory"
    )
    project = tmp_path / "us.yaml"
    project.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(project)])
    assert result.exit_code == 0
    assert "terms.late_interest: US has no single statutory late-payment rate" in result.output
