"""The law files in `law/data/`: which one applies to a jurisdiction, read once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

LAW_DIR = Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=64)
def law_data(jurisdiction: str | None) -> Mapping[str, Any] | None:
    """The jurisdiction's own file, else None: never another country's law by default.

    A file with `extends: EU` holds only what differs and takes everything else from the file it
    names.
    """
    if jurisdiction is None or not jurisdiction.isalpha():
        return None
    path = LAW_DIR / f"{jurisdiction}.yaml"
    if not path.is_file():
        return None
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    base = data.pop("extends", None)
    if base is not None:
        data = {**yaml.safe_load((LAW_DIR / f"{base}.yaml").read_text(encoding="utf-8")), **data}
    return data
