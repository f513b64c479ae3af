"""Rendering one document: its kind's context, the template, the document model, each writer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents.kinds import document_kind, output_name
from ..errors import InputError, ProjectError
from ..project.model import LANGUAGES, Project
from ..project.project_file import LoadedProject
from .docmodel import Document, document_text
from .glyphs import (
    Coverage,
    describe,
    font_file_coverage,
    missing,
    refused_values,
    typeface_coverage,
)
from .markup import parse_document
from .templating import render_template
from .writers import FORMATS, Brand, WriterOptions, writer_for

if TYPE_CHECKING:
    from .writers.helper import WriterHelper


def render_markdown(
    loaded: LoadedProject,
    kind_name: str,
    *,
    as_of: dt.date,
    language: str | None = None,
    templates_dir: Path | None = None,
    params: Mapping[str, Any] | None = None,
) -> tuple[str, str]:
    """Fill the document's template: returns (template name, Markdown)."""
    template_name, markdown, _ = _fill(
        loaded,
        kind_name,
        as_of=as_of,
        language=language,
        templates_dir=templates_dir,
        params=params,
    )
    return template_name, markdown


def _fill(
    loaded: LoadedProject,
    kind_name: str,
    *,
    as_of: dt.date,
    language: str | None,
    templates_dir: Path | None,
    params: Mapping[str, Any] | None,
) -> tuple[str, str, dict[str, Any]]:
    """The template's name, its Markdown and the variables it was filled from."""
    project = _with_language(loaded.project, language)
    kind = document_kind(kind_name)
    template_name = kind.template_name(project.language)
    user_dir = templates_dir or loaded.templates_dir
    variables = kind.context(project, as_of, **(params or {}))
    markdown = render_template(template_name, variables, user_dir=user_dir)
    return template_name, markdown, variables


def build_document(
    loaded: LoadedProject,
    kind_name: str,
    *,
    as_of: dt.date,
    language: str | None = None,
    templates_dir: Path | None = None,
    params: Mapping[str, Any] | None = None,
) -> Document:
    """The typed document, ready for any writer."""
    return _build(
        loaded,
        kind_name,
        as_of=as_of,
        language=language,
        templates_dir=templates_dir,
        params=params,
    )[0]


def _build(
    loaded: LoadedProject,
    kind_name: str,
    *,
    as_of: dt.date,
    language: str | None,
    templates_dir: Path | None,
    params: Mapping[str, Any] | None,
) -> tuple[Document, dict[str, Any]]:
    template_name, markdown, variables = _fill(
        loaded,
        kind_name,
        as_of=as_of,
        language=language,
        templates_dir=templates_dir,
        params=params,
    )
    document = parse_document(markdown, source=template_name)
    # The language is the project's (or --lang), whatever the template says: it tells word
    # processors which spell checker to use and screen readers how to speak.
    meta = dataclasses.replace(document.meta, language=language or loaded.project.language)
    return dataclasses.replace(document, meta=meta), variables


def cover_note(
    loaded: LoadedProject,
    kind_name: str,
    document: Document,
    variables: Mapping[str, Any],
    *,
    attachment: str,
    templates_dir: Path | None = None,
) -> Document:
    """The short e-mail that carries a letter as its PDF: `<lang>/_email.md.j2`, filled from
    the letter's own variables, so its amount and dates are the letter's."""
    name = f"{document.meta.language}/_email.md.j2"
    markdown = render_template(
        name,
        {**variables, "kind": kind_name, "title": document.meta.title, "attachment": attachment},
        user_dir=templates_dir or loaded.templates_dir,
    )
    return parse_document(markdown, source=name)


def render_document(
    loaded: LoadedProject,
    kind_name: str,
    *,
    formats: Iterable[str] = ("pdf", "docx"),
    as_of: dt.date,
    language: str | None = None,
    paper: str | None = None,
    templates_dir: Path | None = None,
    params: Mapping[str, Any] | None = None,
    helpers: Mapping[str, WriterHelper | None] | None = None,
) -> dict[str, bytes]:
    """Render one document in each format; returns {format: bytes}, nothing written to disk.

    A format with a helper process in `helpers` (writers/helper.py) is written there meanwhile;
    None there, or no entry, means it is written here."""
    wanted = list(dict.fromkeys(formats))
    unknown = [name for name in wanted if name not in FORMATS]
    if unknown:
        raise InputError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    drawn = "pdf" in wanted or "eml" in wanted
    coverage = branded_coverage(loaded) if drawn else None
    if drawn and (coverage is None or coverage.shipped):
        check_drawable(loaded, coverage)
    document, variables = _build(
        loaded,
        kind_name,
        as_of=as_of,
        language=language,
        templates_dir=templates_dir,
        params=params,
    )
    brand = brand_of(loaded, language)
    if drawn and coverage is not None and not coverage.shipped:
        _check_font_file(loaded, coverage, document, brand)
    options = WriterOptions(paper=paper or loaded.paper, as_of=as_of, brand=brand)
    writing = [name for name in wanted if name != "eml"]
    if "eml" in wanted and "pdf" not in writing:
        writing.append("pdf")  # the e-mail's attachment
    pending = {
        name: helper.submit(document, options)
        for name, helper in (helpers or {}).items()
        if helper is not None and name in writing
    }
    rendered = {
        name: writer_for(name)(document, options) for name in writing if name not in pending
    }
    rendered.update((name, result()) for name, result in pending.items())
    if "eml" in wanted:
        pdf_name = output_name(loaded.project, kind_name, "pdf", params, language=language)
        cover = cover_note(
            loaded, kind_name, document, variables, attachment=pdf_name, templates_dir=templates_dir
        )
        rendered["eml"] = _email(loaded.project, document, cover, as_of, rendered["pdf"], pdf_name)
    return {name: rendered[name] for name in wanted}


def check_drawable(loaded: LoadedProject, coverage: Coverage | None = None) -> None:
    """Refuse, at its line, a text value with a character the PDF cannot draw; the PDF
    writer would otherwise say it without a line to look at."""
    # `templates` is a folder name, and branding's are file names and a colour: never drawn.
    data = loaded.project.model_dump(by_alias=True, exclude={"templates", "branding"})
    problems = [
        loaded.source.problem(path, reason)
        for path, reason in refused_values(data, coverage=coverage)
    ]
    if problems:
        raise ProjectError(problems)


def branded_coverage(loaded: LoadedProject) -> Coverage | None:
    """What the branded typeface draws; None for the default, DejaVu Sans."""
    branding = loaded.project.branding
    if branding is None:
        return None
    if branding.font_file is not None:
        path = loaded.folder_of(("branding", "font_file")) / branding.font_file
        try:
            return font_file_coverage(str(path), path.name)
        except ValueError as exc:
            problem = loaded.source.problem(("branding", "font_file"), str(exc))
            raise ProjectError([problem]) from None
    return typeface_coverage(branding.typeface)


def _check_font_file(
    loaded: LoadedProject, coverage: Coverage, document: Document, brand: Brand | None
) -> None:
    # A user's font is checked against the whole text drawn, the template's words too, and
    # the message names the font's field: the font is what lacks them, not the text.
    text = document_text(document) + (brand.legal if brand else "")
    absent = missing(text, coverage)
    if absent:
        shown = ", ".join(describe(char) for char in absent[:8])
        more = f" and {len(absent) - 8} more" if len(absent) > 8 else ""
        raise ProjectError(
            [
                loaded.source.problem(
                    ("branding", "font_file"),
                    f"{coverage.name} has no glyph for {shown}{more}, which this document "
                    "uses; choose a font that has them, or a shipped typeface",
                )
            ]
        )


def brand_of(loaded: LoadedProject, language: str | None = None) -> Brand | None:
    """The writers' branding from the project's `branding` section. Without one, None, unless
    the provider gives a fact the law wants on every letter (a UK company's registration and
    registered office, a registered office, Swedish F-skatt): then the legal footer alone."""
    from ..documents.legal_footer import legal_footer

    branding = loaded.project.branding
    if branding is None:
        provider = loaded.project.provider
        required = (
            (provider.ids is not None and provider.ids.company_number is not None)
            or bool(provider.registered_office)
            or provider.f_skatt
        )
        legal = legal_footer(_with_language(loaded.project, language)) if required else ""
        return Brand(legal=legal) if legal else None

    logo = None
    if branding.logo is not None:
        try:
            logo = (loaded.folder_of(("branding", "logo")) / branding.logo).read_bytes()
        except OSError as exc:
            problem = loaded.source.problem(("branding", "logo"), f"cannot read: {exc.strerror}")
            raise ProjectError([problem]) from None
    font_file = font_name = None
    if branding.font_file is not None:
        from .writers.fonts import family_name

        font_file = str((loaded.path.parent / branding.font_file).resolve())
        font_name = family_name(font_file)
    return Brand(
        logo=logo,
        accent=branding.accent,
        typeface=branding.typeface,
        font_file=font_file,
        font_name=font_name or branding.typeface,
        legal=legal_footer(_with_language(loaded.project, language)),
    )


def _email(
    project: Project,
    document: Document,
    cover: Document,
    as_of: dt.date,
    pdf: bytes,
    pdf_name: str,
) -> bytes:
    from ..documents.sent_at import sent_at
    from .writers.email import Mailbox, write_email

    provider, client = project.provider, project.client
    return write_email(
        document,
        cover=cover,
        sender=Mailbox(provider.contact or provider.name, provider.email),
        recipient=Mailbox(client.contact or client.name, client.email),
        sent=sent_at(project, as_of),
        attachment_name=pdf_name,
        pdf=pdf,
    )


def _with_language(project: Project, language: str | None) -> Project:
    if language is None or language == project.language:
        return project
    if language not in LANGUAGES:
        raise InputError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    return project.model_copy(update={"language": language})
