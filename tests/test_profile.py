"""The profile: inheritance and override, errors in their own file, drift, show and path."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.errors import ProjectError
from inwriting.project.profile import default_profile_path, load_profile, locate_profile, merge
from inwriting.project.project_file import load_project
from inwriting.project.scope import fingerprint, short_fingerprint
from timeline import sent_on

PROFILE = """\
language: sv
currency: SEK
jurisdiction: SE
region: null
paper: letter
provider:
  name: Lind Design AB
  email: anna@lind.example
  address: |
    Storgatan 1
    111 22 Stockholm
  bank:
    iban: SE45 5000 0000 0583 9825 7466
    bic: ESSESESS
terms:
  payment_days: 30
  feedback_days: 5
  hourly_rate: 900
  notice_days: 30
  reminders:
    - {after: 1, tone: friendly}
    - {after: 14, tone: firm}
"""

PROJECT = """\
format: 1
profile: profile.yaml
client:
  name: Kund AB
  email: kund@kund.example
project:
  id: K-1
  name: Webbplats
  start: 2026-09-01
  end: 2026-12-01
scope:
  - id: A
    title: Startsida
    fee: 10000
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def pair(folder: Path, project: str = PROJECT, profile: str = PROFILE) -> Path:
    (folder / "profile.yaml").write_text(profile, encoding="utf-8")
    path = folder / "project.yaml"
    path.write_text(project, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_merge_mappings_recursively_lists_and_values_replace_null_removes() -> None:
    profile = {
        "provider": {"name": "A", "bank": {"iban": "X", "bic": "Y"}},
        "terms": {"reminders": [{"after": "1"}, {"after": "14"}], "payment_days": "30"},
        "paper": "letter",
        "branding": {"colour": "#123456", "logo": "logo.png"},
    }
    project = {
        "provider": {"bank": {"bic": "Z"}},
        "terms": {"reminders": [{"after": "7"}]},
        "paper": None,
        "branding": {"logo": None},
        "client": {"name": "C"},
        "region": None,  # not in the profile: stays as written
    }
    assert merge(profile, project) == {
        "provider": {"name": "A", "bank": {"iban": "X", "bic": "Z"}},
        "terms": {"reminders": [{"after": "7"}], "payment_days": "30"},
        "branding": {"colour": "#123456"},
        "client": {"name": "C"},
        "region": None,
    }
    assert merge({}, project) == project
    assert profile["provider"] == {"name": "A", "bank": {"iban": "X", "bic": "Y"}}  # untouched


def test_every_section_is_inherited(tmp_path: Path) -> None:
    loaded = load_project(pair(tmp_path))
    project = loaded.project
    assert loaded.profile == tmp_path / "profile.yaml"
    assert (project.language, project.currency, project.jurisdiction) == ("sv", "SEK", "SE")
    assert project.region is None and loaded.paper == "letter"
    assert project.provider.name == "Lind Design AB"
    assert project.provider.bank is not None and project.provider.bank.bic == "ESSESESS"
    assert project.terms.payment_days == 30 and project.terms.notice_days == 30
    assert [rung.after for rung in project.terms.reminders] == [1, 14]


def test_every_section_can_be_overridden(tmp_path: Path) -> None:
    override = """\
language: en
currency: EUR
jurisdiction: FI
paper: a4
provider:
  name: Lind Design Oy
  bank:
    bic: NDEAFIHH
terms:
  payment_days: 14
  reminders:
    - {after: 7, tone: firm}
"""
    loaded = load_project(pair(tmp_path, PROJECT + override))
    project = loaded.project
    assert (project.language, project.currency, project.jurisdiction) == ("en", "EUR", "FI")
    assert loaded.paper == "a4"
    # Mappings merge: the name and BIC are the project's, the address and IBAN the profile's.
    assert project.provider.name == "Lind Design Oy"
    assert project.provider.address == "Storgatan 1\n111 22 Stockholm\n"
    assert project.provider.bank is not None
    assert project.provider.bank.bic == "NDEAFIHH"
    assert project.provider.bank.iban == "SE45 5000 0000 0583 9825 7466"
    assert project.terms.payment_days == 14 and project.terms.notice_days == 30
    # Lists replace: one rung, not three.
    assert [(r.after, r.tone) for r in project.terms.reminders] == [(7, "firm")]


def test_null_in_the_project_removes_the_profile_value(tmp_path: Path) -> None:
    loaded = load_project(pair(tmp_path, PROJECT + "paper: null\nprovider:\n  bank: null\n"))
    assert loaded.paper == "a4"  # back to the default for SE
    assert loaded.project.provider.bank is None
    assert loaded.project.provider.name == "Lind Design AB"


def test_a_bad_value_in_the_profile_is_reported_in_the_profile(tmp_path: Path) -> None:
    bad = PROFILE.replace("9825 7466", "9825 7467").replace("  name: Lind", "  nmae: Lind")
    path = pair(tmp_path, PROJECT.replace("    title: Startsida\n", ""), bad)
    code, output = run("check", str(path))
    assert code == 2
    profile = str(tmp_path / "profile.yaml")
    iban = line_of(bad, "iban:")
    assert f"{profile}:{iban}:11: provider.bank.iban: not a valid IBAN" in output
    assert f"{profile}:{line_of(bad, 'nmae')}:3: provider.nmae: unknown field" in output
    # The project's own problem stays in the project file.
    assert f"{path}:{line_of(PROJECT, '- id: A')}:" in output and "scope[0].title" in output
    assert f"3 problems in {path}, {profile}" in output or f"in {profile}, {path}" in output


def test_a_project_only_field_in_the_profile_is_refused(tmp_path: Path) -> None:
    path = pair(tmp_path, profile="format: 1\n" + PROFILE + "invoices: []\nprofile: other.yaml\n")
    with pytest.raises(ProjectError) as caught:
        load_project(path)
    text = str(caught.value)
    assert f"profile.yaml:{line_of(PROFILE, 'reminders') + 4}:1: invoices: belongs in each" in text
    assert "profile: a profile cannot name another profile" in text
    assert "profile.yaml:1:1: format: belongs in each project file; a profile has no" in text


def test_a_missing_profile_is_a_clear_error(tmp_path: Path) -> None:
    path = pair(tmp_path, PROJECT.replace("profile.yaml", "nope.yaml"))
    code, output = run("check", str(path))
    assert code == 2
    assert f"{path}:2:10: profile: no such profile file: {tmp_path / 'nope.yaml'}" in output
    code, output = run("scope", str(pair(tmp_path)), "--profile", str(tmp_path / "gone.yaml"))
    assert code == 2 and "gone.yaml: no such profile file (named by --profile)" in output
    assert not (Path("out") / "K-1-scope.pdf").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("provider:\n  name: [Lind\n", ":3:1: YAML syntax: while parsing a flow sequence"),
        ("- provider\n", ":1:1: a profile is a set of `key: value` fields"),
        ("", ":1:1: the file is empty"),
    ],
)
def test_a_broken_profile_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = pair(tmp_path, profile=text)
    code, output = run("check", str(path))
    assert code == 2
    assert f"{tmp_path / 'profile.yaml'}{message}" in output


def test_profile_option_beats_the_file_and_works_after_the_command(tmp_path: Path) -> None:
    path = pair(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(PROFILE.replace("language: sv", "language: fi"), encoding="utf-8")
    code, output = run("status", str(path), "--as-of", "2026-11-22", "--profile", str(other))
    assert code == 0, output
    assert load_project(path, profile=other).project.language == "fi"
    code, output = run("--profile", str(other), "profile", "show", str(path))
    assert code == 0 and "language: fi" in output and f"over the profile {other}" in output


def test_the_config_folder_profile_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert default_profile_path() == config / "inwriting" / "profile.yaml"
    path = pair(tmp_path, PROJECT.replace("profile: profile.yaml\n", ""))
    assert locate_profile(path, None) is None
    code, output = run("profile", "path")
    assert code == 0
    assert f"config folder: {config / 'inwriting' / 'profile.yaml'} (no such file)" in output
    assert "used: none" in output
    (config / "inwriting").mkdir(parents=True)
    shutil.copy(tmp_path / "profile.yaml", config / "inwriting" / "profile.yaml")
    assert load_project(path).project.provider.name == "Lind Design AB"
    code, output = run("profile", "path", str(path))
    assert f"used: {config / 'inwriting' / 'profile.yaml'}" in output
    # INWRITING_PROFILE names another one instead; the project's own `profile:` beats both.
    other = tmp_path / "env.yaml"
    other.write_text(PROFILE.replace("Lind Design AB", "Env Design AB"), encoding="utf-8")
    monkeypatch.setenv("INWRITING_PROFILE", str(other))
    assert load_project(path).project.provider.name == "Env Design AB"
    assert locate_profile(pair(tmp_path), None) == tmp_path / "profile.yaml"


def test_profile_show_prints_the_merged_project_and_where_each_part_came_from(
    tmp_path: Path,
) -> None:
    path = pair(tmp_path, PROJECT + "terms:\n  payment_days: 14\n")
    code, output = run("profile", "show", str(path))
    assert code == 0, output
    profile = tmp_path / "profile.yaml"
    sections = {key: where for where, key in re.findall(r"# (from [^\n]+)\n(\w+):", output)}
    assert sections["provider"] == f"from {profile}"
    assert sections["language"] == f"from {profile}"
    assert sections["client"] == f"from {path}"
    assert sections["terms"] == f"from {path}, over {profile}"
    assert "  payment_days: 14\n  feedback_days: 5\n" in output
    assert "  address: |\n    Storgatan 1\n    111 22 Stockholm\n" in output
    # What it prints reads back as the same project, without the profile.
    flat = tmp_path / "flat" / "project.yaml"
    flat.parent.mkdir()
    flat.write_text(output.replace("profile: profile.yaml", ""), encoding="utf-8")
    assert load_project(flat).project == load_project(path).project.model_copy(
        update={"profile": None}
    )


def test_profile_show_lists_problems_after_the_merged_data(tmp_path: Path) -> None:
    path = pair(tmp_path, profile=PROFILE.replace("payment_days: 30", "payment_days: soon"))
    code, output = run("profile", "show", str(path))
    assert code == 2
    assert "payment_days: soon" in output
    assert f"{tmp_path / 'profile.yaml'}:{line_of(PROFILE, 'payment_days')}:17:" in output


def test_changing_the_profile_terms_after_signing_is_drift_in_every_project(
    tmp_path: Path,
) -> None:
    paths = []
    for name in ("one", "two"):
        path = pair(tmp_path, PROJECT.replace("K-1", f"K-{name}"))
        path = path.rename(tmp_path / f"{name}.yaml")
        code, output = run("sign", str(path), "--by", "Kund", "--on", "2026-09-01")
        assert code == 0, output
        paths.append(path)
    signed = [short_fingerprint(fingerprint(load_project(path).project)) for path in paths]
    code, output = run("check", *map(str, paths))
    assert code == 0 and "scope changed since it was signed" not in output
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE.replace("payment_days: 30", "payment_days: 45"), encoding="utf-8")
    code, output = run("check", *map(str, paths))
    assert code == 0
    for path in paths:
        assert f"{path}:" in output
    assert output.count("scope changed since it was signed on 2026-09-01") == 2
    changed = [short_fingerprint(fingerprint(load_project(path).project)) for path in paths]
    assert all(old != new for old, new in zip(signed, changed, strict=True))


def test_templates_named_in_the_profile_are_relative_to_the_profile(tmp_path: Path) -> None:
    (tmp_path / "shared" / "templates").mkdir(parents=True)
    (tmp_path / "shared" / "profile.yaml").write_text(
        PROFILE + "templates: templates\n", encoding="utf-8"
    )
    path = tmp_path / "project.yaml"
    path.write_text(PROJECT.replace("profile.yaml", "shared/profile.yaml"), encoding="utf-8")
    assert load_project(path).templates_dir == (tmp_path / "shared" / "templates").resolve()


def jerry_over_its_profile(folder: Path) -> Path:
    """samples/jerry-webshop.yaml without what samples/profiles/brightline.yaml holds."""
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    profile = SAMPLES / "profiles" / "brightline.yaml"
    data, _ = load_profile(profile)
    for key in data:  # top-level lines and sections the profile holds
        if key != "terms":
            text = re.sub(rf"(?m)^{key}:.*\n(?:(?:  .*|#.*)?\n)*?(?=\S)", "", text)
    for key in data["terms"]:
        text = re.sub(rf"(?m)^  {key}:.*\n(?:    .*\n)*", "", text)
    text = text.replace("format: 1\n", f"format: 1\nprofile: {profile}\n")
    path = folder / "jerry.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_profile_gives_jerry_the_same_documents(tmp_path: Path) -> None:
    path = jerry_over_its_profile(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "\nprovider:" not in text and "\n  reminders:" not in text and "kill_fee: 500" in text
    standalone = load_project(SAMPLES / "jerry-webshop.yaml")
    loaded = load_project(path)
    assert loaded.profile == SAMPLES / "profiles" / "brightline.yaml"
    assert loaded.project.model_copy(update={"profile": None}) == standalone.project
    for source, out in ((path, "profiled"), (SAMPLES / "jerry-webshop.yaml", "standalone")):
        # The final notice, on the day the sample's timeline sends it.
        final = ["--tone", "final", "--as-of", sent_on("jerry-webshop", "final").isoformat()]
        code, output = run("nudge", str(source), *final, "--out", str(tmp_path / out))
        assert code == 0, output
    written = sorted(p.name for p in (tmp_path / "standalone").iterdir())
    assert written and written == sorted(p.name for p in (tmp_path / "profiled").iterdir())
    for name in written:
        profiled = (tmp_path / "profiled" / name).read_bytes()
        assert profiled == (tmp_path / "standalone" / name).read_bytes(), name


def test_due_skips_a_profile_in_the_folder_and_still_refuses_other_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    shutil.copytree(SAMPLES, folder)
    jerry_over_its_profile(folder)
    code, output = run("due", str(folder), "--as-of", "2026-11-22")
    assert code == 0, output
    assert "brightline" not in output
    (folder / "compose.yaml").write_text("services:\n  web: {}\n", encoding="utf-8")
    code, output = run("due", str(folder), "--as-of", "2026-11-22")
    assert code == 2 and "compose.yaml" in output and "brightline" not in output


def test_a_secret_in_the_profile_is_refused_at_its_line(tmp_path: Path) -> None:
    secret = PROFILE.replace(
        "  payment_days: 30\n", '  payment_days: 30\n  venue: "Password: x7!"\n'
    )
    code, output = run("check", str(pair(tmp_path, profile=secret)))
    assert code == 2
    where = f"{tmp_path / 'profile.yaml'}:{line_of(secret, 'Password')}:10: terms.venue: looks like"
    assert where in output and "x7!" not in output


def test_a_problem_at_a_section_both_files_write_names_the_other_part(tmp_path: Path) -> None:
    profile = PROFILE.replace("  feedback_days: 5\n", "")
    path = pair(tmp_path, PROJECT + "terms:\n  hourly_rate: 950\n", profile)
    code, output = run("check", str(path))
    assert code == 2
    terms = f"{tmp_path / 'profile.yaml'}:{line_of(profile, 'terms:')}"
    assert (
        f"{path}:{len(PROJECT.splitlines()) + 1}:1: terms.feedback_days: required field" in output
    )
    assert f"(the terms section also in {terms})" in output
    # Where only the profile writes the section, the problem is simply there.
    code, output = run("check", str(pair(tmp_path, PROJECT, profile)))
    assert f"{terms}:1: terms.feedback_days: required field is missing\n" in output


def test_check_reads_a_profile_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE.replace("  feedback_days: 5\n", ""), encoding="utf-8")
    code, output = run("check", str(path), str(SAMPLES / "profiles" / "brightline.yaml"))
    assert code == 0, output
    assert f"ok  {path} (a profile)" in output and "brightline.yaml (a profile)" in output
    path.write_text(PROFILE.replace("9825 7466", "9825 7467"), encoding="utf-8")
    code, output = run("check", str(path))
    assert code == 2
    assert f"{path}:{line_of(PROFILE, 'iban:')}:11: provider.bank.iban: not a valid IBAN" in output
    assert "1 problem in" in output  # nothing about the client, project or scope it leaves out
