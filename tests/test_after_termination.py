"""After a termination: waiting and open change orders refused, open requests withdrawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from inwriting.cli import cli
from inwriting.documents.state import effective_on
from inwriting.project.project_file import load_project
from timeline import sent_on

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ENDS = sent_on("jerry-webshop", "termination").isoformat()  # the termination decided that day


def test_waiting_after_a_decided_termination_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["waiting", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", ENDS]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 2 and "waiting notice refused" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_open_change_order_after_a_decided_termination_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["change-order", str(SAMPLES / "jerry-webshop.yaml"), "CR-1", "--as-of", ENDS]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 2 and "change order CR-1 refused" in result.output
    assert not out.exists()


def test_termination_withdraws_open_change_requests(tmp_path: Path) -> None:
    args = ["terminate", str(SAMPLES / "jerry-webshop.yaml"), "--as-of", ENDS]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    assert "Change order CR-1, which you have not signed, is withdrawn." in text


def test_effective_date_never_falls_on_a_day_off() -> None:
    # FI: decided Wednesday 25 November, the day after the final notice's deadline went
    # unpaid: the breach clause (10.2) ends it that day, not 14 days on.
    sample = load_project(SAMPLES / "revontuli-kaannos.yaml").project
    assert sample.termination is not None
    decided = sample.termination.decided_on
    assert effective_on(sample) == decided == dt.date(2026, 11, 25)
    # Without that final notice, the notice clause: + 14 days = Wednesday 9 December.
    unwarned = [
        i.model_copy(update={"reminders": [r for r in i.reminders if r.tone != "final"]})
        for i in sample.invoices
    ]
    project = sample.model_copy(update={"invoices": unwarned})
    assert project.termination is not None
    assert effective_on(project) == decided + dt.timedelta(days=14) == dt.date(2026, 12, 9)
    # Decided on 22 November instead: + 14 days = Sunday 6 December, Finland's Independence
    # Day: Monday 7th.
    earlier = project.termination.model_copy(update={"decided_on": dt.date(2026, 11, 22)})
    moved = project.model_copy(update={"termination": earlier})
    assert effective_on(moved) == dt.date(2026, 12, 7)


def test_breach_termination_before_the_final_notice_deadline_is_refused() -> None:
    import dataclasses

    import pytest
    from inwriting.errors import InputError
    from inwriting.project.model import ReminderSent
    from inwriting.render.pipeline import render_document

    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    project = loaded.project

    def add_final(invoice):  # type: ignore[no-untyped-def]
        if invoice.number != "2026-044":
            return invoice
        sent = [*invoice.reminders, ReminderSent(on=dt.date(2026, 11, 20), tone="final")]
        return invoice.model_copy(update={"reminders": sent})

    invoices = [add_final(invoice) for invoice in project.invoices]
    with_final = dataclasses.replace(
        loaded, project=project.model_copy(update={"invoices": invoices})
    )
    # Final notice of Friday 20 Nov (US): 7 business days, Thanksgiving 26 Nov skipped: 2 Dec.
    with pytest.raises(InputError, match="may be sent from 2026-12-03"):
        render_document(with_final, "termination", formats=["md"], as_of=dt.date(2026, 11, 22))
    out = render_document(with_final, "termination", formats=["md"], as_of=dt.date(2026, 12, 3))
    assert b"material breach" in out["md"]
