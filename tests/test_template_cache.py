"""The compiled-template cache: used when it can be, never a reason for a run to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, SAMPLES
from inwriting.render.template_cache import SWITCH_OFF, TemplateCache, cache_folder, template_cache
from jinja2.bccache import bc_magic

TEMPLATE = "{% for n in numbers %}{{ n * 2 }} {% endfor %}{{ name }}"


def render(cache: jinja2.BytecodeCache | None, templates: Path) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)
    return env.get_template("t.j2").render(numbers=[1, 2, 3], name="Ødegård & <Co>")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.j2").write_text(TEMPLATE, encoding="utf-8")
    return folder


def test_a_compiled_template_is_stored_and_reused(tmp_path: Path, templates: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    expected = render(None, templates)
    assert render(TemplateCache(str(cache_dir), "%s.cache"), templates) == expected
    entries = list(cache_dir.iterdir())
    assert len(entries) == 1 and entries[0].stat().st_size > 0
    stored = entries[0].read_bytes()
    assert render(TemplateCache(str(cache_dir), "%s.cache"), templates) == expected
    assert entries[0].read_bytes() == stored  # read, not compiled and written again


def test_an_edited_template_is_compiled_again(tmp_path: Path, templates: Path) -> None:
    cache = TemplateCache(str(tmp_path), "%s.cache")
    render(cache, templates)
    (templates / "t.j2").write_text("changed {{ name }}", encoding="utf-8")
    assert render(TemplateCache(str(tmp_path), "%s.cache"), templates) == "changed Ødegård & <Co>"


@pytest.mark.parametrize(
    "damage", [b"", b"garbage", bc_magic + b"garbage", bc_magic + b"\x80\x02K"], ids=str
)
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, templates: Path, damage: bytes) -> None:
    render(TemplateCache(str(tmp_path), "%s.cache"), templates)
    (entry,) = tmp_path.glob("*.cache")
    entry.write_bytes(damage)
    assert render(TemplateCache(str(tmp_path), "%s.cache"), templates) == render(None, templates)


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path, templates: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    assert render(TemplateCache(str(missing), "%s.cache"), templates) == render(None, templates)
    assert not missing.exists()


def test_cache_folder_follows_the_platform_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the XDG rules apply on Linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_folder() == Path("/somewhere/cache/inwriting")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the spec: ignored
    assert cache_folder() == Path.home() / ".cache" / "inwriting"
    monkeypatch.setenv(SWITCH_OFF, "1")
    assert cache_folder() is None and template_cache("plain") is None


def test_no_cache_without_a_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: Path("~")))
    assert cache_folder() is None


def test_sandboxed_and_plain_templates_are_cached_apart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    plain, sandboxed = template_cache("plain"), template_cache("sandboxed")
    assert plain is not None and sandboxed is not None
    assert plain.directory != sandboxed.directory
    assert Path(plain.directory).parent == tmp_path / "inwriting"


def run_markdown(out: Path, cache_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(ROOT)}
    env.pop(SWITCH_OFF, None)
    command = [sys.executable, "-m", "inwriting.cli", "scope", str(SAMPLES / "jerry-webshop.yaml")]
    command += ["--format", "md", "--as-of", "2026-11-22", "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_the_command_uses_the_cache_and_gives_the_same_document(tmp_path: Path) -> None:
    cache_home = tmp_path / "cache"
    first = run_markdown(tmp_path / "first", cache_home)
    assert first.returncode == 0, first.stderr
    stored = list((cache_home / "inwriting").glob("*/*.cache"))
    assert stored, "the first run stored no compiled template"
    for entry in stored:
        entry.write_bytes(b"damaged")
    second = run_markdown(tmp_path / "second", cache_home)
    assert second.returncode == 0, second.stderr
    name = "JGS-2026-01-scope.md"
    assert (tmp_path / "second" / name).read_text() == (tmp_path / "first" / name).read_text()


def test_the_command_runs_where_no_cache_folder_can_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_markdown(tmp_path / "out", blocker)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "JGS-2026-01-scope.md").read_text().startswith("#")
