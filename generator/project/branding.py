"""The branding section's own rules: typefaces shipped, accent colours, logo and font files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from ..errors import Problem
    from .load import SourceMap

Typeface = Literal["DejaVu Sans", "Noto Sans", "PT Sans", "PT Serif"]
TYPEFACES: tuple[str, ...] = get_args(Typeface)
"""The families shipped in the wheel (render/fonts/), by the names a project file uses."""

MIN_CONTRAST = 4.5
"""WCAG 2.x's minimum contrast ratio for body text (success criterion 1.4.3, level AA)."""

_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", re.ASCII)

_IMAGE_KINDS = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
_FONT_KINDS = (b"\x00\x01\x00\x00", b"true", b"OTTO")


def parse_colour(text: str) -> tuple[int, int, int] | None:
    """'#1F6F5C' or '#1F6' as (red, green, blue), or None when it is not such a colour."""
    if not _HEX.fullmatch(text):
        return None
    digits = text[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def contrast_with_white(rgb: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of a colour against white: 1 (white) to 21 (black)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def colour_problem(text: str) -> str | None:
    """Why `text` cannot be the accent colour, or None when it can."""
    rgb = parse_colour(text.strip())
    if rgb is None:
        return f"not a colour ({text}); write it as # and six hexadecimal digits, like #1F6F5C"
    ratio = contrast_with_white(rgb)
    if ratio < MIN_CONTRAST:
        return (
            f"{text} is too light to read on white (contrast {ratio:.1f}:1, at least "
            f"{MIN_CONTRAST}:1 is needed); choose a darker shade"
        )
    return None


def image_kind(path: Path) -> str:
    """'png' or 'jpeg' for a logo file; raises ValueError saying why it cannot be a logo."""
    if path.suffix.lower() == ".svg":
        raise ValueError(
            f"{path.name} is an SVG drawing, which inwriting does not draw (an SVG can run "
            "scripts and fetch files); export it as PNG and name that file"
        )
    head = _head(path)
    for magic, kind in _IMAGE_KINDS:
        if head.startswith(magic):
            return kind
    if head.lstrip().startswith((b"<?xml", b"<svg")):
        raise ValueError(f"{path.name} is an SVG drawing; export it as PNG and name that file")
    raise ValueError(f"{path.name} is not a PNG or JPEG image")


def font_problem(path: Path) -> str | None:
    """Why a user's font file cannot be used, or None when it looks like a TrueType or
    OpenType font (its glyphs are checked against the document when it is drawn)."""
    try:
        head = _head(path)
    except ValueError as exc:
        return str(exc)
    if not head.startswith(_FONT_KINDS):
        return f"{path.name} is not a TrueType or OpenType font file (.ttf or .otf)"
    return None


def _head(path: Path) -> bytes:
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    try:
        with path.open("rb") as stream:
            return stream.read(16)
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None


def file_problems(
    logo: str | None,
    typeface: str | None,
    font_file: str | None,
    folder: Callable[[str], Path],
    source: SourceMap,
) -> list[Problem]:
    """The branding's logo and font file, checked at their lines: present, and of a kind
    drawn. Each path is relative to `folder(field)`: the folder of the file that wrote it."""
    problems = []
    if logo is not None:
        try:
            image_kind(folder("logo") / logo)
        except ValueError as exc:
            problems.append(source.problem(("branding", "logo"), str(exc)))
    if font_file is not None:
        if typeface is not None:
            problems.append(
                source.problem(
                    ("branding", "font_file"),
                    "give typeface or font_file, not both: the font file would replace the "
                    "typeface",
                )
            )
        reason = font_problem(folder("font_file") / font_file)
        if reason is not None:
            problems.append(source.problem(("branding", "font_file"), reason))
    return problems
