"""The wheel works on its own (templates and fonts inside), and a real word processor opens DOCX."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT, docx_text, in_ci, normalise, pdf_text, sample_paths
from inwriting.project.project_file import load_project
from timeline import sent_on

JERRY_CHANGES = sent_on("jerry-webshop", "change-order").isoformat()  # its timeline's day


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    [wheel] = list(dist.glob("inwriting-*.whl"))
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project = elsewhere / "jerry.yaml"
    shutil.copy(ROOT / "samples" / "jerry-webshop.yaml", project)
    command = environment / "bin" / "inwriting"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(command), "scope", "jerry.yaml", "--as-of", JERRY_CHANGES, "--format", "pdf,docx,md"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = elsewhere / "out"
    assert "Jerry's Garden Supply Inc." in pdf_text((out / "JGS-2026-01-scope.pdf").read_bytes())
    assert "Jerry's Garden Supply Inc." in docx_text((out / "JGS-2026-01-scope.docx").read_bytes())
    # The law data ships too: a Danish reminder with statutory interest (9.75 % = 1.75 + 8),
    # the stop-work notice on the day the sample's timeline sends it.
    shutil.copy(ROOT / "samples" / "havbrise-social.yaml", elsewhere / "havbrise.yaml")
    on = sent_on("havbrise-social", "stop_work").isoformat()
    reminder = subprocess.run(
        [str(command), "nudge", "havbrise.yaml", "--tone", "stop_work", "--as-of", on, "--format", "pdf"],
        cwd=elsewhere, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert reminder.returncode == 0, reminder.stderr
    letter = next((elsewhere / "out").glob("HAV-2026-reminder-*-stop-work.pdf"))
    assert "9,75" in pdf_text(letter.read_bytes())
    # A change order, and pyHanko present for verify: an unsigned PDF has no signature.
    order = subprocess.run(
        [str(command), "change-order", "jerry.yaml", "CR-1", "--format", "pdf", "--as-of", JERRY_CHANGES],
        cwd=elsewhere, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert order.returncode == 0, order.stderr
    checked = subprocess.run(
        [str(command), "verify", "out/JGS-2026-01-change-order-CR-1.pdf"],
        cwd=elsewhere, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert checked.returncode == 1 and "no digital signature" in checked.stdout, checked.stderr
    listing = subprocess.run(
        [str(command), "templates", "list"], capture_output=True, text=True, cwd=elsewhere, env=env
    )
    for language in ("en", "sv", "da", "fi", "ru"):
        for name in ("scope", "reminder-friendly", "reminder-final", "waiting"):
            assert f"{language}/{name}.md.j2" in listing.stdout
    # The package must not be importing from the checkout.
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import inwriting, pathlib; print(pathlib.Path(inwriting.__file__).resolve())",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    )
    assert str(environment) in where.stdout


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind",
    ["scope", "reminder-final", "waiting", "termination", "handoff", "review", "change-order"],
)
@pytest.mark.parametrize("project_path", sample_paths(), ids=lambda p: p.stem)
def test_libreoffice_opens_every_sample_docx(tmp_path: Path, project_path: Path, kind: str) -> None:
    soffice = _soffice()
    if soffice is None:
        if in_ci():
            pytest.fail("CI must have LibreOffice (installed by .ci/run)")
        pytest.skip("LibreOffice is not installed")
    from inwriting.law.ledger import invoice_states
    from inwriting.render.pipeline import render_document

    loaded = load_project(project_path)
    as_of = sent_on(project_path.stem, kind)  # the day the sample's timeline sends it
    overdue = [s for s in invoice_states(loaded.project, as_of) if s.is_overdue]
    params: dict[str, str] = {}
    if kind.startswith("reminder"):
        params = {"invoice": overdue[0].invoice.number}
    if kind == "change-order":
        offered = [c for c in loaded.project.changes if c.status != "rejected"]
        if not offered:
            pytest.skip(f"{project_path.stem} has no change request")
        params = {"change": offered[0].id}
    docx_path = tmp_path / "scope.docx"
    docx_path.write_bytes(
        render_document(loaded, kind, formats=["docx"], as_of=as_of, params=params)["docx"]
    )
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = (tmp_path / "scope.pdf").read_bytes()
    assert normalise(loaded.project.client.name) in normalise(pdf_text(converted))
