"""Score a merge against gold clusters (``fixtures/eval/merge/clusters.json``; metric in that folder's README).

Items are the gold incident records (file, index). Each system incident of an article is aligned to at most
one gold record of the same article (by the words of the place and the event, and the date); a record with no
aligned incident is a singleton, and system incidents left unaligned are counted as spurious. Then:

- pairwise precision / recall / F1 of "same incident" links between records;
- B-cubed precision / recall / F1 (per record: its system group against its gold cluster);
- distractors merged: records of a distractor cluster whose system group holds a record of another cluster.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from summarizer import gazetteer
from summarizer.incidents import ArticleRef, MergedIncident, short_name


class GoldError(Exception):
    """A clusters file that cannot be read; the message says why."""


@dataclass(frozen=True)
class GoldRecord:
    file: str
    index: int
    cluster: str
    kind: str  # cluster | distractor | secondary
    date: dt.date | None
    words: frozenset[str]


@dataclass
class MergeScore:
    records: int
    gold_links: int
    predicted_links: int
    correct_links: int
    precision: float
    recall: float
    f1: float
    b3_precision: float
    b3_recall: float
    b3_f1: float
    aligned: int
    spurious: int
    system_incidents: int
    merged_incidents: int
    distractors_merged: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_STOP = {"the", "a", "an", "of", "in", "at", "on", "and", "near", "by", "to", "from", "with", "its", "for", "as",
         "was", "were", "is", "be", "no", "one", "two", "three"}


def _words(text: str | None) -> set[str]:
    return {w for w in gazetteer.key(text or "").split() if len(w) >= 3 and w not in _STOP}


def load_clusters(path: Path) -> list[GoldRecord]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        kinds = {cid: c["kind"] for cid, c in data["clusters"].items()}
        out: list[GoldRecord] = []
        for name, art in sorted(data["articles"].items()):
            for i, rec in enumerate(art["incidents"]):
                day = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
                out.append(GoldRecord(name, i, rec["cluster"], kinds.get(rec["cluster"], "cluster"), day,
                                      frozenset(_words(rec.get("place")) | _words(rec.get("event")))))
        return out
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"{path}: not a clusters file ({type(exc).__name__}: {exc})") from exc


def _align_score(ref: ArticleRef, gold: GoldRecord) -> int:
    score = 2 * len(_words(ref.place) & gold.words) + len(_words(ref.headline) & gold.words)
    if ref.date is not None and gold.date is not None:
        score += 3 if ref.date == gold.date else -3
    return score


def score_merge(incidents: Sequence[MergedIncident], gold: Sequence[GoldRecord]) -> MergeScore:
    gold_by_file: dict[str, list[GoldRecord]] = defaultdict(list)
    for g in gold:
        gold_by_file[g.file].append(g)
    system: dict[str, list[tuple[ArticleRef, str]]] = defaultdict(list)  # file -> (member, merged id)
    for inc in incidents:
        for ref in inc.articles:
            system[short_name(ref.article)].append((ref, inc.id))
    group_of: dict[tuple[str, int], str] = {}
    spurious = 0
    for file, refs in system.items():
        records = gold_by_file.get(file, [])
        scored = sorted(((_align_score(ref, g), k, g.index) for k, (ref, _) in enumerate(refs) for g in records),
                        key=lambda t: (-t[0], t[1], t[2]))
        used_sys: set[int] = set()
        for s, k, gi in scored:
            if k in used_sys or (file, gi) in group_of:
                continue
            if s <= 0 and not (len(refs) == 1 and len(records) == 1):
                continue
            used_sys.add(k)
            group_of[(file, gi)] = refs[k][1]
        spurious += len(refs) - len(used_sys)
    keys = [(g.file, g.index) for g in gold]
    cluster = {(g.file, g.index): g.cluster for g in gold}
    kind = {(g.file, g.index): g.kind for g in gold}
    gold_links = {(a, b) for a, b in combinations(keys, 2) if cluster[a] == cluster[b]}
    predicted = {(a, b) for a, b in combinations(keys, 2)
                 if a in group_of and b in group_of and group_of[a] == group_of[b]}
    correct = gold_links & predicted
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(correct) / len(gold_links) if gold_links else 1.0
    b3p, b3r = [], []
    for r in keys:
        system_group = {x for x in keys if x == r or (r in group_of and group_of.get(x) == group_of[r])}
        gold_group = {x for x in keys if cluster[x] == cluster[r]}
        both = len(system_group & gold_group)
        b3p.append(both / len(system_group))
        b3r.append(both / len(gold_group))
    bp, br = sum(b3p) / len(keys), sum(b3r) / len(keys)

    def label(k: tuple[str, int]) -> str:
        return f"{k[0].split('_')[0]}#{k[1]}({cluster[k]})"

    distractors = sorted({label(x) for a, b in predicted for x, y in ((a, b), (b, a))
                          if kind[x] == "distractor" and cluster[x] != cluster[y]})
    return MergeScore(
        records=len(keys), gold_links=len(gold_links), predicted_links=len(predicted), correct_links=len(correct),
        precision=round(precision, 3), recall=round(recall, 3), f1=round(_f1(precision, recall), 3),
        b3_precision=round(bp, 3), b3_recall=round(br, 3), b3_f1=round(_f1(bp, br), 3),
        aligned=len(group_of), spurious=spurious, system_incidents=sum(len(v) for v in system.values()),
        merged_incidents=len(incidents), distractors_merged=distractors,
        wrong_links=sorted(f"{label(a)} + {label(b)}" for a, b in predicted - gold_links),
        missed_links=sorted(f"{label(a)} + {label(b)}" for a, b in gold_links - predicted),
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_text(s: MergeScore) -> str:
    lines = [
        f"merge: {s.records} gold incident records, {s.system_incidents} system incidents "
        f"({s.aligned} aligned, {s.spurious} spurious), {s.merged_incidents} merged incidents",
        f"pairwise  precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"({s.correct_links} of {s.predicted_links} predicted links right; {s.gold_links} gold links)",
        f"B-cubed   precision {s.b3_precision:.3f}  recall {s.b3_recall:.3f}  F1 {s.b3_f1:.3f}",
        "distractors merged: " + (", ".join(s.distractors_merged) or "none"),
    ]
    if s.wrong_links:
        lines.append("wrong links: " + "; ".join(s.wrong_links))
    if s.missed_links:
        lines.append("missed links: " + "; ".join(s.missed_links))
    return "\n".join(re.sub(r"\s+$", "", line) for line in lines) + "\n"
