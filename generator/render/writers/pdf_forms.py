"""Fillable PDF form fields: tick boxes, text lines and signature fields a client can use in
any PDF reader."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.platypus import Flowable

BOX = 8.5  # points: the size of the ☐ glyph it replaces at the table's type size
PRINT = 4  # annotation flag: print the field with the page


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
        if self.kind == "text":
            self.canv.acroForm.textfield(
                name=self.name,
                width=self.width,
                height=self.height,
                borderWidth=0,
                fillColor=None,
                fontName="Helvetica",
                fontSize=10,
                fieldFlags="",
                annotationFlags="print",
                relative=True,
            )
            return
        # reportlab has no signature fields: the widget dictionary is written by hand, as the
        # PDF specification (12.7.4.5) describes it; signing fills it in later.
        x, y = self.canv.absolutePosition(0, 0)
        widget = PDFDictionary(
            {
                "FT": PDFName("Sig"),
                "T": PDFString(self.name),
                "Type": PDFName("Annot"),
                "Subtype": PDFName("Widget"),
                "Rect": PDFArray([x, y, x + self.width, y + self.height]),
                "F": PRINT,
                "P": self.canv._doc.thisPageRef(),
            }
        )
        form = self.canv.acroForm
        self.canv._addAnnotation(widget)
        form.fields.append(form.getRef(widget))
