"""An amount of money in words, the way Russian payment documents write it: «… рублей 00 копеек»."""

from __future__ import annotations

from decimal import Decimal


def amount_in_words(amount: Decimal, currency: str, language: str) -> str:
    """The amount in words with its kopecks (or cents) in figures, the form of Russian invoices,
    acts and claims; empty where num2words has no words for this language and currency, so a
    template prints the figure alone rather than a wrong word."""
    if language != "ru":
        return ""
    from num2words import num2words  # imported on first use: only Russian documents need it

    try:
        # cents=False keeps the kopecks in figures («16 копеек»), separator="" drops the comma
        # num2words puts before them: the accountants' form «… рублей 00 копеек».
        return str(
            num2words(
                amount, lang="ru", to="currency", currency=currency, cents=False, separator=""
            )
        )
    except NotImplementedError:  # a currency Russian num2words has no words for
        return ""
