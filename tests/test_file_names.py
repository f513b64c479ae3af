"""Output file names: plain ASCII, a language suffix off the project's own, and the date message."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from conftest import SAMPLES
from inwriting.filenames import safe_stem
from test_cli import JERRY, run
from timeline import sent_on

SEVERNYI = SAMPLES / "severnyi-veter.yaml"


@pytest.mark.parametrize(
    ("text", "stem"),
    [("СЧ-2026-071", "SCh-2026-071"), ("ÄB-2", "AB-2"), ("Ørsted/Å 7", "Orsted-A-7"), ("ё", "e")],
)
def test_stems_are_transliterated_to_ascii(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


def test_another_language_does_not_collide_with_the_default(tmp_path: Path) -> None:
    base = ("scope", str(JERRY), "--out", str(tmp_path), "--as-of", "2026-11-22")
    assert run(*base)[0] == 0
    code, output = run(*base, "--format", "pdf,docx,md", "--lang", "sv")
    assert code == 0, output
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [
        "JGS-2026-01-scope-sv.docx",
        "JGS-2026-01-scope-sv.md",
        "JGS-2026-01-scope-sv.pdf",
        "JGS-2026-01-scope.docx",
        "JGS-2026-01-scope.pdf",
    ]
    assert "Checklista" in (tmp_path / "JGS-2026-01-scope-sv.md").read_text(encoding="utf-8")


def test_the_projects_own_language_keeps_the_default_name(tmp_path: Path) -> None:
    args = ("scope", str(JERRY), "--out", str(tmp_path), "--format", "md", "--lang", "en")
    assert run(*args)[0] == 0
    assert [path.name for path in tmp_path.iterdir()] == ["JGS-2026-01-scope.md"]


def test_a_cyrillic_invoice_number_gives_an_ascii_reminder_name(tmp_path: Path) -> None:
    # The претензия, on the day the sample's timeline sends it.
    final = sent_on("severnyi-veter", "final").isoformat()
    code, output = run(
        "nudge", str(SEVERNYI), "--tone", "final", "--invoice", "СЧ-2026-071",
        "--out", str(tmp_path), "--as-of", final, "--format", "eml",
    )  # fmt: skip
    assert code == 0, output
    assert [path.name for path in tmp_path.iterdir()] == [
        "SV-2026-04-reminder-SCh-2026-071-final.eml"
    ]
    message = email.message_from_bytes(
        (tmp_path / "SV-2026-04-reminder-SCh-2026-071-final.eml").read_bytes(),
        policy=email.policy.default,
    )
    attachments = [part.get_filename() for part in message.iter_attachments()]
    assert attachments == ["SV-2026-04-reminder-SCh-2026-071-final.pdf"]


def test_a_swedish_id_gives_an_ascii_name(tmp_path: Path) -> None:
    project = tmp_path / "ab.yaml"
    project.write_text(
        JERRY.read_text(encoding="utf-8").replace("id: JGS-2026-01", "id: ÄB-2"), encoding="utf-8"
    )
    out = tmp_path / "out"
    code, output = run("scope", str(project), "--out", str(out), "--format", "md", "--lang", "sv")
    assert code == 0, output
    assert [path.name for path in out.iterdir()] == ["AB-2-scope-sv.md"]


def test_documents_that_differ_only_in_date_name_the_as_of_that_reproduces_them(
    tmp_path: Path,
) -> None:
    base = ("scope", str(JERRY), "--out", str(tmp_path))
    assert run(*base, "--as-of", "2026-11-22")[0] == 0
    code, output = run(*base, "--as-of", "2026-11-23")
    assert code == 2  # a refusal (README, "Exit codes")
    assert "differ only in their date" in output
    assert "add --as-of 2026-11-22 to reproduce them" in output
    assert "--force" in output
    code, output = run(*base, "--as-of", "2026-11-22")
    assert code == 0 and output.count("unchanged") == 2


def test_documents_that_differ_in_more_than_the_date_say_so(tmp_path: Path) -> None:
    project = tmp_path / "jerry.yaml"
    project.write_text(JERRY.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert run("scope", str(project), "--out", str(out), "--as-of", "2026-11-22")[0] == 0
    project.write_text(
        project.read_text(encoding="utf-8").replace("Jerry", "Jerri"), encoding="utf-8"
    )
    code, output = run("scope", str(project), "--out", str(out), "--as-of", "2026-11-23")
    assert code == 2  # a refusal (README, "Exit codes")
    assert "dated 2026-11-22" in output and "differ in more than the date" in output


def test_a_pdf_alone_also_names_the_as_of_that_reproduces_it(tmp_path: Path) -> None:
    # Only a PDF in the way (no DOCX or e-mail beside it): its keywords carry the date.
    base = ["scope", str(JERRY), "--out", str(tmp_path), "--format", "pdf"]
    assert run(*base, "--as-of", "2026-11-22")[0] == 0
    code, output = run(*base, "--as-of", "2026-11-23")
    assert code == 2, output
    assert "differ only in their date" in output
    assert "add --as-of 2026-11-22 to reproduce them" in output


def test_markdown_alone_also_names_the_as_of_that_reproduces_it(tmp_path: Path) -> None:
    # Markdown carries no date: the days before are tried for the one that reproduces it.
    base = ["scope", str(JERRY), "--out", str(tmp_path), "--format", "md"]
    assert run(*base, "--as-of", "2026-11-02")[0] == 0
    code, output = run(*base, "--as-of", "2026-11-23")
    assert code == 2, output
    assert "add --as-of 2026-11-02 to reproduce them" in output


def test_due_render_names_the_as_of_that_reproduces_documents_in_the_way(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    base = ["due", str(JERRY), "--render", "--out", str(out), "--format", "md"]
    first = run(*base, "--as-of", "2026-11-22")
    assert first[0] == 0, first[1]
    code, output = run(*base, "--as-of", "2026-11-23")
    assert code == 2, output
    assert "differ only in their date" in output or "differ in more than the date" in output
    assert "2026-11-22" in output
