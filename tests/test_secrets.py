"""The secrets guard: credentials are refused by every command, named by field, never shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.project.credentials import KEYWORDS
from timeline import as_it_stood, sent_on

JERRY = SAMPLES / "jerry-webshop.yaml"
NOTES_LINE = "    notes: Our developer key is revoked; the live keys stay with you."
NOTES_PATH = "accounts[1].notes"
SECRETS = {
    "en": "Login dana / Password: Tr0ub4dor&3",
    "sv": "Användare dana, lösenord: Sommar2026!",
    "da": "Bruger dana, adgangskode = Sommer2026",
    "da2": "kodeord: Sommer2026",
    "no": "passord: Sommer2026",
    "fi": "Tunnus dana, salasana: Kesä2026",
    "ru": "Логин dana, пароль: Лето2026",
    "pin": "Door PIN: 4711",
    "cloud": "AKIAIOSFODNN7EXAMPLE",
    "payment": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "pem": "-----BEGIN RSA PRIVATE KEY-----",
    "github": "ghp_" + "a1B2c3D4e5" * 4,
    "token": "Xk9Qz2Lm8Rt4Vb7Nc1Pw6Yh3Jd5Fg0Sa2Ue",
}


def with_notes(tmp_path: Path, notes: str) -> Path:
    text = JERRY.read_text(encoding="utf-8")
    assert NOTES_LINE in text
    project = tmp_path / "p.yaml"
    project.write_text(
        text.replace(NOTES_LINE, f"    notes: {json.dumps(notes, ensure_ascii=False)}"),
        encoding="utf-8",
    )
    return project


@pytest.mark.parametrize("name", SECRETS)
def test_every_keyword_language_and_pattern_is_refused_masked(tmp_path: Path, name: str) -> None:
    secret = SECRETS[name]
    project = with_notes(tmp_path, secret)
    out_dir = tmp_path / "out"
    for command in (["check"], ["scope", "--out", str(out_dir)], ["nudge", "--out", str(out_dir)]):
        result = CliRunner().invoke(cli, [*command[:1], str(project), *command[1:]])
        assert result.exit_code == 2, result.output
        assert (
            f"{NOTES_PATH}: looks like" in result.output
            and "(the value is not shown)" in result.output
        )
        # The keyword may be named; the value after it never is.
        ignore = {*KEYWORDS, "login", "användare", "bruger", "tunnus", "логин"}
        words = secret.replace(":", " ").replace("=", " ").replace(",", " ").split()
        for part in words:
            if len(part) > 4 and part.lower() not in ignore:
                assert part not in result.output, part
    assert not out_dir.exists()


def test_a_field_named_like_a_password_is_refused(tmp_path: Path) -> None:
    text = JERRY.read_text(encoding="utf-8").replace(
        '  business_id: "EIN 12-3456789"', '  business_id: "EIN 12-3456789"\n  password: x'
    )
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(project)])
    assert result.exit_code == 2 and "provider.password: looks like a credential" in result.output


@pytest.mark.parametrize(
    "harmless",
    [
        "Use the password manager to hand over access.",
        "Change your passwords after the hand-off.",
        "Pinterest and Instagram accounts",
        "https://git.brightline.example/jgs/shop",
        "SHA-256 0fdf506b2eca0fdf506b2eca0fdf506b2eca0fdf506b2eca0fdf506b2eca0fdf",
        "IBAN DK50 0040 0440 1162 43",
    ],
)
def test_ordinary_text_passes(tmp_path: Path, harmless: str) -> None:
    result = CliRunner().invoke(cli, ["check", str(with_notes(tmp_path, harmless))])
    assert result.exit_code == 0, result.output


def test_allow_secrets_lets_it_through(tmp_path: Path) -> None:
    project = with_notes(tmp_path, SECRETS["payment"])
    result = CliRunner().invoke(cli, ["--allow-secrets", "check", str(project)])
    assert result.exit_code == 0, result.output


def test_due_refuses_a_file_with_a_secret_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    with_notes(folder, SECRETS["en"]).rename(folder / "leaky.yaml")
    # Jerry's project on Tuesday 17 November with its stop-work notice of 4 November unsent.
    as_it_stood(JERRY, sent_on("jerry-webshop", "stop_work"), tmp_path).rename(
        folder / "jerry.yaml"
    )
    result = CliRunner().invoke(cli, ["due", str(folder), "--as-of", "2026-11-17"])
    assert result.exit_code == 2
    assert "leaky.yaml" in result.output and "Tr0ub4dor" not in result.output
    assert "stop-work reminder, invoice 2026-044" in result.output
