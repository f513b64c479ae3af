"""Markdown writer: the document as clean GitHub-flavoured Markdown, for e-mail or a wiki."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import docmodel as dm
from . import WriterOptions

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([-+=>])(?=\s|$|=)", re.MULTILINE)


def _guard_line_start(match: re.Match[str]) -> str:
    # "22. marraskuuta" would start a numbered list: escape the full stop ("22\."), since
    # CommonMark only takes a backslash before punctuation. "- x" becomes "\- x".
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(4)}\\{match.group(5)}"


def write(document: dm.Document, options: WriterOptions) -> bytes:
    """The document as UTF-8 Markdown; signature lines become fill-in rules."""
    del options  # Markdown has no paper or metadata dates
    chunks = list(_blocks(document.blocks))
    if document.meta.confidential:  # the PDF and DOCX print it on every page
        chunks.insert(0, f"**{_escape(document.meta.confidential)}**")
    footer = document.meta.footer
    if footer:
        chunks.append(f"---\n\n*{_escape(footer)}*")
    return ("\n\n".join(chunks).rstrip() + "\n").encode("utf-8")


def _blocks(blocks: Iterable[dm.Block]) -> Iterable[str]:
    for block in blocks:
        text = _block(block)
        if text:
            yield text


def _block(block: dm.Block) -> str:
    if isinstance(block, dm.Heading):
        return f"{'#' * block.level} {_inline(block.content)}"
    if isinstance(block, dm.Paragraph):
        # A line that starts like a list item or quote would turn into one: escape it.
        return _LINE_START.sub(_guard_line_start, _inline(block.content))
    if isinstance(block, dm.ListBlock):
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}." if block.ordered else "-"
            if item.checkbox is not None:
                marker += " [x]" if item.checkbox.checked else " [ ]"
            body = "\n\n".join(_blocks(item.blocks)) or ""
            indent = " " * (len(marker) + 1)
            lines.append(f"{marker} " + body.replace("\n", "\n" + indent))
        return "\n".join(lines)
    if isinstance(block, dm.Table):
        header = "| " + " | ".join(_cell(c) for c in block.header) + " |"
        rule = "|" + "|".join(_rule(c.align) for c in block.header) + "|"
        rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return "\n".join([header, rule, *rows])
    if isinstance(block, dm.Columns):
        return "\n\n".join("\n\n".join(_blocks(column)) for column in block.columns)
    if isinstance(block, dm.Signature):
        parties = []
        for party in block.parties:
            fields = [
                f"{_inline(field.label)}: {_inline(field.value) or '_' * 30}"
                for field in party.fields
            ]
            parties.append("\n\n".join([*_blocks(party.heading), "\\\n".join(fields)]))
        return "\n\n".join(parties)
    if isinstance(block, dm.Chart) and not block.bars:
        return ""  # nothing measured: no chart
    if isinstance(block, dm.Chart):
        bars = "\n".join(f"| {_escape(label)} | {value:g} |" for label, value in block.bars)
        return f"**{_escape(block.title)}**\n\n| | {_escape(block.unit)} |\n|---|---:|\n{bars}"
    if isinstance(block, dm.QrCode):
        return _escape(block.text)
    if isinstance(block, dm.Keep):
        return "\n\n".join(_blocks(block.blocks))
    if isinstance(block, dm.Quote):
        inner = "\n\n".join(_blocks(block.blocks))
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if isinstance(block, dm.PageBreak | dm.Rule):
        return "---"
    return ""


def _rule(align: str | None) -> str:
    return {"right": "---:", "center": ":---:"}.get(align or "", "---")


def _cell(cell: dm.Cell) -> str:
    return _inline(cell.content, in_table=True)


def _inline(content: Iterable[dm.Inline], *, in_table: bool = False) -> str:
    parts = []
    for inline in content:
        if isinstance(inline, dm.Break):
            parts.append("<br>" if in_table else "\\\n")
        elif isinstance(inline, dm.Checkbox):
            parts.append("☑" if inline.checked else "☐")
        else:
            text = _escape(inline.text)
            if inline.bold:
                text = f"**{text}**"
            if inline.italic:
                text = f"*{text}*"
            if inline.href:
                text = f"[{text}](<{inline.href}>)"
            parts.append(text)
    return "".join(parts)


def _escape(text: str) -> str:
    # Only what would change the meaning in Markdown, so the file stays pleasant to read.
    return _SPECIAL.sub(r"\\\1", text)
