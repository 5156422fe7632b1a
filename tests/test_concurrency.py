"""--concurrency against a real loopback server: the same briefs as one at a time, in input order, whatever order
the answers come back in; one failure among them is reported and the rest kept; Ctrl-C keeps what finished;
the local model stays one article at a time and says so."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer.cli as cli
from benchmarks.run import comparable  # briefs in output order, without timings and cache hits
from summarizer.articles import expand_inputs, read_article
from summarizer.cli import app
from summarizer.store import request_key
from tests import fakeserver as fs
from tests.conftest import DEV, EXCHANGES, ROOT, SEEDS, all_articles, default_ctrl_c


def run(server: fs.FakeOpenAI, *args: str, cache: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), str(DEV), "--provider", "openai", "--base-url",
                                      server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache), "--no-cache",
                                      "--format", "jsonl", *args], env=fs.cli_env())
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.exception
    return result.exit_code, result.stdout, result.stderr




def opening(path: Path) -> str:
    """Words of the article's first sentence, as they appear in every request about it."""
    return read_article(path).sentences[0].text[:40]


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    with fs.FakeOpenAI(EXCHANGES) as server:
        code, out, err = run(server, cache=tmp_path_factory.mktemp("c"))
    assert code == 0, err
    return comparable(out)


def test_concurrent_briefs_equal_sequential_ones_in_input_order(tmp_path: Path,
                                                                sequential: list[dict[str, Any]]) -> None:
    articles = all_articles()
    with fs.FakeOpenAI(EXCHANGES) as server:
        # The first articles answer slowest, so later ones finish first.
        for k, delay in enumerate((0.9, 0.6, 0.3)):
            server.plan(fs.ok(delay=delay), match=opening(articles[k]))
        code, out, err = run(server, "--concurrency", "6", cache=tmp_path)
        answered = [r.key for r in server.answered]
    assert code == 0, err
    assert comparable(out) == sequential
    assert [b["article"] for b in comparable(out)] == [item.name for item in expand_inputs([str(SEEDS), str(DEV)])]
    # The answers really came back out of input order: the first article's first answer was not the first out.
    first_request_of_first_article = next(r for r in server.received if opening(articles[0]) in r.user_text)
    assert answered.index(first_request_of_first_article.key) > 3


def test_one_failure_among_concurrent_articles_is_reported_and_the_others_kept(
        tmp_path: Path, sequential: list[dict[str, Any]]) -> None:
    broken = all_articles()[7]
    with fs.FakeOpenAI(EXCHANGES) as server:
        server.plan(fs.unauthorized("Incorrect API key provided"), match=opening(broken))
        code, out, err = run(server, "--concurrency", "4", cache=tmp_path)
    briefs = comparable(out)
    assert code == 1
    assert f"1 of {len(all_articles())} article(s) failed" in " ".join(err.split())
    assert briefs[7]["article"] == str(broken) and briefs[7]["status"] == "failed"
    assert "401" in briefs[7]["error"]
    assert briefs[:7] + briefs[8:] == sequential[:7] + sequential[8:]


def test_duplicates_among_concurrent_articles_are_summarized_once(tmp_path: Path) -> None:
    seed = SEEDS / "003_1315655d0b13ffe5.txt"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(seed.read_text())
    with fs.FakeOpenAI(EXCHANGES, default=fs.ok(delay=0.2)) as server:
        result = CliRunner().invoke(app, ["summarize", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                          str(tmp_path / "c.txt"), "--provider", "openai", "--base-url",
                                          server.base_url, "--model", fs.MODEL, "--no-cache", "--concurrency", "3",
                                          "--format", "jsonl"], env=fs.cli_env())
        asked = {r.key for r in server.received}
    assert result.exit_code == 0, result.output
    briefs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [b["duplicate_of"] for b in briefs] == [None, str(tmp_path / "a.txt"), str(tmp_path / "a.txt")]
    assert len(server.received) == len(asked)  # no request was asked twice


def test_ctrl_c_during_a_concurrent_run_keeps_what_finished(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with fs.FakeOpenAI(EXCHANGES, default=fs.ok(delay=0.3)) as server:
        cmd = [sys.executable, "-m", "summarizer", "summarize", str(SEEDS), str(DEV), "--provider", "openai",
               "--base-url", server.base_url, "--model", fs.MODEL, "--cache-dir", str(tmp_path / "cache"),
               "--format", "jsonl", "--output", str(out), "--concurrency", "4"]
        proc = subprocess.Popen(cmd, env={**os.environ, **fs.cli_env()}, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, preexec_fn=default_ctrl_c)
        end = time.monotonic() + 90
        while len(server.answered) < 8:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < end, "the run made no progress"
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    finished = [json.loads(line) for line in out.read_text().splitlines()]
    assert 1 <= len(finished) < len(all_articles())
    order = [item.name for item in expand_inputs([str(SEEDS), str(DEV)])]
    names = [b["article"] for b in finished]
    assert names == sorted(names, key=order.index)  # what finished, in input order
    assert f"interrupted: {len(finished)} of {len(all_articles())} article(s) finished" in stderr
    assert "Traceback" not in stderr


class StubLocal:
    """Stands in for the embedded model (never loaded in these tests)."""

    provider = "local"
    model_id = "local:stub"

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        return fs.FakeOpenAI._completion(request, fs.NO_INCIDENT, "stop")[0]


@pytest.mark.parametrize(("args", "env", "said"), [
    (["--concurrency", "4"], {}, True),
    ([], {"SUMMARIZER_CONCURRENCY": "4"}, False),
    (["-v"], {"SUMMARIZER_CONCURRENCY": "4"}, True),
])
def test_the_local_model_runs_one_article_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    args: list[str], env: dict[str, str], said: bool) -> None:
    asked: list[int] = []
    real = cli.summarize_inputs

    def spy(*a: Any, **kw: Any) -> Any:
        asked.append(kw["concurrency"])
        return real(*a, **kw)

    monkeypatch.setattr(cli, "_backend", lambda chosen, settings: StubLocal())
    monkeypatch.setattr(cli, "summarize_inputs", spy)
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "local", "--no-cache", "--format",
                                      "jsonl", *args], env={"SUMMARIZER_CONFIG": "", **env})
    assert result.exit_code == 0, result.output
    assert asked == [1]
    assert ("concurrency 4 ignored: the local model summarizes one article at a time" in result.stderr) is said


def test_concurrency_comes_from_settings_and_must_be_positive(tmp_path: Path) -> None:
    env = {"SUMMARIZER_CONCURRENCY": "8", "SUMMARIZER_CONFIG": ""}
    shown = CliRunner().invoke(app, ["config"], env=env)
    row = next(line.split() for line in shown.stdout.splitlines() if line.startswith("concurrency"))
    assert row[1:] == ["8", "env", "SUMMARIZER_CONCURRENCY"]
    bad = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "replay", "--fixtures", str(EXCHANGES)],
                             env={**env, "SUMMARIZER_CONCURRENCY": "0"})
    assert bad.exit_code == 2
    assert bad.stderr == "error: $SUMMARIZER_CONCURRENCY: concurrency must be a whole number of 1 or more, not '0'\n"
    flag = CliRunner().invoke(app, ["summarize", str(SEEDS), "--concurrency", "0"], env=env)
    assert flag.exit_code == 2


def test_every_request_of_a_concurrent_run_is_one_a_sequential_run_asks(tmp_path: Path) -> None:
    """The requests themselves do not depend on concurrency (so caches and recordings serve both)."""
    keys: dict[str, set[str]] = {}
    for workers in ("1", "5"):
        with fs.FakeOpenAI(EXCHANGES) as server:
            code, _, err = run(server, "--concurrency", workers, cache=tmp_path / workers)
            assert code == 0, err
            keys[workers] = {request_key(r.body) for r in server.received}
    assert keys["1"] == keys["5"]
