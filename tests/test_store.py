"""The exchange store: keys follow the request's meaning, writes are atomic, damage is a miss."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

from summarizer.store import ExchangeStore, request_key

REQUEST: dict[str, Any] = {
    "model": "m",
    "messages": [{"role": "user", "content": "hi"}],
    "response_format": {"type": "json_schema", "json_schema": {"name": "X", "schema": {"type": "object"}}},
    "temperature": 0.0,
    "max_tokens": 10,
}
RESPONSE = {"id": "1", "choices": [{"message": {"role": "assistant", "content": "{}"}}]}


def test_key_ignores_transport_and_secrets_but_not_content() -> None:
    base = request_key(REQUEST)
    assert request_key({**REQUEST, "timeout": 5, "api_key": "sk-secret", "extra_headers": {"a": "b"}}) == base
    assert request_key(dict(reversed(list(REQUEST.items())))) == base
    assert request_key({**REQUEST, "model": "other"}) != base
    assert request_key({**REQUEST, "temperature": 0.5}) != base
    assert request_key({**REQUEST, "messages": [{"role": "user", "content": "hi!"}]}) != base
    schema2 = {"type": "json_schema", "json_schema": {"name": "X", "schema": {"type": "array"}}}
    assert request_key({**REQUEST, "response_format": schema2}) != base


def test_round_trip_and_no_secret_written(tmp_path: Path) -> None:
    store = ExchangeStore(tmp_path)
    assert store.get(REQUEST) is None
    path = store.put({**REQUEST, "api_key": "sk-SENTINEL"}, RESPONSE)
    assert store.get(REQUEST) == RESPONSE
    assert "sk-SENTINEL" not in path.read_text()
    assert [p.name for p in store.entries()] == [f"{request_key(REQUEST)}.json"]
    assert not list(tmp_path.rglob("*.tmp"))


def test_corrupt_or_foreign_entries_are_misses(tmp_path: Path) -> None:
    store = ExchangeStore(tmp_path)
    path = store.put(REQUEST, RESPONSE)
    path.write_text(path.read_text()[:40])
    assert store.get(REQUEST) is None
    entry = {"key": "0" * 64, "response": RESPONSE}
    path.write_text(json.dumps(entry))
    assert store.get(REQUEST) is None
    store.put(REQUEST, RESPONSE)
    assert store.get(REQUEST) == RESPONSE


def _writer(root: str, n: int) -> None:
    store = ExchangeStore(Path(root))
    for i in range(n):
        store.put(REQUEST, {**RESPONSE, "id": str(i), "pad": "x" * 20000})


def test_concurrent_writers_never_leave_a_partial_entry(tmp_path: Path) -> None:
    procs = [multiprocessing.Process(target=_writer, args=(str(tmp_path), 30)) for _ in range(3)]
    for p in procs:
        p.start()
    store = ExchangeStore(tmp_path)
    seen = 0
    while any(p.is_alive() for p in procs):
        got = store.get(REQUEST)
        if got is not None:
            assert got["pad"] == "x" * 20000
            seen += 1
    for p in procs:
        p.join()
        assert p.exitcode == 0
    assert store.get(REQUEST) is not None
    assert not list(tmp_path.rglob("*.tmp"))
