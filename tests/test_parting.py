"""The termination letter and the hand-off report: dates, what is owed, every account, in order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.cli import cli
from inwriting.documents.parting import effective_date, ordered_accounts
from inwriting.project.project_file import load_project
from inwriting.project.scope import fingerprint, short_fingerprint
from inwriting.render.pipeline import render_document
from timeline import sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"
ENDS = sent_on("jerry-webshop", "termination")  # Tuesday 1 December


def owed_on_ends() -> tuple[Decimal, Decimal]:
    """Jerry's interest and total on ENDS, by hand: section 6's 18 % a year, simple, by the
    day; 2026-044 (2,240.00 due 14 October, 1,000.00 paid on 29 October), 2026-052 (3,360.00
    due Saturday 14 November, moved to Monday 16 November by section 6.3)."""

    def simple(amount: str, start: dt.date, end: dt.date) -> Decimal:
        days = (end - start).days
        return (Decimal(amount) * Decimal("0.18") * days / 365).quantize(Decimal("0.01"))

    paid = dt.date(2026, 10, 29)
    interest = (
        simple("2240.00", dt.date(2026, 10, 14), paid)
        + simple("1240.00", paid, ENDS)
        + simple("3360.00", dt.date(2026, 11, 16), ENDS)
    )
    return interest, Decimal("4600.00") + interest


def test_effective_date_is_the_decision_plus_the_notice_period() -> None:
    project = load_project(JERRY).project
    # Signed with no fingerprint: the notice clause is not agreed, so it ends for breach at once.
    assert project.termination is not None and project.termination.effective_on is None
    # Decided on Tuesday 1 December, a business day: it takes effect that day.
    assert project.termination.decided_on == ENDS and effective_date(project) == ENDS
    # Decided on a Sunday: the effective date a letter sets is the next business day.
    sunday = project.model_copy(
        update={
            "termination": project.termination.model_copy(
                update={"decided_on": dt.date(2026, 11, 22)}
            )
        }
    )
    assert effective_date(sunday) == dt.date(2026, 11, 23)
    # Signed on the current checklist, 14 days' notice. Decided 1 December, after the Final
    # Demand's deadline of 30 November went unpaid: the breach clause ends it that day. Without
    # that final notice, 14 days' notice: Tuesday 15 December; decided 22 November (the notice
    # still running), Sunday 6 December, so Monday 7 December.
    assert project.signoff is not None
    digest = short_fingerprint(fingerprint(project))
    signoff = {"signoff": project.signoff.model_copy(update={"fingerprint": digest})}
    assert effective_date(project.model_copy(update=signoff)) == ENDS
    no_final = [
        invoice.model_copy(
            update={"reminders": [r for r in invoice.reminders if r.tone != "final"]}
        )
        for invoice in project.invoices
    ]
    unwarned = project.model_copy(update={**signoff, "invoices": no_final})
    assert effective_date(unwarned) == dt.date(2026, 12, 15)
    assert effective_date(sunday.model_copy(update=signoff)) == dt.date(2026, 12, 7)
    given = project.model_copy(
        update={
            "termination": project.termination.model_copy(
                update={"effective_on": dt.date(2026, 12, 31)}
            )
        }
    )
    assert effective_date(given) == dt.date(2026, 12, 31)


def test_effective_date_before_the_decision_is_refused_with_its_line(tmp_path: Path) -> None:
    text = JERRY.read_text(encoding="utf-8").replace(
        "  effective_on: null", "  effective_on: 2026-11-01"
    )
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["terminate", str(project), "--out", str(tmp_path / "out")])
    line = text.splitlines().index("  effective_on: 2026-11-01") + 1
    assert result.exit_code == 2
    assert (
        f"{project}:{line}:17: termination.effective_on: takes effect (2026-11-01) before"
        in result.output
    )


def test_termination_letter_content() -> None:
    out = render_document(
        load_project(JERRY),
        "termination",
        formats=["pdf", "docx"],
        as_of=ENDS,
        params={"with_record": True},
    )
    _, total = owed_on_ends()
    for text in (normalise(pdf_text(out["pdf"])), normalise(docx_text(out["docx"]))):
        for expected in (
            "Termination for material breach", "Jerry's Garden Supply Inc.",
            "Brightline Web Studio LLC", "for material breach, with effect from December 1, 2026",
            "August 28, 2026", "Invoice 2026-044, due on October 14, 2026, is unpaid",
            # The final notice of 18 November gave 7 business days (Thanksgiving off).
            "Invoices 2026-044 and 2026-052 were not paid by November 30, 2026, the deadline in "
            "our Final Demand for Payment of November 18, 2026.",
            "2026-058", "$1,240.00", "$3,360.00", f"${total:,}", "hand-off report",
            "whatever the balance", "We reserve all our other rights",
            "Annex: record of events", "Invoice disputed",
        ):  # fmt: skip
            assert normalise(expected) in text, expected
        for claim in (
            "agreed notice", "can no longer meet your needs", "remains ours",
            "Once payments are up to date", "Rights in the deliverables",
            # Conduct and price pressure are no breach: the private review keeps them.
            "Shouted at our developer", "match a competitor's quote",
        ):  # fmt: skip
            assert normalise(claim) not in text, claim


def test_accounts_are_handed_back_in_a_safe_order() -> None:
    project = load_project(JERRY).project
    actions = [account.action for account in ordered_accounts(project.accounts)]
    assert actions == sorted(actions, key=["transfer", "hand_over", "revoke_mine", "none"].index)
    out = render_document(load_project(JERRY), "handoff", formats=["pdf"], as_of=ENDS)
    text = normalise(pdf_text(out["pdf"]))
    for account in project.accounts:
        assert account.service in text and (account.url or "") in text.replace(" ", "")
    squashed = text.replace(" ", "")  # a long URL wraps inside its table cell
    for deliverable in project.deliverables:
        assert deliverable.name in text and (deliverable.location or "") in squashed
    for achievement in project.achievements:
        assert normalise(achievement) in text
    assert (
        text.index("Hosting control panel")
        < text.index("Payment provider dashboard")
        < text.index("Domain registrar")
    )
    # The same total as the termination of the day: principal and interest (issue 11).
    interest, total = owed_on_ends()
    assert f"${total:,} is still outstanding" in text
    assert f"Interest to Dec 1, 2026 ${interest}" in text


def test_handoff_warns_or_refuses_while_money_is_owed(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["handoff", str(JERRY), "--as-of", ENDS.isoformat(), "--out", str(tmp_path / "a")]
    )
    assert result.exit_code == 0 and "warning: still outstanding" in result.output
    result = CliRunner().invoke(
        cli,
        [
            "handoff",
            str(JERRY),
            "--as-of",
            ENDS.isoformat(),
            "--out",
            str(tmp_path / "b"),
            "--require-paid",
        ],
    )
    assert result.exit_code == 2 and "not written" in result.output and "2026-044" in result.output
    assert not (tmp_path / "b").exists()
