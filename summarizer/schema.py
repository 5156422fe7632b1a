"""The incident schema, in two layers.

``Answer`` is what the model fills, shaped for a small model under constrained decoding: every field is
required (a field with a default becomes optional in the grammar and gets skipped), "unknown" is ``null``,
evidence is a sentence id, never a free-text quote. The model writes what only a reader can (headline,
event type, place, attacker) and *labels* what code found (``candidates``): each count phrase gets an
outcome, a victim group, an incident and a source chosen among the article's own attributions.
``answer_model`` narrows the schema per article, so the grammar itself rules out an unlabelled count or an
invented source. ``ground`` then checks the names the model wrote against the article, as a pure function:
what no trusted sentence supports is set to null and listed, never asked again.

``Brief`` is what users get: the extraction resolved against the article by ``reconcile`` (quotes and
character spans, parsed amounts, resolved dates, estimates), plus status, usage and provenance.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, WithJsonSchema, create_model, field_validator

from summarizer.amounts import Qualifier, parse_amount
from summarizer.articles import Article
from summarizer.grounding import (
    amount_in_sentence,
    capitalised_words,
    is_method_only,
    is_proper_name,
    missing_words,
    outcome_conflict,
)
from summarizer.names import GENERIC_ACTOR, respelled

SCHEMA_VERSION = "2"

EventType = Literal[
    "armed_assault", "raid_on_facility", "ambush", "bombing", "suicide_bombing", "massacre_of_captives",
    "offensive_on_city", "airstrike", "rocket_or_mortar", "assassination", "kidnapping", "other",
]
Outcome = Literal["killed", "wounded", "captured", "missing"]
VictimGroup = Literal["civilians", "police", "soldiers", "militants", "officials", "total", "unknown"]

_NULL_WORDS = {"", "null", "none", "unknown", "not stated", "n/a", "na", "unspecified", "not specified"}


def _nullify(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _NULL_WORDS:
        return None
    return value


# --- layer 1: what the model fills ----------------------------------------------------------------------


MAX_INCIDENTS = 3
"""Incidents per answer, in the schema so the grammar enforces it: the main one and at most two others. A small
model under a grammar can fall into repeating one list item until the cap (the same incident six times, 1,350
tokens, on dev 002), and did so less once the main incident was an object of its own rather than the first item
of a list. The dev set's gold has at most 3 incidents per article; repeats are dropped
(``pipeline._without_restatements``)."""


def _all_required(schema: dict[str, Any]) -> None:
    """Every property required in the JSON schema, whatever the Python default: the grammar then makes the
    model write each one, while an answer from a server without constrained decoding that skips a count label
    still validates (the count is listed as not labelled)."""
    if "properties" in schema:
        schema["required"] = list(schema["properties"])


class _ModelFacing(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=_all_required)


class Figure(_ModelFacing):
    """One casualty figure from one source: a count the code found, as the model labelled it."""

    sentence: int = Field(description="id of the sentence that states this figure (the n of [Sn])")
    amount: str = Field(description="the amount as written: 'at least seven', '28-30', 'dozens'")
    outcome: Outcome
    group: VictimGroup = Field(description="who the victims are; 'total' for an all-victims count")
    according_to: str | None = Field(description="who states the figure; null if the reporter does")
    # Where the count stands in its sentence (``candidates.Count.start``): two counts of one sentence that read alike
    # are two figures ("Two women gendarmes were killed, two male police officers and four civilians").
    _start: int | None = PrivateAttr(default=None)

    nullify = field_validator("according_to", mode="before")(_nullify)

    def identity(self) -> tuple[int, str, str, str, int | None]:
        """The same figure twice (an article's overlapping parts) has one identity."""
        return self.sentence, " ".join(self.amount.lower().split()), self.outcome, self.group, self._start


class SameIncident(_ModelFacing):
    """The answer to a focused question about one count (``prompts/confirm.j2``)."""

    same_incident: bool


class NewAttack(_ModelFacing):
    """The answer to the question whether an article is news of an attack (``prompts/story.j2``)."""

    new_attack: bool


class OtherEvent(_ModelFacing):
    """The answer to the question whether a sentence tells another incident (``prompts/other.j2``); the event
    type is narrowed per question to the types the sentence's words speak of (``other_event_model``)."""

    same_incident: bool
    event_type: EventType


def other_event_model(event_types: Sequence[str], another: bool = False) -> type[OtherEvent]:
    """The answer's model with the event types given; with ``another``, "same_incident" is false by the schema,
    so the model chooses only the type (code has read another day's attack: ``pipeline.another_days_attacks``)."""
    type_choice = Annotated[EventType, WithJsonSchema({"enum": list(event_types), "type": "string"})]
    if another:
        return create_model("OtherEvent", __base__=OtherEvent, event_type=(type_choice, ...),
                            same_incident=(Literal[False], ...))
    return create_model("OtherEvent", __base__=OtherEvent, event_type=(type_choice, ...))


class NamedSource(_ModelFacing):
    """A person, body or outlet the article cites, as the article words it."""

    name: str | None
    role: str | None
    outlet: str | None = Field(description="the news outlet or agency they spoke to, if stated")

    nullify = field_validator("name", "role", "outlet", mode="before")(_nullify)


class IncidentAnswer(_ModelFacing):
    """One incident as the model describes it; its figures come from the labelled counts."""

    headline: str = Field(description="one line: who did what, where")
    event_type: EventType
    date_text: str | None = Field(description="when, as written: 'Thursday', 'late on Tuesday'")
    country: str | None
    province: str | None = Field(description="first-level division (province/state/region) as named")
    place: str | None = Field(description="district, city, village or site as named")
    place_sentence: int | None = Field(description="id of a sentence that names the place")
    perpetrator: str | None = Field(description="the attacking group as named; null if not named")
    perpetrator_sentence: int | None
    target: str | None
    claimed_by: str | None = Field(description="who claimed responsibility; null if nobody did")
    claim_sentence: int | None

    nullify = field_validator(
        "date_text", "country", "province", "place", "perpetrator", "target", "claimed_by", mode="before"
    )(_nullify)


class CountLabel(_ModelFacing):
    """The model's reading of one count the code found (``candidates.Count``). Per article, each count's label
    asks only what code could not read itself (``CountChoice``); what it read is left out of the question."""

    outcome: str | None = Field(default=None, description="killed, wounded, captured, missing; none: no victims")
    group: str | None = Field(default=None, description="the victim group, one of VictimGroup")
    incident: int | None = Field(default=None, description="1 for the first incident listed; 0 for an event not listed")
    source: str | None = Field(default=None, description="who gives the count: one of the sources offered")


@dataclass(frozen=True)
class CountChoice:
    """The options the model has for one count: an empty tuple means code decided and the field is not asked."""

    key: str
    outcomes: tuple[str, ...]
    groups: tuple[str, ...]
    sources: tuple[str, ...]


def _answer_schema(schema: dict[str, Any]) -> None:
    """Every property required, and the main incident an object, never null, for the grammar: offered null, the
    model took it for an article whose lede says "A suicide bomber killed 13 people". ``is_incident_report``, the
    first field, decides whether there is one; validation still takes null from a server without a grammar."""
    _all_required(schema)
    main = schema.get("properties", {}).get("incident", {})
    refs = [x for x in main.get("anyOf", []) if x.get("type") != "null"]
    if len(refs) == 1:
        main.pop("anyOf")
        main.pop("default", None)
        main.update(refs[0])


class Answer(_ModelFacing):
    """What the model fills for one article (``answer_model`` narrows it to the article's counts and sources)."""

    model_config = ConfigDict(extra="ignore", json_schema_extra=_answer_schema)

    is_incident_report: bool = Field(description="does the article report a concrete violent incident")
    incident: IncidentAnswer | None = Field(
        default=None, description="the incident the article is about (filled in any case; ignored when "
        "is_incident_report is false)")
    other_incidents: list[IncidentAnswer] = Field(
        default_factory=list, max_length=MAX_INCIDENTS - 1,
        description="other concrete incidents the article reports as news, each once")
    counts: dict[str, CountLabel] = Field(default_factory=dict,
                                          description="one label for each count the code found, by its key")

    @property
    def incidents(self) -> list[IncidentAnswer]:
        """The main incident, then the others: the numbering the count labels use (1 for the main one). None
        when the answer says the article reports no incident."""
        if not self.is_incident_report:
            return []
        return [self.incident, *self.other_incidents] if self.incident is not None else list(self.other_incidents)

    def labels(self) -> dict[str, CountLabel]:
        """Count key -> label, whichever model (generic or per article) holds them."""
        if isinstance(self.counts, dict):
            return dict(self.counts)
        return {field.alias or name: CountLabel.model_validate(label.model_dump())
                for name, field in type(self.counts).model_fields.items()
                if (label := getattr(self.counts, name)) is not None}


EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]


def _one_of(options: Sequence[str]) -> Any:
    """A string the grammar restricts to ``options``; validation takes any string, so that an answer from a server
    without constrained decoding is not refused for one label (``pipeline.assemble`` keeps only the options)."""
    return Annotated[str, WithJsonSchema({"enum": list(options), "type": "string"})]


def answer_model(choices: Sequence[CountChoice], event_types: Sequence[str] = EVENT_TYPES,
                 claimants: Sequence[str] | None = None) -> type[Answer]:
    """``Answer`` for one article: ``counts`` has exactly one required key per count the code found, in
    reading order; each count's label asks only for what code left open, among the options it left (the
    outcome its clause allows, the sources its sentence cites); ``event_type`` is one of the types the
    article's words speak of. Under constrained decoding the model must label every count and cannot name a
    source the article does not cite. ``claimed_by`` is one of ``claimants``, the claims the article's sentences
    state (``candidates.claims``), or null: a claimant no sentence names cannot be written (None: not narrowed,
    for the schema in general)."""
    fields: dict[str, Any] = {}
    for i, choice in enumerate(choices):
        about = "1 for the first incident listed; 0 for an event not listed"
        asked: dict[str, Any] = {"incident": (int, Field(default=None, description=about))}
        for name, options in (("outcome", choice.outcomes), ("group", choice.groups), ("source", choice.sources)):
            if len(options) > 1:
                asked[name] = (_one_of(options), Field(default=None))
        label = create_model(f"Label{i + 1}", __base__=_ModelFacing, **asked)
        fields[f"c{i}"] = (label, Field(default=None, alias=choice.key))
    counts = create_model("Counts", __base__=_ModelFacing, **fields)
    type_choice = Annotated[EventType, WithJsonSchema({"enum": list(event_types), "type": "string"})]
    narrowed: dict[str, Any] = {}
    if claimants is not None:
        # Still asked where no sentence states a claim (then it can only be null): left out of the schema, it made
        # ``target`` the incident's last field, and the model ran on in it to the token limit (four of 41 answers).
        claimant_choice = Annotated[str | None, WithJsonSchema(
            {"anyOf": [{"enum": list(claimants), "type": "string"}, {"type": "null"}]} if claimants
            else {"type": "null"})]
        narrowed["claimed_by"] = (claimant_choice, Field(description="who claimed responsibility, as a sentence "
                                                                     "says; null if none does"))
    incident = create_model("IncidentAnswer", __base__=IncidentAnswer, event_type=(type_choice, ...), **narrowed)
    others: Any = list[incident]  # type: ignore[valid-type]
    main: Any = incident | None
    return create_model("Answer", __base__=Answer, counts=(counts, Field(default_factory=counts)),
                        incident=(main, None),
                        other_incidents=(others, Field(default_factory=list, max_length=MAX_INCIDENTS - 1)))


def labels_within_listed(schema: dict[str, Any]) -> dict[str, Any]:
    """``answer_model``'s JSON schema with each count's ``incident`` bounded by the incidents the answer lists: one
    branch per length of ``other_incidents``, whose labels may name 0 (an event not listed) up to that many plus one.

    Left free, the small model numbered labels in turn (1, 2, 3, 1, 2, 3 ...) with no other incident listed, and
    the counts it numbered past the list were set aside as another event's: a lede's "five other soldiers were
    wounded" lost (11 of 79 unseen answers). JSON Schema cannot tie a number to a list's length, so the branches
    spell it out; they share every token up to the list's end, where the grammar follows the one the model took.
    Used by the embedded decoder only, where the grammar is ours; any other schema is returned as it is."""
    props = schema.get("properties", {})
    others = props.get("other_incidents", {})
    ref = props.get("counts", {}).get("$ref", "")
    defs = schema.get("$defs", {})
    counts = defs.get(ref.rsplit("/", 1)[-1]) if ref.startswith("#/$defs/") else None
    if not isinstance(others.get("maxItems"), int) or not isinstance(counts, dict):
        return schema
    out_defs = dict(defs)
    branches = []
    for listed in range(others["maxItems"] + 1):
        labels: dict[str, Any] = {}
        for key, label_ref in counts.get("properties", {}).items():
            name = str(label_ref.get("$ref", "")).rsplit("/", 1)[-1]
            label = defs.get(name)
            if not isinstance(label, dict) or "incident" not in label.get("properties", {}):
                return schema
            bounded = {**label["properties"]["incident"], "enum": list(range(listed + 2))}
            out_defs[f"{name}_{listed}"] = {**label, "properties": {**label["properties"], "incident": bounded}}
            labels[key] = {**label_ref, "$ref": f"#/$defs/{name}_{listed}"}
        out_defs[f"Counts_{listed}"] = {**counts, "properties": labels}
        branch = {k: v for k, v in schema.items() if k != "$defs"}
        branch["properties"] = {**props, "other_incidents": {**others, "minItems": listed, "maxItems": listed},
                                "counts": {"$ref": f"#/$defs/Counts_{listed}"}}
        branches.append(branch)
    return {"$defs": out_defs, "anyOf": branches}


class Incident(IncidentAnswer):
    """An incident with the figures and sources code assembled from the labelled counts; grounded by ``ground``."""

    summary: str = Field(default="", description="the article's sentence that sums the incident up (``summary_in``)")
    summary_in: int | None = Field(default=None, description="the id of that sentence")
    figures: list[Figure] = Field(default_factory=list)
    sources: list[NamedSource] = Field(default_factory=list)
    told_in: int | None = Field(default=None, description="the sentence an incident built by code was taken from")


class Extraction(_ModelFacing):
    """Everything taken from one article (or one part of a long one), before grounding."""

    is_incident_report: bool
    incidents: list[Incident]
    _dropped: list[str] = PrivateAttr(default_factory=list)
    _unused: list[str] = PrivateAttr(default_factory=list)

    @property
    def dropped(self) -> list[str]:
        """What the answer claimed but the article does not support, and was therefore left out."""
        return self._dropped

    @property
    def unused(self) -> list[str]:
        """Counts the code found that no figure uses, each with its sentence and the model's reading."""
        return self._unused


_CLAIM = re.compile(r"claim|responsib|carried out", re.I)
# A claim by saying so is said of oneself ("to say his insurgents had carried out the attack", "said it was behind
# an attack"); "Erdogan said the attack appears to have been carried out by a Syrian-origin suicide bomber" names
# an attacker, it claims nothing.
_CLAIMS = re.compile(r"\bclaim\w*\b.{0,40}\b(responsib|credit|attack|bomb|blast|assault|raid|ambush|killing)|"
                     r"\bclaimed by\b|responsib|\b(said|say|says|saying|told \w+)\b (that )?(it|they|he|his|its|"
                     r"their)\b.{0,60}\b(carried out|(was|were) behind)", re.I)
_NO_CLAIM = re.compile(r"\bden(y|ied|ies|ial)\b|\bno (immediate )?claim|\bno one (has |had )?(yet )?claimed|"
                       r"\bno (group|organi[sz]ation|one|body)\b[^.]{0,40}\b(claimed|taken|take|accepted)\b|"
                       r"\bnot (yet |immediately )?claimed|\b(did|has|have|had) not (yet )?claim|"
                       r"\bnot clear who|\bunclear who|\bblamed\b|\baccused\b", re.I)


def _claim_sentences(claimant: str, article: Article) -> list[int]:
    """The sentences that name the claimant and say it claimed responsibility (a denial is no claim), and those
    of the claims code proposed to the model that name it (``candidates.claims``: the attackers' own spokesman
    telling their attack, in words ``_CLAIMS`` does not read), in reading order."""
    from summarizer.candidates import claims  # candidates builds its answer models from this module

    said = {s.id for s in article.sentences
            if _CLAIMS.search(s.text) and not _NO_CLAIM.search(s.text)
            and not missing_words(claimant, s.text, GENERIC_ACTOR)}
    proposed = {sid for who, sid in claims(article) if not missing_words(claimant, who, GENERIC_ACTOR)}
    return sorted(said | proposed)


def _point_name(value: str, cited: int | None, article: Article, ignore: frozenset[str] | None,
                prefer: re.Pattern[str] | None = None) -> int | None:
    """The cited sentence if it names ``value`` (and fits ``prefer``), else the first sentence that
    does, else the first that names it at all, else None."""
    s = article.sentence(cited) if cited is not None else None
    naming = [x for x in article.sentences if not missing_words(value, x.text, ignore)]
    preferred = [x for x in naming if prefer is None or prefer.search(x.text)]
    if s is not None and s in preferred:
        return s.id
    if preferred:
        return preferred[0].id
    return naming[0].id if naming else None


def people_named(country: str, text: str) -> bool:
    """``text`` names ``country`` by its people or its possessive ("Turkish nationals", "Kenya's capital"). A country
    the article names so, though never by its name, stays, shown as looked up (``reconcile``); a lede that does past
    its wire dateline keeps the dateline's country (``reconcile._past_the_dateline``)."""
    from summarizer.gazetteer import load

    g = load()
    cc = g.country_code(country)
    return cc is not None and any(g.country_of_word(w) == cc for w in capitalised_words(text))


def ground(extraction: Extraction, article: Article) -> None:
    """Keep what the article supports; set the rest to null (or drop it) and list it in ``dropped``.

    A pure decision over the extraction and the article, no re-ask: figures and their sources were chosen
    among what the code found, so what is left to check are the names the model wrote (place, perpetrator,
    claimant, country, province, date), which must stand in a trusted sentence (none that addresses the
    model), and each figure's outcome, which its sentence must be able to say. A citation one sentence off is
    moved to the sentence that names the thing.
    """
    notes: list[str] = []
    # Sentences that address the model (``Article.flagged``) are never evidence.
    article = article.trusted()
    if extraction.is_incident_report and not extraction.incidents:
        notes.append("the answer said the article reports an incident but listed none")
        extraction.is_incident_report = False
    if not extraction.is_incident_report and extraction.incidents:
        notes.append("the answer said the article reports no incident but listed some: they are kept")
        extraction.is_incident_report = True
    whole = "\n".join(s.text for s in article.sentences)
    for i, inc in enumerate(extraction.incidents):
        at = f"incidents[{i}]"
        inc.figures = ground_figures(inc.figures, article, at, notes)
        if inc.perpetrator and is_method_only(inc.perpetrator):
            notes.append(f"{at}: perpetrator {inc.perpetrator!r} is a method, not an actor")
            inc.perpetrator = None
        named_claimant = inc.claimed_by and not missing_words(inc.claimed_by, whole, GENERIC_ACTOR)
        claim_in = _claim_sentences(inc.claimed_by, article) if named_claimant and inc.claimed_by else []
        if named_claimant and not claim_in:
            # A small model often repeats the perpetrator here; only a sentence that says so makes a claim.
            notes.append(f"{at}: no sentence says {inc.claimed_by!r} claimed responsibility")
            inc.claimed_by = None
        elif claim_in and inc.claim_sentence not in claim_in:
            inc.claim_sentence = claim_in[0]  # the sentence that makes the claim, not one that only names them
        for field, sentence_field, ignore, prefer in (
            ("place", "place_sentence", None, None),
            ("perpetrator", "perpetrator_sentence", GENERIC_ACTOR, None),
            ("claimed_by", "claim_sentence", GENERIC_ACTOR, None if claim_in else _CLAIM),
        ):
            value = getattr(inc, field)
            if not value:
                setattr(inc, sentence_field, None)
                continue
            found = _point_name(value, getattr(inc, sentence_field), article, ignore, prefer)
            if found is None and (spelled := respelled(value, whole)) is not None:
                found = _point_name(spelled, getattr(inc, sentence_field), article, ignore, prefer)
                if found is not None:
                    setattr(inc, field, spelled)  # the article's spelling, which is what the brief shows
            if found is None:
                notes.append(f"{at}: {field} {value!r} is not named in the article")
                setattr(inc, field, None)
            setattr(inc, sentence_field, found)
        if inc.date_text and missing_words(inc.date_text, whole):
            notes.append(f"{at}: date_text {inc.date_text!r} is not in the article")
            inc.date_text = None
        for field in ("country", "province"):
            value = getattr(inc, field)
            if value and missing_words(value, whole) and not (field == "country" and people_named(value, whole)):
                notes.append(f"{at}: {field} {value!r} is not named in the article")
                setattr(inc, field, None)
            elif value and not is_proper_name(value, whole):
                notes.append(f"{at}: {field} {value!r} is not the name of a {field}")
                setattr(inc, field, None)
    # An incident needs a casualty or an attacker the article supports, or a place and a violent event type:
    # "other" at a place, with no one hurt and no one attacking, is no violent incident (talks, a visit). Of type
    # "other" with no one hurt, a named party is an attacker only where its sentence tells an attack: the rebels
    # who sit at the table of peace talks attacked no one there.
    empty = [inc for inc in extraction.incidents if not (
        inc.figures
        or (inc.perpetrator and (inc.event_type != "other" or _attack_told(article, inc.perpetrator_sentence)))
        or ((inc.place or inc.province) and inc.event_type != "other"))]
    for inc in empty:
        notes.append(f"incident {inc.headline!r} names no casualty, attacker or violent event the article supports: "
                     "left out")
    if empty:
        extraction.incidents = [inc for inc in extraction.incidents if inc not in empty]
        extraction.is_incident_report = bool(extraction.incidents)
    extraction.dropped.extend(notes)


def _attack_told(article: Article, sentence_id: int | None) -> bool:
    from summarizer.candidates import tells_an_attack  # candidates reads this module's choices: imported late

    sentence = article.sentence(sentence_id) if sentence_id is not None else None
    return sentence is not None and tells_an_attack(sentence.text)


def _told_apart_of(article: Article, sentence_id: int, amount: str, outcome: str) -> bool:
    """Is ``amount`` a part of the toll the sentence before gives, told by who they were ("Five people were killed.
    Four were crew members of the helicopters and one was a civilian": ``candidates.told_apart``)? Then that
    sentence's outcome is its own."""
    from summarizer.candidates import told_apart  # candidates reads this module's choices: imported late

    s, before = article.sentence(sentence_id), article.sentence(sentence_id - 1)
    if s is None or before is None or outcome_conflict(outcome, before.text) is not None:
        return False
    return any(s.text[a:b].strip().lower() == amount.strip().lower() for a, b in told_apart(s.text))


def ground_figures(figures: list[Figure], article: Article, at: str, notes: list[str]) -> list[Figure]:
    """The figures whose sentence is trusted and can say their outcome, each once."""
    whole = "\n".join(s.text for s in article.sentences)
    kept: list[Figure] = []
    seen: set[tuple[int, str, str, str, int | None]] = set()
    for j, fig in enumerate(figures):
        where = f"{at}.figures[{j}]"
        s = article.sentence(fig.sentence)
        if s is None:
            notes.append(f"{where}: S{fig.sentence} is no evidence")
            continue
        if parse_amount(fig.amount) is None or amount_in_sentence(fig.amount, s.text) is not None:
            notes.append(f"{where}: amount {fig.amount!r} is not a count of S{s.id}")
            continue
        conflict = outcome_conflict(fig.outcome, s.text)
        if conflict is not None and _told_apart_of(article, s.id, fig.amount, fig.outcome):
            conflict = None
        if conflict is not None:
            notes.append(f"{where}: {fig.amount!r} labelled {fig.outcome}, but S{s.id} {conflict.removeprefix('it ')}")
            continue
        if fig.according_to and missing_words(fig.according_to, whole, GENERIC_ACTOR):
            notes.append(f"{where}: according_to {fig.according_to!r} is not named in the article")
            fig.according_to = None
        identity = fig.identity()
        if identity not in seen:
            seen.add(identity)
            kept.append(fig)
    return kept


# --- layer 2: what users get -------------------------------------------------------------------------------


class Citation(BaseModel):
    """Where a fact stands in the article: sentence id, character span in the original text, the quote."""

    sentence: int
    start: int
    end: int
    quote: str


class FigureOut(BaseModel):
    outcome: Outcome
    group: VictimGroup
    amount_text: str
    low: int | None
    high: int | None
    qualifier: Qualifier
    according_to: str | None = Field(description="null: stated by the article itself")
    citation: Citation


class Estimate(BaseModel):
    """One number per outcome and side, derived by code from all sources' figures."""

    outcome: Outcome
    side: Literal["victims", "militants"]
    low: int | None
    best: int | None
    high: int | None
    sources: int
    policy: str


class DateOut(BaseModel):
    text: str | None
    resolved: dt.date | None
    precision: Literal["day", "weekday_resolved", "relative_resolved", "none"]


class Responsibility(BaseModel):
    claimed_by: str
    citation: Citation | None


class IncidentOut(BaseModel):
    headline: str
    summary: str
    summary_in: int | None = Field(
        default=None, description="the article's sentence the summary is: the lede for the article's main "
                                  "incident, else the first sentence that gives the incident's figures or place")
    told_in: int | None = Field(
        default=None, description="set for an incident code built from one sentence the model read as another "
                                  "incident: its summary is that sentence, its headline code's words")
    event_type: EventType
    date: DateOut
    country: str | None
    country_source: Literal["article", "gazetteer"] | None = Field(
        default=None, description="gazetteer: derived by code from the places the article names, which never "
                                  "names the country"
    )
    province: str | None
    province_source: Literal["article", "gazetteer"] | None = Field(
        default=None, description="gazetteer: derived by code from the place (GeoNames), not written in the article"
    )
    place: str | None
    place_source: Literal["article", "gazetteer"] | None = Field(
        default=None, description="gazetteer: the model named no place and code took the first place the lede "
                                  "names that the gazetteer knows; the citation is that sentence")
    place_citation: Citation | None
    perpetrator: str | None
    perpetrator_citation: Citation | None
    target: str | None
    figures: list[FigureOut]
    estimates: list[Estimate]
    responsibility: Responsibility | None
    sources: list[NamedSource]


class Usage(BaseModel):
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = Field(
        default=0, description="prompt tokens the model did not evaluate again (a KV-cache prefix it kept)")
    model_seconds: float = 0.0


class Brief(BaseModel):
    """The result for one article; ``status`` says whether ``incidents`` can be trusted at all."""

    article: str
    article_sha256: str | None
    status: Literal["ok", "no_incident", "failed"]
    error: str | None = None
    left_out: list[str] = Field(
        default_factory=list,
        description="what the model's last answer claimed but the article does not support (not shown as fact)",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="what a reader should know about the input: sentences that address the model (never used "
        "as evidence), a guessed text encoding, text extracted from HTML, a long article read in parts",
    )
    unused_counts: list[str] = Field(
        default_factory=list,
        description="counts the article states that no figure uses, with their sentence and why (the model read "
        "them as no victims, or as another event)",
    )
    set_aside: list[str] = Field(
        default_factory=list,
        description="text set aside as web boilerplate (donation appeals, ad markers, credits) and never read",
    )
    duplicate_of: str | None = Field(
        default=None, description="the earlier input with the same text; this brief is a copy of its brief"
    )
    publication_date: dt.date | None = None
    title: str | None = Field(default=None, description="the article's title, from its metadata (front matter, a row)")
    outlet: str | None = Field(default=None, description="who published it, from its metadata")
    url: str | None = Field(default=None, description="where it was published, from its metadata")
    incidents: list[IncidentOut] = Field(default_factory=list)
    attempts: int = Field(default=0, description="model calls made for this article: its request, any re-ask, and "
                                                 "the focused questions after the answer")
    model: str | None = None
    provider: str | None = None
    response_format: str | None = Field(
        default=None, description="how the model was asked for JSON: json_schema, json_object (with the schema), "
        "tools (a forced tool call) or prompt (the schema in the prompt, unconstrained); for a server, the format "
        "it accepted (summarizer --response-format)"
    )
    template_hash: str | None = None
    schema_version: str = SCHEMA_VERSION
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
