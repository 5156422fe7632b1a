"""The brief cache: a re-run gives the same briefs without asking the server anything (and without importing
openai); anything that decides a brief (prompts, model, options, code) misses it; --no-cache, --record and
replay do not use it; failures are not kept; a damaged entry is a miss."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer.briefcache as briefcache
import summarizer.cli as cli
from summarizer.briefcache import BriefStore
from summarizer.cli import app
from summarizer.prompts import Templates, load_templates, prompts_dir
from tests import fakeserver as fs
from tests.conftest import EXCHANGES, ROOT, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"


def summarize(server: fs.FakeOpenAI, *paths: Path, cache: Path, args: tuple[str, ...] = ()) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["summarize", *map(str, paths), "--provider", "openai", "--base-url",
                                      server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache),
                                      "--format", "jsonl", *args], env=fs.cli_env())
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.exception
    return result.exit_code, result.stdout


def without_timing(jsonl: str) -> list[dict[str, Any]]:
    out = []
    for line in jsonl.splitlines():
        brief = json.loads(line)
        brief.pop("seconds")
        out.append(brief)
    return out


def briefs_in(cache: Path) -> int:
    return len(BriefStore(cache / "briefs").entries())


@pytest.fixture
def server() -> Any:
    with fs.FakeOpenAI(EXCHANGES) as s:
        yield s


def test_a_second_run_gives_the_same_briefs_and_asks_nothing(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, first = summarize(server, SEEDS, cache=cache)
    assert code == 0 and briefs_in(cache) == 5
    asked = len(server.received)
    code, second = summarize(server, SEEDS, cache=cache)
    assert code == 0 and len(server.received) == asked
    # Exactly what an exchange-cache re-run reports: every call answered from the cache, no model time.
    expected = without_timing(first)
    for brief in expected:
        brief["usage"].update(cached_calls=brief["usage"]["calls"], model_seconds=0.0)
    assert without_timing(second) == expected


def test_the_same_text_under_another_name_gets_the_brief_with_its_own_name(server: fs.FakeOpenAI,
                                                                           tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    summarize(server, SEED, cache=cache)
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(SEED.read_bytes())
    asked = len(server.received)
    code, out = summarize(server, copy, cache=cache)
    (brief,) = without_timing(out)
    assert code == 0 and len(server.received) == asked
    assert brief["article"] == str(copy) and brief["status"] == "ok" and brief["duplicate_of"] is None


def other_templates() -> Templates:
    t = load_templates()
    return Templates(system=t.system + "\nBe brief.", extract=t.extract)


@pytest.mark.parametrize("change", ["template", "model", "max_retries", "code"])
def test_what_decides_a_brief_misses_the_cache(server: fs.FakeOpenAI, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    cache = tmp_path / "cache"
    summarize(server, SEED, cache=cache)
    assert briefs_in(cache) == 1
    args: tuple[str, ...] = ()
    if change == "template":
        monkeypatch.setattr(cli, "load_templates", other_templates)
    elif change == "model":
        args = ("--model", "another-model")
    elif change == "max_retries":
        args = ("--max-retries", "1")
    else:
        monkeypatch.setattr(briefcache, "code_fingerprint", lambda: "edited code")
    asked = len(server.received)
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "openai", "--base-url", server.base_url,
                                      "--model", fs.MODEL, "--cache-dir", str(cache), "--format", "jsonl", *args],
                                env=fs.cli_env())
    assert result.exit_code in (0, 1), result.output
    assert briefs_in(cache) == 2  # a new brief under a new key: the old one was not served
    if change in ("template", "model"):
        assert len(server.received) > asked  # the requests changed too: the exchange cache missed as well


def test_no_cache_record_and_replay_do_not_use_the_brief_cache(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    summarize(server, SEED, cache=cache)
    asked = len(server.received)
    summarize(server, SEED, cache=cache, args=("--no-cache",))
    assert len(server.received) > asked  # --no-cache: the server is asked again
    fixtures = tmp_path / "fixtures"
    code, _ = summarize(server, SEED, cache=cache, args=("--record", "--fixtures", str(fixtures)))
    assert code == 0 and list(fixtures.glob("*/*.json"))  # --record still records every exchange
    replay_cache = tmp_path / "replay-cache"
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--cache-dir", str(replay_cache), "--format", "jsonl"])
    assert result.exit_code == 0 and not (replay_cache / "briefs").exists()


def test_failed_briefs_are_not_kept(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    server.plan(fs.unauthorized())
    code, out = summarize(server, SEED, cache=cache)
    assert code == 1 and briefs_in(cache) == 0
    code, out = summarize(server, SEED, cache=cache)
    assert code == 0 and json.loads(out)["status"] == "ok" and briefs_in(cache) == 1


def test_a_damaged_entry_is_a_miss(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, first = summarize(server, SEED, cache=cache)
    (entry,) = BriefStore(cache / "briefs").entries()
    for damage in ('{"format": 1, "key": "x"', json.dumps({"format": 1, "key": entry.stem, "brief": {"status": 3}})):
        entry.write_text(damage)
        code, again = summarize(server, SEED, cache=cache)
        assert code == 0 and without_timing(again)[0]["incidents"] == without_timing(first)[0]["incidents"]
        assert json.loads(entry.read_text())["key"] == entry.stem  # written whole again


def test_cache_info_counts_briefs_and_clear_removes_them(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    summarize(server, SEEDS, cache=cache)
    info = CliRunner().invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert re.search(r"briefs\s+5 \(", info.stdout), info.stdout
    cleared = CliRunner().invoke(app, ["cache", "clear", "--cache-dir", str(cache), "--yes"])
    assert cleared.exit_code == 0 and "5 cached brief(s)" in " ".join(cleared.stderr.split())
    assert not (cache / "briefs").exists()


def test_a_fully_cached_run_never_imports_openai(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    summarize(server, SEEDS, cache=cache)
    asked = len(server.received)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarizer", "summarize", str(SEEDS), "--provider", "openai",
         "--base-url", server.base_url, "--model", fs.MODEL, "--cache-dir", str(cache), "--format", "jsonl", "-q"],
        env={**os.environ, **fs.cli_env(), "SUMMARIZER_CONFIG": ""}, cwd=ROOT, capture_output=True,
        text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == 5 and len(server.received) == asked
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time")}
    assert "summarizer.pipeline" in imported
    assert not {"openai", "instructor", "httpx"} & imported


def test_duplicates_stay_duplicates_when_the_first_comes_from_the_cache(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(SEED.read_bytes())
    _, first = summarize(server, folder, cache=cache)
    asked = len(server.received)
    _, second = summarize(server, folder, cache=cache)
    assert len(server.received) == asked
    assert [b["duplicate_of"] for b in without_timing(second)] == [None, str(folder / "a.txt")]
    assert [b["warnings"] for b in without_timing(second)] == [b["warnings"] for b in without_timing(first)]


@pytest.fixture
def package_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the package and of its prompts, to edit."""
    package, prompts = tmp_path / "summarizer", tmp_path / "prompts"
    shutil.copytree(Path(briefcache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(prompts_dir(), prompts)
    return package, prompts


@pytest.mark.parametrize("edited", ["render.py", "report.py", "export.py", "cli.py", "templates/report.css"])
def test_editing_what_only_shows_briefs_keeps_every_cached_brief(package_copy: tuple[Path, Path],
                                                                 edited: str) -> None:
    package, prompts = package_copy
    before = briefcache.fingerprint(package, prompts)
    with (package / edited).open("a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    assert briefcache.fingerprint(package, prompts) == before


@pytest.mark.parametrize("edited", ["pipeline.py", "schema.py", "candidates.py", "data/countries.tsv",
                                    "prompts/extract.j2"])
def test_editing_what_shapes_a_brief_misses_every_cached_brief(package_copy: tuple[Path, Path], edited: str) -> None:
    package, prompts = package_copy
    before = briefcache.fingerprint(package, prompts)
    path = prompts / edited.removeprefix("prompts/") if edited.startswith("prompts/") else package / edited
    with path.open("a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    assert briefcache.fingerprint(package, prompts) != before


def test_every_module_the_pipeline_imports_is_in_the_fingerprint() -> None:
    """A module the pipeline (or a provider) comes to import shapes briefs: it must be in ``BRIEF_CODE``."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, summarizer.pipeline, summarizer.llm, summarizer.briefcache\n"
         "print(' '.join(m for m in sys.modules if m.startswith('summarizer')))"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    imported = {m.removeprefix("summarizer").lstrip(".").replace(".", "/") or "__init__"
                for m in done.stdout.split()}
    assert {f"{m}.py" for m in imported} <= set(briefcache.BRIEF_CODE)
    assert "render.py" not in briefcache.BRIEF_CODE and "report.py" not in briefcache.BRIEF_CODE


def test_a_brief_cache_that_cannot_be_written_is_said_once_and_the_run_goes_on(server: fs.FakeOpenAI,
                                                                               tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "briefs").write_text("not a folder")  # every write fails, as in a full or read-only cache (even as root)
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "openai", "--base-url", server.base_url,
                                      "--model", fs.MODEL, "--cache-dir", str(cache), "--format", "jsonl"],
                                env=fs.cli_env())
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["status"] for line in result.stdout.splitlines()] == ["ok"] * 5
    said = " ".join(result.stderr.split())
    assert said.count("warning:") == 1
    assert f"warning: cannot write to the brief cache {cache / 'briefs'} (" in said
    assert "the next run will summarize these articles again" in said
    quiet = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "openai", "--base-url", server.base_url,
                                     "--model", fs.MODEL, "--cache-dir", str(cache), "--format", "jsonl", "-q"],
                               env=fs.cli_env())
    assert quiet.exit_code == 0 and quiet.stderr == ""
