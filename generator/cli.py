"""The `inwriting` command line: parse options, call one library function, print the result."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from .errors import InputError, Problem, ProjectError
from .startup import hold_back, settle

# Heavy modules (pydantic, Babel, reportlab, python-docx) are imported inside the commands,
# so that `inwriting --help` costs about what importing Click costs.

LANGUAGE_CHOICE = click.Choice(["en", "sv", "da", "fi", "ru"])
PAPER_CHOICE = click.Choice(["a4", "letter"])


class DateType(click.ParamType[dt.date]):
    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD", param, ctx)


class FormatList(click.ParamType[list[str]]):
    name = "FORMATS"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> list[str]:
        from .writers import FORMATS

        names = [part.strip().lower() for part in str(value).split(",") if part.strip()]
        unknown = [name for name in names if name not in FORMATS]
        if unknown or not names:
            self.fail(
                f"choose from {', '.join(FORMATS)} (comma-separated), not {value!r}", param, ctx
            )
        return names


EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
PROJECT_ARGUMENT = click.argument("project_path", metavar="PROJECT.yaml", type=EXISTING_FILE)
PDF_ARGUMENT = click.argument("pdf_path", metavar="FILE.pdf", type=EXISTING_FILE)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="inwriting", prog_name="inwriting")
@click.option(
    "--allow-secrets",
    is_flag=True,
    help="Accept values that look like passwords, keys or tokens (they are refused otherwise).",
)
@click.pass_context
def cli(context: click.Context, allow_secrets: bool) -> None:
    """Put it in writing: documents that protect freelancers from difficult clients.

    One YAML file per client project goes in; signed-scope checklists (and more to come) come
    out as PDF, DOCX and Markdown, in English, Swedish, Danish, Finnish and Russian.
    """
    context.obj = {"allow_secrets": allow_secrets}


def _render_options(command: Any) -> Any:
    options = [
        click.option(
            "--out",
            "out_dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=Path("out"),
            show_default=True,
            help="Folder for the documents.",
        ),
        click.option(
            "--format",
            "formats",
            type=FormatList(),
            default=None,
            help="Comma-separated: pdf, docx, md, eml (e-mail draft with the PDF attached). "
            "Default: pdf,docx; for nudge and waiting all four.",
        ),
        click.option(
            "--as-of",
            "as_of",
            type=DateType(),
            default=None,
            help="The date to treat as today (default: the real date).",
        ),
        click.option(
            "--lang",
            "language",
            type=LANGUAGE_CHOICE,
            default=None,
            help="Language of the document (default: the file's `language`).",
        ),
        click.option(
            "--paper",
            type=PAPER_CHOICE,
            default=None,
            help="Paper size (default: Letter for US and CA jurisdictions, else A4).",
        ),
        click.option(
            "--templates",
            "templates_dir",
            type=click.Path(file_okay=False, exists=True, path_type=Path),
            default=None,
            help="Folder of template overrides (beats `templates:` in the file).",
        ),
        click.option(
            "--force", is_flag=True, help="Replace documents that differ from the new ones."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@PROJECT_ARGUMENT
@click.option(
    "--current",
    is_flag=True,
    help="The consolidated version with every approved change request applied"
    " (written as <id>-scope-current).",
)
@_render_options
def scope(project_path: Path, current: bool, **options: Any) -> None:
    """Write the scope checklist the client signs before work starts."""
    _render("scope", project_path, params={"current": True} if current else None, **options)


def _render(
    kind: str,
    project_path: Path,
    *,
    out_dir: Path,
    formats: Sequence[str] | None,
    as_of: dt.date | None,
    language: str | None,
    paper: str | None,
    templates_dir: Path | None,
    force: bool,
    params: dict[str, Any] | None = None,
    loaded: Any = None,
) -> None:
    formats = formats or ("pdf", "docx")
    helpers = _writer_helpers(formats)  # first, so that they start loading while we do

    from .documents import output_name, render_document
    from .output import write_files
    from .project_file import load_project

    if loaded is None:
        loaded = load_project(project_path, allow_secrets=_allow_secrets())
        _print_warnings(loaded.warnings)
    rendered = render_document(
        loaded,
        kind,
        formats=formats,
        helpers=helpers,
        params=params,
        as_of=as_of or dt.date.today(),
        language=language,
        paper=paper,
        templates_dir=templates_dir,
    )
    files = {
        out_dir / output_name(loaded.project, kind, name, params): data
        for name, data in rendered.items()
    }
    for result in write_files(files, force=force):
        click.echo(f"{result.status:>9}  {result.path}")
    settle()


@cli.command()
@PROJECT_ARGUMENT
@click.option("--invoice", "invoice_number", default=None, help="Only this invoice (its number).")
@click.option(
    "--tone",
    type=click.Choice(["friendly", "firm", "stop_work", "final"]),
    default=None,
    help="Send this rung whatever the ladder says, e.g. to send one again by hand.",
)
@click.option("--record", is_flag=True, help="Add the reminders sent to the project file.")
@_render_options
def nudge(
    project_path: Path, invoice_number: str | None, tone: str | None, record: bool, **options: Any
) -> None:
    """Write the payment reminders that are due: friendly, firm, stop-work, final.

    For each unpaid invoice, prints why a reminder is or is not due, then writes it as PDF,
    DOCX, Markdown and an e-mail draft (.eml) with the PDF attached.
    """
    from .documents import reminder_kind
    from .reminders import plan_reminders

    loaded, as_of = _prepare(project_path, options, letter=True)
    plan = plan_reminders(loaded.project, as_of, invoice=invoice_number, tone=tone)
    for line in plan.reasoning:
        click.echo(line)
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    for reminder in plan.reminders:
        _render(
            reminder_kind(reminder.tone),
            project_path,
            params={"invoice": reminder.invoice},
            loaded=loaded,
            **options,
        )
    if record and plan.reminders:
        from .record import record_reminders

        for line in record_reminders(project_path, plan.reminders, as_of):
            click.echo(line)


@cli.command()
@PROJECT_ARGUMENT
@click.option("--record", is_flag=True, help="Add today's date to reminded_on of each open item.")
@_render_options
def waiting(project_path: Path, record: bool, **options: Any) -> None:
    """Write the waiting-on-client notice: what is blocked on the client, and the new date."""
    from .waiting import open_questions

    loaded, as_of = _prepare(project_path, options, letter=True)
    questions = open_questions(loaded.project, as_of)
    if not questions:
        click.echo(f"nothing open on {as_of}: every question in waiting_on is answered")
        return
    for question in questions:
        click.echo(
            f"{question.entry.item}: asked {question.entry.asked_on}, "
            f"{question.days_waited} days waiting, {question.days_late} days late"
        )
    _render("waiting", project_path, loaded=loaded, **options)
    if record:
        from .record import record_waiting

        for line in record_waiting(project_path, [q.index for q in questions], as_of):
            click.echo(line)


@cli.command()
@PROJECT_ARGUMENT
@click.option("--with-record", is_flag=True, help="Add a dated annex with the record of incidents.")
@_render_options
def terminate(project_path: Path, with_record: bool, **options: Any) -> None:
    """Write the termination letter: the reason, the end date, work in progress, what is owed."""
    _render("termination", project_path, params={"with_record": with_record}, **options)


@cli.command()
@PROJECT_ARGUMENT
@click.option(
    "--require-paid", is_flag=True, help="Refuse to write the report while money is owed."
)
@_render_options
def handoff(project_path: Path, require_paid: bool, **options: Any) -> None:
    """Write the hand-off report: what was achieved, where it is, every account handed back."""
    from .errors import InwritingError
    from .parting import outstanding

    loaded, as_of = _prepare(project_path, options)
    unpaid = outstanding(loaded.project, as_of)
    if unpaid:
        owed = ", ".join(f"{s.invoice.number} ({s.outstanding:,.2f})" for s in unpaid)
        if require_paid:
            raise InwritingError(
                f"not written: still outstanding on {as_of}: {owed} {loaded.project.currency}"
            )
        click.echo(
            f"warning: still outstanding on {as_of}: {owed} {loaded.project.currency}", err=True
        )
    _render("handoff", project_path, loaded=loaded, **options)


@cli.command()
@PROJECT_ARGUMENT
@_render_options
def review(project_path: Path, **options: Any) -> None:
    """Write the client review: a score card from the record, red flags, a recommendation."""
    _render("review", project_path, **options)


@cli.command()
@PROJECT_ARGUMENT
@click.option("--by", "signed_by", required=True, help="Who signed for the client.")
@click.option(
    "--on", "signed_on", type=DateType(), required=True, help="The date of the signature."
)
def sign(project_path: Path, signed_by: str, signed_on: dt.date) -> None:
    """Record that the client signed the scope checklist: who, when, and its fingerprint.

    From then on check, scope and due warn when the scope no longer matches what was signed.
    """
    from .record import record_signoff
    from .scope import fingerprint, short_fingerprint

    loaded, _ = _prepare(project_path, {"formats": None, "as_of": signed_on}, renders=False)
    printed = short_fingerprint(fingerprint(loaded.project))
    for line in record_signoff(project_path, signed_by, signed_on, printed):
        click.echo(line)


@cli.command()
@click.argument(
    "old_path", metavar="OLD.yaml", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument(
    "new_path", metavar="NEW.yaml", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--summary", help="What the client asked for, in their words (else a list of the changes)."
)
@click.option("--id", "change_id", help="The change request's id (else the one after the last).")
@click.option(
    "--on", "requested_on", type=DateType(), help="When it was asked for (default: today)."
)
@click.option(
    "--record",
    is_flag=True,
    help="Write it into NEW.yaml: its scope goes back to OLD's, and the difference becomes"
    " a proposed change request.",
)
def diff(
    old_path: Path,
    new_path: Path,
    summary: str | None,
    change_id: str | None,
    requested_on: dt.date | None,
    record: bool,
) -> None:
    """Print the change request that turns OLD's scope into NEW's, as YAML for `changes:`."""
    from .diff import as_yaml, record_change, scope_change

    old, _ = _prepare(old_path, {"formats": None, "as_of": None}, renders=False)
    new, _ = _prepare(new_path, {"formats": None, "as_of": None}, renders=False)
    entry, unsaid = scope_change(
        old.project,
        new.project,
        on=requested_on or dt.date.today(),
        summary=summary,
        change_id=change_id,
    )
    for line in unsaid:
        click.echo(f"warning: {line}", err=True)
    if not any(key in entry for key in ("add", "remove", "modify", "new_end")):
        click.echo(f"no change to the scope between {old_path} and {new_path}", err=True)
        return
    click.echo("- " + as_yaml(entry).replace("\n", "\n  "))
    if record:
        record_change(new_path, old_path, old.project, new.project, entry)
        click.echo(
            f"{'recorded':>9}  change request {entry['id']} (proposed) in {new_path}", err=True
        )


@cli.command("sign-pdf")
@PDF_ARGUMENT
@click.option(
    "--p12",
    required=True,
    type=EXISTING_FILE,
    help="Your certificate and key, as a .p12 / .pfx file.",
)
@click.option(
    "--passphrase",
    envvar="INWRITING_P12_PASSPHRASE",
    prompt="Passphrase of the certificate",
    hide_input=True,
    default="",
    show_default=False,
    help="The .p12 file's passphrase (or set INWRITING_P12_PASSPHRASE; asked for when missing).",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the signed PDF (default: FILE-signed.pdf next to FILE).",
)
@click.option(
    "--field",
    help="The signature field to sign (default: the first empty one, e.g. party-1-signature).",
)
@click.option("--force", is_flag=True, help="Replace an existing signed file.")
def sign_pdf(
    pdf_path: Path,
    p12: Path,
    passphrase: str,
    out_path: Path | None,
    field: str | None,
    force: bool,
) -> None:
    """Sign a finished PDF digitally (a new file; the original stays as it is)."""
    from .pdfsign import sign_pdf as sign

    out = out_path or pdf_path.with_name(f"{pdf_path.stem}-signed.pdf")
    if out.resolve() == pdf_path.resolve():
        raise InputError("--out: the signed copy cannot replace the original; choose another name")
    if out.exists() and not force:
        raise InputError(f"{out} exists; pass --force to replace it")
    field = sign(pdf_path, p12, passphrase=passphrase or None, out=out, field=field)
    click.echo(f"{'signed':>9}  {out} (field {field})")


@cli.command()
@PDF_ARGUMENT
@click.option(
    "--trust",
    multiple=True,
    type=EXISTING_FILE,
    help="A certificate (PEM or DER) to trust as the signer's or their authority's; repeatable.",
)
def verify(pdf_path: Path, trust: tuple[Path, ...]) -> None:
    """Check every digital signature in a PDF, and whether the document changed after signing.

    Exit code 0 when every signature is intact and nothing but signatures was added since;
    1 otherwise, or when the PDF has no signature.
    """
    from .pdfsign import verify_pdf

    reports = verify_pdf(pdf_path, list(trust))
    if not reports:
        click.echo(f"{pdf_path}: no digital signature")
        raise SystemExit(1)
    for report in reports:
        click.echo(f"{report.field}: signed by {report.signer} at {report.signed_at}")
        click.echo(
            "  intact: the signed content is exactly as it was signed"
            if report.intact
            else "  NOT INTACT: the signed content was altered after signing"
        )
        if not report.unchanged:
            click.echo(f"  CHANGED after signing: {report.changes}")
        elif report.changes == "nothing":
            click.echo("  nothing added since signing")
        else:
            click.echo(f"  added since signing: {report.changes} (allowed on a signed form)")
        click.echo(
            "  certificate: trusted"
            if report.trusted
            else "  certificate: not checked against a trusted authority (pass --trust CERT)"
        )
    raise SystemExit(0 if all(report.ok for report in reports) else 1)


@cli.command("change-order")
@PROJECT_ARGUMENT
@click.argument("change_id", metavar="CR-ID")
@_render_options
def change_order(project_path: Path, change_id: str, **options: Any) -> None:
    """Write the change order for one change request, for both parties to sign."""
    _render("change-order", project_path, params={"change": change_id}, **options)


@cli.command()
@click.argument(
    "paths",
    metavar="PATH...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--as-of", "as_of", type=DateType(), default=None, help="The date to treat as today.")
@click.option("--json", "as_json", is_flag=True, help="Print the agenda as JSON, for scripts.")
@click.option("--render", is_flag=True, help="Write every document that is due.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the documents (with --render).",
)
@click.option("--format", "formats", type=FormatList(), default="pdf,docx,eml", show_default=True)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Processes (default: one per core)."
)
@click.option("--force", is_flag=True, help="Replace documents that differ from the new ones.")
def due(
    paths: Sequence[Path],
    as_of: dt.date | None,
    as_json: bool,
    render: bool,
    out_dir: Path,
    formats: Sequence[str],
    jobs: int | None,
    force: bool,
) -> None:
    """What is due today across every client: reminders, waiting notices, invoices falling due
    this week, unsigned change requests. PATH is a project file or a folder of them."""
    import json

    from .agenda import agenda

    today = as_of or dt.date.today()
    items = agenda(paths, today, allow_secrets=_allow_secrets())
    errors = [item for item in items if item.kind == "error"]
    if as_json:
        click.echo(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
    else:
        _print_agenda(items, today)
    failed = len(errors)
    if render:
        failed += _render_agenda(items, out_dir, formats, today, jobs, force)
    if failed:
        raise click.ClickException(
            f"{failed} problem{'s' if failed != 1 else ''}: "
            + ("see the lines marked error above" if not as_json else "see the items of kind error")
        )


def _print_agenda(items: Sequence[Any], today: dt.date) -> None:
    if not items:
        click.echo(f"nothing due on {today}")
        return
    for item in items:
        if item.kind == "error":
            for line in item.what.splitlines():  # each problem names its file and line
                click.echo(f"{'error':<10} {line}", err=True)
            continue
        amount = f"{item.amount:,.2f} {item.currency}" if item.amount is not None else ""
        days = f"{item.days} d" if item.kind != "due_soon" else f"in {item.days} d"
        who = f"{item.project_id:<16.16} {item.client:<24.24}"
        click.echo(f"{item.kind:<10} {who} {item.what:<48} {days:>8} {amount:>16}")


def _render_agenda(
    items: Sequence[Any],
    out_dir: Path,
    formats: Sequence[str],
    today: dt.date,
    jobs: int | None,
    force: bool,
) -> int:
    from .batch import BatchSettings, Job, render_jobs

    todo = [Job(Path(item.file), item.document, item.params) for item in items if item.document]
    settings = BatchSettings(out_dir, tuple(formats), today, force, _allow_secrets())
    failures: list[str] = []
    with click.progressbar(length=len(todo), label="rendering", file=sys.stderr) as bar:

        def advance(result: Any) -> None:
            bar.update(1)
            if result.error:
                failures.append(result.error)

        results = render_jobs(todo, settings, workers=jobs, progress=advance)
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    files = sum(len(result.written) for result in results)
    done = len(todo) - len(failures)
    click.echo(f"rendered {done} of {len(todo)} documents ({files} files) into {out_dir}")
    return len(failures)


@cli.command()
@click.argument(
    "project_paths",
    metavar="PROJECT.yaml...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
def check(project_paths: Sequence[Path]) -> None:
    """Validate project files and list every problem as FILE:LINE:COL: field: message."""
    from .project_file import load_project

    problems: list[Problem] = []
    for path in project_paths:
        if not path.exists():
            problems.append(Problem(str(path), None, None, "", "no such file"))
            continue
        try:
            loaded = load_project(path, allow_secrets=_allow_secrets())
        except ProjectError as exc:
            problems += exc.problems
            continue
        _print_warnings(loaded.warnings)
        click.echo(f"ok  {path}")
    if problems:
        raise ProjectError(problems)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the project file, for editors' YAML language servers."""
    from .schema import project_schema_json

    click.echo(project_schema_json())


@cli.group()
def templates() -> None:
    """See the built-in templates and copy one out to customise it."""


@templates.command("list")
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Also show which of these overrides win.",
)
def templates_list(templates_dir: Path | None) -> None:
    """List the built-in templates (LANGUAGE/NAME) and any overrides in --templates."""
    from .template_files import list_templates

    for entry in list_templates(templates_dir):
        click.echo(f"{entry.name:<28} {entry.origin}")


@templates.command("eject")
@click.argument("name")
@click.option(
    "--to",
    "target_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("templates"),
    show_default=True,
    help="Folder to copy into.",
)
@click.option("--force", is_flag=True, help="Replace a copy that already differs.")
def templates_eject(name: str, target_dir: Path, force: bool) -> None:
    """Copy a built-in template (e.g. en/scope, or scope for every language) to edit it.

    Then pass `--templates DIR` (or set `templates: DIR` in the project file): your copy wins.
    """
    from .template_files import eject

    for result in eject(name, target_dir, force=force):
        click.echo(f"{result.status:>9}  {result.path}")


def _prepare(
    project_path: Path, options: dict[str, Any], *, letter: bool = False, renders: bool = True
) -> tuple[Any, dt.date]:
    """Load the project (warnings printed) and settle `as_of`; letters default to every format."""
    from .project_file import load_project

    if letter and options["formats"] is None:
        options["formats"] = ["pdf", "docx", "md", "eml"]
    if renders:
        _writer_helpers(options["formats"] or ("pdf", "docx"))
    loaded = load_project(project_path, allow_secrets=_allow_secrets())
    _print_warnings(loaded.warnings)
    options["as_of"] = options["as_of"] or dt.date.today()
    return loaded, options["as_of"]


def _writer_helpers(formats: Sequence[str]) -> dict[str, Any]:
    """The command's writer helper process (writers/helper.py), started first so that it loads
    reportlab and the fonts while this process reads the project. Only the PDF gets one: on two
    cores, a second helper for the DOCX slowed this process by as much as it saved."""
    root = click.get_current_context().find_root()
    helpers: dict[str, Any] = root.meta.setdefault("writer_helpers", {})
    if {"pdf", "eml"} & set(formats) and "pdf" not in helpers:
        from .writers.helper import WriterHelper

        helper = helpers["pdf"] = WriterHelper.start("pdf")
        if helper is not None:
            root.call_on_close(helper.close)
    return helpers


def _allow_secrets() -> bool:
    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    return bool(root and root.obj and root.obj.get("allow_secrets"))


def _print_warnings(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def main() -> None:
    """Entry point of the `inwriting` command."""
    # pydantic looks for plugins among every installed package's entry points the first time
    # it builds a model (a few ms of a cold run); the command wants none. An explicit
    # setting of the user's still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    hold_back()  # the garbage collector, until the first document is written (startup.py)
    try:
        cli.main(prog_name="inwriting")
    except InputError as exc:  # pragma: no cover - Click handles ClickException itself
        exc.show()
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # `python -m generator.cli` works like `inwriting`
    main()
