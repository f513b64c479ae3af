"""Commands for digital signatures on finished PDFs: sign-pdf and verify."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError, OutputExistsError
from .common import EXISTING_FILE, PDF_ARGUMENT


@click.command("sign-pdf")
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
    default=None,
    help="The .p12 file's passphrase (or set INWRITING_P12_PASSPHRASE; asked for when missing "
    "and run at a terminal).",
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
    passphrase: str | None,
    out_path: Path | None,
    field: str | None,
    force: bool,
) -> None:
    """Sign a finished PDF digitally (a new file; the original stays as it is)."""
    from ..render.pdfsign import sign_pdf as sign

    out = out_path or pdf_path.with_name(f"{pdf_path.stem}-signed.pdf")
    if out.resolve() == pdf_path.resolve():
        raise InputError("--out: the signed copy cannot replace the original; choose another name")
    if out.exists() and not force:
        raise OutputExistsError(f"{out} exists; pass --force to replace it")
    if passphrase is None:
        passphrase = _ask_passphrase()
    field = sign(pdf_path, p12, passphrase=passphrase or None, out=out, field=field)
    click.echo(f"{'signed':>9}  {out} (field {field})")


def _ask_passphrase() -> str:
    """The passphrase, typed at the terminal without echo. With no terminal (a script, a pipe)
    nobody can type it: say how to give it instead of waiting or echoing a warning."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise InputError(
            "no passphrase for the certificate and no terminal to ask at: set "
            "INWRITING_P12_PASSPHRASE or pass --passphrase (--passphrase '' for a certificate "
            "without one)"
        )
    return str(
        click.prompt(
            "Passphrase of the certificate",
            hide_input=True,
            default="",
            show_default=False,
            err=True,
        )
    )


@click.command()
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
    from ..render.pdfsign import verify_pdf

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
