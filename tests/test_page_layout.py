"""Pages a professional would send: sign-offs never alone, one-page reminders, URL breaks,
DOCX column widths that fit their amounts, the review marked confidential on every page."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SAMPLES
from docx.oxml.ns import qn
from inwriting.documents.kinds import reminder_kind
from inwriting.documents.reminders import plan_reminders
from inwriting.errors import InputError
from inwriting.project.project_file import load_project
from inwriting.render import docmodel as dm
from inwriting.render.pipeline import build_document
from inwriting.render.writers import WriterOptions
from inwriting.render.writers import docx as docx_writer
from inwriting.render.writers import pdf as pdf_writer
from inwriting.render.writers.docx.tables import CELL_MARGIN_PT
from inwriting.render.writers.layout import unbroken_numbers
from inwriting.render.writers.urls import break_positions, split_pairs
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from timeline import sent_on

AS_OF = dt.date(2026, 11, 22)
TONES = ("friendly", "firm", "stop_work", "final")
OPTIONS = WriterOptions(paper="a4", as_of=AS_OF)


@functools.cache
def options(name: str) -> WriterOptions:
    """The options the CLI writes `name` with: its project's paper (US Letter for a US client)."""
    return WriterOptions(
        paper=load_project(SAMPLES / f"{name.split('/')[0]}.yaml").paper, as_of=AS_OF
    )


MONEY = re.compile(r"^\**(?:[$€₽]\s?)?[\d\s\u00a0\u202f.,]*\d[.,]\d\d(?:\s?(?:kr\.?|€|₽))?\**$")


def sample_documents(sample: Path) -> Iterator[tuple[str, dm.Document]]:
    """(name, document) for every document the samples render (as tests/render_samples.py)."""
    loaded = load_project(sample)
    project = loaded.project

    def build(kind: str, **params: object) -> dm.Document:
        # Each document on the day the sample's timeline sends it (tests/timeline.py).
        on = sent_on(sample.stem, kind)
        return build_document(loaded, kind, as_of=on, params=params or None)

    for kind in ("scope", "waiting", "termination", "handoff", "review"):
        yield f"{sample.stem}/{kind}", build(kind)
    for tone in TONES:
        try:
            plan = plan_reminders(project, sent_on(sample.stem, tone), tone=tone)
        except InputError:
            continue  # a rung below one already sent, or none overdue: refused, none written
        for reminder in plan.reminders:
            name = f"{sample.stem}/reminder-{reminder.invoice}-{reminder.tone}"
            yield name, build(reminder_kind(reminder.tone), invoice=reminder.invoice)
    for change in project.changes or []:
        if change.status != "rejected":
            yield f"{sample.stem}/change-order-{change.id}", build("change-order", change=change.id)


@functools.lru_cache(maxsize=1)
def documents() -> list[tuple[str, dm.Document]]:
    return [item for sample in sorted(SAMPLES.glob("*.yaml")) for item in sample_documents(sample)]


@functools.cache
def pdf_pages(name: str) -> list[str]:
    document = dict(documents())[name]
    reader = PdfReader(io.BytesIO(pdf_writer.write(document, options(name))))
    return [page.extract_text() or "" for page in reader.pages]


def names(prefix: str = "") -> list[str]:
    return [name for name, _ in documents() if prefix in name]


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def sign_off_lines(document: dm.Document) -> set[str]:
    """The lines of the signature blocks and of a closing keep (a letter's sign-off)."""
    blocks = [b for b in document.blocks if isinstance(b, dm.Signature)]
    if document.blocks and isinstance(document.blocks[-1], dm.Keep):
        blocks.append(document.blocks[-1])
    text = dm.Document(document.meta, tuple(blocks))
    lines: set[str] = set()
    for block in text.blocks:
        for inline_text in _texts(block):
            lines.update(_lines(inline_text))
    return lines


def _texts(block: dm.Block) -> Iterator[str]:
    if isinstance(block, (dm.Heading, dm.Paragraph)):
        yield dm.plain_text(block.content)
    elif isinstance(block, dm.Keep):
        for inner in block.blocks:
            yield from _texts(inner)
    elif isinstance(block, dm.Signature):
        for party in block.parties:
            for inner in party.heading:
                yield from _texts(inner)
            for field in party.fields:
                yield dm.plain_text(field.label)
                yield dm.plain_text(field.value)


def content_lines(page: str, meta: dm.DocumentMeta) -> list[str]:
    """A page's lines without the running footer and header."""
    furniture = {meta.footer, meta.confidential}
    return [
        line
        for line in _lines(page)
        if not any(line.startswith(f) for f in furniture if f) and not line.startswith(meta.footer)
    ]


@pytest.mark.parametrize("name", names())
def test_no_page_holds_only_a_signature_block(name: str) -> None:
    document = dict(documents())[name]
    sign_off = sign_off_lines(document)
    for number, page in enumerate(pdf_pages(name), start=1):
        lines = content_lines(page, document.meta)
        # Lines of a signature table may join ("Date: Signature:"): each word must be its.
        words = {word for line in sign_off for word in line.split()}
        alone = all(set(line.split()) <= words for line in lines)
        assert not (lines and alone), f"page {number} holds only the sign-off: {lines}"


def one_invoice_reminders() -> list[str]:
    found = []
    for name, document in documents():
        if "/reminder-" in name:
            tables = [b for b in document.blocks if isinstance(b, dm.Table)]
            if len(tables[0].rows) == 1:
                found.append(name)
    return found


def test_every_sample_has_one_invoice_reminders() -> None:
    assert len(one_invoice_reminders()) >= 10


# Known faults, kept visible (the page layout is generator/render/writers'): the Russian
# stop-work letter of 6 November (one invoice, two interest periods split by a part payment,
# the реквизиты) runs onto a second page.
PDF_ONE_PAGE_OVER = {
    "severnyi-veter/reminder-СЧ-2026-071-stop_work",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason="two pages", strict=True))
        if name in PDF_ONE_PAGE_OVER
        else name
        for name in one_invoice_reminders()
    ],
)
def test_a_one_invoice_reminder_fits_on_one_page(name: str) -> None:
    pages = pdf_pages(name)
    assert len(pages) == 1, f"{len(pages)} pages; page 2 starts {_lines(pages[1])[:2]}"


# Two-invoice letters that must still fit one page: the reviewers' US stop-work and final
# notices (they spilled their closing paragraph and sign-off onto page 2).
SHORT_TWO_INVOICE_LETTERS = [
    "jerry-webshop/reminder-2026-044-stop_work",
    "jerry-webshop/reminder-2026-044-final",
]
# Known faults, kept visible: letters named here still run onto page 2. The US Final Demand
# fitted with no line to spare; its answer to the client's dispute of 2026-044 pushes the closing
# and sign-off onto page 2 of the PDF (the DOCX still fits).
PDF_TWO_PAGES: set[str] = {"jerry-webshop/reminder-2026-044-final"}
DOCX_TWO_PAGES: set[str] = set()


def _known(names: list[str], faulty: set[str], reason: str) -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=reason, strict=True))
        if name in faulty
        else name
        for name in names
    ]


@pytest.mark.parametrize(
    "name", _known(SHORT_TWO_INVOICE_LETTERS, PDF_TWO_PAGES, "closing on page 2")
)
def test_a_short_two_invoice_letter_fits_on_one_page(name: str) -> None:
    pages = pdf_pages(name)
    assert len(pages) == 1, f"{len(pages)} pages; page 2 starts {_lines(pages[1])[:2]}"


@pytest.mark.parametrize(
    ("word", "heads"),
    [
        # A URL breaks at its slashes only ("https://git." at a line end reads as broken) ...
        ("https://git.example/jgs/shop", ["https://git.example/", "https://git.example/jgs/"]),
        # ... unless a piece between them is too long for a narrow column.
        (
            "https://staging.gardensupplyshop.example/admin",
            [
                "https://staging.",
                "https://staging.gardensupplyshop.",
                "https://staging.gardensupplyshop.example/",
            ],
        ),
        ("mette@kystlinje.example", ["mette@", "mette@kystlinje."]),
        (
            "gromov@severnyi-veter.example",
            ["gromov@", "gromov@severnyi-veter."],  # never after "-": reportlab drops it
        ),
        ("www.example.com/", ["www.", "www.example."]),  # no path: its dots
        ("2026-052", []),  # an invoice number is no URL
        ("Org.nr", []),
        ("kr.", []),
    ],
)
def test_url_break_positions(word: str, heads: list[str]) -> None:
    assert [word[:index] for index in break_positions(word)] == heads


def test_no_break_between_the_slashes_of_a_scheme() -> None:
    pairs = split_pairs("https://a.example/b") or []
    assert all(not head.endswith(("https:", "https:/")) for head, _ in pairs)
    assert all(head + tail == "https://a.example/b" for head, tail in pairs)


def pdf_of(blocks: tuple[dm.Block, ...], meta: dm.DocumentMeta | None = None) -> list[str]:
    document = dm.Document(meta or dm.DocumentMeta(title="t"), blocks)
    reader = PdfReader(io.BytesIO(pdf_writer.write(document, OPTIONS)))
    return [page.extract_text() or "" for page in reader.pages]


def test_a_url_in_a_narrow_cell_breaks_only_after_its_punctuation() -> None:
    url = "https://staging.gardensupplyshop.example/admin/products-and-prices"
    cell = dm.Cell((dm.Run(url),))
    wide = dm.Cell((dm.Run("A column that takes most of the width " * 6),))
    table = dm.Table((dm.Cell((dm.Run("URL"),)), dm.Cell((dm.Run("What"),))), ((cell, wide),))
    (page,) = pdf_of((table,))
    pieces = [line for line in page.splitlines() if line and line in url]
    assert len(pieces) >= 2, page  # it did wrap
    assert "".join(pieces) == url  # nothing inserted, nothing lost
    for piece in pieces[:-1]:
        assert piece[-1] in "/.-@", pieces


def test_an_e_mail_address_in_a_paragraph_breaks_after_at_or_a_full_stop() -> None:
    address = "accounts.payable.department@finance.company-name.for.testing.example"
    text = "Please send every question about this invoice to " + address + " today."
    columns = dm.Columns(((dm.Paragraph((dm.Run(text),)),), (dm.Paragraph((dm.Run("x"),)),)))
    (page,) = pdf_of((columns,))
    joined = "".join(page.split())
    assert address in joined
    lines = [line.strip() for line in page.splitlines()]
    cut = [line for line in lines if line and address.startswith(line.split(" ")[-1])]
    assert cut and all(line.split(" ")[-1][-1] in "/.@" for line in cut), lines


def test_a_hyphen_in_an_address_is_never_lost_at_a_line_end() -> None:
    # A break after "-" made reportlab drop the hyphen: it@severnyi-veter.example came out as
    # it@severnyiveter.example in a narrow cell.
    address = "it@severnyi-veter.example"
    for width in range(6, 40, 3):
        cell = dm.Table(
            header=(dm.Cell((dm.Run("a"),)), dm.Cell((dm.Run("b"),))),
            rows=((dm.Cell((dm.Run("x " * width),)), dm.Cell((dm.Run(address),))),),
        )
        (page,) = pdf_of((cell,))
        assert address in "".join(page.split()), (width, page)


@pytest.mark.parametrize("name", names("/review"))
def test_the_review_is_marked_confidential_on_every_page(name: str) -> None:
    document = dict(documents())[name]
    notice = document.meta.confidential
    assert notice.split()[0].isupper() and len(notice) > 10
    pages = pdf_pages(name)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert notice in page, f"page {number}"
    word = docx.Document(io.BytesIO(docx_writer.write(document, options(name))))
    header = word.sections[0].header
    assert not header.is_linked_to_previous
    assert [p.text for p in header.paragraphs] == [notice]


def test_a_letter_carries_no_confidential_notice() -> None:
    name = names("/termination")[0]
    document = dict(documents())[name]
    assert document.meta.confidential == ""
    word = docx.Document(io.BytesIO(docx_writer.write(document, options(name))))
    assert "".join(p.text for p in word.sections[0].header.paragraphs) == ""


def _fallback_width(text: str, bold: bool, size: float) -> float:
    """Width in DejaVu Sans, the widest font LibreOffice draws in place of Arial."""
    pdf_writer.register_fonts(italic=False)
    font = f"{pdf_writer.FONT}-Bold" if bold else pdf_writer.FONT
    return float(pdfmetrics.stringWidth(text, font, size))


@pytest.mark.parametrize("name", names("/reminder-") + names("/scope") + names("/handoff"))
def test_docx_amount_columns_fit_their_longest_amount(name: str) -> None:
    document = dict(documents())[name]
    word = docx.Document(io.BytesIO(docx_writer.write(document, options(name))))
    checked = 0
    for table in word.tables:
        properties = table._tbl.tblPr
        layout = properties.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert grid and all(width > 0 for width in grid)
        if len(table.rows) < 2 or len(grid) != len(table.rows[0].cells):
            continue
        for column, width_twips in enumerate(grid):
            cells = [row.cells[column] for row in table.rows[1:]]
            amounts = [c for c in cells if MONEY.match(c.text.strip())]
            if not amounts:
                continue
            for cell in amounts:
                runs = cell.paragraphs[0].runs
                bold = any(run.bold for run in runs)
                needed = _fallback_width(cell.text.strip(), bold, 8.5) + 2 * CELL_MARGIN_PT
                assert width_twips / 20 >= needed, f"{cell.text!r}: {width_twips / 20:.1f} pt"
                checked += 1
    if "/reminder-" in name:
        assert checked >= 3  # the invoice table and the total are there


def letters() -> list[str]:
    """The letters that end in a sign-off: terminations and reminders."""
    return [name for name in names() if "/termination" in name or "/reminder-" in name]


def _lead_in(document: dm.Document) -> str:
    """The last line of the block before the closing sign-off (a sentence, a list's item)."""
    before = document.blocks[-2]
    if isinstance(before, dm.ListBlock):
        before = before.items[-1].blocks[-1]
    texts = list(_texts(before))
    return _lines(texts[-1])[-1] if texts else ""


@pytest.mark.parametrize("name", [n for n in letters() if "/termination" in n])
def test_a_sign_off_takes_what_leads_into_it_along(name: str) -> None:
    document = dict(documents())[name]
    assert isinstance(document.blocks[-1], dm.Keep)
    first = _lines(next(_texts(document.blocks[-1])))[0]
    lead = " ".join(_lead_in(document).split()[-3:])
    pages = [" ".join(_lines(page)) for page in pdf_pages(name)]
    (signed,) = [number for number, page in enumerate(pages) if first in page][-1:]
    assert lead in " ".join(pages[signed].split()), f"{lead!r} is not on page {signed + 1}"


@functools.cache
def docx_pdf_pages(tmp: str) -> dict[str, list[str]]:
    """Every letter's DOCX as LibreOffice lays it out (one soffice run for them all)."""
    import subprocess

    folder = Path(tmp)
    files = {}
    for index, name in enumerate(letters()):
        path = folder / f"letter-{index}.docx"
        path.write_bytes(docx_writer.write(dict(documents())[name], options(name)))
        files[name] = path
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(path) for path in files.values()],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pages = {}
    for name, path in files.items():
        reader = PdfReader(path.with_suffix(".pdf"))
        pages[name] = [page.extract_text() or "" for page in reader.pages]
    return pages


@pytest.fixture(scope="module")
def docx_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    import shutil

    from conftest import in_ci

    if shutil.which("soffice") is None:
        if in_ci():
            pytest.fail("soffice is needed in CI to lay out the DOCX letters")
        pytest.skip("soffice is not installed")
    return docx_pdf_pages(str(tmp_path_factory.mktemp("docx-letters")))


@pytest.mark.parametrize("name", _known(letters(), DOCX_TWO_PAGES, "names on page 2"))
def test_no_docx_page_holds_only_a_sign_off(name: str, docx_pages: dict[str, list[str]]) -> None:
    document = dict(documents())[name]
    words = {word for line in sign_off_lines(document) for word in line.split()}
    for number, page in enumerate(docx_pages[name], start=1):
        lines = content_lines(page, document.meta)
        alone = all(set(line.split()) <= words for line in lines)
        assert not (lines and alone), f"page {number} holds only the sign-off: {lines}"
        assert not (lines and _is_heading(document, lines[-1])), (
            f"page {number} ends in {lines[-1]!r}"
        )


def _is_heading(document: dm.Document, line: str) -> bool:
    headings = {
        dm.plain_text(b.content).strip()
        for b in _all_blocks(document.blocks)
        if isinstance(b, dm.Heading)
    }
    return line in headings


def _all_blocks(blocks: tuple[dm.Block, ...]) -> Iterator[dm.Block]:
    for block in blocks:
        yield block
        if isinstance(block, dm.Keep):
            yield from _all_blocks(block.blocks)


@pytest.mark.parametrize(
    "name", _known(SHORT_TWO_INVOICE_LETTERS, DOCX_TWO_PAGES, "names on page 2")
)
def test_a_short_two_invoice_letter_fits_on_one_page_in_libreoffice(
    name: str, docx_pages: dict[str, list[str]]
) -> None:
    pages = docx_pages[name]
    assert len(pages) == 1, f"{len(pages)} pages; page 2 starts {_lines(pages[1])[:2]}"


def test_no_date_in_a_docx_table_wraps(docx_pages: dict[str, list[str]]) -> None:
    # "Sep 30, / 2026" in the invoice table: every date of a letter's tables is on one line.
    name = "jerry-webshop/reminder-2026-044-final"
    document = dict(documents())[name]
    dates = {
        " ".join(dm.plain_text(cell.content).split())
        for block in document.blocks
        if isinstance(block, dm.Table)
        for row in block.rows
        for cell in row
        if re.fullmatch(
            r"[A-Z][a-z]{2} \d{1,2}, \d{4}", " ".join(dm.plain_text(cell.content).split())
        )
    }
    assert len(dates) >= 4
    lines = {" ".join(line.split()) for page in docx_pages[name] for line in page.splitlines()}
    text = " ".join(lines)
    for date in dates:
        assert date in text and not any(line.endswith(date.split()[0]) for line in lines), date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("noin 6 500 sanaa", "noin 6\u00a0500 sanaa"),
        ("1 240 000 ₽", "1\u00a0240\u00a0000 ₽"),
        ("items 12 and 345", "items 12 and 345"),  # no group of three after the first
        ("version 2.5 100 words", "version 2.5 100 words"),  # a decimal is not a group
    ],
)
def test_a_number_typed_with_spaces_is_one_word(text: str, expected: str) -> None:
    assert unbroken_numbers(text) == expected


def test_no_line_ends_inside_a_number_or_a_date_in_a_table_cell() -> None:
    # "noin 6 / 500 sanaa" and "19. lokakuuta / 2026" were split over two lines.
    from babel import Locale
    from inwriting.render.templating import environment

    date = environment().filters["date"]
    on = date({"locale": Locale.parse("fi_FI")}, dt.date(2026, 10, 19))
    assert " " not in on  # the filter writes no-break spaces
    for shift in range(12):
        # Every place along the lines in turn falls on a number or a date.
        text = f"{'i' * shift} noin 6 500 sanaa, toimitettu {on} asiakkaalle. " * 6
        table = dm.Table(
            header=(dm.Cell((dm.Run("a"),)), dm.Cell((dm.Run("b"),))),
            rows=((dm.Cell((dm.Run("x " * 200),)), dm.Cell((dm.Run(text),))),),
        )
        (page,) = pdf_of((table,))
        joined = "\n".join(" ".join(line.split()) for line in page.splitlines())
        assert joined.count("6 500") == 6, (shift, joined)
        assert joined.count("19. lokakuuta 2026") == 6, (shift, joined)
