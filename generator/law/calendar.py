"""Business days of a jurisdiction (weekends, public holidays, days off moved by decree) and due
dates that move off the days that are not.

Which holidays count, and whether a due date on one moves, is each jurisdiction's law, kept in
its law file (`business_days:` and `due_date_roll:`, each with its source); the holidays
themselves come from the `holidays` library, never from lists of our own.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .lawfile import law_data

SATURDAY_SUNDAY = frozenset({5, 6})
DEFAULT_CATEGORIES = ("public",)


@dataclass(frozen=True)
class CalendarRule:
    """What a jurisdiction's law counts as a business day, and whether due dates move."""

    categories: tuple[str, ...]  # the `holidays` categories that are not business days
    closed_dates: frozenset[tuple[int, int]]  # (month, day) the law adds, e.g. DK 24 December
    default_region: str | None  # the region whose holidays apply when the project names none
    source: str
    rolls: bool  # a due date on a non-business day moves to the next business day
    roll_source: str


@dataclass(frozen=True)
class _Year:
    """One year of one country (and region): the days off and the weekend days worked."""

    weekend: frozenset[int]
    closed: frozenset[dt.date]
    worked: frozenset[dt.date]  # a Saturday made a working day by a transfer of days off (RU)


@functools.lru_cache(maxsize=64)
def calendar_rule(jurisdiction: str | None) -> CalendarRule:
    """The calendar rule in the jurisdiction's law file; without one, public holidays count
    and no due date moves."""
    data = law_data(jurisdiction) or {}
    days: Mapping[str, Any] = data.get("business_days") or {}
    roll: Mapping[str, Any] = data.get("due_date_roll") or {}
    closed = frozenset(
        (int(month), int(day))
        for month, day in (str(text).split("-") for text in days.get("closed_dates", ()))
    )
    return CalendarRule(
        categories=tuple(days.get("closed", DEFAULT_CATEGORIES)),
        closed_dates=closed,
        default_region=days.get("default_region"),
        source=str(days.get("source", "")),
        rolls=bool(roll.get("rolls", False)),
        roll_source=str(roll.get("source", "")),
    )


@functools.lru_cache(maxsize=1024)
def _year(jurisdiction: str | None, region: str | None, year: int) -> _Year:
    """The year's days off, built once per (country, region, year): `due` over a thousand
    project files asks for the same few years again and again."""
    if jurisdiction is None:
        return _Year(SATURDAY_SUNDAY, frozenset(), frozenset())
    import holidays  # only a command that counts business days pays for the import

    rule = calendar_rule(jurisdiction)
    try:
        supported = holidays.country_holidays(jurisdiction).supported_categories
        found = holidays.country_holidays(
            jurisdiction,
            subdiv=region or rule.default_region,
            years=year,
            categories=tuple(c for c in rule.categories if c in supported) or DEFAULT_CATEGORIES,
        )
    except NotImplementedError:  # a country the library does not know: weekends only
        return _Year(SATURDAY_SUNDAY, frozenset(), frozenset())
    closed = set(found) | {dt.date(year, month, day) for month, day in rule.closed_dates}
    worked = {day for day in found.weekend_workdays if day.year == year}
    return _Year(frozenset(found.weekend), frozenset(closed), frozenset(worked))


def is_business_day(day: dt.date, jurisdiction: str | None, region: str | None = None) -> bool:
    """Whether `day` is a business day: not a weekend day (unless made a working day) and not
    a day off under the jurisdiction's law (in the region, where one is given)."""
    year = _year(jurisdiction, region, day.year)
    if day in year.closed:
        return False
    return day.weekday() not in year.weekend or day in year.worked


def next_business_day(day: dt.date, jurisdiction: str | None, region: str | None = None) -> dt.date:
    """`day` itself if it is a business day, else the first business day after it."""
    while not is_business_day(day, jurisdiction, region):
        day += dt.timedelta(days=1)
    return day


def business_days_after(
    start: dt.date, days: int, jurisdiction: str | None, region: str | None = None
) -> dt.date:
    """The day `days` business days after `start` (`start` itself does not count), so the
    deadline is always a business day."""
    day = start
    for _ in range(days):
        day = next_business_day(day + dt.timedelta(days=1), jurisdiction, region)
    return day


def roll_forward(day: dt.date, jurisdiction: str | None, region: str | None = None) -> dt.date:
    """The last day of a due date or time limit that falls on `day`: moved to the next business
    day where the jurisdiction's law moves one that falls on a weekend or holiday."""
    if not calendar_rule(jurisdiction).rolls:
        return day
    return next_business_day(day, jurisdiction, region)
