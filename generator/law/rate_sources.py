"""Reference rates past the shipped tables: the user's rates file, and accepting --last-rate."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import InputError, ProjectError

RATES_ENV = "INWRITING_RATES"
"""An environment variable naming the rates file, instead of the one in the config folder."""

_accept_last_rate = False


def accept_last_rate(accepted: bool) -> None:
    """Whether a rate needed past a table's `known_until` may be the last one published
    (`--last-rate`); otherwise a command that would state it stops (see `RateUnknown`)."""
    global _accept_last_rate
    _accept_last_rate = accepted


def last_rate_accepted() -> bool:
    """Whether `--last-rate` was given for this run."""
    return _accept_last_rate


def user_rates_path() -> Path:
    """The rates file every project uses: $INWRITING_RATES, else `rates.yaml` in the user's
    config folder (on Linux $XDG_CONFIG_HOME/inwriting, by default ~/.config/inwriting)."""
    named = os.environ.get(RATES_ENV)
    if named:
        return Path(named).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("inwriting", appauthor=False)) / "rates.yaml"


@dataclass(frozen=True)
class UserRates:
    """The periods the user's rates file adds, per table: (start, rate) and known_until."""

    path: Path
    tables: dict[str, tuple[dt.date, tuple[tuple[dt.date, Decimal], ...]]]


def user_rates() -> UserRates:
    """The user's rates file, read and checked; empty when there is none."""
    path = user_rates_path()
    try:
        stamp = path.stat().st_mtime_ns if path.is_file() else None
    except OSError:
        stamp = None
    return _read(path, stamp)


@functools.lru_cache(maxsize=4)
def _read(path: Path, stamp: int | None) -> UserRates:
    # `stamp` (the file's modification time) makes an edited file count on the next read.
    if stamp is None:
        return UserRates(path, {})
    from pydantic import TypeAdapter, ValidationError

    from ..project.load import read_yaml
    from ..project.model import ReferenceRateOverride
    from ..project.project_file import translate_errors

    data, source, problems = read_yaml(path)
    if problems:
        raise ProjectError(problems)
    if not isinstance(data, dict):
        message = "a rates file lists tables such as `eu_ecb:`, each with known_until and periods"
        raise ProjectError([source.problem((), message)])
    from .interest import rate_tables

    known = rate_tables()
    unknown = [
        source.problem(
            (name,), f"no such rate table; expected one of: {', '.join(known)}", prefer_key=True
        )
        for name in data
        if name not in known
    ]
    if unknown:
        raise ProjectError(unknown)
    try:
        parsed = TypeAdapter(dict[str, ReferenceRateOverride]).validate_python(data)
    except ValidationError as exc:
        raise ProjectError(translate_errors(exc, data, source)) from None
    tables = {
        name: (entry.known_until, tuple((p.start, p.rate) for p in entry.periods))
        for name, entry in parsed.items()
    }
    return UserRates(path, tables)


class RateUnknown(InputError):
    """A statutory rate is needed for days no table covers, and --last-rate was not given."""


def unknown_rate_message(
    table_title: str,
    table_name: str,
    first: dt.date,
    last: dt.date,
    known_until: dt.date,
    last_rate: Decimal,
) -> str:
    """What is missing, for which days, and the three ways to supply it."""
    return (
        f"the {table_title} for {_span(first, last)} is not in the tables (known until "
        f"{_day(known_until)}): add it under `reference_rates.{table_name}` in the project file, "
        f"or in a rates file for every project ({user_rates_path()}), or pass --last-rate to use "
        f"the last published rate ({last_rate:.2f} %)"
    )


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _span(first: dt.date, last: dt.date) -> str:
    if first == last:
        return _day(first)
    if first.year == last.year:
        start = f"{first.day} {first:%B}" if first.month != last.month else f"{first.day}"
        return f"{start}–{_day(last)}"
    return f"{_day(first)}–{_day(last)}"
