"""Commands for the letters: payment reminders, waiting notice, termination, hand-off, review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .common import PROJECT_ARGUMENT, letter_render_options, prepare, render, render_options


@click.command()
@PROJECT_ARGUMENT
@click.option("--invoice", "invoice_number", default=None, help="Only this invoice (its number).")
@click.option(
    "--tone",
    type=click.Choice(["friendly", "firm", "stop_work", "final"]),
    default=None,
    help="Send this rung whatever the ladder says, e.g. to send one again by hand.",
)
@click.option(
    "--claim",
    "claim_invoice",
    metavar="INVOICE",
    default=None,
    help="Instead of reminders: claim the interest (and fixed compensation) on this invoice,"
    " paid in full but late. Once: --record notes it as claimed.",
)
@click.option("--record", is_flag=True, help="Add the reminders sent to the project file.")
@letter_render_options
def nudge(
    project_path: Path,
    invoice_number: str | None,
    tone: str | None,
    claim_invoice: str | None,
    record: bool,
    **options: Any,
) -> None:
    """Write the payment reminders that are due: friendly, firm, stop-work, final.

    For each unpaid invoice, prints why a reminder is or is not due, then writes it as PDF,
    DOCX, Markdown and an e-mail draft (.eml) with the PDF attached. A disputed invoice gets a
    reply to the dispute instead. --tone never steps back below a rung already sent.
    --claim INVOICE writes the late-payment claim for an invoice paid late instead.
    """
    from ..documents.kinds import reminder_kind
    from ..documents.reminders import plan_reminders

    loaded, as_of = prepare(project_path, options, letter=True)
    if claim_invoice is not None:
        _claim(project_path, loaded, claim_invoice, as_of, record, options)
        return
    plan = plan_reminders(loaded.project, as_of, invoice=invoice_number, tone=tone)
    for line in plan.reasoning:
        click.echo(line)
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    for reminder in plan.reminders:
        render(
            reminder_kind(reminder.tone),
            project_path,
            params={"invoice": reminder.invoice},
            loaded=loaded,
            **options,
        )
    for number in plan.replies:
        render("dispute-reply", project_path, params={"invoice": number}, loaded=loaded, **options)
    if record and plan.replies:
        click.echo("not recorded: a reply to a dispute; add resolved_on when it is settled")
    if record and plan.reminders:
        from ..project.record import record_reminders

        for line in record_reminders(project_path, plan.reminders, as_of):
            click.echo(line)


def _claim(
    project_path: Path,
    loaded: Any,
    number: str,
    as_of: Any,
    record: bool,
    options: dict[str, Any],
) -> None:
    """The late-payment claim for one invoice, once: a recorded one is refused (exit 2)."""
    from ..documents.late_claim import claim_for

    claim = claim_for(loaded.project, as_of, number)  # says why when there is nothing to claim
    click.echo(
        f"{number}: paid {claim.paid_on}, {claim.days_late} days late → late-payment claim "
        f"of {claim.total:,.2f} {loaded.project.currency}"
    )
    render("late-claim", project_path, params={"invoice": number}, loaded=loaded, **options)
    if record:
        from ..law.ledger import find_invoice
        from ..output import atomic_write
        from ..project.record import set_values

        index = find_invoice(loaded.project, number)
        assert index is not None  # claim_for found it
        text = project_path.read_bytes().decode("utf-8")
        values = {"claimed_on": as_of.isoformat()}
        text = set_values(text, str(project_path), ("invoices", index), values)
        atomic_write(project_path, text.encode("utf-8"))
        click.echo(f"{'recorded':>9}  late-payment claim on {as_of} for invoice {number}")


@click.command()
@PROJECT_ARGUMENT
@click.option("--record", is_flag=True, help="Add today's date to reminded_on of each open item.")
@letter_render_options
def waiting(project_path: Path, record: bool, **options: Any) -> None:
    """Write the waiting-on-client notice: what is blocked on the client, and the new date."""
    from ..documents.waiting import nothing_open, open_questions

    loaded, as_of = prepare(project_path, options, letter=True)
    questions = open_questions(loaded.project, as_of)
    if not questions:
        click.echo(nothing_open(loaded.project, as_of))
        return
    for question in questions:
        click.echo(
            f"{question.entry.item}: asked {question.entry.asked_on}, "
            f"{question.days_waited} days waiting, {question.days_late} days late"
        )
    render("waiting", project_path, loaded=loaded, **options)
    if record:
        from ..project.record import record_waiting

        for line in record_waiting(project_path, [q.index for q in questions], as_of):
            click.echo(line)


@click.command()
@PROJECT_ARGUMENT
@click.option("--with-record", is_flag=True, help="Add a dated annex with the record of incidents.")
@render_options
def terminate(project_path: Path, with_record: bool, **options: Any) -> None:
    """Write the termination letter: the reason, the end date, work in progress, what is owed.

    In Russian, the акт сдачи-приемки of the work done up to the end date comes with it.
    """
    from ..documents.parting import effective_date
    from .act import act_alongside

    loaded, _as_of = prepare(project_path, options)
    render(
        "termination", project_path, params={"with_record": with_record}, loaded=loaded, **options
    )
    act_alongside(project_path, loaded, effective_date(loaded.project), options)


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--require-paid", is_flag=True, help="Refuse to write the report while money is owed."
)
@render_options
def handoff(project_path: Path, require_paid: bool, **options: Any) -> None:
    """Write the hand-off report: what was achieved, where it is, every account handed back.

    In Russian, the акт сдачи-приемки of the work done up to the end date comes with it.
    """
    from ..documents.parting import outstanding
    from ..documents.state import project_state
    from ..errors import Refusal
    from .act import act_alongside

    loaded, as_of = prepare(project_path, options)
    unpaid = outstanding(loaded.project, as_of)
    if unpaid:
        owed = ", ".join(f"{s.invoice.number} ({s.outstanding:,.2f})" for s in unpaid)
        if require_paid:
            raise Refusal(
                f"not written: still outstanding on {as_of}: {owed} {loaded.project.currency}"
            )
        click.echo(
            f"warning: still outstanding on {as_of}: {owed} {loaded.project.currency}", err=True
        )
    render("handoff", project_path, loaded=loaded, **options)
    act_alongside(project_path, loaded, project_state(loaded.project, as_of).end or as_of, options)


@click.command()
@PROJECT_ARGUMENT
@render_options
def review(project_path: Path, **options: Any) -> None:
    """Write the client review: a score card from the record, red flags, a recommendation."""
    render("review", project_path, **options)
