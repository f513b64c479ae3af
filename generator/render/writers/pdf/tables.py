"""Tables, side-by-side columns and quotes: the blocks drawn as reportlab tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Table

from ... import docmodel as dm
from ..layout import column_shares, column_widths
from ..pdf_forms import TickBox
from .base import HEADER_FILL, INK, RULE, Builder, aligned, box, flat, table_style

CELL_PADDING = 3.5


def table(builder: Builder, block: dm.Table) -> Flowable:
    """A table with its header repeated on every page; rows split across pages if need be."""
    fonts = builder.theme.fonts

    def measure(text: str, bold: bool) -> float:
        return float(pdfmetrics.stringWidth(text, fonts.bold if bold else fonts.regular, 8.5))

    widths = column_widths(block, builder.width, measure, CELL_PADDING)
    rows = [block.header, *block.rows]
    styles = builder.styles
    data = [
        [_cell(builder, cell, styles["head" if index == 0 else "cell"], index > 0) for cell in row]
        for index, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (-1, -1), styles["cell"].fontSize),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, builder.theme.accent_colour),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for column, cell in enumerate(block.header):
        if cell.align in ("right", "center"):
            commands.append(("ALIGN", (column, 0), (column, -1), cell.align.upper()))
    result = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    result.setStyle(table_style(commands, builder.theme))
    result.spaceAfter = 8
    return result


def _cell(builder: Builder, cell: dm.Cell, style: ParagraphStyle, fillable: bool) -> Any:
    # A lone checkbox or an empty cell needs no Paragraph: nothing to wrap, and a Paragraph
    # per row would cost markup parsing and line breaking for one glyph.
    if not cell.content:
        return ""
    if len(cell.content) == 1 and isinstance(cell.content[0], dm.Checkbox):
        if fillable:  # a real tick box, so the client can tick items off in any reader
            return TickBox(builder.names.next_box(), cell.content[0].checked, INK)
        return box(cell.content[0])  # the header repeats on every page: a glyph
    alignment = {"right": TA_RIGHT, "center": TA_CENTER}.get(cell.align or "", TA_LEFT)
    return Paragraph(builder.markup(cell.content), aligned(style, alignment, builder.theme))


def columns(builder: Builder, block: dm.Columns) -> Flowable:
    """Blocks side by side: one borderless table row, the columns split by column_shares."""
    gap = 8 * mm
    cells: list[Any] = []
    widths: list[float] = []
    for index, (column, width) in enumerate(
        zip(block.columns, column_shares(block, builder.width / mm, gap / mm), strict=True)
    ):
        if index:
            cells.append("")
            widths.append(gap)
        # A heading in a cell (the "How to pay" block beside its QR code) stays with its
        # cell anyway, and reportlab cannot keep flowables together inside one.
        flowables = flat(builder.sub(width * mm).blocks(column))
        for flowable in flowables:
            flowable.keepWithNext = False
        cells.append(flowables)
        widths.append(width * mm)
    result = Table([cells], colWidths=widths, hAlign="LEFT", splitInRow=1)
    result.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
            builder.theme,
        )
    )
    result.spaceAfter = 6
    return result


def quote(builder: Builder, block: dm.Quote) -> Iterable[Flowable]:
    """A quotation: its blocks indented behind a rule."""
    inner = list(builder.sub(builder.width - 12).blocks(block.blocks))
    result = Table([[inner]], colWidths=[builder.width - 2], hAlign="LEFT", splitInRow=1)
    result.setStyle(
        table_style(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 2, builder.theme.rule_colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ],
            builder.theme,
        )
    )
    result.spaceAfter = 6
    yield result
