"""Which payment-reference scheme a project uses, and whether a written reference passes it."""

from __future__ import annotations

import re
from typing import Literal

from .identifiers import digits_of
from .model import Project

Scheme = Literal["ocr", "viite", "rf", "fik71"]

# Which scheme a reference follows, by the provider's country and the invoice's currency (the
# table in docs/project-file.md, "Payment references"). EUR anywhere else: the RF reference.
_NATIONAL: dict[tuple[str, str], Scheme] = {
    ("SE", "SEK"): "ocr",
    ("FI", "EUR"): "viite",
    ("DK", "DKK"): "fik71",
}


def provider_country(project: Project) -> str | None:
    """The provider's country: that of the IBAN when there is one, else the jurisdiction."""
    bank = project.provider.bank
    if bank is not None and bank.iban:
        return digits_of(bank.iban)[:2].upper()
    return project.jurisdiction.upper() if project.jurisdiction else None


def scheme_for(project: Project) -> Scheme | None:
    """The reference scheme a letter of this project uses, or None where there is none."""
    country = provider_country(project)
    currency = project.currency.upper()
    national = _NATIONAL.get((country or "", currency))
    if national == "ocr":
        bank = project.provider.bank
        # An OCR number is tied to a giro account: without one there is nowhere to type it.
        return "ocr" if bank is not None and (bank.bankgiro or bank.plusgiro) else None
    if national is not None:
        return national
    return "rf" if currency == "EUR" else None


def luhn_digit(digits: str) -> str:
    """The Luhn (10-modul) check digit: weights 2, 1, 2… from the right, digit sums added."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return str(-total % 10)


def viite_digit(base: str) -> str:
    """The Finnish viitenumero check digit: weights 7, 3, 1 from the right, to the next ten."""
    weights = (7, 3, 1)
    total = sum(int(char) * weights[i % 3] for i, char in enumerate(reversed(base)))
    return str(-total % 10)


_FIK_LINE = re.compile(r"\+71<?(\d{15})(\+\d{8}<?)?")


def reference_problem(project: Project, written: str) -> str | None:
    """Why a reference written in the file fails its scheme's check, or None when it passes."""
    from stdnum import iso11649, luhn

    text = written.strip()
    compact = re.sub(r"\s+", "", text)
    if compact.upper().startswith("RF"):
        if iso11649.is_valid(compact):
            return None
        return f"not a valid RF creditor reference (ISO 11649) ({text}): check its digits"
    if compact.startswith("+71"):
        match = _FIK_LINE.fullmatch(compact)
        if match and luhn.is_valid(match.group(1)):
            return None
        return (
            f"not a valid FI-kort +71 reference ({text}): 15 digits, the last a check digit, "
            "like +71<000000000000018"
        )
    scheme = scheme_for(project)
    if scheme == "rf":
        return (
            f"not an RF creditor reference ({text}): EUR payments take one like RF18 5390 0754 7034"
        )
    if not compact.isdigit():
        return f"not a payment reference ({text}): write its digits only"
    if scheme == "ocr":
        bank = project.provider.bank
        if not 2 <= len(compact) <= 25 or not luhn.is_valid(compact):
            return f"not a valid OCR number ({text}): the check digit is wrong"
        with_length = bank is not None and bank.ocr_check == "check_digit_and_length"
        if with_length and compact[-2] != str(len(compact) % 10):
            return f"not a valid OCR number ({text}): the length digit is wrong"
        return None
    if scheme == "viite":
        if 4 <= len(compact) <= 20 and viite_digit(compact[:-1]) == compact[-1]:
            return None
        return f"not a valid viitenumero ({text}): the check digit is wrong"
    if scheme == "fik71":
        if len(compact) == 15 and luhn.is_valid(compact):
            return None
        return f"not a valid FI-kort +71 reference ({text}): 15 digits, the last a check digit"
    return None  # no structured scheme here: any text the client is to quote is fine
