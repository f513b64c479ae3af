"""Parse the templates' Markdown (markdown-it-py) into the typed document model.

Supported: headings, paragraphs, emphasis, links, bullet and numbered lists, tables,
block quotes, `---` rules, `[ ]`/`[x]` checkboxes at the start of a list item or table cell,
and these `:::` containers: `meta` (title, footer, page label), `columns`/`column`,
`signature`/`party`, `keep` (blocks kept on one page), `head` (a letter's head: kept
together, and left out of an e-mail), `pagebreak`. Anything else is a template error, never
silently dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from ..errors import TemplateError
from .docmodel import (
    Block,
    Break,
    Cell,
    Chart,
    Checkbox,
    Columns,
    Document,
    DocumentMeta,
    Heading,
    Inline,
    Keep,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    QrCode,
    Quote,
    Rule,
    Run,
    Signature,
    SignatureField,
    SignatureParty,
    Table,
    plain_text,
)
from .templating import LINE_BREAK

CONTAINERS = (
    "meta",
    "columns",
    "column",
    "signature",
    "party",
    "pagebreak",
    "keep",
    "head",
    "chart",
    "qr",
)
_META_KEYS = {"title", "footer", "page", "author", "subject", "language", "confidential"}


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # Rules documents never use are off: fewer rules tried on every line makes parsing
    # cheaper, and an indented line or a `---` under text can never turn into a code block
    # or a heading by accident.
    md.disable(
        ["code", "fence", "html_block", "lheading", "reference", "image", "autolink", "html_inline"]
    )
    # Keep escaped characters as their own tokens (text_special) instead of merging them into
    # the text around: then a text token holds the template's own characters only.
    md.disable("text_join")
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    md.inline.ruler.before("link", "checkbox", _checkbox_rule)
    return md


def _checkbox_rule(state: StateInline, silent: bool) -> bool:
    # Only at the very start of a cell's or list item's text: data is always escaped (`\[`),
    # so a checkbox can come from the template alone.
    if state.pos != 0:
        return False
    marker = state.src[:3]
    if marker not in ("[ ]", "[x]", "[X]"):
        return False
    if not silent:
        token = state.push("checkbox", "", 0)
        token.meta = {"checked": marker != "[ ]"}
    state.pos += 3
    if state.src[state.pos : state.pos + 1] == " ":
        state.pos += 1
    return True


def parse_document(markdown_text: str, *, source: str = "template") -> Document:
    """Markdown from a template to a Document; `source` names the template in errors."""
    tokens = _parser().parse(markdown_text)
    reader = _Reader(tokens, source)
    blocks = reader.blocks(until=None)
    meta_blocks = [b for b in blocks if isinstance(b, _Container) and b.name == "meta"]
    if len(meta_blocks) != 1:
        raise TemplateError(f"{source}: needs exactly one `::: meta` block with the title")
    body = tuple(reader.finish(b) for b in blocks if b is not meta_blocks[0])
    return Document(meta=_meta(meta_blocks[0], source), blocks=body)


class _Container:
    """A `:::` container before it is turned into its model block."""

    def __init__(
        self,
        name: str,
        blocks: list[Block | _Container],
        line: int,
        values: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.blocks = blocks
        self.line = line
        self.values = values or {}


class _Reader:
    def __init__(self, tokens: Sequence[Token], source: str) -> None:
        self.tokens = tokens
        self.position = 0
        self.source = source

    def error(self, token: Token, message: str) -> TemplateError:
        line = token.map[0] + 1 if token.map else "?"
        return TemplateError(f"{self.source}: rendered Markdown line {line}: {message}")

    def next(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def blocks(self, until: str | None) -> list[Block | _Container]:
        found: list[Block | _Container] = []
        while self.position < len(self.tokens):
            token = self.next()
            kind = token.type
            if kind == until:
                return found
            if kind == "heading_open":
                found.append(Heading(int(token.tag[1:]), self.inline(self.next())))
                self.next()
            elif kind == "paragraph_open":
                found.append(Paragraph(self.inline(self.next())))
                self.next()
            elif kind in ("bullet_list_open", "ordered_list_open"):
                found.append(self.list_block(token))
            elif kind == "table_open":
                found.append(self.table())
            elif kind == "blockquote_open":
                found.append(Quote(tuple(self.finish(b) for b in self.blocks("blockquote_close"))))
            elif kind == "hr":
                found.append(Rule())
            elif kind == "container_meta_open":
                found.append(_Container("meta", [], 0, self.meta_values()))
            elif kind == "container_chart_open":
                found.append(self.chart(token))
            elif kind == "container_qr_open":
                found.append(self.qr())
            elif kind.startswith("container_") and kind.endswith("_open"):
                name = kind[len("container_") : -len("_open")]
                line = token.map[0] + 1 if token.map else 0
                found.append(_Container(name, self.blocks(f"container_{name}_close"), line))
            else:
                raise self.error(token, f"this Markdown is not supported in documents: {kind}")
        if until is not None:
            raise TemplateError(f"{self.source}: unclosed block (expected {until})")
        return found

    def meta_values(self) -> dict[str, str]:
        # Read line by line from the raw source: each template line is one `key: value`, and
        # data cannot add a line because its newlines arrive as LINE_BREAK.
        values: dict[str, str] = {}
        while True:
            token = self.next()
            if token.type == "container_meta_close":
                return values
            if token.type != "inline":
                continue
            for line in token.content.split("\n"):
                key, sep, value = line.partition(":")
                key = key.strip()
                if not sep or key not in _META_KEYS:
                    raise self.error(token, f"unknown `meta` line: {line!r}")
                parsed = _parser().parseInline(value.strip())
                values[key] = plain_text(self.inline(parsed[0])).replace("\n", " ")

    def keyed_lines(self, name: str) -> Iterator[tuple[Token, str, str, str]]:
        """(token, line, key, value) for each `key: value` line up to the container's end, read
        line by line like meta; a line without a colon has the key "" (the caller refuses it)."""
        while (token := self.next()).type != f"container_{name}_close":
            if token.type != "inline":
                continue
            for line in token.content.split("\n"):
                key, sep, value = line.partition(":")
                yield token, line, key.strip() if sep else "", value.strip()

    def shown(self, text: str) -> str:
        """A line's value as plain text: Markdown escapes undone, data never markup."""
        return plain_text(self.inline(_parser().parseInline(text)[0]))

    def chart(self, opening: Token) -> Chart:
        # `title: …`, `unit: …` and one `bar: label = number` a line; a label is data
        # (escaped), the number comes from the template's context.
        title, unit, bars = "", "", []
        for token, line, key, text in self.keyed_lines("chart"):
            if key == "bar":
                label, equals, number = text.rpartition("=")
                if not equals:
                    raise self.error(token, f"a chart bar is `bar: label = number`: {line!r}")
                bars.append((self.shown(label.strip()), float(number.strip())))
            elif key == "title":
                title = self.shown(text)
            elif key == "unit":
                unit = self.shown(text)
            else:
                raise self.error(token, f"unknown chart line: {line!r}")
        return Chart(title, unit, tuple(bars))

    def qr(self) -> QrCode:
        # `payload: <hex>`, `caption: …` and `text: …` (what Markdown and e-mail say instead).
        # The payload is the UTF-8 of what the context built, in hex digits: nothing a value
        # contains can reach the code but itself.
        payload, shown = "", {"caption": "", "text": ""}
        for token, line, key, text in self.keyed_lines("qr"):
            if key == "payload":
                try:
                    payload = bytes.fromhex(text).decode("utf-8")
                except ValueError:
                    raise self.error(token, f"a qr payload is hex digits: {line!r}") from None
            elif key in shown:
                shown[key] = self.shown(text)
            else:
                raise self.error(token, f"unknown qr line: {line!r}")
        if not payload:
            raise TemplateError(f"{self.source}: a qr block without its payload")
        return QrCode(payload, shown["caption"], shown["text"])

    def list_block(self, opening: Token) -> ListBlock:
        ordered = opening.type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        start = int(opening.attrs.get("start", 1)) if ordered else 1
        items: list[ListItem] = []
        while True:
            token = self.next()
            if token.type == closing:
                return ListBlock(tuple(items), ordered=ordered, start=start)
            blocks = [self.finish(b) for b in self.blocks("list_item_close")]
            checkbox = None
            if blocks and isinstance(blocks[0], Paragraph) and blocks[0].content:
                first = blocks[0].content[0]
                if isinstance(first, Checkbox):
                    checkbox = first
                    blocks[0] = Paragraph(blocks[0].content[1:])
            items.append(ListItem(tuple(blocks), checkbox))

    def table(self) -> Table:
        header: list[Cell] = []
        rows: list[tuple[Cell, ...]] = []
        row: list[Cell] = []
        while True:
            token = self.next()
            if token.type == "table_close":
                return Table(tuple(header), tuple(rows))
            if token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                align = style.removeprefix("text-align:") or None
                row.append(Cell(self.inline(self.next()), align))
                self.next()
            elif token.type == "tr_close":
                if not header and not rows:
                    header = row
                else:
                    rows.append(tuple(row))
                row = []

    def inline(self, token: Token) -> tuple[Inline, ...]:
        bold = italic = False
        href: str | None = None
        content: list[Inline] = []
        for child in token.children or []:
            kind = child.type
            if kind == "text" and ":::" in child.content:
                # Data can't produce this (its colons arrive escaped): a template line ending
                # in a tag such as {% endif %} swallowed the newline before a closing `:::`.
                raise self.error(
                    token,
                    "`:::` inside text: put a blank line before it (a `%}` at the end of the "
                    "line above removed the line break)",
                )
            if kind in ("text", "text_special"):
                content.extend(_split_breaks(child.content, bold, italic, href))
            elif kind == "strong_open" or kind == "strong_close":
                bold = kind == "strong_open"
            elif kind == "em_open" or kind == "em_close":
                italic = kind == "em_open"
            elif kind == "code_inline":
                content.append(Run(child.content, bold, italic, href))
            elif kind == "softbreak":
                content.append(Run(" ", bold, italic, href))
            elif kind == "hardbreak":
                content.append(Break())
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
            elif kind == "link_close":
                href = None
            elif kind == "checkbox":
                content.append(Checkbox(bool(child.meta["checked"])))
            elif kind in ("s_open", "s_close"):
                continue
            else:
                raise self.error(token, f"this inline Markdown is not supported: {kind}")
        return _merge(content)

    def finish(self, block: Block | _Container) -> Block:
        """Turn a container into its model block; other blocks pass through."""
        if not isinstance(block, _Container):
            return block
        where = f"{self.source}: rendered Markdown line {block.line}"
        if block.name == "pagebreak":
            return PageBreak()
        if block.name in ("keep", "head"):
            return Keep(tuple(self.finish(b) for b in block.blocks), head=block.name == "head")
        if block.name == "columns":
            columns = [c for c in block.blocks if isinstance(c, _Container) and c.name == "column"]
            if len(columns) != len(block.blocks) or not columns:
                raise TemplateError(f"{where}: `columns` holds only `column` blocks")
            return Columns(tuple(tuple(self.finish(b) for b in c.blocks) for c in columns))
        if block.name == "signature":
            parties = [p for p in block.blocks if isinstance(p, _Container) and p.name == "party"]
            if len(parties) != len(block.blocks) or not parties:
                raise TemplateError(f"{where}: `signature` holds only `party` blocks")
            return Signature(tuple(self.party(p, where) for p in parties))
        raise TemplateError(f"{where}: `{block.name}` cannot stand here")

    def party(self, container: _Container, where: str) -> SignatureParty:
        blocks = [self.finish(b) for b in container.blocks]
        if not blocks or not isinstance(blocks[-1], ListBlock):
            raise TemplateError(f"{where}: a `party` ends with a list of `Label: value` lines")
        fields = tuple(_signature_field(item, where) for item in blocks[-1].items)
        return SignatureParty(tuple(blocks[:-1]), fields)


def _split_breaks(text: str, bold: bool, italic: bool, href: str | None) -> list[Inline]:
    parts: list[Inline] = []
    for index, piece in enumerate(text.split(LINE_BREAK)):
        if index:
            parts.append(Break())
        if piece:
            parts.append(Run(piece, bold, italic, href))
    return parts


def _merge(content: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring runs of the same style, so writers emit as few runs as possible."""
    merged: list[Inline] = []
    for inline in content:
        previous = merged[-1] if merged else None
        if (
            isinstance(inline, Run)
            and isinstance(previous, Run)
            and (previous.bold, previous.italic, previous.href)
            == (inline.bold, inline.italic, inline.href)
        ):
            merged[-1] = Run(previous.text + inline.text, inline.bold, inline.italic, inline.href)
        else:
            merged.append(inline)
    return tuple(merged)


def _signature_field(item: ListItem, where: str) -> SignatureField:
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
        raise TemplateError(f"{where}: each signature line is one `Label: value` line")
    content = item.blocks[0].content
    for index, inline in enumerate(content):
        if isinstance(inline, Run) and ":" in inline.text:
            label, _, rest = inline.text.partition(":")
            before = (*content[:index], Run(label, inline.bold, inline.italic))
            after_run = rest.lstrip()
            after = ((Run(after_run, inline.bold, inline.italic),) if after_run else ()) + content[
                index + 1 :
            ]
            return SignatureField(_merge(list(before)), _merge(list(after)))
    raise TemplateError(f"{where}: a signature line needs `Label:` ({plain_text(content)})")


def _meta(container: _Container, source: str) -> DocumentMeta:
    values = container.values
    if "title" not in values:
        raise TemplateError(f"{source}: `meta` needs a title")
    return DocumentMeta(
        title=values["title"],
        footer=values.get("footer", ""),
        confidential=values.get("confidential", ""),
        page_label=values.get("page", "{page} / {pages}"),
        author=values.get("author", ""),
        subject=values.get("subject", ""),
        language=values.get("language", "en"),
    )
