"""Reference rates newer than the built-in tables, given in the project file."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import Field

from .quantities import Date, Rate
from .section import Section


class RatePeriodEntry(Section):
    start: Date = Field(alias="from", description="The first day the rate applies")
    rate: Rate = Field(description="Percent a year")


class ReferenceRateOverride(Section):
    """Newer reference rates than the built-in table, e.g. after a central-bank decision."""

    known_until: Date = Field(description="The last day these figures are known for")
    periods: list[RatePeriodEntry] = Field(min_length=1)
