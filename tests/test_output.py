"""Same input, same bytes; nothing overwritten without --force; no partial or temporary files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.errors import InputError
from inwriting.output import atomic_write
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document

JERRY = SAMPLES / "jerry-webshop.yaml"
AS_OF = "2026-11-22"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("format_name", ["pdf", "docx", "md"])
def test_same_input_gives_same_bytes(format_name: str) -> None:
    loaded = load_project(JERRY)
    first = render_document(loaded, "scope", formats=[format_name], as_of=dt.date(2026, 11, 22))
    second = render_document(loaded, "scope", formats=[format_name], as_of=dt.date(2026, 11, 22))
    assert first[format_name] == second[format_name]


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    # Separate processes: nothing cached in memory can make two runs agree by accident.
    outputs = []
    for name in ("one", "two"):
        out_dir = tmp_path / name
        subprocess.run(
            [
                sys.executable,
                "-m",
                "inwriting",
                "scope",
                str(JERRY),
                "--as-of",
                AS_OF,
                "--out",
                str(out_dir),
                "--format",
                "pdf,docx,md",
            ],
            check=True,
            capture_output=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out_dir.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 3


def test_no_wall_clock_or_library_names_in_metadata() -> None:
    import io
    import zipfile

    from pypdf import PdfReader

    out = render_document(
        load_project(JERRY), "scope", formats=["pdf", "docx"], as_of=dt.date(2026, 11, 22)
    )
    core = zipfile.ZipFile(io.BytesIO(out["docx"])).read("docProps/core.xml").decode()
    assert "python-docx" not in core and "2013" not in core
    assert "2026-11-22T00:00:00Z" in core
    assert all(
        info.date_time == (1980, 1, 1, 0, 0, 0)
        for info in zipfile.ZipFile(io.BytesIO(out["docx"])).infolist()
    )
    info = PdfReader(io.BytesIO(out["pdf"])).metadata
    assert info is not None and info.title == "Statement of Work"
    assert info.author == "Brightline Web Studio LLC"


def test_existing_different_file_is_not_overwritten(tmp_path: Path) -> None:
    code, _ = run("scope", str(JERRY), "--as-of", AS_OF, "--out", str(tmp_path))
    assert code == 0
    pdf = tmp_path / "JGS-2026-01-scope.pdf"
    before = pdf.read_bytes()
    code, output = run("scope", str(JERRY), "--as-of", "2026-11-23", "--out", str(tmp_path))
    assert code != 0
    assert "already exist with different content" in output and "--force" in output
    assert pdf.read_bytes() == before


def test_identical_content_is_reported_unchanged(tmp_path: Path) -> None:
    run("scope", str(JERRY), "--as-of", AS_OF, "--out", str(tmp_path))
    code, output = run("scope", str(JERRY), "--as-of", AS_OF, "--out", str(tmp_path))
    assert code == 0
    assert output.count("unchanged") == 2


def test_force_replaces(tmp_path: Path) -> None:
    run("scope", str(JERRY), "--as-of", AS_OF, "--out", str(tmp_path))
    code, output = run(
        "scope", str(JERRY), "--as-of", "2026-11-23", "--out", str(tmp_path), "--force"
    )
    assert code == 0 and output.count("replaced") == 2


def test_failed_render_leaves_no_file(tmp_path: Path) -> None:
    user_templates = tmp_path / "templates" / "en"
    user_templates.mkdir(parents=True)
    (user_templates / "scope.md.j2").write_text("::: meta\ntitle: x\n:::\n\n{{ no_such_value }}\n")
    out_dir = tmp_path / "out"
    code, output = run(
        "scope", str(JERRY), "--out", str(out_dir), "--templates", str(tmp_path / "templates")
    )
    assert code == 2
    assert "scope.md.j2:5" in output and "no_such_value" in output
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_atomic_write_leaves_target_and_no_temp_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"original")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="nothing was written: disk full"):
        atomic_write(target, b"new content")
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_documents_get_ordinary_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.pdf", b"x")
        assert (tmp_path / "new.pdf").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        atomic_write(kept, b"new")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(previous)


def test_a_folder_made_meanwhile_by_another_process_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `due --render` workers write into one new folder at once: whichever makes it second must
    # carry on, and must not remove it on failure, since it is not its own.
    from inwriting import output

    target = tmp_path / "out" / "a.md"
    real_mkdir = Path.mkdir

    def racing(self: Path, *args: object, **kwargs: object) -> None:
        real_mkdir(self)  # the other worker, a moment earlier
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", racing)
    results = output.write_files({target: b"text"}, force=False)
    assert [r.status for r in results] == ["written"] and target.read_bytes() == b"text"
