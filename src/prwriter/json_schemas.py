"""JSON Schemas of the files a writer edits, for editors (yaml-language-server) and tools.

The shipped copies in templates/schema/ are generated from the pydantic models; a test fails
when they are stale (regenerate with `prwriter schema --write templates/schema`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prwriter.kinds import SCHEMA_KINDS, choose


def json_schema(kind: str) -> dict[str, Any]:
    from pydantic import BaseModel

    from prwriter.schema import CompanyFile, ContactFile, LegalFile, PersonFile, ReleaseInput
    from prwriter.settings import ProjectSettings
    from prwriter.wires import WireProfile

    models: dict[str, type[BaseModel]] = {
        "release": ReleaseInput,
        "company": CompanyFile,
        "contact": ContactFile,
        "person": PersonFile,
        "legal": LegalFile,
        "wire": WireProfile,
        "settings": ProjectSettings,
    }
    choose(kind, SCHEMA_KINDS, "schema")
    schema: dict[str, Any] = models[kind].model_json_schema(mode="validation")
    if kind == "wire":
        # A profile that extends another takes the settings it leaves out from that one.
        required = schema.pop("required", [])
        schema["if"] = {"not": {"required": ["extends"]}}
        schema["then"] = {"required": required}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"prwriter {kind} file"
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`, all of them or (on an error) none."""
    from prwriter.output import write_all

    files: dict[Path, str | bytes] = {
        folder / schema_file_name(kind): schema_text(kind) for kind in SCHEMA_KINDS
    }
    write_all(files)
    return list(files)
