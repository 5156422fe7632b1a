"""Failing models and servers, against a real OpenAI-compatible HTTP server on loopback (tests/fakeserver.py).

Transport failures (timeouts, dropped connections, 429, 5xx) are retried with backoff within a deadline,
honouring Retry-After; answers that fail validation are re-asked within --max-retries; every attempt's tokens
are counted; every article ends ok or failed with a one-line reason; the batch completes and exits 1.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.articles import read_article
from summarizer.cli import app
from tests import fakeserver as fs
from tests.conftest import EXCHANGES, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"


def summarize(server: fs.FakeOpenAI, *paths: Path | str, cache: Path, args: tuple[str, ...] = (),
              **env: str) -> tuple[int, list[dict[str, Any]], Any]:
    result = CliRunner().invoke(app, ["summarize", *map(str, paths), "--provider", "openai", "--base-url",
                                      server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache),
                                      "--format", "jsonl", *args], env=fs.cli_env(**env))
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.exception
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result


@pytest.fixture
def server() -> Any:
    with fs.FakeOpenAI(EXCHANGES, responder=lambda body: fs.VELKA_ANSWER if "Iron Wolves" in str(body) else None) as s:
        yield s


@pytest.fixture
def velka(tmp_path: Path) -> Path:
    path = tmp_path / "velka.txt"
    path.write_text(fs.VELKA)
    return path


def test_the_guard_lets_tests_reach_loopback_and_nothing_else(server: fs.FakeOpenAI) -> None:
    host, port = server.base_url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=2):
        pass
    for address in [("10.255.255.1", 80), ("192.0.2.1", 443)]:
        with socket.socket() as s, pytest.raises(AssertionError, match="network connection"):
            s.connect(address)


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seed's brief from the recordings, to compare runs that had to retry against."""
    with fs.FakeOpenAI(EXCHANGES) as s:
        code, (brief,), _ = summarize(s, SEED, cache=tmp_path_factory.mktemp("c"))
    assert code == 0 and brief["status"] == "ok"
    return brief


@pytest.mark.parametrize("failure", [fs.drop(), fs.server_error(500), fs.server_error(503), fs.rate_limited("0"),
                                     fs.ok(delay=2.0)], ids=["drop", "500", "503", "429", "slow"])
def test_a_transport_failure_is_retried_and_the_answer_is_the_same(server: fs.FakeOpenAI, tmp_path: Path,
                                                                  failure: fs.Act, replayed: dict[str, Any]) -> None:
    server.plan(failure, failure)
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path)
    assert code == 0, brief["error"]
    assert brief["incidents"] == replayed["incidents"]
    acts = [r.act for r in server.received]
    assert acts[:2] == [failure, failure] and len(acts) == 2 + replayed["usage"]["calls"]
    assert brief["usage"]["prompt_tokens"] == replayed["usage"]["prompt_tokens"]


def test_retry_after_is_honoured(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    server.plan(fs.rate_limited("0.8"))
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path)
    assert brief["status"] == "ok"
    assert code == 0
    first, second = server.received[:2]
    assert second.at - first.at >= 0.8  # backoff alone would wait 0.01 s


def test_a_retry_after_beyond_the_deadline_fails_at_once_and_says_why(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    server.plan(fs.rate_limited("3600"))
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path, args=("--timeout", "5"))
    assert code == 1 and len(server.received) == 1
    assert brief["status"] == "failed"
    assert "429" in brief["error"] and "Retry-After" in brief["error"] and "deadline of 5 s" in brief["error"]


@pytest.mark.parametrize(("failure", "words"), [
    (fs.server_error(500), ["answered 500", "The server had an error", "after 3 attempts"]),
    (fs.rate_limited(None), ["answered 429", "after 3 attempts"]),
    (fs.drop(), ["dropped the connection", "after 3 attempts"]),
    (fs.ok(delay=2.0), ["timed out after", "attempts"]),
], ids=["500", "429", "drop", "timeout"])
def test_a_server_that_keeps_failing_fails_the_article_with_a_one_line_reason(
        server: fs.FakeOpenAI, tmp_path: Path, failure: fs.Act, words: list[str]) -> None:
    server.plan(*[failure] * 10)
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path)
    assert code == 1 and brief["status"] == "failed"
    for w in words:
        assert w in brief["error"]
    assert "\n" not in brief["error"] and "Traceback" not in brief["error"]
    assert 1 <= len(server.received) <= 3  # SUMMARIZER_ATTEMPTS=3 is the only retry policy (client's is off)


def test_the_deadline_bounds_all_attempts(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    server.plan(*[fs.ok(delay=3.0)] * 10)
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path, args=("--timeout", "1"), SUMMARIZER_ATTEMPTS="50",
                                  SUMMARIZER_ATTEMPT_TIMEOUT="0.4")
    assert code == 1 and "timed out" in brief["error"] and "deadline 1 s" in brief["error"]
    assert len(server.received) < 50


def test_a_web_page_instead_of_an_answer_fails_the_article_and_says_so(server: fs.FakeOpenAI,
                                                                      tmp_path: Path) -> None:
    server.plan(fs.web_page())
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path)
    assert code == 1 and brief["status"] == "failed"
    assert "not a JSON object" in brief["error"] and "Please sign in" in brief["error"]
    assert "\n" not in brief["error"] and "Traceback" not in brief["error"]


def test_a_refused_key_is_not_retried(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    server.plan(fs.unauthorized())
    code, (brief,), _ = summarize(server, SEED, cache=tmp_path)
    assert code == 1 and len(server.received) == 1
    assert brief["error"].startswith("the server answered 401: Incorrect API key")


@pytest.mark.parametrize(("bad", "words"), [
    (fs.invalid_json(), "the model's answer was not valid JSON"),
    (fs.wrong_shape(), "the model's answer did not have the expected shape (is_incident_report: field required"),
], ids=["invalid-json", "wrong-shape"])
@pytest.mark.parametrize("max_retries", [0, 2])
def test_bad_answers_are_reasked_within_max_retries(server: fs.FakeOpenAI, velka: Path, tmp_path: Path,
                                                    bad: fs.Act, words: str, max_retries: int) -> None:
    server.plan(*[bad] * 10)
    code, (brief,), _ = summarize(server, velka, cache=tmp_path, args=("--max-retries", str(max_retries)))
    attempts = max_retries + 1
    assert code == 1 and brief["status"] == "failed"
    assert brief["error"].startswith(words)
    assert brief["error"].endswith(f"after {attempts} attempt{'s' if attempts > 1 else ''}")
    assert len(server.received) == attempts and brief["attempts"] == attempts


def test_a_reask_is_in_our_words_and_names_no_library_version(server: fs.FakeOpenAI, velka: Path,
                                                               tmp_path: Path) -> None:
    """The re-ask quotes the answer and says what is wrong with it, without pydantic's error links (which carry
    pydantic's minor version, so a pydantic release would change the request and miss every recording)."""
    server.plan(fs.wrong_shape(), fs.invalid_json())
    code, (brief,), _ = summarize(server, velka, cache=tmp_path)
    assert code == 0 and brief["status"] == "ok" and len(server.received) == 3
    first, second, third = (r.body["messages"] for r in server.received)
    assert second[:2] == first and third[:4] == second  # the conversation grows by the answer and the re-ask
    assert second[2] == {"role": "assistant", "content": '{"events": [{"what": "attack"}], "ok": true}'}
    assert second[3] == {"role": "user", "content": "That answer does not fit the JSON schema of this request:\n"
                         "- is_incident_report: Field required\nAnswer again with the whole JSON object, corrected."}
    assert third[5]["content"].startswith("That answer does not fit the JSON schema of this request:\n"
                                          "- not valid JSON: ")
    for message in (*second[2:], *third[4:]):
        assert "pydantic" not in message["content"] and "http" not in message["content"]


def test_the_tokens_of_every_attempt_are_counted(server: fs.FakeOpenAI, velka: Path, tmp_path: Path) -> None:
    server.plan(fs.invalid_json(), fs.wrong_shape())
    code, (brief,), _ = summarize(server, velka, cache=tmp_path)
    assert code == 0 and brief["status"] == "ok" and brief["attempts"] == 3
    # Three attempts, every one counted in the usage.
    assert [r.schema for r in server.received] == ["Answer"] * 3
    assert brief["usage"]["calls"] == 3
    assert brief["usage"]["prompt_tokens"] == sum(r.usage["prompt_tokens"] for r in server.received)
    assert brief["usage"]["completion_tokens"] == sum(r.usage["completion_tokens"] for r in server.received)


def test_a_reask_after_a_transport_failure_counts_only_answers(server: fs.FakeOpenAI, velka: Path,
                                                               tmp_path: Path) -> None:
    server.plan(fs.invalid_json(), fs.server_error(), fs.drop())
    code, (brief,), _ = summarize(server, velka, cache=tmp_path)
    assert code == 0 and brief["usage"]["calls"] == 2 and brief["attempts"] == 2
    answered = [r for r in server.received if r.usage]
    assert len(server.received) == 4 and len(answered) == 2
    assert brief["usage"]["prompt_tokens"] == sum(r.usage["prompt_tokens"] for r in answered)


def test_output_cut_off_at_the_token_limit(server: fs.FakeOpenAI, velka: Path, tmp_path: Path) -> None:
    answer = fs.VELKA_ANSWER
    cut = answer[: answer.index('"S3: 14') + 30]
    server.plan(fs.truncated(cut), match="Iron Wolves")
    code, (brief,), _ = summarize(server, velka, cache=tmp_path)
    assert code == 0 and brief["status"] == "ok"
    assert "cut off at the token limit" in brief["left_out"][0]
    assert [f["amount_text"] for f in brief["incidents"][0]["figures"]] == ["nine", "nine"]  # headline, lede
    assert "S3 '14 people were': not labelled in the answer" in brief["unused_counts"]

    server.plan(fs.truncated('{"is_incident_report": true, "incident": {"headline": "Iron'))
    code, (brief,), _ = summarize(server, velka, cache=tmp_path / "other")
    assert code == 1 and brief["error"] == "the model's answer was cut off at the token limit"
    assert brief["usage"]["completion_tokens"] > 0


def _sentence(path: Path) -> str:
    return read_article(path).sentences[1].text


def test_a_batch_of_failures_completes_and_says_what_happened_to_each(server: fs.FakeOpenAI, velka: Path,
                                                                       tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for p in seeds:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz_velka.txt").write_text(fs.VELKA)
    (folder / "zz_empty.txt").write_text("  \n")
    server.plan(*[fs.server_error()] * 3, match=_sentence(seeds[0]))
    server.plan(*[fs.invalid_json()] * 3, match="Iron Wolves")
    server.plan(fs.drop(), fs.rate_limited("0"), match=_sentence(seeds[1]))
    code, briefs, result = summarize(server, folder, cache=tmp_path / "cache")
    assert code == 1
    status = {Path(b["article"]).name: (b["status"], b["error"]) for b in briefs}
    assert len(status) == len(seeds) + 2
    assert status[seeds[0].name][0] == "failed" and "answered 500" in status[seeds[0].name][1]
    assert status["zz_velka.txt"][0] == "failed" and "not valid JSON" in status["zz_velka.txt"][1]
    assert status["zz_empty.txt"] == ("failed", f"{folder / 'zz_empty.txt'}: the file is empty (only white space)")
    for p in seeds[1:]:
        assert status[p.name][0] == "ok"
    assert "3 of 7 article(s) failed" in result.stderr


@pytest.mark.parametrize("key", ["x", "none", "sk-no"])
def test_a_short_placeholder_key_does_not_corrupt_the_answers(velka: Path, tmp_path: Path, key: str) -> None:
    """Local servers take any key; a one-letter key must not be blanked out of every answer."""
    with fs.FakeOpenAI(responder=lambda body: fs.VELKA_ANSWER) as server:
        result = CliRunner().invoke(app, ["summarize", str(velka), "--provider", "openai", "--base-url",
                                          server.base_url, "--model", fs.MODEL, "--cache-dir", str(tmp_path),
                                          "--format", "jsonl"], env=fs.cli_env(key=key))
    assert result.exit_code == 0, result.output
    (brief,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert brief["status"] == "ok" and brief["incidents"]
