"""The registry of document kinds: each one's template, the context it is filled from, its name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..filenames import safe_stem
from ..law.charges import agreed_rate
from ..locales import document_locale
from ..project.model import Project, Tone
from ..project.scope import (
    deposit_amount,
    fingerprint,
    governing_law,
    scope_lines,
    scope_total,
    short_fingerprint,
    signed_version,
)
from .agreement import agreed_terms, layout

Context = dict[str, Any]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: `templates/<lang>/<name>.md.j2`, filled from `context`."""

    name: str
    context: Callable[..., Context]  # (project, as_of, **params) -> variables
    description: str

    def template_name(self, language: str) -> str:
        return f"{language}/{self.name}.md.j2"


def common_context(project: Project, as_of: dt.date) -> Context:
    """What every document knows: the parties, the project, formatting locale, the date."""
    return {
        "locale": document_locale(project.language, project.jurisdiction),
        "language": project.language,
        "currency": project.currency,
        "jurisdiction": project.jurisdiction,
        # The part of the jurisdiction (a US state, a UK nation): every letter may name its
        # court or law, so it is defined everywhere, None when the file gives none.
        "region": project.region,
        "as_of": as_of,
        "provider": project.provider,
        "client": project.client,
        "project": project.project,
        "terms": project.terms,
        "signoff": project.signoff,
        # What the signed checklist printed: a letter claims only these (documents/agreement.py).
        "agreed": agreed_terms(project),
    }


def scope_context(project: Project, as_of: dt.date, *, current: bool = False) -> Context:
    included: list[Any] = []
    if current:
        # The consolidated version: the signed scope with every approved change applied.
        from ..project.changes import current_scope, end_before

        items, included = current_scope(project)
        info = project.project.model_copy(update={"end": end_before(project, included)})
        project = project.model_copy(update={"scope": items, "project": info})
    lines = scope_lines(project)
    total = scope_total(lines)
    deposit = deposit_amount(project, total)
    digest = fingerprint(project)
    late_interest = project.terms.late_interest
    numbers = layout(project)
    return {
        **common_context(project, as_of),
        "lines": lines,
        "total": total,
        "deposit": deposit,
        "balance": total - deposit,
        "exclusions": project.exclusions,
        "fingerprint": digest,
        "short_fingerprint": short_fingerprint(digest),
        # A contract rate of 0 % reads as "no interest", never as "0 % a year".
        "interest": (
            late_interest
            if isinstance(late_interest, str)
            else ("rate" if agreed_rate(late_interest)[0] > 0 else "none")
        ),
        # The agreed rate and its period (day, month or year), printed as agreed.
        "interest_rate": None if isinstance(late_interest, str) else agreed_rate(late_interest)[0],
        "interest_per": None if isinstance(late_interest, str) else agreed_rate(late_interest)[1],
        "has_hours": any(line.hours is not None for line in lines),
        "included_changes": [change.id for change in included],
        # A reprint of the very checklist the client signed carries the signing date, not the
        # day it was printed again (docs/reviews: "the scope shows the print date").
        "signed_on": (
            project.signoff.signed_on
            if not current and project.signoff and signed_version(project) == "current"
            else None
        ),
        "sec": numbers.sections,
        "n": numbers.clauses,
        "law": governing_law(project),
        "vat": project.terms.vat,
        "compensation": _compensation(project),
    }


def _compensation(project: Project) -> Decimal | str | None:
    """The statutory fixed compensation for a late payment where the law grants one: its
    amount when it is one figure, "banded" when it depends on the debt, else None."""
    from ..law.lawfile import law_data

    law = law_data(project.jurisdiction)
    bands = (law or {}).get("compensation", {}).get("bands") if law else None
    if not bands:
        return None
    if (
        len(bands) == 1
        and law is not None
        and law["compensation"].get("currency") == project.currency
    ):
        return Decimal(str(bands[0]["amount"]))
    return "banded"


def _reminder(tone: Tone) -> Callable[..., Context]:
    def context(project: Project, as_of: dt.date, *, invoice: str) -> Context:
        from .reminders import reminder_context  # Babel and the ledger only when needed

        context = reminder_context(project, as_of, tone=tone, invoice=invoice)
        return {**common_context(project, as_of), **context, **_pay(project, as_of, context)}

    return context


def dispute_reply_context(project: Project, as_of: dt.date, *, invoice: str) -> Context:
    from .reminders import dispute_reply_context as context

    facts = context(project, as_of, invoice=invoice)
    return {**common_context(project, as_of), **facts, **_pay(project, as_of, facts)}


def _pay(project: Project, as_of: dt.date, context: Context) -> Context:
    """`pay`: the "How to pay" block's facts (documents/payment.py)."""
    from .payment import payment_context

    return payment_context(project, as_of, context)


def late_claim_context(project: Project, as_of: dt.date, *, invoice: str) -> Context:
    from .late_claim import late_claim_context as context

    facts = context(project, as_of, invoice=invoice)
    return {**common_context(project, as_of), **facts, **_pay(project, as_of, facts)}


def waiting_context(project: Project, as_of: dt.date) -> Context:
    from .waiting import waiting_context as context

    return {**common_context(project, as_of), **context(project, as_of)}


def termination_context(project: Project, as_of: dt.date, *, with_record: bool = False) -> Context:
    from .breach import ends_for_breach
    from .parting import overdue_grounds
    from .parting import termination_context as context

    base = {**common_context(project, as_of), **context(project, as_of, with_record=with_record)}
    agreed = base["agreed"]
    ending = base["termination"]
    # The client's breach, as facts: invoices past their due date and not in open dispute. An
    # answer the client gives late is no breach: the signed terms move delivery by the days it is
    # late (clause 4).
    overdue = overdue_grounds(project, as_of, base["unpaid"])
    notice_days = project.terms.notice_days
    by_notice = (
        not ends_for_breach(project)
        and agreed.has("notice")
        and (
            ending.effective_on is None
            or (
                notice_days is not None
                and ending.effective_on >= ending.decided_on + dt.timedelta(days=notice_days)
            )
        )
    )
    # Unpaid past a final notice's deadline, with the breach clause signed: for breach. Else
    # with the notice clause signed, notice; without it, only the client's non-payment ends the
    # agreement at once; with neither, the letter proposes an end by mutual consent.
    mode = "notice" if by_notice else ("breach" if overdue else "mutual")
    from .parting import final_notice_passed, refuse_early_termination

    refuse_early_termination(project, as_of, for_non_payment=mode == "breach")
    return {
        **base,
        "mode": mode,
        # "N days from this notice" only where that is the day: one moved off a weekend or
        # holiday is named by its date alone.
        "notice_days": notice_days
        if mode == "notice"
        and ending.effective_on is None
        and notice_days is not None
        and base["effective_on"] == ending.decided_on + dt.timedelta(days=notice_days)
        else None,
        "overdue": overdue,
        # The last written demand and its deadline, which the letter says passed unpaid.
        "final_notice": final_notice_passed(project, as_of, overdue),
        **_pay(project, as_of, base),
    }


def handoff_context(project: Project, as_of: dt.date) -> Context:
    from .parting import handoff_context as context

    facts = context(project, as_of)
    return {
        **common_context(project, as_of),
        **facts,
        **_pay(project, as_of, facts),
        "achievements": project.achievements,
        "deliverables": project.deliverables,
    }


def review_context(project: Project, as_of: dt.date) -> Context:
    from .review import review_project
    from .state import project_state

    return {
        **common_context(project, as_of),
        "review": review_project(project, as_of),
        "owed": project_state(project, as_of).owed,
    }


def change_order_context(project: Project, as_of: dt.date, *, change: str) -> Context:
    from .change_order import change_order_context as context

    return {
        **common_context(project, as_of),
        **context(project, as_of, change=change),
        "short_fingerprint": short_fingerprint(fingerprint(project)),
    }


def change_declined_context(project: Project, as_of: dt.date, *, change: str) -> Context:
    from .change_order import change_declined_context as context

    return {**common_context(project, as_of), **context(project, as_of, change=change)}


def act_context(project: Project, as_of: dt.date, *, until: dt.date | None = None) -> Context:
    from .act import act_context as context

    return {**common_context(project, as_of), **context(project, as_of, until)}


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("scope", scope_context, "the scope checklist the client signs"),
        DocumentKind("reminder-friendly", _reminder("friendly"), "a polite first payment reminder"),
        DocumentKind(
            "reminder-firm", _reminder("firm"), "a firm reminder asking for a payment date"
        ),
        DocumentKind("reminder-stop-work", _reminder("stop_work"), "work is paused until payment"),
        DocumentKind(
            "reminder-final", _reminder("final"), "the final notice before ending the agreement"
        ),
        DocumentKind(
            "dispute-reply",
            dispute_reply_context,
            "a reply to a disputed invoice: what it covers, the clause, a date to settle",
        ),
        DocumentKind(
            "late-claim",
            late_claim_context,
            "interest and compensation on an invoice paid in full, but late",
        ),
        DocumentKind("waiting", waiting_context, "we are waiting for your answer; delivery moves"),
        DocumentKind(
            "termination", termination_context, "a professional notice ending the agreement"
        ),
        DocumentKind(
            "handoff", handoff_context, "what was achieved, where it is, every account handed back"
        ),
        DocumentKind(
            "review", review_context, "is this client worth keeping? (for you, not the client)"
        ),
        DocumentKind(
            "change-order", change_order_context, "a change to the signed scope, for both to sign"
        ),
        DocumentKind(
            "change-declined",
            change_declined_context,
            "a change request declined; the scope stands",
        ),
        DocumentKind("act", act_context, "акт сдачи-приемки: the work done, its price (Russian)"),
    )
}


def reminder_kind(tone: str) -> str:
    return "reminder-" + tone.replace("_", "-")


def document_kind(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InputError(f"unknown document {name!r}; known: {', '.join(KINDS)}") from None


def output_name(
    project: Project,
    kind: str,
    format_name: str,
    params: Mapping[str, Any] | None = None,
    *,
    language: str | None = None,
) -> str:
    """The document's file name, plain ASCII and safe for every file system:

    - `<id>-<kind>.<ext>`, e.g. `JGS-2026-01-scope.pdf`, `JGS-2026-01-waiting.md`;
    - `<id>-scope-current.<ext>` for the checklist with approved changes applied;
    - `<id>-change-order-<change id>.<ext>`, or `<id>-change-declined-<change id>.<ext>`;
    - `<id>-reminder-<invoice>-<tone>.<ext>`, e.g. `SV-2026-04-reminder-SCh-2026-071-firm.pdf`;
    - `<id>-dispute-reply-<invoice>.<ext>`, `<id>-late-claim-<invoice>.<ext>`;
    - `<id>-act.<ext>`, or `<id>-act-<until>.<ext>` for the work done up to a day.

    A document in another language than the project's own (`--lang`) ends in the language code
    before the extension (`JGS-2026-01-scope-sv.pdf`), so it never collides with the default.
    """
    stem = _output_stem(project, kind, params or {})
    return f"{stem}{_language_suffix(project, language)}.{format_name}"


def _output_stem(project: Project, kind: str, params: Mapping[str, Any]) -> str:
    stem = safe_stem(project.project.id)
    change = params.get("change")
    if change is not None and kind in ("change-order", "change-declined"):
        return f"{stem}-{kind}-{safe_stem(str(change), 'change')}"
    if kind == "scope" and params.get("current"):
        return f"{stem}-scope-current"
    invoice = params.get("invoice")
    until = params.get("until")
    if until is not None and kind == "act":
        return f"{stem}-act-{until.isoformat()}"
    if invoice is not None and kind in ("dispute-reply", "late-claim"):
        return f"{stem}-{kind}-{safe_stem(str(invoice), 'invoice')}"
    if invoice is not None and kind.startswith("reminder-"):
        tone = kind.removeprefix("reminder-")
        return f"{stem}-reminder-{safe_stem(str(invoice), 'invoice')}-{tone}"
    return f"{stem}-{kind}"


def _language_suffix(project: Project, language: str | None) -> str:
    return "" if language is None or language == project.language else f"-{language}"
