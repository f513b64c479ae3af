"""The PDF's embedded typeface: DejaVu Sans, shipped in `render/fonts/` with its licence."""

from __future__ import annotations

import functools
from pathlib import Path

FONT = "DejaVuSans"
FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"

FACES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


@functools.lru_cache(maxsize=2)
def register_fonts(*, italic: bool = True) -> str:
    """Register the DejaVu Sans faces once per process; the oblique ones only when a document
    uses italics, since parsing each font file costs a noticeable part of a cold run."""
    wanted = FACES if italic else {name: FACES[name] for name in (FONT, f"{FONT}-Bold")}
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in wanted.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))
    oblique = f"{FONT}-Oblique" if italic else FONT
    bold_oblique = f"{FONT}-BoldOblique" if italic else f"{FONT}-Bold"
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=oblique, boldItalic=bold_oblique
    )
    return FONT
