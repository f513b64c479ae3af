"""The client review: each threshold, each flag, the recommendation, and the charts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, pdf_text
from inwriting.documents.review import review_project
from inwriting.project.model import Project
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from test_ledger import project as base_project
from timeline import sent_on

AS_OF = dt.date(2026, 3, 1)


def project(**extra: Any) -> Project:
    """test_ledger's one-invoice project (due 2026-01-16), with extra fields."""
    data = base_project().model_dump(by_alias=True)
    data.update(extra)
    return Project.model_validate(data)


def paid(on: str) -> list[dict[str, str]]:
    return [{"on": on, "amount": "1000.00"}]


def invoice(
    payments: list[dict[str, str]], reminders: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    return {
        "number": "1",
        "issued": "2026-01-02",
        "amount": "1000.00",
        "payments": payments,
        "reminders": reminders or [],
    }


def incidents(*kinds: str) -> list[dict[str, str]]:
    return [{"on": "2026-02-01", "kind": kind} for kind in kinds]


@pytest.mark.parametrize(
    ("extra", "fact", "value", "points"),
    [
        ({"invoices": [invoice(paid("2026-01-16"))]}, "late_average", Decimal(0), 0),
        ({"invoices": [invoice(paid("2026-01-26"))]}, "late_average", Decimal(10), 10),
        (
            {"invoices": [invoice(paid("2026-03-01"))]},
            "late_average",
            Decimal(44),
            30,
        ),  # capped at 30
        (
            {"invoices": [invoice(paid("2026-02-14"))]},
            "late_worst",
            29,
            0,
        ),  # below 30 days: nothing more
        ({"invoices": [invoice(paid("2026-02-15"))]}, "late_worst", 30, 10),
        (
            {
                "invoices": [
                    invoice(paid("2026-01-20"), [{"on": "2026-01-17", "tone": "friendly"}] * 2)
                ]
            },
            "reminders",
            2,
            6,
        ),
        (
            {
                "invoices": [
                    invoice(paid("2026-01-20"), [{"on": "2026-01-17", "tone": "friendly"}] * 9)
                ]
            },
            "reminders",
            9,
            15,
        ),
        ({"incidents": incidents("disputed_invoice")}, "disputes", 1, 10),
        ({"incidents": incidents(*["scope_change"] * 5)}, "changes_outside", 5, 20),  # capped at 20
        (
            {"waiting_on": [{"item": "x", "asked_on": "2026-02-01", "answered_on": "2026-02-14"}]},
            "waited",
            10,
            5,
        ),
        ({"incidents": incidents("unresponsive")}, "unresponsive", 1, 5),
        ({"incidents": incidents("changed_mind")}, "changed_mind", 1, 3),
    ],
)
def test_each_threshold(extra: dict[str, Any], fact: str, value: Any, points: int) -> None:
    review = review_project(project(**extra), AS_OF)
    measured = {d.fact: d.value for d in review.deductions}
    assert review.points[fact] == points
    if points:
        assert measured[fact] == value
    assert review.score == 100 - sum(review.points.values())


def test_a_good_client_is_kept() -> None:
    review = review_project(project(invoices=[invoice(paid("2026-01-15"))]), AS_OF)
    assert (review.score, review.grade, review.recommendation, review.flags) == (
        100,
        "A",
        "keep",
        [],
    )


@pytest.mark.parametrize("kind", ["abusive", "dishonesty", "legal_risk"])
def test_abuse_dishonesty_and_legal_risk_mean_parting_whatever_the_score(kind: str) -> None:
    review = review_project(
        project(invoices=[invoice(paid("2026-01-15"))], incidents=incidents(kind)), AS_OF
    )
    assert review.score == 100 and review.grade == "A"
    assert review.flags == [kind] and review.recommendation == "part"


def test_late_payer_is_kept_on_stricter_terms() -> None:
    late = [invoice(paid("2026-02-20"))]  # 35 days late
    data = base_project().model_dump(by_alias=True)
    data["terms"]["payment_days"] = "30"
    data["invoices"] = late
    review = review_project(Project.model_validate(data), AS_OF)
    assert review.flags == ["late_average"] and review.recommendation == "stricter"
    assert review.stricter_terms == ["deposit", "shorter_terms", "pay_first"]


def test_a_grade_d_means_parting() -> None:
    review = review_project(
        project(
            invoices=[invoice([])],
            incidents=incidents("disputed_invoice", *["scope_change"] * 4, "unresponsive"),
        ),
        AS_OF,
    )
    assert review.grade == "D" and review.recommendation == "part"


def test_a_termination_means_parting_never_keeping() -> None:
    kept = project(invoices=[invoice(paid("2026-01-10"))])
    assert review_project(kept, dt.date(2026, 11, 22)).recommendation == "keep"
    ending = {"decided_on": "2026-11-20", "reason": "other", "effective_on": "2026-12-01"}
    ended = project(invoices=[invoice(paid("2026-01-10"))], termination=ending)
    assert review_project(ended, dt.date(2026, 11, 22)).recommendation == "part"


def test_charts_are_vectors_in_pdf_and_an_image_in_docx() -> None:
    loaded = load_project(SAMPLES / "havbrise-social.yaml")
    out = render_document(
        loaded, "review", formats=["pdf", "docx"], as_of=dt.date(2026, 11, 22), language="en"
    )
    text = pdf_text(out["pdf"])
    assert "Days late per invoice" in text and "Incidents per month" in text
    from test_layout import embedded_font_names

    assert embedded_font_names(out["pdf"]) == {"DejaVuSans", "DejaVuSans-Bold"}  # no Helvetica
    assert "K-2026-094" in text and "44" in text
    from pypdf import PdfReader

    content = b"".join(
        page.get_contents().get_data() for page in PdfReader(io.BytesIO(out["pdf"])).pages
    )
    assert (
        content.count(b" re ") >= 6
    )  # the bars are drawn as filled rectangles, not pasted as a picture
    media = [
        name
        for name in zipfile.ZipFile(io.BytesIO(out["docx"])).namelist()
        if name.startswith("word/media/")
    ]
    assert len(media) == 2 and all(name.endswith(".png") for name in media)
    again = render_document(
        loaded, "review", formats=["docx"], as_of=dt.date(2026, 11, 22), language="en"
    )
    assert again["docx"] == out["docx"]


@pytest.mark.parametrize(
    ("sample", "ended", "sentence"),
    [
        ("havbrise-social.yaml", False, "Keep this client only on stricter terms"),
        ("havbrise-social.yaml", True, "Part ways."),
        ("jerry-webshop.yaml", True, "Part ways."),
    ],
)
def test_the_recommendation_is_written_out(sample: str, ended: bool, sentence: str) -> None:
    loaded = load_project(SAMPLES / sample)
    stem = Path(sample).stem
    # Ended: on the day the timeline sends the review. Not ended: as the review read on the day
    # of the stop-work notice, before the final notice and the late days that followed.
    on = sent_on(stem, "review")
    if not ended:
        unended = loaded.project.model_copy(update={"termination": None})
        loaded = dataclasses.replace(loaded, project=unended)
        on = sent_on(stem, "stop_work")
    out = render_document(loaded, "review", formats=["pdf"], as_of=on, language="en")
    text = pdf_text(out["pdf"])
    assert sentence in text
    assert "What led to the verdict" in text and "Incidents recorded, by kind" in text
