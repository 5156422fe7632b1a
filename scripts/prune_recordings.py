"""Remove the recordings no request of a replay uses any more, in every committed store.

Why: re-recording one article after a change adds its new exchanges beside the old ones; the old ones answer no
request the code makes today and only mislead (tests/test_replay_e2e.py fails on them in fixtures/exchanges).

    .venv/bin/python scripts/prune_recordings.py          # list what would go
    .venv/bin/python scripts/prune_recordings.py --delete
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from score_sets import FOUND  # the helper-built sets (found7, found8, ...), listed once

from summarizer.store import ExchangeStore, request_key

ROOT = Path(__file__).resolve().parent.parent
STORES = {  # store -> the folders a replay of it summarizes; each helper-built set keeps its own
    ROOT / "fixtures/exchanges": [ROOT / "seeds", ROOT / "fixtures/eval/dev"],
    ROOT / "fixtures/eval/extra/exchanges": [ROOT / "fixtures/eval/extra"],
    **{p / "exchanges": [p] for p in FOUND},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--delete", action="store_true")
    args = ap.parse_args()
    from typer.testing import CliRunner

    from summarizer.cli import app

    used: set[str] = set()
    original = ExchangeStore.get

    def spy(self: ExchangeStore, request: dict[str, Any]) -> dict[str, Any] | None:
        used.add(request_key(request))
        return original(self, request)

    ExchangeStore.get = spy  # type: ignore[method-assign]
    for store, folders in STORES.items():
        if not store.exists():
            continue
        used.clear()
        with tempfile.TemporaryDirectory() as cache:
            result = CliRunner().invoke(app, ["summarize", *map(str, folders), "--provider", "replay", "--fixtures",
                                              str(store), "--cache-dir", cache, "--format", "jsonl", "--quiet"])
        if "no recording" in result.stdout:
            raise SystemExit(f"{store}: a replay misses recordings; record them before pruning")
        stale = [p for p in ExchangeStore(store).entries() if p.stem not in used]
        print(f"{store.relative_to(ROOT)}: {len(stale)} stale of {len(ExchangeStore(store).entries())}")
        for p in stale:
            if args.delete:
                p.unlink()
                if not any(p.parent.iterdir()):
                    p.parent.rmdir()


if __name__ == "__main__":
    main()
