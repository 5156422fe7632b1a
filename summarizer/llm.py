"""Every provider reduced to one boundary: an OpenAI-style chat-completion request in, a response out.

``ExchangeClient.create`` is what instructor wraps. It answers from the fixtures or the cache when it
can, otherwise asks the provider's backend, and stores what came back. Backends:

- ``local``: the embedded model in-process through llama-cpp-python (one ``Llama`` per run);
- ``openai``: any OpenAI-compatible server, with transport retries (tenacity) inside a total deadline;
- ``replay``: no model at all; a request missing from the fixtures is an error naming the way to record it.
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from summarizer.schema import Usage
from summarizer.store import ExchangeStore
from summarizer.weights import EMBEDDED_NAME, embedded_model_path, file_fingerprint

if TYPE_CHECKING:
    # Importing openai takes about 1.7 s; a run answered entirely from the brief cache never needs it.
    import openai
    from openai.types.chat import ChatCompletion

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
LOCAL_CONTEXT = 8192


class ProviderError(RuntimeError):
    """The provider could not answer (after retries); the message is for the user."""


class ReplayMiss(ProviderError):
    """Replay mode met a request that no fixture answers."""

    def __init__(self, fixtures: Path) -> None:
        super().__init__(f"no recording in {fixtures} answers this request")
        self.fixtures = fixtures


class Backend(Protocol):
    provider: str
    model_id: str

    def complete(self, request: dict[str, Any]) -> dict[str, Any]: ...


def local_available() -> bool:
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return False
    return True


class LocalBackend:
    """The embedded model. Sequential by nature: one model object using every core."""

    provider = "local"

    def __init__(self, model_path: Path | None, models_dir: Path, n_ctx: int = LOCAL_CONTEXT,
                 n_threads: int | None = None, n_batch: int = 512, use_mmap: bool = True,
                 grammar_first: bool = True) -> None:
        """The defaults are what ``python -m summarizer.bench local`` measured fastest on 2 cores
        (docs/performance.md); the other values are there to measure them again."""
        try:
            from llama_cpp import Llama

            from summarizer.grammar_first import GrammarFirstLlama
        except ImportError as exc:
            raise ProviderError(
                "the local provider needs the [local] extra: pip install 'incident-summarizer[local]' "
                "(or use --provider openai --base-url URL for an OpenAI-compatible server)"
            ) from exc
        if model_path is None:
            path = embedded_model_path(models_dir)
            self.model_id = f"local:{EMBEDDED_NAME}"
        else:
            if not model_path.is_file():
                raise ProviderError(f"--model-path {model_path}: no such file")
            path = model_path
            self.model_id = f"local:{model_path.name}:{file_fingerprint(model_path)}"
        self.path = path
        # One model object for the whole run: the system prompt stays in its KV cache, so from the second
        # request on only the article (and the re-ask turns) are evaluated.
        kind = GrammarFirstLlama if grammar_first else Llama
        self._llama = kind(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=n_threads or os.cpu_count() or 1,
            n_batch=n_batch,
            use_mmap=use_mmap,
            seed=0,
            verbose=False,
        )

    @staticmethod
    def chat_arguments(request: dict[str, Any]) -> dict[str, Any]:
        """The OpenAI-style request as ``Llama.create_chat_completion`` arguments."""
        response_format = request.get("response_format")
        # llama-cpp-python ignores OpenAI's {"type": "json_schema"} and would decode unconstrained;
        # its own spelling of a schema-constrained answer is {"type": "json_object", "schema": ...}.
        if response_format and response_format.get("type") == "json_schema":
            response_format = {"type": "json_object", "schema": response_format["json_schema"]["schema"]}
        return {"messages": request["messages"], "response_format": response_format,
                "temperature": request.get("temperature", 0.0), "max_tokens": request.get("max_tokens"), "seed": 0}

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        import llama_cpp

        ctx = self._llama.ctx
        llama_cpp.llama_perf_context_reset(ctx)
        result: dict[str, Any] = dict(self._llama.create_chat_completion(  # type: ignore[arg-type]
            **self.chat_arguments(request)))
        # OpenAI's way of saying how much of the prompt was not computed again (the reused KV prefix).
        evaluated = int(llama_cpp.llama_perf_context(ctx).n_p_eval)
        usage = dict(result.get("usage") or {})
        usage["prompt_tokens_details"] = {"cached_tokens": max(0, int(usage.get("prompt_tokens", 0)) - evaluated)}
        result["usage"] = usage
        return result


@dataclass(frozen=True)
class RetryPolicy:
    """How long and how often to try one request against a server; ours is the only retry policy
    (the openai client's own retries are off), so the deadline a user sets is the one that holds."""

    deadline: float = 300.0  # seconds for one request: every attempt and every wait included
    attempt_timeout: float = 120.0  # seconds for one attempt (capped by what is left of the deadline)
    attempts: int = 5
    backoff: float = 1.0  # first wait after a failure; doubles (with jitter) up to backoff_max
    backoff_max: float = 30.0

    @classmethod
    def from_env(cls, deadline: float | None = None) -> RetryPolicy:
        """``SUMMARIZER_TIMEOUT`` (the deadline), ``SUMMARIZER_ATTEMPT_TIMEOUT``, ``SUMMARIZER_ATTEMPTS``,
        ``SUMMARIZER_BACKOFF``: knobs for slow servers, and for tests that must not wait."""
        env = os.environ
        base = cls()
        total = deadline if deadline is not None else float(env.get("SUMMARIZER_TIMEOUT") or base.deadline)
        return cls(
            deadline=total,
            attempt_timeout=float(env.get("SUMMARIZER_ATTEMPT_TIMEOUT") or min(base.attempt_timeout, total)),
            attempts=int(env.get("SUMMARIZER_ATTEMPTS") or base.attempts),
            backoff=float(env.get("SUMMARIZER_BACKOFF") or base.backoff),
        )


_SECRET = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+)")


MIN_SECRET = 8
"""Keys shorter than this are placeholders for local servers ("x", "none"); blanking every "x" in an answer
would corrupt it (``"index"`` → ``"inde[redacted]"``) and hide nothing."""


def redact(text: str, secret: str | None) -> str:
    """``text`` with the API key (and anything shaped like one) blanked: servers echo keys in errors."""
    if secret and len(secret) >= MIN_SECRET:
        text = text.replace(secret, "[redacted]")
    return _SECRET.sub("[redacted]", text)


def _retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``Retry-After``: seconds or an HTTP date), if it did."""
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class OpenAIBackend:
    """Any OpenAI-compatible endpoint. Transport failures (timeouts, dropped connections, 429, 5xx) are
    retried with backoff, honouring Retry-After, within one total deadline per request."""

    provider = "openai"

    def __init__(self, model: str, base_url: str | None, api_key: str | None,
                 policy: RetryPolicy | None = None) -> None:
        self.model_id = model
        self.policy = policy or RetryPolicy()
        self._secret = api_key
        self._base_url = base_url
        self._openai: openai.OpenAI | None = None
        self._lock = threading.Lock()

    @property
    def _client(self) -> openai.OpenAI:
        """The openai client, made on the first request (a cached run never imports openai); one client for
        every thread (``--concurrency``): it is thread-safe and shares its connection pool."""
        with self._lock:
            if self._openai is None:
                import openai

                self._openai = openai.OpenAI(base_url=self._base_url, api_key=self._secret or "not-needed",
                                             timeout=self.policy.attempt_timeout, max_retries=0)
            return self._openai

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        import openai
        from tenacity import (
            RetryCallState,
            Retrying,
            retry_if_exception_type,
            stop_after_attempt,
            stop_before_delay,
            wait_exponential_jitter,
        )

        policy = self.policy
        transient = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError,
                     openai.InternalServerError)
        backoff = wait_exponential_jitter(multiplier=policy.backoff, max=policy.backoff_max, jitter=policy.backoff)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            asked = _retry_after(exc) if exc else None
            return asked if asked is not None else float(backoff(state))

        started = time.monotonic()
        retrying = Retrying(
            retry=retry_if_exception_type(transient),
            # Stop before a wait that would end past the deadline: failing now says more than a timeout later.
            stop=stop_after_attempt(policy.attempts) | stop_before_delay(policy.deadline),
            wait=wait,
            reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    left = policy.deadline - (time.monotonic() - started)
                    if left <= 0:
                        raise openai.APITimeoutError(request=None)  # type: ignore[arg-type]
                    # The raw POST: ``chat.completions.create`` walks the whole request (the JSON schema
                    # included) through its type transforms and builds a ChatCompletion we would dump right
                    # away; ExchangeClient validates the answer. About 2 ms of CPU a request, which
                    # ``--concurrency`` threads share.
                    completion = self._client.post(
                        "/chat/completions", body=request, cast_to=object,
                        options={"timeout": min(policy.attempt_timeout, left)})
        except openai.APIError as exc:
            tries = int(retrying.statistics.get("attempt_number", 1))
            raise ProviderError(redact(self._describe(exc, tries, time.monotonic() - started), self._secret)) \
                from None
        if not isinstance(completion, dict):
            raise ProviderError(f"the server's answer is not a JSON object: {_short(repr(completion))}")
        dumped: dict[str, Any] = _without_nulls(completion)
        if self._secret and self._secret in json.dumps(dumped):  # a server echoing the key must not get it stored
            dumped = json.loads(redact(json.dumps(dumped), self._secret))
        return dumped

    def _describe(self, exc: BaseException, tries: int, elapsed: float) -> str:
        """One line saying what the server did, how often we tried and for how long."""
        import openai

        spent = f"after {tries} attempt{'s' if tries != 1 else ''} in {elapsed:.0f} s"
        if isinstance(exc, openai.APITimeoutError):
            return f"the server timed out {spent} (deadline {self.policy.deadline:g} s; see --timeout)"
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc.__context__
            detail = str(cause).strip() if cause is not None else ""
            detail = detail.splitlines()[0] if detail else "connection failed"
            return f"the server could not be reached or dropped the connection ({detail}) {spent}"
        if isinstance(exc, openai.APIStatusError):
            body = exc.body.get("message") if isinstance(exc.body, dict) else None
            what = f"the server answered {exc.status_code}: {_short(str(body or exc.message))}"
            asked = _retry_after(exc)
            if asked is not None and tries < self.policy.attempts:
                return (f"{what}; it asked to wait {asked:.0f} s (Retry-After), beyond the deadline of "
                        f"{self.policy.deadline:g} s; gave up {spent}")
            if isinstance(exc, openai.RateLimitError | openai.InternalServerError):
                return f"{what} (gave up {spent})"
            return what
        return f"{type(exc).__name__}: {_short(str(exc))} ({spent})"


def _without_nulls(value: Any) -> Any:
    """The answer as stored before (``model_dump(exclude_none=True)``): null fields left out, at any depth."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _short(message: str, limit: int = 200) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ReplayBackend:
    provider = "replay"

    def __init__(self, model_id: str, fixtures: Path) -> None:
        self.model_id = model_id
        self.fixtures = fixtures

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        raise ReplayMiss(self.fixtures)


@dataclass
class ExchangeClient:
    """The chat-completion boundary instructor talks to, with the exchange stores in front of it."""

    backend: Backend
    cache: ExchangeStore | None = None
    fixtures: ExchangeStore | None = None
    record: bool = False

    @property
    def model_id(self) -> str:
        return self.backend.model_id

    def create(self, *, meter: Usage, **request: Any) -> ChatCompletion:
        request["model"] = self.backend.model_id
        response: dict[str, Any] | None = None
        if self.fixtures is not None and (self.record or self.backend.provider == "replay"):
            response = self.fixtures.get(request)
        if response is None and self.cache is not None and self.backend.provider != "replay":
            response = self.cache.get(request)
        if response is not None:
            meter.cached_calls += 1
            if self.record and self.fixtures is not None and self.fixtures.get(request) is None:
                self.fixtures.put(request, response, {"provider": self.backend.provider, "from": "cache"})
        else:
            started = time.perf_counter()
            response = self.backend.complete(request)
            meter.model_seconds += time.perf_counter() - started
            meta = {"provider": self.backend.provider}
            if self.cache is not None:
                self.cache.put(request, response, meta)
            if self.record and self.fixtures is not None:
                self.fixtures.put(request, response, meta)
        meter.calls += 1
        usage = response.get("usage") or {}
        meter.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        meter.completion_tokens += int(usage.get("completion_tokens") or 0)
        meter.cached_prompt_tokens += int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)
        from openai.types.chat import ChatCompletion

        return ChatCompletion.model_validate(response)
