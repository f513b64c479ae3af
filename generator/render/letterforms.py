"""What the letter frame cannot write in Jinja: given names, towns, Russian cases, numbers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_POSTCODE_TOWN = re.compile(r"^(?:[A-Z]{1,3}-)?\d[\d ]*\d\s+(?P<town>\D.*)$")
_DANISH_DISTRICT = re.compile(r"\s+(?:[A-ZÆØÅ]{1,2})$")

# Each letter's two-digit code in the Russian outgoing number (docs/project-file.md, "Parties").
LETTER_CODES = {
    "reminder-friendly": "01",
    "reminder-firm": "02",
    "reminder-stop-work": "03",
    "reminder-final": "04",
    "dispute-reply": "05",
    "waiting": "06",
    "termination": "07",
    "change-declined": "08",
}


def given_name(party: Any) -> str:
    """The contact's first name: `given_name`, else the first word of `contact`, else ""."""
    if party.given_name:
        return str(party.given_name)
    words = str(party.contact or "").split()
    return words[0] if words else ""


def letter_town(address: str | None) -> str:
    """The town for a place-and-date line: the last address line after its postcode, or "".

    "903 25 Umeå" gives Umeå and "8000 Aarhus C" gives Aarhus (the postal district letter is
    not part of the town's name); an address without a postcode line gives nothing, so the
    date line is then the date alone.
    """
    lines = [line.strip() for line in str(address or "").splitlines() if line.strip()]
    if not lines:
        return ""
    found = _POSTCODE_TOWN.match(lines[-1])
    if found is None:
        return ""
    return _DANISH_DISTRICT.sub("", found.group("town")).strip()


def russian_gender(name: str | None) -> str:
    """ "m" or "f" when a word of the name is a patronymic (Павлович, Сергеевна), else ""."""
    for word in str(name or "").split():
        if word.endswith("ич"):
            return "m"
        if word.endswith(("вна", "ична", "инична")):
            return "f"
    return ""


def _russian_parts(name: str | None) -> tuple[str, str, str] | None:
    # (surname, first name, patronymic) from "Фамилия Имя Отчество" or "Имя Отчество Фамилия".
    words = str(name or "").split()
    if len(words) != 3:
        return None
    if russian_gender(words[2]):
        return words[0], words[1], words[2]
    if russian_gender(words[1]):
        return words[2], words[0], words[1]
    return None


def russian_short_name(name: str | None) -> str:
    """ "Д. А. Ковалев" from "Ковалев Дмитрий Андреевич"; a name of another shape as written."""
    parts = _russian_parts(name)
    if parts is None:
        return str(name or "")
    surname, first, patronymic = parts
    return f"{first[0]}.\u00a0{patronymic[0]}.\u00a0{surname}"


def russian_address_name(name: str | None) -> str:
    """ "Виктор Павлович" from a full name with a patronymic (for «Уважаемый …!»); else ""."""
    parts = _russian_parts(name)
    return f"{parts[1]} {parts[2]}" if parts else ""


def _dative_surname(surname: str, gender: str) -> str | None:
    # Only the endings whose dative is certain; any other surname is printed in an address
    # block that needs no case (russian_addressee).
    if gender == "m":
        if surname.endswith(("ий", "ой", "ый")):
            return surname[:-2] + "ому"
        if re.search(r"[бвгдзклмнпрстфхцчшщ]$", surname):
            return surname + "у"
        return None
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return surname[:-1] + "ой"
    if surname.endswith("ая"):
        return surname[:-2] + "ой"
    return None


def _dative_position(position: str) -> str | None:
    # Leading adjectives (Генеральный, Главный, Исполнительный) and the noun they qualify are
    # declined; what follows the noun (по развитию, ООО «…») keeps its case.
    words = position.split()
    declined: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower.endswith(("ый", "ой")):
            declined.append(word[:-2] + "ому")
            continue
        if lower.endswith("ий"):
            ending = "ему" if re.search(r"[жшчщн]ий$", lower) else "ому"
            declined.append(word[:-2] + ending)
            continue
        if re.search(r"[бвгдзклмнпрстфхцчшщ]$", lower):
            noun = word + "у"
        elif lower.endswith("ь"):
            noun = word[:-1] + "ю"
        else:
            return None
        return " ".join([*declined, noun, *words[index + 1 :]])
    return None


def russian_addressee(party: Any) -> list[str]:
    """The addressee block's first lines in the dative: position, organisation, «Громову В. П.».

    When the position or the name cannot be declined with certainty, the organisation comes
    first in the nominative (the form for a letter to an organisation) and the name follows
    as written, so no line is ever in a wrong case.
    """
    parts = _russian_parts(party.contact)
    surname = _dative_surname(parts[0], russian_gender(parts[2])) if parts is not None else None
    position = _dative_position(str(party.position)) if party.position else None
    if parts is not None and surname is not None and (position or not party.position):
        person = f"{surname} {parts[1][0]}.\u00a0{parts[2][0]}."
        if position:
            return [position, str(party.name), person]
        return [str(party.name), person]
    lines = [str(party.name)]
    if party.contact:
        lines.append(str(party.contact))
    return lines


# Legal forms of a company, Russian and those of the other jurisdictions' providers.
_ORGANISATION_FORMS = frozenset(
    {"ООО", "АО", "ПАО", "НАО", "ЗАО", "ОАО", "АНО", "НКО"}
    | {"ApS", "A/S", "AB", "Oy", "Oyj", "Ltd", "Limited", "LLP", "LLC", "Inc", "GmbH"}
)


def russian_sole(party: Any) -> bool:
    """Whether the party is one person (ИП, самозанятый), who writes «я», not «мы».

    The registration numbers say it: an ОГРНИП or a 12-digit ИНН is a person, an ОГРН, a
    КПП or a 10-digit ИНН an organisation. Without them, a name with a company's legal form
    (ООО, АО, AB, ApS, Ltd …) is an organisation and any other name a person, since the
    people who use this tool are freelancers.
    """
    ids = getattr(party, "ids", None)
    if ids is not None:
        if ids.ogrnip or len(str(ids.inn or "")) == 12:
            return True
        if ids.ogrn or ids.kpp or len(str(ids.inn or "")) == 10:
            return False
    words = {word.strip('«»".,()') for word in str(party.name or "").split()}
    return not words & _ORGANISATION_FORMS


def outgoing_number(project_id: str, kind: str, on: dt.date) -> str:
    """The Russian outgoing number: project id, letter code and day, e.g. SV-2026-04/04-1122.

    The same letter on the same day always gets the same number, so rendering again
    reproduces the document byte for byte.
    """
    code = LETTER_CODES.get(kind.replace("_", "-"), "00")
    return f"{project_id}/{code}-{on:%m%d}"
