"""The PDF's embedded typefaces: DejaVu Sans by default, the other families shipped in
`render/fonts/<family>/` with their licences, or a user's own font file (branding)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

FONT = "DejaVuSans"
FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"

FACES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


@dataclass(frozen=True)
class Family:
    """A shipped typeface: its folder under fonts/ and its four faces, regular, bold, italic
    and bold italic."""

    folder: str
    faces: tuple[str, str, str, str]

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(FONT_DIR / self.folder / name for name in self.faces)


def _family(folder: str, stem: str) -> Family:
    return Family(folder, tuple(f"{stem}-{style}.ttf" for style in _STYLES))  # type: ignore[arg-type]


_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
FAMILIES = {
    "DejaVu Sans": Family("", tuple(FACES.values())),  # type: ignore[arg-type]
    "Noto Sans": _family("noto_sans", "NotoSans"),
    "PT Sans": _family("pt_sans", "PTSans"),
    "PT Serif": _family("pt_serif", "PTSerif"),
}
"""Every typeface `branding.typeface` may name (project/branding.TYPEFACES)."""


@dataclass(frozen=True)
class FontSet:
    """The registered reportlab names of a document's four faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


DEFAULT_FONTS = FontSet(FONT, f"{FONT}-Bold", f"{FONT}-Oblique", f"{FONT}-BoldOblique")


@functools.lru_cache(maxsize=8)
def register_typeface(typeface: str | None, font_file: str | None) -> FontSet:
    """Register a branded typeface once per process: a shipped family by name, or a user's
    font file (one face for all four styles). DejaVu Sans stays registered beside it for
    tick boxes and bullets, which not every typeface has."""
    register_fonts(italic=False)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if font_file is not None:
        digest = hashlib.sha256(Path(font_file).read_bytes()).hexdigest()[:10]
        name = f"UserFont-{digest}"
        pdfmetrics.registerFont(TTFont(name, font_file))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        return FontSet(name, name, name, name)
    if typeface is None or typeface == "DejaVu Sans":
        register_fonts(italic=True)
        return DEFAULT_FONTS
    family = FAMILIES[typeface]
    stem = typeface.replace(" ", "")
    names = FontSet(stem, f"{stem}-Bold", f"{stem}-Italic", f"{stem}-BoldItalic")
    for name, path in zip(
        (names.regular, names.bold, names.italic, names.bold_italic), family.files, strict=True
    ):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        stem,
        normal=names.regular,
        bold=names.bold,
        italic=names.italic,
        boldItalic=names.bold_italic,
    )
    return names


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


def coverage(typeface: str = "DejaVu Sans") -> list[tuple[int, int]]:
    """The code points every face of a shipped typeface draws, as (first, last) ranges: the
    source of its `coverage.txt`, which the main process reads without loading reportlab."""
    return file_coverage(*(str(path) for path in FAMILIES[typeface].files))


def file_coverage(*files: str) -> list[tuple[int, int]]:
    """The code points every one of the font files draws, as (first, last) ranges."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    faces = [set(TTFontFace(name).charToGlyph) for name in files]
    ranges: list[tuple[int, int]] = []
    for code in sorted(set.intersection(*faces)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def coverage_text(typeface: str = "DejaVu Sans") -> str:
    """`fonts/coverage.txt`: one `FIRST-LAST` range of hexadecimal code points a line."""
    return "".join(f"{first:04X}-{last:04X}\n" for first, last in coverage(typeface))


@functools.lru_cache(maxsize=8)
def family_name(font_file: str) -> str:
    """The family name a font file gives itself, which a word processor looks it up by."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    face = TTFontFace(font_file)
    name = face.familyName
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
