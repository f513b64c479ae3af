"""Invoices with the payments received and the reminders sent for them."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import Field

from .choices import Tone
from .quantities import Date, Money
from .section import Section
from .text import OptionalText, Text


class Payment(Section):
    on: Date
    amount: Money


class ReminderSent(Section):
    on: Date
    tone: Tone


class Invoice(Section):
    number: Text
    issued: Date
    due: Date | None = None
    amount: Money
    description: OptionalText | None = None
    reference: OptionalText | None = Field(
        None,
        description="The payment reference to print as written (OCR, viitenumero, RF…, FI-kort "
        "+71); checked, never changed. Left out: made from the number",
    )
    payments: list[Payment] = []
    reminders: list[ReminderSent] = []
    claimed_on: Date | None = Field(
        None,
        description="When the late-payment claim for this invoice, paid late, was sent "
        "(added by nudge --claim --record); it is sent once",
    )
