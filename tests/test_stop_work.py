"""A stop-work notice restarts the work on the principal: the invoice amount still open, not the
total with interest and fees (which can be settled apart), in every language."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SAMPLES
from inwriting.documents.state import project_state
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_markdown

AS_OF = dt.date(2026, 11, 22)
RESUMES = {
    "en": "Work resumes within one business day once the invoiced amount of {}",
    "sv": "Arbetet återupptas omgående när det obetalda fakturabeloppet på {}",
    "da": "Så snart vi har modtaget det ubetalte fakturabeløb på {}",
    "fi": "kun laskun avoin pääoma {} on maksettu",
    "ru": "после оплаты основного долга — {}",
}


@pytest.mark.parametrize("language", sorted(RESUMES))
def test_work_resumes_on_the_principal_not_the_total(language: str) -> None:
    loaded = load_project(SAMPLES / "tallbacken-bageri.yaml")
    _, text = render_markdown(
        loaded, "reminder-stop-work", as_of=AS_OF, language=language, params={"invoice": "2026-052"}
    )
    text = text.replace("\\", "").replace("\u00a0", " ").replace("\u202f", " ")
    state = project_state(loaded.project, AS_OF)
    overdue = state.owed_overdue
    assert overdue.total > overdue.principal  # interest has run: the two differ
    principal_shown = [
        line for line in text.splitlines() if RESUMES[language].split("{}")[0] in line
    ]
    assert principal_shown, text
    line = principal_shown[0]
    digits = "".join(ch for ch in line.split(RESUMES[language].split("{}")[0])[1] if ch.isdigit())
    assert digits.startswith(f"{overdue.principal:.2f}".replace(".", "")), line
    total_digits = f"{overdue.total:.2f}".replace(".", "")
    assert total_digits not in "".join(ch for ch in line if ch.isdigit())
