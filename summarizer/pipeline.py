"""One article → one ``Brief``; many articles → briefs in input order, whatever fails along the way.

Errors are data here: an unreadable file, a provider that gives up, a model whose answer never passes
grounding, each becomes a ``failed`` brief with the reason, and the batch carries on.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import queue
import re
import shlex
import threading
import time
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from pydantic_core import from_json

from summarizer import candidates
from summarizer.amounts import parse_amount, point
from summarizer.articles import (
    WEEKDAY,
    Article,
    ArticleError,
    Input,
    Sentence,
    _fence_safe,
    input_suffix,
    is_title_line,
    load,
    read_input,
)
from summarizer.briefcache import BriefStore, brief_key, run_identity
from summarizer.gazetteer import is_a_place, places_named
from summarizer.grounding import missing_words
from summarizer.llm import ExchangeClient, ProviderError, ReplayMiss
from summarizer.names import GENERIC_ACTOR, fold, name_words
from summarizer.prompts import Templates
from summarizer.reconcile import names_any, placed_elsewhere, resolve, resolve_incident, where_it_happened
from summarizer.schema import (
    EVENT_TYPES,
    Answer,
    Brief,
    CountChoice,
    Extraction,
    Figure,
    Incident,
    IncidentAnswer,
    NamedSource,
    NewAttack,
    SameIncident,
    Usage,
    answer_model,
    ground,
    other_event_model,
)

if TYPE_CHECKING:
    # instructor (and the openai package it imports) are imported where a model is asked: about 1.7 s of
    # start-up that a run answered from the brief cache does without.
    from instructor.core.exceptions import IncompleteOutputException

MAX_TOKENS = 2048

# instructor logs every failed attempt at ERROR level; failures are reported in the briefs instead.
logging.getLogger("instructor").setLevel(logging.CRITICAL)


CHARS_PER_TOKEN = 3.0
"""A conservative estimate (English news runs about 4 characters per token for Qwen's tokenizer), so a chunk
estimated to fit does fit."""
CHUNK_TOKENS = 3000
"""Article tokens per request (estimated at ``CHARS_PER_TOKEN``, so about 9,000 characters). The local model has
8192 of context: the system prompt (~900 tokens), the answer (up to MAX_TOKENS) and one re-ask of an answer that
was not JSON of the schema's shape must fit beside the article. Grounding asks nothing again since the model
labels what code found, so the article can take what re-asks of unsupported claims used to need. Every
recorded article is below this, so only longer ones are read in parts."""


CONFIRM_TOKENS = 16
"""Room for {"same_incident": false} and the whitespace a model may put around it."""


@dataclass(frozen=True)
class RunOptions:
    max_retries: int = 2
    max_tokens: int = MAX_TOKENS
    chunk_tokens: int = CHUNK_TOKENS


def _reason(exc: BaseException, article: str) -> str:
    """The message a user (and a re-ask) needs, without pydantic's input dump."""
    from instructor.core.exceptions import IncompleteOutputException

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ValidationError):
            return _validation_reason(cause)
        if isinstance(cause, IncompleteOutputException):
            return "the model's answer was cut off at the token limit"
        if isinstance(cause, ReplayMiss):
            return (f"replay: no recording in {cause.fixtures} answers {article} with the current prompts, "
                    f"schema and model; record it with: summarizer summarize {shlex.quote(article)} --record "
                    f"--fixtures {shlex.quote(str(cause.fixtures))}")
        if isinstance(cause, ProviderError):
            return str(cause)
        if cause.__cause__ is None and cause.__context__ is None:
            break
        cause = cause.__cause__ or cause.__context__
    return str(exc).strip() or type(exc).__name__


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_SHAPE_ERRORS = {"missing", "model_type", "model_attributes_type", "dict_type", "list_type", "bool_type",
                 "bool_parsing", "int_type", "int_parsing", "string_type", "literal_error", "extra_forbidden"}


def _validation_reason(error: ValidationError) -> str:
    """Not JSON, JSON of the wrong shape, or claims the article does not support: three different stories."""
    errors = error.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return f"the model's answer was not valid JSON ({errors[0].get('msg', '')})"
    shape = [e for e in errors if e.get("type") in _SHAPE_ERRORS]
    if shape:
        where = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())) or 'answer'}: {str(e.get('msg', '')).lower()}"
                          for e in shape[:3])
        more = f" (and {len(shape) - 3} more)" if len(shape) > 3 else ""
        return f"the model's answer did not have the expected shape ({where}{more})"
    return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors)


REASK = ("That answer does not fit the JSON schema of this request:\n{errors}\n"
         "Answer again with the whole JSON object, corrected.")
"""The re-ask after an answer that is not JSON of the schema's shape, in our words. instructor's own re-ask
quotes pydantic's error text, which links to errors.pydantic.dev/<pydantic's minor version>: a pydantic release
would change every re-ask request, and so its key in the recordings and the cache."""
REASK_ERRORS = 10


def reask_message(error: ValidationError) -> str:
    """The user turn that asks again after ``error``: each error's place in the answer and what is wrong there."""
    lines = []
    errors = error.errors(include_url=False, include_input=False)
    for e in errors[:REASK_ERRORS]:
        where = ".".join(str(x) for x in e.get("loc", ())) or "answer"
        what = str(e.get("msg", "")).removeprefix("Value error, ")
        lines.append(f"- {where}: {what}" if e.get("type") != "json_invalid" else f"- not valid JSON: {what}")
    if len(errors) > REASK_ERRORS:
        lines.append(f"- and {len(errors) - REASK_ERRORS} more")
    return REASK.format(errors="\n".join(lines))


def _invalid_answer(exc: BaseException) -> list[dict[str, str]] | None:
    """The turns that re-ask after an answer that did not validate (the answer, then ``reask_message``), or None
    when ``exc`` is not about the answer's shape (the server failed, say: nothing to re-ask)."""
    error: BaseException | None = exc
    while error is not None and not isinstance(error, ValidationError):
        error = error.__cause__ or error.__context__
    completion = getattr(exc, "last_completion", None)
    if error is None or completion is None:
        return None
    try:
        content = completion.choices[0].message.content or ""
    except (AttributeError, IndexError):
        return None
    return [{"role": "assistant", "content": content}, {"role": "user", "content": reask_message(error)}]


def chunks(article: Article, budget_tokens: int = CHUNK_TOKENS) -> list[Article]:
    """The article cut between sentences into parts whose numbered text fits ``budget_tokens``.

    Each part keeps the global sentence ids, so ``[S n]`` in every prompt and every citation is the
    article's own numbering.
    """
    limit = budget_tokens * CHARS_PER_TOKEN
    parts: list[list[Sentence]] = [[]]
    size = 0.0
    for s in article.sentences:
        cost = len(f"[S{s.id}] ") + len(s.text) + 1
        if parts[-1] and size + cost > limit:
            parts.append([])
            size = 0.0
        parts[-1].append(s)
        size += cost
    if len(parts) == 1:
        return [article]
    return [article.part(p) for p in parts]


def _warnings(article: Article) -> list[str]:
    out = list(article.warnings)
    for sid in sorted(article.flagged):
        s = article.sentence(sid)
        text = s.text if s is not None else ""
        quote = text if len(text) <= 100 else text[:99] + "…"
        out.append(f"S{sid} addresses the model instead of reporting (\"{quote}\"): treated as data, nothing in "
                   "this brief is taken from it")
    return out


class _ChunkFailed(Exception):
    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts


def _extract(part: Article, whole: Article, client: ExchangeClient, templates: Templates,
             options: RunOptions, meter: Usage) -> Extraction:
    """One request for ``part`` of ``whole`` (re-asked only when the answer is not JSON of the schema's
    shape); raises _ChunkFailed with the reason."""
    import instructor
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    found = candidates.counts(part)
    offered_counts = [c for c in found if c.aside is None]
    offered = candidates.choices(part, offered_counts)
    types = candidates.event_types(part, EVENT_TYPES, casualties=any(c.outcome for c in offered_counts))
    cited = candidates.speakers(part)
    stated = candidates.claims(part)
    sources = [*(sp.name for sp in cited), candidates.ARTICLE_SOURCE]
    calls_before = meter.calls
    said: list[str] = []  # the last answer's text: a question after it sees it (and reuses most of its KV cache)

    def ask(**request: Any) -> Any:
        completion = client.create(meter=meter, **request)
        said[:] = [completion.choices[0].message.content or ""] if completion.choices else []
        return completion

    create = instructor.patch(create=ask, mode=instructor.Mode.JSON_SCHEMA)
    context = {
        "sentences": part.numbered(),
        "publication_date": whole.publication_date.isoformat() if whole.publication_date else None,
        "speakers": "; ".join(f'"{_fence_safe(name)}"' for name in sources),
    }
    messages = templates.render(context)
    attempts = 0
    try:
        while True:  # re-asked with our own words (reask_message), not instructor's: see REASK
            attempts += 1
            try:
                answer: Answer = create(
                    response_model=_response_model(tuple(offered),
                                                   tuple(types),
                                                   tuple(dict.fromkeys(who for who, _ in stated))),
                    messages=messages,
                    max_retries=0,
                    temperature=0.0,
                    max_tokens=options.max_tokens,
                )
                break
            except InstructorRetryException as exc:
                invalid = _invalid_answer(exc)
                if invalid is None or attempts > options.max_retries:
                    raise
                messages = [*messages, *invalid]
    except IncompleteOutputException as exc:
        salvaged = _salvage_truncated(exc)
        if salvaged is None:
            raise _ChunkFailed(_reason(exc, whole.name), meter.calls - calls_before) from exc
        extraction = assemble(salvaged, part, found, cited, offered, stated)
        extraction.dropped.insert(0, "the model's answer was cut off at the token limit; what it had written is "
                                     "kept, fields it never reached show as not stated")
        _checked(extraction, part)
        _told_on_from_the_paragraph(extraction, offered_counts, offered, cited)
        return _settled(extraction, part, whole)
    except (InstructorRetryException, ProviderError) as exc:
        reason = _reason(exc, whole.name)
        if isinstance(exc, InstructorRetryException) and not _caused_by(exc, ProviderError):
            reason = f"{reason}, after {attempts} attempt{'s' if attempts != 1 else ''}"
        raise _ChunkFailed(reason, attempts) from exc
    extraction = assemble(answer, part, found, cited, offered, stated)
    _checked(extraction, part)
    if said and said[0].strip():
        _confirm(extraction, [*messages, {"role": "assistant", "content": said[0]}], create, templates, part,
                 stated)
        _others(extraction, messages, create, templates, part)
        _story(extraction, messages, create, templates, part, whole)
    _told_on_from_the_paragraph(extraction, offered_counts, offered, cited)
    return _settled(extraction, part, whole)


def _told_on_from_the_paragraph(extraction: Extraction, counts: Sequence[candidates.Count],
                                offered: Sequence[CountChoice], cited: Sequence[candidates.Speaker]) -> None:
    """A figure the model gave to the article itself, whose sentence attributes it to no one and follows one speaker
    in its paragraph (its only other source option, ``candidates.said_before``), is that speaker's: a reporter
    attributes once and goes on telling. The annotators gave 58 of the 72 such counts of the development sets to
    that speaker; the model had chosen the article for 17 of those 58 (and for 2 of the other 14). After the focused
    questions, which read a figure with a source as a source's rival toll: only the brief's attribution changes."""
    sources: dict[tuple[int, int | None], tuple[str, ...]] = {
        (c.sentence, c.start): choice.sources for c, choice in zip(counts, offered, strict=True)}
    speakers = {sp.name: sp for sp in cited}
    for inc in extraction.incidents:
        for fig in inc.figures:
            options = sources.get((fig.sentence, fig._start), ())
            if fig.according_to is None and len(options) == 2 and options[1] == candidates.ARTICLE_SOURCE:
                fig.according_to = options[0]
        known = {(s.name, s.outlet) for s in inc.sources}
        for name in dict.fromkeys(f.according_to for f in inc.figures if f.according_to):
            source = _named_source(speakers[name]) if name in speakers else None
            if source is not None and (source.name, source.outlet) not in known:
                inc.sources.append(source)


def _named_source(speaker: candidates.Speaker) -> NamedSource:
    """An incident's source as the brief lists it: an outlet that spoke for itself ("..., AFP reported") is the
    outlet alone."""
    return NamedSource(name=None if speaker.outlet == speaker.name else speaker.name, role=None, outlet=speaker.outlet)


def _checked(extraction: Extraction, part: Article) -> None:
    """An answer as assembled, grounded in the article, less the names it gives that are not the incident's:
    before any focused question, for a whole answer and for one cut off at the token limit alike."""
    ground(extraction, part)
    _names_not_the_incidents(extraction, part)


def _settled(extraction: Extraction, part: Article, whole: Article) -> Extraction:
    """The extraction after the questions (or without them): no incident where the article reports no attack, the
    main incident's attackers in the article's words, and each incident's summary."""
    _no_attack_told(extraction, whole)
    _totals_apart(extraction, part)
    _attackers_of_main(extraction, part)
    _attacker_not_a_place(extraction)  # code's reading of the doer too: "a car bomb in east Beirut has killed"
    _summaries(extraction, part)
    return extraction


def _totals_apart(extraction: Extraction, part: Article) -> None:
    """Where the article's incidents are told apart, a count of several of them together ("killed at least 27
    people in two separate attacks", ``candidates.counts_several_attacks``) is no incident's toll: the
    annotation guide keeps it apart as the article's total, and left on the first incident it became that
    incident's largest figure (found8 959, found9 987). The brief says it was set apart, and why."""
    if len(extraction.incidents) < 2:
        return
    for inc in extraction.incidents:
        kept: list[Figure] = []
        for fig in inc.figures:
            sentence = part.sentence(fig.sentence)
            words = candidates.counts_several_attacks(sentence.text) if sentence is not None else None
            if words is None:
                kept.append(fig)
                continue
            extraction.dropped.append(f"S{fig.sentence} {fig.amount!r} {fig.outcome}: counts several attacks "
                                      f"together ({words!r}), the article's total, not one incident's")
        if len(kept) < len(inc.figures):
            inc.sources = _cited_by(inc.sources, kept)
        inc.figures = kept


def _cited_by(sources: Sequence[NamedSource], figures: Sequence[Figure]) -> list[NamedSource]:
    """The ``sources`` some of ``figures`` are given to: what an incident cites once figures moved or left it."""
    used = {f.according_to for f in figures if f.according_to}
    return [s for s in sources if (s.name or s.outlet) in used]


def _no_incident(extraction: Extraction, why: str) -> None:
    """The article reports no incident after all (``_no_attack_told``, ``_story``), and the brief says why."""
    extraction.dropped.append(why)
    extraction.incidents = []
    extraction.is_incident_report = False


def _no_attack_told(extraction: Extraction, whole: Article) -> None:
    """No incident: the article gives no count of anyone hurt, taken or unhurt, and its opening tells no act of
    attack ("Four men found guilty of plotting a second round of London bombings in July 2005 were sentenced",
    "Judge delays trial of Triangle terrorism suspects": found3 527, found2 434). A story about an attack, a trial
    or a plot, which the small model still files as the attack; a report of one tells what was done."""
    if not extraction.incidents or any(inc.figures for inc in extraction.incidents):
        return
    if any(candidates.reports_an_attack(s.text) for s in candidates.opening(whole)):
        return
    _no_incident(extraction, "no count of anyone hurt and no act of attack in the opening sentences: the article "
                             "tells of an attack, it does not report one; no incident")


def _names_not_the_incidents(extraction: Extraction, part: Article) -> None:
    """Names the model gave that the article does not give to the incident, left out and listed: a perpetrator or
    place of another time, a perpetrator that is the target, a group no sentence ties to an unclaimed attack."""
    _named_of_this_time(extraction, part)
    _attacker_not_target(extraction)
    _attacker_not_a_place(extraction)
    _attacker_untied(extraction, part)


def _named_of_this_time(extraction: Extraction, part: Article) -> None:
    """A perpetrator or a place the article names only where it tells of another time or of other attacks is not
    the incident's: "since the death of former Taliban leader Mullah Akhtar Mansour in a U.S. drone strike last
    month" and "The Taliban claimed both those attacks" do not make the Taliban a bombing's attacker when the
    article says no one has claimed it (develop 004); "Those bombings took place in Shuala" does not place a Sadr
    City bombing in Shuala (merge 203, whose place then kept it from the other reports of its attack). The same
    reading as for counts (``candidates.other_times``); a place left empty is the lede's (``reconcile``). Not a
    perpetrator a sentence names as the attacker (``candidates.identifies_the_attacker``)."""
    elsewhen = candidates.of_another_time(part)
    sentences = part.trusted().sentences
    for n, inc in enumerate(extraction.incidents):
        for field, ignore in (("perpetrator", GENERIC_ACTOR), ("place", None)):
            value = getattr(inc, field)
            if not value:
                continue
            naming = [s for s in sentences if not missing_words(value, s.text, ignore)]
            if field == "perpetrator" and any(candidates.identifies_the_attacker(s.text) for s in naming):
                continue  # the attacker named as such, in the days of the arrest or with a year of their life
            if naming and all(s.id in elsewhen for s in naming):
                extraction.dropped.append(
                    f"incidents[{n}]: {field} {value!r} is named only where the article tells of another time or "
                    f"other attacks ({', '.join(f'S{s.id}' for s in naming)})")
                setattr(inc, field, None)
                setattr(inc, f"{field}_sentence", None)


def _attacker_untied(extraction: Extraction, part: Article) -> None:
    """A group the model named as the perpetrator of an attack the article says no one has claimed, where no
    sentence of the incident's time ties it to an attack (``candidates.tied_to_an_attack``), is background: "There
    was no immediate claim of responsibility. Al Qaeda-linked al Shabaab militants have previously targeted the
    same location"; "on the island of Jolo, a stronghold of the Abu Sayyaf". The annotation guide keeps
    accusations in notes; a small model copies the one group the article names."""
    if not extraction.incidents or not candidates.none_claimed(part):
        return
    for n, inc in enumerate(extraction.incidents):
        if (inc.perpetrator and not inc.claimed_by and re.search(r"\b[A-Z]", inc.perpetrator)
                and not candidates.tied_to_an_attack(inc.perpetrator, part)):
            extraction.dropped.append(f"incidents[{n}]: perpetrator {inc.perpetrator!r}: no sentence of the "
                                      "incident's time ties it to an attack no one has claimed")
            inc.perpetrator = inc.perpetrator_sentence = None


def _attacker_not_target(extraction: Extraction) -> None:
    """A perpetrator the model also gave as the target is the victims copied into the wrong field ("At least three
    Levies personnel were killed ... after their vehicle hit a landmine": perpetrator and target "Levies
    personnel"). Nobody attacks themselves, so the perpetrator is left to a claim or to the attackers the article
    names (``_attackers_of_main``, ``reconcile``)."""
    for n, inc in enumerate(extraction.incidents):
        if inc.perpetrator and inc.target and f" {fold(inc.perpetrator)} " in f" {fold(inc.target)} ":
            extraction.dropped.append(f"incidents[{n}]: perpetrator {inc.perpetrator!r} is the target the model gave "
                                      f"({inc.target!r}), not who attacked it")
            inc.perpetrator = inc.perpetrator_sentence = None


def _attacker_not_a_place(extraction: Extraction) -> None:
    """A perpetrator that is, whole, a town or a division of the incident's country (``gazetteer.is_a_place``) is
    where the attack was, not who did it ("a car bomb in east Beirut has killed at least 8": perpetrator "Beirut",
    found8 966, where the words were code's: ``_attackers_of_main``). A country stays: a state is an attacker of
    airstrikes."""
    for n, inc in enumerate(extraction.incidents):
        if inc.perpetrator and is_a_place(inc.perpetrator, inc.country):
            extraction.dropped.append(f"incidents[{n}]: perpetrator {inc.perpetrator!r} is a place, not who attacked")
            inc.perpetrator = inc.perpetrator_sentence = None


def _attackers_of_main(extraction: Extraction, part: Article) -> None:
    """The main incident's attackers in the article's words where the model named none and no group claimed it
    (a claimant is the perpetrator then, ``reconcile``). A small model leaves the perpetrator empty when the
    article has no group's name ("Gunmen stormed", "kidnapped by bandits"), though those words are what the
    annotation guide files as the perpetrator; code finds the doer of the attack (``candidates.attackers_named``)
    after the questions, so no request changes. The sentence is the citation, as for a name the model gave."""
    if not extraction.incidents:
        return
    main = extraction.incidents[0]
    if main.perpetrator or main.claimed_by or (found := candidates.attackers_named(part)) is None:
        return
    main.perpetrator, main.perpetrator_sentence = found


def _is_prose(text: str) -> bool:
    """A sentence of running text: three words in lower case or more. A byline or date line ("March 06,
    2009|By The Washington Post"), a photo credit or a dateline alone is no lede."""
    return len(re.findall(r"\b[a-z][a-z'’-]+\b", text)) >= 3


def _summaries(extraction: Extraction, part: Article) -> None:
    """Each incident's summary is a sentence of the article, not the model's words: the main incident's is the
    lede (its first sentence that is not the headline line), another's the first sentence that gives its figures
    or names its place. A news lede already says who did what, where and with what toll; a small model that
    paraphrases it adds nothing but the chance of a wrong number ("killing 100 people and injuring 99 more" for
    a lede of 99 killed and 240 wounded, merge set), and writing it was about a fifth of every answer."""
    trusted = part.trusted().sentences
    lede = next((s for s in trusted if not is_title_line(s.id, s.text) and _is_prose(s.text)), None)
    for n, inc in enumerate(extraction.incidents):
        if inc.summary:
            continue
        ids = sorted({f.sentence for f in inc.figures} | ({inc.place_sentence} if inc.place_sentence else set()))
        sentence = lede if n == 0 else next((s for i in ids if (s := part.sentence(i)) is not None), None)
        if sentence is None:
            inc.summary = inc.headline
            continue
        inc.summary, inc.summary_in = sentence.text, sentence.id


# A source's words and a count's passive fate after it: "said ... 26 people were killed", "reported that over 50
# people were killed in the attack", "told ElShinta that four people were killed" (``to_confirm``). Narrower than
# ``candidates._SAY`` on purpose: "according to" alone ("Two children were killed by shrapnel from the explosions,
# according to Hamas", found8 972) and a witness who "saw" bodies leave the question asked.
_SAID = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|confirmed|confirms|stated)\b", re.I)
_SUFFERED = re.compile(r"^(?:\s+(?!(?:and|or|but)\b)[\w'’-]+){0,4}?\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been|"
                       r"are|is)\s+(?:\w+ly\s+)?(?:killed|dead|wounded|injured|hurt)|died|had\s+died|have\s+died|"
                       r"(?:had|have)\s+lost\s+their\s+lives)\b", re.I)
# More of the same toll: people who "were also killed", "also lost their lives", told in the passive or by what
# befell them, not by a new act ("rebels also shot and killed a police officer" in another district is asked). Asked,
# the model read 6 such counts of 4 articles as another event's, each the gold's main incident's (found22 1387, found23
# 1393, found26 1485, found10 1021); no count that was another's is told so. Not "also were shot", which says
# neither killed nor wounded: taken as killed, found21 1354's five wounded tourists became its largest toll.
_ALSO_SUFFERED = re.compile(r"\b(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+also|also\s+(?:were|was))\s+"
                            r"(?:\w+ly\s+)?(?:killed|wounded|injured|hurt)\b|"
                            r"\balso\s+(?:died|lost\s+(?:their|his|her)\s+lives?)\b", re.I)
RIVAL_SPREAD = 3.0
"""How far above the lede's toll a source's own figure may go and still be taken as its rival toll of the incident."""


# The toll, or the number of the dead said another way: "bringing the number of deaths to 21", "Later it put the
# number of dead in the hundreds" (found2 403, found3 521: asked, the model read both updates as another event's).
_TOLL = (r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:deaths|dead|fatalities|victims|casualties|people\s+killed|"
         r"those\s+killed))\b")


def to_confirm(extraction: Extraction, part: Article, stated: Sequence[tuple[str, int]]) -> list[Figure]:
    """The main incident's figures worth a focused question: those after the lede that would raise the incident's
    largest figure of their outcome above what its lede states (or, killed, stand alone where the lede gives no
    death toll; a wounded count where the lede gives none is how a report usually goes on, and asking about each
    cost a call and changed no score on either half of the dev set). A count of an earlier attack or of a war told
    further down ("about 100 Kenyans", "Nineteen people were killed in a similar attack") otherwise becomes the
    incident's headline toll; the lede's own counts and the smaller ones after it are not worth the tokens. A count
    in a sentence that claims the attack ("The Taliban claimed responsibility ..., saying 'more than 20 police' were
    killed") is the claimant's rival toll of this incident, so is a count the model gives to the attackers' own
    spokesman ("Taliban spokesman Zabiullah Mujahid" where the Taliban are the perpetrator: "more than 140 Afghan
    soldiers were killed", seed 001, which the question quoting its sentence read as another event), and a count
    given as "the death toll" or the number of the dead ("Local politicians placed the death toll at up to 42",
    "bringing the number of deaths to 21") is a source's toll of the incident the article is about, and so is a
    source's figure close to the lede's (up to ``RIVAL_SPREAD`` times it; a source the code reads, or a sentence that
    speaks of the toll: "The hospital's death toll conflicted with that of several media outlets, ... both of which
    reported 27 deaths", found13 1109, found7 909) in a sentence that tells no act of attack
    ("Kalonda, who said 13 people were killed" after a lede's "at least 12", "Another witness at the scene said she
    saw 18 bodies" after 15, "It added that 15 people were killed" after seven, a monitor's "at least eight" after
    three): none is asked about. Asked, the model read such rival figures as another event's; an older attack's
    or a war's toll is told with its own acts, or is larger (the spread went from 1.5 to 3 in row 32 of
    ``docs/accuracy.md``: no question whose "another event" was right went unasked on the sets we may read).
    Where the lede gives no toll, what a source said of the dead or hurt, in a sentence that tells no act of attack,
    is the first toll the article gives and is not asked about either: asked, the model read 10 of the 12 such
    figures of the development sets as another event's, 9 of them wrongly (found16 1191, found15 1178).
    People the toll's sentence says "were also killed" (``_ALSO_SUFFERED``) are more of it, and not asked about either.
    ``stated``: the article's stated claims (``candidates.claims``), read once per request."""
    if not extraction.incidents:
        return []
    claimed = {sentence for _, sentence in stated}

    def largest(fig: Figure) -> int | None:
        amount = parse_amount(fig.amount)
        p = point(amount) if amount is not None else None
        return p[1] if p else None

    figures = [f for f in extraction.incidents[0].figures if f.outcome in ("killed", "wounded")]
    lede: dict[str, int] = {}
    for f in figures:
        if f.sentence in part.lede and f.group != "militants" and (n := largest(f)) is not None:
            lede[f.outcome] = max(lede.get(f.outcome, 0), n)

    def the_toll(fig: Figure) -> bool:
        sentence = part.sentence(fig.sentence)
        return sentence is not None and bool(re.search(rf"{_TOLL}[\w\s]{{0,20}}?{re.escape(fig.amount)}",
                                                       sentence.text, re.I))

    attackers = [n for n in (extraction.incidents[0].perpetrator, extraction.incidents[0].claimed_by)
                 if n and set(name_words(n)) - GENERIC_ACTOR]

    def the_attackers_account(fig: Figure) -> bool:
        return fig.according_to is not None and any(not missing_words(n, fig.according_to, GENERIC_ACTOR)
                                                     for n in attackers)

    def a_rival_figure(fig: Figure, n: int) -> bool:
        sentence = part.sentence(fig.sentence)
        if sentence is None or candidates.tells_an_act_of_attack_anew(sentence.text):
            return False
        if fig.outcome not in lede:
            # no toll in the lede to measure it by: what a source said of the dead or hurt ("Interior Secretary
            # Alberto Iribarne said late Monday that 26 people were killed", "local media said two or three people
            # had lost their lives in the attack") is a source's toll of the incident
            at = sentence.text.find(fig.amount)
            return (fig.according_to is not None and at >= 0 and bool(_SAID.search(sentence.text))
                    and bool(_SUFFERED.match(sentence.text[at + len(fig.amount):])))
        return ((fig.according_to is not None or bool(re.search(_TOLL, sentence.text, re.I)))
                and n <= lede[fig.outcome] * RIVAL_SPREAD)

    def more_of_the_toll(fig: Figure) -> bool:
        sentence = part.sentence(fig.sentence)
        return (sentence is not None and bool(_ALSO_SUFFERED.search(sentence.text))
                and not candidates.tells_a_new_attack(sentence.text)
                and not candidates.turns_to_another_event(sentence.text))

    return [f for f in figures if f.sentence not in part.lede and f.group != "militants" and f.sentence not in claimed
            and not the_toll(f) and not the_attackers_account(f) and not more_of_the_toll(f)
            and (n := largest(f)) is not None
            and n > lede.get(f.outcome, 0) and (f.outcome == "killed" or f.outcome in lede)
            and not a_rival_figure(f, n)]


T = TypeVar("T")


def _focused(create: Callable[..., Any], response_model: type[T], messages: list[dict[str, str]], max_tokens: int,
             extraction: Extraction, part: Article, failed: str) -> T | None:
    """One focused question after an article's request (``_confirm``, ``_story``, ``_others``), greedy and never
    re-asked; a question that fails leaves what the answer said as it was, and the brief says so (``failed``: what
    the question was, then what was kept)."""
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    try:
        reply: T = create(response_model=response_model, messages=messages, max_retries=0, temperature=0.0,
                          max_tokens=max_tokens)
    except (InstructorRetryException, IncompleteOutputException, ProviderError) as exc:
        what, _, kept = failed.partition("{reason}")
        extraction.dropped.append(f"{what}{_reason(exc, part.name)}{kept}")
        return None
    return reply


def _confirm(extraction: Extraction, conversation: list[dict[str, str]], create: Callable[..., Any],
             templates: Templates, part: Article, stated: Sequence[tuple[str, int]]) -> None:
    """Ask, after the article's request and the model's own answer (``conversation``), one short question per
    figure ``to_confirm`` picks. The article's KV cache is reused; the answer, read back, is tokenized a little
    differently from how it was generated, so part of it is evaluated again (about 230 prompt tokens a question
    in all, against about 100 without the answer; without it the model confirmed fewer wrong counts: measured
    in docs/accuracy.md, row 10);
    a figure the model then reads as another event's leaves the incident and is listed among the unused
    counts. A question that fails keeps the figure, and says so."""
    for fig in to_confirm(extraction, part, stated):
        main = extraction.incidents[0]
        sentence = part.sentence(fig.sentence)
        question = templates.question({"count": fig.amount, "sentence": fig.sentence, "outcome": fig.outcome,
                                       "headline": main.headline, "text": sentence.text if sentence else ""})
        reply = _focused(create, SameIncident, [*conversation, question], CONFIRM_TOKENS, extraction, part,
                         f"S{fig.sentence} {fig.amount!r}: the question whether it is the incident's failed "
                         "({reason}); kept")
        if reply is not None and not reply.same_incident:
            main.figures = [f for f in main.figures if f is not fig]
            extraction.unused.append(f"S{fig.sentence} {fig.amount!r}: {fig.outcome}, asked on its own the model "
                                     "read it as another event than the incident's; not counted")


STORY_TOKENS = 12


def _story(extraction: Extraction, request: list[dict[str, str]], create: Callable[..., Any],
           templates: Templates, part: Article, whole: Article) -> None:
    """Ask, right after the article's ``request``, whether it is news of an attack at all (``prompts/story.j2``), where
    its opening has words of a story about one (``candidates.story_words``: a trial, a sentence, an anniversary, a
    memorial, a plot foiled, a report of half a year's figures; peace talks, a truce, an index, a year's statistics), or
    a year three or more before its publication (``candidates.older_year``: a film review that opens on a hijacking of
    1976). The small model's answer filed every such story as the attack it tells of, with the old attack's toll as news
    (8 of the 12 non-incident articles of the three unseen sets: "sentenced ... because of his role in the 1998
    bombings", "will spend the anniversary quietly remembering the 14 students"); asked this one question apart, it read
    5 of the 9 such stories its words flag as no news of an attack, and all 4 reports they flag as news
    (``docs/accuracy.md``, row 31); with talks, truces and a year's figures, 4 more stories of the development sets and
    2 of the blind found10, and the 3 reports flagged stayed reports (row 35). An article the model reads as no news of
    an attack has no incident; the opening's words are only a reason to ask (reports have "mourners" and "the
    anniversary of" too). Asked of the part that holds the opening only. Not asked, and no incident: a court's story
    (``candidates.court_words``), and a story whose answer counts no one killed or wounded (a plot foiled with arrests:
    the model filed found3 528 and found4 629 as the attack they were to be; the reports the words flag all count their
    dead). Not asked, and left as news: an attack "foiled" whose answer counts dead or wounded (``stopped_attack``)."""
    opening = whole.trusted().sentences[:1]
    if not extraction.incidents or not opening or part.sentence(opening[0].id) is None:
        return
    if court := candidates.court_words(whole):
        # a court's story is not asked: the model read two of the three sentences of the sets we may read as news
        _no_incident(extraction, f"the opening tells what a court did over an attack ({court!r}), not the news of "
                                 "one: no incident")
        return
    words = candidates.story_words(whole) or candidates.older_year(whole)
    if words is None:
        return
    counted = any(f.outcome in ("killed", "wounded") for inc in extraction.incidents for f in inc.figures)
    if counted and candidates.stopped_attack(words):
        return  # an attack "foiled" in a fight that killed or wounded people happened (``candidates.stopped_attack``)
    if not counted:
        _no_incident(extraction, f"the opening has a story's words ({words!r}) and the article counts no one killed or "
                                 "wounded: a story about an attack, not the news of one; no incident")
        return
    reply = _focused(create, NewAttack, [*request, templates.question({}, "story")], STORY_TOKENS, extraction, part,
                     f"the question whether the article is news of an attack ({words!r} in its opening) failed "
                     "({reason}); left as it was")
    if reply is None or reply.new_attack:
        return
    _no_incident(extraction, f"asked whether the article is news of an attack ({words!r} in its opening), the "
                             "model read it as a story about an older attack or one that did not happen: no "
                             "incident")


OTHER_TOKENS = 24
MAX_OTHER_QUESTIONS = 3


def other_event_sentences(extraction: Extraction, part: Article) -> dict[int, list[Figure]]:
    """Sentence id -> the main incident's figures after the lede that may tell another incident: their sentence
    places them in another division (``reconcile.placed_elsewhere``) or at a town the gazetteer knows that is not
    the incident's and does not name the incident's place, or opens by turning to another event ("Also
    Thursday, ...", "In a separate attack", ``candidates.turns_to_another_event``). Other incidents reported as
    news were the model's blind spot: in the recorded develop half it never listed one, and counted "two roadside
    bombs blew up in western Baghdad, wounding several" as the Hillah bombing's. Counts the answer or the
    confirming question already read as another event are not offered: asked again, the model could not tell
    another incident of the same days from an earlier one or a total (measured: docs/accuracy.md, row 11). A
    sentence that opens on another weekday than the incident's ("Last Monday, ...") is picked too, and so is a
    sentence with no count at all that tells an attack (``candidates.tells_an_attack``) in one of these ways and
    not in another time (row 27)."""
    if not extraction.incidents:
        return {}
    main = extraction.incidents[0]
    resolved = resolve_incident(main, part)
    elsewhere = {(f.citation.sentence, f.amount_text) for f in resolved.figures
                 if placed_elsewhere(f, resolved, part) is not None}
    names = (main.place, resolved.province, main.province)
    own = [_norm(x) for x in names if x]

    def elsewhere_placed(text: str) -> bool:
        named = [_norm(x) for x in places_named(text, resolved.country)]
        return bool(named) and not any(n in o or o in n for n in named for o in own) and not names_any(text, names)

    days = (main.date_text or "").lower()

    def another_day(text: str) -> bool:
        day = candidates.opening_day(text)
        return day is not None and day not in days

    found: dict[int, list[Figure]] = {}
    for fig in main.figures:
        sentence = part.sentence(fig.sentence)
        if sentence is None or fig.sentence in part.lede:
            continue
        if ((fig.sentence, fig.amount) in elsewhere or candidates.turns_to_another_event(sentence.text)
                or elsewhere_placed(where_it_happened(sentence.text, fig.according_to))
                or another_day(sentence.text)):
            found.setdefault(fig.sentence, []).append(fig)
    # Sentences with no count that tell an attack apart from the main one: the secondary incidents a round-up
    # reports with no count ("insurgents also attacked a position ... at Chai", "Last Tuesday there was an attack
    # against ...") were never asked about, and the model's answer lists other incidents rarely. A sentence with
    # a count is asked about above or not at all (the answer or the confirming question read it).
    told = {count.sentence for count in candidates.counts(part)}
    told |= {n for inc in extraction.incidents for n in (inc.place_sentence, inc.perpetrator_sentence) if n}
    another_time = candidates.of_another_time(part)
    for s in part.trusted().sentences:
        if (s.id in part.lede or s.id in told or s.id in another_time or not candidates.tells_an_attack(s.text)
                or candidates.points_back_to_the_attack(s.text)):
            continue
        if (candidates.turns_to_another_event(s.text) or elsewhere_placed(where_it_happened(s.text, None))
                or another_day(s.text)):
            found[s.id] = []
    return dict(sorted(found.items()))


_WEEKDAYS = re.compile(WEEKDAY, re.I)


def another_days_attacks(extraction: Extraction, part: Article) -> set[int]:
    """The sentences of the main incident's counts, after the lede, that open on a weekday other than the one
    its date names and tell an attack of their own (``candidates.tells_a_new_attack``): "On Monday one person
    was killed and 18 injured ... by a bomb planted in a noodle shop" under Friday's shooting. Asked whether such
    a sentence was the same attack, the model said yes for both it was asked about in the sets we develop on
    (found8 961, 970: a bombing of the next day, one of three days before; extra 217's older bombing was read
    apart already); a different day is a different attack, so the question only asks its type
    (``other_event_model(another=True)``)."""
    if not extraction.incidents:
        return set()
    main = extraction.incidents[0]
    days = {d.lower() for d in _WEEKDAYS.findall(main.date_text or "")}
    if not days:
        return set()
    found: set[int] = set()
    for fig in main.figures:
        sentence = part.sentence(fig.sentence)
        if sentence is None or fig.sentence in part.lede:
            continue
        day = candidates.opening_day(sentence.text)
        if day is not None and day not in days and candidates.tells_a_new_attack(sentence.text):
            found.add(fig.sentence)
    return found


_DATE_WORDS = re.compile(r"\b(?:(?:late|early)\s+(?:on\s+)?)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b|\b(?:yesterday|today|last night)\b|"
                         r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")


def _named(inc: Incident) -> str:
    """How a focused question names incident 1: by its type and place when it has a place, not by the headline
    the model copied, which in a round-up of a day's attacks speaks of all of them ("Islamic State bombs kill
    80 in deadliest Baghdad attacks this year", merge 213) and so makes every attack of the day "the same"."""
    if not inc.place:
        return f'"{inc.headline}"'
    kind = {"other": "attack"}.get(inc.event_type, _KIND.get(inc.event_type, inc.event_type.replace("_", " ")))
    return f"the {kind} at {inc.place}"


_KIND = {"other": "another incident", "raid_on_facility": "raid", "offensive_on_city": "offensive",
         "massacre_of_captives": "massacre", "rocket_or_mortar": "rocket or mortar fire"}
"""How a headline code writes names an event type ("Another incident in Helmand", not "Other in Helmand")."""


def _others(extraction: Extraction, request: list[dict[str, str]], create: Callable[..., Any],
            templates: Templates, part: Article) -> None:
    """Ask, right after the article's ``request`` (not after the answer), whether each sentence
    ``other_event_sentences`` picks (three at most) tells the main incident or another one (``prompts/other.j2``),
    and for another, its type among those the sentence's words speak of. Another incident is built by code from
    that sentence: its figures move there, its place is what the sentence places (``gazetteer.places_named``),
    its date what the sentence says, its attackers those the sentence names as doing it (``candidates.attackers_in``),
    its summary the sentence itself (``told_in``); sentences that place it in
    the same place make one incident. On the develop half's 19 late count sentences of main incidents the
    same-attack question was right for 15 after the answer and for 18 without it, which also spares reading the
    answer again (about 130 prompt tokens less); offered three choices (main, another, earlier) instead, the
    model called 17 of them "another incident" (row 11). A sentence of another day's attack, or one that opens
    on "In another attack" or tells "a separate firefight" (``candidates.opens_on_another_attack``), is another
    incident by the schema."""
    if not extraction.incidents:
        return
    main = extraction.incidents[0]
    built: dict[str, Incident] = {}
    another_day = another_days_attacks(extraction, part)
    for sid, figures in list(other_event_sentences(extraction, part).items())[:MAX_OTHER_QUESTIONS]:
        sentence = part.sentence(sid)
        assert sentence is not None
        types = candidates.types_in(sentence.text, EVENT_TYPES, casualties=bool(figures))  # its counts are victims
        question = templates.question({"sentence": sid, "text": sentence.text, "incident": _named(main)}, "other")
        another = sid in another_day or candidates.opens_on_another_attack(sentence.text)
        answer_model = other_event_model(tuple(types), another=another)
        reply = _focused(create, answer_model, [*request, question], OTHER_TOKENS, extraction,
                         part, f"S{sid}: the question whether it tells another incident failed ({{reason}}); left "
                         "as it was")
        if reply is None or reply.same_incident:
            continue
        doers = candidates.attackers_in(sentence.text)  # "insurgents also attacked a position at Chai"
        if not figures and reply.event_type == "other" and doers is None:
            # no one hurt, no attacker and type "other": schema.ground's rule for the model's incidents of that type
            # ("Several schools had closed early ... after rumors circulated of a possible attack", develop 002); a
            # violent type with no place stays, since a built incident's place is only one the gazetteer knows
            extraction.dropped.append(f"S{sid}: read as another event, but it tells no one hurt, no attacker and "
                                      "no violent event: no incident")
            continue
        places = places_named(sentence.text, main.country)
        place = places[0] if places else None
        slot = f"{_norm(place)} {reply.event_type}" if place else f"S{sid}"  # one incident per town and kind
        inc = built.get(slot)
        if inc is None:
            when = _DATE_WORDS.search(sentence.text)
            inc = Incident(
                headline=f"{_KIND.get(reply.event_type, reply.event_type.replace('_', ' ')).capitalize()}"
                         f"{f' in {place}' if place else ''}",
                summary=sentence.text, event_type=reply.event_type, date_text=when.group(0) if when else None,
                country=main.country, province=None, place=place, place_sentence=sid if place else None,
                perpetrator=doers, perpetrator_sentence=sid if doers else None, target=None, claimed_by=None,
                claim_sentence=None, told_in=sid)
            built[slot] = inc
            extraction.incidents.append(inc)
        moved = {id(f) for f in figures}
        inc.figures.extend(figures)
        main.figures = [f for f in main.figures if id(f) not in moved]
    if not built:
        return
    cited = list(main.sources)
    kept = {f.according_to for f in main.figures}
    moved_only = {f.according_to for inc in built.values() for f in inc.figures} - kept
    main.sources = [s for s in cited if (s.name or s.outlet) not in moved_only]
    for inc in built.values():
        inc.sources = _cited_by(cited, inc.figures)


def assemble(answer: Answer, part: Article, found: Sequence[candidates.Count],
             cited: Sequence[candidates.Speaker], offered: Sequence[CountChoice],
             stated: Sequence[tuple[str, int]]) -> Extraction:
    """The model's answer as an ``Extraction``: each count it labelled with an incident and an outcome becomes
    a figure of that incident, with what code read of it where it could and the model's choice among the options
    ``offered`` (``candidates.choices``, as the request asked them) where it could not; each incident's sources
    are the attributions its figures use; the first claim of responsibility a sentence states (``stated``, from
    ``candidates.claims``) is the main incident's when the model named none. Counts it read as no victims (but
    those whose clause says killed or wounded) or as another event are noted."""
    speakers = {sp.name: sp for sp in cited}
    options = {c.key: c for c in offered}
    labels = answer.labels()
    incidents = [Incident(**inc.model_dump()) for inc in answer.incidents]
    unused: list[str] = []
    for count in found:
        if count.aside is not None:
            unused.append(f"S{count.sentence} {count.shown!r}: {count.aside}")
            continue
        label = labels.get(count.key)
        if label is None or label.incident is None:
            unused.append(f"S{count.sentence} {count.shown!r}: not labelled in the answer")
            continue
        outcome = label.outcome if label.outcome in options[count.key].outcomes else count.outcome
        zero = candidates.zero_outcomes(count)
        if zero and outcome not in zero:
            # "no casualties": the model's "no victims" is the count itself, a toll of 0; and the words say which
            # toll is none, whatever the model read ("No injuries were reported" labelled killed: found18 1255, 1260)
            outcome = zero[0]
        elif outcome == "none" and count.outcome is not None:
            # The count's own clause says what befell them ("killing 13 policemen"): the model's "no victims" was
            # its one right answer for such counts in no article of the development sets, and its wrong one where
            # it labelled every count so (found10 1024) or read the wounded of a crash as none (found8 973).
            outcome = count.outcome
        if outcome is None or outcome == "none":
            unused.append(f"S{count.sentence} {count.shown!r}: read as no victims")
            continue
        if not 1 <= label.incident <= len(incidents):
            unused.append(f"S{count.sentence} {count.shown!r}: {outcome}, read as another event than the "
                          "incidents listed")
            continue
        sources = options[count.key].sources
        source = label.source if label.source in sources else sources[0]
        group = count.group or (label.group if label.group in candidates.ALL_GROUPS else "unknown")
        # "no casualties" is a toll of 0 for the killed and for the wounded, whichever the model read it as
        for each in dict.fromkeys([outcome, *(zero if outcome in zero else ())]):
            figure = Figure.model_validate({
                "sentence": count.sentence, "amount": count.amount, "outcome": each, "group": group,
                "according_to": None if source == candidates.ARTICLE_SOURCE else source})
            figure._start = count.start
            incidents[label.incident - 1].figures.append(figure)
    if incidents and not incidents[0].claimed_by and stated:
        incidents[0].claimed_by, incidents[0].claim_sentence = stated[0]
    restated: list[str] = []
    incidents = _without_restatements(incidents, restated)
    for inc in incidents:
        used = dict.fromkeys(f.according_to for f in inc.figures if f.according_to)
        inc.sources = [_named_source(speakers[name]) for name in used]
    extraction = Extraction(is_incident_report=answer.is_incident_report, incidents=incidents)
    extraction.unused.extend(unused)
    extraction.dropped.extend(restated)
    return extraction


def _without_restatements(incidents: list[Incident], notes: list[str]) -> list[Incident]:
    """The incidents less those that only restate an earlier one: no figure of their own, and the same place
    (or province) as an incident before them. A small model may describe the main attack twice, once per
    paragraph that tells it; a second attack elsewhere, or one with its own counts, stays."""
    kept: list[Incident] = []
    for inc in incidents:
        where = _norm(inc.place) or _norm(inc.province)
        first = next((k for k in kept if where and where in (_norm(k.place) or _norm(k.province))), None)
        if first is not None and not inc.figures:
            notes.append(f"incident {inc.headline!r} restates {first.headline!r} (same place, no count of its own)")
            continue
        kept.append(inc)
    return kept


@functools.lru_cache(maxsize=256)
def _response_model(choices: tuple[CountChoice, ...], event_types: tuple[str, ...],
                    claimants: tuple[str, ...] | None = None) -> type[Answer]:
    """``answer_model`` for these count choices, event types and claimants, as instructor wraps it, its schema made
    once.

    Left to itself, instructor wraps the response model in a new class and pydantic rebuilds the JSON schema on
    every request (and re-asks): the wrapped class is the one instructor would make (``openai_schema`` skips
    wrapping a class it wrapped already); its ``model_json_schema`` hands out a fresh copy of the schema made
    once, since instructor puts it into the request. The request is byte-identical, so caches and recordings
    still answer it."""
    import instructor
    from pydantic import BaseModel

    wrapped: type[Answer] = instructor.openai_schema(answer_model(choices, event_types, claimants))
    frozen = json.dumps(wrapped.model_json_schema())
    build = BaseModel.model_json_schema.__func__  # type: ignore[attr-defined]

    def model_json_schema(cls: type[Answer], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:
            return build(cls, *args, **kwargs)  # type: ignore[no-any-return]
        schema: dict[str, Any] = json.loads(frozen)
        return schema

    setattr(wrapped, "model_json_schema", classmethod(model_json_schema))  # noqa: B010 (mypy: no method assignment)
    return wrapped


def summarize_article(article: Article, client: ExchangeClient, templates: Templates,
                      options: RunOptions = RunOptions()) -> Brief:
    meter = Usage()
    started = time.perf_counter()
    base: dict[str, Any] = {
        "article": article.name,
        "article_sha256": article.sha256,
        "publication_date": article.publication_date,
        "model": client.model_id,
        "provider": client.backend.provider,
        "template_hash": templates.hash,
        "warnings": _warnings(article),
        "set_aside": list(article.removed),
    }
    parts = chunks(article, options.chunk_tokens)
    if len(parts) > 1:
        base["warnings"].append(f"a long article ({len(article.text):,} characters): read in {len(parts)} parts "
                                "of whole sentences; incidents of the same type at the same place are merged")
    extractions: list[Extraction] = []
    for k, part in enumerate(parts):
        try:
            extractions.append(_extract(part, article, client, templates, options, meter))
        except _ChunkFailed as exc:
            where = "" if len(parts) == 1 else (
                f"part {k + 1} of {len(parts)} (S{part.sentences[0].id}–S{part.sentences[-1].id}): ")
            return Brief(**base, status="failed", error=where + exc.reason,
                         attempts=meter.calls if len(parts) > 1 else exc.attempts,
                         usage=meter, seconds=time.perf_counter() - started)
    extraction = extractions[0] if len(extractions) == 1 else merge(extractions)
    incidents = resolve(extraction, article)
    return Brief(
        **base,
        status="ok" if extraction.is_incident_report and incidents else "no_incident",
        incidents=incidents,
        left_out=extraction.dropped,
        unused_counts=extraction.unused,
        attempts=meter.calls,
        usage=meter,
        seconds=time.perf_counter() - started,
    )


def _norm(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def merge(extractions: Sequence[Extraction]) -> Extraction:
    """The incidents of an article's parts as one extraction: the same event type at the same place (as
    named) is one incident, with the figures and sources of every part and the first part's wording."""
    merged: list[Incident] = []
    by_key: dict[tuple[str, str], Incident] = {}
    for extraction in extractions:
        for inc in extraction.incidents:
            where = _norm(inc.place) or _norm(inc.province)
            key = (where, inc.event_type)
            first = by_key.get(key) if where else None
            if first is None:
                copy = inc.model_copy(deep=True)
                merged.append(copy)
                if where:
                    by_key[key] = copy
                continue
            seen = {f.identity() for f in first.figures}
            for fig in inc.figures:
                if fig.identity() not in seen:
                    first.figures.append(fig)
            first.sources += [src for src in inc.sources if src not in first.sources]
            for name in ("date_text", "country", "province", "place", "place_sentence", "perpetrator",
                         "perpetrator_sentence", "target", "claimed_by", "claim_sentence"):
                if getattr(first, name) is None and getattr(inc, name) is not None:
                    setattr(first, name, getattr(inc, name))
    out = Extraction(is_incident_report=bool(merged), incidents=merged)
    out._dropped = [note for e in extractions for note in e.dropped]
    out._unused = [note for e in extractions for note in e.unused]
    return out


_REQUIRED_TEXT = ("headline", "event_type")


def _salvage_truncated(exc: IncompleteOutputException) -> Answer | None:
    """What a cut-off answer (a small model repeating itself until the token limit) got right.

    The partial JSON is read as far as it goes: incidents and count labels the model finished are kept, fields
    it never reached are "not stated". None when no incident was finished: a cut-off answer is no evidence that
    there is none."""
    completion = getattr(exc, "last_completion", None)
    try:
        content = completion.choices[0].message.content or ""  # type: ignore[union-attr]
        data = from_json(content.encode(), allow_partial="trailing-strings")
    except (AttributeError, IndexError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    finished = [inc for inc in [data.get("incident"), *(data.get("other_incidents") or [])]
                if isinstance(inc, dict) and all(k in inc for k in _REQUIRED_TEXT)]
    incidents = [{k: inc.get(k) for k in IncidentAnswer.model_fields} for inc in finished]
    if not incidents:
        return None
    labels = data.get("counts")
    labels = labels if isinstance(labels, dict) else {}
    labelled = {k: v for k, v in labels.items() if isinstance(v, dict) and "incident" in v}
    try:
        return Answer.model_validate({"is_incident_report": True, "incident": incidents[0],
                                      "other_incidents": incidents[1:], "counts": labelled})
    except ValidationError:
        return None


Progress = Callable[[int, Input, Brief | None], None]
"""Called with (index, input, None) when an article starts and (index, input, brief) when it ends, always from
the thread that called ``summarize_inputs``. With concurrency, articles end in any order: the index says which."""


class Interrupted(Exception):
    """Ctrl-C during a batch; ``briefs`` are the articles that were finished before it, in input order."""

    def __init__(self, briefs: list[Brief], total: int) -> None:
        super().__init__(f"interrupted after {len(briefs)} of {total} article(s)")
        self.briefs = briefs
        self.total = total


@dataclass(frozen=True)
class _Batch:
    """What every article of a run shares."""

    client: ExchangeClient
    templates: Templates
    options: RunOptions
    briefs: BriefStore | None
    run: str  # the run's identity in brief-cache keys
    notify: Callable[[str], None] = lambda line: None
    _unsaved: list[str] = dataclasses.field(default_factory=list)  # why the brief cache could not be written
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def unsaved(self, exc: OSError) -> None:
        """A brief that could not go into the brief cache: said once a run (a full or read-only cache fails
        every write alike), and the run goes on; the next run summarizes those articles again."""
        with self._lock:
            self._unsaved.append(exc.strerror or str(exc))
            if len(self._unsaved) > 1:
                return
        where = self.briefs.root if self.briefs is not None else "the brief cache"
        self.notify(f"cannot write to the brief cache {where} ({exc.strerror or exc}): the briefs of this run are "
                    "not kept, and the next run will summarize these articles again")

    def failed(self, name: str, sha256: str | None, error: str) -> Brief:
        return Brief(article=name, article_sha256=sha256, status="failed", error=error, model=self.client.model_id,
                     provider=self.client.backend.provider, template_hash=self.templates.hash)


def summarize_inputs(inputs: Sequence[Input], client: ExchangeClient, templates: Templates,
                     options: RunOptions = RunOptions(), progress: Progress | None = None, *,
                     concurrency: int = 1, briefs: BriefStore | None = None,
                     notify: Callable[[str], None] | None = None) -> list[Brief]:
    """Briefs in input order. An input whose text was already summarized in this batch (same content)
    is not summarized again: its brief is a copy of the first one's, with ``duplicate_of`` naming it.

    ``concurrency``: how many articles are summarized at once, each in a worker thread (for a server, which
    answers requests in parallel; the local model uses every core for one article, so its caller keeps 1).
    The briefs, their order and the duplicates are the same as one at a time; only ``seconds`` differ.
    ``briefs``: the brief cache, consulted before any model work and filled with each ok or no-incident brief.
    ``notify``: told, in a line, what the run could not do but went on without (a brief cache it cannot write).
    Raises ``Interrupted`` (with the finished briefs) on Ctrl-C."""
    run = run_identity(provider=client.backend.provider, model=client.model_id,
                       templates=f"{templates.system}\0{templates.extract}",
                       options=dataclasses.asdict(options),
                       response_format=client.response_format_setting) if briefs is not None else ""
    batch = _Batch(client, templates, options, briefs, run, notify or (lambda line: None))
    done: dict[int, Brief] = {}
    try:
        if concurrency <= 1:
            _one_at_a_time(inputs, batch, done, progress)
        else:
            _concurrently(inputs, batch, done, progress, concurrency)
    except KeyboardInterrupt:
        raise Interrupted([done[i] for i in sorted(done)], len(inputs)) from None
    return [done[i] for i in range(len(inputs))]


@dataclass(frozen=True)
class _Todo:
    """An article to summarize (or to copy, when its text came earlier), and its brief-cache key."""

    article: Article
    key: str | None


def _open(item: Input, batch: _Batch, seen: Container[str]) -> Brief | _Todo:
    """A brief at once (the input cannot be read, or the brief cache has it), else the article to summarize.

    A cache hit needs only the input's bytes, not the article: reading an article (sentences, boilerplate,
    planted instructions) costs more than the rest of a hit together. A hit whose text came earlier in this
    batch (``seen``: text sha256s) is not taken: that input is a duplicate, with a brief of its own."""
    started = time.perf_counter()
    try:
        data = read_input(item)
    except ArticleError as exc:
        return batch.failed(item.name, None, str(exc))
    key = brief_key(batch.run, data, input_suffix(item)) if batch.briefs is not None else None
    if batch.briefs is not None and key is not None:
        cached = batch.briefs.get(key)
        if cached is not None and cached.article_sha256 not in seen:
            # As an exchange-cache hit would report it: every call answered from the cache, no model time.
            usage = cached.usage.model_copy(update={"cached_calls": cached.usage.calls, "model_seconds": 0.0})
            return cached.model_copy(update={"article": item.name, "usage": usage,
                                             "seconds": time.perf_counter() - started})
    try:
        return _Todo(load(item, data), key)
    except ArticleError as exc:
        return batch.failed(item.name, None, str(exc))


def with_metadata(brief: Brief, article: Article) -> Brief:
    """The brief with what the article's metadata says about it (title, outlet, url)."""
    meta = article.meta
    return brief.model_copy(update={"title": meta.title, "outlet": meta.outlet, "url": meta.url})


def _duplicate(first: Brief, article: Article) -> Brief:
    return with_metadata(first, article).model_copy(deep=True, update={
        "article": article.name, "duplicate_of": first.article, "attempts": 0, "usage": Usage(), "seconds": 0.0,
        "warnings": [*_warnings(article), f"same text as {first.article}: summarized once, brief repeated"]})


def _ask(todo: _Todo, batch: _Batch) -> Brief:
    """The brief from the model (and into the brief cache). Runs in worker threads: everything it touches is
    its own (the article, its usage meter, instructor's patched create) or safe to share (the stores write
    atomically, the openai client is thread-safe, templates and options are frozen)."""
    article = todo.article
    try:
        brief = with_metadata(summarize_article(article, batch.client, batch.templates, batch.options), article)
    except Exception as exc:  # a bug or an unforeseen provider error must not end the batch
        return batch.failed(article.name, article.sha256, f"internal error ({type(exc).__name__}): {exc}")
    brief.response_format = batch.client.response_format  # the format its requests went out in
    if batch.briefs is not None and todo.key is not None and brief.status != "failed":
        try:
            batch.briefs.put(todo.key, brief)
        except OSError as exc:  # a full or read-only cache costs the next run time, not this run its brief
            batch.unsaved(exc)
    return brief


def _import_model_side() -> None:
    """Import instructor and openai here, before worker threads need them: one thread imports a package tree
    while the others wait, rather than sixteen racing through its circular imports."""
    import instructor  # noqa: F401
    import openai.types.chat  # noqa: F401


def _one_at_a_time(inputs: Sequence[Input], batch: _Batch, done: dict[int, Brief], progress: Progress | None) -> None:
    first_with: dict[str, int] = {}  # text sha256 -> index of the first input with that text
    for i, item in enumerate(inputs):
        if progress:
            progress(i, item, None)
        opened = _open(item, batch, first_with)
        if isinstance(opened, Brief):
            brief = opened
            if brief.article_sha256 is not None:  # from the brief cache
                first_with[brief.article_sha256] = i
        elif opened.article.sha256 in first_with:
            brief = _duplicate(done[first_with[opened.article.sha256]], opened.article)
        else:
            first_with[opened.article.sha256] = i
            brief = _ask(opened, batch)
        done[i] = brief
        if progress:
            progress(i, item, brief)


_WORKER = "summarize-"  # the name of each ``--concurrency`` thread, then its input's index


def requests_in_flight() -> bool:
    """Whether ``--concurrency`` threads are still waiting for their server (after Ctrl-C)."""
    return any(t.daemon and t.name.startswith(_WORKER) and t.is_alive() for t in threading.enumerate())


def _concurrently(inputs: Sequence[Input], batch: _Batch, done: dict[int, Brief], progress: Progress | None,
                  workers: int) -> None:
    """Up to ``workers`` articles in flight, each in a thread of its own that asks the model; reading,
    de-duplicating, the brief cache and progress stay in this thread, in input order, so the outcome is the
    one-at-a-time outcome.

    The threads are daemons: after Ctrl-C the finished briefs are reported at once, and requests still in
    flight end with the process instead of holding it open until their server answers."""
    results: queue.Queue[tuple[int, Brief | BaseException]] = queue.Queue()
    first_with: dict[str, int] = {}
    waiting: dict[int, list[tuple[int, Article]]] = {}  # first index -> later inputs with its text
    running = 0

    def finish(i: int, brief: Brief) -> None:
        done[i] = brief
        if progress:
            progress(i, inputs[i], brief)
        for j, article in waiting.pop(i, []):
            finish(j, _duplicate(brief, article))

    def work(i: int, todo: _Todo) -> None:
        outcome: Brief | BaseException
        try:
            outcome = _ask(todo, batch)
        except BaseException as exc:  # reported in the calling thread, not lost with this one
            outcome = exc
        results.put((i, outcome))

    pending = iter(enumerate(inputs))
    more, imported = True, False
    while True:
        while more and running < workers:
            nxt = next(pending, None)
            if nxt is None:
                more = False
                break
            i, item = nxt
            if progress:
                progress(i, item, None)
            opened = _open(item, batch, first_with)
            if isinstance(opened, Brief):
                if opened.article_sha256 is not None:  # from the brief cache
                    first_with[opened.article_sha256] = i
                finish(i, opened)
            elif opened.article.sha256 in first_with:
                first = first_with[opened.article.sha256]
                if first in done:
                    finish(i, _duplicate(done[first], opened.article))
                else:
                    waiting.setdefault(first, []).append((i, opened.article))
            else:
                first_with[opened.article.sha256] = i
                if not imported:
                    _import_model_side()
                    imported = True
                threading.Thread(target=work, args=(i, opened), name=f"{_WORKER}{i}", daemon=True).start()
                running += 1
        if running == 0:
            return
        i, outcome = results.get()
        running -= 1
        if isinstance(outcome, BaseException):
            raise outcome
        finish(i, outcome)
