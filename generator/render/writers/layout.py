"""Layout arithmetic the writers share: how wide each table column and side-by-side column is."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..docmodel import Cell, Checkbox, Columns, QrCode, Run, Table, plain_text

Measure = Callable[[str, bool], float]
"""Width of a text in points, given whether it is bold."""

MAX_MIN_SHARE = 0.3
"""No column's minimum may claim more than this share of the width: long words wrap instead."""

NO_WRAP_WIDTH = 110.0
"""Cells narrower than this (dates, amounts, ids) are kept on one line when there is room."""

QR_COLUMN_MM = 40.0
"""A column of QR codes: the code (writers/qr.py) with its caption in two short lines."""


def column_shares(block: Columns, available: float, gap: float) -> list[float]:
    """Side-by-side columns' widths, in the unit of `available` and `gap` (millimetres): a
    column holding only QR codes takes what the code needs and the others share the rest, so
    an IBAN beside a code stays on one line."""
    narrow = [bool(c) and all(isinstance(b, QrCode) for b in c) for c in block.columns]
    rest = available - gap * (len(block.columns) - 1) - QR_COLUMN_MM * sum(narrow)
    wide = len(narrow) - sum(narrow)
    if not wide or rest <= 0:
        share = (available - gap * (len(block.columns) - 1)) / len(block.columns)
        return [share] * len(block.columns)
    return [QR_COLUMN_MM if is_narrow else rest / wide for is_narrow in narrow]


def column_widths(table: Table, available: float, measure: Measure, padding: float) -> list[float]:
    """Widths that sum to `available`, like a browser's automatic table layout.

    Each column gets at least its longest word (capped, so a long URL wraps rather than squeezing
    the others), and the rest is shared in proportion to how much more each column would use.
    """
    rows: list[Sequence[Cell]] = [table.header, *table.rows]
    count = max(len(row) for row in rows)
    word = [0.0] * count  # the longest word: below this a column would break words
    whole = [0.0] * count  # short cells (dates, amounts) kept on one line
    natural = [0.0] * count
    for row_index, row in enumerate(rows):
        for column, cell in enumerate(row):
            bold = row_index == 0 or any(isinstance(i, Run) and i.bold for i in cell.content)
            low, high = _cell_extent(cell, measure, bold)
            word[column] = max(word[column], low + 2 * padding)
            whole[column] = max(
                whole[column], (high if high <= NO_WRAP_WIDTH else low) + 2 * padding
            )
            natural[column] = max(natural[column], high + 2 * padding)
    # Short cells stay whole while there is room; in a crowded table they may wrap between
    # words ("16 Oct / 2026") before any word is broken.
    minimum = whole if sum(whole) <= available else word
    cap = available * MAX_MIN_SHARE
    minimum = [min(width, cap) for width in minimum]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(minimum) >= available:
        return [available * m / sum(minimum) for m in minimum]
    if sum(natural) <= available:
        spare = available - sum(natural)
        return [n + spare * n / sum(natural) for n in natural]
    stretch = [n - m for n, m in zip(natural, minimum, strict=True)]
    spare = available - sum(minimum)
    return [m + spare * s / sum(stretch) for m, s in zip(minimum, stretch, strict=True)]


def _cell_extent(cell: Cell, measure: Measure, bold: bool) -> tuple[float, float]:
    if cell.content and all(isinstance(i, Checkbox) for i in cell.content):
        width = measure("☐", False) * 1.4
        return width, width
    text = plain_text(cell.content)
    # Only ASCII white space separates words: Babel's no-break spaces inside dates and
    # amounts ("30 сентября 2026 г.", "341 000,00 ₽") must never be line-break points.
    words = [word for word in re.split(r"[ \t\n]+", text) if word]
    longest_word = max((measure(word, bold) for word in words), default=0.0)
    longest_line = max((measure(line, bold) for line in text.split("\n")), default=0.0)
    return longest_word, longest_line
