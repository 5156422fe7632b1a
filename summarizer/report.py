"""One self-contained HTML report of a batch of briefs, with every cited span highlighted in its article.

Built from saved ``Brief`` objects, with no model: the batch at a glance (counts, an incident table to sort and
filter, a chart of killed low–high per incident as inline SVG, the versions and cost), then per article the
brief beside the article text, each cited span marked. Clicking a fact scrolls to its sentence and flashes it;
hovering a highlight says which facts it supports.

The article text is read again from the file the brief names and used only if its sha256 is the brief's
``article_sha256``, so spans never land on the wrong words; otherwise the brief is shown without highlights,
with the reason and the cited sentences as the brief saved them.

Everything from an article, a file name or a model answer is data: Jinja autoescapes it (control characters
and bidi overrides shown as visible escapes, as in the terminal), element ids and
internal links are made from indices only, the briefs travel as JSON in a ``<script type="application/json">``
with ``<``, ``>``, ``&`` and U+2028/9 escaped, and a Content-Security-Policy lets only the report's own script
(by its hash) run and nothing be fetched, so even a mistake in escaping could not run a planted script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from summarizer import __version__
from summarizer.articles import ArticleError, read_article
from summarizer.incidents import merge_incidents
from summarizer.inert import inert_text
from summarizer.schema import Brief, Citation, Estimate, IncidentOut
from summarizer.wording import (
    NOT_STATED,
    STATUS_WORDS,
    article_label,
    claim_words,
    date_words,
    estimate_words,
    event_words,
    named_sources,
    number_range,
    place_words,
    source_words,
    summary_origin,
)

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).parent / "templates"


# --- what the template shows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One fact of a brief that cites a sentence; ``cid`` links it to its highlight (made from indices only)."""

    cid: str
    label: str
    citation: Citation


@dataclass(frozen=True)
class Piece:
    """A run of the article text; ``cids`` non-empty means it is highlighted for those facts."""

    text: str
    cids: tuple[str, ...] = ()
    title: str = ""


@dataclass
class ArticleView:
    index: int
    brief: Brief
    label: str
    facts: list[Fact]
    by_incident: list[list[Fact]]
    pieces: list[Piece] | None  # None: the text is not shown (``text_note`` says why)
    text_note: str | None = None
    unmatched: list[Fact] = field(default_factory=list)  # citations that do not fit the text: not highlighted

    @property
    def anchor(self) -> str:
        return f"a{self.index}"

    def fact(self, incident: int, citation: Citation | None) -> Fact | None:
        if citation is None:
            return None
        return next((f for f in self.by_incident[incident] if f.citation is citation), None)

    @property
    def highlighted(self) -> set[str]:
        return {c for p in self.pieces or () for c in p.cids}


@dataclass(frozen=True)
class Row:
    """One line of the incident table: an incident, or an article without one."""

    view: ArticleView
    number: int  # 1-based incident number; 0 for an article without incidents
    incident: IncidentOut | None


def _fact_labels(inc: IncidentOut) -> list[tuple[str, Citation | None]]:
    out: list[tuple[str, Citation | None]] = [
        (f"place: {inc.place or inc.province or inc.country}", inc.place_citation),
        (f"attacker: {inc.perpetrator}", inc.perpetrator_citation),
    ]
    if inc.responsibility:
        out.append((f"claim: {inc.responsibility.claimed_by} (their claim)", inc.responsibility.citation))
    for f in inc.figures:
        out.append((f"{f.outcome} {f.group} “{f.amount_text}”, according to {source_words(f)}", f.citation))
    return out


def citations(brief: Brief) -> list[Citation]:
    """Every citation of the brief, in the order the report lists its facts."""
    return [c for inc in brief.incidents for _, c in _fact_labels(inc) if c is not None]


def _facts(index: int, brief: Brief) -> list[list[Fact]]:
    out: list[list[Fact]] = []
    k = 0
    for n, inc in enumerate(brief.incidents, start=1):
        facts = []
        prefix = f"incident {n}: " if len(brief.incidents) > 1 else ""
        for label, c in _fact_labels(inc):
            if c is not None:
                facts.append(Fact(f"a{index}c{k}", prefix + " ".join(label.split()), c))
                k += 1
        out.append(facts)
    return out


def _fits(text: str, c: Citation) -> bool:
    return 0 <= c.start < c.end <= len(text) and " ".join(text[c.start:c.end].split()) == " ".join(c.quote.split())


def pieces(text: str, facts: Sequence[Fact]) -> list[Piece]:
    """The text cut at every cited span's ends; each run covered by a citation lists the facts it supports."""
    cuts = sorted({0, len(text), *(f.citation.start for f in facts), *(f.citation.end for f in facts)})
    out: list[Piece] = []
    for a, b in pairwise(cuts):
        covering = [f for f in facts if f.citation.start <= a and b <= f.citation.end]
        if covering:
            sids = sorted({f.citation.sentence for f in covering})
            title = f"S{', S'.join(map(str, sids))} supports: " + "; ".join(f.label for f in covering)
            out.append(Piece(text[a:b], tuple(f.cid for f in covering), title))
        else:
            out.append(Piece(text[a:b]))
    return out


def locate_text(brief: Brief, bases: Sequence[Path]) -> tuple[str | None, str | None]:
    """The article text the brief's spans index, or None and why it cannot be shown."""
    if brief.article in ("-", "<stdin>"):
        return None, "the article came from standard input; its text was not saved with the brief"
    if brief.article_sha256 is None:
        return None, "the brief has no checksum of the article text (it could not be read when summarized)"
    given = Path(brief.article)
    candidates = [given] if given.is_absolute() else [base / given for base in bases]
    changed: Path | None = None
    unreadable: str | None = None
    for path in dict.fromkeys(candidates):
        if not path.is_file():
            continue
        try:
            article = read_article(path, brief.article)
        except ArticleError as exc:
            unreadable = str(exc)
            continue
        if article.sha256 == brief.article_sha256:
            return article.text, None
        changed = changed or path
    if changed is not None:
        return None, (f"the file {changed} has changed since this brief was made (its text is not the text the "
                      "brief's spans point into), so nothing is highlighted")
    if unreadable is not None:
        return None, unreadable
    return None, f"the article file {brief.article} was not found, so its text cannot be shown"


def article_view(index: int, brief: Brief, bases: Sequence[Path]) -> ArticleView:
    by_incident = _facts(index, brief)
    facts = [f for group in by_incident for f in group]
    view = ArticleView(index, brief, article_label(brief), facts, by_incident, None)
    text, note = locate_text(brief, bases)
    if text is None:
        view.text_note = note
        return view
    fitting = [f for f in facts if _fits(text, f.citation)]
    view.unmatched = [f for f in facts if f not in fitting]
    view.pieces = pieces(text, fitting)
    return view


# --- the batch at a glance -------------------------------------------------------------------------------


def _estimate(inc: IncidentOut, outcome: str) -> Estimate | None:
    return next((e for e in inc.estimates if e.outcome == outcome and e.side == "victims"), None)


def _range(e: Estimate | None) -> str:
    return "—" if e is None else number_range(e.low, e.high)


def _sort_number(e: Estimate | None) -> str:
    if e is None:
        return "-1"
    return str(e.best if e.best is not None else e.low if e.low is not None else e.high if e.high is not None else -1)


def chart(rows: Sequence[Row]) -> Markup:
    """Killed victims per incident, low to high (a dot at the best estimate, an arrow when open-ended)."""
    bars = [(r, e) for r in rows if r.incident is not None and (e := _estimate(r.incident, "killed")) is not None
            and (e.low is not None or e.high is not None)]
    if not bars:
        return Markup('<p class="muted">No incident states a number killed.</p>')
    top = max(max(v for v in (e.low, e.high, e.best) if v is not None) for _, e in bars)
    top = max(top, 1)
    label_w, plot_w, row_h, pad = 300, 460, 20, 8
    width, height = label_w + plot_w + 60, pad * 2 + row_h * len(bars) + 24

    def x(v: float) -> float:
        return label_w + plot_w * v / top

    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           'xmlns="http://www.w3.org/2000/svg"><title>Killed (victims) per incident, low to high</title>']
    for k, (r, e) in enumerate(bars):
        y = pad + k * row_h
        mid = y + row_h / 2
        name = f"{r.view.label}" + (f" #{r.number}" if len(r.view.brief.incidents) > 1 else "")
        short = name if len(name) <= 44 else name[:43] + "…"
        low = e.low if e.low is not None else 0
        high = e.high if e.high is not None else low
        tip = f"{name}: killed {number_range(e.low, e.high)} (best {'?' if e.best is None else e.best})"
        out.append(f'<g data-target="{r.view.anchor}"><title>{escape(tip)}</title>'
                   f'<text x="{label_w - 8}" y="{mid + 4:.1f}" text-anchor="end" class="lbl">{escape(short)}</text>'
                   f'<line x1="{label_w}" x2="{label_w + plot_w}" y1="{mid:.1f}" y2="{mid:.1f}" class="grid"/>'
                   f'<rect x="{x(low):.1f}" y="{y + 5}" width="{max(x(high) - x(low), 3):.1f}" height="{row_h - 10}" '
                   'class="bar"/>')
        if e.high is None:  # "at least": no upper bound
            out.append(f'<path d="M{x(low) + 4:.1f} {y + 4} l8 {row_h / 2 - 4:.1f} l-8 {row_h / 2 - 4:.1f}" '
                       'class="open"/>')
        if e.best is not None:
            out.append(f'<circle cx="{x(e.best):.1f}" cy="{mid:.1f}" r="4" class="best"/>')
        out.append(f'<text x="{x(high) + 14:.1f}" y="{mid + 4:.1f}" class="num">{number_range(e.low, e.high)}</text>'
                   "</g>")
    axis_y = pad + row_h * len(bars) + 14
    for tick in sorted({0, top // 2, top}):
        out.append(f'<text x="{x(tick):.1f}" y="{axis_y}" text-anchor="middle" class="tick">{tick}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _distinct(values: Iterable[str | None]) -> str:
    seen = [v for v in dict.fromkeys(values) if v]
    return ", ".join(seen) if seen else NOT_STATED


def _json_script(data: object) -> Markup:
    """JSON that cannot end its ``<script>`` element or start markup, whatever the strings in it say."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                      ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return Markup(text)


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _visible(value: object) -> object:
    """Every value the template prints: control characters and bidi overrides shown as escapes (as in the
    terminal), so a planted U+202E cannot make a figure read backwards; the report's own markup passes."""
    return value if isinstance(value, Markup) or not isinstance(value, str) else inert_text(value)


def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined  # only when a report is made: quick start-up

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_visible)
    env.globals.update(
        status_words=STATUS_WORDS, not_stated=NOT_STATED, event_words=event_words, date_words=date_words,
        summary_origin=summary_origin,
        place_words=place_words, claim_words=claim_words, source_words=source_words, estimate_words=estimate_words,
        number_range=number_range, named_sources=named_sources, estimate=_estimate, estimate_range=_range,
        sort_number=_sort_number,
    )
    return env


def build_report(briefs: Sequence[Brief], bases: Sequence[Path] = (), title: str = "Incident report") -> str:
    """The whole report as one HTML document. ``bases``: folders the briefs' relative article paths are
    looked up in, in order (default: the current folder)."""
    folders = list(bases) or [Path.cwd()]
    views = [article_view(i, b, folders) for i, b in enumerate(briefs)]
    rows = [Row(v, n, inc) for v in views for n, inc in enumerate(v.brief.incidents, start=1)]
    rows_all = [r for v in views for r in ([Row(v, n, inc) for n, inc in enumerate(v.brief.incidents, start=1)]
                                          or [Row(v, 0, None)])]
    status = Counter(b.status for b in briefs)
    usage = {
        "prompt": sum(b.usage.prompt_tokens for b in briefs),
        "completion": sum(b.usage.completion_tokens for b in briefs),
        "calls": sum(b.usage.calls for b in briefs),
        "cached": sum(b.usage.cached_calls for b in briefs),
        "seconds": sum(b.seconds for b in briefs),
    }
    by_article = {v.brief.article: v for v in views}
    merged = [(m, [(by_article[ref.article], ref.incident + 1) for ref in m.members if ref.article in by_article])
              for m in merge_incidents(briefs)]
    n_citations = sum(len(v.facts) for v in views)
    n_highlighted = sum(len(v.highlighted) for v in views)
    env = _environment()
    style = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return env.get_template("report.html.j2").render(
        title=title, views=views, rows=rows_all, status=status, usage=usage, version=__version__,
        models=_distinct(b.model for b in briefs), providers=_distinct(b.provider for b in briefs),
        templates=_distinct(b.template_hash for b in briefs), schemas=_distinct(b.schema_version for b in briefs),
        countries=sorted({r.incident.country for r in rows if r.incident and r.incident.country}),
        event_types=sorted({r.incident.event_type for r in rows if r.incident}),
        chart=chart(rows), citations=n_citations, highlighted=n_highlighted, merged=merged,
        style=Markup(style), script=Markup(script), csp=csp,
        data=_json_script({"summarizer": __version__, "citations": n_citations, "highlighted": n_highlighted,
                           "briefs": [b.model_dump(mode="json") for b in briefs]}),
    )


def report_bases(source: Path) -> list[Path]:
    """Where the article paths of briefs loaded from ``source`` are looked up: the current folder, then the
    briefs' folder and each folder above it (briefs name articles relative to where summarize ran)."""
    folder = (source if source.is_dir() else source.parent).resolve()
    return list(dict.fromkeys([Path.cwd(), folder, *folder.parents]))
