"""The flow of blocks: each block to its flowables, and what must stay on one page together
(a heading with what follows, a sign-off with the sentence or list item before it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from ... import docmodel as dm
from ..pdf_forms import FieldNames
from .base import DEFAULT_THEME, Theme, flat, styles
from .inline import markup
from .lists import list_block
from .signature import signature
from .tables import columns, quote, table

_HEADING_STYLES = {1: "h1", 2: "h2", 3: "h3"}


class FlowBuilder:
    """Turns model blocks into platypus flowables for a frame of a given width."""

    def __init__(
        self,
        width: float,
        page_height: float,
        names: FieldNames | None = None,
        theme: Theme = DEFAULT_THEME,
    ) -> None:
        self.width = width
        self.page_height = page_height  # the height of an empty frame
        self.theme = theme
        self.styles = styles(theme)
        self.names = names or FieldNames()

    def markup(self, content: Iterable[dm.Inline]) -> str:
        return markup(content, self.theme)

    def sub(self, width: float) -> FlowBuilder:
        return FlowBuilder(width, self.page_height, self.names, self.theme)

    def blocks(self, blocks: Iterable[dm.Block]) -> Iterable[Flowable]:
        items = list(blocks)
        held: list[Flowable] = []
        for index, block in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            # The sign-off is the keep that ends the document; a keep inside it (the payment
            # details) may start a page without the sentence before it.
            sign_off = isinstance(following, dm.Keep) and index + 2 == len(items)
            if isinstance(block, dm.Heading) and isinstance(following, dm.ListBlock):
                # A list is a container, which reportlab will not keep with the heading before
                # it: hold the heading and keep the two together explicitly.
                held = list(self.block(block))
                continue
            if isinstance(block, dm.Paragraph) and sign_off:
                # A sign-off never starts a page alone: the sentence before it goes with it.
                held = [*held, *self.block(block)]
                continue
            if isinstance(block, dm.ListBlock) and sign_off:
                # A list before a sign-off (the termination's rights and materials): its last
                # item goes with the sign-off, the rest stays with the heading before it.
                if len(block.items) > 1:
                    first = dataclasses.replace(block, items=block.items[:-1])
                    leading = list_block(self, first, space_after=1)
                    if held:
                        yield KeepTogether(flat([*held, leading]))
                    else:
                        yield leading
                    last = dataclasses.replace(
                        block, items=block.items[-1:], start=block.start + len(block.items) - 1
                    )
                    held = [list_block(self, last)]
                else:
                    held = [*held, *self.block(block)]
                continue
            if held:
                yield KeepTogether(flat([*held, *self.block(block)]))
                held = []
                continue
            for flowable in self.block(block):
                if isinstance(following, dm.Signature) and isinstance(flowable, Paragraph):
                    # What leads into the signatures is never left behind on the page before.
                    flowable.keepWithNext = True
                yield flowable

    def block(self, block: dm.Block) -> Iterable[Flowable]:
        if isinstance(block, dm.Heading):
            text = self.markup(block.content)
            if block.level >= 4:
                text = text.upper()
            paragraph = Paragraph(text, self.styles[_HEADING_STYLES.get(block.level, "label")])
            paragraph.keepWithNext = True
            yield paragraph
        elif isinstance(block, dm.Paragraph):
            yield Paragraph(self.markup(block.content), self.styles["body"])
        elif isinstance(block, dm.ListBlock):
            yield list_block(self, block)
        elif isinstance(block, dm.Table):
            yield table(self, block)
        elif isinstance(block, dm.Columns):
            yield columns(self, block)
        elif isinstance(block, dm.Signature):
            yield signature(self, block)
        elif isinstance(block, dm.Quote):
            yield from quote(self, block)
        elif isinstance(block, dm.Chart) and block.bars:  # nothing measured: nothing to draw
            from ..charts import drawing

            yield drawing(block, self.width)
            yield Spacer(1, 8)
        elif isinstance(block, dm.QrCode):
            from ..qr import QrFlowable

            yield QrFlowable(block)
            if block.caption:
                yield Paragraph(escape(block.caption), self.styles["small"])
            yield Spacer(1, 4)
        elif isinstance(block, dm.Keep):
            yield KeepTogether(flat(self.blocks(block.blocks)))
        elif isinstance(block, dm.PageBreak):
            yield PageBreak()
        elif isinstance(block, dm.Rule):
            yield HRFlowable(
                width="100%",
                thickness=0.5,
                color=self.theme.rule_colour,
                spaceBefore=4,
                spaceAfter=8,
            )
