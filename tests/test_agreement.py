"""The scope checklist is the agreement: its clauses, and letters that claim only those."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.cli import cli
from inwriting.documents.agreement import agreed_terms
from inwriting.project.project_file import load_project
from inwriting.project.scope import fingerprint, short_fingerprint
from timeline import sample_day

NEW_TERMS = ("suspension", "kill_fee", "rights_pass", "liability_cap", "venue", "vat")
# Per sample (one per language): a phrase of each clause the sample sets.
MARKERS = {
    "jerry-webshop": {
        "suspension": "we may pause the work",
        "kill_fee": "cancellation fee",
        "rights_pass": "we assign to you all copyright and other rights in them",
        "liability_cap": "liability under this agreement is limited",
        "venue": "Multnomah County",
        "vat": "Oregon has no general sales tax",
        "notice_days": "by written notice of 14 days",
    },
    "tallbacken-bageri": {
        "suspension": "får vi avbryta arbetet",
        "rights_pass": "övergår till er när de är betalda",
        "liability_cap": "Ansvarsbegränsning",
        "venue": "Umeå tingsrätt",
        "vat": "exklusive moms",
        "notice_days": "uppsägningstid",
    },
    "havbrise-social": {
        "suspension": "standse arbejdet",
        "rights_pass": "overgår til jer ved levering",
        "venue": "Retten i Aarhus",
        "vat": "ekskl. moms",
        "notice_days": "opsige aftalen skriftligt",
    },
    "revontuli-kaannos": {
        "suspension": "voimme keskeyttää työn",
        "kill_fee": "peruutusmaksun",
        "rights_pass": "siirtyvät tilaajalle, kun kyseinen tuotos on maksettu",
        "liability_cap": "Vastuunrajoitus",
        "venue": "Lapin käräjäoikeus",
        "vat": "Emme ole arvonlisäverovelvollisia",
        "notice_days": "irtisanomisajalla",
    },
    "severnyi-veter": {
        "suspension": "приостановить выполнение работ",
        "rights_pass": "переходят к Заказчику после их полной оплаты",
        "liability_cap": "Ограничение ответственности",
        "venue": "Арбитражный суд",
        "vat": "НДС не облагается",
        "notice_days": "не менее чем за 30",
    },
}
# What a letter would say if it claimed the clause.
CLAIMS = {
    "notice_days": [
        "agreed notice",
        "days' notice under clause",
        "uppsägningstid",
        "dages varsel",
        "irtisanomisajalla",
        "уведомив Вас об этом за",
        "по истечении 30",
    ],
    "suspension": [
        "every deadline still ahead moves",
        "skjuts alla leveransdatum",
        "forlænges alle frister",
        "siirtyvät keskeytyksen keston verran",
        "продлеваются на период приостановки",
    ],
    "rights_pass": [
        "Rights in the deliverables",
        "Rättigheterna till",
        "Rettighederne til",
        "Oikeudet tuotoksiin",
        "Исключительные права на результаты работ переходят",
        "remains ours",
        "förblir vårt",
        "tilhører os",
        "pysyy omistuksessamme",
        "остаются за нами",
    ],
}


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def without(text: str, keys: tuple[str, ...]) -> str:
    """The project file with the given `terms` lines removed."""
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not any(re.match(rf"\s+{key}:", line) for key in keys)
    )


def resign(path: Path) -> None:
    """Record the current fingerprint, as `inwriting sign` does."""
    digest = short_fingerprint(fingerprint(load_project(path).project))
    text = re.sub(r"(\n  fingerprint: )\S+", rf"\g<1>{digest}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def scope_texts(path: Path, out: Path, sample: str) -> list[str]:
    on = sample_day(sample, "scope").isoformat()
    run("scope", str(path), "--format", "pdf,docx", "--out", str(out), "--as-of", on, "--force")
    return [
        normalise(pdf_text(next(out.glob("*-scope.pdf")).read_bytes())),
        normalise(docx_text(next(out.glob("*-scope.docx")).read_bytes())),
    ]


@pytest.mark.parametrize("sample", sorted(MARKERS))
def test_each_clause_prints_when_set_and_not_when_unset(sample: str, tmp_path: Path) -> None:
    source = (SAMPLES / f"{sample}.yaml").read_text(encoding="utf-8")
    full = tmp_path / "full.yaml"
    full.write_text(source, encoding="utf-8")
    bare = tmp_path / "bare.yaml"
    bare_text = without(source, (*NEW_TERMS, "notice_days"))
    # Without a notice period the termination needs its own date: after every sample's decision.
    bare.write_text(bare_text.replace("effective_on: null", "effective_on: 2027-01-25"), "utf-8")
    with_all = scope_texts(full, tmp_path / "full", sample)
    with_none = scope_texts(bare, tmp_path / "bare", sample)
    for key, phrase in MARKERS[sample].items():
        for text in with_all:
            assert normalise(phrase) in text, (key, phrase)
        for text in with_none:
            assert normalise(phrase) not in text, (key, phrase)


def letters(path: Path, out: Path) -> str:
    # Each letter on the day the sample's timeline sends it (tests/timeline.py).
    ends = sample_day(path, "termination").isoformat()
    run("terminate", str(path), "--format", "md", "--out", str(out), "--as-of", ends, "--force")
    for tone in ("stop_work", "final"):
        project = load_project(path).project
        for invoice in project.invoices:
            CliRunner().invoke(
                cli,
                [
                    "nudge",
                    str(path),
                    "--invoice",
                    invoice.number,
                    "--tone",
                    tone.replace("_", "-"),
                    "--format",
                    "md",
                    "--out",
                    str(out),
                    "--as-of",
                    sample_day(path, tone).isoformat(),
                    "--force",
                ],
            )
    return "\n".join(normalise(p.read_text(encoding="utf-8")) for p in out.glob("*.md"))


@pytest.mark.parametrize("sample", sorted(MARKERS))
@pytest.mark.parametrize("key", sorted(CLAIMS))
def test_no_letter_claims_a_clause_the_signed_checklist_lacks(
    sample: str, key: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{sample}.yaml"
    source = (SAMPLES / f"{sample}.yaml").read_text(encoding="utf-8")
    path.write_text(without(source, (key,)) if key != "notice_days" else source, encoding="utf-8")
    if key == "notice_days":
        # Keep the notice period in the file (the termination needs it) but sign a checklist
        # without it: the signed version is then the first one, which never printed it.
        stripped = tmp_path / "signed.yaml"
        stripped.write_text(without(source, NEW_TERMS), encoding="utf-8")
        path.write_text(source.replace("suspension: true", "suspension: false"), encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"\n  fingerprint: \S+", "\n  fingerprint: null", text), encoding="utf-8"
        )
    else:
        resign(path)
    assert not agreed_terms(load_project(path).project).has(
        {"notice_days": "notice", "suspension": "suspension", "rights_pass": "rights"}[key]
    )
    text = letters(path, tmp_path / "out")
    assert text
    for claim in CLAIMS[key]:
        assert normalise(claim) not in text, (sample, key, claim)


def test_old_signed_project_keeps_its_fingerprint_and_check_names_the_missing_clauses() -> None:
    path = SAMPLES / "havbrise-social.yaml"
    project = load_project(path).project
    agreed = agreed_terms(project)
    assert agreed.version == "legacy"
    assert agreed.has("payment") and not agreed.has("notice") and not agreed.has("suspension")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    output = normalise(result.output)
    assert "predates these clauses" in output
    for name in ("suspending work", "termination with notice", "venue for disputes"):
        assert name in output


def test_a_re_signed_sample_agrees_every_printed_clause() -> None:
    agreed = agreed_terms(load_project(SAMPLES / "tallbacken-bageri.yaml").project)
    assert agreed.version == "current"
    assert agreed.number("notice") == "10.1"
    assert agreed.number("suspension") == "6.7"
    # Signed with no fingerprint recorded: only the clauses every version printed.
    unrecorded = agreed_terms(load_project(SAMPLES / "jerry-webshop.yaml").project)
    assert unrecorded.version == "unrecorded" and not unrecorded.has("notice")


@pytest.mark.parametrize(
    ("sample", "signed", "printed"),
    [
        ("tallbacken-bageri", "undertecknad den 12 augusti 2026", "upprättad den"),
        ("revontuli-kaannos", "allekirjoitettu 13. elokuuta 2026", "päivätty"),
        ("severnyi-veter", "№ SV-2026-04 от 26 июня 2026 г.", "от 22 нояб"),
    ],
)
def test_a_reprint_of_the_signed_checklist_carries_the_signing_date(
    tmp_path: Path, sample: str, signed: str, printed: str
) -> None:
    """The checklist whose fingerprint the client signed is dated by that signature, not by the
    day it is printed again; one signed without a fingerprint stays "prepared on"."""
    from inwriting.render.pipeline import render_markdown

    loaded = load_project(SAMPLES / f"{sample}.yaml")
    _, text = render_markdown(loaded, "scope", as_of=dt.date(2026, 11, 22))
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\\", "")
    assert signed in text and printed not in text
    _, unrecorded = render_markdown(
        load_project(SAMPLES / "jerry-webshop.yaml"), "scope", as_of=dt.date(2026, 11, 22)
    )
    assert "prepared on November" in unrecorded.replace("\u00a0", " ")
    # Havbrise signed the first checklist, before its clauses were added: not this version.
    _, older = render_markdown(
        load_project(SAMPLES / "havbrise-social.yaml"), "scope", as_of=dt.date(2026, 11, 22)
    )
    assert "udarbejdet den" in older and "underskrevet den" not in older


@pytest.mark.parametrize(
    ("language", "monthly"),
    [
        ("en", "The fee for the work above is **10.000,00 kr. a month**"),
        ("sv", "Arvode för arbetet ovan: **10 000,00 Dkr per månad**"),
        ("da", "Honoraret på **10.000,00 kr. pr. måned**"),
        ("fi", "Edellä kuvatun työn hinta on **10 000,00 DKK kuukaudessa**"),
        ("ru", "Стоимость работ по разделу 2: **10 000,00 DKK в месяц**"),
    ],
)
def test_a_monthly_price_says_so_and_is_fingerprinted(language: str, monthly: str) -> None:
    """`fees_per: month` (a retainer) makes the price clause a monthly one, and the fingerprint
    covers it; a project without it keeps the fingerprint it always had."""
    from inwriting.render.pipeline import render_markdown

    loaded = load_project(SAMPLES / "havbrise-social.yaml")
    assert loaded.project.terms.fees_per == "month"
    _, text = render_markdown(loaded, "scope", as_of=dt.date(2026, 11, 22), language=language)
    assert monthly in text.replace("\u00a0", " ").replace("\u202f", " ").replace("\\", "")
    total = loaded.project.terms.model_copy(update={"fees_per": None})
    without = loaded.project.model_copy(update={"terms": total})
    assert fingerprint(without) != fingerprint(loaded.project)
    _, plain = render_markdown(
        dataclasses.replace(loaded, project=without), "scope", as_of=dt.date(2026, 11, 22)
    )
    assert "a month**" not in plain
