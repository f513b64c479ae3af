"""Exit codes and messages, one table for every command: 0 done, 1 a check found something,
2 bad input or a refusal; never a traceback (README, "Exit codes")."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from test_pdfsign import certificate  # noqa: F401 - the fixture, shared
from timeline import sent_on

AS_OF = "2026-11-22"


def on(kind: str) -> tuple[str, ...]:
    """Markdown, on the day Jerry's timeline sends a document of `kind` (tests/timeline.py)."""
    return (
        "--format",
        "md",
        "--as-of",
        sent_on("jerry-webshop", kind).isoformat(),
        "--out",
        "{out}",
    )


MD = on("termination")  # the parting documents' day
# Before the termination decided on 1 December: after it the waiting notice and the open change
# order are refused (tests/test_after_termination.py).
BEFORE = on("waiting")


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    code: int
    message: str
    taken: str | None = None  # a file put in the way first (other content), relative to out/


CASES = {
    "scope": Case(("scope", "{jerry}", *on("scope")), 0, "written"),
    "scope over a different file": Case(
        ("scope", "{jerry}", *on("scope")),
        2,
        "already exist with different content",
        "{id}-scope.md",
    ),
    "scope of a missing file": Case(("scope", "{work}/nope.yaml"), 2, "does not exist"),
    "scope of a broken file": Case(("scope", "{broken}", *MD), 2, "provider.name: duplicate key"),
    "scope with a bad date": Case(
        ("scope", "{jerry}", "--as-of", "2026-02-30"), 2, "February 2026 has 28 days"
    ),
    "sign": Case(("sign", "{jerry}", "--by", "Jerry", "--on", AS_OF), 0, "recorded  signed on"),
    "sign without --by": Case(("sign", "{jerry}", "--on", AS_OF), 2, "Missing option '--by'"),
    # On the timeline's day, before the stop-work notice: during it, CR-1 is refused.
    "change-order": Case(("change-order", "{jerry}", "CR-1", *on("change-order")), 0, "written"),
    "change-order of an unknown id": Case(
        ("change-order", "{jerry}", "CR-9", *MD), 2, "no change request 'CR-9'"
    ),
    "diff": Case(("diff", "{jerry}", "{jerry}"), 0, "no change to the scope"),
    "diff of a broken file": Case(("diff", "{jerry}", "{broken}"), 2, "duplicate key"),
    "nudge": Case(("nudge", "{jerry}", "--tone", "stop_work", *on("stop_work")), 0, "stop-work"),
    "nudge of an unknown invoice": Case(
        ("nudge", "{jerry}", "--invoice", "nope", *MD), 2, "no invoice 'nope'"
    ),
    "waiting": Case(("waiting", "{jerry}", *BEFORE), 0, "written"),
    "waiting over a different file": Case(
        ("waiting", "{jerry}", *BEFORE),
        2,
        "already exist with different content",
        "{id}-waiting.md",
    ),
    "waiting after a decided termination": Case(("waiting", "{jerry}", *MD), 2, "refused"),
    "terminate": Case(("terminate", "{jerry}", *MD), 0, "written"),
    "terminate in an unknown language": Case(
        ("terminate", "{jerry}", "--lang", "de", *MD), 2, "'de' is not one of"
    ),
    "handoff": Case(("handoff", "{jerry}", *MD), 0, "warning: still outstanding"),
    "handoff --require-paid while owed": Case(
        ("handoff", "{jerry}", "--require-paid", *MD), 2, "not written: still outstanding"
    ),
    "review": Case(("review", "{jerry}", *MD), 0, "written"),
    "review over a different file": Case(
        ("review", "{jerry}", *MD), 2, "already exist with different content", "{id}-review.md"
    ),
    "due": Case(("due", "{jerry}", *BEFORE[2:4]), 0, "waiting notice: 2 answers late"),
    "due over a file that is no project": Case(
        ("due", "{work}", "--as-of", AS_OF), 2, "not a project file"
    ),
    "due --render over a different file": Case(
        ("due", "{jerry}", "--render", *BEFORE), 2, "refused", "{id}-waiting.md"
    ),
    "check": Case(("check", "{jerry}"), 0, "ok  "),
    "check of a broken file": Case(("check", "{broken}"), 2, "4:3: provider.name: duplicate key"),
    "schema": Case(("schema",), 0, '"$schema"'),
    "templates list": Case(("templates", "list"), 0, "en/scope.md.j2"),
    "templates eject": Case(("templates", "eject", "en/scope", "--to", "{out}"), 0, "written"),
    "templates eject of an unknown template": Case(
        ("templates", "eject", "en/nothing", "--to", "{out}"), 2, "no built-in template"
    ),
    "templates eject over a different file": Case(
        ("templates", "eject", "en/scope", "--to", "{out}"), 2, "already exist", "en/scope.md.j2"
    ),
    "sign-pdf": Case(("sign-pdf", "{pdf}", "--p12", "{p12}", "--out", "{out}/s.pdf"), 0, "signed"),
    "sign-pdf over an existing file": Case(
        ("sign-pdf", "{pdf}", "--p12", "{p12}", "--out", "{out}/s.pdf"), 2, "exists", "s.pdf"
    ),
    "sign-pdf of a file that is no PDF": Case(
        ("sign-pdf", "{jerry}", "--p12", "{p12}"), 2, "not a PDF file"
    ),
    "verify": Case(("verify", "{signed}"), 0, "intact: the signed content is exactly"),
    "verify finds no signature": Case(("verify", "{pdf}"), 1, "no digital signature"),
    "verify of a file that is no PDF": Case(("verify", "{jerry}"), 2, "not a PDF file"),
}


@pytest.fixture(scope="module")
def pdfs(
    tmp_path_factory: pytest.TempPathFactory,
    certificate: tuple[Path, Path],  # noqa: F811 - the fixture imported above
) -> dict[str, str]:
    """A scope PDF and a signed copy of it, made once for the sign-pdf and verify cases."""
    folder = tmp_path_factory.mktemp("pdfs")
    runner = CliRunner()
    jerry = str(SAMPLES / "jerry-webshop.yaml")
    args = ["scope", jerry, "--format", "pdf", "--as-of", AS_OF, "--out", str(folder)]
    assert runner.invoke(cli, args).exit_code == 0
    pdf, signed = folder / "JGS-2026-01-scope.pdf", folder / "signed.pdf"
    args = ["sign-pdf", str(pdf), "--p12", str(certificate[0]), "--out", str(signed)]
    assert runner.invoke(cli, args, env={"INWRITING_P12_PASSPHRASE": "pw"}).exit_code == 0
    return {"pdf": str(pdf), "signed": str(signed), "p12": str(certificate[0])}


@pytest.mark.parametrize("name", CASES)
def test_exit_code_and_message(name: str, tmp_path: Path, pdfs: dict[str, str]) -> None:
    case = CASES[name]
    work, out = tmp_path / "work", tmp_path / "out"
    work.mkdir()
    shutil.copy(SAMPLES / "jerry-webshop.yaml", work / "jerry.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nprovider:\n  name: A\n  name: B\n", encoding="utf-8")
    (work / "compose.yml").write_text("services: {}\n", encoding="utf-8")
    places = {"jerry": str(work / "jerry.yaml"), "work": str(work), "out": str(out)}
    places |= {"broken": str(broken), "id": "JGS-2026-01", **pdfs}
    if case.taken:
        taken = out / case.taken.format(**places)
        taken.parent.mkdir(parents=True, exist_ok=True)
        taken.write_bytes(b"another version")
    args = [arg.format(**places) for arg in case.args]
    result = CliRunner().invoke(cli, args, env={"INWRITING_P12_PASSPHRASE": "pw"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == case.code, result.output
    assert case.message in result.output, result.output
    if case.taken:  # a refusal wrote nothing over the file in the way
        assert (out / case.taken.format(**places)).read_bytes() == b"another version"


def test_a_bug_is_one_message_with_exit_code_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("inwriting.render.pipeline.render_document", broken)
    monkeypatch.delenv("INWRITING_DEBUG")
    jerry = str(SAMPLES / "jerry-webshop.yaml")
    result = CliRunner().invoke(cli, ["scope", jerry, "--out", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    assert (
        "internal error, a bug in inwriting: ZeroDivisionError: division by zero" in result.output
    )
    assert "INWRITING_DEBUG=1" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    # With INWRITING_DEBUG=1 the error itself comes out, for the bug report.
    monkeypatch.setenv("INWRITING_DEBUG", "1")
    debug = CliRunner().invoke(cli, ["scope", jerry, "--out", str(tmp_path / "out")])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_ctrl_c_is_exit_code_130_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("inwriting.render.pipeline.render_document", interrupted)
    jerry = str(SAMPLES / "jerry-webshop.yaml")
    result = CliRunner().invoke(cli, ["scope", jerry, "--out", str(tmp_path / "out")])
    assert result.exit_code == 130, result.output
    assert "interrupted: nothing half-written was left" in result.output
