"""How the ``openai`` provider asks a server for JSON, against the fake server taught to refuse formats.

A server that refuses ``json_schema`` (llama-cpp-python's does, with a 500) still gives every brief: the refusal
is not retried, the next format is tried, one line says what was refused and what was tried, the format that
works is remembered per server and model, shown with -v and in every brief. ``--response-format`` fixes it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.llm import FORMATS, shape_request
from summarizer.store import ExchangeStore, request_key
from tests import fakeserver as fs
from tests.conftest import EXCHANGES, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"


def summarize(server: fs.FakeOpenAI, *paths: Path, cache: Path, args: tuple[str, ...] = ()) -> tuple[
        int, list[dict[str, Any]], str]:
    result = CliRunner().invoke(app, ["summarize", *map(str, paths), "--provider", "openai", "--base-url",
                                      server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache),
                                      "--format", "jsonl", *args], env=fs.cli_env())
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.exception
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seed's brief from the recordings, asked in json_schema as they were recorded."""
    with fs.FakeOpenAI(EXCHANGES) as s:
        code, (brief,), _ = summarize(s, SEED, cache=tmp_path_factory.mktemp("c"))
    assert code == 0 and brief["status"] == "ok"
    assert brief["response_format"] == "json_schema"
    return brief


def test_a_server_that_refuses_json_schema_like_llama_cpp_python_still_gives_the_brief(
        tmp_path: Path, replayed: dict[str, Any]) -> None:
    with fs.FakeOpenAI(EXCHANGES, refuse=fs.LLAMA_CPP_PYTHON) as server:
        started = time.monotonic()
        code, (brief,), stderr = summarize(server, SEED, cache=tmp_path)
        elapsed = time.monotonic() - started
    assert code == 0, brief["error"]
    assert brief["response_format"] == "json_object"
    assert brief["incidents"] == replayed["incidents"]  # the same answer, asked in another format
    formats = [r.format for r in server.received]
    assert formats == ["json_schema"] + ["json_object"] * replayed["usage"]["calls"]  # refused once, not retried
    assert elapsed < 5
    notes = [line for line in stderr.splitlines() if "refused" in line]
    assert len(notes) == 1, stderr
    assert "response_format json_schema" in notes[0] and "500" in notes[0]
    assert "Input should be 'text' or 'json_object'" in notes[0] and "trying response_format json_object" in notes[0]


def test_the_format_that_worked_is_remembered_for_the_next_run_and_shown_with_v(tmp_path: Path,
                                                                               velka: Path) -> None:
    with fs.FakeOpenAI(EXCHANGES, refuse=fs.LLAMA_CPP_PYTHON) as server:
        summarize(server, SEED, cache=tmp_path)
        memory = json.loads((tmp_path / "response_formats.json").read_text())
        (entry,) = memory.values()
        assert entry["server"] == server.base_url and entry["model"] == fs.MODEL
        assert entry["response_format"] == "json_object" and "json_schema" in entry["refused"]
        before = len(server.received)
        code, (brief,), stderr = summarize(server, velka, cache=tmp_path, args=("-v",))
        assert code == 0 and brief["response_format"] == "json_object"
        assert {r.format for r in server.received[before:]} == {"json_object"}  # asked in it at once
    assert "response format json_object (remembered" in " ".join(stderr.split())
    assert "asked in json_object" in stderr  # the -v line of the article
    info = CliRunner().invoke(app, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert f"json_object for {server.base_url} {fs.MODEL}" in " ".join(info.stdout.split())
    CliRunner().invoke(app, ["cache", "clear", "--yes", "--cache-dir", str(tmp_path)])
    assert not (tmp_path / "response_formats.json").exists()


def test_a_format_that_cannot_be_remembered_is_said(tmp_path: Path) -> None:
    (tmp_path / "response_formats.json").mkdir()  # the memory cannot be written (even as root)
    with fs.FakeOpenAI(EXCHANGES, refuse=fs.LLAMA_CPP_PYTHON) as server:
        code, (brief,), stderr = summarize(server, SEED, cache=tmp_path)
    assert code == 0 and brief["status"] == "ok" and brief["response_format"] == "json_object"
    said = " ".join(stderr.split())
    assert f"settled on response_format json_object with the schema for {server.base_url} {fs.MODEL} (not " \
           f"remembered: cannot write {tmp_path / 'response_formats.json'}: " in said
    assert "the next run asks again)" in said


@pytest.fixture
def velka(tmp_path: Path) -> Path:
    path = tmp_path / "velka.txt"
    path.write_text(fs.VELKA)
    return path


@pytest.mark.parametrize("refused, settled", [
    (("json_schema", "json_object"), "tools"),
    (("json_schema", "json_object", "tools"), "prompt"),
])
def test_each_step_down_gives_the_same_brief(tmp_path: Path, replayed: dict[str, Any], refused: tuple[str, ...],
                                             settled: str) -> None:
    with fs.FakeOpenAI(EXCHANGES, refuse=refused) as server:
        code, (brief,), stderr = summarize(server, SEED, cache=tmp_path)
    assert code == 0, brief["error"]
    assert brief["response_format"] == settled and brief["incidents"] == replayed["incidents"]
    assert [r.format for r in server.received][: len(refused) + 1] == [*refused, settled]
    assert sum("refused" in line for line in stderr.splitlines()) == len(refused)
    last = [r for r in server.received if r.schema == "Answer"][-1].body  # the article's request, not a question
    if settled == "tools":  # the answer came as a tool call and was read from its arguments
        assert last["tool_choice"] == {"type": "function", "function": {"name": "Answer"}}
    else:  # no constraint at all: the schema is in the system prompt
        assert "response_format" not in last and "tools" not in last
        assert '"title": "Answer"' in last["messages"][0]["content"]


def test_a_fenced_answer_in_prompt_mode_is_unwrapped(tmp_path: Path, velka: Path) -> None:
    with fs.FakeOpenAI(responder=lambda body: f"```json\n{fs.VELKA_ANSWER}\n```") as server:
        code, (brief,), _ = summarize(server, velka, cache=tmp_path, args=("--response-format", "prompt"))
    assert code == 0, brief["error"]
    assert brief["response_format"] == "prompt" and brief["incidents"][0]["perpetrator"] == "Iron Wolves"


def test_a_fixed_format_that_is_refused_fails_in_one_line_without_retrying(tmp_path: Path, velka: Path) -> None:
    with fs.FakeOpenAI(refuse=fs.LLAMA_CPP_PYTHON) as server:
        code, (brief,), _ = summarize(server, velka, cache=tmp_path, args=("--response-format", "json_schema"))
    assert code == 1 and brief["status"] == "failed"
    assert len(server.received) == 1
    error = brief["error"]
    assert "\n" not in error and "refused response_format json_schema (500:" in error
    assert "--response-format auto" in error


def test_every_format_refused_says_what_was_tried(tmp_path: Path, velka: Path) -> None:
    """Only a response format or tools can be refused as a shape; when the last one left (the prompt) fails,
    the error is the server's, as for any request."""
    with fs.FakeOpenAI(refuse=("json_schema", "json_object", "tools"), default=fs.unauthorized()) as server:
        code, (brief,), stderr = summarize(server, velka, cache=tmp_path)
    assert code == 1 and [r.format for r in server.received] == list(FORMATS)
    assert "401" in brief["error"]
    assert sum("refused" in line for line in stderr.splitlines()) == 3


def test_a_fixed_format_is_sent_at_once_and_the_exchange_says_which(tmp_path: Path, velka: Path) -> None:
    with fs.FakeOpenAI(responder=lambda body: fs.VELKA_ANSWER) as server:
        code, (brief,), _ = summarize(server, velka, cache=tmp_path, args=("--response-format", "json_object"))
    assert code == 0 and brief["response_format"] == "json_object"
    assert [r.format for r in server.received] == ["json_object"]
    (entry,) = [json.loads(p.read_text()) for p in ExchangeStore(tmp_path / "exchanges").entries()]
    assert entry["meta"]["response_format"] == "json_object"
    assert entry["request"]["response_format"]["type"] == "json_object"
    assert entry["key"] == request_key(server.received[0].body)  # keyed by the request as sent
    assert not (tmp_path / "response_formats.json").exists()  # a fixed setting is not a finding


def test_concurrent_articles_step_down_once(tmp_path: Path) -> None:
    paths = []
    for i in range(6):
        path = tmp_path / f"velka{i}.txt"
        path.write_text(fs.VELKA + f"Report {i}.\n")
        paths.append(path)
    with fs.FakeOpenAI(responder=lambda body: fs.VELKA_ANSWER, refuse=fs.LLAMA_CPP_PYTHON) as server:
        code, briefs, stderr = summarize(server, *paths, cache=tmp_path / "c", args=("--concurrency", "4"))
    assert code == 0 and len(briefs) == 6 and {b["response_format"] for b in briefs} == {"json_object"}
    assert sum("refused" in line for line in stderr.splitlines()) == 1, stderr
    assert sum(r.format == "json_schema" for r in server.received) <= 4  # at most one per thread


def test_a_transient_500_is_still_retried(tmp_path: Path, velka: Path) -> None:
    """Only a 500 that names the response format is a refusal; any other 500 is a passing fault."""
    with fs.FakeOpenAI(responder=lambda body: fs.VELKA_ANSWER) as server:
        server.plan(fs.server_error(500))
        code, (brief,), stderr = summarize(server, velka, cache=tmp_path)
    assert code == 0 and brief["response_format"] == "json_schema"
    assert [r.format for r in server.received] == ["json_schema", "json_schema"]
    assert "refused" not in stderr


def test_local_and_replay_requests_are_not_reshaped() -> None:
    """The recordings answer only the requests as they were made: json_schema is sent as it is."""
    for path in ExchangeStore(EXCHANGES).entries():
        entry = json.loads(path.read_text())
        request = entry["request"]
        assert shape_request(request, "json_schema") is request
        assert request_key(request) == entry["key"]
        assert all(request_key(shape_request(request, m)) != entry["key"] for m in FORMATS[1:])


def test_the_setting_is_shown_and_checked(tmp_path: Path) -> None:
    shown = CliRunner().invoke(app, ["config"], env={"SUMMARIZER_CONFIG": ""})
    row = next(line.split() for line in shown.stdout.splitlines() if line.startswith("response_format"))
    assert row[1:] == ["auto", "default"]
    bad = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "replay", "--cache-dir", str(tmp_path)],
                             env={"SUMMARIZER_RESPONSE_FORMAT": "xml"})
    assert bad.exit_code == 2 and "response_format must be one of auto, json_schema" in bad.stderr
    assert "'xml'" in bad.stderr
