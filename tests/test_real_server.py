"""A real OpenAI-compatible server: llama-cpp-python's own (the ``[server]`` extra of the pinned library, in the
dev extra), serving the embedded model on a loopback port. Slow: the server loads the 1.5B model and generates.

``summarize --provider openai`` through it must give a brief that verifies against the article, asked in the
format that server takes (``json_object`` with the schema: it refuses OpenAI's ``json_schema`` with a 500).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.articles import read_article
from summarizer.cli import app
from summarizer.llm import LOCAL_CONTEXT, local_available
from summarizer.schema import Brief
from tests.conftest import SEEDS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not local_available(), reason="needs the [local] extra (scripts/test.sh installs it)"),
]

SEED = SEEDS / "003_1315655d0b13ffe5.txt"  # a short one: one call of about 220 generated tokens
READY_WITHIN = 180.0  # seconds for the server to load the model and answer /v1/models


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _ready(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m llama_cpp.server`` with the embedded GGUF on a free loopback port, as a user would start it
    (with the in-process provider's context: the server's default of 2,048 tokens cannot hold the system prompt,
    an article and a whole answer); stopped at the end."""
    from summarizer.weights import embedded_model_path

    folder = tmp_path_factory.mktemp("llama-server")
    gguf = embedded_model_path(folder / "models")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    log = folder / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1", "--port",
             str(port), "--model_alias", "qwen", "--n_ctx", str(LOCAL_CONTEXT),
             "--n_threads", str(os.cpu_count() or 1)],
            stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + READY_WITHIN
        while not _ready(base_url):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-2000:]
                pytest.fail(f"llama_cpp.server {'exited' if server.poll() is not None else 'was not ready'} "
                            f"(within {READY_WITHIN:g} s):\n{tail}")
            time.sleep(0.5)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_brief_through_llama_cpp_python_server_verifies_and_settles_on_json_object(
        llama_server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    # About a minute alone on 2 cores, but a shared machine can starve the server for much longer: a timeout
    # (and a retry, which the one-slot server would queue behind the abandoned generation) only fails slower.
    env = {"SUMMARIZER_ATTEMPT_TIMEOUT": "3600", "SUMMARIZER_TIMEOUT": "3600"}
    result = CliRunner().invoke(app, ["summarize", str(SEED), "--provider", "openai", "--base-url", llama_server,
                                      "--model", "qwen", "--format", "json", "--cache-dir", str(cache), "-v"],
                                env=env)
    assert result.exit_code == 0, result.output
    (brief,) = [Brief.model_validate(b) for b in json.loads(result.stdout)]
    assert brief.status == "ok", brief.error
    assert brief.provider == "openai" and brief.model == "qwen"
    assert brief.response_format == "json_object"  # the strongest constraint that server takes
    text = read_article(SEED).text
    assert brief.incidents
    for inc in brief.incidents:
        cites = [inc.place_citation, inc.perpetrator_citation,
                 inc.responsibility.citation if inc.responsibility else None, *[f.citation for f in inc.figures]]
        for c in cites:
            if c is not None:
                assert text[c.start : c.end] == c.quote and c.quote.strip()
    # What was refused is said once; the format that worked is remembered for the next run.
    refusals = [line for line in result.stderr.splitlines() if "refused" in line]
    assert len(refusals) == 1 and "response_format json_schema (500" in refusals[0]
    (remembered,) = json.loads((cache / "response_formats.json").read_text()).values()
    assert remembered["server"] == llama_server and remembered["response_format"] == "json_object"
