"""schemas/*.json are exported from summarizer/schema.py; this fails when they drift apart."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ROOT


@pytest.mark.parametrize("which", ["brief", "extraction"])
def test_exported_schema_matches_the_models(which: str) -> None:
    result = CliRunner().invoke(app, ["schema", "--which", which])
    assert result.exit_code == 0
    committed = json.loads((ROOT / "schemas" / f"{which}.schema.json").read_text())
    assert json.loads(result.stdout) == committed, (
        f"schemas/{which}.schema.json is stale: run `summarizer schema --which {which} > "
        f"schemas/{which}.schema.json` (and re-record fixtures if the extraction schema changed)"
    )


def test_model_facing_schema_follows_the_constrained_decoding_rules() -> None:
    """Every field required (optional fields get skipped by a small model), no maxLength anywhere (a string
    cap becomes a grammar rule per character), and every list capped with maxItems: under a grammar a small
    model can repeat one list item until the token limit, two minutes of generation on two cores."""
    schema = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text())
    text = json.dumps(schema)
    assert "maxLength" not in text

    def arrays(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            found = [node] if node.get("type") == "array" else []
            return found + [a for value in node.values() for a in arrays(value)]
        if isinstance(node, list):
            return [a for value in node for a in arrays(value)]
        return []

    lists = arrays(schema)
    assert len(lists) >= 1 and all(isinstance(a.get("maxItems"), int) for a in lists), lists
    for name, definition in [("Answer", schema), *schema["$defs"].items()]:
        props = definition.get("properties", {})
        assert set(definition.get("required", [])) == set(props), f"{name} has optional fields"
        for prop in props.values():
            assert "default" not in prop
