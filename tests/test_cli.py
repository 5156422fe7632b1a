"""CLI behaviour a user meets first: help, the missing-model message, stdin, and a batch with bad files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer.cli as cli
from summarizer import llm
from summarizer.cli import OutputFormat, ProviderName, ResponseFormat, app
from summarizer.config import FORMATS, KEYS, PROVIDERS, RESPONSE_FORMATS
from tests.conftest import EXCHANGES, ROOT, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"


@pytest.mark.parametrize("command", [["summarize"], ["show"], ["schema"], ["config"], ["cache", "info"],
                                     ["cache", "clear"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output and "summarizer " + command[0] in result.output
    assert "Example" in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("summarizer ")


def test_without_the_local_extra_the_message_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "local_available", lambda: False)
    monkeypatch.delenv("SUMMARIZER_PROVIDER", raising=False)
    result = CliRunner().invoke(app, ["summarize", str(SEED)])
    assert result.exit_code == 2
    assert "pip install 'incident-summarizer[local]'" in result.output
    assert "--provider openai --base-url" in result.output


def test_no_articles_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["summarize", str(tmp_path)])
    assert result.exit_code == 2 and "no article files" in result.output


def replay(*args: str, cache: Path, **kwargs: object) -> object:
    return CliRunner().invoke(app, ["summarize", *args, "--provider", "replay", "--fixtures", str(EXCHANGES),
                                    "--cache-dir", str(cache), "--format", "jsonl"], **kwargs)  # type: ignore[arg-type]


def test_stdin_is_an_article(tmp_path: Path) -> None:
    result = replay("-", cache=tmp_path, input=SEED.read_text())
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    (brief,) = [json.loads(line) for line in result.stdout.splitlines()]  # type: ignore[attr-defined]
    assert brief["article"] == "<stdin>" and brief["status"] == "ok"


def test_bad_files_fail_alone_and_the_batch_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "b_good.txt")
    (folder / "a_empty.txt").write_text("")
    (folder / "c_binary.txt").write_bytes(b"\x00\xff\x00")
    result = replay(str(folder), cache=tmp_path / "cache")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    briefs = [json.loads(line) for line in result.stdout.splitlines()]  # type: ignore[attr-defined]
    assert [(Path(b["article"]).name, b["status"]) for b in briefs] == [
        ("a_empty.txt", "failed"), ("b_good.txt", "ok"), ("c_binary.txt", "failed")]
    assert "empty" in briefs[0]["error"] and "binary" in briefs[2]["error"]


def test_usage_errors_exit_2_on_stderr_without_traceback(tmp_path: Path) -> None:
    for args in (["summarize", str(tmp_path)], ["summarize", str(SEED), "--provider", "nope"],
                 ["summarize", str(SEED), "--format", "xml"], ["show", str(tmp_path / "none.json")]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stdout == "" and result.stderr and "Traceback" not in result.output


def test_quiet_writes_nothing_but_data_and_verbose_reports_each_article(tmp_path: Path) -> None:
    quiet = replay(str(SEED), "-q", cache=tmp_path)
    assert quiet.exit_code == 0 and quiet.stderr == ""  # type: ignore[attr-defined]
    assert json.loads(quiet.stdout)["status"] == "ok"  # type: ignore[attr-defined]
    verbose = replay(str(SEED), "-v", cache=tmp_path)
    line = next(x for x in verbose.stderr.splitlines() if x.startswith(f"{SEED.name}: 1 incident(s)"))  # type: ignore[attr-defined]
    calls = re.search(r"(\d+) call\(s\) \((\d+) cached\)", line)
    assert calls is not None and calls.group(1) == calls.group(2)  # the article's request and its questions, replayed


def write_config(path: Path, body: str) -> Path:
    path.write_text(body)
    return path


def test_settings_precedence_flag_over_env_over_file(tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", '[summarizer]\nprovider = "openai"\n'
                          f'cache_dir = "{tmp_path / "file-cache"}"\nmax_retries = 5\n')
    env = {"SUMMARIZER_MODEL": "from-env", "SUMMARIZER_CONFIG": str(config), "SUMMARIZER_PROVIDER": ""}
    shown = CliRunner().invoke(app, ["config"], env=env)
    assert shown.exit_code == 0, shown.output
    rows = {line.split()[0]: line.split() for line in shown.stdout.splitlines()[1:] if line.strip()}
    assert rows["provider"][1:] == ["openai", "config", "file"]
    assert rows["model"][1:] == ["from-env", "env", "SUMMARIZER_MODEL"]
    assert rows["max_retries"][1:] == ["5", "config", "file"]
    assert rows["format"][1:] == ["rich", "default"]
    # the file says openai (which would need a server); the flag wins and replay answers from the fixtures
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--format", "jsonl", "-v"], env={**env, "SUMMARIZER_MODEL": ""})
    assert result.exit_code == 0, result.output
    assert f"cache {tmp_path / 'file-cache' / 'exchanges'}" in result.stderr  # cache_dir came from the file


def test_config_never_shows_the_api_key(tmp_path: Path) -> None:
    sentinel = "sk-SENTINEL-0123456789abcdef"
    result = CliRunner().invoke(app, ["config"], env={"OPENAI_API_KEY": sentinel,
                                                      "SUMMARIZER_CONFIG": "", "SUMMARIZER_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0 and "redacted" in result.stdout
    assert sentinel not in result.output and sentinel[3:12] not in result.output


@pytest.mark.parametrize(("body", "message"), [
    ("provider = ", "not valid TOML"),
    ("colour = 'blue'", "unknown setting(s) colour"),
    ("api_key = 'sk-x'", "OPENAI_API_KEY only"),
    ("max_retries = 'many'", "whole number"),
])
def test_a_bad_config_file_is_a_usage_error(tmp_path: Path, body: str, message: str) -> None:
    config = write_config(tmp_path / "c.toml", body)
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--config", str(config)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_config_shows_every_setting_with_its_default() -> None:
    shown = CliRunner().invoke(app, ["config"], env={"SUMMARIZER_CONFIG": "", "SUMMARIZER_ATTEMPTS": "",
                                                     "SUMMARIZER_BACKOFF": "", "SUMMARIZER_ATTEMPT_TIMEOUT": "",
                                                     "SUMMARIZER_TIMEOUT": ""})
    assert shown.exit_code == 0, shown.output
    rows = {line.split()[0]: line.split()[1:] for line in shown.stdout.splitlines()[1:] if line.strip()}
    assert set(rows) == {key.name for key in KEYS} | {"api_key", "config_file"}
    # the transport's retry knobs, once read only inside the openai backend, are settings like the others
    assert rows["timeout"] == ["300.0", "default"] and rows["attempts"] == ["5", "default"]
    assert rows["attempt_timeout"] == ["120.0", "default"] and rows["backoff"] == ["1.0", "default"]


@pytest.mark.parametrize(("env", "line"), [
    ({"SUMMARIZER_ATTEMPTS": "abc"}, "$SUMMARIZER_ATTEMPTS: attempts must be a whole number of 1 or more, not 'abc'"),
    ({"SUMMARIZER_ATTEMPTS": "0"}, "$SUMMARIZER_ATTEMPTS: attempts must be a whole number of 1 or more, not '0'"),
    ({"SUMMARIZER_BACKOFF": "-1"}, "$SUMMARIZER_BACKOFF: backoff must be a number, 0 or more, not '-1'"),
    ({"SUMMARIZER_ATTEMPT_TIMEOUT": "soon"},
     "$SUMMARIZER_ATTEMPT_TIMEOUT: attempt_timeout must be a number of 0.1 or more, not 'soon'"),
    ({"SUMMARIZER_TIMEOUT": "nan"}, "$SUMMARIZER_TIMEOUT: timeout must be a number of 0.1 or more, not 'nan'"),
    ({"SUMMARIZER_FORMAT": "pdf"}, "$SUMMARIZER_FORMAT: format must be one of rich, json, jsonl, md, csv, html, "
                                   "not 'pdf'"),
], ids=["attempts-word", "attempts-zero", "backoff-negative", "attempt-timeout", "timeout-nan", "format"])
@pytest.mark.parametrize("command", [["config"], ["summarize", str(SEED), "--provider", "openai"]])
def test_a_bad_setting_is_one_line_naming_it_and_what_it_takes(env: dict[str, str], line: str,
                                                               command: list[str]) -> None:
    result = CliRunner().invoke(app, command, env={"SUMMARIZER_CONFIG": "", **env})
    assert result.exit_code == 2 and result.stderr == f"error: {line}\n"
    assert result.stdout == ""


def test_a_bad_retry_setting_in_the_config_file_is_a_usage_error(tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", "[summarizer]\nattempts = 2.5\n")
    result = CliRunner().invoke(app, ["config", "--config", str(config)], env={"SUMMARIZER_ATTEMPTS": ""})
    assert result.exit_code == 2
    assert result.stderr == f"error: config file {config}: attempts must be a whole number of 1 or more, not 2.5\n"


def test_nothing_but_config_reads_the_environment() -> None:
    """One registry of settings: a module reading an environment variable of its own is one ``summarizer config``
    does not show and does not check."""
    readers = sorted(p.name for p in (ROOT / "summarizer").glob("*.py")
                     if re.search(r"os\.environ|getenv", p.read_text(encoding="utf-8")))
    assert readers == ["config.py"]


def test_the_choices_are_the_commands_choices() -> None:
    assert PROVIDERS == tuple(ProviderName) and FORMATS == tuple(OutputFormat)
    assert RESPONSE_FORMATS == tuple(ResponseFormat) == llm.SETTINGS


def test_cache_info_and_clear(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(EXCHANGES, cache / "exchanges")  # the cache and the fixtures are one store format
    entries = len(list((cache / "exchanges").glob("*/*.json")))
    assert entries > 0
    info = CliRunner().invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert info.exit_code == 0 and str(cache) in info.stdout
    assert re.search(rf"exchanges\s+{entries} \(", info.stdout)
    kept = CliRunner().invoke(app, ["cache", "clear", "--cache-dir", str(cache)], input="n\n")
    assert kept.exit_code == 1 and len(list((cache / "exchanges").glob("*/*.json"))) == entries
    cleared = CliRunner().invoke(app, ["cache", "clear", "--cache-dir", str(cache), "--yes"])
    assert cleared.exit_code == 0 and not (cache / "exchanges").exists()
    assert re.search(r"exchanges\s+0 \(", CliRunner().invoke(app, ["cache", "info", "--cache-dir", str(cache)]).stdout)
