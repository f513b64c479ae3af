"""Scope rules: the priced lines of the agreed work, the totals, and the scope fingerprint."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import get_currency_precision

from .model import Project, ScopeItem

FINGERPRINT_VERSION = "inwriting-scope-1"
"""Changes whenever what goes into the fingerprint changes, so old and new never collide."""

# The terms the checklist prints, which the client agrees to by signing: what sets the price
# and the schedule. The reminder ladder is the provider's own routine and the notice period is
# not printed on the checklist, so neither is part of it.
SIGNED_TERMS = (
    "payment_days",
    "deposit_percent",
    "hourly_rate",
    "revisions_included",
    "revision_rate",
    "feedback_days",
    "late_interest",
    "reminder_fee",
)


@dataclass(frozen=True)
class ScopeLine:
    """One item of agreed work with its price worked out."""

    item: ScopeItem
    fee: Decimal
    hours: Decimal | None = None
    rate: Decimal | None = None


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Round to the currency's smallest unit (cents for EUR, whole yen for JPY), half up."""
    exponent = Decimal(1).scaleb(-get_currency_precision(currency))
    return amount.quantize(exponent, rounding=ROUND_HALF_UP)


def scope_lines(project: Project) -> list[ScopeLine]:
    """The items in force (dropped ones left out), each with its fee."""
    lines = []
    rate = project.terms.hourly_rate
    for item in project.scope:
        if item.status == "dropped":
            continue
        if item.fee is not None:
            lines.append(ScopeLine(item, item.fee))
        else:
            # Validation guarantees hours and a rate here.
            assert item.hours is not None and rate is not None
            fee = round_money(item.hours * rate, project.currency)
            lines.append(ScopeLine(item, fee, item.hours, rate))
    return lines


def scope_total(lines: list[ScopeLine]) -> Decimal:
    return sum((line.fee for line in lines), start=Decimal(0))


def deposit_amount(project: Project, total: Decimal) -> Decimal:
    return round_money(total * project.terms.deposit_percent / 100, project.currency)


def fingerprint(project: Project) -> str:
    """The SHA-256 of the canonical form of what the client signs (docs/project-file.md)."""
    payload = json.dumps(
        fingerprint_payload(project), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def short_fingerprint(digest: str) -> str:
    """The first 12 hex digits in groups of four, as printed in document footers."""
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


def fingerprint_payload(project: Project) -> dict[str, Any]:
    """The canonical data behind the fingerprint: items in force, exclusions, signed terms."""
    terms = project.terms
    return {
        "version": FINGERPRINT_VERSION,
        "currency": project.currency,
        # The law whose statutory interest the checklist names.
        "jurisdiction": project.jurisdiction,
        "project": {"start": _canon(project.project.start), "end": _canon(project.project.end)},
        "scope": [
            {
                key: _canon(getattr(line.item, key))
                for key in ("id", "title", "description", "deliverable", "deadline", "fee", "hours")
            }
            for line in scope_lines(project)
        ],
        "exclusions": [_canon(text) for text in project.exclusions],
        "terms": {key: _canon(getattr(terms, key)) for key in SIGNED_TERMS},
    }


def _canon(value: Any) -> Any:
    # One spelling per value: 3200 and 3200.00 are the same fee, and text is compared in
    # Unicode normal form C without the trailing newline YAML block scalars add.
    if value is None:
        return None
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return unicodedata.normalize("NFC", str(value)).rstrip()
