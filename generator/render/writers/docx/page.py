"""The page: paper and margins, the logo on page 1, the footer with page N of M and the legal
particulars, the confidentiality notice in the header."""

from __future__ import annotations

import io
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ... import docmodel as dm
from .inline import border
from .theme import MUTED, THEME

PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
MARGIN_MM = 20  # left and right
MARGIN_TOP_MM = 14
MARGIN_BOTTOM_MM = 18  # the footer sits in it
LOGO_MAX_MM = (60, 18)  # width, height: the PDF's size


def set_page(section: Any, paper: str) -> float:
    """The section's paper and margins; the width of the text between them, in mm."""
    width_mm, height_mm = PAPER_MM[paper]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.header_distance = section.footer_distance = Mm(8)
    return width_mm - 2 * MARGIN_MM


def footer(section: Any, meta: dm.DocumentMeta, width_mm: float, legal: str = "") -> None:
    """The running footer: the document's line at the left, page N of M at the right."""
    paragraph = section.footer.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
    border(paragraph, "top", THEME.get().rule_hex, size=4)
    paragraph.add_run(meta.footer + "\t")
    label = meta.page_label
    for piece, field in _page_label_parts(label):
        if piece:
            paragraph.add_run(piece)
        if field:
            _field(paragraph, field)
    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = MUTED
    if legal:
        # The company's legal particulars, under the footer on every page.
        particulars = section.footer.add_paragraph()
        particulars.paragraph_format.space_after = Pt(0)
        run = particulars.add_run(legal)
        run.font.size = Pt(6.5)
        run.font.color.rgb = MUTED


def logo(body: Any, data: bytes) -> None:
    """The logo at the top of page 1, as large as fits 60 × 18 mm, its aspect ratio kept."""
    from docx.image.image import Image

    image = Image.from_blob(data)
    width_mm = image.px_width / image.horz_dpi * 25.4
    height_mm = image.px_height / image.vert_dpi * 25.4
    scale = min(LOGO_MAX_MM[0] / width_mm, LOGO_MAX_MM[1] / height_mm)
    paragraph = body.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(11)
    paragraph.add_run().add_picture(
        io.BytesIO(data), width=Mm(width_mm * scale), height=Mm(height_mm * scale)
    )


def header(section: Any, text: str) -> None:
    """The confidentiality notice at the top right of every page."""
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(7.5)
    run.font.color.rgb = THEME.get().accent


def _page_label_parts(label: str) -> list[tuple[str, str | None]]:
    """'Page {page} of {pages}' -> [('Page ', 'PAGE'), (' of ', 'NUMPAGES'), ('', None)]."""
    parts: list[tuple[str, str | None]] = []
    rest = label
    while True:
        positions = [(rest.find(token), token) for token in ("{page}", "{pages}") if token in rest]
        if not positions:
            parts.append((rest, None))
            return parts
        index, token = min(positions)
        parts.append((rest[:index], "PAGE" if token == "{page}" else "NUMPAGES"))
        rest = rest[index + len(token) :]


def _field(paragraph: Paragraph, instruction: str) -> None:
    # A complex field (begin, instruction, separate, cached result, end) so that Word and
    # LibreOffice both update it; the cached "1" shows until they do.
    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))
