"""PDF writer (reportlab platypus) with embedded fonts, a page-N-of-M footer and branding."""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate
from reportlab.platypus import paragraph as rl_paragraph

from ....errors import RenderError
from ... import docmodel as dm
from .. import WriterOptions
from ..fonts import FONT, register_fonts
from ..urls import split_pairs
from .base import theme_of
from .flow import FlowBuilder
from .inline import markup
from .page import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAPER, footer_canvas, logo

__all__ = ["FONT", "markup", "register_fonts", "write"]

# reportlab breaks a URL that does not fit only at its slashes, and only with a scheme; any
# other long word (an e-mail address, a host name) it cuts between any two letters. Its line
# breaker asks this one function where a URL may break: ours answers after / . - or @, and
# for every URL or e-mail address. Nothing is inserted into the text, so what is copied or
# extracted from the PDF is the address as written.
rl_paragraph._uri_split_pairs = split_pairs


def write(document: dm.Document, options: WriterOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    theme = theme_of(options.brand, dm.uses_italics(document))
    buffer = io.BytesIO()
    pagesize = PAPER[options.paper]
    frame_width = pagesize[0] - 2 * MARGIN_X
    frame_height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    meta = document.meta
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        # Written invariant (fixed dates), so the date a document was made for goes here:
        # render/dated.py reads it to tell "only the date differs" apart.
        keywords=f"as-of {options.as_of.isoformat()}",
        creator="inwriting",
        producer="inwriting",
        invariant=1,
        lang=meta.language,
        initialFontName=theme.fonts.regular,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        frame_width,
        frame_height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = list(FlowBuilder(frame_width, frame_height, theme=theme).blocks(document.blocks))
    brand = options.brand
    if brand is not None and brand.logo is not None:
        story.insert(0, logo(brand.logo))
    legal = brand.legal if brand is not None else ""
    try:
        doc.build(story, canvasmaker=footer_canvas(meta, pagesize, theme, legal))
    except LayoutError as exc:
        del exc  # reportlab's message describes its own objects, not the user's text
        raise RenderError(
            "a block of the document is taller than a page and cannot be split across pages; "
            "shorten its longest text (typically a name or address in the signature block)"
        ) from None
    return buffer.getvalue()
