"""The agreed terms: payment, revisions, late interest, reminders and the optional clauses."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    Tag,
)

from .choices import PenaltyPeriod, RightsPass, Tone
from .quantities import Days, Money, Percent, PlainLateInterest, Vat, WholeNumber
from .section import Section
from .text import OptionalText


class PenaltyRate(Section):
    """A contract rate with its period (`{rate: 0.1, per: day}`): simple interest per day."""

    rate: Percent = Field(description="Percent per `per`, e.g. 0.1 (per day) or 1.5 (per month)")
    per: PenaltyPeriod = Field(description="day, month or year")

    def __str__(self) -> str:
        # The scope fingerprint's spelling of this term (scope._canon).
        return f"{format(self.rate.normalize(), 'f')} per {self.per}"


def _late_interest_kind(value: Any) -> str:
    return "period" if isinstance(value, (dict, PenaltyRate)) else "plain"


LateInterest = Annotated[
    Annotated[PlainLateInterest, Tag("plain")] | Annotated[PenaltyRate, Tag("period")],
    Discriminator(_late_interest_kind),
]
"""statutory, none, a yearly percentage, or a rate with its period ({rate: 1.5, per: month})."""


class ReminderRung(Section):
    after: WholeNumber = Field(description="Days past the due date")
    tone: Tone


class Terms(Section):
    payment_days: WholeNumber
    deposit_percent: Percent = Decimal(0)
    hourly_rate: Money | None = None
    revisions_included: WholeNumber = 0
    revision_rate: Money | None = None
    feedback_days: Days
    notice_days: WholeNumber | None = None
    late_interest: LateInterest = "statutory"
    reminder_fee: Money = Decimal(0)
    reminders: list[ReminderRung] = []
    # The clauses below print on the checklist only when set (docs/project-file.md, "Terms").
    suspension: bool = Field(
        False, description="We may pause work while an invoice is overdue; deadlines move"
    )
    kill_fee: Money | None = Field(None, description="Paid on top of work to date if ended early")
    rights_pass: RightsPass | None = Field(
        None, description="When rights in the work pass to the client"
    )
    liability_cap: Money | None = Field(None, description="Most either party is liable for")
    governing_law: OptionalText | None = Field(
        None, description="ISO country code of the law that governs; default: jurisdiction"
    )
    venue: OptionalText | None = Field(
        None, description="The court for disputes, e.g. Umeå tingsrätt"
    )
    notice_by_email: bool = Field(True, description="Written notice may be sent by e-mail")
    vat: Vat | None = Field(
        None, description="VAT rate in percent the prices exclude, or not_registered"
    )
    fees_per: Literal["month"] | None = Field(
        None,
        description="month: the scope's fees are a monthly price (a retainer), and the price "
        "clause says so",
    )
    invoices_include_vat: bool | None = Field(
        None,
        description="The invoice amounts written here include the VAT rate of `vat`; letters "
        "then say so. Left out, they say nothing of VAT on the invoiced amounts",
    )
    reverse_charge: bool = Field(
        False,
        description="EU cross-border B2B: the client accounts for the VAT (Article 196, "
        "Directive 2006/112/EC); letters print both VAT numbers",
    )
    vat_ground: OptionalText | None = Field(
        None,
        description="Why no VAT is charged, printed with not_registered, e.g. "
        "«в связи с применением УСН, п. 2 ст. 346.11 НК РФ»",
    )
    due_date_roll: bool = Field(
        False,
        description="The checklist agrees that a due date on a weekend or public holiday "
        "moves to the next business day (where the law does not already move it)",
    )
