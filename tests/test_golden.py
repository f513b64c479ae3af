"""Same inputs, same bytes: every sample document against the fingerprints in tests/golden/.

A change that is meant to alter documents updates them with
`python tests/render_samples.py /tmp/samples --update-golden`, and the diff of samples.json
shows which documents changed; any other change must leave them all as they were.
"""

from __future__ import annotations

import json
from pathlib import Path

from render_samples import GOLDEN, fingerprints, library_versions, render_all


def test_every_sample_document_is_byte_identical_to_the_golden_one(tmp_path: Path) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert render_all(tmp_path) == []
    rendered = fingerprints(tmp_path)
    assert sorted(rendered) == sorted(golden["files"]), "a document appeared or went missing"
    # PDF and DOCX bytes also depend on reportlab, python-docx and pyHanko: compared whole only
    # under the versions the fingerprints were made with. Markdown is ours alone.
    same_libraries = library_versions() == golden["libraries"]
    compared = [name for name in rendered if same_libraries or name.endswith(".md")]
    changed = [name for name in compared if rendered[name] != golden["files"][name]]
    assert changed == [], f"documents changed: {changed}"
    assert any(name.endswith(".md") for name in compared)
