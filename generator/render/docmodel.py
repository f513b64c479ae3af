"""The small typed document model that every writer renders: blocks of inline runs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """Text in one style. Never contains markup: writers escape it for their format."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Break:
    """A line break inside a paragraph or cell."""


@dataclass(frozen=True)
class Checkbox:
    """A box to tick, written `[ ]` or `[x]` at the start of a table cell or list item."""

    checked: bool = False


Inline = Run | Break | Checkbox


@dataclass(frozen=True)
class Heading:
    level: int
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]
    checkbox: Checkbox | None = None


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Cell:
    content: tuple[Inline, ...]
    align: str | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Columns:
    """Side-by-side blocks without borders, such as the two parties of an agreement."""

    columns: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class SignatureField:
    """`Label: value`; an empty value is a line to write on."""

    label: tuple[Inline, ...]
    value: tuple[Inline, ...]


@dataclass(frozen=True)
class SignatureParty:
    heading: tuple[Block, ...]
    fields: tuple[SignatureField, ...]


@dataclass(frozen=True)
class Signature:
    parties: tuple[SignatureParty, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart: drawn as vectors in PDF, as an image in DOCX, as a table in text."""

    title: str
    unit: str
    bars: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class QrCode:
    """A QR code of `payload` (such as an EPC payment or a link), with a caption under it:
    vectors in the PDF, an image in the DOCX; Markdown and e-mail print `text` instead (where
    the code is to be found), never the caption that asks to scan it."""

    payload: str
    caption: str = ""
    text: str = ""


@dataclass(frozen=True)
class Keep:
    """Blocks that stay together on one page, such as a letter's closing and signature.
    `head` marks a letter's head (letterhead, date, inside address, subject): an e-mail,
    whose own From, To, Date and Subject say the same, leaves it out."""

    blocks: tuple[Block, ...]
    head: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line."""


Block = (
    Heading
    | Paragraph
    | ListBlock
    | Table
    | Quote
    | Columns
    | Signature
    | Keep
    | Chart
    | QrCode
    | PageBreak
    | Rule
)


@dataclass(frozen=True)
class DocumentMeta:
    """What goes around the content: title, footer, page label ('Page {page} of {pages}'),
    and a confidentiality notice printed at the top of every page when it is set."""

    title: str
    footer: str = ""
    confidential: str = ""
    page_label: str = "{page} / {pages}"
    author: str = ""
    subject: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def plain_text(content: tuple[Inline, ...]) -> str:
    """The inline content as plain text (a checkbox as ☐ or ☑)."""
    parts = []
    for inline in content:
        if isinstance(inline, Run):
            parts.append(inline.text)
        elif isinstance(inline, Break):
            parts.append("\n")
        else:
            parts.append("☑" if inline.checked else "☐")
    return "".join(parts)


def _inlines_of(block: Block) -> Iterator[Inline]:
    if isinstance(block, (Heading, Paragraph)):
        yield from block.content
    elif isinstance(block, ListBlock):
        for item in block.items:
            for inner in item.blocks:
                yield from _inlines_of(inner)
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            for cell in row:
                yield from cell.content
    elif isinstance(block, (Quote, Keep)):
        for inner in block.blocks:
            yield from _inlines_of(inner)
    elif isinstance(block, Columns):
        for column in block.columns:
            for inner in column:
                yield from _inlines_of(inner)
    elif isinstance(block, Signature):
        for party in block.parties:
            for inner in party.heading:
                yield from _inlines_of(inner)
            for field_ in party.fields:
                yield from (*field_.label, *field_.value)


def uses_italics(document: Document) -> bool:
    """Whether any text is in italics (writers load italic fonts only then)."""
    return any(
        isinstance(inline, Run) and inline.italic
        for block in document.blocks
        for inline in _inlines_of(block)
    )


def document_text(document: Document) -> str:
    """Every character a writer draws as text: the runs, charts and what goes around them."""
    meta = document.meta
    parts = [meta.title, meta.footer, meta.confidential, meta.page_label]
    for block in document.blocks:
        parts.extend(inline.text for inline in _inlines_of(block) if isinstance(inline, Run))
        parts.extend(_chart_text(block))
    return "\n".join(parts)


def _chart_text(block: Block) -> Iterator[str]:
    children: tuple[Block, ...] = ()
    if isinstance(block, Chart):
        yield from (block.title, block.unit, *(label for label, _ in block.bars))
    elif isinstance(block, (Quote, Keep)):
        children = block.blocks
    elif isinstance(block, Columns):
        children = tuple(inner for column in block.columns for inner in column)
    for child in children:
        yield from _chart_text(child)
