"""The parties: provider and client, their registration numbers and the bank to pay."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from ..identifiers import problem
from .choices import OcrCheck
from .section import Section
from .text import EmailAddress, OptionalText, Text


def _number(value: str, info: ValidationInfo) -> str:
    """A registration, tax or bank number, checked by the rule its field names
    (identifiers.py): each field's name is the number's kind."""
    reason = problem(str(info.field_name), value)
    if reason is not None:
        raise PydanticCustomError("identifier", reason)
    return value


Number = Annotated[Text, AfterValidator(_number)]


class Bank(Section):
    """How to pay: IBAN and BIC where they exist, a local account number where they do not."""

    iban: Number | None = Field(None, description="International bank account number")
    bic: Number | None = Field(None, description="The bank's BIC (SWIFT code)")
    name: OptionalText | None = Field(None, description="The bank's name")
    account: OptionalText | None = Field(
        None,
        description="Account number where there is no IBAN: US (ACH), GB (with sort_code), "
        "DK kontonr. (with reg_nr), RU расчетный счет",
    )
    routing: OptionalText | None = Field(
        None, description="Domestic bank code: US ABA routing number, GB sort code, RU БИК"
    )
    correspondent_account: OptionalText | None = Field(
        None, description="RU: корреспондентский счет of the bank"
    )
    bankgiro: Number | None = Field(None, description="SE: bankgironummer, like 5050-1055")
    plusgiro: Number | None = Field(None, description="SE: plusgironummer")
    ocr_check: OcrCheck = Field(
        "check_digit",
        description="SE: what the bankgiro's OCR agreement checks: check_digit, or "
        "check_digit_and_length (the OCR number then carries a length digit)",
    )
    reg_nr: Number | None = Field(None, description="DK: the bank's registreringsnummer, 4 digits")
    fi_creditor: Number | None = Field(None, description="DK: FI-kort kreditornummer, 8 digits")
    sort_code: Number | None = Field(None, description="GB: sort code, like 12-34-56")
    check_payee: OptionalText | None = Field(None, description="US: whom checks are payable to")
    payment_link: OptionalText | None = Field(
        None, description="A web address where the client can pay, such as https://pay.example/…"
    )


class Ids(Section):
    """Registration and tax numbers, each checked by its own rule (docs/project-file.md)."""

    org_nr: Number | None = Field(None, description="SE: organisationsnummer, like 123456-7897")
    y_tunnus: Number | None = Field(None, description="FI: Y-tunnus, like 1234567-1")
    cvr: Number | None = Field(None, description="DK: CVR-nummer, 8 digits")
    company_number: Number | None = Field(None, description="GB: Companies House number")
    ein: Number | None = Field(
        None, description="US: Employer Identification Number, like 12-3456789"
    )
    inn: Number | None = Field(None, description="RU: ИНН, 10 digits (organisation) or 12 (person)")
    kpp: Number | None = Field(None, description="RU: КПП of an organisation, 9 characters")
    ogrn: Number | None = Field(None, description="RU: ОГРН of an organisation, 13 digits")
    ogrnip: Number | None = Field(
        None, description="RU: ОГРНИП of an individual entrepreneur, 15 digits"
    )
    vat: Number | None = Field(
        None, description="VAT number with its country prefix, like SE123456789701"
    )

    def entries(self) -> list[tuple[str, str]]:
        """(kind, number) for each number given, in the order a letter prints them."""
        from ..identifiers import ID_KINDS

        return [(kind, value) for kind in ID_KINDS if (value := getattr(self, kind))]


class Party(Section):
    name: Text
    contact: OptionalText | None = None
    # The letter frame (templates/<lang>/_letter.md.j2, docs/project-file.md "Parties"):
    given_name: OptionalText | None = Field(
        None, description="The contact's first name, for the greeting (Dear Jerry, Hej Henrik)"
    )
    salutation: OptionalText | None = Field(
        None,
        description="The exact form of address after the greeting word, overriding the default: "
        "Mr. Malone, Иван Петрович",
    )
    position: OptionalText | None = Field(
        None,
        description="The contact's position, printed with the name and where they sign: CEO, "
        "Генеральный директор",
    )
    email: EmailAddress | None = None
    phone: OptionalText | None = None
    address: OptionalText | None = None
    business_id: OptionalText | None = None
    ids: Ids | None = Field(None, description="Registration and tax numbers, each checked")


class Provider(Party):
    bank: Bank | None = None
    registered_office: OptionalText | None = Field(
        None, description="Where the company is registered (UK registered office, SE säte)"
    )
    f_skatt: bool = Field(False, description="SE: approved for F-skatt (Godkänd för F-skatt)")
