"""Rates past a table's known_until: refused (exit 2), supplied by the project or the user's
rates file, or accepted on purpose with --last-rate, which the letter then says."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.law.charges import charges_for
from inwriting.law.ledger import invoice_state
from inwriting.law.rate_sources import RateUnknown, accept_last_rate
from test_ledger import project
from timeline import sent_on

DANISH = SAMPLES / "havbrise-social.yaml"  # DK, statutory interest, invoices late since October
ON = sent_on("havbrise-social", "final")  # the day of the sample's inkassovarsel
AS_OF = ON.isoformat()
assert ON.month == 11  # the interest period below runs from October into November
MISSING = (
    f"the referencesats for 10 October–{ON.day} November 2026 is not in the tables (known until "
    "30 June 2026): add it under `reference_rates.dk_referencesats` in the project file, or in a "
    "rates file for every project ({path}), or pass --last-rate to use the last published rate "
    "(1.75 %)"
)
SENTENCES = {
    "en": "For the days after 30 June 2026 we have used the last published rate we know of "
    "(referencesats 1,75 %, from 1 January 2026).",
    "sv": "Efter den 30 juni 2026 har vi räknat med senast kända referencesats, 1,75 % (från "
    "den 1 januari 2026).",
    "da": "For tiden efter 30. juni 2026 har vi anvendt den senest offentliggjorte sats, vi "
    "kender til (referencesats 1,75 %, fra 1. januar 2026).",
    "fi": "30.6.2026 jälkeiseltä ajalta on käytetty 1.1.2026 alkaen voimassa ollutta korkoa "
    "(referencesats 1,75 %); tarkistamme laskelman, jos uusi korko poikkeaa siitä.",
    "ru": "За период после 30 июня 2026 г. применена последняя известная нам опубликованная "
    "ставка (referencesats 1,75 %, действует с 1 января 2026 г.).",
}


@pytest.fixture(autouse=True)
def _refuse_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's default: no --last-rate (conftest accepts it for the other tests)."""
    monkeypatch.delenv("INWRITING_LAST_RATE", raising=False)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return Path(shutil.copy(DANISH, tmp_path / DANISH.name))


def run(*args: str | Path) -> Result:
    return CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"}).invoke(cli, [str(a) for a in args])


def user_rates_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "inwriting" / "rates.yaml"


def message(path: Path | None = None) -> str:
    return MISSING.format(path=path or user_rates_file())


@pytest.mark.parametrize(
    "command",
    [
        ["nudge", "{p}", "--tone", "final", "--format", "md"],
        ["terminate", "{p}", "--format", "md"],
        ["handoff", "{p}", "--format", "md"],
        ["review", "{p}", "--format", "md"],
        ["status", "{p}"],
    ],
)
def test_a_rate_past_the_table_stops_with_exit_2(
    command: list[str], sample: Path, tmp_path: Path
) -> None:
    args = [part.format(p=sample) for part in command]
    out = tmp_path / "out"
    extra = [] if args[0] == "status" else ["--out", out]
    result = run(*args, "--as-of", AS_OF, *extra)
    assert result.exit_code == 2, result.output
    assert message() in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_due_render_reports_the_missing_rate(sample: Path, tmp_path: Path) -> None:
    result = run("due", sample, "--as-of", AS_OF, "--render", "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "is not in the tables (known until 30 June 2026)" in result.output
    assert "could not be read" in result.output  # the file is listed as an error: no letter


def test_before_the_table_ends_nothing_is_missing(sample: Path, tmp_path: Path) -> None:
    # Interest on an invoice due before 30 June, as of a day the table still covers.
    result = run("status", sample, "--as-of", "2026-06-30")
    assert result.exit_code == 0, result.output


def _extend(path: Path, block: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")


OVERRIDE = """
reference_rates:
  dk_referencesats:
    known_until: 2026-12-31
    periods:
      - {from: 2026-07-01, rate: 1.60}
"""


def test_the_project_file_supplies_the_rate(sample: Path, tmp_path: Path) -> None:
    _extend(sample, OVERRIDE)
    out = tmp_path / "out"
    result = run(
        "nudge", sample, "--tone", "final", "--as-of", AS_OF, "--out", out, "--format", "md"
    )
    assert result.exit_code == 0, result.output
    letter = " ".join(next(out.glob("*final.md")).read_text(encoding="utf-8").split())
    assert "1,6 % + 8 procentpoint" in letter  # the project file's rate, for H2 2026
    assert "senest offentliggjorte" not in letter  # nothing stood in for a rate


def test_the_users_rates_file_supplies_the_rate(sample: Path, tmp_path: Path) -> None:
    rates = user_rates_file()
    rates.parent.mkdir(parents=True, exist_ok=True)
    rates.write_text(OVERRIDE.split("reference_rates:\n")[1].replace("\n  ", "\n")[2:])
    assert rates.read_text().startswith("dk_referencesats:\n  known_until: 2026-12-31")
    out = tmp_path / "out"
    result = run(
        "nudge", sample, "--tone", "final", "--as-of", AS_OF, "--out", out, "--format", "md"
    )
    assert result.exit_code == 0, result.output
    letter = next(out.glob("*final.md")).read_text(encoding="utf-8")
    assert "1,6 % + 8 procentpoint" in " ".join(letter.split())
    shown = run("rates", "DK")
    assert shown.exit_code == 0, shown.output
    assert f"rates file for every project: {rates} (dk_referencesats)" in shown.output
    assert "known until: 2026-12-31" in shown.output
    assert "from 2026-07-01    1.60 %" in shown.output
    assert f"later periods from the rates file {rates}" in shown.output


def test_inwriting_rates_names_another_rates_file(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "shared-rates.yaml"
    elsewhere.write_text(
        "dk_referencesats:\n  known_until: 2026-12-31\n  periods:\n"
        "    - {from: 2026-07-01, rate: 1.60}\n"
    )
    monkeypatch.setenv("INWRITING_RATES", str(elsewhere))
    assert run("status", sample, "--as-of", AS_OF).exit_code == 0
    monkeypatch.setenv("INWRITING_RATES", str(tmp_path / "none.yaml"))
    refused = run("status", sample, "--as-of", AS_OF)
    assert refused.exit_code == 2
    assert message(tmp_path / "none.yaml") in refused.output


def test_a_wrong_rates_file_is_one_message_with_its_line(sample: Path) -> None:
    rates = user_rates_file()
    rates.parent.mkdir(parents=True, exist_ok=True)
    rates.write_text(
        "dk_referencesats:\n  known_until: 2026-12-31\n  periods:\n"
        "    - {from: 2026-07-01, rate: lots}\n"
        "xx_rate: {}\n"
    )
    result = run("status", sample, "--as-of", AS_OF)
    assert result.exit_code == 2, result.output
    assert f"{rates}:5:1: xx_rate: no such rate table" in result.output
    assert "Traceback" not in result.output
    rates.write_text(
        "dk_referencesats:\n  known_until: 2026-12-31\n  periods:\n"
        "    - {from: 2026-07-01, rate: lots}\n"
    )
    result = run("rates")
    assert result.exit_code == 2, result.output
    assert f"{rates}:4:32: dk_referencesats.periods[0].rate:" in result.output


@pytest.mark.parametrize("language", sorted(SENTENCES))
@pytest.mark.parametrize("where", ["before", "after"])
def test_last_rate_accepts_the_last_published_rate_and_the_letter_says_so(
    language: str, where: str, sample: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["nudge", sample, "--tone", "final", "--as-of", AS_OF, "--out", out]
    args += ["--format", "md", "--lang", language]
    result = run(*(["--last-rate", *args] if where == "before" else [*args, "--last-rate"]))
    assert result.exit_code == 0, result.output
    letter = next(out.glob("*final*.md")).read_text(encoding="utf-8")
    assert SENTENCES[language] in " ".join(letter.split())
    assert " ".join(letter.split()).count(SENTENCES[language]) == 1  # once, for both invoices


def test_last_rate_is_for_one_run_only(sample: Path, tmp_path: Path) -> None:
    assert run("--last-rate", "status", sample, "--as-of", AS_OF).exit_code == 0
    assert run("status", sample, "--as-of", AS_OF).exit_code == 2


def test_a_rate_fixed_for_the_whole_debt_needs_no_later_table() -> None:
    # GB: the rate of the half-year in which interest starts is fixed for the whole debt
    # (SI 2002/1675 art. 4): an invoice due 16 January 2026 needs the Bank Rate of 31 December
    # 2025 only, however late the letter; an EU one needs every day's rate.
    p = project(jurisdiction="GB")
    accept_last_rate(False)
    assert charges_for(p, invoice_state(p, 0, dt.date(2026, 11, 22))).last_rate is None
    eu = project(jurisdiction="EU")
    with pytest.raises(RateUnknown, match="ECB reference rate for 1 July–22 November 2026"):
        charges_for(eu, invoice_state(eu, 0, dt.date(2026, 11, 22)))
