"""The DOCX's font and colours, and the theme of the document being written."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

from docx.shared import RGBColor

from .. import Brand

FONT = "Arial"
SYMBOL_FONT = "Segoe UI Symbol"  # has ☐ ☑; Word and LibreOffice substitute where it is missing
INK = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x59, 0x63, 0x6E)
ACCENT = RGBColor(0x1D, 0x35, 0x57)
RULE_HEX = "C9D1D9"
ACCENT_HEX = "1D3557"
HEADER_FILL_HEX = "EEF2F6"
MM_PER_POINT = 25.4 / 72
LANGUAGE_TAGS = {"en": "en-US", "sv": "sv-SE", "da": "da-DK", "fi": "fi-FI", "ru": "ru-RU"}


@dataclass(frozen=True)
class Theme:
    """The font and colours of one document: the defaults, or its branding's."""

    font: str = FONT
    accent: RGBColor = ACCENT
    accent_hex: str = ACCENT_HEX
    rule_hex: str = RULE_HEX


# The theme of the document being written; set for the length of one write(), so the many
# small helpers need not pass it along (a batch writes documents in separate processes).
DEFAULT_THEME = Theme()
THEME: contextvars.ContextVar[Theme] = contextvars.ContextVar("theme", default=DEFAULT_THEME)


def theme_of(brand: Brand | None) -> Theme:
    """The theme of a brand, or the default one."""
    if brand is None:
        return DEFAULT_THEME
    accent_hex = (brand.accent or f"#{ACCENT_HEX}").lstrip("#").upper()
    if len(accent_hex) == 3:
        accent_hex = "".join(digit * 2 for digit in accent_hex)
    return Theme(
        font=brand.font_name or FONT,
        accent=RGBColor.from_string(accent_hex),
        accent_hex=accent_hex,
        rule_hex=accent_hex if brand.accent else RULE_HEX,
    )
