"""From a validated ``Extraction`` to the user's ``IncidentOut``: deterministic code, no model.

The model labels and cites; here we cut quotes and spans from the sentence ids, parse amounts, resolve
dates against the publication date and derive one estimate per outcome from every source's figures.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics

from summarizer.amounts import NUMBER_PATTERN, Amount, amount_phrases, numbers_in, parse_amount, point
from summarizer.articles import Article
from summarizer.gazetteer import dateline, key, province_for
from summarizer.grounding import OUTCOME_WORDS
from summarizer.schema import (
    Citation,
    DateOut,
    Estimate,
    Extraction,
    FigureOut,
    Incident,
    IncidentOut,
    NamedSource,
    Outcome,
    Responsibility,
    VictimGroup,
)

ESTIMATE_POLICY = "range-over-sources"
"""Per outcome, over every source's figure (projections and vague words left out): low = the smallest
figure a source commits to, high = the largest, best = their median. Attackers are kept apart from victims,
as in UCDP GED's low/best/high; no figures are ever summed."""

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ])
    for m in names
}


def citation(article: Article, sentence_id: int | None) -> Citation | None:
    if sentence_id is None:
        return None
    s = article.sentence(sentence_id)
    if s is None:
        return None
    return Citation(sentence=s.id, start=s.start, end=s.end, quote=article.text[s.start : s.end])


def resolve_date(text: str | None, published: dt.date | None) -> DateOut:
    """'Thursday' → the last Thursday on or before publication; explicit dates as written."""
    if not text:
        return DateOut(text=None, resolved=None, precision="none")
    t = text.lower()
    explicit = _explicit_date(t, published)
    if explicit is not None:
        return DateOut(text=text, resolved=explicit, precision="day")
    if published is not None:
        if re.search(r"\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b", t):
            return DateOut(text=text, resolved=published, precision="relative_resolved")
        if re.search(r"\byesterday\b|\blast night\b", t):
            return DateOut(text=text, resolved=published - dt.timedelta(days=1), precision="relative_resolved")
        for i, day in enumerate(_WEEKDAYS):
            if re.search(rf"\b{day}\b", t):
                back = (published.weekday() - i) % 7
                return DateOut(text=text, resolved=published - dt.timedelta(days=back),
                               precision="weekday_resolved")
    return DateOut(text=text, resolved=None, precision="none")


def _explicit_date(t: str, published: dt.date | None) -> dt.date | None:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    month_names = "|".join(sorted(_MONTHS, key=len, reverse=True))
    m = re.search(rf"\b({month_names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", t) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({month_names})\b\.?(?:,?\s+(\d{{4}}))?", t
    )
    if not m:
        return None
    a, b, year_text = m.group(1), m.group(2), m.group(3)
    month, day = (_MONTHS[a], int(b)) if a in _MONTHS else (_MONTHS[b], int(a))
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def estimates(figures: list[FigureOut]) -> list[Estimate]:
    out: list[Estimate] = []
    for outcome in ("killed", "wounded", "captured", "missing"):
        for side in ("victims", "militants"):
            points = []
            for f in figures:
                if f.outcome != outcome or (f.group == "militants") != (side == "militants"):
                    continue
                p = point(_amount(f))
                if p is not None:
                    points.append(p)
            if not points:
                continue
            lows = [p[0] for p in points]
            highs = [p[1] for p in points]
            out.append(Estimate(
                outcome=outcome, side=side, low=min(lows), high=max(highs),
                best=int(statistics.median_low(lows)), sources=len(points), policy=ESTIMATE_POLICY,
            ))
    return out


def _amount(f: FigureOut) -> Amount:
    return Amount(f.low, f.high, f.qualifier)


RESTATED_SOURCE = "restated elsewhere in the article (added by code)"


def _nearest_outcome(text: str, start: int, end: int) -> set[str]:
    """The outcome(s) of the outcome word closest to the span (within 60 characters), or none."""
    best: tuple[int, set[str]] | None = None
    for outcome, pattern in OUTCOME_WORDS.items():
        for m in pattern.finditer(text):
            gap = m.start() - end if m.start() >= end else start - m.end()
            if gap < 0 or gap > 60:
                continue
            if best is None or gap < best[0]:
                best = (gap, {outcome})
            elif gap == best[0]:
                best[1].add(outcome)
    return best[1] if best else set()


def _is_headline(sentence_id: int, text: str) -> bool:
    """A first line without closing punctuation is the headline: it sums up the lede, it is no source."""
    return sentence_id == 1 and not text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))


def restated(figures: list[FigureOut], article: Article) -> list[FigureOut]:
    """Figures the model reported, as other sentences restate them with another qualifier.

    A lede's "killing at least 19" and a spokesman's "19 bodies were recovered" are two entries (one per
    source, never merged); a small model lists one and moves on. For every number it did report, each other
    sentence that gives the same number next to the same outcome word, worded as another (low, high), is
    added with its own citation. Only numbers the model tied to this incident are followed, so figures of
    other incidents are not pulled in; the source is not guessed.
    """
    have = {(f.outcome, f.low, f.high) for f in figures}
    added: list[FigureOut] = []
    for f in figures:
        n = f.low if f.low is not None else f.high
        if n is None or n < 2 or f.qualifier in ("dozens", "scores", "hundreds", "unspecified"):
            continue  # a preset for "scores" is not a number the article writes
        for s in article.sentences:
            if s.id == f.citation.sentence or _is_headline(s.id, s.text):
                continue
            for start, end, phrase in amount_phrases(s.text):
                amount = parse_amount(phrase)
                if amount is None or n not in numbers_in(phrase) or (f.outcome, amount.low, amount.high) in have:
                    continue
                if _nearest_outcome(s.text, start, end) != {f.outcome}:
                    continue
                cite = citation(article, s.id)
                if cite is None:
                    continue
                have.add((f.outcome, amount.low, amount.high))
                added.append(FigureOut(
                    outcome=f.outcome, group=f.group, amount_text=phrase, low=amount.low, high=amount.high,
                    qualifier=amount.qualifier, according_to=RESTATED_SOURCE, citation=cite,
                ))
    return added


CONTINUED_SOURCE = "the sentence after a cited count (added by code)"
_ELSEWHEN = re.compile(r"\b(19|20)\d\d\b|\b(after|ago|earlier|last|previous|previously|since|before|"
                       r"percent|per cent)\b|%", re.I)
_GROUP_WORDS: list[tuple[re.Pattern[str], VictimGroup]] = [
    (re.compile(r"\b(gunm[ae]n|militants?|attackers?|assailants?|insurgents?|terrorists?|fighters?|"
                r"bombers?|jihadists?|rebels?)\b", re.I), "militants"),
    (re.compile(r"\b(police\w*|officers?|guards?)\b", re.I), "police"),
    (re.compile(r"\b(soldiers?|troops?|servicem[ae]n|personnel)\b", re.I), "soldiers"),
    (re.compile(r"\b(civilians?|students?|children|women|worshippers|villagers|passengers|residents)\b", re.I),
     "civilians"),
]


def continued(figures: list[FigureOut], article: Article) -> list[FigureOut]:
    """Counts in the sentence right after a cited count, which the model did not list.

    A report gives its toll over consecutive sentences ("killing at least eight people, police said." /
    "More than 10 others were injured in the blast."); a small model reports the first and stops. The next
    sentence continues the same story unless it moves in time ("last year", "since", a year) or talks of
    shares ("90 percent"), so such sentences are not followed, nor is a sentence further on: a count in a
    later paragraph may belong to another event. The count must be of people and its clause must say they
    were killed or wounded (``_outcome_of``); the group comes from the words after it (else "total"); the
    source is not guessed.
    """
    have = {(f.outcome, f.low, f.high) for f in figures}
    cited = sorted({f.citation.sentence for f in figures})
    added: list[FigureOut] = []
    for sid in cited:
        s = article.sentence(sid + 1)
        if s is None or _ELSEWHEN.search(s.text):
            continue
        for start, end, phrase in amount_phrases(s.text):
            amount = parse_amount(phrase)
            what = _outcome_of(s.text, start, end)
            if amount is None or amount.qualifier == "unspecified" or what is None:
                continue
            if (what, amount.low, amount.high) in have or _UNIT.match(s.text[end:]):
                continue
            cite = citation(article, s.id)
            if cite is None:
                continue
            noun = " ".join(re.findall(r"\w+", s.text[end : end + 40])[:2])  # "nine intelligence officers"
            group: VictimGroup = next((g for pattern, g in _GROUP_WORDS if pattern.search(noun)), "total")
            have.add((what, amount.low, amount.high))
            added.append(FigureOut(
                outcome=what, group=group, amount_text=phrase, low=amount.low, high=amount.high,
                qualifier=amount.qualifier, according_to=CONTINUED_SOURCE, citation=cite,
            ))
    return added


_UNIT = re.compile(r"\s*-?\s*(years?|months?|days?|hours?|km|kilomet|miles?|metres?|meters?)\b", re.I)
"""A number that measures age, time or distance ("a 25-year-old", "20 kilometres") counts no people."""
_ANYONE = re.compile(r"people|persons?|others?|more|men|boys|girls|members|victims?|workers", re.I)


def _people(word: str) -> bool:
    """A word that counts people: a group's ("soldiers", "gunmen") or anyone's ("people", "others")."""
    return bool(_ANYONE.fullmatch(word)) or any(pattern.fullmatch(word) for pattern, _ in _GROUP_WORDS)


def _any_outcome(word: str) -> bool:
    return any(OUTCOME_WORDS[o].fullmatch(word) for o in ("killed", "wounded"))


_CLAUSE_END = re.compile(rf"\b(?:and|but|while|whereas|or)\b|[.;:!?]|{NUMBER_PATTERN}", re.I)


def _outcome_of(text: str, start: int, end: int) -> Outcome | None:
    """Killed or wounded, when the sentence's grammar ties the count to it: the first outcome word of the
    count's own clause ("Six police also died and nine officers were wounded": six died, nine were wounded;
    "at least 14 people, including his father, were wounded"), else the words right before the count
    ("killing at least 19", "the death toll could rise to as high as 40"). Merely being nearest is not
    enough here: in "gunmen numbering about 20 stormed the village and shot ..." the 20 are the attackers."""
    after = text[end : end + 80]
    clause = after[: m.start()] if (m := _CLAUSE_END.search(after)) else after
    before = re.search(r"(?:(\w+)\s+)?(\w+)\s+$", text[max(0, start - 30) : start])
    candidates = [m.group(0) for m in re.finditer(r"\w+", clause)]
    if not any(_people(w) or _any_outcome(w) for w in candidates[:2]):
        candidates = []  # "four sides of the city, resulting in several deaths": the count is not of people
    candidates += [w for w in (before.groups()[::-1] if before else ()) if w]
    for word in candidates:
        found: list[Outcome] = [o for o in ("killed", "wounded") if OUTCOME_WORDS[o].fullmatch(word)]
        if len(found) == 1:
            return found[0]
        if found:
            return None  # "casualties": killed or wounded, the count does not say which
    return None


def _where(inc: Incident, figures: list[FigureOut], article: Article) -> list[str]:
    """Sentences that may say where the incident was, best first, for the province lookup: the one the
    model cited for the place, every sentence naming the place ("Njaba is 20 kilometres from the town of
    Damboa"), the sentences of its counts (the lede that says "in the province of Khost"), the dateline."""
    texts: list[str] = []
    if inc.place and inc.place_sentence:
        s = article.sentence(inc.place_sentence)
        if s is not None:
            texts.append(s.text)
    place = key(inc.place or "")
    if len(place) >= 4:
        named = re.compile(rf"\b{re.escape(place)}\b")
        texts += [s.text for s in article.sentences if named.search(key(s.text))]
    for sid in sorted({f.citation.sentence for f in figures}):
        s = article.sentence(sid)
        if s is not None and not _is_headline(s.id, s.text):
            texts.append(s.text)
    line = dateline([s.text for s in article.sentences])
    if line:
        texts.append(line)
    return list(dict.fromkeys(texts))


def resolve_incident(inc: Incident, article: Article) -> IncidentOut:
    figures: list[FigureOut] = []
    for fig in inc.figures:
        amount = parse_amount(fig.amount)
        cite = citation(article, fig.sentence)
        if amount is None or cite is None:  # the validators refuse these; never guess
            continue
        figures.append(FigureOut(
            outcome=fig.outcome, group=fig.group, amount_text=fig.amount, low=amount.low,
            high=amount.high, qualifier=amount.qualifier, according_to=fig.according_to, citation=cite,
        ))
    figures += restated(figures, article)
    figures += continued(figures, article)
    responsibility = None
    perpetrator, perpetrator_sentence = inc.perpetrator, inc.perpetrator_sentence
    if inc.claimed_by:
        responsibility = Responsibility(claimed_by=inc.claimed_by, citation=citation(article, inc.claim_sentence))
        if not perpetrator:
            # A group that claims an attack no one else is named for is its perpetrator (as ACLED/GTD code it);
            # the claim sentence is the evidence, and the claim itself stays visible apart.
            perpetrator, perpetrator_sentence = inc.claimed_by, inc.claim_sentence
    province, derived = province_for(inc.province, inc.place, inc.country, _where(inc, figures, article))
    return IncidentOut(
        headline=inc.headline,
        summary=inc.summary,
        event_type=inc.event_type,
        date=resolve_date(inc.date_text, article.publication_date),
        country=inc.country,
        province=province,
        province_source=("gazetteer" if derived else "article") if province else None,
        place=inc.place,
        place_citation=citation(article, inc.place_sentence) if inc.place else None,
        perpetrator=perpetrator,
        perpetrator_citation=citation(article, perpetrator_sentence) if perpetrator else None,
        target=inc.target,
        figures=figures,
        estimates=estimates(figures),
        responsibility=responsibility,
        sources=_distinct(inc.sources),
    )


def resolve(extraction: Extraction, article: Article) -> list[IncidentOut]:
    return [resolve_incident(inc, article) for inc in extraction.incidents]


def _distinct(sources: list[NamedSource]) -> list[NamedSource]:
    """Each source once (as ``pipeline.merge`` joins parts): a small model may list the same one again and
    again until the list is full."""
    return [src for k, src in enumerate(sources) if src not in sources[:k]]
