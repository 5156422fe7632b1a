"""One incident, many articles: merge the incident records of many briefs into real-world incidents.

Not to be confused with ``pipeline.merge``, which joins the parts of *one* long article. Here every incident
of every brief is a record (``Member``: the brief's article and the incident's index in it), and records that
report the same attack become one ``MergedIncident`` that keeps every member's own figures and sources.

The decision is code, from what the briefs hold (no model):

- **date**: the resolved day, else the weekday or month-day the article writes (with none, the weekday of the
  place's cited sentence), within a week before its publication date. Two days more than one apart are
  different incidents; a written day must fit the other report's day or week.
- **place**: country, then admin1 and the city found by the gazetteer (``summarizer.gazetteer``), then the
  place's own names ("Sultanahmet", "Sadr"): another country, province or city is another incident. A brief
  with no country, or one that does not hold its place, is placed by a city it names that is one city
  anywhere (``_locate``).
- **event type and actors**: the same type or named group counts for, a different family of event against, and a
  different group only when both reports say who *claimed* it: the attacker a first report names is often only
  suspected, and two reports of one bombing may suspect different groups (one names ISIS, the other "Syrian").
- **figures**: the same toll counts for; different tolls never count against (an early and a later toll of
  one attack differ).

Evidence adds up to a score (``Evidence``). A pair with no conflict, a shared place, dates that could be
compared and a score of at least ``SAME`` is the same incident; one that falls short but reaches ``POSSIBLE``
is flagged "possibly the same incident as ...", never merged: a wrong merge mixes two attacks' tolls, which is
worse than a missed one. Two incidents of one article are never merged (the article already told them apart),
a group is only joined to another when no pair across them conflicts, so a chain of links cannot join two
different attacks, and a record that is the same as two records that conflict joins neither.

Candidate pairs come from blocking: records are indexed by (country, day) over the days their date allows,
so the work grows with the records of each day, not with the square of all records. The result does not
depend on the order of the input: records, links and groups are all sorted by content before anything is
decided.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from pydantic import BaseModel, Field

from summarizer import gazetteer
from summarizer.amounts import Amount, point, span
from summarizer.reconcile import estimates as range_estimates
from summarizer.reconcile import is_part, resolve_date, whole_count
from summarizer.schema import Brief, EventType, FigureOut, IncidentOut, Outcome, VictimGroup

SAME = 4
"""The score from which a pair with a shared place and no conflict is the same incident."""
POSSIBLE = 2
"""The score from which a pair that is not merged is flagged as possibly the same incident."""
REPORT_WINDOW = 7
"""Days before its publication date that an article's undated incident may have happened."""

Policy = Literal["range-over-sources", "latest-report"]
POLICIES: tuple[Policy, ...] = ("range-over-sources", "latest-report")
POLICY_TEXT: dict[Policy, str] = {
    "range-over-sources": "over every figure of every article: low = the smallest figure a source commits to, "
    "high = the largest, best = their median (as each brief's own estimate; a count of one victim group no larger "
    "than a count of all the victims is a part of it and left out)",
    "latest-report": "only the most recently published article(s) that give the figure: their own low / best / "
    "high (the newest toll; the largest best when several share the latest date)",
}

_FAMILY: dict[str, str] = {
    "bombing": "explosive", "suicide_bombing": "explosive", "rocket_or_mortar": "explosive",
    "armed_assault": "assault", "raid_on_facility": "assault", "ambush": "assault", "massacre_of_captives": "assault",
    "assassination": "assault", "offensive_on_city": "offensive", "airstrike": "airstrike", "kidnapping": "kidnapping",
    "other": "",
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_POSSESSIVE = re.compile(r"['’]s\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_MONTHS = {name: i + 1 for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"))) for name in names}
_MONTH_DAY = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b|"
                        r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b")
# Words of a place or an actor that name no particular one: kinds of place, directions, articles, roles.
_GENERIC = {
    "the", "a", "an", "of", "in", "at", "on", "near", "and", "or", "to", "from", "by", "outside", "inside", "into",
    "city", "town", "village", "district", "province", "state", "region", "area", "county", "capital", "centre",
    "center", "central", "downtown", "heart", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "market", "square", "street", "road", "avenue", "neighborhood", "neighbourhood", "quarter",
    "suburb", "suburbs", "outskirts", "station", "police", "checkpoint", "mall", "shopping", "hotel", "cafe", "bus",
    "terminal", "mosque", "church", "school", "university", "hospital", "base", "camp", "compound", "building",
    "headquarters", "office", "post", "bridge", "gate", "entrance", "busy", "crowded", "main", "old", "new",
    "historic", "tourist", "popular", "local", "commercial", "shiite", "sunni", "muslim", "christian", "jl", "jalan",
    "group", "militants", "militant", "gunmen", "gunman", "attackers", "attacker", "bomber", "bombers", "suicide",
    "unknown", "unidentified", "suspected", "armed", "men", "fighters", "insurgents", "terrorists", "terrorist",
    "extremists", "jihadists", "islamist", "islamists", "forces", "members", "member", "people", "person",
    "officials", "official", "authorities", "government", "security", "its", "their", "his", "her",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ALIAS = re.compile(r"\b(islamic state of iraq and (the levant|syria)|islamic state|isis|isil|is|daesh|daish)\b")
"""Names of one group that wire copy uses interchangeably; all count as the same actor."""


# --- what the merge reads from one record ----------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """An incident of a brief: the brief's article (its path, or FILE:ROW) and the index into its incidents."""

    article: str
    incident: int


@dataclass(frozen=True, slots=True)
class Record:
    """One incident of one brief, with what the merge compares, worked out once (``make_record``)."""

    brief: Brief
    index: int
    incident: IncidentOut
    key: tuple[str, int, str]  # what orders records: article, index, text hash (two briefs of one name stay apart)
    cc: str | None  # ISO country code
    admin1: str | None  # the province, as a gazetteer key
    city: str | None  # the gazetteer city named in the place (or the province slot)
    spots: frozenset[str]  # the place's own names ("Sultanahmet Square, Istanbul" -> {sultanahmet})
    nearby: frozenset[str]  # the words of the sentence cited for the place (what else it names)
    actors: frozenset[str]  # named attackers and claimants, aliases folded
    claimants: frozenset[str]  # the claimants alone
    family: str  # the kind of event ("explosive", "assault", ...; "" for other)
    killed: frozenset[int]  # exact victim death tolls of 3 or more (small numbers say little)
    day: dt.date | None  # the resolved day
    weekday: int | None  # a weekday written but not resolved (no publication date)
    month_day: tuple[int, int] | None  # a month and day written without a year
    window: tuple[dt.date, dt.date] | None  # the days it can have been on: its day, else the week up to publication

    @property
    def member(self) -> Member:
        return Member(self.brief.article, self.index)

    def allows(self, day: dt.date, slack: int) -> bool:
        """Whether the incident can have been on ``day`` (``slack``: days either side a window may miss by)."""
        if self.day is not None:
            return abs((self.day - day).days) <= slack
        if self.window is not None:
            lo, hi = self.window
            if not lo - dt.timedelta(days=slack) <= day <= hi + dt.timedelta(days=slack):
                return False
        if self.weekday is not None and day.weekday() != self.weekday:
            return False
        return not (self.month_day is not None and (day.month, day.day) != self.month_day)

    @property
    def dated(self) -> bool:
        return self.window is not None or self.month_day is not None or self.weekday is not None

    def days(self) -> list[dt.date]:
        """The days this record is indexed under for blocking (none: compared within its place only)."""
        if self.window is None:
            return []
        lo, hi = self.window
        return [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)]


def make_record(brief: Brief, index: int, g: gazetteer.Gazetteer) -> Record:
    inc = brief.incidents[index]
    quote = inc.place_citation.quote if inc.place_citation else ""
    cc, admin1, city = _locate(inc, quote, g)
    broad = set(f"{gazetteer.key(inc.country or '')} {admin1 or ''} {city or ''}".split())
    # A name of the place: a word written with a capital, in the place or where the place's sentence writes it
    # (a model may copy "sultanahmet" in lower case from "in Sultanahmet").
    words = _WORD.findall(_POSSESSIVE.sub("", inc.place or ""))
    capitalised = ({gazetteer.key(w) for w in _WORD.findall(_POSSESSIVE.sub("", quote)) if w[0].isupper()}
                   if any(not w[0].isupper() for w in words) else set())
    spots = frozenset(part for w in words
                      if w[0].isupper() or gazetteer.key(w) in capitalised for part in gazetteer.key(w).split()
                      if len(part) >= 3 and part not in _GENERIC and part not in broad)
    nearby = frozenset(gazetteer.key(_POSSESSIVE.sub("", quote)).split())
    actors = _actor_words(inc.perpetrator)
    claimants = _actor_words(inc.responsibility.claimed_by if inc.responsibility else None)
    killed = frozenset(f.low for f in inc.figures
                       if f.outcome == "killed" and f.group != "militants" and f.qualifier == "exact"
                       and f.low is not None and f.low == f.high and f.low >= 3)
    text = (inc.date.text or "").lower()
    day = inc.date.resolved
    if not text and day is None:
        # No date from the model: the weekday the place's own sentence gives ("rocked Istanbul's Sultanahmet
        # Square on Tuesday"), when it gives one, resolved against the publication date as reconcile would.
        said = set(_WEEKDAY.findall(quote.lower()))
        if len(said) == 1:
            text = said.pop()
            day = resolve_date(text, brief.publication_date).resolved
    weekdays = sorted({_WEEKDAYS.index(w) for w in _WEEKDAY.findall(text)})
    m = _MONTH_DAY.search(text)
    month_day = None if not m else ((_MONTHS[m.group(1)], int(m.group(2))) if m.group(1)
                                    else (_MONTHS[m.group(4)], int(m.group(3))))
    window = None
    if day is not None:
        window = (day, day)
    elif brief.publication_date is not None:
        window = (brief.publication_date - dt.timedelta(days=REPORT_WINDOW), brief.publication_date)
    return Record(brief=brief, index=index, incident=inc, key=(brief.article, index, brief.article_sha256 or ""), cc=cc,
                  admin1=admin1, city=city, spots=spots, nearby=nearby, actors=frozenset(actors | claimants),
                  claimants=frozenset(claimants),
                  family=_FAMILY.get(inc.event_type, ""), killed=killed, day=day,
                  weekday=weekdays[0] if len(weekdays) == 1 else None, month_day=month_day, window=window)


def _actor_words(text: str | None) -> set[str]:
    if not text:
        return set()
    k = _ALIAS.sub(lambda m: "islamic_state", gazetteer.key(text))
    return {w for w in k.split() if w not in _GENERIC and len(w) >= 2}


def _locate(inc: IncidentOut, quote: str, g: gazetteer.Gazetteer) -> tuple[str | None, str | None, str | None]:
    """(country code, admin1 key, city key) of the incident, from the gazetteer, for comparing places.

    The brief's country holds when its province or place is in it. When they name nothing the gazetteer knows
    there, a city they name that is one city anywhere (``gazetteer.city_anywhere``: "İstanbul" with the country
    "Iraq") gives the country instead, as does a province slot that is a division of one country only ("Cabo
    Delgado"). A brief without a country takes it, the same way, from the place, else
    from the first such city that the place's cited sentence writes with a capital ("Beyazit district ...,
    Governor Vasip Sahin of Istanbul said"). admin1 is a gazetteer division or nothing: a province slot the
    gazetteer cannot place ("Beyazit district") is no province to disagree with."""
    cc = g.country_code(inc.country)
    if cc is not None:
        admin1, city = _in_country(inc, cc, g)
        if admin1 or city:
            return cc, admin1, city
    found = (_city_anywhere(inc.province or "", "slot") or _division_anywhere(inc.province)
             or _city_anywhere(inc.place or "", "names") or (None if cc else _city_anywhere(quote, "sentence")))
    return found or (cc, None, None)


def _division_anywhere(province: str | None) -> tuple[str, str | None, None] | None:
    """A province slot that names a division of one country only ("Cabo Delgado" with no country)."""
    found = gazetteer.division_anywhere(province) if province else None
    return (found[0], gazetteer.key(found[1]) or None, None) if found else None


def _in_country(inc: IncidentOut, cc: str, g: gazetteer.Gazetteer) -> tuple[str | None, str | None]:
    """(admin1 key, city key) within the country: the province slot's division, else the named city's, else a
    division the place names."""
    city = _city(inc, cc, g)
    division = None
    if inc.province:
        division = g.division_named(inc.province, cc) or g.division_of_place(inc.province, cc)
    if division is None and city is not None:
        division = g.cities[(city, cc)][0]
    if division is None and inc.place:
        division = g.division_of_place(inc.place, cc)
    return (gazetteer.key(division) or None) if division else None, city


def _city_anywhere(text: str, how: Literal["slot", "names", "sentence"]) -> tuple[str, str | None, str] | None:
    """The first city of ``text`` (its longest name first) that ``gazetteer.city_anywhere`` places, as
    (country code, admin1 key, city key). ``slot``: any words (the province slot holds a name); ``names``: only
    words written with a capital ("mobile phone market" names no city); ``sentence``: the same, and not the
    first word unless it is all capitals, a dateline ("Mobile phone shops were hit" names no city)."""
    words = _WORD.findall(_POSSESSIVE.sub("", text))
    names = [how == "slot" or (w[0].isupper() and (i > 0 or how == "names" or w.isupper()))
             for i, w in enumerate(words)]
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words) or not all(names[i : i + n]):
                continue
            gram = gazetteer.key(" ".join(words[i : i + n]))
            if gram in _GENERIC:
                continue
            found = gazetteer.city_anywhere(gram)
            if found:
                cc, division, city = found
                return cc, gazetteer.key(division) or None, city
    return None


def _city(inc: IncidentOut, cc: str | None, g: gazetteer.Gazetteer) -> str | None:
    """The gazetteer city named in the place (or, failing that, in the province slot), longest name first."""
    if cc is None:
        return None
    for text in (inc.place, inc.province):
        words = gazetteer.key(text or "").split()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram not in _GENERIC and (gram, cc) in g.cities:
                    return gram
    return None


# --- the pair decision -------------------------------------------------------------------------------------------


Verdict = Literal["same", "possible", "different"]


@dataclass(frozen=True)
class Evidence:
    """What a pair of records has for and against being one incident."""

    score: int
    conflict: str | None  # why they cannot be one incident
    shared_place: bool
    reasons: tuple[str, ...]
    dated: bool = False  # whether their dates could be compared at all (not a weekday of an unknown week)

    @property
    def verdict(self) -> Verdict:
        if self.conflict is not None:
            return "different"
        if self.score >= SAME and self.shared_place and self.dated:
            return "same"
        return "possible" if self.score >= POSSIBLE else "different"


def _date_evidence(a: Record, b: Record) -> tuple[int, str | None, str]:
    if a.day is not None and b.day is not None:
        gap = abs((a.day - b.day).days)
        if gap == 0:
            return 2, None, "same day"
        if gap == 1:
            return 1, None, "a day apart"
        return 0, f"{gap} days apart", ""
    if a.day is not None or b.day is not None:
        known, other = (a, b) if a.day is not None else (b, a)
        assert known.day is not None
        if not other.dated:
            return -1, None, "no date to compare"
        slack = 0 if other.weekday is not None or other.month_day is not None else 1
        if not other.allows(known.day, slack):
            one = dt.timedelta(days=1)
            if slack == 0 and (other.allows(known.day - one, 1) or other.allows(known.day + one, 1)):
                # scored as two resolved days one apart are: a report dated by the day of its toll update
                # ("climbed to 73 on Monday") against one that writes the day of the attack ("Sunday")
                return 1, None, "a day apart from the day written"
            return 0, "dates do not fit", ""
        if other.weekday is not None or other.month_day is not None:
            return 1, None, "the weekday or date written fits"
        return 0, None, "within the days of the report"
    if not (a.dated and b.dated):
        return -1, None, "no date to compare"
    if a.month_day is not None and b.month_day is not None and a.month_day != b.month_day:
        return 0, "dates do not fit", ""
    if a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
        return 0, "different weekdays", ""
    if a.window is not None and b.window is not None:
        (alo, ahi), (blo, bhi) = a.window, b.window
        if alo > bhi + dt.timedelta(days=1) or blo > ahi + dt.timedelta(days=1):
            return 0, "reported in different weeks", ""
    windowed = [r for r in (a, b) if r.window is not None]
    written = any(r.weekday is not None or r.month_day is not None for r in (a, b))
    if windowed and written:  # a day of the report's week must fit what the other writes ("June 7" is not in
        window = windowed[0].window  # a January week)
        assert window is not None
        lo, hi = window
        one = dt.timedelta(days=1)
        if not any(a.allows(d, 1) and b.allows(d, 1)
                   for d in (lo + one * k for k in range(-1, (hi - lo).days + 2))):
            return 0, "dates do not fit", ""
    if (a.window is None and a.month_day is None) or (b.window is None and b.month_day is None):
        # a weekday with no publication date could be any week's: it says nothing against a report's week
        return -1, None, "only a weekday to compare"
    if any(r.window is None and r.month_day is not None for r in (a, b)) and windowed:
        return 1, None, "the date written fits the days of the report"
    return 0, None, "dates compatible"


def compare(a: Record, b: Record) -> Evidence:
    """The evidence that ``a`` and ``b`` report one incident (symmetric)."""
    if a.brief.article == b.brief.article:
        return Evidence(0, "incidents of one article", False, ())
    score, conflict, why = _date_evidence(a, b)
    dated = score >= 0  # the same place, type and group with no date to compare is a place attacked often
    reasons = [why] if why else []
    if conflict:
        return Evidence(score, conflict, False, tuple(reasons))
    if a.cc and b.cc and a.cc != b.cc:
        return Evidence(score, "different countries", False, tuple(reasons))
    if a.cc is None or b.cc is None:
        score -= 1
    if a.admin1 and b.admin1:
        if a.admin1 != b.admin1:
            return Evidence(score, "different provinces", False, tuple(reasons))
        score += 1
        reasons.append("same province")
    shared_spots = a.spots & b.spots
    if a.city and b.city:
        if a.city != b.city and not shared_spots:
            return Evidence(score, "different cities", False, tuple(reasons))
        if a.city == b.city:
            score += 1
            reasons.append("same city")
    named_there = (a.spots & b.nearby) | (b.spots & a.nearby)
    shared_place = bool(shared_spots or named_there)
    if shared_spots:
        score += 2
        reasons.append("same place (" + ", ".join(sorted(shared_spots)) + ")")
    elif named_there:
        score += 1
        reasons.append("one's place named in the other's place sentence (" + ", ".join(sorted(named_there)) + ")")
    elif a.spots and b.spots:
        score -= 1
        reasons.append("places named differently")
    elif a.city and a.city == b.city:
        shared_place = True  # one names only the city the other's place is in
    if a.incident.event_type == b.incident.event_type and a.incident.event_type != "other":
        score += 1
        reasons.append("same event type")
    elif a.family and b.family and a.family != b.family:
        score -= 1
        reasons.append("different kinds of event")
    if a.actors & b.actors:
        score += 1
        reasons.append("same actor")
    elif a.claimants and b.claimants:
        score -= 1
        reasons.append("claimed by different groups")
    if a.killed & b.killed:
        score += 1
        reasons.append("same toll")
    return Evidence(score, None, shared_place, tuple(reasons), dated)


# --- what the merge produces -------------------------------------------------------------------------------------


class MemberRef(BaseModel):
    article: str
    incident: int = Field(description="index into that brief's incidents, from 0")


class ArticleRef(BaseModel):
    """A member article: where the incident was read, with what its metadata says."""

    article: str
    incident: int
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    headline: str
    date_text: str | None
    date: dt.date | None
    place: str | None


class SourcedFigure(BaseModel):
    """One figure as one article gives it, with who states it: never merged with another."""

    article: str
    published: dt.date | None
    outlet: str | None
    outcome: Outcome
    group: VictimGroup
    amount_text: str
    low: int | None
    high: int | None
    according_to: str | None
    quote: str


class Reconciled(BaseModel):
    outcome: Outcome
    side: Literal["victims", "militants"]
    low: int | None
    best: int | None
    high: int | None
    figures: int = Field(description="how many figures the estimate is over")
    articles: int = Field(description="how many articles those figures come from")
    policy: Policy


class PossibleLink(BaseModel):
    incident: str = Field(description="the id of the other merged incident")
    why: str


class MergedIncident(BaseModel):
    id: str
    headline: str
    event_type: EventType
    event_types: list[EventType]
    date: dt.date | None
    date_precision: int | None = Field(description="ACLED time_precision: 1 the day (the reports agree), 2 within "
                                       "a week (they disagree, or none gives the day: the first publication)")
    country: str | None
    admin1: str | None
    location: str | None
    geo_precision: int | None = Field(description="ACLED geo_precision: 1 a named place or town, 2 part of a region "
                                      "(a district, an area near a town), 3 only the province or country")
    perpetrators: list[str]
    claimed_by: list[str]
    targets: list[str]
    members: list[MemberRef]
    articles: list[ArticleRef]
    figures: list[SourcedFigure]
    estimates: list[Reconciled]
    conflicts: list[str] = Field(description="facts the member articles disagree on, side by side")
    why_merged: list[str]
    possibly_same_as: list[PossibleLink]
    first_report: dt.date | None
    last_report: dt.date | None


# --- grouping ----------------------------------------------------------------------------------------------------


def records(briefs: Iterable[Brief]) -> list[Record]:
    """Every incident of every ok brief, once (a brief given twice counts once), in content order."""
    g = gazetteer.load()
    chosen: dict[tuple[str, int, str], Brief] = {}
    for brief in briefs:
        if brief.status != "ok" or not brief.incidents:
            continue
        key = (brief.article, 0, brief.article_sha256 or "")
        other = chosen.get(key)
        if other is None or (other is not brief and _tiebreak(brief) < _tiebreak(other)):
            chosen[key] = brief  # two different briefs of one text and name: the same one wins in any order
    out = [make_record(brief, i, g) for brief in chosen.values() for i in range(len(brief.incidents))]
    return sorted(out, key=lambda r: r.key)


def _tiebreak(brief: Brief) -> str:
    return brief.model_dump_json(exclude={"usage", "seconds"})


def candidate_pairs(recs: Sequence[Record]) -> set[tuple[int, int]]:
    """Pairs (i < j) worth comparing: records sharing a (country, day) block or in blocks a day apart (a record
    is in a block for each day its date allows; one without a country is in the day's "*" block, which meets
    every country's). Records without any date are compared with the records of their country and province."""
    by_day: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    countries_of_day: dict[dt.date, set[str]] = defaultdict(set)
    undated: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        days = r.days()
        for day in days:
            by_day[(r.cc or "*", day)].append(i)
            countries_of_day[day].add(r.cc or "*")
        place = (r.cc or "*", r.admin1 or "*")
        by_place[place].append(i)
        if not days:
            undated[place].append(i)
    pairs: set[tuple[int, int]] = set()
    one_day = dt.timedelta(days=1)
    for (cc, day), block in by_day.items():
        pairs.update((a, b) for a, b in combinations(block, 2))  # indices ascend within a block
        neighbours = [(cc, day + one_day)]
        if cc == "*":
            neighbours += [(c, d) for d in (day, day + one_day, day - one_day) for c in countries_of_day.get(d, ())
                           if c != "*"]
        elif "*" in countries_of_day.get(day - one_day, ()):
            pass  # met from the "*" side
        for other in neighbours:
            for j in by_day.get(other, ()):
                pairs.update((min(i, j), max(i, j)) for i in block if i != j)
    for (cc, admin1), members in undated.items():
        for (cc2, admin2), others in by_place.items():
            if (cc == "*" or cc2 == "*" or cc == cc2) and (admin1 == "*" or admin2 == "*" or admin1 == admin2):
                pairs.update((min(i, j), max(i, j)) for i in members for j in others if i != j)
    return pairs


def group(recs: Sequence[Record]) -> tuple[list[list[int]], dict[tuple[int, int], Evidence], set[int]]:
    """Groups of record indices (each sorted), the evidence of every compared pair, and the records left out of
    any link because they fit two incidents that conflict."""
    evidence = {pair: compare(recs[pair[0]], recs[pair[1]]) for pair in sorted(candidate_pairs(recs))}
    parent = list(range(len(recs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(recs))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def verdict(i: int, j: int) -> Evidence:
        pair = (min(i, j), max(i, j))
        if pair not in evidence:
            evidence[pair] = compare(recs[pair[0]], recs[pair[1]])
        return evidence[pair]

    same = sorted(pair for pair, e in evidence.items() if e.verdict == "same")
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in same:
        partners[i].append(j)
        partners[j].append(i)
    # A record that is "the same" as two records that cannot be one incident (an undated report of a place
    # attacked twice) could belong to either: it is joined to neither, and stays flagged against both.
    ambiguous = {x for x, ps in partners.items()
                 if any(verdict(p, q).conflict is not None for p, q in combinations(ps, 2))}
    links = sorted((pair for pair in same if not ambiguous & set(pair)), key=lambda p: (-evidence[p].score, p))
    for i, j in links:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if any(verdict(x, y).conflict is not None for x in members[ri] for y in members[rj]):
            continue  # complete link: joining would put two incompatible records in one incident
        small, big = sorted((ri, rj))
        parent[big] = small
        members[small] = sorted(members[small] + members.pop(big))
    groups = sorted((m for root, m in members.items() if find(root) == root), key=lambda m: m[0])
    return groups, evidence, ambiguous


def _evidence(recs: Sequence[Record], evidence: dict[tuple[int, int], Evidence], i: int, j: int) -> Evidence:
    pair = (min(i, j), max(i, j))
    if pair not in evidence:
        evidence[pair] = compare(recs[pair[0]], recs[pair[1]])
    return evidence[pair]


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the merge. The merge makes many small objects and no cycles
    worth collecting early, and each collection of the oldest generation walks every brief in memory: measured
    on 10,000 synthetic briefs, collections were about 40% of the merge's CPU time. Restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def merge_incidents(briefs: Iterable[Brief]) -> list[MergedIncident]:
    """The real-world incidents the briefs report, each with every member's figures and sources; sorted by
    date, country and first member, so the same briefs in any order give the same list."""
    with _no_gc_pauses():
        return _merge_incidents(briefs)


def _merge_incidents(briefs: Iterable[Brief]) -> list[MergedIncident]:
    recs = records(briefs)
    groups, evidence, ambiguous = group(recs)
    where = {i: k for k, g in enumerate(groups) for i in g}
    inside: dict[int, list[EvidencePair]] = defaultdict(list)
    for (i, j), e in evidence.items():
        if where[i] == where[j] and e.verdict == "same":
            inside[where[i]].append((i, j, e))
    built = [_build(recs, g, inside[k]) for k, g in enumerate(groups)]
    order = sorted(range(len(built)), key=lambda k: (built[k].date or dt.date.max, built[k].country or "~",
                                                        recs[groups[k][0]].key))
    ids = {k: f"I{n}" for n, k in enumerate(order, start=1)}
    possible: dict[int, dict[int, str]] = defaultdict(dict)
    apart: dict[tuple[int, int], bool] = {}

    def groups_conflict(gi: int, gj: int) -> bool:
        """Whether a member of one group conflicts with a member of the other: then the two cannot be one
        incident whatever the flagged pair says (a weekday that fits one report's week, where the other
        reports of that incident give another month)."""
        pair = (min(gi, gj), max(gi, gj))
        if pair not in apart:
            apart[pair] = any(_evidence(recs, evidence, x, y).conflict is not None
                              for x in groups[gi] for y in groups[gj])
        return apart[pair]

    for (i, j), e in sorted(evidence.items()):
        gi, gj = where[i], where[j]
        if gi == gj or e.conflict is not None or e.score < POSSIBLE:
            continue
        if e.verdict != "same" and groups_conflict(gi, gj):
            continue  # a weak likeness that the other members of the two incidents rule out
        why = "; ".join(e.reasons) or "compatible"
        if e.verdict == "same" and ambiguous & {i, j}:
            why += "; not merged: one of them fits two incidents that cannot be one"
        elif e.verdict == "same":
            why += "; not merged: another member of one of them conflicts"
        elif not e.shared_place:
            why += "; no shared place"
        for a, b in ((gi, gj), (gj, gi)):
            possible[a].setdefault(b, f"{recs[i].brief.article} #{recs[i].index + 1} and "
                                      f"{recs[j].brief.article} #{recs[j].index + 1}: {why}")
    out: list[MergedIncident] = []
    for k in order:
        links = [PossibleLink(incident=ids[o], why=w) for o, w in possible[k].items()]
        out.append(built[k].model_copy(update={"id": ids[k],
                                               "possibly_same_as": sorted(links, key=lambda p: int(p.incident[1:]))}))
    return out


# --- one merged incident -----------------------------------------------------------------------------------------


def _mode(values: Iterable[str | None]) -> str | None:
    """The most frequent value; ties go to the longest (the more specific), then alphabetical."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _distinct(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and " ".join(v.split()).lower() not in seen:
            seen[" ".join(v.split()).lower()] = " ".join(v.split())
    return sorted(seen.values(), key=str.lower)


_REGION_WORDS = re.compile(r"\b(district|area|region|outskirts|suburbs?|near|province|governorate|outside)\b", re.I)


def _geo_precision(location: str | None, admin1: str | None, country: str | None) -> int | None:
    if location:
        return 2 if _REGION_WORDS.search(location) else 1
    if admin1 or country:
        return 3
    return None


def _date(recs: Sequence[Record]) -> tuple[dt.date | None, int | None, list[str]]:
    days = Counter(r.day for r in recs if r.day is not None)
    conflicts: list[str] = []
    if days:
        day = min(days, key=lambda d: (-days[d], d))
        if len(days) > 1:
            conflicts.append("date: " + " · ".join(f"{d.isoformat()} ({n} article{'s' if n != 1 else ''})"
                                                   for d, n in sorted(days.items())))
        return day, (1 if len(days) == 1 else 2), conflicts
    windows = [r.window for r in recs if r.window is not None]
    if windows:
        hi = min(w[1] for w in windows)
        return hi, 2, conflicts  # only the latest day it can have been: the earliest publication
    return None, None, conflicts


def _figures(recs: Sequence[Record]) -> list[SourcedFigure]:
    return [SourcedFigure(article=r.brief.article, published=r.brief.publication_date, outlet=r.brief.outlet,
                          outcome=f.outcome, group=f.group, amount_text=f.amount_text, low=f.low, high=f.high,
                          according_to=f.according_to, quote=f.citation.quote)
            for r in recs for f in r.incident.figures]


def _side(f: FigureOut | SourcedFigure) -> str:
    return "militants" if f.group == "militants" else "victims"


def reconcile(recs: Sequence[Record], policy: Policy) -> list[Reconciled]:
    """Low / best / high per outcome and side under ``policy`` (see ``POLICY_TEXT``); figures are never summed."""
    out: list[Reconciled] = []
    if policy == "range-over-sources":
        figures = [f for r in recs for f in r.incident.figures]
        arts: dict[tuple[str, str], set[str]] = defaultdict(set)  # the articles behind each estimate, one pass
        for r in recs:
            for f in r.incident.figures:
                if point(Amount(f.low, f.high, f.qualifier)):
                    arts[(f.outcome, _side(f))].add(r.brief.article)
        for e in range_estimates(figures):
            out.append(Reconciled(outcome=e.outcome, side=e.side, low=e.low, best=e.best, high=e.high,
                                  figures=e.sources, articles=len(arts[(e.outcome, e.side)]), policy=policy))
        return out
    keys = sorted({(e.outcome, e.side) for r in recs for e in r.incident.estimates},
                  key=lambda k: (("killed", "wounded", "captured", "missing").index(k[0]), k[1] != "victims"))
    for outcome, side in keys:
        dated = [(r.brief.publication_date, r, e) for r in recs for e in r.incident.estimates
                 if e.outcome == outcome and e.side == side and r.brief.publication_date is not None]
        if not dated:
            continue
        latest = max(d for d, _, _ in dated)
        chosen = [(r, e) for d, r, e in dated if d == latest]
        lows = [e.low for _, e in chosen if e.low is not None]
        highs = [e.high for _, e in chosen if e.high is not None]
        bests = [e.best for _, e in chosen if e.best is not None]
        out.append(Reconciled(outcome=outcome, side=side, low=min(lows) if lows else None,
                              best=max(bests) if bests else None, high=max(highs) if highs else None,
                              figures=sum(e.sources for _, e in chosen),
                              articles=len({r.brief.article for r, _ in chosen}), policy=policy))
    return out


def _one_toll_fits_all(figures: Sequence[SourcedFigure]) -> bool:
    """Whether one number is within every figure's range ("at least 11", "11" and "dozens" for 36 do not
    disagree; "10" and "12" do)."""
    lows = [f.low or 0 for f in figures]  # "up to 40" sets no floor
    highs = [f.high for f in figures if f.high is not None]
    return max(lows) <= min(highs, default=max(lows))


def _toll_conflicts(figures: Sequence[SourcedFigure]) -> list[str]:
    out: list[str] = []
    for outcome in ("killed", "wounded", "captured", "missing"):
        for side in ("victims", "militants"):
            these = [f for f in figures if f.outcome == outcome and _side(f) == side and (f.low or f.high)]
            whole = whole_count([(f.group, span(f.low, f.high)) for f in these])
            these = [f for f in these if not is_part(f.group, span(f.low, f.high), whole)]
            values = {(f.low, f.high) for f in these}
            if len(values) < 2 or len({f.article for f in these}) < 2 or _one_toll_fits_all(these):
                continue
            parts = []
            for f in sorted(these, key=lambda f: (f.published or dt.date.min, f.article, f.low or 0)):
                who = f.according_to or "the article"
                parts.append(f"{f.amount_text} ({' '.join(who.split())}; {_short(f.article)})")
            label = outcome if side == "victims" else f"{outcome} (attackers)"
            out.append(f"{label}: " + " · ".join(parts))
    return out


def _short(article: str) -> str:
    """``fixtures/merge/articles.jsonl:201_x.txt`` -> ``201_x.txt``; ``a/b/c.txt`` -> ``c.txt``."""
    tail = article.rsplit(":", 1)[-1] if re.search(r"\.(jsonl|csv):[^/\\]+$", article) else article
    return re.split(r"[/\\]", tail)[-1]


def short_name(article: str) -> str:
    return _short(article)


EvidencePair = tuple[int, int, Evidence]


def _build(recs: Sequence[Record], members: Sequence[int], links: Sequence[EvidencePair]) -> MergedIncident:
    rs = [recs[i] for i in members]
    incs = [r.incident for r in rs]
    day, precision, conflicts = _date(rs)
    figures = _figures(rs)
    conflicts += _toll_conflicts(figures)
    perpetrators = _distinct(i.perpetrator for i in incs)
    if len({frozenset(r.actors) for r in rs if r.actors}) > 1 and len(perpetrators) > 1:
        conflicts.append("attacker: " + " · ".join(perpetrators))
    location = _mode(i.place for i in incs)
    admin1 = _mode(i.province for i in incs)
    country = _mode(i.country for i in incs)
    event = Counter(i.event_type for i in incs)
    main = min(rs, key=lambda r: (-len(r.incident.figures), -(r.brief.publication_date or dt.date.min).toordinal(),
                                  r.key))
    published = [r.brief.publication_date for r in rs if r.brief.publication_date is not None]
    why = sorted({f"{_short(recs[i].brief.article)} + {_short(recs[j].brief.article)}: {'; '.join(e.reasons)}"
                  for i, j, e in links})
    return MergedIncident(
        id="", headline=main.incident.headline,
        event_type=min(event, key=lambda t: (-event[t], t)), event_types=sorted(event),
        date=day, date_precision=precision, country=country, admin1=admin1, location=location,
        geo_precision=_geo_precision(location, admin1, country),
        perpetrators=perpetrators, claimed_by=_distinct(i.responsibility.claimed_by for i in incs if i.responsibility),
        targets=_distinct(i.target for i in incs),
        members=[MemberRef(article=r.brief.article, incident=r.index) for r in rs],
        articles=[ArticleRef(article=r.brief.article, incident=r.index, title=r.brief.title, outlet=r.brief.outlet,
                             url=r.brief.url, published=r.brief.publication_date, headline=r.incident.headline,
                             date_text=r.incident.date.text, date=r.day, place=r.incident.place) for r in rs],
        figures=figures,
        estimates=[e for policy in POLICIES for e in reconcile(rs, policy)],
        conflicts=conflicts, why_merged=why, possibly_same_as=[],
        first_report=min(published) if published else None, last_report=max(published) if published else None,
    )


def median_articles(incidents: Sequence[MergedIncident]) -> float:
    """Articles per merged incident, the median (for the summary line)."""
    return float(statistics.median(len(i.members) for i in incidents)) if incidents else 0.0
