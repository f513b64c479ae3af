"""The garbage collector is held back only while a command starts, and always handed back."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from inwriting import startup
from inwriting.render.batch import BatchSettings, Job, render_jobs

JERRY = SAMPLES / "jerry-webshop.yaml"


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[tuple[int, int, int]]:
    normal = gc.get_threshold()
    yield normal
    startup._normal = None
    gc.set_threshold(*normal)
    gc.unfreeze()


def test_hold_back_raises_the_threshold_and_settle_restores_it() -> None:
    normal = gc.get_threshold()
    startup.hold_back()
    assert gc.get_threshold() == (startup.STARTUP_THRESHOLD, *normal[1:])
    startup.hold_back()  # twice changes nothing, and still settles to the real normal
    startup.settle()
    assert gc.get_threshold() == normal
    assert gc.get_freeze_count() > 0


def test_settle_without_hold_back_does_nothing() -> None:
    normal, frozen = gc.get_threshold(), gc.get_freeze_count()
    startup.settle()
    assert gc.get_threshold() == normal and gc.get_freeze_count() == frozen


def test_a_batch_settles_before_it_starts(tmp_path: Path) -> None:
    normal = gc.get_threshold()
    startup.hold_back()
    settings = BatchSettings(out_dir=tmp_path, formats=("md",), as_of=dt.date(2026, 11, 22))
    (result,) = render_jobs([Job(JERRY, "scope")], settings, workers=1)
    assert result.error is None
    assert gc.get_threshold() == normal


def collector_after(*arguments: str) -> str:
    """gc's thresholds at the end of a real `inwriting` run, as the entry point runs it."""
    script = (
        "import gc, sys\n"
        f"sys.argv = ['inwriting', *{list(arguments)!r}]\n"
        "from inwriting.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_threshold()[0], file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return result.stderr.strip().splitlines()[-1]


def test_the_command_hands_the_collector_back_after_writing(tmp_path: Path) -> None:
    normal = str(gc.get_threshold()[0])
    arguments = ["scope", str(JERRY), "--as-of", "2026-11-22", "--out", str(tmp_path)]
    assert collector_after(*arguments, "--format", "md") == normal
    # A command that writes nothing keeps the high, but bounded, threshold to its end.
    assert collector_after("check", str(JERRY)) == str(startup.STARTUP_THRESHOLD)
