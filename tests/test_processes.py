"""Interruptions and concurrency with real processes: SIGKILL mid-batch and resume, two processes sharing
one cache, Ctrl-C. The CLI runs as a subprocess against the loopback fake server, which answers the 21
recorded articles exactly as recorded, slowly enough that signals land mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer.store import ExchangeStore
from tests import fakeserver as fs
from tests.conftest import DEV, EXCHANGES, ROOT, SEEDS, all_articles, default_ctrl_c


def start(server: fs.FakeOpenAI, *paths: Path, cache: Path, output: Path) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "summarizer", "summarize", *map(str, paths), "--provider", "openai", "--base-url",
           server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache), "--format", "jsonl", "--output",
           str(output)]
    return subprocess.Popen(cmd, env={**os.environ, **fs.cli_env()}, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=default_ctrl_c)


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], limit: float = 90.0) -> None:
    """Poll until ``condition`` holds (bounded, so a broken run fails instead of hanging)."""
    end = time.monotonic() + limit
    while not condition():
        assert proc.poll() is None, f"the run ended before the signal: {proc.communicate()}"
        assert time.monotonic() < end, "the run made no progress"
        time.sleep(0.02)


def entries(cache: Path) -> list[Path]:
    return ExchangeStore(cache / "exchanges").entries()


def assert_sound(cache: Path) -> None:
    """Every entry is whole: it parses, and its key is its name and the hash of the request it holds."""
    from summarizer.store import request_key

    for path in entries(cache):
        entry = json.loads(path.read_text(encoding="utf-8"))
        assert entry["key"] == path.stem == request_key(entry["request"])
        assert entry["response"]["choices"][0]["message"]["content"]


def comparable(output: Path) -> dict[str, Any]:
    """Briefs by article, without what legitimately differs between runs (timings, cache hits)."""
    out = {}
    for line in output.read_text().splitlines():
        b = json.loads(line)
        b.pop("seconds")
        b["usage"].pop("model_seconds")
        b["usage"].pop("cached_calls")
        out[b["article"]] = b
    return out


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("straight")
    with fs.FakeOpenAI(EXCHANGES) as server:
        proc = start(server, SEEDS, DEV, cache=d / "cache", output=d / "out.jsonl")
        assert proc.wait(timeout=300) == 0, proc.communicate()
    briefs = comparable(d / "out.jsonl")
    assert len(briefs) == len(all_articles())
    return briefs


def test_sigkill_mid_batch_then_resume_gives_the_same_output(tmp_path: Path, uninterrupted: dict[str, Any]) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out.jsonl"
    with fs.FakeOpenAI(EXCHANGES, default=fs.ok(delay=0.1)) as server:
        proc = start(server, SEEDS, DEV, cache=cache, output=out)
        wait_for(lambda: len(entries(cache)) >= 6, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert_sound(cache)
        done = {p.stem for p in entries(cache)}
        total = len(ExchangeStore(EXCHANGES).entries())
        assert 6 <= len(done) < total  # killed mid-batch
        server.default = fs.ok()
        before = len(server.received)
        proc = start(server, SEEDS, DEV, cache=cache, output=out)
        assert proc.wait(timeout=300) == 0, proc.communicate()
        asked_again = {r.key for r in server.received[before:]}
    assert not asked_again & done  # everything finished before the kill came from the cache
    assert len(asked_again) == total - len(done)
    assert_sound(cache)
    assert comparable(out) == uninterrupted


def test_two_processes_share_one_cache(tmp_path: Path, uninterrupted: dict[str, Any]) -> None:
    cache = tmp_path / "cache"
    # Overlapping inputs in opposite orders, so both write the same entries at about the same time.
    dev = sorted(DEV.glob("*.txt"))
    with fs.FakeOpenAI(EXCHANGES, default=fs.ok(delay=0.05)) as server:
        a = start(server, SEEDS, DEV, cache=cache, output=tmp_path / "a.jsonl")
        b = start(server, *reversed(dev), SEEDS / "004_7f9b9c3711d5355b.txt", SEEDS / "000_1366eb97e8121237.txt",
                  cache=cache, output=tmp_path / "b.jsonl")
        assert a.wait(timeout=300) == 0, a.communicate()
        assert b.wait(timeout=300) == 0, b.communicate()
    assert_sound(cache)
    assert len(entries(cache)) == len(ExchangeStore(EXCHANGES).entries())
    assert not [p for p in (cache / "exchanges").rglob("*") if p.is_file() and p.suffix != ".json"]  # no partials
    got_a, got_b = comparable(tmp_path / "a.jsonl"), comparable(tmp_path / "b.jsonl")
    assert got_a == uninterrupted
    assert len(got_b) == len(dev) + 2
    for name, brief in got_b.items():
        assert brief == uninterrupted[name]


def test_ctrl_c_reports_what_finished_and_where(tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out.jsonl"
    with fs.FakeOpenAI(EXCHANGES, default=fs.ok(delay=0.2)) as server:
        proc = start(server, SEEDS, DEV, cache=cache, output=out)
        # an article is its request and a question or two about late counts: 8 exchanges are a few articles
        wait_for(lambda: len(entries(cache)) >= 8, proc)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    finished = [json.loads(line) for line in out.read_text().splitlines()]
    assert 1 <= len(finished) < len(all_articles())
    assert f"interrupted: {len(finished)} of {len(all_articles())} article(s) finished" in stderr
    for b in finished:
        assert f"{b['article']}: {b['status']}" in stderr
    flat = " ".join(stderr.split())
    assert f"their briefs are in {out}" in flat and f"cached in {cache / 'exchanges'}" in flat
    assert "Traceback" not in stderr
    assert_sound(cache)
