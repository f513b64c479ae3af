"""Shared fixtures: sample paths, text extraction from PDF and DOCX, an isolated home."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXAMPLES = ROOT.parent / "shared" / "examples"


def pytest_configure(config: pytest.Config) -> None:
    """Documents some test modules build while they are collected accept the last rate too."""
    from inwriting.law.rate_sources import accept_last_rate

    accept_last_rate(True)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Keep the developer's real home and config out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("INWRITING_PROFILE", raising=False)  # the profile: only the test's own
    # A bug shows its traceback in tests (users get one message: cli/app.py).
    monkeypatch.setenv("INWRITING_DEBUG", "1")
    # The samples are dated 2026-11-22, past the rate tables: like `render_samples.py`, the
    # tests accept the last published rate (the letters say so). tests/test_rates_known_until.py
    # turns this off to test the refusal.
    monkeypatch.delenv("INWRITING_RATES", raising=False)
    monkeypatch.setenv("INWRITING_LAST_RATE", "1")
    from inwriting.law.rate_sources import accept_last_rate

    accept_last_rate(True)
    yield


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.yaml"))


def pdf_text(data: bytes) -> str:
    """All text of a PDF, pages joined, as pypdf extracts it."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(data: bytes) -> str:
    """All text of a DOCX: body paragraphs, tables (nested too) and footers, in order."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []

    def walk(container: object) -> None:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                parts.append(block.text)

    walk(document)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def normalise(text: str) -> str:
    """Fold Babel's no-break spaces and all line ends into single spaces."""
    for char in ("\u00a0", "\u202f", "\u2009"):
        text = text.replace(char, " ")
    return " ".join(text.split())


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def without_stop_work(loaded):  # type: ignore[no-untyped-def]
    """A loaded sample as if no stop-work notice had been sent: the same schedule and client
    delays, no suspension (a change order that adds work is refused during one)."""
    import dataclasses

    project = loaded.project
    invoices = [
        invoice.model_copy(
            update={"reminders": [r for r in invoice.reminders if r.tone != "stop_work"]}
        )
        for invoice in project.invoices
    ]
    return dataclasses.replace(loaded, project=project.model_copy(update={"invoices": invoices}))
