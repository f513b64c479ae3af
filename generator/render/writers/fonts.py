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
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = to_unicode_cmap
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


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one 256-glyph subset, in place of reportlab's own.

    reportlab writes each code point as `<%04X>`, so U+1F600 becomes the odd-length `<1F600>`,
    which readers cut to U+1F60 ("ὠ" for "😀"). The PDF specification wants UTF-16BE there:
    a surrogate pair for a character outside the Basic Multilingual Plane. For every other
    character the text is the same as reportlab's, so existing documents keep their bytes."""
    mappings = [f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *mappings,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def coverage() -> list[tuple[int, int]]:
    """The code points every DejaVu Sans face draws, as (first, last) ranges: the source of
    `fonts/coverage.txt`, which the main process reads without loading reportlab."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    faces = [set(TTFontFace(str(FONT_DIR / name)).charToGlyph) for name in FACES.values()]
    ranges: list[tuple[int, int]] = []
    for code in sorted(set.intersection(*faces)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def coverage_text() -> str:
    """`fonts/coverage.txt`: one `FIRST-LAST` range of hexadecimal code points a line."""
    return "".join(f"{first:04X}-{last:04X}\n" for first, last in coverage())
