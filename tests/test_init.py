"""init and init-profile: a new file from options or questions, that checks and renders."""

from __future__ import annotations

import datetime as dt
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import pdf_text
from inwriting.cli import cli
from inwriting.project import edit
from inwriting.project.profile import default_profile_path
from inwriting.project.project_file import load_project
from inwriting.project.starter import parse_item, project_id

TODAY = dt.date(2026, 11, 22)
ANSWERS = [
    "--client",
    "Jerry's Garden Supply Inc.",
    "--contact",
    "Jerry Malone",
    "--client-email",
    "jerry@gardensupply.example",
    "--name",
    "Web shop",
    "--item",
    "Catalogue = 3200",
    "--item",
    "Checkout: cards and invoices = 20h",
    "--exclusion",
    "Product photography",
    "--language",
    "sv",
]
PROVIDER = ["--provider", "Brightline Web Studio", "--hourly-rate", "95", "--jurisdiction", "se"]


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edit, "today", lambda: TODAY)


def run(*args: str | Path, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(cli, [str(arg) for arg in args])
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_init_from_options_writes_a_file_that_checks_and_renders(tmp_path: Path) -> None:
    code, output = run("init", *ANSWERS, *PROVIDER, cwd=tmp_path)
    assert code == 0, output
    path = tmp_path / "jgs-2026.yaml"
    assert "written  jgs-2026.yaml" in output
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=./inwriting.schema.json\n")
    assert '"Checkout: cards and invoices"' in text  # quoted only where YAML needs it
    assert (tmp_path / "inwriting.schema.json").read_text().startswith("{")
    project = load_project(path).project
    assert (project.client.name, project.client.contact) == (
        "Jerry's Garden Supply Inc.",
        "Jerry Malone",
    )
    assert (project.project.id, project.project.start, project.language) == (
        "JGS-2026",
        TODAY,
        "sv",
    )
    assert [(i.id, i.title, i.fee, i.hours) for i in project.scope] == [
        ("A", "Catalogue", 3200, None),
        ("B", "Checkout: cards and invoices", None, 20),
    ]
    assert project.exclusions == ["Product photography"]
    assert (project.terms.payment_days, project.terms.hourly_rate) == (14, 95)
    assert (project.jurisdiction, project.currency) == ("SE", "SEK")  # the country's currency
    out = tmp_path / "out"
    code, output = run("scope", path, "--out", out, "--format", "pdf", "--as-of", "2026-11-22")
    assert code == 0, output
    text = pdf_text((out / "JGS-2026-scope.pdf").read_bytes())
    assert "Catalogue" in text and "Product photography" in text


def test_init_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("# mine\n")
    code, output = run("init", path, *ANSWERS, *PROVIDER)
    assert code == 2
    assert "already exists; nothing was written" in output
    assert path.read_text() == "# mine\n"
    # the name made from the id, too
    (tmp_path / "jgs-2026.yaml").write_text("# also mine\n")
    code, output = run("init", *ANSWERS, *PROVIDER, cwd=tmp_path)
    assert code == 2
    assert (tmp_path / "jgs-2026.yaml").read_text() == "# also mine\n"


def test_without_a_terminal_the_missing_answers_are_named(tmp_path: Path) -> None:
    code, output = run("init", tmp_path / "new.yaml", "--client", "Jerry")
    assert code == 2
    assert "missing answers: give --name, --item, --provider, --hourly-rate" in output
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--client-email", "jerry at home"), "--client-email: not an e-mail address"),
        (("--item", "Logo = lots"), "--item: 'lots' is not an amount"),
        (("--jurisdiction", "Sweden"), "--jurisdiction: 'Sweden' is not a 2-letter code"),
        (("--client", "a\u202eb"), "--client: the answer holds the invisible character U+202E"),
    ],
)
def test_init_refuses_a_bad_answer(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    code, output = run("init", tmp_path / "new.yaml", *ANSWERS, *PROVIDER, *args)
    assert code == 2
    assert message in output
    assert sorted(tmp_path.iterdir()) == []


def test_a_profile_answers_the_provider_and_terms(tmp_path: Path) -> None:
    profile = default_profile_path()
    assert str(profile).startswith(os.environ["XDG_CONFIG_HOME"])  # never the real one
    code, output = run(
        "init-profile",
        "--provider",
        "Brightline Web Studio",
        "--address",
        "120 Market Street",
        "--address",
        "Portland, OR 97204",
        "--email",
        "dana@brightline.example",
        "--iban",
        "SE45 5000 0000 0583 9825 7466",
        "--bic",
        "ESSESESS",
        "--jurisdiction",
        "SE",
        "--currency",
        "SEK",
        "--notice-days",
        "30",
        "--hourly-rate",
        "850",
    )
    assert code == 0, output
    assert profile.is_file()
    code, output = run("init", tmp_path / "p.yaml", *ANSWERS)
    assert code == 0, output  # no --provider, --hourly-rate or --jurisdiction needed
    project = load_project(tmp_path / "p.yaml").project
    assert project.provider.name == "Brightline Web Studio"
    assert project.provider.bank is not None and project.provider.bank.bic == "ESSESESS"
    assert (project.currency, project.terms.notice_days, project.terms.hourly_rate) == (
        "SEK",
        30,
        850,
    )
    assert project.client.name == "Jerry's Garden Supply Inc."


def test_init_profile_never_overwrites_and_checks_the_bank(tmp_path: Path) -> None:
    target = tmp_path / "profile.yaml"
    code, output = run(
        "init-profile", target, "--provider", "Me", "--iban", "SE45 5000 0000 0583 9825 7467"
    )
    assert code == 2
    assert "--iban: not a valid IBAN" in output
    assert not target.exists()
    target.write_text("# mine\n")
    code, output = run("init-profile", target, "--provider", "Me")
    assert code == 2
    assert "already exists" in output and target.read_text() == "# mine\n"


def test_scope_items_and_ids() -> None:
    assert parse_item("Logo = 1 200,50").fee == 1200.50
    assert parse_item("Texts = 2.5h").hours == 2.5
    assert parse_item("A = B = 10").title == "A = B"
    assert project_id("Jerry's Garden Supply Inc.", 2026) == "JGS-2026"
    assert project_id("ООО «Северный ветер»", 2026) == "SV-2026"
    assert project_id("Acme AB", 2026) == "ACM-2026"


def test_init_asks_in_a_terminal(tmp_path: Path) -> None:
    """The questions in a real pseudo-terminal, a wrong answer asked again."""
    answers = [
        "Jerry's Garden Supply Inc.",  # client
        "",  # contact
        "not an address",  # client e-mail: asked again
        "jerry@gardensupply.example",
        "Web shop",  # project name
        "",  # id: the proposed JGS-2026
        "",  # start: today
        "",  # end: none
        "Catalogue = 3200",
        "Checkout = 20h",
        "",  # end of the scope items
        "Product photography",
        "",  # end of the exclusions
        "",  # language: en
        "Brightline Web Studio",  # provider
        "",  # provider e-mail
        "FI",  # jurisdiction
        "",  # currency: EUR, Finland's
        "",  # payment days: 14
        "",  # feedback days: 5
        "95",  # hourly rate
    ]
    primary, secondary = pty.openpty()
    env = {**os.environ, "INWRITING_DEBUG": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "inwriting", "init", "asked.yaml"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        cwd=tmp_path,
        env=env,
        close_fds=True,
    )
    os.close(secondary)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + float(os.environ.get("PTY_DEADLINE", "120"))
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            output += chunk
            # one answer per question: a question ends in ": " and waits
            if output.rstrip(b" ").endswith(b":") and pending:
                os.write(primary, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    if process.poll() is None:  # stuck on a question nobody answers: fail, do not hang
        process.kill()
    process.wait(timeout=30)
    os.close(primary)
    text = output.decode(errors="replace")
    assert process.returncode == 0, text
    assert "Client's name" in text and "not an e-mail address" in text
    project = load_project(tmp_path / "asked.yaml").project
    assert project.client.email == "jerry@gardensupply.example"
    assert [item.title for item in project.scope] == ["Catalogue", "Checkout"]
    assert (project.jurisdiction, project.provider.name) == ("FI", "Brightline Web Studio")
    assert project.currency == "EUR"
