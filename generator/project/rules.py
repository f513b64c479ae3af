"""Cross-field rules of a project file: what a well-formed file can still get wrong."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.numbers import list_currencies

from .load import DataPath
from .model import Project


@dataclass(frozen=True)
class Finding:
    """A rule broken at a field path; warnings are printed but do not stop a document."""

    path: DataPath
    message: str
    warning: bool = False
    at_key: bool = False


# ISO codes that Babel knows but that are no country and no money to be paid in.
# Where late-payment interest is set state by state, so "statutory" names no rate.
NO_STATUTORY_RATE = frozenset({"US"})
NOT_COUNTRIES = frozenset({"EZ", "UN", "QO", "ZZ", "XA", "XB"})
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
# The law layer sits above this one: its data folder is read as data, never imported.
LAW_FILES = Path(__file__).resolve().parent.parent / "law" / "data"
NOT_TENDER = frozenset(
    {
        "XXX",
        "XTS",
        "XAU",
        "XAG",
        "XPT",
        "XPD",
        "XDR",
        "XBA",
        "XBB",
        "XBC",
        "XBD",
        "XSU",
        "XUA",
    }
)


def project_rules(project: Project) -> Iterator[Finding]:
    """Every cross-field rule, in file order as far as possible."""
    yield from _codes(project)
    yield from _dates(project)
    yield from _interest(project)
    yield from _signed_scope(project)
    yield from _changes(project)
    yield from _scope(project)
    yield from _unique(project)
    yield from _money(project)
    yield from _bank_numbers(project)
    yield from _references(project)
    yield from _vat(project)


def _codes(project: Project) -> Iterator[Finding]:
    if project.currency not in list_currencies() or project.currency in NOT_TENDER:
        yield Finding(
            ("currency",),
            f"unknown currency code {project.currency}; use ISO 4217, like EUR or SEK",
        )
    jurisdiction = project.jurisdiction
    if jurisdiction is not None and (
        len(jurisdiction) != 2
        or jurisdiction in NOT_COUNTRIES
        or jurisdiction not in Locale("en").territories
    ):
        yield Finding(
            ("jurisdiction",),
            f"unknown country code {jurisdiction}; use ISO 3166 two letters, like FI, SE or GB",
        )
    elif project.region is not None:
        yield from _region(jurisdiction, project.region)


def _region(jurisdiction: str | None, region: str) -> Iterator[Finding]:
    """A region names part of the jurisdiction whose public holidays count."""
    if jurisdiction is None:
        yield Finding(("region",), "a region needs a jurisdiction: add jurisdiction, like GB")
        return
    import holidays  # only a file with a region pays for the import

    try:
        known = holidays.country_holidays(jurisdiction).subdivisions
    except NotImplementedError:
        known = ()
    if region not in known:
        choices = ", ".join(known) if known else "none"
        yield Finding(
            ("region",),
            f"{region} is not a region of {jurisdiction} with its own holidays; known: {choices}",
        )


def _dates(project: Project) -> Iterator[Finding]:
    info = project.project
    checks: list[tuple[DataPath, dt.date | None, str, dt.date | None, str, bool]] = [
        (("project", "end"), info.end, "the project ends", info.start, "it starts", False)
    ]
    for index, invoice in enumerate(project.invoices):
        checks.append(
            (
                ("invoices", index, "due"),
                invoice.due,
                "due",
                invoice.issued,
                "the invoice was issued",
                False,
            )
        )
        for number, payment in enumerate(invoice.payments):
            path: DataPath = ("invoices", index, "payments", number, "on")
            # A payment before the invoice can be a real prepayment: worth a look, no more.
            checks.append(
                (path, payment.on, "paid", invoice.issued, "the invoice was issued", True)
            )
    for index, waiting in enumerate(project.waiting_on):
        path = ("waiting_on", index, "answered_on")
        checks.append(
            (path, waiting.answered_on, "answered", waiting.asked_on, "it was asked", False)
        )
    for index, change in enumerate(project.changes):
        path = ("changes", index, "decided_on")
        checks.append(
            (path, change.decided_on, "decided", change.requested_on, "it was requested", False)
        )
    yield from _change_dates(project)
    ending = project.termination
    if ending is not None:
        path = ("termination", "effective_on")
        checks.append(
            (path, ending.effective_on, "takes effect", ending.decided_on, "it was decided", False)
        )
        if ending.effective_on is None and project.terms.notice_days is None:
            yield Finding(
                path, "give effective_on, or terms.notice_days to count it from decided_on"
            )
    for path, later, later_text, earlier, earlier_text, warning in checks:
        if later is not None and earlier is not None and later < earlier:
            yield Finding(
                path, f"{later_text} ({later}) before {earlier_text} ({earlier})", warning
            )


def _change_dates(project: Project) -> Iterator[Finding]:
    """A change request never sets a date before its own: the day it was asked for, or the day
    it was decided when that came later (a change order of 22 November cannot end the work on
    20 November)."""
    for index, change in enumerate(project.changes):
        own = max(change.requested_on, change.decided_on or change.requested_on)
        which = "decided" if own != change.requested_on else "requested"
        dates: list[tuple[DataPath, dt.date | None]] = [
            (("changes", index, "new_end"), change.new_end)
        ]
        dates += [
            (("changes", index, "add", n, "deadline"), item.deadline)
            for n, item in enumerate(change.add)
        ]
        dates += [
            (("changes", index, "modify", n, "deadline"), item.deadline)
            for n, item in enumerate(change.modify)
        ]
        for path, day in dates:
            if day is not None and day < own:
                yield Finding(
                    path,
                    f"{day} is before the change request's own date ({which} on {own}); "
                    "a change can only set a date on or after it",
                )


def _changes(project: Project) -> Iterator[Finding]:
    from .changes import change_problems

    for path, message in change_problems(project):
        yield Finding(path, message)


def _signed_scope(project: Project) -> Iterator[Finding]:
    from .scope import CLAUSE_NAMES, legacy_clauses, printed_clauses, signed_version

    signoff = project.signoff
    version = signed_version(project)
    # No fingerprint recorded: nothing to compare, so no warning (the letters still count only
    # the clauses every version printed, documents/agreement.py).
    if signoff is None or version in ("current", "unsigned", "unrecorded"):
        return
    when = f" on {signoff.signed_on}" if signoff.signed_on else ""
    if version == "changed":
        yield Finding(
            ("signoff", "fingerprint"),
            f"scope changed since it was signed{when} — record a change request and send "
            "`inwriting change-order`",
            warning=True,
        )
        return
    # Signed before the checklist printed every clause (or with no fingerprint to tell):
    # the letters rely only on what that version printed, and say nothing of the rest.
    missing = [key for key in printed_clauses(project) if key not in legacy_clauses(project)]
    missing = [key for key in missing if key not in ("price", "hourly")]
    if not missing:
        return
    names = "; ".join(CLAUSE_NAMES[key] for key in missing)
    why = f"the checklist signed{when} predates these clauses"
    yield Finding(
        ("signoff", "fingerprint"),
        f"{why}: {names}. Letters will not claim them; to rely on them, have the client sign "
        "the current checklist and record it with `inwriting sign`",
        warning=True,
    )


@functools.lru_cache(maxsize=1)
def law_jurisdictions() -> tuple[str, ...]:
    """The jurisdictions inwriting has a late-payment law file for (EU: the directive)."""
    return tuple(sorted(path.stem for path in LAW_FILES.glob("*.yaml")))


def _interest(project: Project) -> Iterator[Finding]:
    jurisdiction = project.jurisdiction
    if project.terms.late_interest != "statutory" or jurisdiction is None:
        return
    if jurisdiction in NO_STATUTORY_RATE:
        yield Finding(
            ("terms", "late_interest"),
            f"{jurisdiction} has no single statutory late-payment rate; write the yearly "
            "percentage agreed in the contract, such as 12.0",
            warning=True,
        )
    elif jurisdiction not in law_jurisdictions():
        # No silent default: another country's law, or the directive's minimum where a member
        # state grants more, would state a wrong claim in the client's letter.
        hint = (
            f"; {jurisdiction} is an EU member: write jurisdiction: EU for the minimum of the "
            "Late Payment Directive (ECB rate + 8 points, 40 EUR)"
            if jurisdiction in EU_MEMBERS
            else ""
        )
        yield Finding(
            ("terms", "late_interest"),
            f"no statutory late-payment law is known for {jurisdiction} (known: "
            f"{', '.join(law_jurisdictions())}){hint}; or write the yearly percentage agreed "
            "in the contract, such as 12.0",
        )


def _scope(project: Project) -> Iterator[Finding]:
    terms = project.terms
    for index, item in enumerate(project.scope):
        if item.fee is None and item.hours is None:
            yield Finding(
                ("scope", index, "fee"),
                "give a fee (fixed price) or hours (billed at terms.hourly_rate)",
            )
        elif item.fee is not None and item.hours is not None:
            yield Finding(("scope", index, "hours"), "give a fee or hours, not both")
        elif item.hours is not None and terms.hourly_rate is None:
            yield Finding(("scope", index, "hours"), "hours need terms.hourly_rate to price them")
        end = project.project.end
        if item.deadline and end and item.deadline > end:
            yield Finding(
                ("scope", index, "deadline"),
                f"after the project's end ({end})",
                warning=True,
            )
    # The checklist states what a revision round beyond those included costs, even when none
    # are included: one of the two rates must be there.
    if terms.revision_rate is None and terms.hourly_rate is None:
        yield Finding(
            ("terms", "revision_rate"),
            "set revision_rate (or hourly_rate) so the checklist can say what extra rounds cost",
            at_key=True,
        )


def _unique(project: Project) -> Iterator[Finding]:
    groups: list[tuple[str, str, list[str]]] = [
        ("scope", "id", [item.id for item in project.scope]),
        ("changes", "id", [change.id for change in project.changes]),
        ("invoices", "number", [invoice.number for invoice in project.invoices]),
    ]
    for section, key, values in groups:
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            if value in first:
                yield Finding(
                    (section, index, key),
                    f"{value} is used twice (also {section}[{first[value]}]); "
                    f"each {key} must be unique",
                )
            else:
                first.setdefault(value, index)


def _money(project: Project) -> Iterator[Finding]:
    for index, invoice in enumerate(project.invoices):
        paid = sum((payment.amount for payment in invoice.payments), start=invoice.amount * 0)
        if paid > invoice.amount:
            yield Finding(
                ("invoices", index, "payments"),
                f"payments ({paid}) are more than the invoice ({invoice.amount})",
                warning=True,
                at_key=True,
            )


def _bank_numbers(project: Project) -> Iterator[Finding]:
    """The bank fields whose rule depends on the country: routing, account, к/с."""
    from .identifiers import problem, ru_account_problem
    from .payment_schemes import provider_country

    bank = project.provider.bank
    if bank is None:
        return
    country = provider_country(project)
    base = ("provider", "bank")
    # routing names the ABA number in the US and the БИК in Russia (docs/project-file.md).
    routing_kind = {"US": "aba_routing", "RU": "ru_bik", "GB": "sort_code"}.get(country or "")
    reason = problem(routing_kind, bank.routing) if bank.routing and routing_kind else None
    if reason is not None:
        yield Finding((*base, "routing"), reason)
    if country == "RU":
        for field, number, correspondent in (
            ("account", bank.account, False),
            ("correspondent_account", bank.correspondent_account, True),
        ):
            if number:
                reason = ru_account_problem(number, bank.routing, correspondent=correspondent)
                if reason is not None:
                    yield Finding((*base, field), reason)
        return
    account_kind = {"US": "us_account", "GB": "gb_account", "DK": "dk_account"}.get(country or "")
    reason = problem(account_kind, bank.account) if bank.account and account_kind else None
    if reason is not None:
        yield Finding((*base, "account"), reason)


def _vat(project: Project) -> Iterator[Finding]:
    """Reverse charge prints both parties' VAT numbers (Directive 2006/112/EC art. 226(3)
    and (4)): without them the invoice line would not be one."""
    if not project.terms.reverse_charge:
        return
    missing = [
        f"{party}.ids.vat"
        for party, ids in (("provider", project.provider.ids), ("client", project.client.ids))
        if ids is None or not ids.vat
    ]
    if missing:
        yield Finding(
            ("terms", "reverse_charge"),
            f"reverse charge needs both VAT numbers: add {' and '.join(missing)}",
        )


def _references(project: Project) -> Iterator[Finding]:
    from .payment_schemes import reference_problem

    for index, invoice in enumerate(project.invoices):
        reason = reference_problem(project, invoice.reference) if invoice.reference else None
        if reason is not None:
            yield Finding(("invoices", index, "reference"), reason)
