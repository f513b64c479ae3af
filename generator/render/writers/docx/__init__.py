"""DOCX writer (python-docx): styles, tables, signature lines, a page-N-of-M footer and
branding (logo, accent colour, typeface, legal footer)."""

from __future__ import annotations

import docx

from ... import docmodel as dm
from .. import WriterOptions
from .flow import FlowBuilder
from .package import drop_thumbnail, save, set_properties
from .page import footer, header, logo, set_page
from .styles import set_styles
from .theme import THEME, theme_of

__all__ = ["write"]


def write(document: dm.Document, options: WriterOptions) -> bytes:
    """The document as DOCX bytes; the same document and options always give the same bytes."""
    token = THEME.set(theme_of(options.brand))
    try:
        return _write(document, options)
    finally:
        THEME.reset(token)


def _write(document: dm.Document, options: WriterOptions) -> bytes:
    word = docx.Document()
    drop_thumbnail(word)
    section = word.sections[0]
    text_width_mm = set_page(section, options.paper)
    set_styles(word, document.meta.language)
    set_properties(word, document.meta, options.as_of)
    body = word._body  # the document body is a block container like a table cell
    brand = options.brand
    if brand is not None and brand.logo is not None:
        logo(body, brand.logo)
    FlowBuilder(text_width_mm).blocks(body, document.blocks)
    footer(section, document.meta, text_width_mm, brand.legal if brand else "")
    if document.meta.confidential:
        header(section, document.meta.confidential)
    return save(word)
