"""What the PDF's block modules share: colours, the theme, paragraph and table styles, and
the builder they lay out nested blocks with."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from ...docmodel import Block, Checkbox, Inline
from ...glyphs import Coverage, typeface_coverage
from .. import Brand
from ..fonts import DEFAULT_FONTS, FontSet, register_fonts, register_typeface
from ..pdf_forms import FieldNames

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#59636e")
ACCENT = colors.HexColor("#1d3557")
RULE = colors.HexColor("#c9d1d9")
HEADER_FILL = colors.HexColor("#eef2f6")


@dataclass(frozen=True)
class Theme:
    """The faces and colours a document is drawn in: the defaults, or its branding's."""

    fonts: FontSet = DEFAULT_FONTS
    accent: str = "#1d3557"
    rule: str = "#c9d1d9"
    coverage: Coverage | None = None  # None: DejaVu Sans, checked by glyphs.drawable

    @property
    def accent_colour(self) -> Any:
        return ACCENT if self.accent == "#1d3557" else colors.HexColor(self.accent)

    @property
    def rule_colour(self) -> Any:
        return RULE if self.rule == "#c9d1d9" else colors.HexColor(self.rule)


DEFAULT_THEME = Theme()


def theme_of(brand: Brand | None, italic: bool) -> Theme:
    """The theme of a brand (fonts registered), or the default one."""
    if brand is None:
        register_fonts(italic=italic)
        return DEFAULT_THEME
    fonts = register_typeface(brand.typeface, brand.font_file)
    accent = (brand.accent or DEFAULT_THEME.accent).lower()
    # Branded rules are drawn in the accent colour: the brand's one colour on the page.
    rule = accent if brand.accent else DEFAULT_THEME.rule
    # A user's font was checked against the whole document before writing (pipeline).
    coverage = None if brand.font_file else typeface_coverage(brand.typeface)
    return Theme(fonts, accent, rule, coverage)


@functools.lru_cache(maxsize=4)
def styles(theme: Theme = DEFAULT_THEME) -> dict[str, ParagraphStyle]:
    """The paragraph styles of a theme, by role."""
    fonts, accent = theme.fonts, theme.accent_colour
    # 9.5 on 12.4 points (1.3): a letter's usual leading, tight enough that a reminder with
    # its payment details and sign-off fits on one page.
    # uriWasteReduce: a URL that would leave more than a third of its line empty is broken
    # (at the places urls.py allows) rather than moved whole to the next line.
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.5,
        leading=12.4,
        textColor=INK,
        uriWasteReduce=0.3,
    )
    return {
        "body": ParagraphStyle("body-spaced", parent=base, spaceAfter=4),
        # A letter's title is its subject line, not a poster: a little larger than a section
        # heading, and no larger than a checklist needs either.
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            textColor=accent,
            spaceBefore=2,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=11.5,
            leading=15,
            textColor=accent,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=fonts.bold,
            fontSize=10,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=fonts.bold,
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=fonts.bold,
            fontSize=8,
            leading=11,
            textColor=accent,
        ),
        "list": ParagraphStyle("list", parent=base, spaceAfter=1),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=MUTED),
        "quote": ParagraphStyle("quote", parent=base, textColor=MUTED, leftIndent=10),
    }


def aligned(style: ParagraphStyle, alignment: int, theme: Theme = DEFAULT_THEME) -> ParagraphStyle:
    """A style with another alignment (cached: one per style, alignment and theme)."""
    if alignment == style.alignment:
        return style
    return _aligned_cached(style.name, alignment, theme)


@functools.lru_cache(maxsize=32)
def _aligned_cached(name: str, alignment: int, theme: Theme) -> ParagraphStyle:
    base = next(s for s in styles(theme).values() if s.name == name)
    return ParagraphStyle(f"{name}-{alignment}", parent=base, alignment=alignment)


def table_style(commands: list[tuple[Any, ...]], theme: Theme = DEFAULT_THEME) -> TableStyle:
    """A table style in the theme's regular face and the given commands."""
    # Plain-string cells (the gaps between columns) would otherwise use reportlab's default
    # Helvetica, which is not embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), theme.fonts.regular), *commands])


def box(checkbox: Checkbox) -> str:
    return "☑" if checkbox.checked else "☐"


def flat(flowables: Iterable[Flowable]) -> list[Flowable]:
    """Flowables with any KeepTogether opened up: a KeepTogether measures a nested one as
    infinitely tall, so an outer keep would always start a new page, even on a page that has
    room for it (how a reminder's payment details came to stand alone on page 2)."""
    result: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            result += flat(flowable._content)
        else:
            result.append(flowable)
    return result


class Builder(Protocol):
    """What the block modules need of the builder: its frame, look, and nested blocks."""

    width: float
    page_height: float
    theme: Theme
    styles: dict[str, ParagraphStyle]
    names: FieldNames

    def markup(self, content: Iterable[Inline]) -> str: ...

    def blocks(self, blocks: Iterable[Block]) -> Iterable[Flowable]: ...

    def sub(self, width: float) -> Builder: ...
