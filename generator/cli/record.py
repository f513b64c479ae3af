"""Commands that record one fact in the project file: paid, invoice, log, asked, answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from ..suggest import did_you_mean
from .common import PROJECT_ARGUMENT, DateType, allow_secrets, print_warnings


def _on_option(what: str) -> Callable[[Any], Any]:
    return click.option(
        "--on", "on", type=DateType(), default=None, help=f"{what} (default: today)."
    )


def _load(project_path: Path, on: dt.date | None, what: str) -> tuple[Any, str, dt.date]:
    """The project as it stands (refused if it has problems), its text, and the day of the
    fact: `on`, or today; never after today."""
    from ..project.edit import read_text, today
    from ..project.project_file import load_project

    loaded = load_project(project_path, allow_secrets=allow_secrets())
    now = today()
    day = on or now
    if day > now:
        raise InputError(f"{what} {day} is in the future (today is {now}); nothing changed")
    return loaded, read_text(project_path), day


def _commit(
    project_path: Path,
    old: Any,
    old_text: str,
    new_text: str,
    check: Callable[[Any], str | None],
) -> Any:
    """Write the edit (verified), then print the warnings the new fact brought."""
    from ..project.edit import commit_edit

    new = commit_edit(project_path, old_text, new_text, check, allow_secrets=allow_secrets())
    known = {(w.field, w.message) for w in old.warnings}
    print_warnings([w for w in new.warnings if (w.field, w.message) not in known])
    return new


def _invoice_index(project: Any, number: str) -> int:
    numbers = [invoice.number for invoice in project.invoices]
    if number in numbers:
        return numbers.index(number)
    known = ", ".join(numbers) or "none yet; add one with `inwriting invoice`"
    raise InputError(f"no invoice {number!r}; {did_you_mean(number, numbers)}known: {known}")


def _say(message: str) -> None:
    click.echo(f"{'recorded':>9}  {message}")


@click.command()
@PROJECT_ARGUMENT
@click.argument("number", metavar="INVOICE")
@click.argument("amount_text", metavar="AMOUNT")
@_on_option("The day the money arrived")
@click.option(
    "--force",
    is_flag=True,
    help="Record it even if it is more than is still owed, or dated before the invoice.",
)
def paid(
    project_path: Path, number: str, amount_text: str, on: dt.date | None, force: bool
) -> None:
    """Record a payment received for invoice INVOICE: `inwriting paid client.yaml 2026-052
    1240.00 --on 2026-12-01`. AMOUNT: digits, two decimals after a point or a comma."""
    from ..project.edit import append_entry, money_text, parse_amount

    loaded, text, day = _load(project_path, on, "the payment date")
    project = loaded.project
    index = _invoice_index(project, number)
    invoice = project.invoices[index]
    amount = parse_amount(amount_text)
    currency = project.currency
    if amount <= 0:
        raise InputError(f"a payment of {amount_text} records nothing; nothing changed")
    if day < invoice.issued and not force:
        raise InputError(
            f"the payment date {day} is before invoice {number} was issued ({invoice.issued}); "
            "nothing changed. Check the date, or give --force for a real prepayment"
        )
    owed = invoice.amount - sum((p.amount for p in invoice.payments), start=Decimal(0))
    if amount > owed and not force:
        raise InputError(
            f"{money_text(amount)} {currency} is more than invoice {number} still owes "
            f"({money_text(max(owed, Decimal(0)))} {currency}); nothing changed. Check the amount, "
            "or give --force if the client really paid more (interest or fees, say)"
        )
    fields = [("on", day.isoformat()), ("amount", money_text(amount))]
    new_text = append_entry(
        text, str(project_path), ("invoices", index), "payments", fields, nested=True
    )
    count = len(invoice.payments)

    def check(new: Any) -> str | None:
        payments = new.project.invoices[index].payments
        ok = len(payments) == count + 1 and (payments[-1].on, payments[-1].amount) == (day, amount)
        return None if ok else "the payment did not read back as written"

    _commit(project_path, loaded, text, new_text, check)
    left = max(owed - amount, Decimal(0))
    _say(
        f"payment of {money_text(amount)} {currency} on {day} for invoice {number} in "
        f"{project_path}; still owed: {money_text(left)} {currency}"
    )


@click.command()
@PROJECT_ARGUMENT
@click.option("--amount", "amount_text", required=True, help="The invoice total, like 1240.00.")
@click.option("--issued", type=DateType(), default=None, help="Date of issue (default: today).")
@click.option(
    "--due", type=DateType(), default=None, help="Due date (default: issued + terms.payment_days)."
)
@click.option(
    "--number", default=None, help="Invoice number (default: the next after the last one)."
)
@click.option("--description", default=None, help="What the invoice is for.")
def invoice(
    project_path: Path,
    amount_text: str,
    issued: dt.date | None,
    due: dt.date | None,
    number: str | None,
    description: str | None,
) -> None:
    """Add an invoice you sent: `inwriting invoice client.yaml --amount 1240.00`."""
    from ..project.edit import append_entry, money_text, next_number, parse_amount, yaml_string

    loaded, text, day = _load(project_path, issued, "the issue date")
    project = loaded.project
    amount = parse_amount(amount_text)
    if amount <= 0:
        raise InputError(f"an invoice of {amount_text} asks for nothing; nothing changed")
    numbers = [each.number for each in project.invoices]
    number = number.strip() if number is not None else next_number(numbers, day.year)
    if number in numbers:
        raise InputError(
            f"invoice {number} is already in {project_path}; nothing changed. "
            f"The next free number is {next_number(numbers, day.year)}"
        )
    due_day = due or day + dt.timedelta(days=project.terms.payment_days)
    if due_day < day:
        raise InputError(f"the due date {due_day} is before the issue date {day}; nothing changed")
    fields = [
        ("number", yaml_string(number, "the invoice number", quoted=True)),
        ("issued", day.isoformat()),
        ("due", due_day.isoformat()),
        ("amount", money_text(amount)),
    ]
    if description is not None:
        fields.append(("description", yaml_string(description, "the description")))
    new_text = append_entry(text, str(project_path), (), "invoices", fields)

    def check(new: Any) -> str | None:
        added = new.project.invoices[-1] if new.project.invoices else None
        ok = added is not None and (added.number, added.issued, added.due, added.amount) == (
            number,
            day,
            due_day,
            amount,
        )
        return None if ok else "the invoice did not read back as written"

    _commit(project_path, loaded, text, new_text, check)
    _say(
        f"invoice {number} of {money_text(amount)} {project.currency}, issued {day}, "
        f"due {due_day}, in {project_path}"
    )


@click.command("log")
@PROJECT_ARGUMENT
@click.argument("kind", metavar="KIND")
@click.argument("note", metavar="NOTE")
@_on_option("The day it happened")
@click.option("--invoice", "number", default=None, help="The invoice it is about (its number).")
def log(project_path: Path, kind: str, note: str, on: dt.date | None, number: str | None) -> None:
    """Record an incident: `inwriting log client.yaml late_payment "No answer to the reminder"`.

    KIND: unresponsive, controlling, late_payment, disputed_invoice, scope_change, changed_mind,
    ignored_advice, competitor_pressure, dishonesty, abusive, legal_risk or other."""
    import typing

    from ..project.edit import append_entry, yaml_string
    from ..project.model import IncidentKind

    kinds = typing.get_args(IncidentKind)
    if kind not in kinds:
        raise InputError(
            f"no incident kind {kind!r}; {did_you_mean(kind, kinds)}known: {', '.join(kinds)}"
        )
    loaded, text, day = _load(project_path, on, "the date")
    fields = [("on", day.isoformat()), ("kind", kind), ("note", yaml_string(note, "the note"))]
    if number is not None:
        _invoice_index(loaded.project, number)
        fields.append(("invoice", yaml_string(number, "the invoice number", quoted=True)))
    new_text = append_entry(text, str(project_path), (), "incidents", fields)
    count = len(loaded.project.incidents)

    def check(new: Any) -> str | None:
        incidents = new.project.incidents
        ok = len(incidents) == count + 1 and (
            incidents[-1].on,
            incidents[-1].kind,
            incidents[-1].note,
            incidents[-1].invoice,
        ) == (day, kind, note, number)
        return None if ok else "the incident did not read back as written"

    _commit(project_path, loaded, text, new_text, check)
    about = f" about invoice {number}" if number else ""
    _say(f"{kind} on {day}{about} in {project_path}")


@click.command()
@PROJECT_ARGUMENT
@click.argument("what", metavar="WHAT")
@_on_option("The day you asked")
def asked(project_path: Path, what: str, on: dt.date | None) -> None:
    """Record something you asked the client for and are waiting on:
    `inwriting asked client.yaml "Logo files in SVG"`."""
    from ..project.edit import append_entry, yaml_string

    loaded, text, day = _load(project_path, on, "the date")
    fields = [("item", yaml_string(what, "what you asked for")), ("asked_on", day.isoformat())]
    new_text = append_entry(text, str(project_path), (), "waiting_on", fields)
    count = len(loaded.project.waiting_on)

    def check(new: Any) -> str | None:
        items = new.project.waiting_on
        ok = len(items) == count + 1 and (items[-1].item, items[-1].asked_on) == (what, day)
        return None if ok else "the question did not read back as written"

    _commit(project_path, loaded, text, new_text, check)
    _say(f"waiting on #{count + 1} since {day}: {what} in {project_path}")


@click.command()
@PROJECT_ARGUMENT
@click.argument("item", metavar="ITEM")
@_on_option("The day the client answered")
def answered(project_path: Path, item: str, on: dt.date | None) -> None:
    """Record that the client answered: ITEM is the number `asked` printed (1 is the first
    entry of waiting_on) or the words of what you asked for (any unique part of them)."""
    from ..project.edit import set_fields

    loaded, text, day = _load(project_path, on, "the date")
    items = loaded.project.waiting_on
    index = _waiting_index(items, item)
    entry = items[index]
    if entry.answered_on is not None:
        raise InputError(
            f"#{index + 1} ({entry.item}) was already answered on {entry.answered_on}; "
            "nothing changed"
        )
    if day < entry.asked_on:
        raise InputError(
            f"{day} is before you asked for #{index + 1} ({entry.asked_on}); nothing changed"
        )
    new_text = set_fields(
        text, str(project_path), ("waiting_on", index), {"answered_on": day.isoformat()}
    )

    def check(new: Any) -> str | None:
        ok = new.project.waiting_on[index].answered_on == day
        return None if ok else "the answer did not read back as written"

    _commit(project_path, loaded, text, new_text, check)
    _say(f"answered on {day}: #{index + 1} {entry.item} in {project_path}")


def _waiting_index(items: Any, item: str) -> int:
    """The entry ITEM names: its number from 1, its words, or the one entry holding them."""
    texts = [entry.item for entry in items]
    if not texts:
        raise InputError("waiting_on is empty: nothing was asked for yet (`inwriting asked`)")
    listing = "; ".join(f"#{n} {text}" for n, text in enumerate(texts, 1))
    if item.strip().lstrip("#").isdigit():
        number = int(item.strip().lstrip("#"))
        if 1 <= number <= len(texts):
            return number - 1
        raise InputError(f"no waiting_on #{number}; there are {len(texts)}: {listing}")
    exact = [n for n, text in enumerate(texts) if text.casefold() == item.casefold()]
    found = exact or [n for n, text in enumerate(texts) if item.casefold() in text.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        matches = "; ".join(f"#{n + 1} {texts[n]}" for n in found)
        raise InputError(f"{item!r} is in several entries ({matches}); give the number")
    raise InputError(f"nothing asked for matches {item!r}; {did_you_mean(item, texts)}{listing}")
