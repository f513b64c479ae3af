"""Bar charts, drawn once per format: reportlab vectors for PDF, a Pillow image for DOCX."""

from __future__ import annotations

import io
import math
from typing import Any

from .. import docmodel as dm

INK = (0x1F, 0x23, 0x28)
MUTED = (0x59, 0x63, 0x6E)
ACCENT = (0x1D, 0x35, 0x57)
GRID = (0xC9, 0xD1, 0xD9)


def axis(values: list[float]) -> tuple[float, float]:
    """The value axis's top and step: a round step (1, 2, 5, 10, 25, …; whole when every value
    is whole), four or five steps high, with room above the tallest bar for its label."""
    top = max([*values, 1.0]) * 1.15
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    whole = all(float(v).is_integer() for v in values)
    steps = (1, 2, 5, 10) if whole and power < 10 else (1, 2, 2.5, 5, 10)
    step = next(s * power for s in steps if s * power >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    return step * math.ceil(top / step), step


def drawing(chart: dm.Chart, width: float, height: float = 150.0) -> Any:
    """The chart as a reportlab Drawing: vector graphics in the PDF."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
    from reportlab.lib import colors

    from .fonts import FONT

    # The drawing renderer starts every drawing by selecting its default font, Helvetica,
    # which would then sit in the PDF unembedded: make the default our embedded font.
    STATE_DEFAULTS["fontName"] = FONT
    values = [value for _, value in chart.bars]
    canvas = Drawing(width, height)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 36, 28, width - 48, height - 58
    bars.data = [values or [0]]
    bars.categoryAxis.categoryNames = [label for label, _ in chart.bars] or [""]
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.angle = 0 if len(chart.bars) <= 6 else 30
    ceiling, step = axis(values)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = ceiling
    bars.valueAxis.valueStep = step
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.Color(*(c / 255 for c in GRID))
    bars.bars[0].fillColor = colors.Color(*(c / 255 for c in ACCENT))
    bars.barLabelFormat = "%g"
    bars.barLabels.fontName = FONT
    bars.barLabels.fontSize = 7
    bars.barLabels.nudge = 6
    canvas.add(bars)
    canvas.add(String(36, height - 12, chart.title, fontName=f"{FONT}-Bold", fontSize=9))
    canvas.add(
        String(width - 12, height - 12, chart.unit, fontName=FONT, fontSize=7, textAnchor="end")
    )
    return canvas


def png(chart: dm.Chart, width: int = 1200, height: int = 450) -> bytes:
    """The chart as a PNG (Pillow, which reportlab already depends on), for DOCX."""
    from PIL import Image, ImageDraw, ImageFont

    from .fonts import FONT_DIR

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    regular = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 22)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 26)
    draw.text((90, 14), chart.title, fill=INK, font=bold)
    draw.text((width - 20, 18), chart.unit, fill=MUTED, font=regular, anchor="ra")
    left, top, right, bottom = 90, 80, width - 30, height - 70
    values = [value for _, value in chart.bars]
    ceiling, step = axis(values)
    for tick in range(round(ceiling / step) + 1):
        y = bottom - (bottom - top) * tick * step / ceiling
        draw.line((left, y, right, y), fill=GRID, width=2)
        draw.text((left - 12, y), f"{tick * step:g}", fill=MUTED, font=regular, anchor="rm")
    count = max(len(chart.bars), 1)
    slot = (right - left) / count
    for index, (label, value) in enumerate(chart.bars):
        x0 = left + slot * index + slot * 0.2
        x1 = left + slot * (index + 1) - slot * 0.2
        y = bottom - (bottom - top) * value / ceiling
        draw.rectangle((x0, y, x1, bottom), fill=ACCENT)
        draw.text(((x0 + x1) / 2, y - 6), f"{value:g}", fill=INK, font=regular, anchor="md")
        draw.text(((x0 + x1) / 2, bottom + 12), label, fill=INK, font=regular, anchor="ma")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
