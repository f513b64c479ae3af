"""Dates, money, hours, percentages and counts: the text written turned into typed values."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
)
from pydantic_core import PydanticCustomError

from .text import show

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)


_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)


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
        "date", "not a date ({value}); write it as YYYY-MM-DD", {"value": show(value)}
    )


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
            {"what": what, "value": show(value)},
        )
    # Counted on the text, before any arithmetic: a number of thousands of digits must get
    # this message, not a failure in whatever first calculates with it.
    whole = text.lstrip("+-").partition(".")[0].lstrip("0")
    if len(whole) > digits:
        raise PydanticCustomError(
            "number",
            "too large ({value}): at most {digits} digits before the decimal point",
            {"value": show(value), "digits": digits},
        )
    if len(text) > 64:  # the digits before the point are few; only decimals can be this long
        raise PydanticCustomError("number", "too many decimals ({value})", {"value": show(value)})
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
            "money", "an amount cannot be negative ({value})", {"value": show(value)}
        )
    if _decimals(amount) > MONEY_DECIMALS:
        raise PydanticCustomError(
            "money", "more than two decimals ({value}); round to cents", {"value": show(value)}
        )
    return amount


def _positive_decimal(value: Any) -> Decimal:
    number = _decimal(value, "a number", digits=MAX_HOURS_DIGITS)
    if number <= 0:
        raise PydanticCustomError(
            "number", "must be more than zero ({value})", {"value": show(value)}
        )
    if _decimals(number) > HOURS_DECIMALS:
        raise PydanticCustomError(
            "number",
            "more than two decimals ({value}); round to the nearest hundredth, like 1.25",
            {"value": show(value)},
        )
    return number


def _at_least_one_day(value: Any) -> int:
    days = _whole_number(value)
    if days < 1:
        raise PydanticCustomError(
            "days",
            "must be at least 1 day; a client needs time to answer ({value})",
            {"value": show(value)},
        )
    return days


def _percent(value: Any) -> Decimal:
    return _percentage(value, "a percentage", lowest=0)


def _rate(value: Any) -> Decimal:
    return _percentage(value, "a rate", lowest=-100)


def _percentage(value: Any, what: str, *, lowest: int) -> Decimal:
    number = _decimal(value, what, digits=3)
    if not lowest <= number <= 100:
        raise PydanticCustomError(
            "percent",
            "{what} must be from {lowest} to 100 ({value})",
            {"what": what, "lowest": lowest, "value": show(value)},
        )
    return _at_most_decimals(number, value)


def _at_most_decimals(number: Decimal, value: Any) -> Decimal:
    if _decimals(number) > PERCENT_DECIMALS:
        raise PydanticCustomError(
            "percent",
            "more than {decimals} decimals ({value})",
            {"decimals": PERCENT_DECIMALS, "value": show(value)},
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
        raise PydanticCustomError("integer", "not a whole number ({value})", {"value": show(value)})
    if number < 0:
        raise PydanticCustomError("integer", "cannot be negative ({value})", {"value": show(value)})
    if number > MAX_WHOLE_NUMBER:
        raise PydanticCustomError(
            "integer",
            "too large ({value}): at most {limit}",
            {"value": show(value), "limit": MAX_WHOLE_NUMBER},
        )
    return number


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
            {"value": show(value)},
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
            {"value": show(value)},
        ) from None


Date = Annotated[dt.date, BeforeValidator(_date), Field(json_schema_extra={"format": "date"})]


Money = Annotated[Decimal, BeforeValidator(_money)]


PositiveNumber = Annotated[Decimal, BeforeValidator(_positive_decimal)]


Percent = Annotated[Decimal, BeforeValidator(_percent)]


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


Days = Annotated[int, BeforeValidator(_at_least_one_day)]


PlainLateInterest = Annotated[str | Decimal, BeforeValidator(_late_interest)]


Vat = Annotated[str | Decimal, BeforeValidator(_vat)]
Rate = Annotated[Decimal, BeforeValidator(_rate)]
