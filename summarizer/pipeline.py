"""One article → one ``Brief``; many articles → briefs in input order, whatever fails along the way.

Errors are data here: an unreadable file, a provider that gives up, a model whose answer never passes
grounding, each becomes a ``failed`` brief with the reason, and the batch carries on.
"""

from __future__ import annotations

import functools
import logging
import shlex
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import instructor
import jiter
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError

from summarizer.articles import Article, ArticleError, Input, load
from summarizer.llm import ExchangeClient, ProviderError, ReplayMiss
from summarizer.prompts import Templates
from summarizer.reconcile import resolve
from summarizer.schema import Brief, Extraction, Figure, Incident, NamedSource, Usage

MAX_TOKENS = 2048

# instructor logs every failed attempt at ERROR level; failures are reported in the briefs instead.
logging.getLogger("instructor").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class RunOptions:
    max_retries: int = 2
    max_tokens: int = MAX_TOKENS


def _reason(exc: BaseException, article: str) -> str:
    """The message a user (and a re-ask) needs, without pydantic's input dump."""
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


def summarize_article(article: Article, client: ExchangeClient, templates: Templates,
                      options: RunOptions = RunOptions()) -> Brief:
    meter = Usage()
    started = time.perf_counter()
    create = instructor.patch(create=functools.partial(client.create, meter=meter), mode=instructor.Mode.JSON_SCHEMA)
    context = {
        "article": article,
        "sentences": article.numbered(),
        "publication_date": article.publication_date.isoformat() if article.publication_date else None,
        # On the last attempt the validators keep what is grounded instead of asking again.
        "final_attempt": lambda: meter.calls >= options.max_retries + 1,
    }
    base: dict[str, Any] = {
        "article": article.name,
        "article_sha256": article.sha256,
        "publication_date": article.publication_date,
        "model": client.model_id,
        "provider": client.backend.provider,
        "template_hash": templates.hash,
    }
    try:
        extraction: Extraction = create(
            response_model=Extraction,
            messages=templates.messages(),
            context=context,
            max_retries=options.max_retries,
            temperature=0.0,
            max_tokens=options.max_tokens,
        )
    except IncompleteOutputException as exc:
        salvaged = _salvage_truncated(exc, context)
        if salvaged is None:
            return Brief(**base, status="failed", error=_reason(exc, article.name), attempts=meter.calls,
                         usage=meter, seconds=time.perf_counter() - started)
        extraction = salvaged
    except (InstructorRetryException, ProviderError) as exc:
        attempts = getattr(exc, "n_attempts", meter.calls) or meter.calls
        reason = _reason(exc, article.name)
        if isinstance(exc, InstructorRetryException) and not _caused_by(exc, ProviderError):
            reason = f"{reason}, after {attempts} attempt{'s' if attempts != 1 else ''}"
        return Brief(**base, status="failed", error=reason, attempts=attempts, usage=meter,
                     seconds=time.perf_counter() - started)
    incidents = resolve(extraction, article)
    return Brief(
        **base,
        status="ok" if extraction.is_incident_report and incidents else "no_incident",
        incidents=incidents,
        left_out=extraction.dropped,
        attempts=meter.calls,
        usage=meter,
        seconds=time.perf_counter() - started,
    )


_INCIDENT_FIELDS = tuple(Incident.model_fields)
_REQUIRED_TEXT = ("headline", "summary", "event_type")


def _salvage_truncated(exc: IncompleteOutputException, context: dict[str, Any]) -> Extraction | None:
    """Keep what a cut-off answer (a small model repeating itself until the token limit) got right.

    The partial JSON is read as far as it goes; incomplete figures and sources are dropped, fields the
    model never reached are "not stated", and the rest is grounded like a last attempt. The brief says the
    answer was cut off, so nobody mistakes a field it never reached for one the article leaves out.
    """
    completion = getattr(exc, "last_completion", None)
    try:
        content = completion.choices[0].message.content or ""  # type: ignore[union-attr]
        data = jiter.from_json(content.encode(), partial_mode="trailing-strings")
    except (AttributeError, IndexError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    incidents = []
    for inc in data.get("incidents") or []:
        if not isinstance(inc, dict) or any(k not in inc for k in _REQUIRED_TEXT):
            continue
        record = {k: inc.get(k) for k in _INCIDENT_FIELDS}
        record["figures"] = _complete(inc.get("figures"), len(Figure.model_fields))
        record["sources"] = _complete(inc.get("sources"), len(NamedSource.model_fields))
        incidents.append(record)
    if not incidents:
        return None  # nothing finished: a cut-off answer is no evidence that there is no incident
    try:
        extraction = Extraction.model_validate(
            {"is_incident_report": True, "incidents": incidents},
            context={**context, "final_attempt": lambda: True},
        )
    except ValidationError:
        return None
    extraction.dropped.insert(0, "the model's answer was cut off at the token limit; what it had written is kept, "
                                 "fields it never reached show as not stated")
    return extraction


def _complete(items: object, n_fields: int) -> list[dict[str, Any]]:
    """The entries of a partial list that the model finished writing."""
    if not isinstance(items, list):
        return []
    return [x for x in items if isinstance(x, dict) and len(x) == n_fields]


Progress = Callable[[int, Input, Brief | None], None]
"""Called with (index, input, None) before an article and (index, input, brief) after it."""


def summarize_inputs(inputs: Sequence[Input], client: ExchangeClient, templates: Templates,
                     options: RunOptions = RunOptions(), progress: Progress | None = None) -> list[Brief]:
    briefs: list[Brief] = []
    for i, item in enumerate(inputs):
        if progress:
            progress(i, item, None)
        failed = functools.partial(Brief, article=item.name, status="failed", model=client.model_id,
                                   provider=client.backend.provider, template_hash=templates.hash)
        try:
            article = load(item)
        except ArticleError as exc:
            brief = failed(article_sha256=None, error=str(exc))
        else:
            try:
                brief = summarize_article(article, client, templates, options)
            except Exception as exc:  # a bug or an unforeseen provider error must not end the batch
                brief = failed(article_sha256=article.sha256, error=f"internal error ({type(exc).__name__}): {exc}")
        briefs.append(brief)
        if progress:
            progress(i, item, brief)
    return briefs
