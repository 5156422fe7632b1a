"""Write fixtures/merge/articles.jsonl: the merge set's 18 articles as one many-article file with their metadata.

The texts are the files of fixtures/eval/merge/ unchanged; ``published``, ``outlet`` and ``url`` are what the
source gave outside the text (the page's or the repost's date, the outlet, the original URL), copied from the
``articles`` entries of clusters.json. No incident, cluster or figure of the gold goes into the file.

    python scripts/merge_articles.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "eval" / "merge"
OUT = ROOT / "fixtures" / "merge" / "articles.jsonl"


def main() -> None:
    meta = json.loads((GOLD / "clusters.json").read_text(encoding="utf-8"))["articles"]
    rows = []
    for name in sorted(meta):
        entry = meta[name]
        source = entry.get("source") or {}
        rows.append({"id": name, "published": entry.get("published"), "outlet": entry.get("outlet"),
                     "url": source.get("original_article_url") or source.get("url"),
                     "text": (GOLD / name).read_text(encoding="utf-8")})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} articles to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
