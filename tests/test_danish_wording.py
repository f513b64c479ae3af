"""The Danish sample's letters in the words a Danish professional uses, with the law's figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import normalise
from inwriting.law.charges import charges_for
from inwriting.law.ledger import invoice_states
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from timeline import sent_on

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FINAL = sent_on("havbrise-social", "final")  # the inkassovarsel of Monday 16 November
LOADED = load_project(SAMPLES / "havbrise-social.yaml")


def text(kind: str, as_of: dt.date | None = None, **params: object) -> str:
    """The Markdown of `kind`, on `as_of` or on the day the sample's timeline sends it."""
    on = as_of or sent_on("havbrise-social", kind)
    out = render_document(LOADED, kind, formats=["md"], as_of=on, params=params)
    return normalise(out["md"].decode())


def final() -> str:
    return text("reminder-final", invoice="K-2026-094")


def test_the_inkassovarsel_names_only_the_reminders_that_were_sent() -> None:
    letter = final()
    # Each invoice with the reminders recorded for it before this letter.
    assert (
        "Fakturaerne K-2026-094 og K-2026-107 er stadig ikke betalt trods vores rykkere (faktura "
        "K-2026-094: 10., 20. og 30. oktober 2026; faktura K-2026-107: 10. november 2026)."
    ) in letter
    # On the day of K-2026-107's first reminder, a letter about K-2026-094 finds no earlier
    # reminder for it: its due date is stated instead.
    first = sent_on("havbrise-social", "friendly")
    letter_then = text("reminder-final", as_of=first, invoice="K-2026-094")
    assert (
        "Faktura K-2026-107, som forfaldt den 9. november 2026, er heller ikke betalt."
        in letter_then
    )
    assert "Vi beder jer betale det samlede beløb" in letter and "Vi skal bede" not in letter


def test_the_reminder_fees_are_the_ones_renteloven_9_b_allows_and_say_which() -> None:
    letter = final()
    state = next(
        s for s in invoice_states(LOADED.project, FINAL) if s.invoice.number == "K-2026-094"
    )
    charges = charges_for(LOADED.project, state)
    # The friendly reminder of 10 October said the fee comes with each further reminder, so it
    # carries none: the firm (20 Oct), the stop-work (30 Oct) and this letter do, 10 days apart,
    # the three § 9 b, stk. 2 allows for the whole period of arrears.
    assert (charges.fee_count, charges.fee_each) == (3, 100)
    assert "3 rykkere à 100,00 kr. (rykkerne af 20. og 30. oktober 2026 og dette brev)" in letter
    assert "Rykkergebyr | 1 rykker" not in letter  # none for K-2026-107: the three are used
    assert "som aftalt" not in letter  # the law sets the fee, and the legal basis names it


def test_interest_runs_until_payment_and_the_act_is_cited_once() -> None:
    letter = final()
    assert "Renten løber fortsat, indtil betaling sker (i alt 6,68 kr. pr. dag)." in letter
    assert "Retsgrundlag: rentelovens §§ 3 og 5, § 9 a, stk. 3, og § 9 b." in letter
    assert "| Forfaldsdato |" in letter and "| Forfald |" not in letter


def test_the_signed_scope_is_an_aftale_in_every_document() -> None:
    documents = {
        "scope": text("scope"),
        "termination": text("termination"),
        "stop-work": text("reminder-stop-work", invoice="K-2026-094"),
        "waiting": text("waiting"),
    }
    assert documents["scope"].startswith("# Aftale om opgavens omfang")
    for kind, body in documents.items():
        assert "tjekliste" not in body.lower(), kind
    assert "af 27. maj 2026 på grund af væsentlig misligholdelse" in documents["termination"]
    assert "Efter afsnit 4 i aftalen af 27. maj 2026" in documents["waiting"]
    assert "2 kalenderdage" in documents["scope"] and "2 kalenderdage" in documents["waiting"]


def test_the_termination_says_how_it_is_delivered_and_the_review_has_no_tool_words() -> None:
    assert "Brevet sendes pr. e-mail og med almindelig post til adressen ovenfor." in text(
        "termination"
    )
    review = text("review")
    assert "Kundevurdering" in review
    assert "docs/" not in review and "inwriting " not in review and "projektfil" not in review
