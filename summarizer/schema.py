"""The incident schema, in two layers.

``Extraction`` is what the model fills. It is shaped for a small model under constrained decoding: every
field is required (a field with a default becomes optional in the grammar and gets skipped), "unknown" is
``null``, there is no ``max_length`` (it blows up the grammar), and evidence is a sentence id, never a
free-text quote. Its validators take the ``Article`` as validation context and refuse anything the cited
sentence does not say; instructor feeds the refusal back to the model as a re-ask.

``Brief`` is what users get: the extraction resolved against the article by ``reconcile`` (quotes and
character spans, parsed amounts, resolved dates, estimates), plus status, usage and provenance.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from summarizer.amounts import Qualifier, parse_amount
from summarizer.articles import Article
from summarizer.grounding import GENERIC_ACTOR, amount_in_sentence, missing_words, outcome_conflict

SCHEMA_VERSION = "1"

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


class _ModelFacing(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Figure(_ModelFacing):
    """One casualty figure from one source, exactly as the article words it."""

    sentence: int = Field(description="id of the sentence that states this figure (the n of [Sn])")
    amount: str = Field(description="the amount copied as written: 'at least seven', '28-30', 'dozens'")
    outcome: Outcome
    group: VictimGroup = Field(description="who the victims are; 'total' for an all-victims count")
    according_to: str | None = Field(description="who states the figure; null if the reporter does")

    nullify = field_validator("according_to", mode="before")(_nullify)


class NamedSource(_ModelFacing):
    """A person or body the article quotes or cites."""

    name: str | None
    role: str | None
    outlet: str | None = Field(description="the news outlet or agency they spoke to, if stated")

    nullify = field_validator("name", "role", "outlet", mode="before")(_nullify)


class Incident(_ModelFacing):
    headline: str = Field(description="one line: who did what, where")
    summary: str = Field(description="one or two sentences")
    event_type: EventType
    date_text: str | None = Field(description="when, as written: 'Thursday', 'late on Tuesday'")
    country: str | None
    province: str | None = Field(description="first-level division (province/state/region) as named")
    place: str | None = Field(description="district, city, village or site as named")
    place_sentence: int | None = Field(description="id of a sentence that names the place")
    perpetrator: str | None = Field(description="the attacker as named; null if not named")
    perpetrator_sentence: int | None
    target: str | None
    figures: list[Figure]
    claimed_by: str | None = Field(description="who claimed responsibility; null if nobody did")
    claim_sentence: int | None
    sources: list[NamedSource]

    nullify = field_validator(
        "date_text", "country", "province", "place", "perpetrator", "target", "claimed_by", mode="before"
    )(_nullify)


class Extraction(_ModelFacing):
    """Everything the model reports about one article."""

    is_incident_report: bool = Field(description="does the article report a concrete violent incident")
    incidents: list[Incident]

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Extraction:
        article = (info.context or {}).get("article")
        if isinstance(article, Article):
            problems = grounding_problems(self, article)
            if problems:
                raise ValueError(
                    "These answers are not supported by the article:\n- " + "\n- ".join(problems)
                    + "\nFix each one (cite the right [Sn], copy the words exactly, or use null), "
                    "keep everything else as it was."
                )
        return self


def _quote(article: Article, sid: int) -> str:
    s = article.sentence(sid)
    return f'S{sid} ("{s.text}")' if s else f"S{sid}"


def _cited(article: Article, sid: int | None, where: str, problems: list[str]) -> str | None:
    if sid is None:
        return None
    s = article.sentence(sid)
    if s is None:
        problems.append(f"{where}: there is no sentence S{sid}; the article has S1 to S{len(article.sentences)}")
        return None
    return s.text


def grounding_problems(extraction: Extraction, article: Article) -> list[str]:
    """Every claim the article does not support, worded as an instruction the model can act on."""
    problems: list[str] = []
    if extraction.is_incident_report and not extraction.incidents:
        problems.append("is_incident_report is true but incidents is empty: list the incident(s)")
    if not extraction.is_incident_report and extraction.incidents:
        problems.append("is_incident_report is false but incidents are listed: set it to true or list none")
    whole = "\n".join(s.text for s in article.sentences)
    for i, inc in enumerate(extraction.incidents):
        at = f"incidents[{i}]"
        for j, fig in enumerate(inc.figures):
            where = f"{at}.figures[{j}]"
            text = _cited(article, fig.sentence, where, problems)
            if text is None:
                continue
            if parse_amount(fig.amount) is None:
                problems.append(f"{where}: amount {fig.amount!r} is not a count; copy the number words")
                continue
            why = amount_in_sentence(fig.amount, text)
            if why:
                problems.append(f"{where}: amount {fig.amount!r} is not what {_quote(article, fig.sentence)} "
                                f"says: {why}")
                continue
            why = outcome_conflict(fig.outcome, text)
            if why:
                problems.append(f"{where}: outcome {fig.outcome!r} does not fit {_quote(article, fig.sentence)}"
                                f": {why}")
            if fig.according_to and missing_words(fig.according_to, whole, GENERIC_ACTOR):
                problems.append(f"{where}: according_to {fig.according_to!r} is not named in the article; "
                                "use the source as the article names it, or null")
        if inc.place:
            text = _cited(article, inc.place_sentence, f"{at}.place_sentence", problems)
            if inc.place_sentence is None:
                problems.append(f"{at}: place {inc.place!r} needs place_sentence, the [Sn] that names it")
            elif text is not None and missing_words(inc.place, text):
                problems.append(f"{at}: place {inc.place!r} is not in {_quote(article, inc.place_sentence)}")
        for name, value in (("country", inc.country), ("province", inc.province)):
            if value and missing_words(value, whole):
                problems.append(f"{at}: {name} {value!r} is not named in the article; use null")
        if inc.perpetrator:
            text = _cited(article, inc.perpetrator_sentence, f"{at}.perpetrator_sentence", problems)
            if inc.perpetrator_sentence is None:
                problems.append(f"{at}: perpetrator {inc.perpetrator!r} needs perpetrator_sentence")
            elif text is not None and missing_words(inc.perpetrator, text, GENERIC_ACTOR):
                problems.append(
                    f"{at}: perpetrator {inc.perpetrator!r} is not in {_quote(article, inc.perpetrator_sentence)}"
                )
        if inc.claimed_by:
            text = _cited(article, inc.claim_sentence, f"{at}.claim_sentence", problems)
            if inc.claim_sentence is None:
                problems.append(f"{at}: claimed_by {inc.claimed_by!r} needs claim_sentence")
            elif text is not None and missing_words(inc.claimed_by, text, GENERIC_ACTOR):
                problems.append(f"{at}: claimed_by {inc.claimed_by!r} is not in {_quote(article, inc.claim_sentence)}")
        for k, src in enumerate(inc.sources):
            if src.name and missing_words(src.name, whole, GENERIC_ACTOR):
                problems.append(f"{at}.sources[{k}]: {src.name!r} is not named in the article; drop it")
    return problems


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
    event_type: EventType
    date: DateOut
    country: str | None
    province: str | None
    place: str | None
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
    model_seconds: float = 0.0


class Brief(BaseModel):
    """The result for one article; ``status`` says whether ``incidents`` can be trusted at all."""

    article: str
    article_sha256: str | None
    status: Literal["ok", "no_incident", "failed"]
    error: str | None = None
    publication_date: dt.date | None = None
    incidents: list[IncidentOut] = Field(default_factory=list)
    attempts: int = 0
    model: str | None = None
    provider: str | None = None
    template_hash: str | None = None
    schema_version: str = SCHEMA_VERSION
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
