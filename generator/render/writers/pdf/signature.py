"""The signature block: the parties side by side, a line to write on per field, never split."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LayoutError, Paragraph, Table

from ... import docmodel as dm
from ..pdf_forms import FormLine
from .base import INK, Builder, table_style


def signature(builder: Builder, block: dm.Signature) -> Flowable:
    """One table: the parties side by side, each field a line to write on with its label
    under it. One table is cheaper to lay out than a table per line, and never splits."""
    count = len(block.parties)
    gap = 10 * mm
    width = (builder.width - gap * (count - 1)) / count
    widths: list[float] = []
    for index in range(count):
        widths += [gap, width] if index else [width]
    headings = [list(builder.sub(width).blocks(party.heading)) for party in block.parties]
    rows: list[list[Any]] = [_spread(headings)]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, 0), "TOP"),
    ]
    heights: list[float] = [0]
    lines = max(len(party.fields) for party in block.parties)
    prefix = builder.names.next_block()
    for line in range(lines):
        values, labels = [], []
        for number, party in enumerate(block.parties, start=1):
            field = party.fields[line] if line < len(party.fields) else None
            if field and field.value:
                values.append(Paragraph(builder.markup(field.value), builder.styles["cell"]))
            elif field:
                values.append(_form_line(party, line, f"{prefix}party-{number}"))
            else:
                values.append("")
            labels.append(
                Paragraph(builder.markup(field.label), builder.styles["small"]) if field else ""
            )
        value_row = len(rows)
        rows += [_spread(values), _spread(labels)]
        heights += [24, 0]
        for index, party in enumerate(block.parties):
            if line < len(party.fields):
                column = index * 2
                commands.append(("LINEBELOW", (column, value_row), (column, value_row), 0.6, INK))
        commands.append(("BOTTOMPADDING", (0, value_row), (-1, value_row), 2))
        commands.append(("TOPPADDING", (0, value_row + 1), (-1, value_row + 1), 2))
    # Minimum, not fixed, heights: a long name grows its line instead of spilling out.
    table = WholeTable(rows, colWidths=widths, minRowHeights=heights, hAlign="LEFT")
    table.page_height = builder.page_height
    table.setStyle(table_style(commands, builder.theme))
    table.spaceBefore = 4
    return table


def _form_line(party: dm.SignatureParty, line: int, prefix: str) -> FormLine:
    """An empty line becomes a fillable field; a party's last empty line is where they
    sign (every template ends a party with its signature line), so a signature field."""
    empty = [index for index, field in enumerate(party.fields) if not field.value]
    if line == empty[-1]:
        return FormLine(f"{prefix}-signature", "signature")
    return FormLine(f"{prefix}-line-{empty.index(line) + 1}", "text")


def _spread(cells: list[Any]) -> list[Any]:
    """Cells for the parties' columns with empty gap columns between them."""
    spread: list[Any] = []
    for index, cell in enumerate(cells):
        spread += ["", cell] if index else [cell]
    return spread


class WholeTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A table that moves to the next page whole rather than splitting between rows; unlike
    a KeepTogether it can join the keep-with-next chain of the heading before it."""

    page_height: float = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Asked to split on an empty page means it is taller than any page: reportlab would
        # draw it off the bottom edge, where nobody reads it. Say so instead.
        if availHeight >= self.page_height - 1:
            raise LayoutError("a signature block is taller than a page")
        return []
