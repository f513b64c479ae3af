"""Draws samples/brand/revontuli-logo.png, the sample agency's mark: run it to remake it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[1] / "generator" / "render" / "fonts" / "pt_serif" / "PTSerif-Bold.ttf"
ACCENT = (0x1F, 0x6F, 0x5C)
SCALE = 4  # drawn four times larger, then reduced: smooth edges without an antialiasing API


def draw() -> Image.Image:
    """Three bands of northern lights in a disc, and the name beside it."""
    width, height = 760 * SCALE, 200 * SCALE
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    pen.ellipse((10 * SCALE, 10 * SCALE, 190 * SCALE, 190 * SCALE), fill=ACCENT)
    for index in range(3):
        top = (52 + index * 32) * SCALE
        box = (40 * SCALE, top, 160 * SCALE, top + 64 * SCALE)
        pen.arc(box, start=200, end=340, fill="white", width=(13 - index * 3) * SCALE)
    font = ImageFont.truetype(str(FONT), 92 * SCALE)
    pen.text((222 * SCALE, 100 * SCALE), "Revontuli", font=font, fill=ACCENT, anchor="lm")
    return image.resize((width // SCALE, height // SCALE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw().save(HERE / "revontuli-logo.png", optimize=True)
