"""How the client pays: the methods that fit the currency and country, references, QR payloads."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..law.references import payment_reference, rf_reference
from ..project.identifiers import digits_of
from ..project.model import Bank, Invoice, Project
from ..project.payment_schemes import provider_country

# EPC069-12 (Quick Response Code: guidelines for the initiation of a SEPA credit transfer):
# the beneficiary's name is at most 70 characters, a structured reference at most 35 and
# remittance text at most 140; the amount is EUR 0.01 to 999999999.99.
_EPC_NAME = 70
_EPC_TEXT = 140
_EPC_MAX = Decimal("999999999.99")


@dataclass(frozen=True)
class ToPay:
    """One invoice to pay: its number, the amount, and the reference the client types."""

    number: str
    amount: Decimal
    reference: str | None
    scheme: str | None  # ocr, viite, rf, fik71, or None: quote the invoice number
    fik_line: str | None  # DK: "+71<reference+creditor<", typed into the bank's FI field
    epc: str | None  # hex of the EPC QR payload (UTF-8), where the invoice is paid in EUR


@dataclass(frozen=True)
class Payment:
    """The "How to pay" block's facts: only the methods that fit are set."""

    holder: str
    bank_name: str | None
    iban: str | None
    bic: str | None
    bankgiro: str | None
    plusgiro: str | None
    dk_reg_nr: str | None
    dk_account: str | None
    gb_sort_code: str | None
    gb_account: str | None
    ach_routing: str | None
    ach_account: str | None
    check_payee: str | None
    check_address: list[str]
    ru_account: str | None
    ru_correspondent_account: str | None
    ru_bik: str | None
    ru_inn: str | None
    ru_kpp: str | None
    link: str | None
    link_qr: str | None  # hex of the link, for a QR code
    items: tuple[ToPay, ...]
    total: Decimal
    pay_by: dt.date

    @property
    def has_transfer(self) -> bool:
        """Whether any account to transfer into is given (the reference goes with it)."""
        return any(
            (
                self.iban,
                self.bankgiro,
                self.plusgiro,
                self.dk_account,
                self.gb_account,
                self.ach_account,
                self.ru_account,
            )
        )


def payment_context(project: Project, as_of: dt.date, context: dict[str, Any]) -> dict[str, Any]:
    """`pay`: the block's facts for a reminder, a dispute reply (its `rows`), or the termination
    letter and the hand-off report (`owed_invoices`); None where nothing is owed."""
    if "rows" in context:
        amounts = [(row.state.invoice, row.charges.total) for row in context["rows"]]
        if "settle_by" in context:
            pay_by = context["settle_by"]
        elif context.get("tone") == "final":
            pay_by = context["final_deadline"]
        else:
            pay_by = context["pay_by"]
    else:
        from .state import pay_by as pay_by_on

        amounts = [(owed.state.invoice, owed.owed.total) for owed in context["owed_invoices"]]
        # The same date as a final notice still running for these invoices, or as any letter
        # of the day would give (documents/state.pay_by).
        pay_by = pay_by_on(project, as_of, {owed.number for owed in context["owed_invoices"]})
    amounts = [(invoice, amount) for invoice, amount in amounts if amount > 0]
    return {"pay": payment_facts(project, amounts, pay_by) if amounts else None}


def payment_facts(
    project: Project, amounts: Sequence[tuple[Invoice, Decimal]], pay_by: dt.date
) -> Payment:
    """What the block prints for these invoices and amounts, to be paid by `pay_by`.

    Refused (exit 2) when the provider gives no way to pay in the project's currency: a letter
    asking for money must say where it goes."""
    bank = project.provider.bank or Bank()
    country = provider_country(project) or ""
    currency = project.currency.upper()
    iban = _spaced(bank.iban) if bank.iban else None
    sek = currency == "SEK"
    dkk = currency == "DKK"
    gbp = currency == "GBP"
    usd = currency == "USD"
    rub = currency == "RUB"
    reg_nr, dk_account = _dk_account(bank) if dkk else (None, None)
    provider = project.provider
    ids = provider.ids
    payment = Payment(
        holder=provider.name,
        bank_name=bank.name or None,
        iban=iban if not (usd or rub) else None,
        bic=bank.bic if iban and not (usd or rub) else None,
        bankgiro=bank.bankgiro if sek else None,
        plusgiro=bank.plusgiro if sek else None,
        dk_reg_nr=reg_nr,
        dk_account=dk_account,
        gb_sort_code=_sort_code(bank) if gbp else None,
        gb_account=bank.account if gbp and bank.account else None,
        ach_routing=bank.routing if usd and bank.routing and bank.account else None,
        ach_account=bank.account if usd and bank.routing and bank.account else None,
        check_payee=bank.check_payee if usd and bank.check_payee else None,
        check_address=_lines(provider.address) if usd and bank.check_payee else [],
        ru_account=bank.account if rub and bank.account else None,
        ru_correspondent_account=bank.correspondent_account if rub else None,
        ru_bik=bank.routing if rub else None,
        ru_inn=ids.inn if rub and ids is not None else None,
        ru_kpp=ids.kpp if rub and ids is not None else None,
        link=bank.payment_link or None,
        link_qr=_hex(bank.payment_link) if bank.payment_link else None,
        items=tuple(
            _to_pay(project, bank, invoice, amount, currency, iban) for invoice, amount in amounts
        ),
        total=sum((amount for _, amount in amounts), start=Decimal(0)),
        pay_by=pay_by,
    )
    if not payment.has_transfer and not payment.link and not payment.check_payee:
        raise InputError(_no_method(currency, country))
    return payment


def _to_pay(
    project: Project,
    bank: Bank,
    invoice: Invoice,
    amount: Decimal,
    currency: str,
    iban: str | None,
) -> ToPay:
    reference = payment_reference(project, invoice)
    text = reference.text if reference is not None else None
    scheme = reference.scheme if reference is not None else None
    fik_line = None
    if scheme == "fik71" and text is not None and bank.fi_creditor:
        # The line a Danish bank's "indbetalingskort" field takes: +71<reference+creditor<
        found = re.search(r"\d{15}", text.removeprefix("+71"))
        text = found.group(0) if found else text
        fik_line = f"+71<{text}+{digits_of(bank.fi_creditor)}<"
    elif scheme == "fik71":
        scheme, text = None, None  # an FI-kort reference without a creditor number: no use
    epc = None
    if currency == "EUR" and iban is not None and Decimal("0.01") <= amount <= _EPC_MAX:
        epc = _hex(epc_payload(project, invoice, amount, text, scheme))
    shown = grouped(text, scheme) if text is not None else None
    return ToPay(invoice.number, amount, shown, scheme, fik_line, epc)


def grouped(reference: str, scheme: str | None) -> str:
    """A reference the way a bank's form prints it: a viitenumero in groups of five from the
    right (Finance Finland's guide to the reference number), an RF reference in groups of four
    from the left (ISO 11649, paper form); an OCR number and others unbroken, as the client
    types them."""
    compact = digits_of(reference).upper()
    if scheme == "viite":
        head = len(compact) % 5
        parts = ([compact[:head]] if head else []) + [
            compact[i : i + 5] for i in range(head, len(compact), 5)
        ]
        return " ".join(parts)
    if scheme == "rf":
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return reference


def epc_payload(
    project: Project,
    invoice: Invoice,
    amount: Decimal,
    reference: str | None,
    scheme: str | None,
) -> str:
    """The EPC QR payload (EPC069-12 version 002, UTF-8): BCD, 002, 1, SCT, BIC, name, IBAN,
    EUR amount, purpose (empty), the structured RF reference or else the remittance text.

    A Finnish viitenumero travels in its international form, RF plus the national reference
    (Finance Finland's RF creditor reference), so the structured field always holds ISO 11649."""
    bank = project.provider.bank or Bank()
    structured = ""
    text = ""
    if reference is not None and scheme == "rf":
        structured = digits_of(reference).upper()
    elif reference is not None and scheme == "viite":
        structured = rf_reference(digits_of(reference))
    else:
        text = f"{invoice.number} {reference}" if reference else invoice.number
    elements = [
        "BCD",
        "002",
        "1",
        "SCT",
        digits_of(bank.bic or "").upper(),
        project.provider.name[:_EPC_NAME],
        digits_of(bank.iban or "").upper(),
        f"EUR{amount.quantize(Decimal('0.01'))}",
        "",
        structured,
        text[:_EPC_TEXT],
    ]
    # Nothing follows the last element given (EPC069-12, section 3.4).
    while elements and not elements[-1]:
        elements.pop()
    return "\n".join(elements)


def _no_method(currency: str, country: str) -> str:
    fields = {
        "SEK": "provider.bank.bankgiro (or plusgiro) or iban",
        "DKK": "provider.bank.iban, or reg_nr and account",
        "EUR": "provider.bank.iban and bic",
        "GBP": "provider.bank.sort_code and account",
        "USD": "provider.bank.routing and account (ACH), check_payee or payment_link",
        "RUB": "provider.bank.account (р/с), routing (БИК), correspondent_account (к/с) and name",
    }.get(currency, "provider.bank.iban and bic, or payment_link")
    where = f" ({country})" if country else ""
    return (
        f"this letter asks for payment in {currency}{where} but says nowhere how to pay: "
        f"add {fields} to the project file; nothing was written"
    )


def _dk_account(bank: Bank) -> tuple[str | None, str | None]:
    """Reg.nr. and kontonr.: as written, or read from a Danish IBAN (DKkk RRRR AAAAAAAAAA)."""
    if bank.reg_nr and bank.account:
        return digits_of(bank.reg_nr), digits_of(bank.account)
    compact = digits_of(bank.iban or "").upper()
    if compact.startswith("DK") and len(compact) == 18:
        return compact[4:8], compact[8:]
    return None, None


def _sort_code(bank: Bank) -> str | None:
    code = digits_of(bank.sort_code or bank.routing or "")
    return f"{code[:2]}-{code[2:4]}-{code[4:]}" if len(code) == 6 else None


def _spaced(iban: str) -> str:
    """An IBAN in groups of four, the way it is printed (EBS 204)."""
    compact = digits_of(iban).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def _lines(address: str | None) -> list[str]:
    return [line.strip() for line in (address or "").splitlines() if line.strip()]


def _hex(text: str) -> str:
    # QR payloads reach the Markdown as hex digits: no escaping, no line of user text can
    # change the container's structure, and the writer decodes exactly what was built here.
    return text.encode("utf-8").hex()
