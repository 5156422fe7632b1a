"""Synthetic briefs for the merge's benchmark and property tests: many reports of made-up attacks.

Each made-up attack has a country, a real city of that country (so the gazetteer finds it), a spot name of
its own, a day, an event type, an attacker and a toll; 1 to 4 briefs report it, published 0 to 2 days later,
each with a toll that grows from report to report and its date written as a weekday or a day. Nothing here
is an article or a model answer: it only gives the merge realistic numbers of records per country and day.
"""

from __future__ import annotations

import datetime as dt
import random

from summarizer.schema import Brief, Citation, DateOut, Estimate, EventType, FigureOut, IncidentOut

_PLACES = [("Afghanistan", "Kabul"), ("Afghanistan", "Kandahar"), ("Iraq", "Baghdad"), ("Iraq", "Mosul"),
           ("Nigeria", "Maiduguri"), ("Nigeria", "Kano"), ("Somalia", "Mogadishu"), ("Pakistan", "Peshawar"),
           ("Pakistan", "Quetta"), ("Syria", "Aleppo"), ("Yemen", "Aden"), ("Mali", "Gao"), ("Turkey", "Istanbul"),
           ("Turkey", "Ankara"), ("Indonesia", "Jakarta"), ("Philippines", "Marawi"), ("Egypt", "Cairo"),
           ("Libya", "Benghazi"), ("Kenya", "Nairobi"), ("India", "Srinagar"), ("Cameroon", "Maroua"),
           ("Niger", "Diffa"), ("Burkina Faso", "Djibo"), ("Colombia", "Cali"), ("Mexico", "Culiacan")]
_TYPES: list[EventType] = ["bombing", "suicide_bombing", "armed_assault", "raid_on_facility", "ambush",
                           "rocket_or_mortar", "airstrike", "kidnapping"]
_GROUPS = ["Taliban", "Islamic State", "al-Shabaab", "Boko Haram", "PKK", "JNIM", "ELN", "Abu Sayyaf"]
_SYLLABLES = ["ka", "ro", "mi", "tan", "sel", "bu", "dor", "vi", "na", "zem", "lu", "qar", "hed", "pol"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _cite(text: str) -> Citation:
    return Citation(sentence=1, start=0, end=len(text), quote=text)


def synthetic_briefs(n: int, seed: int = 0, start: dt.date = dt.date(2016, 1, 1), days: int = 730) -> list[Brief]:
    """About ``n`` briefs (one incident each), reporting about ``n / 2.5`` made-up attacks; the truth is in each
    brief's ``title``: ``attack <k>``."""
    rng = random.Random(seed)
    briefs: list[Brief] = []
    k = 0
    while len(briefs) < n:
        k += 1
        country, city = rng.choice(_PLACES)
        spot = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        day = start + dt.timedelta(days=rng.randrange(days))
        event = rng.choice(_TYPES)
        group = rng.choice(_GROUPS)
        toll = rng.randint(1, 60)
        for r in range(min(rng.randint(1, 4), n - len(briefs))):
            published = day + dt.timedelta(days=rng.randint(0, 2))
            killed = toll + r * rng.randint(0, 5)
            sentence = f"At least {killed} people were killed in {spot}, {city}, officials said."
            written = rng.choice([f"on {_WEEKDAYS[day.weekday()]}", day.strftime("%B %-d"), None])
            resolved = day if written else None
            inc = IncidentOut(
                headline=f"Attack in {spot}", summary=sentence, event_type=event,
                date=DateOut(text=written, resolved=resolved, precision="day" if resolved else "none"),
                country=country, province=None, place=f"{spot}, {city}", place_citation=_cite(sentence),
                perpetrator=group if rng.random() < 0.6 else None, perpetrator_citation=None, target="civilians",
                figures=[FigureOut(outcome="killed", group="total", amount_text=f"at least {killed}", low=killed,
                                   high=None, qualifier="at_least", according_to="officials",
                                   citation=_cite(sentence))],
                estimates=[Estimate(outcome="killed", side="victims", low=killed, best=killed, high=killed, sources=1,
                                    policy="range-over-sources")],
                responsibility=None, sources=[])
            briefs.append(Brief(article=f"synthetic/{k:06d}-{r}.txt", article_sha256=f"{k:06d}-{r}", status="ok",
                                publication_date=published, title=f"attack {k}", incidents=[inc]))
    return briefs
