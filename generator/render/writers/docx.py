"""DOCX writer (python-docx): styles, tables, signature lines, a page-N-of-M footer and
branding (logo, accent colour, typeface, legal footer)."""

from __future__ import annotations

import contextvars
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from .. import docmodel as dm
from . import Brand, WriterOptions
from .layout import column_shares, column_widths

FONT = "Arial"
SYMBOL_FONT = "Segoe UI Symbol"  # has ☐ ☑; Word and LibreOffice substitute where it is missing
INK = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x59, 0x63, 0x6E)
ACCENT = RGBColor(0x1D, 0x35, 0x57)
RULE_HEX = "C9D1D9"
ACCENT_HEX = "1D3557"
HEADER_FILL_HEX = "EEF2F6"
PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
MARGIN_MM = 20  # left and right
MARGIN_TOP_MM = 16
MARGIN_BOTTOM_MM = 18  # the footer sits in it
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MM_PER_POINT = 25.4 / 72
_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
LANGUAGE_TAGS = {"en": "en-US", "sv": "sv-SE", "da": "da-DK", "fi": "fi-FI", "ru": "ru-RU"}
LOGO_MAX_MM = (60, 18)  # width, height: the PDF's size


@dataclass(frozen=True)
class _Theme:
    """The font and colours of one document: the defaults, or its branding's."""

    font: str = FONT
    accent: RGBColor = ACCENT
    accent_hex: str = ACCENT_HEX
    rule_hex: str = RULE_HEX


# The theme of the document being written; set for the length of one write(), so the many
# small helpers need not pass it along (a batch writes documents in separate processes).
_DEFAULT_THEME = _Theme()
_THEME: contextvars.ContextVar[_Theme] = contextvars.ContextVar("theme", default=_DEFAULT_THEME)


def _theme_of(brand: Brand | None) -> _Theme:
    if brand is None:
        return _DEFAULT_THEME
    accent_hex = (brand.accent or f"#{ACCENT_HEX}").lstrip("#").upper()
    if len(accent_hex) == 3:
        accent_hex = "".join(digit * 2 for digit in accent_hex)
    return _Theme(
        font=brand.font_name or FONT,
        accent=RGBColor.from_string(accent_hex),
        accent_hex=accent_hex,
        rule_hex=accent_hex if brand.accent else RULE_HEX,
    )


def write(document: dm.Document, options: WriterOptions) -> bytes:
    """The document as DOCX bytes; the same document and options always give the same bytes."""
    token = _THEME.set(_theme_of(options.brand))
    try:
        return _write(document, options)
    finally:
        _THEME.reset(token)


def _write(document: dm.Document, options: WriterOptions) -> bytes:
    word = docx.Document()
    _drop_thumbnail(word)
    width_mm, height_mm = PAPER_MM[options.paper]
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.header_distance = section.footer_distance = Mm(8)
    _set_styles(word, document.meta.language)
    _set_properties(word, document.meta, options.as_of)
    body = word._body  # the document body is a block container like a table cell
    text_width_mm = width_mm - 2 * MARGIN_MM
    brand = options.brand
    if brand is not None and brand.logo is not None:
        _logo(body, brand.logo)
    _Builder(word, text_width_mm).blocks(body, document.blocks)
    _footer(section, document.meta, text_width_mm, brand.legal if brand else "")
    if document.meta.confidential:
        _header(section, document.meta.confidential)
    return _save(word)


class _Builder:
    def __init__(self, word: Any, width_mm: float) -> None:
        self.word = word
        self.width_mm = width_mm

    def blocks(
        self, container: Any, blocks: Iterable[dm.Block], width_mm: float | None = None
    ) -> None:
        width = width_mm or self.width_mm
        items = list(blocks)
        for index, block in enumerate(items):
            self.block(container, block, width)
            following = items[index + 1] if index + 1 < len(items) else None
            leads_in = isinstance(block, (dm.Paragraph, dm.ListBlock, dm.Heading))
            if isinstance(following, (dm.Signature, dm.Keep)) and leads_in:
                # What leads into the signatures or a sign-off (a sentence, a list's last
                # item) stays on their page.
                container.paragraphs[-1].paragraph_format.keep_with_next = True

    def block(self, container: Any, block: dm.Block, width_mm: float) -> None:
        if isinstance(block, dm.Heading):
            paragraph = _paragraph(container, f"Heading{min(block.level, 6)}")
            _inline(paragraph, block.content)
        elif isinstance(block, dm.Paragraph):
            _inline(container.add_paragraph(), block.content)
        elif isinstance(block, dm.ListBlock):
            self.list_block(container, block)
        elif isinstance(block, dm.Table):
            self.table(container, block, width_mm)
        elif isinstance(block, dm.Columns):
            self.side_by_side(container, [list(c) for c in block.columns], width_mm)
            if not isinstance(container, _Cell):
                # LibreOffice keeps no chain of keep-with-next paragraphs that starts right
                # after a table (the sign-off stood alone on page 2): a hairline paragraph.
                spacer = container.add_paragraph().paragraph_format
                spacer.space_after = Pt(0)
                spacer.line_spacing = Pt(1)
        elif isinstance(block, dm.Signature):
            self.signature(container, block, width_mm)
        elif isinstance(block, dm.Quote):
            for inner in block.blocks:
                if isinstance(inner, dm.Paragraph):
                    _inline(_paragraph(container, "Quote"), inner.content)
                else:
                    self.block(container, inner, width_mm)
        elif isinstance(block, dm.Chart) and block.bars:
            from .charts import png

            paragraph = container.add_paragraph()
            paragraph.add_run().add_picture(io.BytesIO(png(block)), width=Mm(min(width_mm, 160)))
        elif isinstance(block, dm.QrCode):
            from .qr import SIZE_MM
            from .qr import png as qr_png

            paragraph = container.add_paragraph()
            paragraph.add_run().add_picture(io.BytesIO(qr_png(block)), width=Mm(SIZE_MM))
            if block.caption:
                # The caption right under its code, in the same cell and on the same page.
                paragraph.paragraph_format.space_after = Pt(1)
                paragraph.paragraph_format.keep_with_next = True
                caption = _paragraph(container, "Small")
                caption.paragraph_format.space_after = Pt(4)
                _inline(caption, (dm.Run(block.caption),))
        elif isinstance(block, dm.Keep):
            before = len(container.paragraphs)
            self.blocks(container, block.blocks, width_mm)
            kept = container.paragraphs[before:]
            for paragraph in kept:
                # Keep lines too: the name, e-mail and phone of a sign-off are one paragraph.
                paragraph.paragraph_format.keep_together = True
            for paragraph in kept[:-1]:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, dm.PageBreak):
            container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, dm.Rule):
            _border(container.add_paragraph(), "bottom", _THEME.get().rule_hex, size=4)

    def list_block(self, container: Any, block: dm.ListBlock, level: int = 1) -> None:
        kind = "ListNumber" if block.ordered else "ListBullet"
        style = kind if level == 1 else f"{kind}{min(level, 3)}"
        for item in block.items:
            for index, inner in enumerate(item.blocks):
                if isinstance(inner, dm.ListBlock):
                    self.list_block(container, inner, level + 1)
                    continue
                if not isinstance(inner, dm.Paragraph):
                    self.block(container, inner, self.width_mm)
                    continue
                if item.checkbox is not None and index == 0:
                    paragraph = container.add_paragraph()
                    fmt = paragraph.paragraph_format
                    fmt.left_indent = Mm(6 * level)
                    fmt.first_line_indent = Mm(-6)
                    fmt.space_after = Pt(2)
                    _inline(paragraph, (item.checkbox, dm.Run("\t"), *inner.content))
                    fmt.tab_stops.add_tab_stop(Mm(6 * level))
                else:
                    _inline(_paragraph(container, style), inner.content)

    def table(self, container: Any, block: dm.Table, width_mm: float) -> None:
        points = column_widths(block, width_mm / MM_PER_POINT, _measure_points, 5.4)
        widths = [Mm(width * MM_PER_POINT) for width in points]
        rows = [block.header, *block.rows]
        table = _add_table(container, len(rows), len(widths), width_mm)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _table_borders(table, inside=True)
        for row_index, row in enumerate(rows):
            style = "TableHeading" if row_index == 0 else "TableText"
            for column, (cell, target) in enumerate(
                zip(row, table.rows[row_index].cells, strict=True)
            ):
                target.width = widths[column]
                paragraph = target.paragraphs[0]
                paragraph._p.style = style
                if cell.align in ("right", "center"):
                    paragraph.alignment = _ALIGN[cell.align]
                _inline(paragraph, cell.content)
                if row_index == 0:
                    _shade(target, HEADER_FILL_HEX)
        _repeat_header(table.rows[0])
        _set_grid(table, [width * MM_PER_POINT for width in points])
        container.add_paragraph().paragraph_format.space_after = Pt(2)

    def side_by_side(
        self, container: Any, columns: list[list[dm.Block]], width_mm: float
    ) -> list[_Cell]:
        gap = 8.0
        shares = column_shares(dm.Columns(tuple(tuple(c) for c in columns)), width_mm, gap)
        widths: list[float] = []
        for index, width in enumerate(shares):
            widths += [gap, width] if index else [width]
        table = _add_table(container, 1, len(widths), width_mm)
        table.autofit = False
        _table_borders(table, inside=False)
        cells = table.rows[0].cells
        filled = []
        for index, blocks in enumerate(columns):
            cell = cells[index * 2]
            self.blocks(cell, blocks, shares[index])
            _tidy_cell(cell)
            filled.append(cell)
        for cell, cell_width in zip(cells, widths, strict=True):
            cell.width = Mm(cell_width)
            _no_margins(cell)
        _set_grid(table, widths)
        return filled

    def signature(self, container: Any, block: dm.Signature, width_mm: float) -> None:
        cells = self.side_by_side(container, [list(p.heading) for p in block.parties], width_mm)
        # The signature lines are never torn across two pages.
        cells[0]._tc.getparent().get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, party in zip(cells, block.parties, strict=True):
            for field in party.fields:
                value = cell.add_paragraph()
                value.paragraph_format.space_before = Pt(14)
                value.paragraph_format.space_after = Pt(0)
                value.paragraph_format.keep_with_next = True
                _inline(value, field.value, size=8.5)
                _border(value, "bottom", "1F2328", size=6)
                label = cell.add_paragraph()
                label.paragraph_format.space_after = Pt(2)
                _inline(label, field.label, size=7.5, color=MUTED)
            _tidy_cell(cell)


def _paragraph(container: Any, style_id: str) -> Paragraph:
    # Set the style id directly: python-docx's lookup by name scans every style each time.
    paragraph: Paragraph = container.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def _add_table(container: Any, rows: int, columns: int, width_mm: float) -> Any:
    # A cell's add_table takes its width from the cell; the body's needs it said.
    if isinstance(container, _Cell):
        return container.add_table(rows, columns)
    return container.add_table(rows, columns, Mm(width_mm))


def _inline(
    paragraph: Paragraph,
    content: Iterable[dm.Inline],
    *,
    size: float | None = None,
    bold: bool = False,
    color: RGBColor | None = None,
) -> None:
    for inline in content:
        if isinstance(inline, dm.Break):
            paragraph.add_run().add_break()
            continue
        if isinstance(inline, dm.Checkbox):
            run = paragraph.add_run("☑" if inline.checked else "☐")
            _run_font(run, SYMBOL_FONT)
        elif inline.href:
            run = _hyperlink(paragraph, inline.text, inline.href)
        else:
            run = paragraph.add_run(inline.text)
        if inline.__class__ is dm.Run:
            if inline.bold or bold:
                run.bold = True
            if inline.italic:
                run.italic = True
        if size is not None:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> Any:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    paragraph._p.append(link)
    run = paragraph.add_run(text)
    link.append(run._r)  # move the run inside the link
    run.font.color.rgb = _THEME.get().accent
    run.font.underline = True
    return run


def _run_font(run: Any, name: str) -> None:
    run.font.name = name
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _set_styles(word: Any, language: str) -> None:
    theme = _THEME.get()
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = theme.font
    # 9.5 pt like the PDF: a one-invoice reminder, its payment details and sign-off on a page.
    normal.font.size = Pt(9.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15
    _plain_fonts(normal, theme.font)
    language_element = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    tag = LANGUAGE_TAGS.get(language, language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    language_element.append(lang)
    sizes = {1: 14, 2: 12, 3: 10.5, 4: 7.5, 5: 7.5, 6: 7.5}  # a letter's title: a subject line
    for level, size in sizes.items():
        style = styles[f"Heading {level}"]
        _plain_fonts(style, theme.font)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = theme.accent if level <= 2 else (INK if level == 3 else MUTED)
        style.font.all_caps = level >= 4
        fmt = style.paragraph_format
        fmt.space_before = Pt({1: 0, 2: 12, 3: 8}.get(level, 4))
        fmt.space_after = Pt({1: 6, 2: 4}.get(level, 2))
        fmt.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "Quote"):
        styles[name].paragraph_format.space_after = Pt(2)
    _table_styles(styles)
    footer = styles["Footer"]
    footer.font.size = Pt(7.5)
    footer.font.color.rgb = MUTED
    # The template's footer style has centre and right tab stops for Letter paper; ours is
    # the one right stop at the text edge, set on the paragraph.
    for tabs in footer.element.xpath("./w:pPr/w:tabs"):
        tabs.getparent().remove(tabs)


def _table_styles(styles: Any) -> None:
    # Named styles rather than formatting on every run: cheaper to write, and a user can
    # restyle every table cell in Word at once.
    from docx.enum.style import WD_STYLE_TYPE

    text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = styles["Normal"]
    text.font.size = Pt(8.5)
    text.paragraph_format.space_after = Pt(0)
    text.paragraph_format.line_spacing = 1.0
    heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = text
    heading.font.size = Pt(8)
    heading.font.bold = True
    heading.font.color.rgb = _THEME.get().accent


def _plain_fonts(style: Any, name: str) -> None:
    # The default template picks heading fonts from its theme (Calibri Light); name the font
    # outright so Word, LibreOffice and the PDF agree.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _set_properties(word: Any, meta: dm.DocumentMeta, as_of: dt.date) -> None:
    # Every property set explicitly: the default template says "python-docx" and 2013.
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)
    properties = word.core_properties
    properties.title = meta.title
    properties.subject = meta.subject
    properties.author = meta.author
    properties.last_modified_by = meta.author
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = LANGUAGE_TAGS.get(meta.language, meta.language)
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1


def _footer(section: Any, meta: dm.DocumentMeta, width_mm: float, legal: str = "") -> None:
    paragraph = section.footer.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
    _border(paragraph, "top", _THEME.get().rule_hex, size=4)
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


def _logo(body: Any, data: bytes) -> None:
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


def _header(section: Any, text: str) -> None:
    """The confidentiality notice at the top right of every page."""
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(7.5)
    run.font.color.rgb = _THEME.get().accent


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


def _border(paragraph: Paragraph, side: str, color: str, *, size: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), color)
    borders.append(edge)


def _table_borders(table: Any, *, inside: bool) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        visible = inside and side in ("bottom", "insideH")
        edge.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:color"), RULE_HEX)
        borders.append(edge)
    properties.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
    edge = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:color", _THEME.get().accent_hex)):
        bottom.set(qn(key), value)
    edge.append(bottom)
    cell._tc.get_or_add_tcPr().append(edge)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _set_grid(table: Any, widths_mm: list[float]) -> None:
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(int(Mm(width).twips)))


def _no_margins(cell: _Cell) -> None:
    margins = OxmlElement("w:tcMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    cell._tc.get_or_add_tcPr().append(margins)


def _tidy_cell(cell: _Cell) -> None:
    """Drop the empty paragraph a new cell starts with; Word needs a paragraph last."""
    paragraphs = cell.paragraphs
    first_is_empty = bool(paragraphs) and not paragraphs[0].text
    if (
        first_is_empty
        and len(cell._tc.xpath("./w:p | ./w:tbl")) > 1
        and not paragraphs[0]._p.xpath(".//w:br | .//w:fldChar")
    ):
        cell._tc.remove(paragraphs[0]._p)
    if cell._tc.xpath("./*")[-1].tag != qn("w:p"):
        cell.add_paragraph().paragraph_format.space_after = Pt(0)


def _drop_thumbnail(word: Any) -> None:
    # The default template carries a thumbnail of an empty page; a viewer would show it.
    package = word.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):
            del package.rels[key]


_EMS = {  # (regular, bold) advance widths in em: the wider of Arial and DejaVu Sans
    "digit": (0.64, 0.70),
    "upper": (0.76, 0.84),
    "letter": (0.62, 0.69),
    "narrow": (0.32, 0.38),  # space , . : ; ' |
    "wide": (0.95, 1.0),  # % & @ M W m w ☐ ☑
    "other": (0.64, 0.70),  # $ € ₽ - ( ) / and the rest
}


def _measure_points(text: str, bold: bool) -> float:
    """A text's width at the 8.5 pt of table cells, never less than Word (Arial) or
    LibreOffice draws it. Where Arial is missing LibreOffice draws DejaVu Sans, a tenth wider,
    and a column measured for Arial wrapped its totals there ("$10,600.0" / "0"). Estimated
    by kind of character, so the DOCX writer needs no font files."""
    column = 1 if bold else 0
    ems = 0.0
    for char in text:
        if char.isdigit():
            kind = "digit"
        elif char in "%&@MWmw☐☑":
            kind = "wide"
        elif char.isupper():
            kind = "upper"
        elif char.isalpha():
            kind = "letter"
        elif char in " ,.:;'|\u00a0\u202f!":
            kind = "narrow"
        else:
            kind = "other"
        ems += _EMS[kind][column]
    return ems * 8.5


class _FixedTimeZipWriter:
    """python-docx's package writer interface, with fixed timestamps and attributes in every
    entry, so that equal input gives equal bytes (the stock writer stamps the current time)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=FIXED_ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 0
        entry.external_attr = 0
        self._zip.writestr(entry, blob)

    def close(self) -> None:
        self._zip.close()


def _save(word: Any) -> bytes:
    # The steps of python-docx's OpcPackage.save and PackageWriter.write, with our zip writer:
    # one pass, instead of saving and then rewriting the whole archive.
    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer = _FixedTimeZipWriter(buffer)
    # These static steps are python-docx's own; they are untyped, and take any object with
    # write(pack_uri, blob) as the physical writer.
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    writer.close()
    return buffer.getvalue()
