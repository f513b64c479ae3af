"""Inline runs as reportlab paragraph markup: every character escaped, every glyph drawable."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from ....errors import InputError
from ... import docmodel as dm
from ...glyphs import Coverage, first_refused
from ..fonts import FONT
from ..layout import unbroken_numbers
from .base import DEFAULT_THEME, Theme, box


def markup(content: Iterable[dm.Inline], theme: Theme = DEFAULT_THEME) -> str:
    """Inline content as reportlab paragraph markup; every character of text is escaped."""
    parts = []
    for inline in content:
        if isinstance(inline, dm.Break):
            parts.append("<br/>")
        elif isinstance(inline, dm.Checkbox):
            if theme.fonts.regular == FONT:
                parts.append(box(inline))
            else:  # few typefaces have the ballot boxes; DejaVu Sans is always there
                parts.append(f'<font name="{FONT}">{box(inline)}</font>')
        else:
            if theme.coverage is not None:
                _check_drawable(inline.text, theme.coverage)
            elif theme.fonts.regular == FONT:  # a user's font was checked by the pipeline
                _check_drawable(inline.text)
            # reportlab breaks lines at U+202F, Babel's narrow no-break space in amounts and
            # dates; the ordinary no-break space it keeps together.
            text = escape(unbroken_numbers(inline.text).replace("\u202f", "\u00a0"))
            if inline.bold:
                text = f"<b>{text}</b>"
            if inline.italic:
                text = f"<i>{text}</i>"
            if inline.href:
                href = escape(inline.href, {'"': "&quot;"})
                text = f'<a href="{href}" color="{theme.accent}">{text}</a>'
            parts.append(text)
    return "".join(parts)


def _check_drawable(text: str, coverage: Coverage | None = None) -> None:
    # The project's values were checked at their lines already (pipeline.check_drawable):
    # what is left is template text, which reportlab would draw as an empty box or drop.
    found = first_refused(text, coverage)
    if found is not None:
        raise InputError(f"the text {text.strip()[:60]!r}: {found[1]}")
