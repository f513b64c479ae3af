"""Fillable PDF form fields: tick boxes, text lines and signature fields a client can use in
any PDF reader."""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.acroform import PDFFromString
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.ttfonts import TTFontFace
from reportlab.platypus import Flowable

from .fonts import FONT_DIR

BOX = 8.5  # points: the size of the ☐ glyph it replaces at the table's type size
PRINT = 4  # annotation flag: print the field with the page
FIELD_FONT = "DejaVu"  # the fields' font resource name, in /DA and /DR
FIELD_FONT_FILE = "DejaVuSans-Forms.ttf"  # a subset for typing names: fonts/README.md
FIELD_FONT_SIZE = 10


class FieldNames:
    """Unique, readable field names across one document (`item-3`, `party-2-signature`)."""

    def __init__(self) -> None:
        self.boxes = 0
        self.blocks = 0  # signature blocks: a second one gets its own prefix

    def next_block(self) -> str:
        """The prefix of a signature block's fields: none for the first, `block-2-` after."""
        self.blocks += 1
        return "" if self.blocks == 1 else f"block-{self.blocks}-"

    def next_box(self) -> str:
        self.boxes += 1
        return f"item-{self.boxes}"


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A checkbox form field drawn where the flowable lands."""

    def __init__(self, name: str, checked: bool, ink: Any) -> None:
        super().__init__()
        self.name, self.checked, self.ink = name, checked, ink

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return BOX, BOX

    def draw(self) -> None:
        self.canv.acroForm.checkbox(
            name=self.name,
            checked=self.checked,
            buttonStyle="check",
            size=BOX,
            borderWidth=0.6,
            borderColor=self.ink,
            fillColor=colors.white,
            textColor=self.ink,
            fieldFlags="",
            annotationFlags="print",
            relative=True,
        )


class FormLine(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The empty space above a line to write on, as a text field or a signature field."""

    def __init__(self, name: str, kind: str, height: float = 18) -> None:
        super().__init__()
        self.name, self.kind, self.height = name, kind, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        entries: dict[str, Any] = {
            "T": PDFString(self.name),
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "Rect": PDFArray([x, y, x + self.width, y + self.height]),
            "F": PRINT,
            "P": self.canv._doc.thisPageRef(),
        }
        form = self.canv.acroForm
        if self.kind == "text":
            # By hand too: reportlab's text fields take only the standard 14 fonts, which are
            # not embedded and have no Cyrillic, so a name typed in a reader would not show.
            font = _field_font_ref(form)
            appearance = form.makeStream(
                self.width,
                self.height,
                "/Tx BMC\nEMC",
                Resources=PDFFromString(f"<< /Font << /{FIELD_FONT} {font} >> >>"),
            )
            entries |= {
                "FT": PDFName("Tx"),
                "V": PDFString(""),
                "DV": PDFString(""),
                "DA": PDFString(f"/{FIELD_FONT} {FIELD_FONT_SIZE} Tf 0 g"),
                "AP": PDFDictionary({"N": form.getRef(appearance)}),
                "Ff": 0,
                "MaxLen": 100,
            }
        else:
            # reportlab has no signature fields: the widget dictionary is written by hand, as
            # the PDF specification (12.7.4.5) describes it; signing fills it in later.
            entries["FT"] = PDFName("Sig")
        widget = PDFDictionary(entries)
        self.canv._addAnnotation(widget)
        form.fields.append(form.getRef(widget))


def _field_font_ref(form: Any) -> str:
    """The document's one field font, added the first time a field needs it, and named in
    the form's default resources (/DR) and appearance (/DA) for what readers draw later."""
    font: str | None = getattr(form, "inwriting_field_font", None)
    if font is None:
        font = str(form.getRefStr(_field_font(form.canv._doc.compression)))
        form.inwriting_field_font = font
        # reportlab writes `extras` into the AcroForm dictionary as they are.
        form.extras["DR"] = PDFFromString(f"<< /Font << /{FIELD_FONT} {font} >> >>")
        form.extras["DA"] = PDFString(f"/{FIELD_FONT} 0 Tf 0 g")
    return font


def _field_font(compress: bool) -> PDFDictionary:
    """DejaVu Sans as a composite (Type 0) font, embedded whole from a subset file: text a
    reader adds to a field can use any of its glyphs, which a subset made for the document's
    own text would not have. Codes are glyph numbers (Identity-H)."""
    face, data = _field_face()
    filters = [PDFZCompress] if compress else None
    font_file = PDFStream(PDFDictionary({"Length1": len(data)}), data, filters=filters)
    name = PDFName(f"DJVFRM+{face.name.decode('ascii')}")
    descriptor = PDFDictionary(
        {
            "Type": PDFName("FontDescriptor"),
            "FontName": name,
            "Flags": 32,  # non-symbolic: the font's own cmap maps Unicode to glyphs
            "FontBBox": PDFArray([round(value) for value in face.bbox]),
            "ItalicAngle": 0,
            "Ascent": round(face.ascent),
            "Descent": round(face.descent),
            "CapHeight": round(face.capHeight),
            "StemV": face.stemV,
            "FontFile2": font_file,
        }
    )
    scale = 1000 / face.unitsPerEm
    widths = PDFArray([0, PDFArray([round(advance * scale) for advance, _ in face.hmetrics])])
    descendant = PDFDictionary(
        {
            "Type": PDFName("Font"),
            "Subtype": PDFName("CIDFontType2"),
            "BaseFont": name,
            "CIDSystemInfo": PDFDictionary(
                {"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"), "Supplement": 0}
            ),
            "FontDescriptor": descriptor,
            "W": widths,
            "CIDToGIDMap": PDFName("Identity"),
        }
    )
    to_unicode = PDFStream(content=_identity_cmap(face.charToGlyph), filters=filters)
    return PDFDictionary(
        {
            "Type": PDFName("Font"),
            "Subtype": PDFName("Type0"),
            "BaseFont": name,
            "Encoding": PDFName("Identity-H"),
            "DescendantFonts": PDFArray([descendant]),
            "ToUnicode": to_unicode,
        }
    )


@functools.lru_cache(maxsize=1)
def _field_face() -> tuple[Any, bytes]:
    path = FONT_DIR / FIELD_FONT_FILE
    return TTFontFace(str(path)), path.read_bytes()


def _identity_cmap(char_to_glyph: dict[int, int]) -> str:
    """The ToUnicode CMap of two-byte glyph codes, so text typed in a field can be copied."""
    pairs = sorted((glyph, code) for code, glyph in char_to_glyph.items() if glyph)
    glyphs = dict(pairs)  # one character per glyph: the lowest code point that uses it
    for glyph, code in reversed(pairs):
        glyphs[glyph] = code
    lines = [f"<{glyph:04X}> <{code:04X}>" for glyph, code in sorted(glyphs.items())]
    chunks = [lines[start : start + 100] for start in range(0, len(lines), 100)]
    body = [part for chunk in chunks for part in (f"{len(chunk)} beginbfchar", *chunk, "endbfchar")]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
            *body,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
