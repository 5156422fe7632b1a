"""The embedded decoder lets a count's label name only an incident the answer lists (``labels_within_listed``).

The grammar is compiled with the embedded model's own tokenizer (vocabulary only, no weights evaluated) and fed
answers as the model would write them, in the decoder's one JSON layout."""

from __future__ import annotations

import json
from typing import Any

import pytest

from summarizer.llm import local_available
from summarizer.schema import CountChoice, answer_model, labels_within_listed
from summarizer.settings import default_cache_dir

pytestmark = pytest.mark.skipif(not local_available(), reason="needs the [local] extra (scripts/test.sh installs it)")

CHOICES = [CountChoice("S1: Ten soldiers were", ("killed", "wounded"), (), ()),
           CountChoice("S2: five other soldiers", ("killed", "wounded"), (), ())]
INCIDENT = {"headline": "Rebels ambush a patrol", "event_type": "ambush", "date_text": None, "country": "India",
            "province": None, "place": None, "place_sentence": None, "perpetrator": None,
            "perpetrator_sentence": None, "target": None, "claimed_by": None, "claim_sentence": None}


@pytest.fixture(scope="module")
def decoder() -> Any:
    from llama_cpp import Llama

    from summarizer.fast_forward import FastForward
    from summarizer.weights import embedded_model_path

    llama = Llama(model_path=str(embedded_model_path(default_cache_dir() / "models")), vocab_only=True,
                  verbose=False)
    return FastForward(llama)


def _schema() -> dict[str, Any]:
    from summarizer.fast_forward import closed

    schema = answer_model(CHOICES).model_json_schema()
    ordered: dict[str, Any] = closed(schema)
    return ordered


def _answer(others: int, labels: tuple[int, int]) -> str:
    props = _schema()["$defs"]["IncidentAnswer"]["properties"]
    incident = {k: INCIDENT.get(k) for k in props}
    answer = {"is_incident_report": True, "incident": incident, "other_incidents": [incident] * others,
              "counts": {c.key: {"incident": n, "outcome": "wounded"} for c, n in zip(CHOICES, labels, strict=True)}}
    return json.dumps(answer, ensure_ascii=False)


def _accepts(decoder: Any, schema: dict[str, Any], text: str) -> bool:
    matcher = decoder.matcher(schema)
    tokens = decoder._tokenizer.tokenize_str(text)
    return bool(matcher.validate_tokens(tokens) == len(tokens) and matcher.consume_tokens(tokens)
                and matcher.is_accepting())


def test_a_label_past_the_listed_incidents_is_refused(decoder: Any) -> None:
    bounded = labels_within_listed(_schema())
    # Nothing else listed: "2" (the second incident) is no choice; 1 and 0 (an event not listed) are.
    assert not _accepts(decoder, bounded, _answer(0, (1, 2)))
    assert _accepts(decoder, bounded, _answer(0, (1, 0)))
    # One other incident listed: 2 names it; 3 names none.
    assert _accepts(decoder, bounded, _answer(1, (1, 2)))
    assert not _accepts(decoder, bounded, _answer(1, (3, 1)))
    # The request's own schema, as any server reads it, allows them all: the bound is the embedded decoder's.
    assert _accepts(decoder, _schema(), _answer(0, (1, 2)))


def test_other_schemas_pass_unchanged() -> None:
    schema = {"type": "object", "properties": {"same_incident": {"type": "boolean"}}, "required": ["same_incident"]}
    assert labels_within_listed(schema) is schema
