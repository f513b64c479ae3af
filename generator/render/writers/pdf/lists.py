"""Bulleted, numbered and checkbox lists as reportlab list flowables."""

from __future__ import annotations

from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph

from ... import docmodel as dm
from ..fonts import FONT
from .base import MUTED, Builder, box


def list_block(builder: Builder, block: dm.ListBlock, space_after: float = 6) -> Flowable:
    """A list, each item's blocks laid out in the width beside its bullet."""
    items = []
    for item in block.items:
        flowables = list(builder.sub(builder.width - 16).blocks(item.blocks))
        for flowable in flowables:
            if isinstance(flowable, Paragraph) and flowable.style is builder.styles["body"]:
                flowable.style = builder.styles["list"]
        if item.checkbox is not None:
            items.append(ListItem(flowables, value=box(item.checkbox)))
        else:
            items.append(ListItem(flowables))
    return ListFlowable(
        items,
        bulletType="1" if block.ordered else "bullet",
        start=block.start if block.ordered else "•",
        leftIndent=16,
        bulletFontName=FONT,
        bulletFontSize=9.5,
        bulletColor=MUTED,
        spaceAfter=space_after,
    )
