"""The baseline: the same scope checklist built directly with reportlab and python-docx.

Written the way an experienced user of each library would write it by hand, with no template,
Markdown or document model in between: the same fonts, sections, table, signature block and
page-N-of-M footer as inwriting's output. bench_scope.py times it against the pipeline.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

import docx
from babel.dates import format_date
from babel.numbers import format_currency
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from inwriting.project.model import Project
from inwriting.render.writers.fonts import register_fonts
from inwriting.render.writers.pdf_forms import FormLine, TickBox  # thin reportlab form widgets
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

FONT = "DejaVuSans"


def _money(project: Project, amount: Any) -> str:
    return str(format_currency(amount, project.currency, locale="en_US"))


def _date(value: Any) -> str:
    return str(format_date(value, "long", locale="en_US")) if value else "by agreement"


def _sections(project: Project, total: Any) -> list[tuple[str, Any]]:
    """Sections 4 to 9 with the same sentences and bullets as the English template."""
    terms = project.terms
    deposit = total * terms.deposit_percent / 100
    return [
        (
            "4. What we need from you",
            [
                f"Answers, approvals and materials within {terms.feedback_days} days of our request.",
                "If an answer comes later, every deadline after it moves by the number of days it was late.",
                "One named contact who can make decisions on your side.",
            ],
        ),
        (
            "5. Revisions",
            f"Each deliverable includes {terms.revisions_included} rounds of revisions. "
            f"Each further round costs {_money(project, terms.revision_rate or 0)}.",
        ),
        (
            "6. Fees and payment",
            [
                f"Total for the work above: <b>{_money(project, total)}</b>.",
                f"A deposit of {terms.deposit_percent}% ({_money(project, deposit)}) is invoiced on signature; "
                f"work starts when it is paid. The balance of {_money(project, total - deposit)} is invoiced as "
                "the work is delivered.",
                f"Invoices are payable within {terms.payment_days} days of their date.",
                "Late payments carry interest at the statutory rate under the law of Finland.",
                f"Work outside this scope, if agreed, is billed at {_money(project, terms.hourly_rate or 0)} an hour.",
            ],
        ),
        (
            "7. Changes",
            "Any change to this scope — new work, removed work or a moved deadline — is agreed "
            "in writing as a change order signed by both parties <b>before work on it starts</b>. "
            "Until then, this checklist is what we have agreed.",
        ),
        (
            "8. Acceptance",
            "Each deliverable is accepted when you confirm it in writing, or when "
            f"{terms.feedback_days} days pass after delivery without a written list of defects. "
            "Defects reported in time are fixed at no charge.",
        ),
        (
            "9. Signatures",
            "By signing, both parties agree that this checklist describes the work, its price "
            "and its schedule.",
        ),
    ]


def build_pdf(project: Project) -> bytes:
    register_fonts()
    body = ParagraphStyle("b", fontName=FONT, fontSize=9.5, leading=13.5, spaceAfter=6)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=8.5, leading=11.5)
    h1 = ParagraphStyle("h1", fontName=f"{FONT}-Bold", fontSize=19, leading=24, spaceAfter=6)
    # Headings stay with what follows them, as in inwriting's output: the same pagination.
    h2 = ParagraphStyle(
        "h2",
        fontName=f"{FONT}-Bold",
        fontSize=11.5,
        leading=15,
        spaceBefore=12,
        spaceAfter=5,
        keepWithNext=1,
    )
    story: list[Any] = [Paragraph("Scope checklist", h1)]
    story.append(
        Paragraph(
            f"<b>{escape(project.project.name)}</b><br/>Reference {escape(project.project.id)}",
            body,
        )
    )
    parties = []
    for label, party in (("PROVIDER", project.provider), ("CLIENT", project.client)):
        lines = [f"<b>{escape(party.name)}</b>"] + [
            escape(str(v)).replace("\n", "<br/>")
            for v in (party.contact, party.address, party.business_id, party.email, party.phone)
            if v
        ]
        parties.append([Paragraph(label, cell), Paragraph("<br/>".join(lines), body)])
    story.append(Table([parties], colWidths=[85 * mm, 85 * mm]))
    story.append(Paragraph("1. The project", h2))
    story.append(Paragraph(escape(project.project.summary or ""), body))
    story.append(Paragraph("2. What is included", h2))
    rows = [
        [
            Paragraph(t, cell)
            for t in ("☐", "ID", "Item", "Deliverable and acceptance", "Deadline", "Fee")
        ]
    ]
    total = 0
    for item in project.scope:
        fee = item.fee or 0
        total += fee
        rows.append(
            [
                TickBox(f"item-{len(rows)}", False, colors.black),
                Paragraph(escape(item.id), cell),
                Paragraph(
                    f"<b>{escape(item.title)}</b><br/>{escape(item.description or '')}", cell
                ),
                Paragraph(escape(item.deliverable or "–"), cell),
                Paragraph(_date(item.deadline), cell),
                Paragraph(_money(project, fee), cell),
            ]
        )
    rows.append(
        [
            Paragraph(t, cell)
            for t in ("", "", "<b>Total</b>", "", "", f"<b>{_money(project, total)}</b>")
        ]
    )
    table = Table(
        rows, colWidths=[8 * mm, 10 * mm, 62 * mm, 40 * mm, 28 * mm, 22 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]
        )
    )
    story.append(table)
    story.append(Paragraph("3. What is not included", h2))
    story.append(
        ListFlowable(
            [ListItem(Paragraph(escape(x), body)) for x in project.exclusions], bulletType="bullet"
        )
    )
    bullets = ListItem  # the sections below are bullet lists, as in the real document
    for heading, items in _sections(project, total):
        story.append(Paragraph(heading, h2))
        if isinstance(items, str):
            story.append(Paragraph(items, body))
        else:
            story.append(
                ListFlowable([bullets(Paragraph(x, body)) for x in items], bulletType="bullet")
            )
    signature = [
        [
            Paragraph(f"For the {who}<br/>{escape(name)}", body)
            for who, name in (("provider", project.provider.name), ("client", project.client.name))
        ]
    ]
    for label in ("Name", "Place and date", "Signature"):
        # The same fillable fields as inwriting's: a text line, and a signature field to sign.
        kind = "signature" if label == "Signature" else "text"
        signature.append([FormLine(f"party-{n}-{label}", kind) for n in (1, 2)])
        signature.append([Paragraph(label, cell), Paragraph(label, cell)])
    sig = Table(signature, colWidths=[85 * mm, 85 * mm], rowHeights=[None] + [24, 12] * 3)
    sig.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 1), (-1, -1), 0.6, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]
        )
    )
    story.append(sig)

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.pages.append(dict(self.__dict__))
            self._startPage()
            self._doc.pageCounter = len(self.pages) + 1  # form fields name their page

        def save(self) -> None:
            self._doc.pageCounter = 1
            for number, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.drawString(20 * mm, 12 * mm, f"Scope checklist · {project.project.id}")
                self.drawRightString(190 * mm, 12 * mm, f"Page {number} of {len(self.pages)}")
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, invariant=1, leftMargin=20 * mm, rightMargin=20 * mm
    ).build(story, canvasmaker=Numbered)
    return buffer.getvalue()


def build_docx(project: Project) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    document.add_heading("Scope checklist", level=1)
    document.add_paragraph().add_run(project.project.name).bold = True
    parties = document.add_table(rows=1, cols=2)
    for cell, party in zip(parties.rows[0].cells, (project.provider, project.client), strict=True):
        cell.paragraphs[0].add_run(party.name).bold = True
        for value in (party.contact, party.address, party.business_id, party.email, party.phone):
            if value:
                cell.add_paragraph(str(value))
    document.add_heading("1. The project", level=2)
    document.add_paragraph(project.project.summary or "")
    document.add_heading("2. What is included", level=2)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ("☐", "ID", "Item", "Deliverable and acceptance", "Deadline", "Fee"),
        strict=True,
    ):
        cell.paragraphs[0].add_run(text).bold = True
    total = 0
    for item in project.scope:
        fee = item.fee or 0
        total += fee
        cells = table.add_row().cells
        cells[0].text, cells[1].text = "☐", item.id
        cells[2].paragraphs[0].add_run(item.title).bold = True
        cells[2].add_paragraph(item.description or "")
        cells[3].text, cells[4].text, cells[5].text = (
            item.deliverable or "–",
            _date(item.deadline),
            _money(project, fee),
        )
        for cell in cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    cells = table.add_row().cells
    cells[2].text, cells[5].text = "Total", _money(project, total)
    document.add_heading("3. What is not included", level=2)
    for text in project.exclusions:
        document.add_paragraph(text, style="List Bullet")
    for heading, items in _sections(project, total):
        document.add_heading(heading, level=2)
        if isinstance(items, str):
            document.add_paragraph(items.replace("<b>", "").replace("</b>", ""))
        else:
            for text in items:
                document.add_paragraph(
                    text.replace("<b>", "").replace("</b>", ""), style="List Bullet"
                )
    signature = document.add_table(rows=4, cols=2)
    for column, name in enumerate((project.provider.name, project.client.name)):
        signature.rows[0].cells[column].text = name
        for row, label in enumerate(("Name", "Place and date", "Signature"), start=1):
            signature.rows[row].cells[column].text = f"{label}: ____________________"
    footer = section.footer.paragraphs[0]
    footer.add_run(f"Scope checklist · {project.project.id}\tPage ")
    for instruction in ("PAGE", "NUMPAGES"):
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        footer._p.append(field)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
