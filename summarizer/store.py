"""A content-addressed store of chat-completion exchanges: the cache and the fixtures are two of these.

The key is a hash of the canonical request (model, messages, response format, sampling parameters), so
a changed prompt, schema or model can never be answered by a stale entry. Entries are written to a
temporary file and renamed into place, so a killed process or a second process writing the same entry
leaves either nothing or a whole entry; an entry that does not parse is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

# Request fields that decide what the model answers. Anything else (timeouts, API keys, client
# headers) must not change the key, and must never be written into an entry.
KEY_FIELDS = (
    "model", "messages", "response_format", "temperature", "top_p", "max_tokens", "seed", "stop",
    "frequency_penalty", "presence_penalty", "repeat_penalty", "top_k", "min_p",
    # A request asking for its answer as a tool call (``--response-format tools``) carries its schema here. A
    # request without them has the key it always had: absent fields are not part of the key.
    "tools", "tool_choice",
)
FORMAT = 1


def canonical_request(request: dict[str, Any]) -> dict[str, Any]:
    return {k: request[k] for k in KEY_FIELDS if request.get(k) is not None}


def request_key(request: dict[str, Any]) -> str:
    blob = json.dumps(canonical_request(request), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ExchangeStore:
    """Exchanges stored as ``<root>/<key[:2]>/<key>.json``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, request: dict[str, Any]) -> dict[str, Any] | None:
        """The stored response for ``request``, or None (absent, unreadable, or not for this request)."""
        key = request_key(request)
        try:
            entry = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("response"), dict):
            return None
        response: dict[str, Any] = entry["response"]
        return response

    def put(self, request: dict[str, Any], response: dict[str, Any], meta: dict[str, Any] | None = None) -> Path:
        key = request_key(request)
        entry = {
            "format": FORMAT,
            "key": key,
            "request": canonical_request(request),
            "response": response,
            "meta": meta or {},
        }
        target = self.path(key)
        write_entry(target, entry)
        return target

    def entries(self) -> list[Path]:
        return sorted(self.root.glob("*/*.json")) if self.root.exists() else []


def write_entry(target: Path, entry: dict[str, Any]) -> None:
    """``entry`` as JSON at ``target``, whole or not at all: written to a temporary file in the same folder,
    synced, then renamed over ``target``. Threads and processes writing the same entry each rename a whole
    file; the last one wins, and they are equal."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem[:8]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(entry, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
