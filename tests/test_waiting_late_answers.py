"""The waiting notice counts every late answer, answered or not, and overlaps once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inwriting.documents.state import client_delay_days, project_state
from inwriting.documents.waiting import asked_questions, waiting_context
from inwriting.project.model import WaitingItem
from inwriting.project.project_file import load_project

JERRY = Path(__file__).resolve().parent.parent / "samples" / "jerry-webshop.yaml"


def test_answered_late_and_overlapping_questions_move_delivery_once() -> None:
    base = load_project(JERRY).project
    days = base.terms.feedback_days
    waiting = [
        # Due 5 Oct + days, answered 10 days after that.
        WaitingItem(item="Logo", asked_on=dt.date(2026, 10, 5), answered_on=None),
        WaitingItem(item="Texts", asked_on=dt.date(2026, 10, 7), answered_on=None),
    ]
    due1 = dt.date(2026, 10, 5) + dt.timedelta(days=days)
    due2 = dt.date(2026, 10, 7) + dt.timedelta(days=days)
    waiting[0] = waiting[0].model_copy(update={"answered_on": due1 + dt.timedelta(days=10)})
    project = base.model_copy(update={"waiting_on": waiting, "termination": None, "changes": []})
    as_of = dt.date(2026, 10, 30)
    asked = asked_questions(project, as_of)
    assert [q.answered_on is not None for q in asked] == [True, False]
    assert asked[0].days_late == 10
    # Union of (due1, due1+10] and (due2, as_of]: overlapping days count once.
    late = {due1 + dt.timedelta(days=n) for n in range(1, 11)}
    late |= {due2 + dt.timedelta(days=n) for n in range(1, (as_of - due2).days + 1)}
    assert client_delay_days(project, as_of) == len(late)
    context = waiting_context(project, as_of)
    assert context["delay_days"] == len(late)
    assert [q.entry.item for q in context["answered_late"]] == ["Logo"]
    assert [q.entry.item for q in context["questions"]] == ["Texts"]
    state = project_state(project, as_of)
    assert context["new_end"] == state.end  # the project state's end, one value
    assert state.end is not None and state.end.weekday() < 5


def test_the_notice_lists_answered_late_and_open_questions() -> None:
    import dataclasses

    from inwriting.render.pipeline import render_document

    loaded = load_project(JERRY)
    base = loaded.project
    due = dt.date(2026, 10, 5) + dt.timedelta(days=base.terms.feedback_days)
    waiting = [
        WaitingItem(
            item="Logo files", asked_on=dt.date(2026, 10, 5), answered_on=due + dt.timedelta(days=4)
        ),
        WaitingItem(item="Product texts", asked_on=dt.date(2026, 10, 20)),
    ]
    project = base.model_copy(update={"waiting_on": waiting, "termination": None, "changes": []})
    out = render_document(
        dataclasses.replace(loaded, project=project),
        "waiting",
        formats=["md"],
        as_of=dt.date(2026, 10, 30),
    )
    text = out["md"].decode()
    assert "Answers that came late, and moved delivery as well" in text
    assert "Logo files" in text and "Product texts" in text
    days = client_delay_days(project, dt.date(2026, 10, 30))
    assert f"held the work up for **{days} days**" in text
