"""No risky claims: the hand-off never holds the client's accounts for payment, and a rejected
change request gets a letter that declines it while the signed scope stands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text, sample_paths
from inwriting.cli import cli
from inwriting.documents.parting import outstanding, rights_wait_for_payment
from inwriting.project.model import Payment
from inwriting.project.project_file import LoadedProject, load_project
from inwriting.render.pipeline import render_document

AS_OF = dt.date(2026, 11, 22)
LANGUAGES = ("en", "sv", "da", "fi", "ru")
SWEDISH = SAMPLES / "tallbacken-bageri.yaml"

# Each language's words for "once / after the balance is paid" next to accounts: the claim that
# withholds what the client owns (selvtægt, omavaltaisuus, самоуправство).
HELD_FOR_PAYMENT = {
    "en": r"(handed|given) back once|accounts?[^.]{0,80}(once|until|when)[^.]{0,40}paid",
    "sv": r"när det återstående beloppet har betalats|när alla förfallna betalningar",
    "da": r"når det udestående beløb er betalt|når alle betalinger er på plads",
    "fi": r"kun avoin summa on maksettu",
    "ru": r"после погашения задолженности",
}
WHATEVER_THE_BALANCE = {
    "en": "handed over to you whatever the open balance",
    "sv": "lämnas över till er oavsett betalningsläget",
    "da": "overdrages til jer uanset mellemværendet",
    "fi": "maksutilanteesta riippumatta",
    "ru": "передаются Вам независимо от состояния расчетов",
}
RIGHTS_WAIT = {
    "en": "the rights in the work pass to you once it is paid in full",
    "sv": "övergår rättigheterna till arbetsresultatet till er när det är betalt i sin helhet",
    "da": "overgår rettighederne til arbejdet til jer, når det er betalt fuldt ud",
    "fi": "oikeudet kuhunkin tuotokseen siirtyvät teille, kun kyseinen tuotos on maksettu kokonaan",
    "ru": "исключительные права на результаты работ переходят к Вам после их полной оплаты",
}
RECEIPT = {
    "en": ("Receipt", "Received by", "Signature"),
    "sv": ("Kvittens", "Mottaget av", "Underskrift"),
    "da": ("Kvittering for modtagelse", "Modtaget af", "Underskrift"),
    "fi": ("Vastaanottokuittaus", "Vastaanottaja", "Allekirjoitus"),
    "ru": ("Подтверждение получения", "Принял", "Подпись"),
}
DECLINED = {
    "en": ("Re: Change request ÄB-2 declined", "stands unchanged", '"Changes"', "new change request"),
    "sv": ("Ändringsbegäran ÄB-2 avböjd", "gäller därmed oförändrat", "”Ändringar”", "ny ändringsbeställning"),
    "da": ("Ændringsønske ÄB-2 afvist", "gælder derfor uændret", "»Ændringer«", "ny ændringsaftale"),
    "fi": ("Muutospyyntö ÄB-2 hylätty", "voimassa ennallaan", "”Muutokset”", "uuden muutostilauksen"),
    "ru": ("Запрос на изменение № ÄB-2 отклонен", "действуют без изменений", "«Изменения»", "нового дополнительного соглашения"),
}  # fmt: skip
CASES = [(path, language) for path in sample_paths() for language in LANGUAGES]


def _with_rights_clause(loaded: LoadedProject) -> LoadedProject:
    """The project with `terms.rights_pass: on_full_payment`, the agreed rights clause. Set on a
    copy, so that it works whether or not the model has the field yet."""
    terms = loaded.project.terms.model_copy(update={"rights_pass": "on_full_payment"})
    return dataclasses.replace(loaded, project=loaded.project.model_copy(update={"terms": terms}))


def _texts(loaded: LoadedProject, kind: str, language: str, **params: str) -> list[str]:
    out = render_document(
        loaded, kind, formats=["pdf", "docx"], as_of=AS_OF, language=language, params=params
    )
    return [normalise(pdf_text(out["pdf"])), normalise(docx_text(out["docx"]))]


@pytest.mark.parametrize(("path", "language"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_the_handoff_never_holds_the_clients_accounts_for_payment(
    path: Path, language: str
) -> None:
    loaded = load_project(path)
    assert outstanding(loaded.project, AS_OF), "the samples owe money on this date"
    for text in _texts(loaded, "handoff", language):
        assert not re.search(HELD_FOR_PAYMENT[language], text), text
        if any(account.owner == "client" for account in loaded.project.accounts):
            assert normalise(WHATEVER_THE_BALANCE[language]) in text
        # Only a signed rights clause (rights pass on full payment) lets the rights wait.
        waits = normalise(RIGHTS_WAIT[language]) in text
        assert waits == rights_wait_for_payment(loaded.project), (path.stem, waits)
        # The receipt comes last, for the client to sign (party headings print in capitals).
        receipt = text.lower()[text.lower().index(f"6. {RECEIPT[language][0].lower()}") :]
        for words in RECEIPT[language]:
            assert words.lower() in receipt, words
        assert normalise(loaded.project.client.name).lower() in receipt


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handoff_names_what_waits_only_under_a_rights_clause(language: str) -> None:
    loaded = _with_rights_clause(load_project(SWEDISH))
    for text in _texts(loaded, "handoff", language):
        assert normalise(RIGHTS_WAIT[language]) in text
        assert normalise(WHATEVER_THE_BALANCE[language]) in text  # the accounts still go over
        assert not re.search(HELD_FOR_PAYMENT[language], text)


def test_with_everything_paid_nothing_waits_even_under_a_rights_clause() -> None:
    loaded = _with_rights_clause(load_project(SWEDISH))
    invoices = [
        invoice.model_copy(update={"payments": [Payment(on=invoice.issued, amount=invoice.amount)]})
        for invoice in loaded.project.invoices
    ]
    project = loaded.project.model_copy(update={"invoices": invoices})
    paid = dataclasses.replace(loaded, project=project)
    text = _texts(paid, "handoff", "sv")[0]
    assert "Samtliga fakturor är betalda" in text and normalise(RIGHTS_WAIT["sv"]) not in text


def test_the_handoff_shows_live_or_test_status_files_and_licences() -> None:
    loaded = load_project(SAMPLES / "jerry-webshop.yaml")
    for text in _texts(loaded, "handoff", "en"):
        assert "Test version, not live" in text
        assert "Files handed over:" in text and "shop-source-2026-11-20.zip" in text
        assert "Licenses and services you buy or keep paying for yourselves:" in text
        assert "Payment provider: transaction fees" in text
    # An empty list says so: nothing to buy. No list at all: no claim either way.
    finnish = load_project(SAMPLES / "revontuli-kaannos.yaml")
    assert finnish.project.licences == []
    assert "Tuotosten käyttö ei edellytä" in _texts(finnish, "handoff", "fi")[0]
    unknown = dataclasses.replace(
        finnish, project=finnish.project.model_copy(update={"licences": None})
    )
    assert "lisens" not in _texts(unknown, "handoff", "fi")[0].lower()


@pytest.mark.parametrize("language", LANGUAGES)
def test_change_order_on_a_rejected_request_writes_the_declined_letter(
    tmp_path: Path, language: str
) -> None:
    args = ["change-order", str(SWEDISH), "ÄB-2", "--out", str(tmp_path), "--as-of", "2026-11-22"]
    if language != "sv":
        args += ["--lang", language]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    suffix = "" if language == "sv" else f"-{language}"
    stem = tmp_path / f"TBK-2026-01-change-declined-AB-2{suffix}"
    assert sorted(tmp_path.iterdir()) == [stem.with_suffix(".docx"), stem.with_suffix(".pdf")]
    request = next(c for c in load_project(SWEDISH).project.changes if c.id == "ÄB-2")
    for raw in (pdf_text(stem.with_suffix(".pdf").read_bytes()), docx_text(stem.with_suffix(".docx").read_bytes())):  # fmt: skip
        text = normalise(raw)
        for words in DECLINED[language]:
            assert normalise(words) in text, words
        assert normalise(request.summary) in text.replace("\n", " ")
        assert "Henrik" in text and "10" in text and "12" in text  # who asked, when, decided


def test_the_declined_letter_is_refused_for_a_request_that_is_not_rejected() -> None:
    from inwriting.errors import InputError

    loaded = load_project(SWEDISH)
    with pytest.raises(InputError, match="not rejected"):
        render_document(loaded, "change-declined", formats=["md"], as_of=AS_OF, params={"change": "ÄB-1"})  # fmt: skip
