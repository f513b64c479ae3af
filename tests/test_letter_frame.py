"""The letter frame in every language: letterhead, date line, inside address, subject, greeting, closing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.law.ledger import invoice_states
from inwriting.project.project_file import LoadedProject, load_project
from inwriting.render import letterforms
from inwriting.render.pipeline import render_document
from timeline import sample_day

SAMPLE = {
    "en": "jerry-webshop",
    "sv": "tallbacken-bageri",
    "da": "havbrise-social",
    "fi": "revontuli-kaannos",
    "ru": "severnyi-veter",
}
# What the frame prints for each sample: the date line (a pattern for the letter's own day,
# with the sample's town), the subject's label, the closing.
DATE_LINE = {
    "en": ("MMMM d, y", "en_US", "{}"),
    "sv": ("d MMMM y", "sv", "Umeå den {}"),
    "da": ("d. MMMM y", "da", "Aarhus, {}"),
    "fi": ("d.M.y", "fi", "{}"),
    "ru": ("dd.MM.y", "ru", "от {}"),
}


def dated(language: str, day: dt.date) -> str:
    pattern, locale, line = DATE_LINE[language]
    return line.format(format_date(day, pattern, locale=locale))


SUBJECT = {"en": "Re: ", "sv": "Ärende: ", "da": "Vedr.: ", "fi": "ASIA: ", "ru": "О погашении"}
CLOSING = {
    "en": "Sincerely,",
    "sv": "Med vänliga hälsningar",
    "da": "Med venlig hilsen",
    "fi": "Ystävällisin terveisin",
    "ru": "С уважением,",
}
# The greeting by default, from `given_name: Sam` and from `salutation`, in the firm reminder
# and in the termination letter (formal where the language has a formal form).
GREETINGS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "default": ("Dear Jerry,", "Dear Jerry,"),
        "given": ("Dear Sam,", "Dear Sam,"),
        "salutation": ("Dear Mr. Malone,", "Dear Mr. Malone:"),
    },
    "sv": {
        "default": ("Hej Henrik,", "Hej Henrik,"),
        "given": ("Hej Sam,", "Hej Sam,"),
        "salutation": ("Hej herr Sjöholm,", "Hej herr Sjöholm,"),
    },
    "da": {
        "default": ("Kære Søren,", "Kære Søren,"),
        "given": ("Kære Sam,", "Kære Sam,"),
        "salutation": ("Kære hr. Ægidius,", "Kære hr. Ægidius,"),
    },
    "fi": {
        # One form in every Finnish letter (round-3 review): full name, never the given name.
        "default": ("Hyvä Petri Hakala,", "Hyvä Petri Hakala,"),
        "given": ("Hyvä Petri Hakala,", "Hyvä Petri Hakala,"),
        "salutation": ("Hyvä Petri-setä,", "Hyvä Petri-setä,"),
    },
    "ru": {
        "default": ("Уважаемый Виктор Павлович!", "Уважаемый Виктор Павлович!"),
        "given": ("Уважаемый Виктор Павлович!", "Уважаемый Виктор Павлович!"),
        "salutation": ("Уважаемая Анна Сергеевна!", "Уважаемая Анна Сергеевна!"),
    },
}
# The samples' own greetings where they give both a given name and a salutation: a US office
# writes "Dear Jerry," in a reminder and "Dear Mr. Malone:" in a termination.
SAMPLE_GREETINGS = {"en": ("Dear Jerry,", "Dear Mr. Malone:")}
SALUTATION = {
    "en": "Mr. Malone",
    "sv": "herr Sjöholm",
    "da": "hr. Ægidius",
    "fi": "Petri-setä",
    "ru": "Анна Сергеевна",
}
LANGUAGES = list(SAMPLE)


def _with_client(loaded: LoadedProject, **fields: Any) -> LoadedProject:
    client = loaded.project.client.model_copy(update=fields)
    return dataclasses.replace(loaded, project=loaded.project.model_copy(update={"client": client}))


def _letters(loaded: LoadedProject, *, termination: bool = True) -> dict[str, dict[str, bytes]]:
    # Each letter on the day the sample's timeline sends it (tests/timeline.py).
    firm = sample_day(loaded.path, "reminder-firm")
    overdue = [s for s in invoice_states(loaded.project, firm) if s.is_overdue]
    reminder = render_document(
        loaded,
        "reminder-firm",
        formats=["pdf", "docx"],
        as_of=firm,
        params={"invoice": overdue[0].invoice.number},
    )
    if not termination:
        return {"reminder": reminder}
    ends = sample_day(loaded.path, "termination")
    ending = render_document(loaded, "termination", formats=["pdf", "docx"], as_of=ends)
    return {"reminder": reminder, "termination": ending}


def _load(language: str) -> LoadedProject:
    return load_project(Path(SAMPLES) / f"{SAMPLE[language]}.yaml")


@pytest.fixture(scope="module")
def default_letters() -> dict[str, dict[str, dict[str, bytes]]]:
    return {language: _letters(_load(language)) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("letter", ["reminder", "termination"])
@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_frame_order(
    default_letters: dict[str, dict[str, dict[str, bytes]]],
    language: str,
    letter: str,
    format_name: str,
) -> None:
    """Letterhead, then the date line, then the inside address, then the subject, greeting, body
    and closing with the signatory's position."""
    project = _load(language).project
    data = default_letters[language][letter][format_name]
    text = normalise(pdf_text(data) if format_name == "pdf" else docx_text(data))
    provider, client = project.provider, project.client
    letterhead = text.index(normalise(provider.name))
    phone = text.index(normalise(provider.phone or ""))
    kind = "reminder-firm" if letter == "reminder" else letter
    date_line = text.index(dated(language, sample_day(SAMPLE[language], kind)))
    address = text.index(normalise(client.name))
    subject = text.index(
        SUBJECT[language] if letter == "reminder" or language != "ru" else "Уведомление об"
    )
    greetings = SAMPLE_GREETINGS.get(language, GREETINGS[language]["default"])
    greeting = text.index(greetings[letter == "termination"])
    closing = text.index(CLOSING[language])
    assert letterhead < phone < date_line < subject < greeting < closing
    if language != "ru":  # the Russian addressee sits beside the letterhead (test below)
        assert date_line < address < subject
    assert normalise(provider.position or "") in text[closing:]
    # The inside address has no e-mail address; the letterhead has the sender's.
    assert client.email is None or normalise(client.email) not in text
    assert provider.email and normalise(provider.email) in text[:date_line]
    # No poster title: the kind's title is printed only in the subject line and the footer.
    assert "Dear Jerry Malone" not in text and "Hej Henrik Sjöholm" not in text


@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_us_letterhead_has_no_ein(
    default_letters: dict[str, dict[str, dict[str, bytes]]], format_name: str
) -> None:
    data = default_letters["en"]["termination"][format_name]
    text = pdf_text(data) if format_name == "pdf" else docx_text(data)
    assert "EIN" not in text and "12-3456789" not in text
    assert "Re: Termination for material breach, “Custom ordering system” (JGS-2026-01)" in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("variant", ["default", "given", "salutation"])
def test_greeting(language: str, variant: str) -> None:
    """The default greeting, one from `given_name`, and one from `salutation`, in both letters."""
    loaded = _with_client(_load(language), given_name=None, salutation=None)
    if variant == "given":
        loaded = _with_client(loaded, given_name="Sam")
    elif variant == "salutation":
        loaded = _with_client(loaded, salutation=SALUTATION[language])
    letters = _letters(loaded)
    for index, letter in enumerate(("reminder", "termination")):
        expected = GREETINGS[language][variant][index]
        for format_name, extract in (("pdf", pdf_text), ("docx", docx_text)):
            text = normalise(extract(letters[letter][format_name]))
            assert expected in text, (letter, format_name)
            if language == "en" and variant == "salutation":  # the title in the address too
                assert "Mr. Jerry Malone Owner Jerry's Garden Supply Inc." in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_greeting_without_a_contact(language: str) -> None:
    loaded = _with_client(_load(language), contact=None, given_name=None, salutation=None)
    text = normalise(pdf_text(_letters(loaded)["reminder"]["pdf"]))
    expected = {
        "en": "Dear Sir or Madam,",
        "sv": "Hej,",
        "da": "Goddag,",
        "fi": "Hyvä asiakkaamme,",
        "ru": "Добрый день!",
    }
    assert expected[language] in text


def test_a_us_client_with_both_names_is_greeted_by_the_letter_s_register() -> None:
    """Given name in everyday letters, the salutation with a colon in formal ones (US)."""
    loaded = _with_client(_load("en"), given_name="Jerry", salutation="Mr. Malone")
    letters = _letters(loaded)
    reminder = normalise(pdf_text(letters["reminder"]["pdf"]))
    termination = normalise(pdf_text(letters["termination"]["pdf"]))
    assert "Dear Jerry," in reminder and "Dear Mr. Malone" not in reminder
    assert "Dear Mr. Malone:" in termination and "Dear Jerry" not in termination
    # Outside the US the salutation stays in every letter, as the field says. (Only the
    # reminder: in England the letter before claim's longer deadline runs on the sample's day.)
    elsewhere = _letters(
        dataclasses.replace(
            loaded, project=loaded.project.model_copy(update={"jurisdiction": "GB"})
        ),
        termination=False,
    )
    assert "Dear Mr. Malone," in normalise(pdf_text(elsewhere["reminder"]["pdf"]))


def test_russian_greeting_needs_a_patronymic() -> None:
    """«Уважаемый(-ая) …» is never guessed: a contact without a patronymic gets «Добрый день!»."""
    loaded = _with_client(_load("ru"), contact="Виктор Громов")
    text = normalise(pdf_text(_letters(loaded)["termination"]["pdf"]))
    assert "Добрый день!" in text and "Уважаем" not in text
    # Neither position nor name can be declined with certainty here: the organisation leads
    # the addressee block in the nominative, the name as written.
    assert "Генеральному" not in text and "ООО «Северный ветер» Виктор Громов" in text


def _words_at(data: bytes) -> list[tuple[str, float]]:
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[0]
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), float(cm[4]) + float(tm[4])))

    page.extract_text(visitor_text=visit)
    return found


def test_russian_layout(default_letters: dict[str, dict[str, dict[str, bytes]]]) -> None:
    """The addressee in the dative at the top right, the outgoing number under the letterhead
    at the left, and the signature line with the signatory's position."""
    from pypdf import PdfReader

    data = default_letters["ru"]["termination"]["pdf"]
    width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    words = _words_at(data)

    def x_of(start: str) -> float:
        return next(x for text, x in words if text.startswith(start))

    assert x_of("Генеральному директору") > width / 2
    assert x_of("Громову В.") > width / 2
    assert x_of("Исх.") < width / 3
    assert x_of("ИП Ковалев") < width / 3
    text = normalise(pdf_text(data))
    ends = sample_day(SAMPLE["ru"], "termination")
    number = letterforms.outgoing_number("SV-2026-04", "termination", ends)
    assert f"Исх. № {number} от {ends:%d.%m.%Y}" in text
    assert "Индивидуальный предприниматель ____________ Д. А. Ковалев" in text
    word = normalise(docx_text(default_letters["ru"]["termination"]["docx"]))
    assert "Генеральному директору ООО «Северный ветер» Громову В. П." in word


@pytest.mark.parametrize(
    ("position", "contact", "expected"),
    [
        ("Генеральный директор", "Громов Виктор Павлович", ["Генеральному директору", "Громову"]),
        ("Главный бухгалтер", "Анна Сергеевна Иванова", ["Главному бухгалтеру", "Ивановой"]),
        ("Руководитель отдела", "Петров Пётр Ильич", ["Руководителю отдела", "Петрову"]),
        ("Старший менеджер", "Белый Олег Ильич", ["Старшему менеджеру", "Белому"]),
        (None, "Громова Ольга Викторовна", ["ООО «Тест»", "Громовой О.\u00a0В."]),
    ],
)
def test_russian_dative(position: str | None, contact: str, expected: list[str]) -> None:
    party = _party(position=position, contact=contact)
    lines = letterforms.russian_addressee(party)
    for part in expected:
        assert any(part in line for line in lines), lines


@pytest.mark.parametrize(
    ("position", "contact"),
    [("Управляющий", "Громов Виктор Павлович"), ("Директор", "Шевченко Виктор Павлович")],
)
def test_russian_dative_only_when_certain(position: str, contact: str) -> None:
    """A position or surname whose dative is not certain is never guessed."""
    assert letterforms.russian_addressee(_party(position=position, contact=contact)) == [
        "ООО «Тест»",
        contact,
    ]


def _party(**fields: Any) -> Any:
    from inwriting.project.model import Party

    return Party.model_validate({"name": "ООО «Тест»", **fields})


def test_outgoing_number_is_stable() -> None:
    on = dt.date(2026, 11, 22)
    assert letterforms.outgoing_number("SV-2026-04", "reminder-stop_work", on) == (
        "SV-2026-04/03-1122"
    )
    assert letterforms.outgoing_number("SV-2026-04", "termination", on) == "SV-2026-04/07-1122"


@pytest.mark.parametrize(
    ("address", "town"),
    [
        ("Kungsgatan 48, 3 tr\n903 25 Umeå", "Umeå"),
        ("Havnegade 8, 2. sal\n8000 Aarhus C", "Aarhus"),
        ("Vesterbrogade 1\n1620 København V", "København"),
        ("120 Market Street\nPortland, OR 97204", ""),
        ("", ""),
    ],
)
def test_letter_town(address: str, town: str) -> None:
    assert letterforms.letter_town(address) == town


def test_british_letters_close_with_kind_regards() -> None:
    """Outside the US the English letter closes "Kind regards," and prints the business id."""
    from inwriting.render.pipeline import render_markdown

    loaded = _load("en")
    loaded = dataclasses.replace(
        loaded, project=loaded.project.model_copy(update={"jurisdiction": "GB"})
    )
    # The waiting notice of the Friday before the sample's termination is decided.
    _, markdown = render_markdown(loaded, "waiting", as_of=dt.date(2026, 11, 20))
    assert "Kind regards," in markdown and "Sincerely," not in markdown
    assert "20 November 2026" in markdown.replace("\u00a0", " ")
    assert "EIN 12\\-3456789" in markdown


def test_an_ejected_frame_changes_every_letter(tmp_path: Path) -> None:
    """The frame is one file per language: a user's copy of it (run in the sandbox) changes the
    closing of the reminders and the termination letter alike."""
    from inwriting.render.templating import builtin_templates_dir

    frame = (builtin_templates_dir() / "en" / "_letter.md.j2").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "_letter.md.j2").write_text(
        frame.replace("Sincerely,", "Yours truly,"), encoding="utf-8"
    )
    loaded = _load("en")
    firm = sample_day(loaded.path, "reminder-firm")
    overdue = [s for s in invoice_states(loaded.project, firm) if s.is_overdue]
    for kind, params in (
        ("reminder-firm", {"invoice": overdue[0].invoice.number}),
        ("termination", {}),
    ):
        on = sample_day(loaded.path, kind)
        out = render_document(
            loaded, kind, formats=["pdf"], as_of=on, templates_dir=tmp_path, params=params
        )
        text = pdf_text(out["pdf"])
        assert "Yours truly," in text and "Sincerely," not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_e_mail_starts_at_the_greeting(language: str) -> None:
    """An e-mail's From, To, Date and Subject are its letterhead: the body starts at the
    greeting, with neither the sender's address nor the client's above it."""
    import email

    from inwriting.render.pipeline import render_document

    loaded = _load(language)
    eml = render_document(loaded, "waiting", formats=["eml"], as_of=dt.date(2026, 11, 20))["eml"]
    message = email.message_from_bytes(eml)
    body = next(
        part.get_payload(decode=True).decode().replace("\r\n", "\n")
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )
    first = body.lstrip().splitlines()[0]
    project = loaded.project
    assert first.rstrip(",!:") and first.endswith((",", "!", ":")), first
    assert project.provider.name not in body.split("\n\n")[0]
    assert (project.client.address or "").splitlines()[0] not in body


@pytest.mark.parametrize(
    ("fields", "sole"),
    [
        ({"name": "ИП Ковалев Дмитрий Андреевич", "ids": {"ogrnip": "319784700012343"}}, True),
        ({"name": "Ковалев Дмитрий Андреевич", "ids": {"inn": "123456789047"}}, True),
        ({"name": "ООО «Тест»", "ids": {"inn": "1234567894", "kpp": "100101001"}}, False),
        ({"name": "ООО «Тест»"}, False),
        ({"name": "Анна Иванова"}, True),
    ],
)
def test_russian_sole(fields: dict[str, Any], sole: bool) -> None:
    """An ИП or a person is one person («я»); an organisation is «мы»: by the numbers, else the name."""
    from inwriting.project.model import Party

    assert letterforms.russian_sole(Party.model_validate(fields)) is sole


def test_russian_person_follows_the_provider() -> None:
    """The ИП of the sample writes in the singular; the same letters from an ООО say «мы»."""
    loaded = _load("ru")
    text = normalise(pdf_text(_letters(loaded)["termination"]["pdf"]))
    assert "Настоящим уведомляю Вас" in text and "уведомляем" not in text
    provider = loaded.project.provider.model_copy(
        update={"name": "ООО «Ковалев и партнеры»", "ids": None, "business_id": None}
    )
    company = dataclasses.replace(
        loaded, project=loaded.project.model_copy(update={"provider": provider})
    )
    text = normalise(pdf_text(_letters(company)["termination"]["pdf"]))
    assert "Настоящим уведомляем Вас" in text and "уведомляю" not in text
