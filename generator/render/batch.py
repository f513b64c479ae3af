"""Rendering many documents at once: on every core, one failure never stopping the others."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import InwritingError, OutputExistsError, Refusal
from ..output import Status
from ..startup import settle

if TYPE_CHECKING:
    from ..project.project_file import LoadedProject


@dataclass(frozen=True)
class Job:
    """One document to render: everything a worker process needs, and nothing it can't pickle."""

    project_path: Path
    kind: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class JobResult:
    """What became of one job: its files with their status, or why it was not written."""

    job: Job
    files: tuple[tuple[Status, str], ...] = ()  # (written, replaced or unchanged; the path)
    status: Literal["done", "refused", "failed"] = "done"
    error: str | None = None


@dataclass(frozen=True)
class BatchSettings:
    out_dir: Path
    formats: tuple[str, ...]
    as_of: dt.date
    force: bool = False
    allow_secrets: bool = False
    profile: Path | None = None  # --profile


def render_jobs(
    jobs: Sequence[Job],
    settings: BatchSettings,
    *,
    workers: int | None = None,
    progress: Callable[[JobResult], None] | None = None,
) -> list[JobResult]:
    """Render every job; `workers` processes (default: one per core), 1 for none at all."""
    count = workers or os.cpu_count() or 1
    run = functools.partial(render_job, settings=settings)
    results: list[JobResult] = []
    if count > 1 and len(jobs) > 1:
        _warm_up(settings.formats)
    settle()  # a long job: the garbage collector back to normal (startup.py)
    if count <= 1 or len(jobs) <= 1:
        outcomes: Iterable[JobResult] = map(run, jobs)
        for result in outcomes:
            results.append(result)
            if progress:
                progress(result)
        return results
    chunk = max(1, len(jobs) // (count * 8))
    with ProcessPoolExecutor(max_workers=count) as pool:
        for result in pool.map(run, jobs, chunksize=chunk):
            results.append(result)
            if progress:
                progress(result)
    return results


def _warm_up(formats: Sequence[str]) -> None:
    """Import the writers and parse the fonts once, before the workers start: where processes
    are forked (Linux) they inherit all of it instead of each doing it again."""
    from .pipeline import render_document  # noqa: F401 - imported for the workers
    from .writers import writer_for

    for name in formats:
        if name in ("pdf", "eml"):
            from .writers.fonts import register_fonts

            register_fonts(italic=True)
            writer_for("pdf")
        elif name in ("docx", "md"):
            writer_for(name)


def render_job(job: Job, *, settings: BatchSettings) -> JobResult:
    """Render and write one document; any failure becomes the result's error, never a crash."""
    from ..documents.kinds import output_name
    from ..output import write_files
    from .pipeline import render_document

    def files_on(day: dt.date) -> dict[Path, bytes]:
        rendered = render_document(
            loaded, job.kind, formats=settings.formats, as_of=day, params=job.params
        )
        return {
            settings.out_dir / output_name(loaded.project, job.kind, name, job.params): data
            for name, data in rendered.items()
        }

    try:
        loaded = _load(job.project_path, settings.allow_secrets, settings.profile)
        files = files_on(settings.as_of)
        written = write_files(files, force=settings.force)
    except OutputExistsError as exc:
        from .dated import date_hint

        hint = date_hint(files, settings.as_of, files_on)
        message = exc.format_message() + (f"\n{hint}" if hint else "")
        return JobResult(job, status="refused", error=message)
    except Refusal as exc:
        return JobResult(job, status="refused", error=exc.format_message())
    except InwritingError as exc:
        return JobResult(job, status="failed", error=exc.format_message())
    except Exception as exc:
        return JobResult(job, status="failed", error=f"internal error {type(exc).__name__}: {exc}")
    return JobResult(job, files=tuple((result.status, str(result.path)) for result in written))


def _load(path: Path, allow_secrets: bool, profile: Path | None) -> LoadedProject:
    from ..project.project_file import load_project

    return load_project(path, allow_secrets=allow_secrets, profile=profile)
