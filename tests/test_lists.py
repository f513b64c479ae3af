"""One list item a line in every format: a closing tag at the end of a template's list item,
table row or heading keeps the line end after it (the hand-off's licences ran together)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from conftest import SAMPLES
from inwriting.project.project_file import load_project
from inwriting.render import docmodel as dm
from inwriting.render.line_ends import keep_line_ends
from inwriting.render.markup import parse_document
from inwriting.render.pipeline import build_document, render_document
from inwriting.render.templating import render_template
from pypdf import PdfReader

AS_OF = dt.date(2026, 11, 22)
WITH_LICENCES = ["jerry-webshop", "severnyi-veter", "tallbacken-bageri"]


def _licences(sample: str) -> list[tuple[str, str]]:
    project = load_project(SAMPLES / f"{sample}.yaml").project
    found = [(licence.name, licence.notes or "") for licence in project.licences or []]
    assert len(found) >= 2  # a list that could run together
    return found


@pytest.mark.parametrize("sample", WITH_LICENCES)
def test_every_licence_is_its_own_item_in_pdf_docx_and_the_model(sample: str) -> None:
    loaded = load_project(SAMPLES / f"{sample}.yaml")
    licences = _licences(sample)
    document = build_document(loaded, "handoff", as_of=AS_OF)
    items = [
        dm.plain_text(item.blocks[0].content)
        for block in document.blocks
        if isinstance(block, dm.ListBlock)
        for item in block.items
        if isinstance(item.blocks[0], dm.Paragraph)
    ]
    for name, notes in licences:
        assert f"{name}: {notes}" in items

    files = render_document(loaded, "handoff", formats=["pdf", "docx"], as_of=AS_OF)
    reader = PdfReader(io.BytesIO(files["pdf"]))
    pdf = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    word = docx.Document(io.BytesIO(files["docx"]))
    paragraphs = {p.text: p.style.name for p in word.paragraphs}
    for (name, notes), following in zip(licences, [*licences[1:], None], strict=True):
        # In the PDF each item starts with its bullet, and no item runs into the next.
        assert f"• {name}:" in pdf, name
        if following is not None:
            last_word = notes.split()[-1]
            assert not re.search(rf"{re.escape(last_word)}\s*-\s*{re.escape(following[0])}", pdf)
        # In the DOCX each item is a paragraph of its own, in a list style.
        assert paragraphs.get(f"{name}: {notes}", "").startswith("List"), name


def test_a_closing_tag_ending_a_list_item_keeps_the_line_end(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        "::: meta\ntitle: T\n:::\n\n{% for x in xs %}\n- {{ x.a }}{% if x.b %}: {{ x.b }}{% endif %}\n{% endfor %}\n\n"
        "| A | B |\n|---|---|\n{% for x in xs %}\n| {{ x.a }} | {% if x.b %}{{ x.b }}{% endif %}\n"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    xs = [{"a": "one", "b": "1"}, {"a": "two", "b": ""}, {"a": "three", "b": "3"}]
    markdown = render_template("t.md.j2", {"xs": xs}, user_dir=tmp_path)
    document = parse_document(markdown, source="t.md.j2")
    lists = [b for b in document.blocks if isinstance(b, dm.ListBlock)]
    assert [dm.plain_text(i.blocks[0].content) for i in lists[0].items] == [
        "one: 1",
        "two",
        "three: 3",
    ]
    (table,) = [b for b in document.blocks if isinstance(b, dm.Table)]
    assert [dm.plain_text(row[1].content) for row in table.rows] == ["1", "", "3"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("- {{ a }}{% endif %}", True),
        ("1. {{ a }}{% endfor %}", True),
        ("| {{ a }} | {% if b %}x{% endif %}", True),
        ("## {{ a }}{% endif %}", True),
        ("- {{ a }}{% endif -%}", False),  # the template asked for the join
        ("- {% for a in b %}", False),  # an opening tag: the item continues below
        ("Text {% if a %}more{% endif %}", False),  # running text
    ],
)
def test_which_lines_keep_their_end(line: str, kept: bool) -> None:
    assert keep_line_ends(line + "\n").endswith("+%}\n") is kept
