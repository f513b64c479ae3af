"""The JSON Schema of the project file, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
from typing import Any

from .model import Project

SCHEMA_ID = "https://inwriting.invalid/schema/project-1.json"


def project_schema() -> dict[str, Any]:
    schema = Project.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def project_schema_json() -> str:
    return json.dumps(project_schema(), indent=2, ensure_ascii=False, sort_keys=False)
