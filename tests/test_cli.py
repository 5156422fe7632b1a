"""CLI behaviour a user meets first: help, the missing-model message, stdin, and a batch with bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer.cli as cli
from summarizer.cli import app
from tests.conftest import EXCHANGES, SEEDS

SEED = SEEDS / "003_1315655d0b13ffe5.txt"


@pytest.mark.parametrize("command", [[], ["summarize"], ["schema"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


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
