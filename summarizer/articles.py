"""Read article files and turn them into numbered sentences.

The model never quotes: it cites sentence ids. So everything downstream (grounding, quotes, character
spans) depends on this module numbering sentences the same way every time, with spans that point into the
*original* text, so a quote can always be cut from the file the user gave us.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")


class ArticleError(Exception):
    """An input that cannot become an article; the message is shown to the user as is."""


@dataclass(frozen=True)
class Sentence:
    """One numbered sentence; ``start``/``end`` index the original text."""

    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    sentences: tuple[Sentence, ...]
    publication_date: date | None = None
    removed: tuple[str, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def sentence(self, sentence_id: int) -> Sentence | None:
        if 1 <= sentence_id <= len(self.sentences):
            return self.sentences[sentence_id - 1]
        return None

    def numbered(self) -> str:
        """The body as the model sees it: one ``[S<n>] sentence`` per line."""
        return "\n".join(f"[S{s.id}] {s.text}" for s in self.sentences)


# --- sentence splitting -------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "brig", "adm", "cmdr", "rev", "fig", "approx",
}
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and the next one starts
# after white space with something that can begin a sentence.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# Scraped corpora lose the space after a full stop ("difference.NATO"): split there too, but only
# after a lower-case word, so "U.S." or "6.5" stay whole.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?][\"'”’]?(?=[A-Z][a-z]|[A-Z]{2,}\b|[AI]\s|[\"“][A-Z])")


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, pos + len(stripped)
        pos += len(line)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text[start:end]``, never crossing a line break."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _line_spans(text[start:end]):
        a, b = start + line_start, start + line_end
        cuts: set[int] = set()
        for m in _BOUNDARY.finditer(text, a, b):
            word = re.search(r"(\w+)$", text[a : m.start()])
            if word and m.group(0)[0] == "." and _is_abbreviation(word.group(1)):
                continue
            cuts.add(m.end())
        for m in _GLUED.finditer(text, a, b):
            cuts.add(m.end())
        prev = a
        for cut in [*sorted(cuts), b]:
            s, e = _trim(text, prev, cut)
            if e > s:
                spans.append((s, e))
            prev = cut
    return spans


def _is_abbreviation(word: str) -> bool:
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- boilerplate ------------------------------------------------------------------------------------------

# Web furniture that is not part of the report: donation appeals, subscription nags, ad markers,
# credits, archive headers. Kept generic on purpose: these phrases are what news sites print, not what a
# conflict report says.
_BOILERPLATE = re.compile(
    r"""(?ix)
    your\ support | \bdonat(e|ion) | \bsubscri(be|ption) | \bbookmark | paywall | newsletter
    | \bsign\ up\b | commenting\ forum | thought-provoking\ conversations | \breaders\b
    | quality\ journalism | independent\ journalism | click\ here | read\ more\b | follow\ us
    | all\ rights\ reserved | copyright\ © | ^\[ad_\d+\]$ | ^source$ | ^comments$ | ^advertisement$
    | ^\(?(writing|reporting|editing|additional\ reporting)\ by\b | https?://\S+ | \bversion\ \d+\ of\ \d+\b
    """
)
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)


def _is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE.search(sentence.strip()))


def parse_article(text: str, name: str) -> Article:
    """Number the sentences of ``text`` after setting aside boilerplate and a ``date YYYY-MM-DD`` prefix."""
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    publication_date: date | None = None
    body_start = 0
    m = _DATE_LINE.match(text)
    if m:
        try:
            publication_date = date.fromisoformat(m.group(1))
            body_start = m.end()
        except ValueError:
            pass
    # Sentence spans grouped by line, each flagged as boilerplate or not.
    lines: list[list[tuple[int, int, bool]]] = []
    for line_start, line_end in _line_spans(text):
        a = max(line_start, body_start)
        if a >= line_end:
            continue
        spans = split_sentences(text, a, line_end)
        if spans:
            lines.append([(s, e, _is_boilerplate(text[s:e])) for s, e in spans])
    # Appeals run over several sentences and only some carry a telltale word. A sentence that comes before
    # a flagged one on its line, and a line with no flag between two lines that have one, belong to the
    # same appeal ("From reproductive rights to ... The Independent is on the ground").
    flagged_line = [any(f for _, _, f in line) for line in lines]
    for i, line in enumerate(lines):
        last = max((k for k, (_, _, f) in enumerate(line) if f), default=-1)
        sandwiched = 0 < i < len(lines) - 1 and flagged_line[i - 1] and flagged_line[i + 1]
        lines[i] = [(s, e, f or k < last or sandwiched) for k, (s, e, f) in enumerate(line)]
    sentences: list[Sentence] = []
    removed: list[str] = []
    for line in lines:
        for s, e, is_bp in line:
            if is_bp:
                removed.append(text[s:e])
            else:
                sentences.append(Sentence(len(sentences) + 1, s, e, text[s:e]))
    if not sentences:
        raise ArticleError(f"{name}: no article text left after removing boilerplate")
    return Article(name, text, tuple(sentences), publication_date, tuple(removed))


# --- reading files ---------------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{name}: looks like a binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def read_article(path: Path, name: str | None = None) -> Article:
    label = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{label}: cannot read ({exc.strerror or exc})") from exc
    return parse_article(decode(data, label).replace("\r\n", "\n"), label)


@dataclass(frozen=True)
class Input:
    """One thing to summarize: a file path, or ``-`` for standard input."""

    name: str
    path: Path | None  # None means stdin


def expand_inputs(paths: Iterable[str]) -> list[Input]:
    """Files as given, folders walked recursively for article files in sorted order, ``-`` for stdin."""
    out: list[Input] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append(Input("<stdin>", None))
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES and not _hidden(f, p)
            )
            candidates = [f for f in found if f.is_file()]
        else:
            candidates = [p]
        for f in candidates:
            key = str(f.resolve()) if f.exists() else str(f)
            if key not in seen:
                seen.add(key)
                out.append(Input(str(f), f))
    return out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load(item: Input) -> Article:
    if item.path is None:
        return parse_article(decode(sys.stdin.buffer.read(), item.name).replace("\r\n", "\n"), item.name)
    if not item.path.exists():
        raise ArticleError(f"{item.name}: no such file")
    return read_article(item.path, item.name)
