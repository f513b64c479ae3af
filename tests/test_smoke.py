"""The shortest path through the pipeline: a sample in, a PDF and DOCX with its content out."""

from __future__ import annotations

import datetime as dt

from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document


def test_jerry_scope_renders_with_client_and_total() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    out = render_document(loaded, "scope", formats=["pdf", "docx"], as_of=dt.date(2026, 11, 22))
    for text in (normalise(pdf_text(out["pdf"])), normalise(docx_text(out["docx"]))):
        assert "Jerry's Garden Supply Inc." in text
        assert "$10,600.00" in text
