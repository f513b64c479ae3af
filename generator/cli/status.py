"""`inwriting status`: the state of a project on a date, the figures every document uses."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import PROJECT_ARGUMENT, DateType, print_warnings

if TYPE_CHECKING:
    from ..documents.state import Owed, ProjectState


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--as-of",
    "as_of",
    type=DateType(),
    default=None,
    help="The date to treat as today (default: the real date).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the state as JSON.")
def status(project_path: Path, as_of: dt.date | None, as_json: bool) -> None:
    """Print what is owed, when the work ends and where each item stands on a date.

    These are the figures every document of that date uses: the reminders, the termination
    letter, the hand-off report, the change orders, the waiting notice and the review.
    """
    from ..documents.state import project_state
    from ..project.project_file import load_project
    from .common import allow_secrets, profile

    loaded = load_project(project_path, allow_secrets=allow_secrets(), profile=profile())
    print_warnings(loaded.warnings)
    day = as_of or dt.date.today()
    state = project_state(loaded.project, day)
    data = state_data(state, loaded.project.currency)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(_text(data))


def state_data(state: ProjectState, currency: str) -> dict[str, Any]:
    """The state as plain data: amounts as decimal strings, dates as ISO dates."""
    return {
        "as_of": state.as_of.isoformat(),
        "currency": currency,
        "owed": {
            **_owed(state.owed, currency),
            "invoices": [
                {
                    "number": invoice.number,
                    "due": invoice.state.due.isoformat(),
                    "days_overdue": invoice.state.days_overdue,
                    **_owed(invoice.owed, currency),
                }
                for invoice in state.invoices
            ],
        },
        "owed_overdue": _owed(state.owed_overdue, currency),
        "end": _day(state.end),
        "agreed_end": _day(state.agreed_end),
        "client_delay_days": state.client_delay_days,
        "delivery_end": _day(state.delivery_end),
        "termination_end": _day(state.termination_end),
        "items": [
            {
                "id": item.id,
                "title": item.title,
                "status": item.status,
                "deadline": _day(item.deadline),
                "done_on": _day(item.done_on),
            }
            for item in state.items
        ],
        "open_changes": [change.id for change in state.open_changes],
        "approved_changes": [change.id for change in state.approved_changes],
    }


def _owed(owed: Owed, currency: str) -> dict[str, str]:
    from ..project.scope import round_money

    def money(amount: Decimal) -> str:
        # In the currency's smallest unit, so "450" reads "450.00" like every other amount.
        return str(round_money(amount, currency))

    return {
        "principal": money(owed.principal),
        "interest": money(owed.interest),
        "compensation": money(owed.compensation),
        "fees": money(owed.fees),
        "total": money(owed.total),
    }


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _text(data: dict[str, Any]) -> str:
    owed = data["owed"]
    currency = data["currency"]
    lines = [f"on {data['as_of']}:"]
    lines.append(
        f"  owed: {owed['total']} {currency} (principal {owed['principal']}, interest "
        f"{owed['interest']}, compensation {owed['compensation']}, fees {owed['fees']})"
    )
    for invoice in owed["invoices"]:
        late = f"{invoice['days_overdue']} days overdue" if invoice["days_overdue"] else "not due"
        lines.append(
            f"    {invoice['number']}: {invoice['total']} (due {invoice['due']}, {late}; "
            f"principal {invoice['principal']}, interest {invoice['interest']}, "
            f"compensation {invoice['compensation']}, fees {invoice['fees']})"
        )
    lines.append(
        f"  end: {data['end'] or 'no end date'} (agreed {data['agreed_end'] or 'none'}, "
        f"client delays {data['client_delay_days']} days"
        + (f", agreement ends {data['termination_end']})" if data["termination_end"] else ")")
    )
    for item in data["items"]:
        deadline = f", due {item['deadline']}" if item["deadline"] else ""
        done = f", done {item['done_on']}" if item["done_on"] else ""
        lines.append(f"    {item['id']} {item['title']}: {item['status']}{deadline}{done}")
    if data["open_changes"]:
        lines.append(f"  open change requests: {', '.join(data['open_changes'])}")
    return "\n".join(lines)
