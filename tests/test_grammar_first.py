"""The embedded model's samplers and KV-cache reuse, on the real model (slow: loads the 1.5B model three times)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from summarizer.llm import LOCAL_DECODER, LocalBackend, local_available
from summarizer.settings import default_cache_dir

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not local_available(), reason="needs the [local] extra (scripts/test.sh installs it)"),
]

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "place": {"type": "string"},
        "killed": {"type": ["integer", "null"]},
        "wounded": {"type": ["integer", "null"]},
        "claimed": {"type": "boolean"},
    },
    "required": ["place", "killed", "wounded", "claimed"],
}
SYSTEM = ("You read one news report and answer in JSON: the place of the attack, how many were killed and "
          "wounded (null when the report does not say), and whether a group claimed it. " * 4)


def _request(article: str) -> dict[str, Any]:
    return {
        "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": article}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "schema": SCHEMA}},
        "temperature": 0.0,
        "max_tokens": 80,
    }


FIRST = _request("A car bomb killed seven people and wounded 15 in Baidoa on Monday, police said.")
SECOND = _request("Gunmen stormed a checkpoint near Kunduz; three soldiers died. The Taliban claimed it.")


@pytest.fixture(scope="module")
def backend() -> LocalBackend:
    return LocalBackend(None, default_cache_dir() / "models")


def test_grammar_first_sampling_gives_the_same_answer_as_masking_the_whole_vocabulary(backend: LocalBackend) -> None:
    from llama_cpp import Llama

    plain = Llama(model_path=str(backend.path), n_ctx=2048, n_threads=backend._llama.n_threads, n_batch=512,
                  seed=0, verbose=False)
    fresh = LocalBackend(None, default_cache_dir() / "models", fast_forward=False)
    ours = fresh.complete(FIRST)
    theirs = plain.create_chat_completion(
        messages=FIRST["messages"], response_format={"type": "json_object", "schema": SCHEMA},
        temperature=0.0, max_tokens=80, seed=0)
    answer = ours["choices"][0]["message"]["content"]
    assert answer == theirs["choices"][0]["message"]["content"]  # type: ignore[index]
    assert json.loads(answer)["killed"] == 7
    stage = fresh._llama.last_stage
    assert stage is not None and stage.tokens > 0
    # The point of it: most tokens never run the grammar over the whole vocabulary.
    assert stage.full_applications < stage.tokens / 2, (stage.full_applications, stage.tokens)


def test_the_system_prompt_is_evaluated_once_and_reused_by_the_next_request(backend: LocalBackend) -> None:
    backend._llama.reset()
    first = backend.complete(FIRST)
    second = backend.complete(SECOND)
    assert first["usage"]["prompt_tokens_details"]["cached_tokens"] == 0  # nothing to reuse yet
    system_tokens = len(backend._llama.tokenize(SYSTEM.encode(), add_bos=False))
    reused = second["usage"]["prompt_tokens_details"]["cached_tokens"]
    assert reused >= system_tokens, (reused, system_tokens)
    assert reused < second["usage"]["prompt_tokens"]  # the new article itself was evaluated
    assert json.loads(second["choices"][0]["message"]["content"])["killed"] == 3


def test_fast_forward_answers_in_one_layout_and_most_tokens_are_forced_by_the_schema(backend: LocalBackend) -> None:
    answer = backend.complete(FIRST)
    text = answer["choices"][0]["message"]["content"]
    assert {k: v for k, v in json.loads(text).items() if k != "claimed"} == {"place": "Baidoa", "killed": 7,
                                                                             "wounded": 15}
    assert text == json.dumps(json.loads(text), separators=(", ", ": "))  # keys are forced text, no free spaces
    usage = answer["usage"]
    assert answer["choices"][0]["finish_reason"] == "stop"
    assert usage["completion_tokens_details"]["forced_tokens"] > usage["completion_tokens"] / 3, usage
    assert backend.model_id.endswith(f":{LOCAL_DECODER}")


def test_a_schema_llguidance_cannot_compile_is_decoded_by_llama_cpp_s_grammar(backend: LocalBackend) -> None:
    schema = {"type": "object", "properties": {"places": {"type": "array", "items": {"type": "string"},
                                                          "uniqueItems": True, "maxItems": 1}},
              "required": ["places"]}
    request = FIRST | {"response_format": {"type": "json_schema", "json_schema": {"name": "a", "schema": schema}}}
    answer = backend.complete(request)
    assert "completion_tokens_details" not in answer["usage"]  # llama-cpp-python's own response
    (place,) = json.loads(answer["choices"][0]["message"]["content"])["places"]  # a whole answer, maxItems kept
    assert "Baidoa" in place


def test_an_answer_cut_off_at_max_tokens_says_so(backend: LocalBackend) -> None:
    answer = backend.complete(FIRST | {"max_tokens": 6})
    assert answer["choices"][0]["finish_reason"] == "length"
    assert answer["usage"]["completion_tokens"] == 6
    assert answer["choices"][0]["message"]["content"].startswith('{"place": ')
