"""The flow of blocks in the DOCX: each block to its paragraphs and tables, and what keeps
with what (a sign-off with what leads into it, a QR code with its caption)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt
from docx.table import _Cell

from ... import docmodel as dm
from .inline import border, inline, paragraph
from .lists import list_block
from .signature import signature
from .tables import side_by_side, table
from .theme import MUTED, THEME


class FlowBuilder:
    """Adds model blocks to a container (the body or a table cell) of a given width."""

    def __init__(self, width_mm: float) -> None:
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
            # The sign-off is the keep that ends the document (a keep before it, such as the
            # payment details, may start a page alone).
            sign_off = isinstance(following, dm.Keep) and index + 2 == len(items)
            if (isinstance(following, dm.Signature) or sign_off) and leads_in:
                # What leads into the signatures or a sign-off (a sentence, a list's last
                # item) stays on their page.
                container.paragraphs[-1].paragraph_format.keep_with_next = True

    def block(self, container: Any, block: dm.Block, width_mm: float) -> None:
        if isinstance(block, dm.Heading):
            inline(paragraph(container, f"Heading{min(block.level, 6)}"), block.content)
        elif isinstance(block, dm.Paragraph):
            inline(container.add_paragraph(), block.content)
        elif isinstance(block, dm.ListBlock):
            list_block(self, container, block)
        elif isinstance(block, dm.Table):
            table(container, block, width_mm)
        elif isinstance(block, dm.Columns):
            side_by_side(self, container, [list(c) for c in block.columns], width_mm)
            if not isinstance(container, _Cell):
                # LibreOffice keeps no chain of keep-with-next paragraphs that starts right
                # after a table (the sign-off stood alone on page 2): a hairline paragraph.
                spacer = container.add_paragraph().paragraph_format
                spacer.space_after = Pt(0)
                spacer.line_spacing = Pt(1)
        elif isinstance(block, dm.Signature):
            signature(self, container, block, width_mm)
        elif isinstance(block, dm.Quote):
            for inner in block.blocks:
                if isinstance(inner, dm.Paragraph):
                    inline(paragraph(container, "Quote"), inner.content)
                else:
                    self.block(container, inner, width_mm)
        elif isinstance(block, dm.Chart) and block.bars:
            from ..charts import png

            target = container.add_paragraph()
            target.add_run().add_picture(io.BytesIO(png(block)), width=Mm(min(width_mm, 160)))
        elif isinstance(block, dm.QrCode):
            self.qr_code(container, block)
        elif isinstance(block, dm.Keep):
            before = len(container.paragraphs)
            self.blocks(container, block.blocks, width_mm)
            kept = container.paragraphs[before:]
            for each in kept:
                # Keep lines too: the name, e-mail and phone of a sign-off are one paragraph.
                each.paragraph_format.keep_together = True
            for each in kept[:-1]:
                each.paragraph_format.keep_with_next = True
        elif isinstance(block, dm.PageBreak):
            container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, dm.Rule):
            border(container.add_paragraph(), "bottom", THEME.get().rule_hex, size=4)

    @staticmethod
    def qr_code(container: Any, block: dm.QrCode) -> None:
        from ..qr import SIZE_MM
        from ..qr import png as qr_png

        target = container.add_paragraph()
        target.add_run().add_picture(io.BytesIO(qr_png(block)), width=Mm(SIZE_MM))
        if block.caption:
            # The caption right under its code, in the same paragraph: LibreOffice drew a
            # caption paragraph of its own at the page's left margin, under the other column.
            target.paragraph_format.space_after = Pt(4)
            target.add_run().add_break()
            inline(target, (dm.Run(block.caption),), size=7.5, color=MUTED)
