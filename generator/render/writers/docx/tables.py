"""Tables in the DOCX: data tables with a repeated header, and borderless side-by-side
columns (the letterhead, the "How to pay" block beside its QR code, the signatures)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from ... import docmodel as dm
from ..layout import column_shares, column_widths
from .inline import inline
from .theme import HEADER_FILL_HEX, MM_PER_POINT, RULE_HEX, THEME

CELL_MARGIN_PT = 4.0
"""Left and right inside a data table's cells, as in the PDF (Word's default is 5.4)."""

_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


class Builder(Protocol):
    """What tables need of the builder: the blocks of a cell, laid out in its width."""

    width_mm: float

    def blocks(
        self, container: Any, blocks: Iterable[dm.Block], width_mm: float | None = None
    ) -> None: ...

    def block(self, container: Any, block: dm.Block, width_mm: float) -> None: ...


def table(container: Any, block: dm.Table, width_mm: float) -> None:
    """A data table: fixed column widths, header shaded and repeated on every page."""
    points = column_widths(block, width_mm / MM_PER_POINT, measure_points, CELL_MARGIN_PT)
    widths = [Mm(width * MM_PER_POINT) for width in points]
    rows = [block.header, *block.rows]
    result = add_table(container, len(rows), len(widths), width_mm)
    result.alignment = WD_TABLE_ALIGNMENT.LEFT
    result.autofit = False
    _table_borders(result, inside=True)
    _cell_margins(result)
    for row_index, row in enumerate(rows):
        style = "TableHeading" if row_index == 0 else "TableText"
        for column, (cell, target) in enumerate(
            zip(row, result.rows[row_index].cells, strict=True)
        ):
            target.width = widths[column]
            paragraph = target.paragraphs[0]
            paragraph._p.style = style
            if cell.align in ("right", "center"):
                paragraph.alignment = _ALIGN[cell.align]
            inline(paragraph, cell.content)
            if row_index == 0:
                _shade(target, HEADER_FILL_HEX)
    _repeat_header(result.rows[0])
    _set_grid(result, [width * MM_PER_POINT for width in points])
    # The gap under a table: an empty paragraph of a fixed 6 points, not a line of text.
    gap = container.add_paragraph().paragraph_format
    gap.space_after = Pt(0)
    gap.line_spacing = Pt(6)


def side_by_side(
    builder: Builder, container: Any, columns: list[list[dm.Block]], width_mm: float
) -> list[_Cell]:
    """Blocks side by side in a borderless one-row table; the cells that hold them."""
    gap = 8.0
    shares = column_shares(dm.Columns(tuple(tuple(c) for c in columns)), width_mm, gap)
    widths: list[float] = []
    for index, width in enumerate(shares):
        widths += [gap, width] if index else [width]
    result = add_table(container, 1, len(widths), width_mm)
    result.autofit = False
    _table_borders(result, inside=False)
    cells = result.rows[0].cells
    filled = []
    for index, blocks in enumerate(columns):
        cell = cells[index * 2]
        builder.blocks(cell, blocks, shares[index])
        tidy_cell(cell)
        filled.append(cell)
    for cell, cell_width in zip(cells, widths, strict=True):
        cell.width = Mm(cell_width)
        _no_margins(cell)
    _set_grid(result, widths)
    return filled


def add_table(container: Any, rows: int, columns: int, width_mm: float) -> Any:
    """A new table at the end of the body or of a cell."""
    # A cell's add_table takes its width from the cell; the body's needs it said.
    if isinstance(container, _Cell):
        return container.add_table(rows, columns)
    return container.add_table(rows, columns, Mm(width_mm))


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


def _cell_margins(table: Any) -> None:
    # Some air above and below a row's text, and the PDF's padding at the sides, so a row
    # does not touch the rules between rows.
    margins = OxmlElement("w:tblCellMar")
    for side, points in (("top", 1.5), ("left", CELL_MARGIN_PT), ("bottom", 1.5)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(points * 20)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    edge = OxmlElement("w:right")
    edge.set(qn("w:w"), str(round(CELL_MARGIN_PT * 20)))
    edge.set(qn("w:type"), "dxa")
    margins.append(edge)
    table._tbl.tblPr.append(margins)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
    edge = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:color", THEME.get().accent_hex)):
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


def tidy_cell(cell: _Cell) -> None:
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


_EMS = {  # (regular, bold) advance widths in em: the wider of Arial and DejaVu Sans
    "digit": (0.64, 0.70),
    "upper": (0.76, 0.84),
    "letter": (0.62, 0.69),
    "slim": (0.42, 0.45),  # f i j l r t
    "narrow": (0.32, 0.38),  # space , . : ; ' |
    "wide": (0.95, 1.0),  # % & @ M W m w ☐ ☑
    "other": (0.64, 0.70),  # $ € ₽ - ( ) / and the rest
}


def measure_points(text: str, bold: bool) -> float:
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
        elif char in "fijlrt":
            kind = "slim"
        elif char.isalpha():
            kind = "letter"
        elif char in " ,.:;'|\u00a0\u202f!":
            kind = "narrow"
        else:
            kind = "other"
        ems += _EMS[kind][column]
    return ems * 8.5
