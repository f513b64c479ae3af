"""Registration, tax and bank numbers: each checked by its own rule, each named the local way."""

# python-stdnum is imported inside each check: a file without numbers, and `--help`, never pay
# for it.
from __future__ import annotations

import re
from collections.abc import Callable

# The kinds of `ids` a provider or client can carry, in the order a letter prints them.
ID_KINDS: tuple[str, ...] = (
    "org_nr",
    "y_tunnus",
    "cvr",
    "company_number",
    "ein",
    "inn",
    "kpp",
    "ogrn",
    "ogrnip",
    "vat",
)

# What each number is called where it is issued; a language listed here has its own word.
_LOCAL_NAMES: dict[str, dict[str, str]] = {
    "org_nr": {"": "Org.nr", "en": "Swedish org. no. (org.nr)", "fi": "Ruotsin org.nr"},
    "y_tunnus": {"": "Y-tunnus", "en": "Finnish business ID (Y-tunnus)", "sv": "FO-nummer"},
    "cvr": {"": "CVR-nr.", "en": "Danish CVR no."},
    "company_number": {"": "Company number", "sv": "Company number (UK)"},
    "ein": {"": "EIN"},
    "inn": {"": "ИНН", "en": "INN (ИНН)"},
    "kpp": {"": "КПП", "en": "KPP (КПП)"},
    "ogrn": {"": "ОГРН", "en": "OGRN (ОГРН)"},
    "ogrnip": {"": "ОГРНИП", "en": "OGRNIP (ОГРНИП)"},
    "vat": {
        "": "VAT number",
        "sv": "Momsreg.nr",
        "da": "Momsnr.",
        "fi": "ALV-numero",
        "ru": "Номер плательщика НДС",
    },
    "iban": {"": "IBAN"},
    "bic": {"": "BIC"},
    "bankgiro": {"": "Bankgiro"},
    "plusgiro": {"": "Plusgiro"},
    "reg_nr": {"": "Reg.nr."},
    "fi_creditor": {"": "FI-kreditornummer"},
    "sort_code": {"": "Sort code"},
    "aba_routing": {"": "ABA routing number"},
    "ru_bik": {"": "БИК"},
    "ru_account": {"": "р/с"},
    "ru_correspondent_account": {"": "к/с"},
}

# The name a message gives a number that failed, in English like every message of `check`.
_WHAT: dict[str, str] = {
    "org_nr": "Swedish org.nr",
    "y_tunnus": "Finnish Y-tunnus",
    "cvr": "Danish CVR number",
    "company_number": "UK company number",
    "ein": "US EIN",
    "inn": "Russian ИНН",
    "kpp": "Russian КПП",
    "ogrn": "Russian ОГРН",
    "ogrnip": "Russian ОГРНИП",
    "vat": "VAT number",
    "iban": "IBAN",
    "bic": "BIC",
    "bankgiro": "bankgiro number",
    "plusgiro": "plusgiro number",
    "reg_nr": "Danish reg.nr.",
    "fi_creditor": "FI-kort creditor number",
    "sort_code": "UK sort code",
    "aba_routing": "US ABA routing number",
    "ru_bik": "Russian БИК",
    "ru_account": "Russian account number (р/с)",
    "ru_correspondent_account": "Russian correspondent account (к/с)",
    "us_account": "US account number",
    "gb_account": "UK account number",
    "dk_account": "Danish account number (kontonr.)",
}

_SPACES = re.compile(r"[\s.\-/]+")


def local_name(kind: str, language: str) -> str:
    """The label a letter in `language` prints before a number of this kind."""
    names = _LOCAL_NAMES[kind]
    return names.get(language, names[""])


def describe(kind: str) -> str:
    """The number's kind in the words of an error message: 'Swedish org.nr'."""
    return _WHAT[kind]


def digits_of(value: str) -> str:
    """The number without the spaces, dots, dashes and slashes people write it with."""
    return _SPACES.sub("", value)


def problem(kind: str, value: str) -> str | None:
    """Why `value` is not a valid number of this kind, or None when it is."""
    check = _CHECKS[kind]
    reason = check(value)
    if reason is None:
        return None
    return f"not a valid {_WHAT[kind]} ({value.strip()}): {reason}"


def _stdnum(module_name: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        import importlib

        from stdnum.exceptions import ValidationError

        module = importlib.import_module(f"stdnum.{module_name}")
        try:
            module.validate(value)
        except ValidationError as error:
            return _reason(error)
        return None

    return check


def _reason(error: Exception) -> str:
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    if isinstance(error, InvalidChecksum):
        return "the check digit is wrong; look for a typing mistake"
    if isinstance(error, InvalidLength):
        return "it has the wrong number of digits"
    if isinstance(error, InvalidComponent):
        return "a part of it does not exist (country, region or bank code)"
    if isinstance(error, InvalidFormat):
        return "it has characters or a layout this kind of number never has"
    return str(error)


def _vat(value: str) -> str | None:
    """An EU VAT number with its country prefix, or a UK one (GB…)."""
    compact = digits_of(value).upper()
    module = "gb.vat" if compact.startswith(("GB", "XI")) else "eu.vat"
    if module == "eu.vat" and not re.match(r"[A-Z]{2}", compact):
        return "start it with the country's two letters, like SE or FI"
    return _stdnum(module)(compact if module == "eu.vat" else compact[2:])


def _pattern(pattern: str, description: str) -> Callable[[str], str | None]:
    compiled = re.compile(pattern, re.ASCII)

    def check(value: str) -> str | None:
        return None if compiled.fullmatch(digits_of(value).upper()) else description

    return check


def _luhn_number(low: int, high: int) -> Callable[[str], str | None]:
    """Bankgiro (7-8 digits) and plusgiro (2-8 digits): the last digit by Luhn (10-modul)."""

    def check(value: str) -> str | None:
        from stdnum import luhn

        digits = digits_of(value)
        if not digits.isdigit() or not low <= len(digits) <= high:
            return f"write {low} to {high} digits"
        return None if luhn.is_valid(digits) else "the check digit is wrong"

    return check


def _ogrn(length: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        digits = digits_of(value)
        if len(digits) != length:
            return f"write {length} digits"
        return _stdnum("ru.ogrn")(digits)

    return check


# The Bank of Russia's control key (Положение Банка России от 27.02.2017 № 579-П, приложение
# «Порядок расчета контрольного ключа в номере лицевого счета», kept from 385-П): the 23 digits
# of three from the БИК followed by the 20 of the account, weighted 7, 1, 3 repeating; the last
# digits of the products add up to a multiple of 10.
_KEY_WEIGHTS = (7, 1, 3) * 8  # 24: the 23 digits, and one to spare


def ru_account_key_ok(account: str, bik: str, *, correspondent: bool = False) -> bool:
    """Whether a 20-digit account passes the control key computed with its bank's БИК.

    An account at a bank (р/с) takes the БИК's last three digits; the bank's own account at
    the Bank of Russia (к/с) takes "0" and the БИК's fifth and sixth digits."""
    prefix = "0" + bik[4:6] if correspondent else bik[-3:]
    digits = prefix + account
    total = sum(
        int(digit) * weight % 10
        for digit, weight in zip(digits, _KEY_WEIGHTS[: len(digits)], strict=True)
    )
    return total % 10 == 0


def ru_account_key(account: str, bik: str, *, correspondent: bool = False) -> str:
    """The control key digit (the account's ninth) that makes the account pass."""
    for key in "0123456789":
        candidate = account[:8] + key + account[9:]
        if ru_account_key_ok(candidate, bik, correspondent=correspondent):
            return key
    raise AssertionError("weight 3 at the key's place reaches every last digit")  # pragma: no cover


def ru_account_problem(account: str, bik: str | None, *, correspondent: bool = False) -> str | None:
    """Why a р/с or к/с is wrong (its length, or its key with this БИК), or None."""
    kind = "ru_correspondent_account" if correspondent else "ru_account"
    digits = digits_of(account)
    if not (digits.isdigit() and len(digits) == 20):
        return f"not a valid {_WHAT[kind]} ({account.strip()}): write 20 digits"
    if correspondent and not digits.startswith("301"):
        return f"not a valid {_WHAT[kind]} ({account.strip()}): it starts with 301"
    if bik is None or _ru_bik(bik) is not None:
        return None  # the БИК's own message says what is wrong; no key without it
    bik_digits = digits_of(bik)
    if ru_account_key_ok(digits, bik_digits, correspondent=correspondent):
        return None
    return (
        f"not a valid {_WHAT[kind]} ({account.strip()}): its control key does not match the "
        f"БИК {bik_digits}; check both numbers"
    )


def _ru_bik(value: str) -> str | None:
    digits = digits_of(value)
    if not (digits.isdigit() and len(digits) == 9):
        return "write 9 digits"
    if not digits.startswith("04"):
        return "a БИК of a bank in Russia starts with 04"
    return None


def _kpp(value: str) -> str | None:
    # No check digit: four digits of the tax office, two of the reason (digits or A-Z since
    # 2012, приказ ФНС ММВ-7-6/435@), three of the sequence.
    return _pattern(r"\d{4}[0-9A-Z]{2}\d{3}", "write 9 characters, like 100101001")(value)


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "org_nr": _stdnum("se.orgnr"),
    "y_tunnus": _stdnum("fi.ytunnus"),
    "cvr": _stdnum("dk.cvr"),
    # Companies House: eight characters, digits or a two-letter prefix (SC, NI, OC…); no check
    # digit exists.
    "company_number": _pattern(r"(\d{8}|[A-Z]{2}\d{6})", "write 8 digits, or 2 letters and 6"),
    "ein": _stdnum("us.ein"),
    "inn": _stdnum("ru.inn"),
    "kpp": _kpp,
    "ogrn": _ogrn(13),
    "ogrnip": _ogrn(15),
    "vat": _vat,
    "iban": _stdnum("iban"),
    "bic": _stdnum("bic"),
    "bankgiro": _luhn_number(7, 8),
    "plusgiro": _luhn_number(2, 8),
    # Danish reg.nr. and the FI creditor number carry no check digit: their lengths are the
    # rule (FI-kort creditor numbers are 8 digits and begin with 8).
    "reg_nr": _pattern(r"\d{4}", "write the bank's 4 digits"),
    "fi_creditor": _pattern(r"8\d{7}", "write 8 digits; FI creditor numbers begin with 8"),
    # Sort codes have no check digit of their own (account modulus checks need the banks'
    # private tables): six digits, as 12-34-56 or 123456.
    "sort_code": _pattern(r"\d{6}", "write 6 digits, like 12-34-56"),
    "aba_routing": _stdnum("us.rtn"),
    "ru_bik": _ru_bik,
    "us_account": _pattern(r"\d{4,17}", "write 4 to 17 digits"),
    "gb_account": _pattern(r"\d{8}", "write 8 digits"),
    "dk_account": _pattern(r"\d{1,10}", "write up to 10 digits"),
}
