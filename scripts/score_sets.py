"""Score every annotated set from its committed recordings and print one compact table, per half.

Why a script: the figures of docs/accuracy.md come from `summarizer eval` runs over every set (dev, extra,
found7 onwards, found from the folders); the scripts that ran them lived in /tmp and were lost twice. `--changed OLD`
lists the articles whose scores moved against an earlier output folder, which is how a change is judged on the
develop sets (only aggregates for the check half: README, docs/accuracy.md).

    .venv/bin/python scripts/score_sets.py OUT                 # replay all sets, write OUT/<set>.json, print
    .venv/bin/python scripts/score_sets.py OUT --changed OLD   # ... and list develop articles that moved
    .venv/bin/python scripts/score_sets.py OUT --set found9=/work/found9:/tmp/f9store
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from summarizer.evaluate import half

ROOT = Path(__file__).resolve().parent.parent
# found7, found8, ...: the sets helper sessions built, one a session, each with its own store beside its gold; found
# from the folders, so a new set needs no line here.
FOUND = sorted((p for p in (ROOT / "fixtures/eval").glob("found*") if p.is_dir()),
               key=lambda p: int(p.name.removeprefix("found")))
SETS = {
    "dev": (ROOT / "fixtures/eval/dev", ROOT / "fixtures/exchanges"),
    "extra": (ROOT / "fixtures/eval/extra", ROOT / "fixtures/eval/extra/exchanges"),
    **{p.name: (p, p / "exchanges") for p in FOUND},
}
SHOWN = (("killed_headline", "kil"), ("wounded_headline", "wnd"), ("figures_exact", "exact"),
         ("figures_precision", "prec"), ("figure_source", "src"), ("attack_type", "type"), ("country", "cty"),
         ("admin1", "prov"), ("perpetrator", "perp"), ("responsibility", "claim"), ("incident_recall", "found"),
         ("incident_precision", "real"), ("non_incident", "non"))


def run(name: str, gold: Path, store: Path, out: Path, provider: str) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "summarizer"
    cmd = [str(exe), "eval", str(gold), "--provider", provider, "--fixtures", str(store), "--json", "--quiet"]
    if provider == "replay":
        cmd.append("--no-cache")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        sys.exit(f"{name}: {' '.join(cmd)} printed nothing:\n{done.stderr[-2000:]}")
    data: dict[str, Any] = json.loads(done.stdout)
    (out / f"{name}.json").write_text(done.stdout, encoding="utf-8")
    return data


def row(label: str, block: dict[str, Any]) -> str:
    cells = [f"{block[m]['right']}/{block[m]['total']}" for m, _ in SHOWN]
    work = block.get("model_work_per_article_median", 0)
    return f"{label:<14}" + "".join(f"{c:>8}" for c in cells) + f"{work:>8.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--changed", type=Path, help="an earlier OUT: list develop-set articles whose scores moved")
    ap.add_argument("--set", action="append", default=[], help="NAME=GOLD_DIR:STORE, another set to score")
    ap.add_argument("--only", action="append", default=[], help="score only these sets")
    ap.add_argument("--provider", default="replay")
    args = ap.parse_args()
    sets = dict(SETS)
    for spec in args.set:
        name, _, paths = spec.partition("=")
        gold, _, store = paths.partition(":")
        sets[name] = (Path(gold), Path(store))
    if args.only:
        sets = {k: v for k, v in sets.items() if k in args.only}
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{'':<14}" + "".join(f"{s:>8}" for _, s in SHOWN) + f"{'work':>8}")
    for name, (gold, store) in sets.items():
        data = run(name, gold, store, args.out, args.provider)
        for which, block in data["halves"].items():
            print(row(f"{name}:{which}", block))
    if args.changed is None:
        return
    for name in sets:
        old_file = args.changed / f"{name}.json"
        if not old_file.exists():
            continue
        old = {a["article"]: a for a in json.loads(old_file.read_text())["articles"]}
        new = {a["article"]: a for a in json.loads((args.out / f"{name}.json").read_text())["articles"]}
        for article, a in new.items():
            b = old.get(article)
            if b is None or half(article) == "check":
                continue
            moved = [f"{s} {b[m]['right']}/{b[m]['total']}→{a[m]['right']}/{a[m]['total']}" for m, s in SHOWN
                     if (a[m]["right"], a[m]["total"]) != (b[m]["right"], b[m]["total"])]
            if moved:
                print(f"  {name} {Path(article).name[:40]}: " + ", ".join(moved))


if __name__ == "__main__":
    main()
