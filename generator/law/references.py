"""Structured payment references: derived from the invoice number, or checked as written."""

from __future__ import annotations

from dataclasses import dataclass

from ..project.model import Invoice, Project
from ..project.payment_schemes import (
    Scheme,
    luhn_digit,
    reference_problem,
    scheme_for,
    viite_digit,
)

_MAX_DIGITS: dict[Scheme, int] = {"ocr": 23, "viite": 19, "rf": 21, "fik71": 14}
"""Digits of the invoice number a scheme has room for, before its check (and length) digits."""


@dataclass(frozen=True)
class Reference:
    """A payment reference as the client types it, and the scheme it follows."""

    scheme: Scheme
    text: str


def invoice_digits(number: str) -> str:
    """The digits of an invoice number in their order: "RK-2026-041" gives "2026041"."""
    return "".join(char for char in number if char in "0123456789")


def ocr(digits: str, *, with_length: bool = False) -> str:
    """A Swedish OCR number: the digits, a length digit when asked, and the Luhn check digit.

    The length digit is the whole number's length counting both added digits, modulo 10
    (Bankgirot, OCR-referenskontroll: "variabel längdkontroll")."""
    if with_length:
        digits += str((len(digits) + 2) % 10)
    return digits + luhn_digit(digits)


def viitenumero(base: str) -> str:
    """A Finnish reference: the base (padded to the 3 digits it must have) and its check digit."""
    base = base.rjust(3, "0") if len(base) < 3 else base
    return base + viite_digit(base)


def rf_reference(reference: str) -> str:
    """An ISO 11649 creditor reference: RF, two check digits (ISO 7064 mod 97-10), the rest."""
    body = reference.upper()
    moved = body + "RF00"
    number = int("".join(str(int(char, 36)) for char in moved))
    return f"RF{98 - number % 97:02d}{body}"


def fik71(digits: str) -> str:
    """The FI-kort +71 betalingsidentifikation: 15 digits, the last a Luhn (modulus 10) check."""
    return (digits + luhn_digit(digits)).rjust(15, "0")


def generated(project: Project, invoice: Invoice) -> Reference | None:
    """The reference made from the invoice number, or None (no scheme, or no digits in it)."""
    scheme = scheme_for(project)
    digits = invoice_digits(invoice.number).lstrip("0")
    if scheme is None or not digits or len(digits) > _MAX_DIGITS[scheme]:
        return None
    if scheme == "ocr":
        bank = project.provider.bank
        with_length = bank is not None and bank.ocr_check == "check_digit_and_length"
        return Reference(scheme, ocr(digits, with_length=with_length))
    if scheme == "viite":
        return Reference(scheme, viitenumero(digits))
    if scheme == "fik71":
        return Reference(scheme, fik71(digits))
    return Reference(scheme, rf_reference(digits))


def payment_reference(project: Project, invoice: Invoice) -> Reference | None:
    """The reference a letter prints for this invoice: the one written, else a generated one.

    A written reference was checked by `reference_problem` when the file was loaded."""
    if invoice.reference:
        written = invoice.reference.strip()
        scheme = _written_scheme(project, written)
        return Reference(scheme, written) if scheme is not None else None
    return generated(project, invoice)


def _written_scheme(project: Project, written: str) -> Scheme | None:
    if written.upper().startswith("RF"):
        return "rf"
    if written.startswith("+71"):
        return "fik71"
    return scheme_for(project)


__all__ = [
    "Reference",
    "fik71",
    "generated",
    "invoice_digits",
    "luhn_digit",
    "ocr",
    "payment_reference",
    "reference_problem",
    "rf_reference",
    "scheme_for",
    "viite_digit",
    "viitenumero",
]
