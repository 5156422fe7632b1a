"""From a validated ``Extraction`` to the user's ``IncidentOut``: deterministic code, no model.

The model labels and cites; here we cut quotes and spans from the sentence ids, parse amounts, resolve
dates against the publication date and derive one estimate per outcome from every source's figures.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Iterable, Sequence

from summarizer.amounts import NUMBER_PATTERN, Amount, parse_amount, point, words_to_int
from summarizer.articles import Article, is_title_line
from summarizer.gazetteer import (
    countries_named,
    country_for,
    country_of_city,
    country_of_division,
    country_of_places,
    dateline,
    divisions_placed,
    is_a_place,
    key,
    load,
    named_only_at_a_border,
    places_named,
    province_for,
    same_division,
    without_dateline,
)
from summarizer.schema import (
    Citation,
    DateOut,
    Estimate,
    Extraction,
    FigureOut,
    Incident,
    IncidentOut,
    NamedSource,
    Responsibility,
    people_named,
)

ESTIMATE_POLICY = "range-over-sources"
"""Per outcome, over every source's figure (projections and vague words left out): low = the smallest
figure a source commits to, high = the largest, best = their median. A count of one victim group no larger
than a count of all the victims is a part of it and left out. Attackers are kept apart from victims, as in
UCDP GED's low/best/high; no figures are ever summed."""

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
        ago = re.search(rf"\b({NUMBER_PATTERN}|a) days? ago\b", t)
        days = 1 if ago and ago.group(1) == "a" else words_to_int(ago.group(1)) if ago else None
        if days is not None and days <= 31:  # "two days ago": the only relative phrase dateparser read better
            return DateOut(text=text, resolved=published - dt.timedelta(days=days), precision="relative_resolved")
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


_WHOLE = ("total", "unknown")
"""Groups of a count of all the victims ("13 people"), not of one kind of them ("four civilians")."""


def whole_count(grouped: Sequence[tuple[str, tuple[int, int] | None]]) -> int | None:
    """The largest count of all the victims (group total or unknown) among (group, point) pairs, if any."""
    return max((p[1] for g, p in grouped if g in _WHOLE and p is not None), default=None)


def is_part(group: str, p: tuple[int, int] | None, whole: int | None) -> bool:
    """A count of one group no larger than the count of all the victims (``whole_count``) is a part of it ("11
    killed ... Four civilians were among the dead"): no lower estimate ("best 4" for eleven dead) and no
    disagreement between sources."""
    return whole is not None and group not in _WHOLE and p is not None and p[1] <= whole


def estimates(figures: list[FigureOut]) -> list[Estimate]:
    out: list[Estimate] = []
    for outcome in ("killed", "wounded", "captured", "missing"):
        for side in ("victims", "militants"):
            grouped: list[tuple[str, tuple[int, int]]] = []
            for f in figures:
                if f.outcome != outcome or (f.group == "militants") != (side == "militants"):
                    continue
                p = point(_amount(f))
                if p is not None:
                    grouped.append((f.group, p))
            whole = whole_count(grouped)
            points = [p for g, p in grouped if not is_part(g, p, whole)]
            if not points:
                continue
            lows = [p[0] for p in points]
            highs = [p[1] for p in points]
            out.append(Estimate(
                outcome=outcome, side=side, low=min(lows), high=max(highs),
                best=int(statistics.median_low(lows)), sources=len(points), policy=ESTIMATE_POLICY,
            ))
    return out


# A frame word after a division's name keeps it a place: "Borno State", "Helmand province".
_FRAME_AFTER = re.compile(r"\s+(?:State|Province|Region|District|County|Governorate|Division|Department|Territory)\b")


def _only_in_names(province: str, text: str) -> bool:
    """Does the article write ``province`` only as the first word of a longer name ("Assam Rifles", "Punjab
    Police"), never as a place? Then the model read a unit's or a body's name as where it happened (found11 1048:
    an Assam Rifles convoy ambushed "in Manipur's Churachandpur district")."""
    found = list(re.finditer(rf"\b{re.escape(province)}\b", text))
    return bool(found) and all(re.match(r"\s+[A-Z][a-z]", text[m.end():]) and not _FRAME_AFTER.match(text[m.end():])
                               for m in found)


def _amount(f: FigureOut) -> Amount:
    return Amount(f.low, f.high, f.qualifier)


def _where(inc: Incident, figures: list[FigureOut], article: Article, main: bool = True) -> list[str]:
    """Sentences that may say where the incident was, best first, for the province lookup: the one the
    model cited for the place (from the place on first), every sentence naming the place ("Njaba is 20
    kilometres from the town of Damboa"), the sentences of its counts (the lede that says "in the province of
    Khost"), for the ``main`` incident the lede's sentences, the dateline. A wire dateline is taken off each."""
    texts: list[str] = []
    if inc.place and inc.place_sentence:
        s = article.sentence(inc.place_sentence)
        if s is not None:
            at = s.text.lower().find(inc.place.lower())
            if at > 0:
                texts.append(s.text[at:])  # the division named after the place: "in Namsiguia, in the Centre-nord
                # region" where the sentence has named "the Sahel region" before it
            texts.append(s.text)
    place = key(inc.place or "")
    if len(place) >= 4:
        named = re.compile(rf"\b{re.escape(place)}\b")
        texts += [s.text for s in article.sentences if named.search(key(s.text))]
    for sid in sorted({f.citation.sentence for f in figures}):
        s = article.sentence(sid)
        if s is not None and not is_title_line(s.id, s.text):
            texts.append(s.text)
    # the lede's sentences before the dateline: a wire dateline says where the reporter filed from ("BOGOTÁ,
    # Colombia (AP) — Two police officers were killed Sunday in northeast Colombia ... in Cúcuta")
    if main:
        texts += _lede_texts(article)
    texts = [without_dateline(t) for t in texts]
    line = dateline([s.text for s in article.sentences])
    if line:
        texts.append(line)
    return list(dict.fromkeys(t for t in texts if t.strip()))


def _lede_texts(article: Article) -> list[str]:
    """The lede's sentences below the headline: where a report first says where its incident was."""
    return [s.text for s in article.sentences if s.id in article.lede and not is_title_line(s.id, s.text)]


def _past_the_dateline(country: str | None, article: Article) -> str | None:
    """The country the lede places the incident in, where the one given is named in the lede only by its wire
    dateline: "KIGALI, Rwanda (AA) – Thirteen park rangers ... were killed ... in the Virunga National Park in the
    Democratic Republic of Congo" (found14 1155) is Congo's; the dateline says where the reporter filed from."""
    if not country:
        return country
    lede = _lede_texts(article)
    datelined = [t for t in lede if without_dateline(t) != t]
    if not any(country in countries_named(t) for t in datelined):
        return country
    told = [n for t in lede for n in countries_named(without_dateline(t))]
    if not told or country in told:
        return country
    # told by its people past the dateline: "SRINAGAR, India, Sept 18 (Reuters) - Militants attacked an Indian army
    # brigade headquarters near the de facto border with Pakistan" (found10 1030)
    if any(people_named(country, without_dateline(t)) for t in lede):
        return country
    return told[0]


_CARRIED = re.compile(r"\b(?:hospitals?|taken to|rushed to|evacuated|transferred|flown|airlifted|buried)\b", re.I)


def names_any(text: str, names: Iterable[str | None]) -> bool:
    """``text`` names one of ``names`` as whole words, spelling folded ("Khost" in "the province of Khost")."""
    folded = key(text)
    return any(k and re.search(rf"\b{re.escape(k)}\b", folded) for k in (key(n) for n in names if n))


# A distance from a landmark says where the place is, not that anything happened at the landmark: "some 65 km
# northeast of Baghdad", "30 kilometres from Maiduguri".
_DISTANCE_FROM = re.compile(r"\b(?i:(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:\(\d+\s+miles?\)\s+)?(?:(?:to\s+the\s+)?"
                            r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
                            r"(?:(?:city|town|village|capital|provincial\s+capital)\s+(?:of\s+)?)?)"
                            r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


# Places that are not the scene: where a source spoke ("the mayor of Khojaly, Elmar Mamedov, said at a news
# conference in Baku that 1000 people had died in the attack", "Sumonu told journalists in Damaturu, the Yobe State
# capital that three males were abducted", "Polisario said in Madrid": found20 1332, found14 1135, found20 1318) and
# where the dead and wounded were brought ("about 10 dead bodies ... in an improvised morgue in Aghdam", "the local
# morgue in San Benito": found20 1332, found10 1033; a hospital or a clinic likewise).
_NOT_THE_SCENE = re.compile(r"\b(?i:(?:said|told\s+(?:reporters|journalists|the\s+press)|speaking|"
                            r"(?:at|during|told)\s+an?\s+(?:joint\s+)?(?:news|press)\s+conference|"
                            r"morgue|mortuary|hospitals?|clinic)\s+in\s+)[A-Z][\w'’-]*(?:,?\s+[A-Z][\w'’-]*)*")


def where_it_happened(text: str, according_to: str | None) -> str:
    """``text`` less what names a place without placing the count there: the source's own words ("The interior
    ministry in Kabul gave a lower death toll, saying ..."), where the source spoke, where the victims lie and a
    distance from a landmark."""
    if according_to and according_to in text:
        text = text.replace(according_to, " ")
    return _DISTANCE_FROM.sub(" ", _NOT_THE_SCENE.sub(" ", text))


def placed_elsewhere(fig: FigureOut, inc: IncidentOut, article: Article) -> str | None:
    """The division, other than the incident's, that a figure's sentence after the lede places its count in
    ("two roadside bombs blew up in western Baghdad, wounding several" under a Hillah market bombing; "more
    than 35 Taleban militants in the southern province of Helmand" under a Khost bombing), or None. A sentence
    that also names the incident's province or place, or that tells where victims were taken, stays."""
    sentence = article.sentence(fig.citation.sentence)
    if sentence is None or sentence.id in article.lede or not inc.province or _CARRIED.search(sentence.text):
        return None
    if names_any(sentence.text, (inc.province, inc.place)):
        return None
    placed = divisions_placed(where_it_happened(sentence.text, fig.according_to), inc.country)
    if placed and not any(same_division(d, inc.province, inc.country) for d in placed):
        return sorted(placed)[0]
    return None


def _lede_place(inc: Incident, figures: list[FigureOut], article: Article,
                country: str | None) -> tuple[str | None, int | None]:
    """(place, its sentence) for an incident the model placed nowhere: the first town or division of the
    incident's country that the lede, or else the sentence of its first figure, places something in ("the camp
    near the village of Sokolo"). The lede of a news story says where; code proposes the name only when the
    model left the slot empty, and the brief marks it as looked up."""
    ids = [s.id for s in article.trusted().sentences if s.id in article.lede and not is_title_line(s.id, s.text)]
    ids += [f.citation.sentence for f in figures[:1]]
    for sid in dict.fromkeys(ids):
        sentence = article.sentence(sid)
        named = places_named(sentence.text, country) if sentence is not None else []
        if named:
            return named[0], sid
    return None, None


def resolve_incident(inc: Incident, article: Article, main: bool = True) -> IncidentOut:
    """The incident for a reader (``main``: the article's main incident, whose place the lede tells)."""
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
    responsibility = None
    perpetrator, perpetrator_sentence = inc.perpetrator, inc.perpetrator_sentence
    if inc.claimed_by:
        responsibility = Responsibility(claimed_by=inc.claimed_by, citation=citation(article, inc.claim_sentence))
        if not perpetrator:
            # A group that claims an attack no one else is named for is its perpetrator (as ACLED/GTD code it);
            # the claim sentence is the evidence, and the claim itself stays visible apart.
            perpetrator, perpetrator_sentence = inc.claimed_by, inc.claim_sentence
    where = _where(inc, figures, article, main)
    given_country = inc.country
    if not given_country and (inc.province or inc.place):
        # No country given, but a place that lies in one country only ("Beirut"): that country, before the first
        # one the sentences name (found13 1119's twin bombings in Beirut had gone to Syria).
        given_country = country_of_places([f"in {x}" for x in (inc.province, inc.place) if x])
    country = _past_the_dateline(country_for(given_country, where, "\n".join(s.text for s in article.sentences)),
                                 article)
    country_derived = False
    owner = country_of_division(inc.province) if inc.province else None
    given = load().country_code(country)
    named = countries_named(article.text)
    named_codes = {load().country_code(n) for n in named}
    place_in_given = bool(given and inc.place and load().division_of_place(inc.place, given))
    if (owner is not None and load().country_code(owner) != given
            and (load().country_code(owner) in named_codes or given not in named_codes)
            and not place_in_given
            and not (inc.province and is_a_place(inc.province, country))):
        # The province is a division of one country only, another than the one given: the province's country.
        # A model reads a neighbour off "near the Kenya-Somalia border" or a claimant's "Islamic State of Iraq".
        # Not where the place lies in the country given: then the "province" is a river or a region of another
        # kind ("near the city of Timbuktu on the Niger River" is Mali's, not Nigeria's Niger State), nor where the
        # "province" is a city of the country given ("Santiago": Chile's capital and a Dominican province), nor
        # where the article names the country given and never the province's ("Santiago", Cape Verde's main island
        # and a Dominican province: found19 1281).
        country = owner
    given_province = inc.province
    if (inc.province and load().country_code(inc.province) not in (None, given, load().country_code(inc.country))
            and not is_a_place(inc.province, country)
            and not place_in_given
            and not named_only_at_a_border(inc.province, article.text)):
        # The "province" is another country's name and no division or town of the country given, nor its place's:
        # the model filed the incident's country as its province and the ruling or intervening power as its country
        # ("Australia | Nauru", "Morocco | Western Sahara", "Australia | East Timor": found20 1336, 1318, found17
        # 1225). Georgia, a state of the United States, stays; so do Timbuktu, Mali's, by the Niger (found7 919), and
        # Mount Chaambi "near the Algerian border" (found9 994).
        country, given_province = inc.province, None
    town = inc.place.split(",")[0] if inc.place else None
    town_owner = country_of_city(town) if town else None
    if (town and town_owner is not None and load().country_code(town_owner) != load().country_code(country)
            and not is_a_place(town, country)
            and (owner is None or owner == town_owner) and town_owner in named):
        # The place is a big city of one country only, another than the one given, and no town of it, and the
        # article names the city's country: that country. The model gave Uzbekistan to a raid in Dushanbe, Somalia
        # (the attackers') to the bombings in "Kampala, Uganda" (found10 1021, found11 1049); an island base at
        # "Boma" in Lake Chad stays Chad's, which names no Congo (found12 1078).
        country = town_owner
    if load().country_code(country) is None or (
            owner is None and country and named_only_at_a_border(country, article.text)):
        # No country the gazetteer knows is named, or the one given is named only at a border ("near the Afghan
        # border"): the country whose divisions or large cities the article places the incident in, where they
        # point to one other country, marked as looked up.
        named = [f"in {x}" for x in (inc.province, inc.place) if x]
        found = country_of_places([*named, *where, *(s.text for s in article.sentences)])
        if found and load().country_code(found) != load().country_code(country):
            country, country_derived = found, True
    if country and (short := re.match(r"St\.?\s+", country)):
        country = f"Saint {country[short.end():]}"  # "St. Lucia" as the country's name is spelled out
    if country and not country_derived and not re.search(rf"\b{re.escape(key(country))}\b", key(article.text)):
        country_derived = True  # named by its people only ("Turkish nationals"): the name is the gazetteer's
    place, place_sentence, place_derived = inc.place, inc.place_sentence, False
    if not place and inc.told_in is None:
        place, place_sentence = _lede_place(inc, figures, article, country)
        place_derived = place is not None
        if place:
            where = _where(inc.model_copy(update={"place": place, "place_sentence": place_sentence}), figures,
                           article, main)
    if given_province and _only_in_names(given_province, article.text):
        given_province = None
    province, derived = province_for(given_province, place, country, where)
    return IncidentOut(
        headline=inc.headline,
        summary=inc.summary,
        summary_in=inc.summary_in,
        told_in=inc.told_in,
        event_type=inc.event_type,
        date=resolve_date(inc.date_text, article.publication_date),
        country=country,
        country_source=("gazetteer" if country_derived else "article") if country else None,
        province=province,
        province_source=("gazetteer" if derived else "article") if province else None,
        place=place,
        place_source=("gazetteer" if place_derived else "article") if place else None,
        place_citation=citation(article, place_sentence) if place else None,
        perpetrator=perpetrator,
        perpetrator_citation=citation(article, perpetrator_sentence) if perpetrator else None,
        target=inc.target,
        figures=figures,
        estimates=estimates(figures),
        responsibility=responsibility,
        sources=_distinct(inc.sources),
    )


def resolve(extraction: Extraction, article: Article) -> list[IncidentOut]:
    """The extraction's incidents for a reader; a figure whose sentence places it in another division than its
    incident's (``placed_elsewhere``) is taken off and listed among the unused counts. A headline's count stays
    beside the body's that it shortens ("Suicide bomber kills 65" over "killed at least 65 people, police said"):
    the annotation guide lists it as the headline's own report, one entry per source, and the outlet's unattributed
    headline is not the police's word. Taken off as a repeat, the headline's figure had been scored as the body's,
    with the body's source: develop sets' sources 16 more right kept, figures matched 5 more (docs/accuracy.md,
    row 39)."""
    out: list[IncidentOut] = []
    for n, inc in enumerate(extraction.incidents):
        resolved = resolve_incident(inc, article, main=n == 0)
        kept: list[FigureOut] = []
        for fig in resolved.figures:
            other = placed_elsewhere(fig, resolved, article)
            if other is None:
                kept.append(fig)
            else:
                extraction.unused.append(f"S{fig.citation.sentence} {fig.amount_text!r}: its sentence places it in "
                                         f"{other}, not {resolved.province}; not counted for the incident")
        if len(kept) < len(resolved.figures):
            resolved = resolved.model_copy(update={"figures": kept, "estimates": estimates(kept)})
        out.append(resolved)
    return out


def _distinct(sources: list[NamedSource]) -> list[NamedSource]:
    """Each source once (as ``pipeline.merge`` joins parts): a small model may list the same one again and
    again until the list is full."""
    return [src for k, src in enumerate(sources) if src not in sources[:k]]
