"""The page frame: paper, margins, the logo on page 1, and the footer drawn on every page
(page N of M, the legal particulars, a confidentiality notice at the top)."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ... import docmodel as dm
from .base import DEFAULT_THEME, MUTED, Theme

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 20 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 17 * mm  # the footer's rule sits 3 mm below the text, its line 10 mm up
FOOTER_Y = 10 * mm
LOGO_MAX_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 60 * mm


def logo(data: bytes) -> Flowable:
    """The logo at the top of page 1, as large as fits 60 × 18 mm, its aspect ratio kept."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, height = ImageReader(io.BytesIO(data)).getSize()
    scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
    image = Image(io.BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")
    image.spaceAfter = 4 * mm
    return image


def footer_canvas(
    meta: dm.DocumentMeta,
    pagesize: tuple[float, float],
    theme: Theme = DEFAULT_THEME,
    legal: str = "",
) -> type[Canvas]:
    """A canvas that holds every page back until the end, so the footer can say 'of N'."""

    class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()
            # Form fields name their page while it is drawn; pages are only added at the end.
            self._doc.pageCounter = len(self._saved_pages) + 1

        def save(self) -> None:
            self._doc.pageCounter = 1
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            label = meta.page_label.replace("{page}", str(number)).replace("{pages}", str(total))
            y = FOOTER_Y
            fonts = theme.fonts
            self.saveState()
            self.setStrokeColor(theme.rule_colour)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 10, pagesize[0] - MARGIN_X, y + 10)
            self.setFont(fonts.regular, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, meta.footer)
            self.drawRightString(pagesize[0] - MARGIN_X, y, label)
            if legal:
                # The company's legal particulars, under the footer on every page.
                self.setFont(fonts.regular, 6.5)
                width = pagesize[0] - 2 * MARGIN_X
                for index, line in enumerate(_legal_lines(legal, fonts.regular, width)):
                    self.drawString(MARGIN_X, y - 9 - 8 * index, line)
            if meta.confidential:
                # Every page says it, so a page that strays from the rest still does.
                self.setFont(fonts.bold, 7.5)
                self.setFillColor(theme.accent_colour)
                self.drawRightString(
                    pagesize[0] - MARGIN_X, pagesize[1] - MARGIN_TOP + 5 * mm, meta.confidential
                )
            self.restoreState()

    return FooterCanvas


def _legal_lines(text: str, font: str, width: float) -> list[str]:
    """The legal footer in lines that fit the page width, broken between its particulars."""
    lines: list[str] = []
    for part in text.split(" · "):
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and pdfmetrics.stringWidth(joined, font, 6.5) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines
