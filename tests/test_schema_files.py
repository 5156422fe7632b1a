"""schemas/*.json are exported from summarizer/schema.py; this fails when they drift apart."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summarizer.candidates import ALL_GROUPS, ALL_OUTCOMES, ARTICLE_SOURCE
from summarizer.cli import app
from summarizer.schema import CountChoice, answer_model
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


def _arrays(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "array" else []
        return found + [a for value in node.values() for a in _arrays(value)]
    if isinstance(node, list):
        return [a for value in node for a in _arrays(value)]
    return []


@pytest.mark.parametrize("which", ["exported", "per article"])
def test_model_facing_schema_follows_the_constrained_decoding_rules(which: str) -> None:
    """Every property required (the grammar reads ``required``: an optional field gets skipped by a small model;
    a Python default only keeps validation lenient for servers without a grammar), no maxLength anywhere (a
    string cap becomes a grammar rule per character), every list capped with maxItems (under a grammar a small
    model can repeat one list item until the token limit), and the main incident never null."""
    if which == "exported":
        schema = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text())
    else:
        choices = [CountChoice("S2: at least seven people", ("killed", "none"), (), ("police", "officials")),
                   CountChoice("S3: nine others", ALL_OUTCOMES, ALL_GROUPS, (ARTICLE_SOURCE,))]
        schema = answer_model(choices, ["bombing", "other"]).model_json_schema()
    assert "maxLength" not in json.dumps(schema)
    lists = _arrays(schema)
    assert len(lists) >= 1 and all(isinstance(a.get("maxItems"), int) for a in lists), lists
    for name, definition in [("Answer", schema), *schema["$defs"].items()]:
        props = definition.get("properties", {})
        assert set(definition.get("required", [])) == set(props), f"{name} has optional fields"
    assert "$ref" in schema["properties"]["incident"] and "anyOf" not in schema["properties"]["incident"]


def test_the_claimant_is_chosen_among_the_claims_the_article_states() -> None:
    """Per article, claimed_by is one of the claims code found in its sentences, or null; with none found it can
    only be null, so a claimant no sentence names ("Witnesses", a police source) cannot be written."""
    def claimant(claimants: tuple[str, ...] | None) -> dict[str, object]:
        schema = answer_model([], ["bombing", "other"], claimants).model_json_schema()
        incident = schema["$defs"]["IncidentAnswer"]
        prop: dict[str, object] = incident["properties"].get("claimed_by", {})
        return prop

    stated = claimant(("Al-Shabab", "A Taleban commander"))
    assert stated["anyOf"] == [{"enum": ["Al-Shabab", "A Taleban commander"], "type": "string"}, {"type": "null"}]
    assert claimant(())["type"] == "null"  # no claim stated: only null
    assert {"type": "string"} in claimant(None)["anyOf"]  # the schema in general (schemas/): not narrowed
