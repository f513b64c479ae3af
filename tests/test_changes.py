"""Change orders: arithmetic over sequences of changes, and requests that cannot apply."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, normalise, pdf_text, without_stop_work
from inwriting.cli import cli
from inwriting.documents.change_order import change_order_context
from inwriting.project.changes import current_scope, total
from inwriting.project.model import Project

AS_OF = dt.date(2026, 11, 22)


def project(*changes: dict[str, Any]) -> Project:
    """Three items: A 1000 (fixed), B 10 h × 100, C 500; then the changes given."""
    return Project.model_validate(
        {
            "format": "1",
            "currency": "EUR",
            "provider": {"name": "P"},
            "client": {"name": "C"},
            "project": {"id": "X", "name": "X", "start": "2026-01-05", "end": "2026-06-30"},
            "terms": {"payment_days": "14", "feedback_days": "3", "hourly_rate": "100"},
            "scope": [
                {"id": "A", "title": "A", "fee": "1000", "deadline": "2026-03-01"},
                {"id": "B", "title": "B", "hours": "10", "deadline": "2026-04-01"},
                {"id": "C", "title": "C", "fee": "500", "deadline": "2026-05-01"},
            ],
            "changes": list(changes),
        }
    )


def change(change_id: str, status: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": change_id,
        "requested_on": "2026-02-01",
        "summary": "s",
        "status": status,
        **fields,
    }


def test_a_sequence_of_approved_rejected_and_proposed_changes() -> None:
    p = project(
        change("CR-1", "approved", add=[{"id": "D", "title": "D", "fee": "300"}]),  # +300
        change("CR-2", "rejected", remove=["A"]),  # ignored: rejected
        change("CR-3", "approved", remove=["C"], modify=[{"id": "B", "hours": "12"}]),  # -500, +200
        change(
            "CR-4",
            "proposed",
            modify=[{"id": "A", "fee": "1250", "deadline": "2026-03-16"}],
            new_end="2026-07-15",
        ),
    )
    items, applied = current_scope(p)
    assert [c.id for c in applied] == ["CR-1", "CR-3"]
    assert total(items, p) == Decimal("1000") + Decimal("1200") + Decimal(
        "300"
    )  # C dropped, B 12 h
    # Written before CR-4's dates (15 March, 15 July): a change order sets dates still ahead.
    before = dt.date(2026, 3, 1)
    context = change_order_context(p, before, change="CR-4")
    assert context["original_total"] == Decimal("2500")
    assert context["earlier_delta"] == Decimal("0")  # +300 (CR-1) -500 (C) +200 (B)
    assert context["cost_delta"] == Decimal("250")
    assert context["updated_total"] == Decimal("2750")
    assert [(row.id, row.kind) for row in context["rows"]] == [("A", "modified")]
    assert [row.id for row in context["moved"]] == ["A"]
    assert context["new_end"] == dt.date(2026, 7, 15) and context["previous_end"] == dt.date(
        2026, 6, 30
    )
    removal = change_order_context(p, before, change="CR-3")
    assert [(row.id, row.kind, row.fee_before, row.fee_after) for row in removal["rows"]] == [
        ("C", "removed", Decimal("500"), Decimal("0")),
        ("B", "modified", Decimal("1000.00"), Decimal("1200.00")),
    ]
    assert removal["cost_delta"] == Decimal("-300")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            [change("CR-1", "proposed", remove=["Z"])],
            "changes[0].remove[0]",
            "no scope item Z to remove",
        ),
        (
            [change("CR-1", "proposed", remove=["A", "A"])],
            "changes[0].remove[1]",
            "A is removed twice",
        ),
        (
            [change("CR-1", "approved", remove=["A"]), change("CR-2", "proposed", remove=["A"])],
            "changes[1].remove[0]",
            "A is removed twice",
        ),
        (
            [
                change("CR-1", "approved", remove=["A"]),
                change("CR-2", "proposed", modify=[{"id": "A", "fee": "1"}]),
            ],
            "changes[1].modify[0].id",
            "A was dropped from the scope",
        ),
        (
            [change("CR-1", "proposed", modify=[{"id": "Q", "fee": "1"}])],
            "changes[0].modify[0].id",
            "no scope item Q",
        ),
        (
            [change("CR-1", "proposed", add=[{"id": "A", "title": "x", "fee": "1"}])],
            "changes[0].add[0].id",
            "already a scope item",
        ),
        (
            [change("CR-1", "proposed", decided_on="2026-01-01")],
            "changes[0].decided_on",
            "before it was requested",
        ),
    ],
)
def test_requests_that_cannot_apply_are_refused_with_their_line(
    tmp_path: Path, changes: list[dict[str, Any]], field: str, message: str
) -> None:
    import yaml

    data = project().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["changes"] = changes
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    line = next(line for line in result.output.splitlines() if f": {field}: " in line)
    assert message in line and line.startswith(f"{path}:")


def test_change_order_document() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "change-order",
            str(SAMPLES / "jerry-webshop.yaml"),
            "CR-9",
            "--as-of",
            "2026-11-22",
            "--out",
            "x",
        ],
    )
    assert result.exit_code == 2 and "no change request 'CR-9'" in result.output
    from inwriting.project.project_file import load_project
    from inwriting.render.pipeline import render_document

    # As before the termination decided on the day (after it, CR-1 is refused), and with no
    # stop-work notice standing (during one, a change order adding work is refused).
    loaded = without_stop_work(load_project(SAMPLES / "jerry-webshop.yaml"))
    before = loaded.project.model_copy(update={"termination": None})
    out = render_document(
        dataclasses.replace(loaded, project=before),
        "change-order",
        formats=["pdf"],
        as_of=AS_OF,
        params={"change": "CR-1"},
    )
    text = normalise(pdf_text(out["pdf"]))
    for expected in (
        "Change order CR-1", "August 28, 2026", "Jerry Malone", "asked by phone", "Gift cards that",
        "+$1,400.00", "$10,600.00", "$12,000.00", "January 15, 2027 instead of December 17, 2026",
        "No work on these changes starts before this change order is signed by both parties",
    ):  # fmt: skip
        assert expected in text, expected


def test_a_rejected_change_request_gets_the_declined_letter_not_a_change_order(
    tmp_path: Path,
) -> None:
    result = CliRunner().invoke(
        cli,
        ["change-order", str(SAMPLES / "tallbacken-bageri.yaml"), "ÄB-2", "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [
        "TBK-2026-01-change-declined-AB-2.docx",
        "TBK-2026-01-change-declined-AB-2.pdf",
    ]


def test_negative_amounts_use_each_languages_minus_sign() -> None:
    from babel import Locale
    from inwriting.render.templating import environment

    template = environment().from_string("{{ amount|money }}")
    for tag, minus in (("sv_SE", "\N{MINUS SIGN}"), ("en_US", "-")):
        rendered = template.render(
            amount=Decimal("-1200"), currency="SEK", locale=Locale.parse(tag)
        )
        text = rendered.replace("\\", "")  # the Markdown escaping of the output
        assert text.startswith(minus) and "1" in text, text


CURRENT_CASES = [
    ("jerry-webshop", "en"),
    ("jerry-webshop", "da"),
    ("tallbacken-bageri", "sv"),
    ("revontuli-kaannos", "fi"),
    ("severnyi-veter", "ru"),
]


@pytest.mark.parametrize(("stem", "language"), CURRENT_CASES)
def test_the_current_scope_applies_every_approved_change(
    tmp_path: Path, stem: str, language: str
) -> None:
    from babel.numbers import format_currency
    from inwriting.locales import document_locale
    from inwriting.project.project_file import load_project
    from inwriting.project.scope import scope_lines, scope_total

    text = (SAMPLES / f"{stem}.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{stem}.yaml"
    path.write_text(text.replace("status: proposed", "status: approved", 1), encoding="utf-8")
    project = load_project(path).project
    items, applied = current_scope(project)
    assert applied, "the copy has an approved change"
    out = tmp_path / "out"
    args = ["scope", str(path), "--current", "--lang", language, "--as-of", "2026-11-22"]
    result = CliRunner().invoke(cli, [*args, "--out", str(out), "--format", "pdf,docx"])
    assert result.exit_code == 0, result.output
    # --lang in another language than the file's own names it: jerry-webshop in Danish.
    suffix = "" if language == project.language else f"-{language}"
    assert sorted(p.name for p in out.iterdir()) == [
        f"{project.project.id}-scope-current{suffix}.docx",
        f"{project.project.id}-scope-current{suffix}.pdf",
    ]
    current = project.model_copy(update={"scope": items})
    expected_total = scope_total(scope_lines(current))
    locale = document_locale(language, project.jurisdiction)
    money = normalise(format_currency(expected_total, project.currency, locale=locale))
    for document in out.iterdir():
        raw = pdf_text(document.read_bytes()) if document.suffix == ".pdf" else _docx(document)
        shown = normalise(raw)
        assert all(change.id in shown for change in applied)
        assert money in shown, money
        for item in items:
            if item.status != "dropped":
                assert normalise(item.title) in shown, item.title
        squashed = shown.replace(" ", "")
        for item_id in (i for change in applied for i in change.remove):
            removed = next(item for item in project.scope if item.id == item_id)
            assert normalise(removed.title).replace(" ", "") not in squashed


def _docx(path: Path) -> str:
    from conftest import docx_text

    return docx_text(path.read_bytes())


def test_without_approved_changes_the_current_scope_is_the_signed_one(tmp_path: Path) -> None:
    args = ["scope", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", "2026-11-22", "--format"]
    runner = CliRunner()
    assert runner.invoke(cli, [*args, "md", "--out", str(tmp_path / "a")]).exit_code == 0
    assert (
        runner.invoke(cli, [*args, "md", "--current", "--out", str(tmp_path / "b")]).exit_code == 0
    )
    (signed,) = (tmp_path / "a").iterdir()
    (current,) = (tmp_path / "b").iterdir()
    assert current.name == signed.name.replace("-scope.", "-scope-current.")
    assert current.read_text(encoding="utf-8") == signed.read_text(encoding="utf-8")
