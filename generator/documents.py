"""The registry of document kinds: each one's template, context and file name; and rendering."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .docmodel import Document
from .errors import InputError
from .filenames import safe_stem
from .locales import document_locale
from .markup import parse_document
from .model import LANGUAGES, Project, Tone
from .project_file import LoadedProject
from .scope import deposit_amount, fingerprint, scope_lines, scope_total, short_fingerprint
from .templating import render_template
from .writers import FORMATS, WriterOptions, writer_for

if TYPE_CHECKING:
    from .writers.helper import WriterHelper

Context = dict[str, Any]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: `templates/<lang>/<name>.md.j2`, filled from `context`."""

    name: str
    context: Callable[..., Context]  # (project, as_of, **params) -> variables
    description: str

    def template_name(self, language: str) -> str:
        return f"{language}/{self.name}.md.j2"


def common_context(project: Project, as_of: dt.date) -> Context:
    """What every document knows: the parties, the project, formatting locale, the date."""
    return {
        "locale": document_locale(project.language, project.jurisdiction),
        "language": project.language,
        "currency": project.currency,
        "jurisdiction": project.jurisdiction,
        "as_of": as_of,
        "provider": project.provider,
        "client": project.client,
        "project": project.project,
        "terms": project.terms,
        "signoff": project.signoff,
    }


def scope_context(project: Project, as_of: dt.date, *, current: bool = False) -> Context:
    included: list[Any] = []
    if current:
        # The consolidated version: the signed scope with every approved change applied.
        from .changes import current_scope, end_before

        items, included = current_scope(project)
        info = project.project.model_copy(update={"end": end_before(project, included)})
        project = project.model_copy(update={"scope": items, "project": info})
    lines = scope_lines(project)
    total = scope_total(lines)
    deposit = deposit_amount(project, total)
    digest = fingerprint(project)
    late_interest = project.terms.late_interest
    return {
        **common_context(project, as_of),
        "lines": lines,
        "total": total,
        "deposit": deposit,
        "balance": total - deposit,
        "exclusions": project.exclusions,
        "fingerprint": digest,
        "short_fingerprint": short_fingerprint(digest),
        # A contract rate of 0 % reads as "no interest", never as "0 % a year".
        "interest": (
            late_interest
            if isinstance(late_interest, str)
            else ("rate" if late_interest > 0 else "none")
        ),
        "interest_rate": late_interest if isinstance(late_interest, Decimal) else None,
        "has_hours": any(line.hours is not None for line in lines),
        "included_changes": [change.id for change in included],
    }


def _reminder(tone: Tone) -> Callable[..., Context]:
    def context(project: Project, as_of: dt.date, *, invoice: str) -> Context:
        from .reminders import reminder_context  # Babel and the ledger only when needed

        return {
            **common_context(project, as_of),
            **reminder_context(project, as_of, tone=tone, invoice=invoice),
        }

    return context


def waiting_context(project: Project, as_of: dt.date) -> Context:
    from .waiting import waiting_context as context

    return {**common_context(project, as_of), **context(project, as_of)}


def termination_context(project: Project, as_of: dt.date, *, with_record: bool = False) -> Context:
    from .parting import termination_context as context

    return {**common_context(project, as_of), **context(project, as_of, with_record=with_record)}


def handoff_context(project: Project, as_of: dt.date) -> Context:
    from .parting import handoff_context as context

    return {
        **common_context(project, as_of),
        **context(project, as_of),
        "achievements": project.achievements,
        "deliverables": project.deliverables,
    }


def review_context(project: Project, as_of: dt.date) -> Context:
    from .review import review_project

    return {**common_context(project, as_of), "review": review_project(project, as_of)}


def change_order_context(project: Project, as_of: dt.date, *, change: str) -> Context:
    from .changes import change_order_context as context
    from .scope import fingerprint, short_fingerprint

    return {
        **common_context(project, as_of),
        **context(project, as_of, change=change),
        "short_fingerprint": short_fingerprint(fingerprint(project)),
    }


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("scope", scope_context, "the scope checklist the client signs"),
        DocumentKind("reminder-friendly", _reminder("friendly"), "a polite first payment reminder"),
        DocumentKind(
            "reminder-firm", _reminder("firm"), "a firm reminder asking for a payment date"
        ),
        DocumentKind("reminder-stop-work", _reminder("stop_work"), "work is paused until payment"),
        DocumentKind(
            "reminder-final", _reminder("final"), "the final notice before ending the agreement"
        ),
        DocumentKind("waiting", waiting_context, "we are waiting for your answer; delivery moves"),
        DocumentKind(
            "termination", termination_context, "a professional notice ending the agreement"
        ),
        DocumentKind(
            "handoff", handoff_context, "what was achieved, where it is, every account handed back"
        ),
        DocumentKind(
            "review", review_context, "is this client worth keeping? (for you, not the client)"
        ),
        DocumentKind(
            "change-order", change_order_context, "a change to the signed scope, for both to sign"
        ),
    )
}


def reminder_kind(tone: str) -> str:
    return "reminder-" + tone.replace("_", "-")


def document_kind(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InputError(f"unknown document {name!r}; known: {', '.join(KINDS)}") from None


def output_name(
    project: Project, kind: str, format_name: str, params: Mapping[str, Any] | None = None
) -> str:
    """`<project.id>-<kind>.<ext>`, with the id made safe for every file system; a reminder
    also names its invoice: `<project.id>-reminder-<invoice>-<tone>.<ext>`."""
    stem = safe_stem(project.project.id)
    change = (params or {}).get("change")
    if change is not None and kind == "change-order":
        return f"{stem}-change-order-{safe_stem(str(change), 'change')}.{format_name}"
    if kind == "scope" and (params or {}).get("current"):
        return f"{stem}-scope-current.{format_name}"
    invoice = (params or {}).get("invoice")
    if invoice is not None and kind.startswith("reminder-"):
        tone = kind.removeprefix("reminder-")
        return f"{stem}-reminder-{safe_stem(str(invoice), 'invoice')}-{tone}.{format_name}"
    return f"{stem}-{kind}.{format_name}"


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
    project = _with_language(loaded.project, language)
    kind = document_kind(kind_name)
    template_name = kind.template_name(project.language)
    user_dir = templates_dir or loaded.templates_dir
    variables = kind.context(project, as_of, **(params or {}))
    markdown = render_template(template_name, variables, user_dir=user_dir)
    return template_name, markdown


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
    template_name, markdown = render_markdown(
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
    return dataclasses.replace(document, meta=meta)


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
    document = build_document(
        loaded,
        kind_name,
        as_of=as_of,
        language=language,
        templates_dir=templates_dir,
        params=params,
    )
    options = WriterOptions(paper=paper or loaded.paper, as_of=as_of)
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
        rendered["eml"] = _email(
            loaded.project,
            document,
            as_of,
            rendered["pdf"],
            output_name(loaded.project, kind_name, "pdf", params),
        )
    return {name: rendered[name] for name in wanted}


def _email(
    project: Project, document: Document, as_of: dt.date, pdf: bytes, pdf_name: str
) -> bytes:
    from .writers.email import Mailbox, write_email

    provider, client = project.provider, project.client
    return write_email(
        document,
        sender=Mailbox(provider.contact or provider.name, provider.email),
        recipient=Mailbox(client.contact or client.name, client.email),
        as_of=as_of,
        attachment_name=pdf_name,
        pdf=pdf,
    )


def _with_language(project: Project, language: str | None) -> Project:
    if language is None or language == project.language:
        return project
    if language not in LANGUAGES:
        raise InputError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    return project.model_copy(update={"language": language})
