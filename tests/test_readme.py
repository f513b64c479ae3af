"""The README works to the last line: its Quickstart runs, in order, in a fresh folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES

PROJECT_ID = "JGS-2026-01"  # the id in samples/jerry-webshop.yaml, which the Quickstart copies
_PATH = re.compile(r"(\w+)/<id>(-[\w-]+)\.(pdf|docx|md)")
_MORE = re.compile(r"(?:,|and) \.(pdf|docx|md)\b")


def quickstart_lines(heading: str = "## Quickstart") -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the Quickstart has a shell block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def promised_files(line: str) -> list[str]:
    """What a line's comment says it writes: `out/<id>-scope.pdf and .docx` is two files."""
    comment = line.partition("#")[2]
    match = _PATH.search(comment)
    if match is None:
        return []
    folder, stem, extension = match.groups()
    extensions = [extension, *_MORE.findall(comment[match.end() :])]
    return [f"{folder}/{PROJECT_ID}{stem}.{ext}" for ext in extensions]


def test_the_quickstart_promises_files() -> None:
    lines = quickstart_lines()
    assert len(lines) >= 5
    assert promised_files(lines[3]) == [
        f"out/{PROJECT_ID}-scope.pdf",
        f"out/{PROJECT_ID}-scope.docx",
    ]


def run_line(line: str, folder: Path) -> None:
    """Run a README line (its comment left off) in `folder` with this environment's inwriting
    first on PATH, as installed (no network and no build needed)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-ec", line.partition("  #")[0]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"{line}\n{result.stdout}{result.stderr}"


def test_every_quickstart_line_succeeds_in_order(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES, tmp_path / "samples")
    # The first line makes a virtual environment and runs `pip install .`; this test runs in
    # one where inwriting is already installed, so that line is replaced by putting that
    # environment's bin folder first on PATH (run_line).
    lines = quickstart_lines()
    assert lines[0].startswith("python3 -m venv .venv") and "pip install ." in lines[0]
    for line in lines[1:]:
        run_line(line, tmp_path)
        for name in promised_files(line):
            assert (tmp_path / name).is_file(), f"{line}: no {name}"


def test_a_day_in_the_life_runs_in_order(tmp_path: Path) -> None:
    # Installed as in the Quickstart; the profile goes to the isolated config folder (conftest).
    for line in quickstart_lines("## A day in the life"):
        run_line(line, tmp_path)
    assert [path.name for path in tmp_path.glob("out/*.pdf")] == ["ACM-2026-scope.pdf"]
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert "amount: 24000.00}" in text  # the payment
    assert "Logo files in SVG" in text and "kind: scope_change" in text


def test_shell_completion_for_bash_is_produced() -> None:
    env = {**os.environ, "_INWRITING_COMPLETE": "bash_source"}
    command = Path(sys.executable).parent / "inwriting"
    result = subprocess.run([str(command)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "_inwriting_completion" in result.stdout and "complete -o" in result.stdout
