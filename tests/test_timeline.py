"""The samples' timeline (tests/timeline.py) tells a story a client could receive: letters on
business days, in order, the termination after the final notice's deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import sample_paths
from inwriting.documents.pre_action import final_deadline
from inwriting.law.calendar import is_business_day, next_business_day
from inwriting.project.project_file import load_project
from timeline import TIMELINE, sent_on


def test_every_sample_has_a_timeline() -> None:
    assert sorted(TIMELINE) == [path.stem for path in sample_paths()]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda path: path.stem)
def test_the_timeline_is_a_story_the_client_could_receive(path) -> None:  # type: ignore[no-untyped-def]
    project = load_project(path).project
    where = (project.jurisdiction, project.region)
    days = TIMELINE[path.stem]
    # Every letter on a business day where the client is.
    for kind, day in days.items():
        assert is_business_day(day, *where), (kind, day)
    # Each recorded rung is in the sample on its day, and the rungs climb in order.
    rungs = [days[tone] for tone in ("firm", "stop_work", "final")]
    assert rungs == sorted(rungs)
    for tone in ("friendly", "firm", "stop_work", "final"):
        recorded = [r for i in project.invoices for r in i.reminders if r.tone == tone]
        assert any(r.on == days[tone] for r in recorded), tone
    # The termination is decided on the first business day after the final notice's deadline,
    # and the waiting notice and the change orders go out before it.
    assert project.termination is not None
    deadline = final_deadline(project, days["final"])
    decided = project.termination.decided_on
    day_after = deadline + dt.timedelta(days=1)
    assert decided == days["ends"] == next_business_day(day_after, *where)
    assert sent_on(path.stem, "waiting") < decided and sent_on(path.stem, "change-order") < decided
