"""How a brief's facts are worded for people, shared by the terminal, Markdown and CSV renderings.

One place, so "not stated", a resolved weekday or a claim reads the same in every format a user pastes.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.incidents import MergedIncident, Reconciled
from summarizer.schema import Brief, Estimate, FigureOut, IncidentOut

NOT_STATED = "not stated"
STATUS_WORDS = {"ok": "ok", "no_incident": "no incident", "failed": "failed"}


def number_range(low: int | None, high: int | None) -> str:
    """``7``, ``28–30``, ``7–`` (at least seven: no upper bound), ``?`` when nothing is known."""
    if low is None and high is None:
        return "?"
    if low == high:
        return str(low)
    return f"{'?' if low is None else low}–{'' if high is None else high}"


def event_words(inc: IncidentOut) -> str:
    return inc.event_type.replace("_", " ")


def summary_origin(inc: IncidentOut) -> str:
    """Whose words the summary is: an article's sentence (``summary_in``: the lede, or the sentence with the
    incident's figures or place), the sentence an incident built by code came from (``told_in``), or else the
    model's."""
    if inc.told_in is None:
        return f"the article's words, S{inc.summary_in}" if inc.summary_in is not None else "the model's summary"
    return f"the article's words, S{inc.told_in}: the model read it as another incident; headline by code"


def date_words(inc: IncidentOut, published: bool = True) -> str:
    """``published``: whether the article carries a publication date, which is what weekdays resolve against."""
    d = inc.date
    if d.text is None:
        return "date not stated"
    if d.resolved is None:
        return f"{d.text} (not resolved to a day{'' if published else ': no publication date'})"
    if d.precision == "day":
        return f"{d.text} ({d.resolved.isoformat()})"
    return f"{d.text}, resolved to {d.resolved.isoformat()}"


def place_words(inc: IncidentOut) -> str:
    """Place, province, country; a province or country the article does not name, or a place code took from the
    lede because the model named none, says so."""
    place = inc.place
    if place and inc.place_source == "gazetteer":
        place += " (place from the lede, chosen by code)"
    province = inc.province
    if province and inc.province_source == "gazetteer":
        province += " (province from the gazetteer, not the article)"
    country = inc.country
    if country and inc.country_source == "gazetteer":
        country += " (country from the gazetteer, not the article)"
    parts = [p for p in (place, province, country) if p]
    if not parts:
        return "place not stated"
    return ", ".join(parts) + ("" if inc.place else " (exact place not stated)")


def claim_words(inc: IncidentOut) -> str:
    if inc.responsibility is None:
        return f"no claim {NOT_STATED}"
    return f"claimed by {inc.responsibility.claimed_by} (their claim, not a finding)"


def source_words(f: FigureOut) -> str:
    return " ".join((f.according_to or "the article").split())


def estimate_words(e: Estimate) -> str:
    side = "attackers" if e.side == "militants" else "victims"
    show = ["?" if v is None else str(v) for v in (e.low, e.best, e.high)]
    return (f"{e.outcome} ({side}): low {show[0]} · best {show[1]} · high {show[2]} "
            f"({e.policy}, {e.sources} figure{'s' if e.sources != 1 else ''})")


def named_sources(inc: IncidentOut) -> list[str]:
    return [", ".join(" ".join(p.split()) for p in (s.name, s.role, f"to {s.outlet}" if s.outlet else None) if p)
            for s in inc.sources if s.name or s.role]


def killed_words(brief: Brief) -> str:
    """Victims killed, one range per incident ("7–9; 3"): incidents are never added up, they may overlap."""
    ranges = [number_range(e.low, e.high) for inc in brief.incidents for e in inc.estimates
              if e.outcome == "killed" and e.side == "victims"]
    return "; ".join(ranges) if ranges else "—"


def article_label(brief: Brief) -> str:
    return Path(brief.article).name if brief.article not in ("-", "<stdin>") else brief.article


def cited_sentences(inc: IncidentOut) -> dict[int, str]:
    """Every sentence the incident cites (place, attacker, claim, figures), id -> quote."""
    found: dict[int, str] = {}
    for c in [inc.place_citation, inc.perpetrator_citation,
              inc.responsibility.citation if inc.responsibility else None, *(f.citation for f in inc.figures)]:
        if c is not None:
            found.setdefault(c.sentence, c.quote)
    return found


# --- merged incidents ------------------------------------------------------------------------------------------

def merged_event_words(inc: MergedIncident) -> str:
    others = [t.replace("_", " ") for t in inc.event_types if t != inc.event_type]
    return inc.event_type.replace("_", " ") + (f" (also reported as: {', '.join(others)})" if others else "")


def merged_date_words(inc: MergedIncident) -> str:
    if inc.date is None:
        return "date not stated"
    if inc.date_precision == 2 and not any(a.date for a in inc.articles):
        return f"on or before {inc.date.isoformat()} (no article gives the day; the first was published then)"
    if inc.date_precision == 2:
        return f"{inc.date.isoformat()} (most articles; the others differ by a day or more)"
    return inc.date.isoformat()


def merged_place_words(inc: MergedIncident) -> str:
    parts = [p for p in (inc.location, inc.admin1, inc.country) if p]
    return ", ".join(parts) if parts else "place not stated"


def reconciled_words(e: Reconciled) -> str:
    side = "attackers" if e.side == "militants" else "victims"
    show = ["?" if v is None else str(v) for v in (e.low, e.best, e.high)]
    figures, articles = f"{e.figures} figure{'s' if e.figures != 1 else ''}", f"{e.articles} article"
    return (f"{e.outcome} ({side}), {e.policy}: low {show[0]} · best {show[1]} · high {show[2]} "
            f"({figures}, {articles}{'s' if e.articles != 1 else ''})")
