"""The PDF helper process: same bytes as one process, errors as one process, nothing left over."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, pdf_text
from inwriting.cli import cli
from inwriting.errors import RenderError
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from inwriting.render.writers.helper import SWITCH_OFF, WriterHelper
from timeline import sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture
def helper() -> Iterator[WriterHelper]:
    started = WriterHelper.start("pdf")
    if started is None:
        pytest.skip("no helper on this machine (one core or no fork)")
    yield started
    started.close()


def is_running(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return finished == 0


def test_helper_writes_the_same_bytes_as_one_process(
    helper: WriterHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load_project(JERRY)
    formats = ["pdf", "docx", "md", "eml"]
    alone = render_document(loaded, "scope", formats=formats, as_of=AS_OF)

    def not_here(name: str) -> None:
        raise AssertionError(f"the {name} was written by this process, not by the helper")

    # Only this process sees the change: the helper was forked before it.
    monkeypatch.setattr("inwriting.render.writers.helper.writer_for", not_here)
    helped = render_document(loaded, "scope", formats=formats, as_of=AS_OF, helpers={"pdf": helper})
    assert list(helped) == formats
    assert helped == alone
    assert "Jerry's Garden Supply Inc." in pdf_text(helped["pdf"])


def test_one_helper_serves_several_documents(helper: WriterHelper) -> None:
    loaded = load_project(JERRY)
    for kind in ("scope", "termination", "handoff"):
        on = sent_on("jerry-webshop", kind)  # the day the sample's timeline sends it
        helped = render_document(loaded, kind, formats=["pdf"], as_of=on, helpers={"pdf": helper})
        alone = render_document(loaded, kind, formats=["pdf"], as_of=on)
        assert helped == alone, kind


def test_a_dead_helper_means_the_pdf_is_written_here(helper: WriterHelper) -> None:
    os.kill(helper._pid, signal.SIGKILL)
    os.waitpid(helper._pid, 0)
    loaded = load_project(JERRY)
    helped = render_document(loaded, "scope", formats=["pdf"], as_of=AS_OF, helpers={"pdf": helper})
    assert helped == render_document(loaded, "scope", formats=["pdf"], as_of=AS_OF)


def test_a_document_that_cannot_be_laid_out_fails_as_in_one_process(
    helper: WriterHelper, tmp_path: Path
) -> None:
    giant = " ".join(["Wolfeschlegelsteinhausenbergerdorff"] * 2500)
    text = JERRY.read_text(encoding="utf-8").replace("  contact: Dana Ortiz", f"  contact: {giant}")
    project = tmp_path / "giant.yaml"
    project.write_text(text, encoding="utf-8")
    with pytest.raises(RenderError, match="taller than a page"):
        render_document(
            load_project(project), "scope", formats=["pdf"], as_of=AS_OF, helpers={"pdf": helper}
        )
    assert is_running(helper._pid)  # the helper survived the failure and can serve again
    helped = render_document(
        load_project(JERRY), "scope", formats=["pdf"], as_of=AS_OF, helpers={"pdf": helper}
    )
    assert "Jerry's Garden Supply Inc." in pdf_text(helped["pdf"])


def test_close_ends_the_helper_even_while_it_loads() -> None:
    started = WriterHelper.start("pdf")
    if started is None:
        pytest.skip("no helper on this machine (one core or no fork)")
    started.close()  # at once, before it can have loaded reportlab
    assert not is_running(started._pid)


def test_the_switch_turns_the_helper_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH_OFF, "1")
    assert WriterHelper.start("pdf") is None


@pytest.mark.parametrize("single_process", [False, True])
def test_cli_writes_the_same_files_with_and_without_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, single_process: bool
) -> None:
    reference = tmp_path / "reference"
    monkeypatch.setenv(SWITCH_OFF, "1")
    first = CliRunner().invoke(
        cli, ["scope", str(JERRY), "--as-of", "2026-11-22", "--out", str(reference)]
    )
    assert first.exit_code == 0, first.output
    if not single_process:
        monkeypatch.delenv(SWITCH_OFF)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["scope", str(JERRY), "--as-of", "2026-11-22", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("written") == 2
    for name in ("JGS-2026-01-scope.pdf", "JGS-2026-01-scope.docx"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
