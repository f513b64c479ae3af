"""PDF writer (reportlab platypus) with embedded fonts, a page-N-of-M footer and branding."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    LayoutError,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as rl_paragraph

from ...errors import InputError, RenderError
from .. import docmodel as dm
from ..glyphs import Coverage, first_refused, typeface_coverage
from . import Brand, WriterOptions
from .fonts import DEFAULT_FONTS, FONT, FontSet, register_fonts, register_typeface
from .layout import column_shares, column_widths
from .pdf_forms import FieldNames, FormLine, TickBox
from .urls import split_pairs

# reportlab breaks a URL that does not fit only at its slashes, and only with a scheme; any
# other long word (an e-mail address, a host name) it cuts between any two letters. Its line
# breaker asks this one function where a URL may break: ours answers after / . - or @, and
# for every URL or e-mail address. Nothing is inserted into the text, so what is copied or
# extracted from the PDF is the address as written.
rl_paragraph._uri_split_pairs = split_pairs

PAPER = {"a4": A4, "letter": LETTER}

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#59636e")
ACCENT = colors.HexColor("#1d3557")
RULE = colors.HexColor("#c9d1d9")
HEADER_FILL = colors.HexColor("#eef2f6")

MARGIN_X = 20 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
CELL_PADDING = 4
LOGO_MAX_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 60 * mm


@dataclass(frozen=True)
class _Theme:
    """The faces and colours a document is drawn in: the defaults, or its branding's."""

    fonts: FontSet = DEFAULT_FONTS
    accent: str = "#1d3557"
    rule: str = "#c9d1d9"
    coverage: Coverage | None = None  # None: DejaVu Sans, checked by glyphs.drawable

    @property
    def accent_colour(self) -> Any:
        return ACCENT if self.accent == "#1d3557" else colors.HexColor(self.accent)

    @property
    def rule_colour(self) -> Any:
        return RULE if self.rule == "#c9d1d9" else colors.HexColor(self.rule)


DEFAULT_THEME = _Theme()


def _theme(brand: Brand | None, italic: bool) -> _Theme:
    if brand is None:
        register_fonts(italic=italic)
        return DEFAULT_THEME
    fonts = register_typeface(brand.typeface, brand.font_file)
    accent = (brand.accent or DEFAULT_THEME.accent).lower()
    # Branded rules are drawn in the accent colour: the brand's one colour on the page.
    rule = accent if brand.accent else DEFAULT_THEME.rule
    # A user's font was checked against the whole document before writing (pipeline).
    coverage = None if brand.font_file else typeface_coverage(brand.typeface)
    return _Theme(fonts, accent, rule, coverage)


@functools.lru_cache(maxsize=4)
def _styles(theme: _Theme = DEFAULT_THEME) -> dict[str, ParagraphStyle]:
    fonts, accent = theme.fonts, theme.accent_colour
    # 9.5 on 12.8 points: a letter's usual 1.35 leading, so a one-invoice reminder with its
    # payment details and sign-off fits on one page.
    # uriWasteReduce: a URL that would leave more than a third of its line empty is broken
    # (at the places urls.py allows) rather than moved whole to the next line.
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.5,
        leading=12.8,
        textColor=INK,
        uriWasteReduce=0.3,
    )
    styles = {
        "body": ParagraphStyle("body-spaced", parent=base, spaceAfter=5),
        # A letter's title is its subject line, not a poster: a little larger than a section
        # heading, and no larger than a checklist needs either.
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            textColor=accent,
            spaceBefore=2,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=11.5,
            leading=15,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=fonts.bold,
            fontSize=10,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=fonts.bold,
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=fonts.bold,
            fontSize=8,
            leading=11,
            textColor=accent,
        ),
        "list": ParagraphStyle("list", parent=base, spaceAfter=1),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=MUTED),
        "quote": ParagraphStyle("quote", parent=base, textColor=MUTED, leftIndent=10),
    }
    return styles


def write(document: dm.Document, options: WriterOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    theme = _theme(options.brand, dm.uses_italics(document))
    buffer = io.BytesIO()
    pagesize = PAPER[options.paper]
    frame_width = pagesize[0] - 2 * MARGIN_X
    meta = document.meta
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        # Written invariant (fixed dates), so the date a document was made for goes here:
        # render/dated.py reads it to tell "only the date differs" apart.
        keywords=f"as-of {options.as_of.isoformat()}",
        creator="inwriting",
        producer="inwriting",
        invariant=1,
        lang=meta.language,
        initialFontName=theme.fonts.regular,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        frame_width,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    frame_height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    story = list(_Builder(frame_width, frame_height, theme=theme).blocks(document.blocks))
    brand = options.brand
    if brand is not None and brand.logo is not None:
        story.insert(0, _logo(brand.logo))
    legal = brand.legal if brand is not None else ""
    try:
        doc.build(story, canvasmaker=_footer_canvas(meta, pagesize, theme, legal))
    except LayoutError as exc:
        del exc  # reportlab's message describes its own objects, not the user's text
        raise RenderError(
            "a block of the document is taller than a page and cannot be split across pages; "
            "shorten its longest text (typically a name or address in the signature block)"
        ) from None
    return buffer.getvalue()


@contextlib.contextmanager
def _strict_bounds() -> Iterator[None]:
    # By default reportlab draws a block taller than the page off its bottom edge, where
    # nobody can read it. Make it raise instead, so the user hears about it.
    previous = rl_config.allowTableBoundsErrors
    rl_config.allowTableBoundsErrors = 0
    try:
        yield
    finally:
        rl_config.allowTableBoundsErrors = previous


class _Builder:
    """Turns model blocks into platypus flowables for a frame of a given width."""

    def __init__(
        self,
        width: float,
        page_height: float,
        names: FieldNames | None = None,
        theme: _Theme = DEFAULT_THEME,
    ) -> None:
        self.width = width
        self.page_height = page_height  # the height of an empty frame
        self.theme = theme
        self.styles = _styles(theme)
        self.names = names or FieldNames()

    def markup(self, content: Iterable[dm.Inline]) -> str:
        return markup(content, self.theme)

    def blocks(self, blocks: Iterable[dm.Block]) -> Iterable[Flowable]:
        items = list(blocks)
        held: list[Flowable] = []
        for index, block in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(block, dm.Heading) and isinstance(following, dm.ListBlock):
                # A list is a container, which reportlab will not keep with the heading before
                # it: hold the heading and keep the two together explicitly.
                held = list(self.block(block))
                continue
            if isinstance(block, dm.Paragraph) and isinstance(following, dm.Keep):
                # A sign-off never starts a page alone: the sentence before it goes with it.
                held = [*held, *self.block(block)]
                continue
            if isinstance(block, dm.ListBlock) and isinstance(following, dm.Keep):
                # A list before a sign-off (the termination's rights and materials): its last
                # item goes with the sign-off, the rest stays with the heading before it.
                if len(block.items) > 1:
                    first = dataclasses.replace(block, items=block.items[:-1])
                    leading = self.list_block(first, space_after=1)
                    if held:
                        yield KeepTogether(_flat([*held, leading]))
                    else:
                        yield leading
                    last = dataclasses.replace(
                        block, items=block.items[-1:], start=block.start + len(block.items) - 1
                    )
                    held = [self.list_block(last)]
                else:
                    held = [*held, *self.block(block)]
                continue
            if held:
                yield KeepTogether(_flat([*held, *self.block(block)]))
                held = []
                continue
            for flowable in self.block(block):
                if isinstance(following, dm.Signature) and isinstance(flowable, Paragraph):
                    # What leads into the signatures is never left behind on the page before.
                    flowable.keepWithNext = True
                yield flowable

    def block(self, block: dm.Block) -> Iterable[Flowable]:
        styles = self.styles
        if isinstance(block, dm.Heading):
            style = styles[
                "h1"
                if block.level == 1
                else "h2"
                if block.level == 2
                else "h3"
                if block.level == 3
                else "label"
            ]
            text = self.markup(block.content)
            if block.level >= 4:
                text = text.upper()
            paragraph = Paragraph(text, style)
            paragraph.keepWithNext = True
            yield paragraph
        elif isinstance(block, dm.Paragraph):
            yield Paragraph(self.markup(block.content), styles["body"])
        elif isinstance(block, dm.ListBlock):
            yield self.list_block(block)
        elif isinstance(block, dm.Table):
            yield self.table(block)
        elif isinstance(block, dm.Columns):
            yield self.columns(block)
        elif isinstance(block, dm.Signature):
            yield self.signature(block)
        elif isinstance(block, dm.Quote):
            yield from self.quote(block)
        elif isinstance(block, dm.Chart) and block.bars:  # nothing measured: nothing to draw
            from .charts import drawing

            yield drawing(block, self.width)
            yield Spacer(1, 8)
        elif isinstance(block, dm.QrCode):
            from .qr import QrFlowable

            yield QrFlowable(block)
            if block.caption:
                yield Paragraph(escape(block.caption), self.styles["small"])
            yield Spacer(1, 4)
        elif isinstance(block, dm.Keep):
            yield KeepTogether(_flat(self.blocks(block.blocks)))
        elif isinstance(block, dm.PageBreak):
            yield PageBreak()
        elif isinstance(block, dm.Rule):
            yield HRFlowable(
                width="100%",
                thickness=0.5,
                color=self.theme.rule_colour,
                spaceBefore=4,
                spaceAfter=8,
            )

    def sub(self, width: float) -> _Builder:
        return _Builder(width, self.page_height, self.names, self.theme)

    def list_block(self, block: dm.ListBlock, space_after: float = 6) -> Flowable:
        items = []
        for item in block.items:
            flowables = list(self.sub(self.width - 16).blocks(item.blocks))
            for flowable in flowables:
                if isinstance(flowable, Paragraph) and flowable.style is self.styles["body"]:
                    flowable.style = self.styles["list"]
            if item.checkbox is not None:
                items.append(ListItem(flowables, value=_box(item.checkbox)))
            else:
                items.append(ListItem(flowables))
        return ListFlowable(
            items,
            bulletType="1" if block.ordered else "bullet",
            start=block.start if block.ordered else "•",
            leftIndent=16,
            bulletFontName=FONT,
            bulletFontSize=9.5,
            bulletColor=MUTED,
            spaceAfter=space_after,
        )

    def table(self, block: dm.Table) -> Flowable:
        widths = column_widths(block, self.width, self._measure, CELL_PADDING)
        rows = [block.header, *block.rows]
        data = [
            [
                self.cell(cell, self.styles["head" if index == 0 else "cell"], index > 0)
                for cell in row
            ]
            for index, row in enumerate(rows)
        ]
        commands: list[tuple[Any, ...]] = [
            ("FONTSIZE", (0, 0), (-1, -1), self.styles["cell"].fontSize),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.theme.accent_colour),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for column, cell in enumerate(block.header):
            if cell.align in ("right", "center"):
                commands.append(("ALIGN", (column, 0), (column, -1), cell.align.upper()))
        table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(_table_style(commands, self.theme))
        table.spaceAfter = 8
        return table

    def _measure(self, text: str, bold: bool) -> float:
        fonts = self.theme.fonts
        return float(pdfmetrics.stringWidth(text, fonts.bold if bold else fonts.regular, 8.5))

    def cell(self, cell: dm.Cell, style: ParagraphStyle, fillable: bool = False) -> Any:
        # A lone checkbox or an empty cell needs no Paragraph: nothing to wrap, and a Paragraph
        # per row would cost markup parsing and line breaking for one glyph.
        if not cell.content:
            return ""
        if len(cell.content) == 1 and isinstance(cell.content[0], dm.Checkbox):
            if fillable:  # a real tick box, so the client can tick items off in any reader
                return TickBox(self.names.next_box(), cell.content[0].checked, INK)
            return _box(cell.content[0])  # the header repeats on every page: a glyph
        alignment = {"right": TA_RIGHT, "center": TA_CENTER}.get(cell.align or "", TA_LEFT)
        return Paragraph(self.markup(cell.content), _aligned(style, alignment, self.theme))

    def columns(self, block: dm.Columns) -> Flowable:
        gap = 8 * mm
        cells: list[Any] = []
        widths: list[float] = []
        for index, (column, width) in enumerate(
            zip(block.columns, column_shares(block, self.width / mm, gap / mm), strict=True)
        ):
            if index:
                cells.append("")
                widths.append(gap)
            # A heading in a cell (the "How to pay" block beside its QR code) stays with its
            # cell anyway, and reportlab cannot keep flowables together inside one.
            flowables = _flat(self.sub(width * mm).blocks(column))
            for flowable in flowables:
                flowable.keepWithNext = False
            cells.append(flowables)
            widths.append(width * mm)
        table = Table([cells], colWidths=widths, hAlign="LEFT", splitInRow=1)
        table.setStyle(
            _table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ],
                self.theme,
            )
        )
        table.spaceAfter = 6
        return table

    def signature(self, block: dm.Signature) -> Flowable:
        """One table: the parties side by side, each field a line to write on with its label
        under it. One table is cheaper to lay out than a table per line, and never splits."""
        count = len(block.parties)
        gap = 10 * mm
        width = (self.width - gap * (count - 1)) / count
        widths: list[float] = []
        for index in range(count):
            widths += [gap, width] if index else [width]
        headings = [list(self.sub(width).blocks(party.heading)) for party in block.parties]
        rows: list[list[Any]] = [self._spread(headings)]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, 0), "TOP"),
        ]
        heights: list[float] = [0]
        lines = max(len(party.fields) for party in block.parties)
        prefix = self.names.next_block()
        for line in range(lines):
            values, labels = [], []
            for number, party in enumerate(block.parties, start=1):
                field = party.fields[line] if line < len(party.fields) else None
                if field and field.value:
                    values.append(Paragraph(self.markup(field.value), self.styles["cell"]))
                elif field:
                    values.append(self._form_line(party, line, f"{prefix}party-{number}"))
                else:
                    values.append("")
                labels.append(
                    Paragraph(self.markup(field.label), self.styles["small"]) if field else ""
                )
            value_row = len(rows)
            rows += [self._spread(values), self._spread(labels)]
            heights += [24, 0]
            for index, party in enumerate(block.parties):
                if line < len(party.fields):
                    column = index * 2
                    commands.append(
                        ("LINEBELOW", (column, value_row), (column, value_row), 0.6, INK)
                    )
            commands.append(("BOTTOMPADDING", (0, value_row), (-1, value_row), 2))
            commands.append(("TOPPADDING", (0, value_row + 1), (-1, value_row + 1), 2))
        # Minimum, not fixed, heights: a long name grows its line instead of spilling out.
        table = _WholeTable(rows, colWidths=widths, minRowHeights=heights, hAlign="LEFT")
        table.page_height = self.page_height
        table.setStyle(_table_style(commands, self.theme))
        table.spaceBefore = 4
        return table

    @staticmethod
    def _form_line(party: dm.SignatureParty, line: int, prefix: str) -> FormLine:
        """An empty line becomes a fillable field; a party's last empty line is where they
        sign (every template ends a party with its signature line), so a signature field."""
        empty = [index for index, field in enumerate(party.fields) if not field.value]
        if line == empty[-1]:
            return FormLine(f"{prefix}-signature", "signature")
        return FormLine(f"{prefix}-line-{empty.index(line) + 1}", "text")

    @staticmethod
    def _spread(cells: list[Any]) -> list[Any]:
        """Cells for the parties' columns with empty gap columns between them."""
        spread: list[Any] = []
        for index, cell in enumerate(cells):
            spread += ["", cell] if index else [cell]
        return spread

    def quote(self, block: dm.Quote) -> Iterable[Flowable]:
        inner = list(self.sub(self.width - 12).blocks(block.blocks))
        table = Table([[inner]], colWidths=[self.width - 2], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            _table_style(
                [
                    ("LINEBEFORE", (0, 0), (0, -1), 2, self.theme.rule_colour),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ],
                self.theme,
            )
        )
        table.spaceAfter = 6
        yield table


class _WholeTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A table that moves to the next page whole rather than splitting between rows; unlike
    a KeepTogether it can join the keep-with-next chain of the heading before it."""

    page_height: float = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Asked to split on an empty page means it is taller than any page: reportlab would
        # draw it off the bottom edge, where nobody reads it. Say so instead.
        if availHeight >= self.page_height - 1:
            raise LayoutError("a signature block is taller than a page")
        return []


def _flat(flowables: Iterable[Flowable]) -> list[Flowable]:
    """Flowables with any KeepTogether opened up: a KeepTogether measures a nested one as
    infinitely tall, so an outer keep would always start a new page, even on a page that has
    room for it (how a reminder's payment details came to stand alone on page 2)."""
    flat: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            flat += _flat(flowable._content)
        else:
            flat.append(flowable)
    return flat


def _table_style(commands: list[tuple[Any, ...]], theme: _Theme = DEFAULT_THEME) -> TableStyle:
    # Plain-string cells (the gaps between columns) would otherwise use reportlab's default
    # Helvetica, which is not embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), theme.fonts.regular), *commands])


def markup(content: Iterable[dm.Inline], theme: _Theme = DEFAULT_THEME) -> str:
    """Inline content as reportlab paragraph markup; every character of text is escaped."""
    parts = []
    for inline in content:
        if isinstance(inline, dm.Break):
            parts.append("<br/>")
        elif isinstance(inline, dm.Checkbox):
            if theme.fonts.regular == FONT:
                parts.append(_box(inline))
            else:  # few typefaces have the ballot boxes; DejaVu Sans is always there
                parts.append(f'<font name="{FONT}">{_box(inline)}</font>')
        else:
            if theme.coverage is not None:
                _check_drawable(inline.text, theme.coverage)
            elif theme.fonts.regular == FONT:  # a user's font was checked by the pipeline
                _check_drawable(inline.text)
            # reportlab breaks lines at U+202F, Babel's narrow no-break space in amounts and
            # dates; the ordinary no-break space it keeps together.
            text = escape(inline.text.replace("\u202f", "\u00a0"))
            if inline.bold:
                text = f"<b>{text}</b>"
            if inline.italic:
                text = f"<i>{text}</i>"
            if inline.href:
                href = escape(inline.href, {'"': "&quot;"})
                text = f'<a href="{href}" color="{theme.accent}">{text}</a>'
            parts.append(text)
    return "".join(parts)


def _check_drawable(text: str, coverage: Coverage | None = None) -> None:
    # The project's values were checked at their lines already (pipeline.check_drawable):
    # what is left is template text, which reportlab would draw as an empty box or drop.
    found = first_refused(text, coverage)
    if found is not None:
        raise InputError(f"the text {text.strip()[:60]!r}: {found[1]}")


def _box(checkbox: dm.Checkbox) -> str:
    return "☑" if checkbox.checked else "☐"


def _aligned(
    style: ParagraphStyle, alignment: int, theme: _Theme = DEFAULT_THEME
) -> ParagraphStyle:
    if alignment == style.alignment:
        return style
    return _aligned_cached(style.name, alignment, theme)


@functools.lru_cache(maxsize=32)
def _aligned_cached(name: str, alignment: int, theme: _Theme) -> ParagraphStyle:
    base = next(s for s in _styles(theme).values() if s.name == name)
    return ParagraphStyle(f"{name}-{alignment}", parent=base, alignment=alignment)


def _logo(data: bytes) -> Flowable:
    """The logo at the top of page 1, as large as fits 60 × 18 mm, its aspect ratio kept."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, height = ImageReader(io.BytesIO(data)).getSize()
    scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
    image = Image(io.BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")
    image.spaceAfter = 4 * mm
    return image


def _footer_canvas(
    meta: dm.DocumentMeta,
    pagesize: tuple[float, float],
    theme: _Theme = DEFAULT_THEME,
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
            y = MARGIN_BOTTOM - 10 * mm
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
