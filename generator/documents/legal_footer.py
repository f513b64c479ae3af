"""The legal footer of a branded letter: registration, VAT number and registered office."""

from __future__ import annotations

from ..project.identifiers import local_name
from ..project.model import Project

SEPARATOR = " · "

# The Companies Act's trading disclosures (SI 2015/17, reg. 25): the part of the United
# Kingdom the company is registered in, its number and its registered office. The number's
# prefix says the part: SC Scotland, NI Northern Ireland, anything else England and Wales.
_UK_PART = {
    "en": {"": "England and Wales", "SC": "Scotland", "NI": "Northern Ireland"},
    "sv": {"": "England och Wales", "SC": "Skottland", "NI": "Nordirland"},
    "da": {"": "England og Wales", "SC": "Skotland", "NI": "Nordirland"},
    "fi": {"": "Englannissa ja Walesissa", "SC": "Skotlannissa", "NI": "Pohjois-Irlannissa"},
    "ru": {"": "в Англии и Уэльсе", "SC": "в Шотландии", "NI": "в Северной Ирландии"},
}
_UK_REGISTERED = {
    "en": "Registered in {part} No. {number}",
    "sv": "Registrerat i {part}, nr {number}",
    "da": "Registreret i {part}, nr. {number}",
    "fi": "Rekisteröity {part}, nro {number}",
    "ru": "Зарегистрирована {part}, № {number}",
}
# What each language calls the seat a company is registered at: in Sweden the municipality
# where the board has its seat (aktiebolagslagen 28 kap.), in Denmark hjemsted, in Finland
# kotipaikka, in Russia the legal address.
_OFFICE = {
    "en": "Registered office: {office}",
    "sv": "Styrelsens säte: {office}",
    "da": "Hjemsted: {office}",
    "fi": "Kotipaikka: {office}",
    "ru": "Юридический адрес: {office}",
}
# Skatteverket asks for these words on every invoice and offer (verksamt.se, "Visa att du är
# godkänd för F-skatt"); they are the legal statement, so other languages quote them.
_F_SKATT = {"sv": "Godkänd för F-skatt", "en": "Godkänd för F-skatt (approved for F-tax)"}
_REGISTRATIONS = ("org_nr", "y_tunnus", "cvr", "ein", "inn", "kpp", "ogrn", "ogrnip")


def legal_footer(project: Project) -> str:
    """One line for the foot of every page, in the project's language; empty when the
    provider gave none of these facts."""
    language = project.language
    provider = project.provider
    ids = provider.ids
    parts: list[str] = []
    if ids is not None and ids.company_number is not None:
        number = ids.company_number.strip()
        part = _UK_PART[language].get(number[:2].upper(), _UK_PART[language][""])
        parts.append(_UK_REGISTERED[language].format(part=part, number=number))
    if ids is not None:
        for kind in _REGISTRATIONS:
            value = getattr(ids, kind)
            if value is not None:
                parts.append(f"{local_name(kind, language)} {value.strip()}")
    if provider.registered_office is not None and provider.registered_office.strip():
        office = ", ".join(
            line.strip() for line in provider.registered_office.splitlines() if line.strip()
        )
        parts.append(_OFFICE[language].format(office=office))
    if ids is not None and ids.vat is not None:
        parts.append(f"{local_name('vat', language)} {ids.vat.strip()}")
    if provider.f_skatt:
        parts.append(_F_SKATT.get(language, _F_SKATT["sv"]))
    return SEPARATOR.join(parts)
