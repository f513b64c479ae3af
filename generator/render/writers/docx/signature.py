"""The signature block in the DOCX: the parties side by side, a ruled line per field."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.shared import Pt

from ... import docmodel as dm
from .inline import border, inline
from .tables import Builder, side_by_side, tidy_cell
from .theme import MUTED


def signature(builder: Builder, container: Any, block: dm.Signature, width_mm: float) -> None:
    """The parties' headings side by side, then each field's value on a line, its label under."""
    cells = side_by_side(builder, container, [list(p.heading) for p in block.parties], width_mm)
    # The signature lines are never torn across two pages.
    cells[0]._tc.getparent().get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, party in zip(cells, block.parties, strict=True):
        for field in party.fields:
            value = cell.add_paragraph()
            value.paragraph_format.space_before = Pt(14)
            value.paragraph_format.space_after = Pt(0)
            value.paragraph_format.keep_with_next = True
            inline(value, field.value, size=8.5)
            border(value, "bottom", "1F2328", size=6)
            label = cell.add_paragraph()
            label.paragraph_format.space_after = Pt(2)
            inline(label, field.label, size=7.5, color=MUTED)
        tidy_cell(cell)
