"""Late-payment interest, fixed compensation and reminder fees, as the contract and the law allow.

The law is data: `law/data/<CC>.yaml` per jurisdiction (each rule with its legal source)
and `law/data/rates/<table>.yaml` for reference rates as dated periods. This module only
does the arithmetic: simple interest per day on what is still owed, from the day after the due
date, split wherever the rate or the amount owed changes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from .lawfile import LAW_DIR, law_data
from .ledger import InvoiceState


@dataclass(frozen=True)
class RatePeriod:
    start: dt.date
    rate: Decimal  # percent a year


@dataclass(frozen=True)
class RateTable:
    """A reference rate as dated periods, with where the figures come from."""

    name: str
    title: str
    source: str
    known_until: dt.date  # the last day the table's figures are known for
    periods: tuple[RatePeriod, ...]

    @property
    def known_from(self) -> dt.date:
        return self.periods[0].start

    def rate_on(self, day: dt.date) -> Decimal:
        if day < self.known_from:
            raise ValueError(f"the {self.title} before {self.known_from} is not in the table")
        rate = self.periods[0].rate
        for period in self.periods:
            if period.start <= day:
                rate = period.rate
        return rate

    def extended(
        self,
        periods: tuple[RatePeriod, ...],
        known_until: dt.date,
        *,
        origin: str = "the project file",
    ) -> RateTable:
        """This table with periods from `origin` added (they win on the same day)."""
        merged = {p.start: p for p in self.periods} | {p.start: p for p in periods}
        return RateTable(
            name=self.name,
            title=self.title,
            source=f"{self.source}; later periods from {origin}" if periods else self.source,
            known_until=max(self.known_until, known_until),
            periods=tuple(merged[day] for day in sorted(merged)),
        )

    def changes_within(self, first: dt.date, last: dt.date) -> list[dt.date]:
        return [p.start for p in self.periods if first < p.start <= last]


@dataclass(frozen=True)
class InterestRule:
    reference: str | None  # rate table name; None: a fixed statutory rate
    margin: Decimal
    fixed_for_debt: bool  # GB: the rate of the half-year the debt fell due, for good
    day_count: str  # "actual/365" or "actual/actual"
    source: str


@dataclass(frozen=True)
class CompensationRule:
    bands: tuple[tuple[Decimal | None, Decimal], ...]  # (below this debt, amount); None: any
    currency: str
    source: str

    def amount_for(self, debt: Decimal) -> Decimal:
        for below, amount in self.bands:
            if below is None or debt < below:
                return amount
        return self.bands[-1][1]


@dataclass(frozen=True)
class ReminderFeeRule:
    max_amount: Decimal | None
    currency: str | None
    requires_agreement: bool
    max_count: int | None
    min_spacing_days: int
    counts_against_compensation: bool  # fees are part of the recovery costs the fixed sum covers
    source: str
    # Denmark (renteloven § 9 b, stk. 2, 2. pkt.): while a client stays in arrears under one
    # agreement, the cap and the spacing count the letters about all its invoices together.
    per_arrears_period: bool = False


@dataclass(frozen=True)
class Law:
    code: str
    name: str
    interest: InterestRule | None
    compensation: CompensationRule | None
    reminder_fee: ReminderFeeRule | None
    notes: str


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


@functools.lru_cache(maxsize=32)
def rate_table(name: str) -> RateTable:
    data = yaml.safe_load((LAW_DIR / "rates" / f"{name}.yaml").read_text(encoding="utf-8"))
    periods = tuple(
        RatePeriod(dt.date.fromisoformat(str(p["from"])), _decimal(p["rate"]))
        for p in data["periods"]
    )
    return RateTable(
        name=name,
        title=data["title"],
        source=data["source"],
        known_until=dt.date.fromisoformat(str(data["known_until"])),
        periods=tuple(sorted(periods, key=lambda p: p.start)),
    )


def jurisdictions() -> list[str]:
    """Every jurisdiction with a law file, EU (the directive's minimum) among them."""
    return sorted(path.stem for path in LAW_DIR.glob("*.yaml"))


@functools.lru_cache(maxsize=32)
def law_for(jurisdiction: str | None) -> Law | None:
    """The late-payment law of a jurisdiction from its own file; None where there is none.

    There is no fallback: a member state whose law differs from the directive must not get
    the directive's minimum silently. The directive applies where the file says `EU`.
    """
    data = law_data(jurisdiction)
    if jurisdiction is None or data is None:
        return None
    return Law(
        code=jurisdiction,
        name=data["name"],
        interest=_interest_rule(data.get("interest")),
        compensation=_compensation_rule(data.get("compensation")),
        reminder_fee=_fee_rule(data.get("reminder_fee")),
        notes=data.get("notes", ""),
    )


def rate_tables() -> list[str]:
    """The name of every shipped reference-rate table."""
    return sorted(path.stem for path in (LAW_DIR / "rates").glob("*.yaml"))


def _interest_rule(data: Mapping[str, Any] | None) -> InterestRule | None:
    if not data:
        return None
    return InterestRule(
        reference=data.get("reference"),
        margin=_decimal(data.get("margin", 0)),
        fixed_for_debt=bool(data.get("fixed_for_debt", False)),
        day_count=data.get("day_count", "actual/365"),
        source=data["source"],
    )


def _compensation_rule(data: Mapping[str, Any] | None) -> CompensationRule | None:
    if not data:
        return None
    bands = tuple(
        (None if band.get("below") is None else _decimal(band["below"]), _decimal(band["amount"]))
        for band in data["bands"]
    )
    return CompensationRule(bands=bands, currency=data["currency"], source=data["source"])


def _fee_rule(data: Mapping[str, Any] | None) -> ReminderFeeRule | None:
    if not data:
        return None
    return ReminderFeeRule(
        max_amount=None if data.get("max") is None else _decimal(data["max"]),
        currency=data.get("currency"),
        requires_agreement=bool(data.get("requires_agreement", False)),
        max_count=data.get("max_count"),
        min_spacing_days=int(data.get("min_spacing_days", 0)),
        counts_against_compensation=bool(data.get("counts_against_compensation", False)),
        source=data["source"],
        per_arrears_period=bool(data.get("per_arrears_period", False)),
    )


@dataclass(frozen=True)
class InterestPeriod:
    """Interest on one stretch of days with the same amount owed and the same rate."""

    first: dt.date
    last: dt.date
    principal: Decimal
    rate: Decimal  # percent a year
    year_days: int
    amount: Decimal  # exact; round only the total

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def interest_periods(
    state: InvoiceState, annual_rate: Any, *, day_count: str = "actual/365"
) -> list[InterestPeriod]:
    """Simple interest from the day after the due date through `as_of`, one period for each
    stretch where the amount owed, the rate and (for actual/actual) the year stay the same.

    `annual_rate(day)` gives the rate in percent for a day. A payment made on a day reduces
    what is owed from the next day on: interest runs up to and including the day of payment.
    """
    first = state.due + dt.timedelta(days=1)
    last = state.as_of
    if last < first:
        return []
    boundaries = {first}
    for paid_on, _ in state.payments:
        if first < paid_on + dt.timedelta(days=1) <= last:
            boundaries.add(paid_on + dt.timedelta(days=1))
    boundaries.update(_rate_changes(annual_rate, first, last))
    if day_count == "actual/actual":
        boundaries.update(dt.date(year, 1, 1) for year in range(first.year + 1, last.year + 1))
    starts = sorted(boundaries)
    periods = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - dt.timedelta(days=1) if index + 1 < len(starts) else last
        principal = state.principal_on(start - dt.timedelta(days=1))
        if principal <= 0:
            continue
        rate = Decimal(annual_rate(start))
        year_days = 365
        if day_count == "actual/actual":
            year_days = 366 if _is_leap(start.year) else 365
        days = (end - start).days + 1
        amount = principal * rate / 100 * days / year_days
        periods.append(InterestPeriod(start, end, principal, rate, year_days, amount))
    return periods


def _rate_changes(annual_rate: Any, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    changes = getattr(annual_rate, "changes_within", None)
    if changes is not None:
        yield from changes(first, last)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True)
class StatutoryRate:
    """Reference rate plus margin, per day; GB-style rules fix it at the debt's first day."""

    table: RateTable
    margin: Decimal
    fixed_from: dt.date | None = None

    def __call__(self, day: dt.date) -> Decimal:
        return self.table.rate_on(self.fixed_from or day) + self.margin

    def changes_within(self, first: dt.date, last: dt.date) -> list[dt.date]:
        if self.fixed_from is not None:
            return []
        return self.table.changes_within(first, last)


@dataclass(frozen=True)
class FixedRate:
    rate: Decimal

    def __call__(self, day: dt.date) -> Decimal:
        return self.rate
