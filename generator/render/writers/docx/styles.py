"""The document's named styles: body text, headings, lists, table cells and the footer."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .theme import INK, LANGUAGE_TAGS, MUTED, THEME


def set_styles(word: Any, language: str) -> None:
    """Every style the writer uses, in the theme's font and colours and the language."""
    theme = THEME.get()
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = theme.font
    # 9.5 pt like the PDF: a one-invoice reminder, its payment details and sign-off on a page.
    normal.font.size = Pt(9.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(4)
    # 1.08 lines: the PDF's 12.4 points, near enough, in Arial or its substitutes.
    normal.paragraph_format.line_spacing = 1.08
    _plain_fonts(normal, theme.font)
    language_element = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    tag = LANGUAGE_TAGS.get(language, language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    language_element.append(lang)
    sizes = {1: 14, 2: 12, 3: 10.5, 4: 7.5, 5: 7.5, 6: 7.5}  # a letter's title: a subject line
    for level, size in sizes.items():
        style = styles[f"Heading {level}"]
        _plain_fonts(style, theme.font)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = theme.accent if level <= 2 else (INK if level == 3 else MUTED)
        style.font.all_caps = level >= 4
        fmt = style.paragraph_format
        fmt.space_before = Pt({1: 0, 2: 9, 3: 7}.get(level, 4))
        fmt.space_after = Pt({1: 6, 2: 4}.get(level, 2))
        fmt.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "Quote"):
        styles[name].paragraph_format.space_after = Pt(2)
    _table_styles(styles)
    footer = styles["Footer"]
    footer.font.size = Pt(7.5)
    footer.font.color.rgb = MUTED
    # The template's footer style has centre and right tab stops for Letter paper; ours is
    # the one right stop at the text edge, set on the paragraph.
    for tabs in footer.element.xpath("./w:pPr/w:tabs"):
        tabs.getparent().remove(tabs)


def _table_styles(styles: Any) -> None:
    # Named styles rather than formatting on every run: cheaper to write, and a user can
    # restyle every table cell in Word at once.
    from docx.enum.style import WD_STYLE_TYPE

    text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = styles["Normal"]
    text.font.size = Pt(8.5)
    text.paragraph_format.space_after = Pt(0)
    text.paragraph_format.line_spacing = 1.0
    heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = text
    heading.font.size = Pt(8)
    heading.font.bold = True
    heading.font.color.rgb = THEME.get().accent
    # A QR code's caption and other small print: the PDF's 7.5 pt in the muted colour.
    small = styles.add_style("Small", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = styles["Normal"]
    small.font.size = Pt(7.5)
    small.font.color.rgb = MUTED
    small.paragraph_format.space_after = Pt(2)


def _plain_fonts(style: Any, name: str) -> None:
    # The default template picks heading fonts from its theme (Calibri Light); name the font
    # outright so Word, LibreOffice and the PDF agree.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
