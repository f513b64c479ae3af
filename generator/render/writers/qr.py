"""QR codes from segno's matrix: one filled path on the PDF canvas, a PNG for the DOCX."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import Flowable

from .. import docmodel as dm

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
SIZE_MM = 25.0  # the whole square with its quiet zone: phones read a payment code from 2.5 cm
_MM = 72 / 25.4


def _code(block: dm.QrCode) -> Any:
    import segno

    # Error level M, as EPC069-12 requires of payment codes; UTF-8 bytes as the payload says.
    return segno.make(block.payload, error="m", encoding="utf-8", micro=False, boost_error=False)


def dark_runs(block: dm.QrCode) -> tuple[int, list[tuple[int, int, int]]]:
    """The matrix's side in modules (quiet zone included) and its dark runs, (row, start, end)."""
    rows = [bytes(row) for row in _code(block).matrix_iter(border=QUIET_ZONE)]
    runs = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append((y, start, x))
    return len(rows), runs


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """The code drawn straight on the canvas as one path of rectangles: no text, so no font
    (a reportlab Drawing would set an unembedded Helvetica for its labels)."""

    def __init__(self, block: dm.QrCode, size_mm: float = SIZE_MM) -> None:
        super().__init__()
        self.side, self.runs = dark_runs(block)
        self.size = size_mm * _MM
        self.width = self.height = self.size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        module = self.size / self.side
        path = canvas.beginPath()
        for y, start, end in self.runs:
            path.rect(start * module, self.size - (y + 1) * module, (end - start) * module, module)
        canvas.saveState()
        canvas.setFillGray(0)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


def png(block: dm.QrCode, scale: int = 10) -> bytes:
    """The code as a PNG (segno writes it without Pillow), for DOCX."""
    out = io.BytesIO()
    _code(block).save(out, kind="png", scale=scale, border=QUIET_ZONE)
    return out.getvalue()
