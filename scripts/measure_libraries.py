"""Our code against the well-kept library that does the same job, on real text: correctness on hand-checked
cases and speed. Prints Markdown tables (docs/libraries.md keeps them).

    .venv/bin/pip install pysbd==0.3.4 rapidfuzz==3.14.6   # dateparser comes with the [html] extra
    .venv/bin/python scripts/measure_libraries.py

1. Sentence splitting with character spans: ``articles.split_sentences`` against pysbd (``char_span=True``),
   on the hand-checked boundary cases of ``fixtures/splitting/boundaries.json`` (taken from dev articles
   001-016 and the seeds, plus the issue's examples) and on every line of those articles.
2. Dates relative to a publication date: ``reconcile.resolve_date`` against dateparser (``RELATIVE_BASE`` the
   publication day, dates from the past preferred), on the date phrases of the recorded briefs.
3. Fuzzy names: ``evaluate.names_match`` against rapidfuzz's ``token_set_ratio`` at its best threshold, on the
   (answer, gold) name pairs of the develop half and transliterations the articles use.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.articles import split_sentences  # noqa: E402
from summarizer.evaluate import names_match  # noqa: E402
from summarizer.reconcile import resolve_date  # noqa: E402


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Seconds of the fastest of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


# --- 1. sentences ------------------------------------------------------------------------------------------

def develop_lines() -> list[str]:
    files = [p for p in sorted((ROOT / "fixtures/eval/dev").glob("*.txt")) if int(p.name[:3]) <= 16]
    files += sorted((ROOT / "seeds").glob("*.txt"))
    return [line for p in files for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences() -> None:
    import pysbd  # type: ignore[import-not-found, import-untyped, unused-ignore]

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def theirs(text: str) -> list[tuple[int, int]]:
        out = []
        for s in seg.segment(text):
            a, b = s.start, s.end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
        return out

    def ours(text: str) -> list[tuple[int, int]]:
        return split_sentences(text)

    cases = json.loads((ROOT / "fixtures/splitting/boundaries.json").read_text(encoding="utf-8"))
    print("### Sentence splitting: boundary cases (hand-checked)\n")
    print("| case | source | ours | pysbd |\n|---|---|---|---|")
    right = {"ours": 0, "pysbd": 0}
    for c in cases:
        marks = []
        for name, fn in (("ours", ours), ("pysbd", theirs)):
            ok = [c["text"][a:b] for a, b in fn(c["text"])] == c["sentences"]
            right[name] += ok
            marks.append("right" if ok else "**wrong**")
        print(f"| {c['kind']} | {Path(c['source']).name[:3] if '/' in c['source'] else c['source']} | "
              f"{marks[0]} | {marks[1]} |")
    print(f"| **all** | {len(cases)} cases | **{right['ours']}** | **{right['pysbd']}** |\n")

    lines = develop_lines()
    mine = [ours(x) for x in lines]
    other = [theirs(x) for x in lines]
    cuts = sum(len({e for _, e in m} ^ {e for _, e in o}) for m, o in zip(mine, other, strict=True))
    chars = sum(map(len, lines))
    t_ours = best_of(lambda: [ours(x) for x in lines])
    t_pysbd = best_of(lambda: [theirs(x) for x in lines], repeat=2)
    print("### Sentence splitting: every line of dev 001-016 and the seeds\n")
    print(f"{len(lines)} lines, {chars:,} characters; ours {sum(map(len, mine))} sentences, pysbd "
          f"{sum(map(len, other))}; {cuts} cuts made by one and not the other.\n")
    print("| splitter | time, all lines | per 1,000 characters |\n|---|---|---|")
    for name, t in (("ours (regex)", t_ours), ("pysbd 0.3.4", t_pysbd)):
        print(f"| {name} | {1000 * t:.1f} ms | {1e6 * t / chars:.1f} µs |")
    print(f"\npysbd takes {t_pysbd / t_ours:.0f}x our time.\n")


# --- 2. dates ----------------------------------------------------------------------------------------------

# (date as the recorded briefs give it, publication day, the day it names, checked by hand with a calendar;
# None: no single day). The first 16 are the recorded briefs' own (merge set and dev set) with their
# publication day; the rest are the dev set's phrases given a publication day, then relative phrases.
DATES: list[tuple[str, str, str | None]] = [
    ("late on Tuesday", "2016-01-12", "2016-01-12"), ("14 January 2016", "2016-01-14", "2016-01-14"),
    ("on Thursday morning", "2016-01-14", "2016-01-14"), ("on Thursday", "2016-01-14", "2016-01-14"),
    ("on Thursday", "2016-01-15", "2016-01-14"), ("on Sunday", "2016-02-28", "2016-02-28"),
    ("on Sunday", "2016-02-29", "2016-02-28"), ("on Saturday", "2016-03-19", "2016-03-19"),
    ("on Wednesday", "2016-05-11", "2016-05-11"), ("on Tuesday", "2016-06-07", "2016-06-07"),
    ("on Wednesday", "2016-06-08", "2016-06-08"), ("last night", "2017-05-25", "2017-05-24"),
    ("on Wednesday", "2020-10-21", "2020-10-21"), ("October 14, 2024", "2024-10-14", "2024-10-14"),
    ("on Tuesday", "2019-08-28", "2019-08-27"), ("on Wednesday", "2022-10-06", "2022-10-05"),
    ("Jan. 26", "2020-01-27", "2020-01-26"), ("on 24 August", "2018-08-25", "2018-08-24"),
    ("on Sunday the 17th of September 2017", "2017-09-18", "2017-09-17"),
    ("early on Monday", "2016-01-12", "2016-01-11"),
    ("on Sunday night", "2016-01-12", "2016-01-10"), ("late Sunday", "2016-01-12", "2016-01-10"),
    ("June 7", "2016-06-08", "2016-06-07"), ("yesterday", "2016-01-12", "2016-01-11"),
    ("two days ago", "2016-01-12", "2016-01-10"), ("last week", "2016-01-12", None),
]


def dates() -> None:
    import dateparser  # type: ignore[import-untyped, unused-ignore]
    from dateparser.search import search_dates  # type: ignore[import-untyped, unused-ignore]

    def theirs(text: str, published: dt.date) -> dt.date | None:
        settings: Any = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time()), "PREFER_DATES_FROM": "past"}
        found = dateparser.parse(text, languages=["en"], settings=settings)
        if found is None:
            hits = search_dates(text, languages=["en"], settings=settings)
            found = hits[0][1] if hits else None
        return found.date() if found else None

    def ours(text: str, published: dt.date) -> dt.date | None:
        return resolve_date(text, published).resolved

    rows = [(t, dt.date.fromisoformat(p), dt.date.fromisoformat(e) if e else None) for t, p, e in DATES]
    print("### Dates relative to the publication day\n")
    print("| date as written | published | right day | ours | dateparser 1.5 |\n|---|---|---|---|---|")
    right = {"ours": 0, "dateparser": 0}
    for text, published, want in rows:
        got = {"ours": ours(text, published), "dateparser": theirs(text, published)}
        cells = []
        for name in ("ours", "dateparser"):
            ok = got[name] == want
            right[name] += ok
            cells.append(f"{got[name] or '–'}" + ("" if ok else " **✗**"))
        print(f"| {text} | {published} | {want or 'no single day'} | {cells[0]} | {cells[1]} |")
    real = rows[:16]
    real_right = {n: sum((ours if n == "ours" else theirs)(t, p) == e for t, p, e in real) for n in right}
    print(f"| **all** | {len(rows)} | | **{right['ours']}** | **{right['dateparser']}** |")
    print(f"| **the recorded briefs' own 16** | | | **{real_right['ours']}** | **{real_right['dateparser']}** |\n")
    t_ours = best_of(lambda: [ours(t, p) for t, p, _ in rows])
    t_theirs = best_of(lambda: [theirs(t, p) for t, p, _ in rows], repeat=2)
    print("| resolver | per date |\n|---|---|")
    print(f"| ours (regex) | {1e6 * t_ours / len(rows):.0f} µs |\n| dateparser | {1e6 * t_theirs / len(rows):.0f} µs |")
    print(f"\ndateparser takes {t_theirs / t_ours:.0f}x our time.\n")


# --- 3. names ----------------------------------------------------------------------------------------------

# (answer, gold, same thing?): the develop half's (recorded answer, gold) pairs of country, province,
# perpetrator, claimant and figure source, labelled by hand (pairs a person could read either way left out),
# then spellings of the same or of different places and groups that these articles use.
NAMES: list[tuple[str, str, bool]] = [
    ("Afghanistan", "Afghanistan", True), ("Nangarhar", "Nangarhar", True),
    ("local officials", "local officials", True),
    ("Attaullah Khogyani", "Attaullah Khogyani, spokesman for the provincial governor", True),
    ("Pakistan", "Pakistan", True), ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", True),
    ("Taliban militants", "Pakistani Taliban", True),
    ("Umar Mansoor", "Umar Mansoor, senior Pakistani Taliban commander (said four of his men took part)", True),
    ("officials", "officials (lede)", True), ("A security official", "a security official", True),
    ("A spokesman for the rescue workers, Bilal Ahmad Faizi", "Bilal Ahmad Faizi, spokesman for the rescue workers",
     True),
    ("A senior security officer at the scene", "a senior security officer at the scene (to Reuters)", True),
    ("Somalia", "Somalia", True), ("Banaadir", "Banaadir", True),
    ("Islamic extremist group al-Shabab", "al-Shabab", True),
    ("Islamic extremist group al-Shabab", "al-Shabab (online radio broadcast)", True),
    ("a police official", "Capt. Mohamed Hussein, police official", True), ("Kabul", "Kabul", True),
    ("the Taliban", "unknown", False), ("official", "officials (lede)", True),
    ("officials", "Interior Ministry spokesman Sediq Sediqqi (Twitter)", False),
    ("Interior Ministry spokesman Sediq Sediqqi", "Interior Ministry spokesman Sediq Sediqqi (Twitter)", True),
    ("Punjab", "Punjab", True),
    ("Salman Rafique, a health adviser for the Punjab provincial government",
     "Salman Rafique, health adviser to the Punjab provincial government", True),
    ("Rafique", "Salman Rafique", True), ("Yemen", "Yemen", True), ("Aden", "Aden", True),
    ("Abu Hanifa al-Hollandi", "Islamic State", False),
    ("Islamic State", "Islamic State (online statement; bomber named as Abu Hanifa al-Hollandi)", True),
    ("Islamic State", "local officials and eyewitnesses", False),
    ("ADEN Islamic State militants", "local officials and eyewitnesses", False),
    ("eyewitnesses", "local officials and eyewitnesses", True), ("Syria", "Syria", True),
    ("Deir ez-Zor", "Deir ez-Zor", True), ("IS", "unknown", False),
    ("Russia’s state-run Tass news agency", "Tass (Russia's state-run news agency)", True),
    ("Nigeria", "Nigeria", True), ("Borno State", "Borno", True),
    ("Boko Haram militants", "suspected Boko Haram militants", True), ("Zamfara State", "Zamfara", True),
    ("officials", "officials; Malam Nuhu Anka, spokesperson of the Zamfara state governor", True),
    ("Tehrik-i-Taliban Pakistan terrorist group", "Tehrik-i-Taliban Pakistan (TTP)", True),
    ("a police source", "a high-ranking police source (to Reuters)", True),
    ("Al-Shabab", "al-Shabab (Sheikh Abdiasis Abu Musab, military operations spokesman)", True),
    ("Al-Shabab", "a senior police officer (to Reuters) - lede", False), ("Iraq", "Iraq", True),
    ("Babil", "Babil", True), ("police", "police", True), ("Mali", "Mali", True), ("Ségou", "Ségou", True),
    ("the government", "Malian government (statement)", True), ("Niger", "Niger", True),
    ("Tillabéri Region", "Tillaberi", True), ("Khost", "Khost", True),
    # spellings
    ("Zabiullah Mujahid", "Zabihullah Mujahid", True), ("Taleban", "Taliban", True), ("al Shabaab", "al-Shabab", True),
    ("Khowst", "Khost", True), ("Oruzgan", "Uruzgan", True), ("Jalālābād", "Jalalabad", True),
    ("Nangrahar", "Nangarhar", True), ("Hilla", "Hillah", True), ("Sadr City", "Sadr", True),
    ("TTP", "Tehrik-i-Taliban Pakistan", True), ("ISIL", "Islamic State (ISIL)", True),
    ("Kunduz", "Kandahar", False), ("Iraq", "Iran", False), ("Niger", "Nigeria", False),
    ("Boko Haram", "ISWAP", False), ("Mogadishu", "Mosul", False), ("Ghazni", "Gardez", False),
    ("Punjab", "Puntland", False), ("Baghdad", "Baghlan", False), ("Aden", "Adana", False),
]


def names() -> None:
    from rapidfuzz import fuzz, utils  # type: ignore[import-not-found, unused-ignore]

    def score(a: str, b: str) -> float:
        return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))

    ours_right = sum(names_match(a, b) == same for a, b, same in NAMES)
    by_threshold = {t: sum((score(a, b) >= t) == same for a, b, same in NAMES) for t in range(50, 101, 5)}
    best = max(by_threshold, key=lambda t: (by_threshold[t], -abs(t - 80)))
    print("### Fuzzy names\n")
    print(f"{len(NAMES)} pairs ({sum(s for *_, s in NAMES)} the same thing, {sum(not s for *_, s in NAMES)} not).\n")
    print("| matcher | right | wrong: said same | wrong: said different |\n|---|---|---|---|")
    wrong_ours = [(a, b) for a, b, s in NAMES if names_match(a, b) != s]
    print(f"| ours (`names_match`) | {ours_right} | {sum(names_match(a, b) and not s for a, b, s in NAMES)} | "
          f"{sum(not names_match(a, b) and s for a, b, s in NAMES)} |")
    for t in sorted({best, 80, 90}):
        print(f"| rapidfuzz token_set_ratio ≥ {t}{' (its best)' if t == best else ''} | {by_threshold[t]} | "
              f"{sum(score(a, b) >= t and not s for a, b, s in NAMES)} | "
              f"{sum(score(a, b) < t and s for a, b, s in NAMES)} |")
    wrong_rf = [(a, b, round(score(a, b))) for a, b, s in NAMES if (score(a, b) >= best) != s]
    print(f"\nours wrong on: {wrong_ours}\n\nrapidfuzz (≥ {best}) wrong on: {wrong_rf}\n")
    t_ours = best_of(lambda: [names_match(a, b) for a, b, _ in NAMES])
    t_rf = best_of(lambda: [score(a, b) for a, b, _ in NAMES])
    print("| matcher | per pair |\n|---|---|")
    print(f"| ours | {1e6 * t_ours / len(NAMES):.1f} µs |\n| rapidfuzz | {1e6 * t_rf / len(NAMES):.1f} µs |\n")


if __name__ == "__main__":
    which = set(sys.argv[1:]) or {"sentences", "dates", "names"}
    for name, fn in (("sentences", sentences), ("dates", dates), ("names", names)):
        if name in which:
            fn()
    print(f"(Python {sys.version.split()[0]}; times are the best of 2-5 runs)")
