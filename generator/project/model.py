"""The typed model of a project file: field names are the contract in shared DESIGN.md."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .branding import TYPEFACES, Typeface, colour_problem
from .identifiers import problem

Language = Literal["en", "sv", "da", "fi", "ru"]
LANGUAGES: tuple[Language, ...] = ("en", "sv", "da", "fi", "ru")
Paper = Literal["a4", "letter"]
Status = Literal["planned", "in_progress", "done", "dropped"]
Tone = Literal["friendly", "firm", "stop_work", "final"]
ChangeStatus = Literal["proposed", "approved", "rejected"]
RequestChannel = Literal["phone", "meeting", "email", "letter", "message"]
IncidentKind = Literal[
    "unresponsive",
    "controlling",
    "late_payment",
    "disputed_invoice",
    "scope_change",
    "changed_mind",
    "ignored_advice",
    "competitor_pressure",
    "dishonesty",
    "abusive",
    "legal_risk",
    "other",
]
TerminationReason = Literal[
    "unresponsive",
    "late_payment",
    "scope_creep",
    "unreasonable_demands",
    "abusive",
    "dishonesty",
    "ignored_advice",
    "competitor_pressure",
    "changed_mind",
    "legal_risk",
    "capacity",
    "other",
]
AccountOwner = Literal["client", "provider", "third_party"]
AccountAction = Literal["transfer", "revoke_mine", "hand_over", "none"]
DeliverableStatus = Literal["live", "test"]
RightsPass = Literal["on_full_payment", "on_delivery", "on_signing"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)


def _text(value: Any) -> Any:
    # The loader hands over every scalar as the text written; refuse sections and lists here
    # with a message a non-programmer can act on.
    if isinstance(value, (dict, list)):
        raise PydanticCustomError("text", "expected text, found a {kind}", {"kind": _kind(value)})
    return value


def _filled(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text", "is empty; write the text or remove the field")
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            date = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise PydanticCustomError(
                "date", "not a date ({value}): {reason}", {"value": value, "reason": str(exc)}
            ) from None
        if not FIRST_YEAR <= date.year <= LAST_YEAR:
            raise PydanticCustomError(
                "date",
                "not a likely date ({value}): the year must be from {first} to {last}",
                {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return date
    raise PydanticCustomError(
        "date", "not a date ({value}); write it as YYYY-MM-DD", {"value": _show(value)}
    )


# The ranges every number must be in (docs/project-file.md, "Money and other numbers"): wide
# enough for any real project, narrow enough that no sum or product can exceed the 28 digits
# Decimal arithmetic keeps, and that no date plus a number of days leaves the calendar.
MAX_AMOUNT_DIGITS = 12
"""Digits before the decimal point of an amount of money: up to 999 999 999 999.99."""
MONEY_DECIMALS = 2
MAX_HOURS_DIGITS = 6
"""Digits before the decimal point of a number of hours: up to 999 999.99."""
HOURS_DECIMALS = 2
PERCENT_DECIMALS = 4
MAX_WHOLE_NUMBER = 9999
"""Days and counts: 9999 days is over 27 years."""
FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Dates outside these years are typing mistakes, and days added to them could leave the
calendar Python can count in."""


def _decimal(value: Any, what: str, *, digits: int = MAX_AMOUNT_DIGITS) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    text = value.strip() if isinstance(value, str) else None
    if text is None or not _DECIMAL.fullmatch(text):
        raise PydanticCustomError(
            "number",
            "not {what} ({value}); write digits with a dot for decimals, like 1250.50",
            {"what": what, "value": _show(value)},
        )
    # Counted on the text, before any arithmetic: a number of thousands of digits must get
    # this message, not a failure in whatever first calculates with it.
    whole = text.lstrip("+-").partition(".")[0].lstrip("0")
    if len(whole) > digits:
        raise PydanticCustomError(
            "number",
            "too large ({value}): at most {digits} digits before the decimal point",
            {"value": _show(value), "digits": digits},
        )
    if len(text) > 64:  # the digits before the point are few; only decimals can be this long
        raise PydanticCustomError("number", "too many decimals ({value})", {"value": _show(value)})
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise PydanticCustomError("number", "not {what}", {"what": what}) from None


def _decimals(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _money(value: Any) -> Decimal:
    amount = _decimal(value, "an amount of money")
    if amount < 0:
        raise PydanticCustomError(
            "money", "an amount cannot be negative ({value})", {"value": _show(value)}
        )
    if _decimals(amount) > MONEY_DECIMALS:
        raise PydanticCustomError(
            "money", "more than two decimals ({value}); round to cents", {"value": _show(value)}
        )
    return amount


def _positive_decimal(value: Any) -> Decimal:
    number = _decimal(value, "a number", digits=MAX_HOURS_DIGITS)
    if number <= 0:
        raise PydanticCustomError(
            "number", "must be more than zero ({value})", {"value": _show(value)}
        )
    if _decimals(number) > HOURS_DECIMALS:
        raise PydanticCustomError(
            "number",
            "more than two decimals ({value}); round to the nearest hundredth, like 1.25",
            {"value": _show(value)},
        )
    return number


def _at_least_one_day(value: Any) -> int:
    days = _whole_number(value)
    if days < 1:
        raise PydanticCustomError(
            "days",
            "must be at least 1 day; a client needs time to answer ({value})",
            {"value": _show(value)},
        )
    return days


def _percent(value: Any) -> Decimal:
    number = _decimal(value, "a percentage", digits=3)
    if not 0 <= number <= 100:
        raise PydanticCustomError(
            "percent", "a percentage must be from 0 to 100 ({value})", {"value": _show(value)}
        )
    return _at_most_decimals(number, value)


def _rate(value: Any) -> Decimal:
    number = _decimal(value, "a rate", digits=3)
    if not -100 <= number <= 100:
        raise PydanticCustomError(
            "percent", "a rate must be from -100 to 100 ({value})", {"value": _show(value)}
        )
    return _at_most_decimals(number, value)


def _at_most_decimals(number: Decimal, value: Any) -> Decimal:
    if _decimals(number) > PERCENT_DECIMALS:
        raise PydanticCustomError(
            "percent",
            "more than {decimals} decimals ({value})",
            {"decimals": PERCENT_DECIMALS, "value": _show(value)},
        )
    return number


def _whole_number(value: Any) -> int:
    text = value.strip() if isinstance(value, str) else None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif text is not None and _INTEGER.fullmatch(text):
        # Python refuses to read more than 4300 digits; no count needs more than four.
        digits = text.lstrip("+-").lstrip("0")
        number = int(text) if len(digits) <= 8 else MAX_WHOLE_NUMBER + 1
    else:
        raise PydanticCustomError(
            "integer", "not a whole number ({value})", {"value": _show(value)}
        )
    if number < 0:
        raise PydanticCustomError(
            "integer", "cannot be negative ({value})", {"value": _show(value)}
        )
    if number > MAX_WHOLE_NUMBER:
        raise PydanticCustomError(
            "integer",
            "too large ({value}): at most {limit}",
            {"value": _show(value), "limit": MAX_WHOLE_NUMBER},
        )
    return number


# RFC 5322's dot-atom: what may stand before the @ without quotes (RFC 6531 adds any letter).
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\x80-\U0010ffff-]+")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)", re.ASCII)


def _email_address(value: str) -> str:
    """A mailbox address name@example.com; letters of any language allowed (IDN domains).
    Refused here, at its line, rather than by the e-mail draft long after `check` said ok."""
    text = value.strip()
    local, _, domain = text.rpartition("@")
    if (
        len(text) <= 254
        and not any(char.isspace() for char in text)
        and local
        and all(_ATEXT.fullmatch(atom) for atom in local.split("."))
        and "." in domain
        and all(_LABEL.fullmatch(label) for label in _ascii_domain(domain).split("."))
    ):
        return text
    raise PydanticCustomError(
        "email",
        "not an e-mail address ({value}); write one address like name@example.com",
        {"value": _show(value)},
    )


def _ascii_domain(domain: str) -> str:
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return "-"  # no ASCII form: refused by the label pattern


def _late_interest(value: Any) -> str | Decimal:
    if isinstance(value, str) and value.strip() in ("statutory", "none"):
        return value.strip()
    try:
        return _percent(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "late_interest",
            "expected statutory, none, a yearly percentage from 0 to 100 such as 8.0, or a "
            "rate with its period such as {rate: 1.5, per: month} (found {value})",
            {"value": _show(value)},
        ) from None


def _vat(value: Any) -> str | Decimal:
    if isinstance(value, str) and value.strip() == "not_registered":
        return "not_registered"
    try:
        return _percent(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "vat",
            "expected a VAT rate from 0 to 100 such as 25, or not_registered (found {value})",
            {"value": _show(value)},
        ) from None


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return f"a {_kind(value)}"
    text = "empty" if value is None else str(value)
    length = len(text)
    text = text.translate({10: "\\n", 13: "\\r", 9: "\\t"})  # one message, one line
    # A message quotes the value; one of thousands of characters would bury the message.
    return text if len(text) <= 40 else f"{text[:20]}… ({length:,} characters)"


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "section of fields"


def _format_version(value: Any) -> Any:
    # `format: 1` arrives as the text "1"; compare it as a number.
    return int(value) if isinstance(value, str) and value.strip() == "1" else value


# Text accepts what YAML calls numbers (an invoice number 7, an account 4080…): the loader
# keeps the digits as written, and editors using the schema should not flag them.
_TEXT_SCHEMA = WithJsonSchema({"type": ["string", "number"]})
Text = Annotated[str, BeforeValidator(_text), AfterValidator(_filled), _TEXT_SCHEMA]
OptionalText = Annotated[str, BeforeValidator(_text), _TEXT_SCHEMA]
EmailAddress = Annotated[str, BeforeValidator(_text), AfterValidator(_email_address), _TEXT_SCHEMA]
FormatVersion = Annotated[Literal[1], BeforeValidator(_format_version)]
Date = Annotated[dt.date, BeforeValidator(_date), Field(json_schema_extra={"format": "date"})]
Money = Annotated[Decimal, BeforeValidator(_money)]
PositiveNumber = Annotated[Decimal, BeforeValidator(_positive_decimal)]
Percent = Annotated[Decimal, BeforeValidator(_percent)]
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
Days = Annotated[int, BeforeValidator(_at_least_one_day)]
_PlainLateInterest = Annotated[str | Decimal, BeforeValidator(_late_interest)]
Vat = Annotated[str | Decimal, BeforeValidator(_vat)]


class Section(BaseModel):
    """A part of the project file: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid")


PenaltyPeriod = Literal["day", "month", "year"]


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
    Annotated[_PlainLateInterest, Tag("plain")] | Annotated[PenaltyRate, Tag("period")],
    Discriminator(_late_interest_kind),
]
"""statutory, none, a yearly percentage, or a rate with its period ({rate: 1.5, per: month})."""


def _number(value: str, info: ValidationInfo) -> str:
    """A registration, tax or bank number, checked by the rule its field names
    (identifiers.py): each field's name is the number's kind."""
    reason = problem(str(info.field_name), value)
    if reason is not None:
        raise PydanticCustomError("identifier", reason)
    return value


Number = Annotated[
    str, BeforeValidator(_text), AfterValidator(_filled), AfterValidator(_number), _TEXT_SCHEMA
]


OcrCheck = Literal["check_digit", "check_digit_and_length"]


class Bank(Section):
    """How to pay: IBAN and BIC where they exist, a local account number where they do not."""

    iban: Number | None = Field(None, description="International bank account number")
    bic: Number | None = Field(None, description="The bank's BIC (SWIFT code)")
    name: OptionalText | None = Field(None, description="The bank's name")
    account: OptionalText | None = Field(
        None,
        description="Account number where there is no IBAN: US (ACH), GB (with sort_code), "
        "DK kontonr. (with reg_nr), RU расчетный счет",
    )
    routing: OptionalText | None = Field(
        None, description="Domestic bank code: US ABA routing number, GB sort code, RU БИК"
    )
    correspondent_account: OptionalText | None = Field(
        None, description="RU: корреспондентский счет of the bank"
    )
    bankgiro: Number | None = Field(None, description="SE: bankgironummer, like 5050-1055")
    plusgiro: Number | None = Field(None, description="SE: plusgironummer")
    ocr_check: OcrCheck = Field(
        "check_digit",
        description="SE: what the bankgiro's OCR agreement checks: check_digit, or "
        "check_digit_and_length (the OCR number then carries a length digit)",
    )
    reg_nr: Number | None = Field(None, description="DK: the bank's registreringsnummer, 4 digits")
    fi_creditor: Number | None = Field(None, description="DK: FI-kort kreditornummer, 8 digits")
    sort_code: Number | None = Field(None, description="GB: sort code, like 12-34-56")
    check_payee: OptionalText | None = Field(None, description="US: whom checks are payable to")
    payment_link: OptionalText | None = Field(
        None, description="A web address where the client can pay, such as https://pay.example/…"
    )


class Ids(Section):
    """Registration and tax numbers, each checked by its own rule (docs/project-file.md)."""

    org_nr: Number | None = Field(None, description="SE: organisationsnummer, like 123456-7897")
    y_tunnus: Number | None = Field(None, description="FI: Y-tunnus, like 1234567-1")
    cvr: Number | None = Field(None, description="DK: CVR-nummer, 8 digits")
    company_number: Number | None = Field(None, description="GB: Companies House number")
    ein: Number | None = Field(
        None, description="US: Employer Identification Number, like 12-3456789"
    )
    inn: Number | None = Field(None, description="RU: ИНН, 10 digits (organisation) or 12 (person)")
    kpp: Number | None = Field(None, description="RU: КПП of an organisation, 9 characters")
    ogrn: Number | None = Field(None, description="RU: ОГРН of an organisation, 13 digits")
    ogrnip: Number | None = Field(
        None, description="RU: ОГРНИП of an individual entrepreneur, 15 digits"
    )
    vat: Number | None = Field(
        None, description="VAT number with its country prefix, like SE123456789701"
    )

    def entries(self) -> list[tuple[str, str]]:
        """(kind, number) for each number given, in the order a letter prints them."""
        from .identifiers import ID_KINDS

        return [(kind, value) for kind in ID_KINDS if (value := getattr(self, kind))]


class Party(Section):
    name: Text
    contact: OptionalText | None = None
    # The letter frame (templates/<lang>/_letter.md.j2, docs/project-file.md "Parties"):
    given_name: OptionalText | None = Field(
        None, description="The contact's first name, for the greeting (Dear Jerry, Hej Henrik)"
    )
    salutation: OptionalText | None = Field(
        None,
        description="The exact form of address after the greeting word, overriding the default: "
        "Mr. Malone, Иван Петрович",
    )
    position: OptionalText | None = Field(
        None,
        description="The contact's position, printed with the name and where they sign: CEO, "
        "Генеральный директор",
    )
    email: EmailAddress | None = None
    phone: OptionalText | None = None
    address: OptionalText | None = None
    business_id: OptionalText | None = None
    ids: Ids | None = Field(None, description="Registration and tax numbers, each checked")


class Provider(Party):
    bank: Bank | None = None
    registered_office: OptionalText | None = Field(
        None, description="Where the company is registered (UK registered office, SE säte)"
    )
    f_skatt: bool = Field(False, description="SE: approved for F-skatt (Godkänd för F-skatt)")


def _accent(value: str) -> str:
    reason = colour_problem(value)
    if reason is not None:
        raise PydanticCustomError("colour", reason)
    return value.strip()


class Branding(Section):
    """The letterhead: every field optional; without the section documents look as before."""

    logo: OptionalText | None = Field(
        None, description="PNG or JPEG file of the logo, relative to this file"
    )
    accent: Annotated[str, BeforeValidator(_text), AfterValidator(_accent), _TEXT_SCHEMA] | None = (
        Field(None, description="Colour of headings and rules, like #1F6F5C; dark enough to read")
    )
    typeface: Typeface | None = Field(
        None, description="One of the shipped families: " + ", ".join(TYPEFACES)
    )
    font_file: OptionalText | None = Field(
        None, description="Your own TTF or OTF file instead, relative to this file"
    )


class ProjectInfo(Section):
    id: Text = Field(description="Short reference used in file names, e.g. JGS-2026-01")
    name: Text
    summary: OptionalText | None = None
    start: Date | None = None
    end: Date | None = None


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


class ScopeItem(Section):
    id: Text
    title: Text
    description: OptionalText | None = None
    deliverable: OptionalText | None = None
    deadline: Date | None = None
    fee: Money | None = None
    hours: PositiveNumber | None = None
    status: Status = "planned"
    done_on: Date | None = None


class ScopeItemChange(Section):
    """A modification of an existing item: its id and only the fields that change."""

    id: Text
    title: OptionalText | None = None
    description: OptionalText | None = None
    deliverable: OptionalText | None = None
    deadline: Date | None = None
    fee: Money | None = None
    hours: PositiveNumber | None = None
    status: Status | None = None
    done_on: Date | None = None


class Signoff(Section):
    signed_on: Date | None = None
    signed_by: OptionalText | None = None
    fingerprint: OptionalText | None = None


class ChangeRequest(Section):
    id: Text
    requested_on: Date
    requested_by: OptionalText | None = None
    summary: Text
    add: list[ScopeItem] = []
    remove: list[Text] = []
    modify: list[ScopeItemChange] = []
    new_end: Date | None = None
    status: ChangeStatus = "proposed"
    decided_on: Date | None = None
    requested_via: RequestChannel | None = Field(
        None,
        description="How the client asked: phone, meeting, email, letter or message; the "
        "change order then says so and gives `summary` as our summary, never as a quote",
    )
    rush_fee: Money | None = Field(
        None,
        description="The surcharge for dates earlier than the current (shifted) ones; without "
        "it, a change order that brings a date forward is refused",
    )


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


class WaitingItem(Section):
    item: Text
    asked_on: Date
    answered_on: Date | None = None
    reminded_on: list[Date] = Field(
        default_factory=list, description="When the client was reminded (added by --record)"
    )


class Incident(Section):
    on: Date
    kind: IncidentKind
    note: OptionalText | None = None
    invoice: OptionalText | None = Field(
        default=None, description="The invoice a disputed_invoice incident is about (its number)"
    )
    resolved_on: Date | None = Field(
        default=None, description="When a dispute was settled: the invoice is back on the ladder"
    )


class Deliverable(Section):
    name: Text
    location: OptionalText | None = None
    delivered_on: Date | None = None
    notes: OptionalText | None = None
    status: DeliverableStatus | None = Field(
        None, description="live: in use by the client or the public; test: a test version only"
    )
    files: list[Text] = Field(default_factory=list, description="The files handed over")


class Licence(Section):
    """A licence or paid service the client must buy or keep paying for themselves."""

    name: Text
    notes: OptionalText | None = None


class Account(Section):
    service: Text
    url: OptionalText | None = None
    owner: AccountOwner
    action: AccountAction
    done_on: Date | None = None
    notes: OptionalText | None = None


class RatePeriodEntry(Section):
    start: Date = Field(alias="from", description="The first day the rate applies")
    rate: Annotated[Decimal, BeforeValidator(_rate)] = Field(description="Percent a year")


class ReferenceRateOverride(Section):
    """Newer reference rates than the built-in table, e.g. after a central-bank decision."""

    known_until: Date = Field(description="The last day these figures are known for")
    periods: list[RatePeriodEntry] = Field(min_length=1)


class Termination(Section):
    decided_on: Date
    reason: TerminationReason
    detail: OptionalText | None = None
    effective_on: Date | None = None
    work_in_progress: OptionalText | None = None
    final_invoice: OptionalText | None = None


class Project(Section):
    """One client project: everything the documents are made from."""

    model_config = ConfigDict(extra="forbid", title="inwriting project file")

    format: FormatVersion = Field(description="Version of the file format; always 1")
    language: Language = "en"
    currency: Text = Field("EUR", description="ISO 4217 code, e.g. EUR, SEK, DKK, USD")
    jurisdiction: OptionalText | None = Field(
        None, description="ISO 3166 country code whose law applies, e.g. FI, SE, DK, GB, US"
    )
    region: OptionalText | None = Field(
        None,
        description="Part of the jurisdiction whose public holidays count: for GB ENG (default), "
        "WLS, SCT or NIR; a US state such as NY; a German Land such as BY",
    )
    paper: Paper | None = Field(None, description="a4 or letter; default by jurisdiction")
    templates: OptionalText | None = Field(
        None, description="Folder of template overrides, relative to this file"
    )
    profile: OptionalText | None = Field(
        None,
        description="Profile file this project inherits from, relative to this file "
        "(default: profile.yaml in the config folder; see `inwriting profile path`)",
    )
    provider: Provider
    client: Party
    project: ProjectInfo
    terms: Terms
    scope: list[ScopeItem] = Field(min_length=1)
    exclusions: list[Text] = []
    signoff: Signoff | None = None
    changes: list[ChangeRequest] = []
    invoices: list[Invoice] = []
    waiting_on: list[WaitingItem] = []
    incidents: list[Incident] = []
    deliverables: list[Deliverable] = []
    licences: list[Licence] | None = Field(
        None, description="What the client must buy or keep paying for; [] for nothing"
    )
    accounts: list[Account] = []
    achievements: list[Text] = []
    termination: Termination | None = None
    branding: Branding | None = None
    reference_rates: dict[str, ReferenceRateOverride] = Field(
        default_factory=dict,
        description="Per rate table (eu_ecb, fi_viitekorko, se_referensranta, dk_referencesats, "
        "gb_reference, ru_key_rate): periods to add to the built-in rates",
    )
