"""Paragraphs and their runs: text, bold and italic, line breaks, checkboxes, hyperlinks,
and a paragraph's border."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ... import docmodel as dm
from ..layout import unbroken_numbers
from .theme import SYMBOL_FONT, THEME


def paragraph(container: Any, style_id: str) -> Paragraph:
    """A new paragraph of a style, at the end of a container (the body or a cell)."""
    # Set the style id directly: python-docx's lookup by name scans every style each time.
    new: Paragraph = container.add_paragraph()
    new._p.style = style_id
    return new


def inline(
    target: Paragraph,
    content: Iterable[dm.Inline],
    *,
    size: float | None = None,
    bold: bool = False,
    color: RGBColor | None = None,
) -> None:
    """Inline content appended to a paragraph as runs."""
    for item in content:
        if isinstance(item, dm.Break):
            target.add_run().add_break()
            continue
        if isinstance(item, dm.Checkbox):
            run = target.add_run("☑" if item.checked else "☐")
            run_font(run, SYMBOL_FONT)
        elif item.href:
            run = _hyperlink(target, item.text, item.href)
        else:
            # A number typed with spaces ("6 500") never ends a line inside it.
            run = target.add_run(unbroken_numbers(item.text))
        if item.__class__ is dm.Run:
            if item.bold or bold:
                run.bold = True
            if item.italic:
                run.italic = True
        if size is not None:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color


def _hyperlink(target: Paragraph, text: str, url: str) -> Any:
    relation = target.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    target._p.append(link)
    run = target.add_run(text)
    link.append(run._r)  # move the run inside the link
    run.font.color.rgb = THEME.get().accent
    run.font.underline = True
    return run


def run_font(run: Any, name: str) -> None:
    """A run in a named font, for every script."""
    run.font.name = name
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def border(target: Paragraph, side: str, color: str, *, size: int) -> None:
    """A line along one side of a paragraph."""
    properties = target._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), color)
    borders.append(edge)
