"""Disputed invoices: which invoices the client disputes, and the facts a reply stands on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..project.changes import current_scope
from ..project.model import Incident, Invoice, Project, ScopeItem
from ..project.scope import deposit_amount, scope_lines, scope_total


def names_invoice(incident: Incident, number: str) -> bool:
    """Whether a `disputed_invoice` incident is about invoice `number`: its `invoice` field, or,
    without one, the number written in its note as a word of its own (not inside 2026-0440)."""
    if incident.kind != "disputed_invoice":
        return False
    if incident.invoice is not None:
        return incident.invoice.strip() == number
    pattern = rf"(?<![\w-]){re.escape(number)}(?![\w-])"
    return bool(incident.note) and re.search(pattern, incident.note or "") is not None


def open_disputes(project: Project, as_of: dt.date) -> dict[str, Incident]:
    """Invoice number → the earliest dispute of it recorded by `as_of` and not yet resolved
    (`resolved_on` after `as_of`, or none). Such an invoice is off the reminder ladder."""
    found: dict[str, Incident] = {}
    for incident in sorted(project.incidents, key=lambda incident: incident.on):
        if incident.on > as_of or (incident.resolved_on and incident.resolved_on <= as_of):
            continue
        for invoice in project.invoices:
            if invoice.number not in found and names_invoice(incident, invoice.number):
                found[invoice.number] = incident
    return found


@dataclass(frozen=True)
class DisputeFacts:
    """What the invoice covers and the clause that set it."""

    incident: Incident
    items: tuple[ScopeItem, ...]  # the scope items the invoice names (by id or title)
    accepted: bool  # every one of them is done, with the day it was done
    is_deposit: bool  # the invoice is the deposit the checklist sets


def covered_items(project: Project, invoice: Invoice) -> tuple[ScopeItem, ...]:
    """The scope items an invoice's description names: by id as a word of its own ("Milestone
    A, balance") or by title; none when it names none."""
    text = invoice.description or ""
    items, _ = current_scope(project)
    named = []
    for item in items:
        by_id = re.search(rf"(?<![\w-]){re.escape(item.id)}(?![\w-])", text) is not None
        if by_id or item.title.casefold() in text.casefold():
            named.append(item)
    return tuple(named)


def dispute_facts(project: Project, invoice: Invoice, incident: Incident) -> DisputeFacts:
    items = covered_items(project, invoice)
    accepted = bool(items) and all(
        item.status == "done" and item.done_on is not None for item in items
    )
    deposit = deposit_amount(project, scope_total(scope_lines(project)))
    is_deposit = not items and deposit > 0 and invoice.amount == deposit
    return DisputeFacts(incident, items, accepted, is_deposit)


def _names_item(note: str, item: ScopeItem) -> bool:
    """Whether a note names a scope item: by title, or by id as a word inside a sentence (the
    capital "A" opening a sentence is an article, not item A)."""
    if item.title.casefold() in note.casefold():
        return True
    for found in re.finditer(rf"(?<![\w-]){re.escape(item.id)}(?![\w-])", note):
        before = note[: found.start()].rstrip()
        if before and before[-1] not in ".!?:":
            return True
    return False


def letter_dispute(project: Project, invoice: Invoice, as_of: dt.date) -> DisputeFacts | None:
    """The dispute a payment letter about `invoice` answers on the merits: the earliest one by
    `as_of`, unresolved, that names the invoice, or that names no invoice but an item the invoice
    covers (a note such as 'milestone A was never finished'); None when there is none."""
    numbers = [other.number for other in project.invoices]
    items = covered_items(project, invoice)
    for incident in sorted(project.incidents, key=lambda incident: incident.on):
        if incident.kind != "disputed_invoice" or incident.on > as_of:
            continue
        if incident.resolved_on and incident.resolved_on <= as_of:
            continue
        unlinked = incident.invoice is None and not any(
            names_invoice(incident, number) for number in numbers
        )
        about_items = unlinked and any(_names_item(incident.note or "", i) for i in items)
        if names_invoice(incident, invoice.number) or about_items:
            return dispute_facts(project, invoice, incident)
    return None
