"""QR codes from segno's matrix: reportlab vectors for the PDF, a PNG for the DOCX."""

from __future__ import annotations

import io
from typing import Any

from .. import docmodel as dm

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
SIZE_MM = 32.0  # the whole square with its quiet zone: the code itself stays above 2.5 cm
_MM = 72 / 25.4


def _code(block: dm.QrCode) -> Any:
    import segno

    # Error level M, as EPC069-12 requires of payment codes; UTF-8 bytes as the payload says.
    return segno.make(block.payload, error="m", encoding="utf-8", micro=False, boost_error=False)


def drawing(block: dm.QrCode, size_mm: float = SIZE_MM) -> Any:
    """The code as a reportlab Drawing of filled rectangles, one per run of dark modules."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import black

    rows = [bytes(row) for row in _code(block).matrix_iter(border=QUIET_ZONE)]
    size = size_mm * _MM
    module = size / len(rows)
    canvas = Drawing(size, size)
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            top = size - (y + 1) * module
            canvas.add(
                Rect(
                    start * module,
                    top,
                    (x - start) * module,
                    module,
                    fillColor=black,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
    return canvas


def png(block: dm.QrCode, scale: int = 10) -> bytes:
    """The code as a PNG (segno writes it without Pillow), for DOCX."""
    out = io.BytesIO()
    _code(block).save(out, kind="png", scale=scale, border=QUIET_ZONE)
    return out.getvalue()
