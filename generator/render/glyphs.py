"""Which characters the PDF can draw, and the text values that hold one it cannot."""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_DIR = Path(__file__).resolve().parent / "fonts"
COVERAGE = FONT_DIR / "coverage.txt"

# Line breaks and tabs never reach the page as glyphs: a line break becomes a Break, a tab
# white space.
_LAYOUT = frozenset("\t\n\r\x0b")


@dataclass(frozen=True)
class Coverage:
    """The characters a typeface draws in every face, as sorted ranges of code points."""

    name: str
    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    shipped: bool = True

    def draws(self, char: str) -> bool:
        # The PDF writer draws Babel's narrow no-break space as a no-break space (pdf/inline.py).
        code = 0xA0 if char == "\u202f" else ord(char)
        index = bisect.bisect_right(self.firsts, code) - 1
        return index >= 0 and code <= self.lasts[index]


def coverage_from_text(name: str, text: str, *, shipped: bool = True) -> Coverage:
    """A coverage from `coverage.txt` lines: one `FIRST-LAST` hexadecimal range a line."""
    firsts, lasts = [], []
    for line in text.split():
        first, last = line.split("-")
        firsts.append(int(first, 16))
        lasts.append(int(last, 16))
    return Coverage(name, tuple(firsts), tuple(lasts), shipped)


@functools.lru_cache(maxsize=8)
def shipped_coverage(folder: str = "", name: str = "DejaVu Sans") -> Coverage:
    """The coverage of a shipped family: `fonts/<folder>/coverage.txt` (DejaVu Sans: none)."""
    path = FONT_DIR / folder / "coverage.txt" if folder else COVERAGE
    return coverage_from_text(name, path.read_text(encoding="ascii"))


def drawable(char: str, coverage: Coverage | None = None) -> bool:
    """Whether every face of the typeface (DejaVu Sans unless named) has a glyph for char."""
    return (coverage or shipped_coverage()).draws(char)


def right_to_left(char: str) -> bool:
    """A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko…)."""
    return unicodedata.bidirectional(char) in ("R", "AL")


def refusal(char: str, coverage: Coverage | None = None) -> str | None:
    """Why char cannot be in a PDF, or None when it can."""
    if char in _LAYOUT:
        return None
    if right_to_left(char):
        return (
            f"{describe(char)} is right-to-left text, which the PDF cannot lay out yet (it "
            "would read backwards); write it in Latin letters, or leave out pdf with "
            "--format docx,md"
        )
    if coverage is not None and not coverage.draws(char):
        return (
            f"{describe(char)} is not in the typeface of branding ({coverage.name}), so the "
            "PDF cannot show it; replace it, choose another typeface, or leave out pdf with "
            "--format docx,md"
        )
    if coverage is None and not drawable(char):
        return (
            f"{describe(char)} is in no font inwriting ships (DejaVu Sans), so the PDF cannot "
            "show it; replace it, or leave out pdf with --format docx,md"
        )
    return None


def first_refused(text: str, coverage: Coverage | None = None) -> tuple[str, str] | None:
    """The first character of text the PDF cannot draw, and why; None if it draws them all."""
    if text.isascii():  # the common case, and every ASCII character other than controls draws
        return None
    for char in dict.fromkeys(text):
        reason = refusal(char, coverage)
        if reason is not None:
            return char, reason
    return None


def describe(char: str) -> str:
    """U+1D518 MATHEMATICAL FRAKTUR CAPITAL U ("𝔘"): how a message names a character."""
    name = unicodedata.name(char, "with no Unicode name")
    shown = f' ("{char}")' if unicodedata.category(char)[0] not in "CZM" else ""
    return f"U+{ord(char):04X} {name}{shown}"


def refused_values(
    data: Any, path: tuple[str | int, ...] = (), coverage: Coverage | None = None
) -> Iterator[tuple[Any, str]]:
    """(data path, reason) for every text value in data with a character the PDF cannot
    draw; one reason per value, for its first such character."""
    if isinstance(data, str):
        found = first_refused(data, coverage)
        if found is not None:
            yield path, found[1]
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from refused_values(value, (*path, key), coverage)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from refused_values(value, (*path, index), coverage)


def missing(text: str, coverage: Coverage) -> list[str]:
    """The characters of text, in order of first use, that the typeface has no glyph for."""
    return [c for c in dict.fromkeys(text) if c not in _LAYOUT and not coverage.draws(c)]


@functools.lru_cache(maxsize=8)
def font_file_coverage(path: str, name: str) -> Coverage:
    """The coverage of a user's font file (read with reportlab); raises ValueError when
    reportlab cannot use it, such as an OpenType font with PostScript (CFF) outlines."""
    from reportlab.pdfbase.ttfonts import TTFError

    from .writers.fonts import file_coverage

    try:
        ranges = file_coverage(path)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        raise ValueError(
            f"{name} cannot be embedded in a PDF ({exc}); use a TrueType-outline font (.ttf) "
            "or a shipped typeface"
        ) from None
    return Coverage(name, tuple(r[0] for r in ranges), tuple(r[1] for r in ranges), False)


def typeface_coverage(typeface: str | None) -> Coverage | None:
    """The coverage of a shipped typeface, or None for the default, DejaVu Sans."""
    if typeface is None or typeface == "DejaVu Sans":
        return None
    return shipped_coverage(typeface.lower().replace(" ", "_"), typeface)
