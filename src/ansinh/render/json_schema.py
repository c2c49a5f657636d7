"""The JSON Schema of each YAML file kind, for editors (``ansinh schema``)."""

from __future__ import annotations

from typing import Any

from ansinh.files.document_schema import FileKind, adapter

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = {"indicators": FileKind.INDICATORS, "areas": FileKind.AREAS, "plan": FileKind.PLAN}
TITLES = {
    "indicators": "ansinh: targets/indicators.yaml",
    "areas": "ansinh: targets/areas.yaml",
    "plan": "ansinh: targets/<plan-id>.yaml",
}


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind: every field described, enums listed, examples given."""
    schema = adapter(KINDS[kind]).json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "title": TITLES[kind], **{k: v for k, v in schema.items() if k != "title"}}
