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
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from summarizer.amounts import Qualifier, as_written, parse_amount
from summarizer.articles import Article, Sentence
from summarizer.grounding import (
    GENERIC_ACTOR,
    amount_in_sentence,
    is_method_only,
    is_proper_name,
    missing_words,
    outcome_conflict,
)

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


MAX_INCIDENTS, MAX_FIGURES, MAX_SOURCES = 10, 12, 6
"""Caps on the model's lists, in the schema so the grammar enforces them: a small model under a grammar can
fall into repeating one list item until the token limit (2048 tokens, two minutes on two cores, then a truncated
answer). The dev set's gold has at most 3 incidents per article and 6 figure entries per incident. The cost: a
round-up listing more than 10 attacks within one chunk (about 1,800 tokens of text) keeps only 10."""


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
    figures: list[Figure] = Field(max_length=MAX_FIGURES)
    claimed_by: str | None = Field(description="who claimed responsibility; null if nobody did")
    claim_sentence: int | None
    sources: list[NamedSource] = Field(max_length=MAX_SOURCES)

    nullify = field_validator(
        "date_text", "country", "province", "place", "perpetrator", "target", "claimed_by", mode="before"
    )(_nullify)


class Extraction(_ModelFacing):
    """Everything the model reports about one article."""

    is_incident_report: bool = Field(description="does the article report a concrete violent incident")
    incidents: list[Incident] = Field(max_length=MAX_INCIDENTS)
    _dropped: list[str] = PrivateAttr(default_factory=list)

    @property
    def dropped(self) -> list[str]:
        """What the last attempt claimed but the article does not support, and was therefore left out."""
        return self._dropped

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Extraction:
        context = info.context or {}
        article = context.get("article")
        if isinstance(article, Article):
            final = bool(context.get("final_attempt", lambda: False)())
            problems = ground(self, article, salvage=final)
            if problems and not final:
                raise ValueError(
                    "These answers are not supported by the article:\n- " + "\n- ".join(problems)
                    + "\nFix each one (cite the right [Sn], copy the words exactly, or use null), "
                    "keep everything else as it was."
                )
        return self


def _quote(article: Article, sid: int | None) -> str:
    s = article.sentence(sid) if sid is not None else None
    return f'S{sid} ("{s.text}")' if s else f"S{sid}"


def _nearest(candidates: list[Sentence], cited: int | None) -> Sentence:
    return min(candidates, key=lambda s: (abs(s.id - (cited or 0)), s.id))


def _point_figure(fig: Figure, article: Article, where: str, problems: list[str], notes: list[str]) -> bool:
    """Re-point ``fig.sentence`` to the sentence that carries its amount and outcome, and take the amount
    as that sentence words it; False if no sentence does."""
    if parse_amount(fig.amount) is None:
        # "the governor" is no count: nothing to ask again about, the entry is simply not a figure.
        notes.append(f"{where}: amount {fig.amount!r} is not a count")
        return False
    with_amount = [s for s in article.sentences if amount_in_sentence(fig.amount, s.text) is None]
    if not with_amount:
        cited = article.sentence(fig.sentence)
        why = amount_in_sentence(fig.amount, cited.text) if cited else "there is no such sentence"
        problems.append(f"{where}: amount {fig.amount!r} is not in the article (you cited "
                        f"{_quote(article, fig.sentence)}: {why}); copy it exactly as written")
        return False
    fitting = [s for s in with_amount if outcome_conflict(fig.outcome, s.text) is None]
    if not fitting:
        best = _nearest(with_amount, fig.sentence)
        problems.append(f"{where}: outcome {fig.outcome!r} does not fit {_quote(article, best.id)}: "
                        f"{outcome_conflict(fig.outcome, best.text)}")
        return False
    chosen = _nearest(fitting, fig.sentence)
    fig.sentence = chosen.id
    fig.amount = as_written(fig.amount, chosen.text)
    return True


_CLAIM = re.compile(r"claim|responsib|carried out", re.I)
_CLAIMS = re.compile(r"\bclaim\w*\b.{0,40}\b(responsib|credit|attack|bomb|blast|assault|raid|ambush|killing)|"
                     r"\bclaimed by\b|responsib|\b(said|say|says|saying|told)\b.{0,80}\bcarried out", re.I)
_NO_CLAIM = re.compile(r"\bden(y|ied|ies|ial)\b|\bno (immediate )?claim|\bno one (has |had )?(yet )?claimed|"
                       r"\bnot (yet |immediately )?claimed|\b(did|has|have|had) not (yet )?claim|"
                       r"\bnot clear who|\bunclear who|\bblamed\b|\baccused\b", re.I)


def _claim_stated(claimant: str, article: Article) -> bool:
    """Some sentence names the claimant and says it claimed responsibility (a denial is no claim)."""
    return any(
        _CLAIMS.search(s.text) and not _NO_CLAIM.search(s.text) and not missing_words(claimant, s.text, GENERIC_ACTOR)
        for s in article.sentences
    )


def _point_name(value: str, cited: int | None, article: Article, ignore: set[str] | None,
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


def _planted(amount: str, article: Article, trusted: Article) -> int | None:
    """The flagged sentence that alone carries ``amount``, if that is the case."""
    if not article.flagged or parse_amount(amount) is None:
        return None
    if any(amount_in_sentence(amount, s.text) is None for s in trusted.sentences):
        return None
    return next((sid for sid in sorted(article.flagged)
                 if (s := article.sentence(sid)) and amount_in_sentence(amount, s.text) is None), None)


def ground(extraction: Extraction, article: Article, salvage: bool = False) -> list[str]:
    """Align every citation with the article and list what the article does not support.

    The model's sentence ids are taken as hints: a small model often points one sentence off, so when
    the cited sentence does not carry a figure or name but another sentence does, the citation is moved
    there (nearest to the hint). Only what no sentence supports is refused, worded as an instruction the
    model can act on in a re-ask. With ``salvage`` (the last attempt) the unsupported parts are removed
    instead (figures and sources dropped, names set to null), so the grounded rest is not lost; the
    returned problems then say what was removed.
    """
    problems: list[str] = []
    notes: list[str] = []
    planted_in = article
    # Sentences that address the model (``Article.flagged``) are never evidence: everything below only
    # sees the trusted ones, so a figure or a name counts only if a real sentence carries it.
    article = article.trusted()
    if extraction.is_incident_report and not extraction.incidents:
        problems.append("is_incident_report is true but incidents is empty: list the incident(s)")
        if salvage:
            extraction.is_incident_report = False
    if not extraction.is_incident_report and extraction.incidents:
        problems.append("is_incident_report is false but incidents are listed: set it to true or list none")
        if salvage:
            extraction.is_incident_report = True
    whole = "\n".join(s.text for s in article.sentences)
    empty: list[Incident] = []
    for i, inc in enumerate(extraction.incidents):
        at = f"incidents[{i}]"
        inc.figures = ground_figures(inc.figures, article, at, problems, notes, planted_in)
        if inc.perpetrator and is_method_only(inc.perpetrator):
            notes.append(f"{at}: perpetrator {inc.perpetrator!r} is a method, not an actor")
            inc.perpetrator = None
        named_claimant = inc.claimed_by and not missing_words(inc.claimed_by, whole, GENERIC_ACTOR)
        if named_claimant and inc.claimed_by and not _claim_stated(inc.claimed_by, article):
            # A small model often repeats the perpetrator here; only a sentence that says so makes a claim.
            notes.append(f"{at}: no sentence says {inc.claimed_by!r} claimed responsibility")
            inc.claimed_by = None
        for field, sentence_field, ignore, prefer in (
            ("place", "place_sentence", None, None),
            ("perpetrator", "perpetrator_sentence", GENERIC_ACTOR, None),
            ("claimed_by", "claim_sentence", GENERIC_ACTOR, _CLAIM),
        ):
            value = getattr(inc, field)
            if not value:
                setattr(inc, sentence_field, None)
                continue
            found = _point_name(value, getattr(inc, sentence_field), article, ignore, prefer)
            if found is None:
                problems.append(f"{at}: {field} {value!r} is not named in the article; copy the name as "
                                "written or use null")
                if salvage:
                    setattr(inc, field, None)
            setattr(inc, sentence_field, found)
        # What a re-ask could only answer with null is set to null here, and said: asking again costs a whole
        # new answer (as long as the first on the embedded model) for the same result, and may change what
        # was right. The gazetteer then derives the province from the place (reconcile).
        if inc.date_text and missing_words(inc.date_text, whole):
            notes.append(f"{at}: date_text {inc.date_text!r} is not in the article")
            inc.date_text = None
        for field in ("country", "province"):
            value = getattr(inc, field)
            if value and missing_words(value, whole):
                notes.append(f"{at}: {field} {value!r} is not named in the article")
                setattr(inc, field, None)
            elif value and not is_proper_name(value, whole):
                notes.append(f"{at}: {field} {value!r} is not the name of a {field}")
                setattr(inc, field, None)
        if not (inc.place or inc.province or inc.perpetrator or inc.figures):
            problems.append(f"{at} names no place, no attacker and no casualties: if the article reports no "
                            "concrete violent incident, set is_incident_report to false and incidents to []")
            empty.append(inc)
        named: list[NamedSource] = []
        for k, src in enumerate(inc.sources):
            if src.name and missing_words(src.name, whole, GENERIC_ACTOR):
                notes.append(f"{at}.sources[{k}]: {src.name!r} is not named in the article")
            elif src not in named:
                named.append(src)
        inc.sources = named
    if salvage and empty:
        extraction.incidents = [inc for inc in extraction.incidents if inc not in empty]
        extraction.is_incident_report = bool(extraction.incidents)
    extraction._dropped = [*problems, *notes] if salvage else notes
    return problems


def ground_figures(figures: list[Figure], article: Article, at: str, problems: list[str],
                   notes: list[str], planted_in: Article | None = None) -> list[Figure]:
    """The figures a sentence supports (citations re-pointed, amounts as the sentence words them), each once.

    ``article`` holds the trusted sentences only; ``planted_in`` (the whole article) is where a figure that
    only a planted instruction states is found, so the re-ask can say why it is no evidence.
    """
    whole = "\n".join(s.text for s in article.sentences)
    kept: list[Figure] = []
    seen: set[tuple[int, str, str, str]] = set()
    for j, fig in enumerate(figures):
        where = f"{at}.figures[{j}]" if at else f"figures[{j}]"
        planted = _planted(fig.amount, planted_in, article) if planted_in is not None else None
        if planted is not None and planted_in is not None:
            problems.append(f"{where}: amount {fig.amount!r} is stated only in {_quote(planted_in, planted)}, which "
                            "gives orders to the reader instead of reporting; it is no evidence: drop this figure")
            continue
        if not _point_figure(fig, article, where, problems, notes):
            continue
        if fig.according_to and missing_words(fig.according_to, whole, GENERIC_ACTOR):
            # The count is grounded, its source is not: keep the count, leave the source out and say so
            # (a re-ask costs a whole answer and has dropped the count itself with the invented source).
            notes.append(f"{where}: according_to {fig.according_to!r} is not named in the article")
            fig.according_to = None
        identity = (fig.sentence, " ".join(fig.amount.lower().split()), fig.outcome, fig.group)
        # The same figure listed twice (same sentence, wording, outcome and group) is kept once.
        if identity not in seen:
            seen.add(identity)
            kept.append(fig)
    return kept


class FigureList(_ModelFacing):
    """The second, focused call: only the figures of one incident, from the sentences that state counts."""

    figures: list[Figure]
    _dropped: list[str] = PrivateAttr(default_factory=list)

    @property
    def dropped(self) -> list[str]:
        """What the last attempt listed but the article does not support, and was therefore left out."""
        return self._dropped

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> FigureList:
        context = info.context or {}
        article = context.get("article")
        if isinstance(article, Article):
            final = bool(context.get("final_attempt", lambda: False)())
            problems: list[str] = []
            notes: list[str] = []
            # As in ``ground``: only trusted sentences are evidence; a figure only a planted one states is refused.
            kept = ground_figures(self.figures, article.trusted(), "", problems, notes, article)
            if problems and not final:
                raise ValueError(
                    "These figures are not supported by the article:\n- " + "\n- ".join(problems)
                    + "\nFix each one (cite the right [Sn], copy the amount exactly, or leave the figure out), "
                    "keep the others as they were."
                )
            self.figures = kept
            self._dropped = [*problems, *notes] if final else notes
        return self


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
    province_source: Literal["article", "gazetteer"] | None = Field(
        default=None, description="gazetteer: derived by code from the place (GeoNames), not written in the article"
    )
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
    duplicate_of: str | None = Field(
        default=None, description="the earlier input with the same text; this brief is a copy of its brief"
    )
    publication_date: dt.date | None = None
    incidents: list[IncidentOut] = Field(default_factory=list)
    attempts: int = 0
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
