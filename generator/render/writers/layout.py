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

_GROUPED_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d])")

QR_COLUMN_MM = 40.0
"""A column of QR codes: the code (writers/qr.py) with its caption in two short lines."""


def unbroken_numbers(text: str) -> str:
    """Text with the spaces inside a number grouped by spaces ("6 500", "1 240 000") made
    no-break spaces, so a line never ends inside a number typed the Nordic or Russian way."""
    if " " not in text:
        return text
    return _GROUPED_NUMBER.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\u00a0"), text)


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
            # What must not wrap is a date, an amount, a number: a cell with a digit. A header
            # or a cell of words may wrap between them ("Days / overdue") first.
            keep = row_index > 0 and high <= NO_WRAP_WIDTH and _has_digit(cell)
            whole[column] = max(whole[column], (high if keep else low) + 2 * padding)
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
    # Not every column fits on its lines: share what is left over the minimums evenly, and a
    # column that needs less than its share to fit on its lines gets just that. So a short
    # column ("Outstanding on invoice 2026-044") fits and only the long one wraps, instead of
    # both wrapping for want of a point or two each.
    stretch = [n - m for n, m in zip(natural, minimum, strict=True)]
    extra = [0.0] * count
    spare = available - sum(minimum)
    open_columns = sorted((c for c in range(count) if stretch[c] > 0), key=lambda c: stretch[c])
    while open_columns:
        share = spare / len(open_columns)
        column = open_columns[0]
        if stretch[column] > share:
            for column in open_columns:
                extra[column] = share
            break
        extra[column] = stretch[column]
        spare -= stretch[column]
        open_columns.pop(0)
    return [m + e for m, e in zip(minimum, extra, strict=True)]


def _has_digit(cell: Cell) -> bool:
    return any(char.isdigit() for char in plain_text(cell.content))


def _cell_extent(cell: Cell, measure: Measure, bold: bool) -> tuple[float, float]:
    if cell.content and all(isinstance(i, Checkbox) for i in cell.content):
        width = measure("☐", False) * 1.4
        return width, width
    # The PDF draws Babel's narrow no-break space (before "г." in Russian dates) as a full one:
    # measured narrow, the last letters of "30 сентября 2026 г." went to a line of their own.
    text = plain_text(cell.content).replace("\u202f", "\u00a0")
    # Only ASCII white space separates words: Babel's no-break spaces inside dates and
    # amounts ("30 сентября 2026 г.", "341 000,00 ₽") must never be line-break points.
    words = [word for word in re.split(r"[ \t\n]+", text) if word]
    longest_word = max((measure(word, bold) for word in words), default=0.0)
    longest_line = max((measure(line, bold) for line in text.split("\n")), default=0.0)
    return longest_word, longest_line
