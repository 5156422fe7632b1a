"""A cut-off answer keeps what the model finished writing, grounded like any answer, and says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from instructor.core.exceptions import IncompleteOutputException
from openai.types.chat import ChatCompletion

from summarizer.articles import expand_inputs, parse_article
from summarizer.llm import ExchangeClient
from summarizer.pipeline import _salvage_truncated, summarize_inputs
from summarizer.prompts import load_templates

ARTICLE = parse_article(
    "Gunmen kill nine in raid on Velka market\n"
    "Gunmen from the Iron Wolves stormed a market in Velka on Sunday, killing nine traders, police said.\n"
    "Another 14 people were wounded.\n",
    "t",
)
FIG_KILLED = ('{"sentence": 2, "amount": "nine", "outcome": "killed", "group": "civilians", '
              '"according_to": "police"}')
FIG_WOUNDED = '{"sentence": 3, "amount": "14", "outcome": "wounded", "group": "total", "according_to": null}'
HEAD = ('{"is_incident_report": true, "incidents": [{"headline": "Iron Wolves raid Velka market", '
        '"summary": "A raid.", '
        '"event_type": "armed_assault", "date_text": "on Sunday", "country": null, "province": null, '
        '"place": "Velka", "place_sentence": 2, "perpetrator": "Iron Wolves", "perpetrator_sentence": 2, '
        '"target": "traders", "figures": [')


def cut_off(content: str) -> IncompleteOutputException:
    completion: dict[str, Any] = {
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "length", "message": {"role": "assistant", "content": content}}],
    }
    return IncompleteOutputException(last_completion=ChatCompletion.model_validate(completion))


def test_repetition_cut_at_the_token_limit_keeps_the_finished_figures_once() -> None:
    content = HEAD + ", ".join([FIG_KILLED, FIG_WOUNDED, FIG_KILLED, FIG_KILLED]) + ', {"sentence": 2, "amo'
    extraction = _salvage_truncated(cut_off(content), {"article": ARTICLE})
    assert extraction is not None
    (inc,) = extraction.incidents
    assert [(f.amount, f.outcome) for f in inc.figures] == [("nine", "killed"), ("14", "wounded")]
    assert inc.perpetrator == "Iron Wolves" and inc.claimed_by is None and inc.sources == []
    assert "cut off at the token limit" in extraction.dropped[0]


def test_an_answer_cut_before_any_incident_is_finished_is_not_salvaged_into_facts() -> None:
    extraction = _salvage_truncated(cut_off('{"is_incident_report": true, "incidents": [{"headline": "Iron'),
                                    {"article": ARTICLE})
    assert extraction is None


def test_an_unexpected_error_fails_one_article_and_the_batch_goes_on(tmp_path: Path) -> None:
    class Broken:
        provider = "broken"
        model_id = "broken"

        def complete(self, request: dict[str, Any]) -> dict[str, Any]:
            raise KeyError("boom")

    good = tmp_path / "a.txt"
    good.write_text("Gunmen killed two people in Velka.")
    client = ExchangeClient(backend=Broken())
    briefs = summarize_inputs(expand_inputs([str(good), str(tmp_path / "missing.txt")]), client, load_templates())
    assert [b.status for b in briefs] == ["failed", "failed"]
    assert "boom" in (briefs[0].error or "") and "no such file" in (briefs[1].error or "")
