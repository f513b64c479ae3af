"""When an e-mail draft is dated: 09:00 on the letter's date in the sender's own time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from ..project.model import Project
from ..project.payment_schemes import provider_country

# The time zone of a provider by country: the capital's, which is where most of a country's
# people live; a country with several zones names them by region below.
_COUNTRY_ZONES = {
    "AT": "Europe/Vienna",
    "BE": "Europe/Brussels",
    "CA": "America/Toronto",
    "CH": "Europe/Zurich",
    "CZ": "Europe/Prague",
    "DE": "Europe/Berlin",
    "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn",
    "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki",
    "FR": "Europe/Paris",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "IS": "Atlantic/Reykjavik",
    "IT": "Europe/Rome",
    "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg",
    "LV": "Europe/Riga",
    "NL": "Europe/Amsterdam",
    "NO": "Europe/Oslo",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
    "SE": "Europe/Stockholm",
    "UA": "Europe/Kyiv",
    "US": "America/New_York",  # the most populous zone; the states below differ
}

_CENTRAL = "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI".split()  # noqa: SIM905 (a table)

# US states outside Eastern time, by the zone most of each state keeps (Arizona keeps no
# daylight saving time; Indiana is Eastern, the default).
_US_STATE_ZONES = {
    **dict.fromkeys(("CA", "NV", "OR", "WA"), "America/Los_Angeles"),
    **dict.fromkeys(("CO", "ID", "MT", "NM", "UT", "WY"), "America/Denver"),
    "AZ": "America/Phoenix",
    **dict.fromkeys(_CENTRAL, "America/Chicago"),
    "AK": "America/Anchorage",
    "HI": "Pacific/Honolulu",
}

SENDING_HOUR = 9  # a working morning: when a professional sends a letter


def sender_zone(project: Project) -> dt.tzinfo:
    """The provider's time zone; UTC for a country not in the table, or where the system has
    no zone database (Windows without the `tzdata` package)."""
    country = provider_country(project) or ""
    name = _COUNTRY_ZONES.get(country)
    # The project's region is where its law and holidays are: the provider's own state when
    # the provider lives in the jurisdiction's country.
    same_country = (project.jurisdiction or "").upper() == country
    if country == "US" and same_country and project.region:
        name = _US_STATE_ZONES.get(project.region.strip().upper(), name)
    if name is None:
        return dt.timezone.utc
    try:
        return zoneinfo.ZoneInfo(name)
    except zoneinfo.ZoneInfoNotFoundError:
        return dt.timezone.utc


def sent_at(project: Project, day: dt.date) -> dt.datetime:
    """09:00 on `day` where the provider works, as an aware datetime."""
    return dt.datetime(day.year, day.month, day.day, SENDING_HOUR, tzinfo=sender_zone(project))
