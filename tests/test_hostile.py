"""Hostile input: each ends in one message, exit code 2, no traceback, no hang, no stray file."""

from __future__ import annotations

import email
import errno
import os
import re
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES
from inwriting.cli import cli
from test_pdfsign import certificate, scope_pdf  # fixtures

__all__ = ["certificate", "scope_pdf"]

JERRY = SAMPLES / "jerry-webshop.yaml"
TIME_LIMIT = 60  # seconds; a hang is the failure these guard against, not slowness


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def run_process(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, where blocking on a pipe or device would hang."""
    completed = subprocess.run(
        [sys.executable, "-m", "inwriting", *args],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        **kwargs,  # type: ignore[call-overload]
    )
    assert "Traceback" not in completed.stderr + completed.stdout
    return completed  # type: ignore[no-any-return]


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def edited(tmp_path: Path, *replacements: tuple[str, str], name: str = "p.yaml") -> Path:
    """The Jerry sample with each (pattern, replacement) applied once."""
    text = JERRY.read_text(encoding="utf-8")
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, pattern
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


# --- what is read ---------------------------------------------------------------------------


DEEP_BLOCK = "\n".join(
    ["x:"] + [" " * level + "a:" for level in range(1, 1000)] + [" " * 1000 + "b"]
)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        # 1000 levels: far past Python's recursion limit, were the loader to recurse for each.
        # The 17th collection (the root is the 1st) starts at the value of the 16th key.
        (DEEP_BLOCK, "18:17: nested more than 16 levels deep"),
        # Flow style: the 16th bracket, at column 3 + 16, opens the 17th.
        ("x: " + "[" * 200 + "]" * 200, "2:19: nested more than 16 levels deep"),
        # Just within the limit: an ordinary problem.
        ("x: " + "[" * 15 + "]" * 15, "2:1: x: unknown field"),
    ],
)
def test_deep_nesting_is_refused_at_its_place(body: str, where: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(f"format: 1\n{body}\n")
    result = invoke("check", str(path))
    assert result.exit_code == 2
    assert f"{path}:{where}" in result.output


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("format: 1\n# " + "x" * (1024 * 1024) + "\n")
    result = invoke("check", str(path))
    assert result.exit_code == 2
    assert "the limit is 1,048,576" in result.output


@pytest.mark.parametrize("command", ["check", "scope"])
def test_dev_zero_is_refused_without_reading(command: str, tmp_path: Path) -> None:
    completed = run_process(command, "/dev/zero", cwd=tmp_path)
    assert completed.returncode == 2
    assert "/dev/zero: a device, not a file" in completed.stderr
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("command", ["check", "scope", "verify"])
def test_a_fifo_is_refused_without_blocking(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "project.yaml"
    os.mkfifo(fifo)  # nobody ever writes to it: reading would wait for ever
    completed = run_process(command, str(fifo), cwd=tmp_path)
    assert completed.returncode == 2
    assert "a pipe, not a file" in completed.stderr
    assert files_in(tmp_path) == ["project.yaml"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.output


# --- numbers --------------------------------------------------------------------------------


def test_amounts_hours_counts_and_dates_out_of_range_are_refused_at_their_lines(
    tmp_path: Path,
) -> None:
    path = edited(
        tmp_path,
        (r"^    fee: .*$", "    fee: 1" + "0" * 5000),
        (r"^  hourly_rate: .*$", "  hourly_rate: 1234567890123"),
        (r"^  payment_days: .*$", "  payment_days: " + "9" * 5000),
        (r"^  deposit_percent: .*$", "  deposit_percent: 12.34567"),
        (r"^    issued: .*$", "    issued: 9999-12-31"),
    )
    result = invoke("check", str(path))
    assert result.exit_code == 2
    output = result.output
    fee = line_of(path, "fee: 10000")
    assert (
        f"{path}:{fee}:10: scope[0].fee: too large (10000000000000000000… (5,001 characters)): at most 12 digits"
        in output
    )
    rate = line_of(path, "hourly_rate:")
    assert f"{path}:{rate}:16: terms.hourly_rate: too large (1234567890123)" in output
    days = line_of(path, "payment_days:")
    assert (
        f"{path}:{days}:17: terms.payment_days: too large (99999999999999999999… (5,000 characters)): at most 9999"
        in output
    )
    assert "terms.deposit_percent: more than 4 decimals (12.34567)" in output
    assert (
        "invoices[0].issued: not a likely date (9999-12-31): the year must be from 1900 to 2199"
        in output
    )
    assert max(len(line) for line in output.splitlines()) < 200  # no value printed in full


def test_the_largest_amounts_allowed_render(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        (r"^    fee: .*$", "    fee: 999999999999.99"),
        (r"^  hourly_rate: .*$", "  hourly_rate: 999999999999.99"),
        (r"^  payment_days: .*$", "  payment_days: 9999"),
    )
    out = tmp_path / "out"
    result = invoke(
        "scope", str(path), "--format", "md", "--out", str(out), "--as-of", "2026-11-01"
    )
    assert result.exit_code == 0, result.output
    assert "999,999,999,999.99" in (out / "JGS-2026-01-scope.md").read_text(encoding="utf-8")


def test_hours_with_more_than_six_digits_and_unicode_digits_are_refused(tmp_path: Path) -> None:
    path = edited(tmp_path, (r"^    fee: .*$", "    fee: ١٢٣"))
    result = invoke("check", str(path))
    assert result.exit_code == 2 and "scope[0].fee: not an amount of money (١٢٣)" in result.output


def test_as_of_outside_the_years_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("nudge", str(JERRY), "--as-of", "9999-12-31", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2 and "the year must be from 1900 to 2199" in result.output
    assert files_in(tmp_path) == []


# --- e-mail headers -------------------------------------------------------------------------

INJECTION = "\\nBcc: evil@example.com\\nX-Evil: 1"  # YAML escapes: real line breaks in the value
IN_TEMPLATE = INJECTION.replace("\\", "\\\\")  # the same, through re.sub's template
HEADERS = [
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "X-Unsent",
    "MIME-Version",
    "Content-Type",
]


def eml_headers(path: Path, tmp_path: Path) -> email.message.EmailMessage:
    out = tmp_path / "out"
    result = invoke(
        "waiting", str(path), "--format", "eml", "--out", str(out), "--as-of", "2026-11-21"
    )
    assert result.exit_code == 0, result.output
    (eml,) = out.glob("*.eml")
    # Headers are ASCII, or RFC 6532 UTF-8 for an address with no ASCII form; the body is
    # quoted-printable or base64 either way.
    message = email.message_from_string(eml.read_bytes().decode("utf-8"), policy=policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert list(message.keys()) == HEADERS  # nothing added, nothing lost
    return message


@pytest.mark.parametrize(
    ("pattern", "field"),
    [
        (r"^(provider:\n  name: ).*\n  contact: .*$", "provider name"),
        (r"^(  contact: )Dana Ortiz$", "provider contact"),
        (r"^(client:\n  name: ).*\n  contact: .*$", "client name"),
        (r"^(  contact: )Jerry.*$", "client contact"),
        (r"^(  name: )Custom ordering system$", "document title"),
    ],
)
def test_a_line_break_in_a_name_or_title_cannot_add_a_header(
    pattern: str, field: str, tmp_path: Path
) -> None:
    path = edited(tmp_path, (pattern, rf'\1"Name {IN_TEMPLATE}"'))
    message = eml_headers(path, tmp_path)
    shown = " ".join(" ".join(str(message[h]).split()) for h in ("From", "To", "Subject"))
    assert "Name Bcc: evil@example.com X-Evil: 1" in shown, field


@pytest.mark.parametrize("who", ["provider", "client"])
def test_a_bad_email_address_is_refused_at_its_line(who: str, tmp_path: Path) -> None:
    address = {"provider": "dana@brightline.example", "client": "jerry@gardensupply.example"}[who]
    path = edited(tmp_path, (rf"email: {address}$", rf'email: "{address}{IN_TEMPLATE}"'))
    result = invoke("check", str(path))
    assert result.exit_code == 2
    line = line_of(path, "Bcc:")
    shown = f"{address}\\nBcc: evil@example.com\\nX-Evil: 1"  # one line, cut short
    assert (
        f"{path}:{line}:10: {who}.email: not an e-mail address ({shown[:20]}… ({len(shown) - 2} characters)); "
        "write one address like name@example.com\n"
    ) in result.output


@pytest.mark.parametrize(
    "address",
    ["two@at@signs.example", "no-domain@", "a b@space.example", "x@[1.2.3.4]", "x@bad..example"],
)
def test_addresses_that_are_not_addresses_are_refused(address: str, tmp_path: Path) -> None:
    path = edited(tmp_path, (r"email: dana@brightline.example$", f'email: "{address}"'))
    result = invoke("check", str(path))
    assert result.exit_code == 2 and "provider.email: not an e-mail address" in result.output


def test_quotes_commas_angles_and_non_ascii_are_encoded(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        (r"^(  contact: )Dana Ortiz$", r'\1"Dana \"DO\" Ortiz, <Studio> Åström"'),
        (r"email: dana@brightline.example$", "email: dana@brightlïne.example"),
        (r"^(  contact: )Jerry.*$", r"\1Ёжик Иванов"),
        (r"email: jerry@gardensupply.example$", "email: ёжик@почта.рф"),
    )
    message = eml_headers(path, tmp_path)
    (sender,) = message["From"].addresses
    assert sender.display_name == 'Dana "DO" Ortiz, <Studio> Åström'
    assert sender.addr_spec == "dana@xn--brightlne-65a.example"  # IDNA, the ASCII form
    (recipient,) = message["To"].addresses
    assert recipient.display_name == "Ёжик Иванов"
    # No ASCII form exists for a Cyrillic name before the @: RFC 6532 UTF-8, not encoded words.
    assert recipient.addr_spec == "ёжик@xn--80a1acny.xn--p1ai"
    assert message["Message-ID"].endswith("@xn--brightlne-65a.example>")


def test_ascii_samples_keep_encoded_word_headers(tmp_path: Path) -> None:
    path = edited(tmp_path, (r"^(  contact: )Dana Ortiz$", r"\1Dana Åström"))
    out = tmp_path / "out"
    invoke("waiting", str(path), "--format", "eml", "--out", str(out), "--as-of", "2026-11-21")
    (eml,) = out.glob("*.eml")
    assert (
        b"From: Dana =?utf-8?q?=C3=85str=C3=B6m?= <dana@brightline.example>\r\n" in eml.read_bytes()
    )


# --- where documents go ---------------------------------------------------------------------


def scope_into(out: Path, *extra: str) -> Result:
    return invoke(
        "scope",
        str(JERRY),
        "--format",
        "md,pdf",
        "--out",
        str(out),
        "--as-of",
        "2026-11-01",
        *extra,
    )


def test_out_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    result = scope_into(blocker / "docs")
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder. Choose another --out" in result.output
    assert "nothing was written" in result.output
    assert files_in(tmp_path) == ["notes.txt"] and blocker.read_text() == "mine"


def test_out_in_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, whom chmod does not stop: the refusal is injected where the
    # operating system would give it.
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refused)
    result = scope_into(tmp_path / "out")
    assert result.exit_code == 2
    assert (
        "nothing was written: permission denied. Choose a folder you can write to" in result.output
    )
    assert files_in(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_out_in_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = scope_into(folder)
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 2 and "permission denied" in result.output
    assert files_in(folder) == []


def test_a_full_disk_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = scope_into(tmp_path / "out")
    assert result.exit_code == 2
    assert "nothing was written: the disk is full" in result.output
    assert files_in(tmp_path) == []  # not even the folder it made
    monkeypatch.setattr(os, "fsync", real_fsync)


def test_when_the_second_file_fails_the_first_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old_md = out / "JGS-2026-01-scope.md"
    old_md.write_bytes(b"an older checklist")
    real_replace = os.replace
    calls: list[str] = []

    def second_fails(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", second_fails)
    result = scope_into(out, "--force")
    assert result.exit_code == 2 and "nothing was written" in result.output
    assert len(calls) == 2  # the first file had been renamed into place
    assert files_in(out) == ["JGS-2026-01-scope.md"]
    assert old_md.read_bytes() == b"an older checklist"


# --- PDFs and signing -----------------------------------------------------------------------


def test_verify_refuses_a_huge_pdf_unread(tmp_path: Path) -> None:
    pdf = tmp_path / "huge.pdf"
    with pdf.open("wb") as stream:  # sparse: 60 MB on paper, nothing on disk
        stream.write(b"%PDF-1.7\n")
        stream.seek(60 * 1024 * 1024)
        stream.write(b"\n%%EOF\n")
    completed = run_process("verify", str(pdf))
    assert completed.returncode == 2
    assert "the limit is 52,428,800" in completed.stderr


def test_verify_refuses_a_pdf_without_its_end_quickly(tmp_path: Path) -> None:
    # pyHanko would look for %%EOF a byte at a time through all of this (minutes, gigabytes).
    pdf = tmp_path / "cut.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%" + b"x" * (5 * 1024 * 1024))
    completed = run_process("verify", str(pdf))
    assert completed.returncode == 2
    assert "not a complete PDF: the end is missing" in completed.stderr


@pytest.mark.parametrize("content", [b"not a pdf at all", b"%PDF-1.7\nstartxref\n99999\n%%EOF\n"])
def test_verify_refuses_what_is_not_a_pdf(content: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(content)
    result = invoke("verify", str(pdf))
    assert result.exit_code == 2
    assert (
        result.output.startswith(f"Error: {pdf}: not a PDF file")
        or "cannot read this PDF" in result.output
    )


def test_sign_pdf_without_a_terminal_says_how_to_give_the_passphrase(tmp_path: Path) -> None:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    key = tmp_path / "me.p12"
    key.write_bytes(b"not really")
    env = {k: v for k, v in os.environ.items() if k != "INWRITING_P12_PASSPHRASE"}
    completed = run_process(
        "sign-pdf", str(pdf), "--p12", str(key), stdin=subprocess.DEVNULL, env=env
    )
    assert completed.returncode == 2
    assert "GetPassWarning" not in completed.stderr
    assert "set INWRITING_P12_PASSPHRASE or pass --passphrase" in completed.stderr
    assert files_in(tmp_path) == ["doc.pdf", "me.p12"]


def test_sign_pdf_into_a_folder_that_is_a_file(
    scope_pdf: Path, certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    before = files_in(tmp_path)
    result = invoke(
        "sign-pdf",
        str(scope_pdf),
        "--p12",
        str(certificate[0]),
        "--out",
        str(blocker / "s.pdf"),
        env={"INWRITING_P12_PASSPHRASE": "pw"},
    )
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.output
    assert files_in(tmp_path) == before
