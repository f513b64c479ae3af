"""Bulleted, numbered and checkbox lists in the DOCX, nested lists one level further in."""

from __future__ import annotations

from typing import Any

from docx.shared import Mm, Pt

from ... import docmodel as dm
from .inline import inline, paragraph
from .tables import Builder


def list_block(builder: Builder, container: Any, block: dm.ListBlock, level: int = 1) -> None:
    """A list's items as list paragraphs; a checkbox item as the box, a tab and its text."""
    kind = "ListNumber" if block.ordered else "ListBullet"
    style = kind if level == 1 else f"{kind}{min(level, 3)}"
    for item in block.items:
        for index, inner in enumerate(item.blocks):
            if isinstance(inner, dm.ListBlock):
                list_block(builder, container, inner, level + 1)
                continue
            if not isinstance(inner, dm.Paragraph):
                builder.block(container, inner, builder.width_mm)
                continue
            if item.checkbox is not None and index == 0:
                target = container.add_paragraph()
                fmt = target.paragraph_format
                fmt.left_indent = Mm(6 * level)
                fmt.first_line_indent = Mm(-6)
                fmt.space_after = Pt(2)
                inline(target, (item.checkbox, dm.Run("\t"), *inner.content))
                fmt.tab_stops.add_tab_stop(Mm(6 * level))
            else:
                inline(paragraph(container, style), inner.content)
