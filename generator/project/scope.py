"""Scope rules: the priced lines of the agreed work, the totals, and the scope fingerprint."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from babel.numbers import get_currency_precision

from .model import Project, ScopeItem

FINGERPRINT_VERSION = "inwriting-scope-2"
"""Changes whenever what goes into the fingerprint changes, so old and new never collide."""

LEGACY_FINGERPRINT_VERSION = "inwriting-scope-1"
"""The checklist before it printed every clause (notice, suspension, rights and the rest)."""

# The terms the first checklist printed, which a client who signed it agreed to: what sets the
# price and the schedule. Kept as they were, so a fingerprint recorded then still matches.
LEGACY_SIGNED_TERMS = (
    "payment_days",
    "deposit_percent",
    "hourly_rate",
    "revisions_included",
    "revision_rate",
    "feedback_days",
    "late_interest",
    "reminder_fee",
)
SIGNED_TERMS = (
    *LEGACY_SIGNED_TERMS,
    "notice_days",
    "suspension",
    "kill_fee",
    "rights_pass",
    "liability_cap",
    "governing_law",
    "venue",
    "notice_by_email",
    "vat",
)
"""Every term the checklist prints; the reminder ladder is the provider's routine, not agreed."""
OPTIONAL_SIGNED_TERMS = ("fees_per", "reverse_charge", "vat_ground", "due_date_roll")
"""Terms the checklist prints only when set: fingerprinted only then, so that a checklist
signed before they existed keeps its fingerprint."""

# The clauses of the agreement, by key. The first checklist printed only these, under
# sections 4 (client duties), 6 (payment), 7 (changes) and 8 (acceptance).
LEGACY_CLAUSES = {
    "feedback": "4",
    "payment": "6",
    "deposit": "6",
    "interest": "6",
    "reminder_fee": "6",
    "hourly": "6",
    "changes": "7",
    "acceptance": "8",
}
CLAUSE_NAMES = {
    "feedback": "client answers and delays",
    "price": "price and VAT",
    "deposit": "deposit",
    "payment": "payment days",
    "interest": "late-payment interest",
    "reminder_fee": "reminder fee",
    "hourly": "hourly rate for other work",
    "suspension": "suspending work while an invoice is overdue",
    "changes": "changes",
    "acceptance": "acceptance",
    "rights": "when rights pass to the client",
    "notice": "termination with notice",
    "breach": "termination for material breach",
    "termination_pay": "what is paid on termination",
    "liability": "liability cap",
    "notices": "written notice and e-mail",
    "law": "governing law",
    "venue": "venue for disputes",
}
"""Plain English names of the clauses, for `check` (the documents name them in their language)."""


def governing_law(project: Project) -> str | None:
    """The country whose law governs: `terms.governing_law`, else the jurisdiction (not EU)."""
    law = project.terms.governing_law or project.jurisdiction
    return None if law in (None, "", "EU") else law


def printed_clauses(project: Project) -> tuple[str, ...]:
    """The clause keys the current checklist prints for this project, in print order."""
    terms = project.terms
    keys = ["feedback", "price"]
    if terms.deposit_percent > 0:
        keys.append("deposit")
    keys += ["payment", "interest"]
    if terms.reminder_fee > 0:
        keys.append("reminder_fee")
    if terms.hourly_rate is not None:
        keys.append("hourly")
    if terms.suspension:
        keys.append("suspension")
    keys += ["changes", "acceptance"]
    if terms.rights_pass is not None:
        keys.append("rights")
    if terms.notice_days is not None:
        keys.append("notice")
    keys += ["breach", "termination_pay"]
    if terms.liability_cap is not None:
        keys.append("liability")
    keys.append("notices")
    if governing_law(project) is not None:
        keys.append("law")
    if terms.venue:
        keys.append("venue")
    return tuple(keys)


def legacy_clauses(project: Project) -> dict[str, str]:
    """The clauses the first checklist printed for this project, with their section numbers."""
    terms = project.terms
    shown = dict(LEGACY_CLAUSES)
    if terms.deposit_percent <= 0:
        del shown["deposit"]
    if terms.reminder_fee <= 0:
        del shown["reminder_fee"]
    if terms.hourly_rate is None:
        del shown["hourly"]
    return shown


SignedVersion = Literal["current", "legacy", "changed", "unrecorded", "unsigned"]
"""current (the fingerprint matches this checklist), legacy (the first checklist), changed
(neither: the scope was edited after signing), unrecorded (signed, no fingerprint), unsigned."""


def signed_version(project: Project) -> SignedVersion:
    """Which checklist the client signed, told by the fingerprint recorded at signing."""
    signoff = project.signoff
    if signoff is None or (signoff.signed_on is None and not signoff.fingerprint):
        return "unsigned"
    if not signoff.fingerprint:
        return "unrecorded"
    if signoff.fingerprint == short_fingerprint(fingerprint(project)):
        return "current"
    if signoff.fingerprint == short_fingerprint(legacy_fingerprint(project)):
        return "legacy"
    return "changed"


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
    return _digest(fingerprint_payload(project))


def legacy_fingerprint(project: Project) -> str:
    """The fingerprint the first checklist had, so a project signed then still matches."""
    return _digest(fingerprint_payload(project, legacy=True))


def short_fingerprint(digest: str) -> str:
    """The first 12 hex digits in groups of four, as printed in document footers."""
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


def fingerprint_payload(project: Project, *, legacy: bool = False) -> dict[str, Any]:
    """The canonical data behind the fingerprint: items in force, exclusions, signed terms."""
    terms = project.terms
    return {
        "version": LEGACY_FINGERPRINT_VERSION if legacy else FINGERPRINT_VERSION,
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
        "terms": {
            key: _canon(getattr(terms, key))
            for key in (LEGACY_SIGNED_TERMS if legacy else SIGNED_TERMS)
        }
        | (
            {}
            if legacy
            else {
                key: _canon(getattr(terms, key))
                for key in OPTIONAL_SIGNED_TERMS
                if getattr(terms, key)
            }
        ),
    }


def _digest(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return unicodedata.normalize("NFC", str(value)).rstrip()
