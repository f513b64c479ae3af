"""Data can never change a document's structure: hostile values print literally in every format."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.project.project_file import load_project
from inwriting.render.docmodel import Signature, Table
from inwriting.render.pipeline import build_document, render_document
from markdown_it import MarkdownIt

HOSTILE = "Smith & <Jones> *Ltd* | {{ 7*7 }} <font color=red>"
MARKDOWN_TRAPS = [
    "# not a heading",
    "[a link](https://evil.example) and ![img](x.png)",
    "`code` and \\backslash\\ and _under_ and ~~strike~~",
    "1. not a list",
    "- not a bullet",
    "::: signature",
    "<b>bold</b> &amp; &lt; &#32;",
    "{% if true %}jinja{% endif %} {# comment #}",
    "</para><para>reportlab</para>",
    "]]> <![CDATA[ x ]]> <w:t>xml</w:t>",
    "[ ] not a checkbox",
]


def hostile_project(tmp_path: Path) -> Path:
    """The Jerry sample with hostile values written in as YAML double-quoted (JSON) strings.

    Edited as text: a YAML 1.1 round trip (PyYAML) would turn every `on:` key into `true:`.
    """
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    replacements = {
        "  name: Brightline Web Studio LLC": HOSTILE,
        "  name: Jerry's Garden Supply Inc.": "Client " + HOSTILE,
        "  name: Custom ordering system": "Project " + HOSTILE,
        "    title: Product catalog": "Title " + HOSTILE,
        "    description: Staff can add, edit and hide products with photos, prices and stock levels.": "first line\nsecond line | with pipe\n\n# after a blank line",
        "    deliverable: Working checkout on staging with test payments": "Deliverable " + HOSTILE,
    }
    for line, value in replacements.items():
        assert line in text, line
        key = line.split(":")[0]
        text = text.replace(line, f"{key}: {json.dumps(value, ensure_ascii=False)}", 1)
    summary_start = text.index("  summary: >")
    summary_end = text.index("  start:", summary_start)
    text = (
        text[:summary_start]
        + f"  summary: {json.dumps('Summary ' + HOSTILE)}\n"
        + text[summary_end:]
    )
    exclusions = "".join(
        f"  - {json.dumps(f'Trap {index}: {trap}', ensure_ascii=False)}\n"
        for index, trap in enumerate(MARKDOWN_TRAPS)
    )
    start = text.index("exclusions:\n")
    end = text.index("\n\n", start)
    text = text[:start] + "exclusions:\n" + exclusions.rstrip("\n") + text[end:]
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    loaded = load_project(hostile_project(tmp_path_factory.mktemp("hostile")))
    return render_document(
        loaded, "scope", formats=["pdf", "docx", "md"], as_of=dt.date(2026, 11, 22)
    )


def expected_literals() -> list[str]:
    return [
        HOSTILE,
        "Client " + HOSTILE,
        "Project " + HOSTILE,
        "Summary " + HOSTILE,
        "Title " + HOSTILE,
        "Deliverable " + HOSTILE,
        *(f"Trap {index}: {text}" for index, text in enumerate(MARKDOWN_TRAPS)),
    ]


@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_hostile_values_print_literally(rendered: dict[str, bytes], format_name: str) -> None:
    text = normalise(
        pdf_text(rendered["pdf"]) if format_name == "pdf" else docx_text(rendered["docx"])
    )
    for literal in expected_literals():
        assert normalise(literal) in text, literal
    assert "{{ 7*7 }}" in text  # printed as written, never evaluated


def test_markdown_output_reads_back_literally(rendered: dict[str, bytes]) -> None:
    markdown = rendered["md"].decode("utf-8")
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    text = " ".join(
        child.content
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type in ("text", "text_special")
    )
    structural = [
        t
        for t in _all(tokens)
        if t.type in ("html_inline", "html_block", "link_open", "image") and t.content != "<br>"
    ]
    assert structural == []  # only the writer's own line breaks inside table cells
    for literal in expected_literals():
        assert normalise(literal) in normalise(text), literal


def _all(tokens: list) -> list:  # type: ignore[type-arg]
    found = []
    for token in tokens:
        found.append(token)
        found.extend(token.children or [])
    return found


def test_structure_is_unchanged_by_data(tmp_path: Path) -> None:
    hostile = build_document(
        load_project(hostile_project(tmp_path)), "scope", as_of=dt.date(2026, 11, 22)
    )
    plain = build_document(
        load_project(SAMPLES / "jerry-webshop.yaml"), "scope", as_of=dt.date(2026, 11, 22)
    )
    assert [type(b) for b in hostile.blocks] == [type(b) for b in plain.blocks]
    hostile_table = next(b for b in hostile.blocks if isinstance(b, Table))
    plain_table = next(b for b in plain.blocks if isinstance(b, Table))
    assert len(hostile_table.rows) == len(plain_table.rows)
    assert all(len(row) == len(hostile_table.header) for row in hostile_table.rows)
    assert sum(isinstance(b, Signature) for b in hostile.blocks) == 1


def test_docx_table_keeps_its_shape(rendered: dict[str, bytes]) -> None:
    import docx

    document = docx.Document(io.BytesIO(rendered["docx"]))
    scope_table = next(t for t in document.tables if "ID" in t.rows[0].cells[1].text)
    assert len(scope_table.rows) == 1 + 3 + 1  # header, three items, total
    cell = scope_table.rows[1].cells[2].text
    assert "first line\nsecond line | with pipe\n\n# after a blank line" in cell
