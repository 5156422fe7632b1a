"""Every provider reduced to one boundary: an OpenAI-style chat-completion request in, a response out.

``ExchangeClient.create`` is what instructor wraps. It answers from the fixtures or the cache when it
can, otherwise asks the provider's backend, and stores what came back. Backends:

- ``local``: the embedded model in-process through llama-cpp-python (one ``Llama`` per run);
- ``openai``: any OpenAI-compatible server, with transport retries (tenacity) inside a total deadline;
- ``replay``: no model at all; a request missing from the fixtures is an error naming the way to record it.

Servers spell "answer in this JSON schema" differently (``FORMATS``). The pipeline always asks in OpenAI's
``json_schema``; for the ``openai`` provider a ``FormatNegotiator`` rewrites each request into the format the
server accepts (``shape_request``) and the answer back into plain JSON content (``read_answer``), stepping
down when a server refuses a format. The request as sent is what the exchange stores key, so an answer got
in one format is never served for another. ``local`` and ``replay`` send the pipeline's request unchanged.
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from summarizer.schema import Usage, labels_within_listed
from summarizer.store import ExchangeStore, write_entry
from summarizer.weights import EMBEDDED_NAME, embedded_model_path, file_fingerprint

if TYPE_CHECKING:
    # Importing openai takes about 1.7 s; a run answered entirely from the brief cache never needs it.
    import openai
    from openai.types.chat import ChatCompletion

    from summarizer.fast_forward import FastForward

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OPENAI_BASE_URL = "https://api.openai.com/v1"
LOCAL_CONTEXT = 8192
LOCAL_DECODER = "fast-forward.2"
"""Part of the embedded model's id, hence of every request key: greedy answers decoded by ``fast_forward`` (one
fixed JSON layout) are not those of llama-cpp-python's own sampler, so the cache and fixtures keep them apart.
".2": count labels bounded by the incidents listed (``schema.labels_within_listed``)."""
EMBEDDED_MODEL_ID = f"local:{EMBEDDED_NAME}:{LOCAL_DECODER}"


class ProviderError(RuntimeError):
    """The provider could not answer (after retries); the message is for the user."""


class FormatRefused(ProviderError):
    """The server refused the request's shape (its response format or its tools), not a passing fault: a 400,
    422 or 500 whose message names the field. Never retried; the negotiator steps down instead."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


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
                 grammar_first: bool = True, fast_forward: bool = True) -> None:
        """The defaults are what ``python -m benchmarks local`` measured fastest on 2 cores
        (docs/performance.md); the other values are there to measure them again."""
        try:
            from llama_cpp import Llama

            from summarizer.fast_forward import FastForward, GrammarRefused
            from summarizer.grammar_first import GrammarFirstLlama
        except ImportError as exc:
            raise ProviderError(
                "the local provider needs the [local] extra: pip install 'incident-summarizer[local]' "
                "(or use --provider openai --base-url URL for an OpenAI-compatible server)"
            ) from exc
        if model_path is None:
            path = embedded_model_path(models_dir)
            model = f"local:{EMBEDDED_NAME}"
        else:
            if not model_path.is_file():
                raise ProviderError(f"--model-path {model_path}: no such file")
            path = model_path
            model = f"local:{model_path.name}:{file_fingerprint(model_path)}"
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
        self._fast: FastForward | None = None
        if fast_forward:
            try:
                self._fast = FastForward(self._llama)
            except (ImportError, GrammarRefused):
                self._fast = None
        self.model_id = model if self._fast is None else f"{model}:{LOCAL_DECODER}"

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

        response_format = request.get("response_format") or {}
        if self._fast is not None and response_format.get("type") == "json_schema":
            fast = self._fast.complete(request, labels_within_listed(response_format["json_schema"]["schema"]),
                                       self.model_id)
            if fast is not None:
                return fast
            # a schema llguidance cannot compile: llama.cpp's own grammar below
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
    (the openai client's own retries are off), so the deadline a user sets is the one that holds. The settings
    ``timeout``, ``attempt_timeout``, ``attempts`` and ``backoff`` (``summarizer.config``) fill it in."""

    deadline: float = 300.0  # seconds for one request: every attempt and every wait included
    attempt_timeout: float = 120.0  # seconds for one attempt (capped by what is left of the deadline)
    attempts: int = 5
    backoff: float = 1.0  # first wait after a failure; doubles (with jitter) up to backoff_max
    backoff_max: float = 30.0



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
    def server(self) -> str:
        """The endpoint as the openai client resolves it (its default is OpenAI's own)."""
        return (self._base_url or OPENAI_BASE_URL).rstrip("/")

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
            retry_if_exception,
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

        def retryable(exc: BaseException) -> bool:
            return isinstance(exc, transient) and _refusal(exc, request) is None

        started = time.monotonic()
        retrying = Retrying(
            retry=retry_if_exception(retryable),
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
            refused = _refusal(exc, request)
            if refused is not None:
                raise FormatRefused(int(getattr(exc, "status_code", 0)), redact(refused, self._secret)) from None
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


REFUSAL_STATUSES = (400, 422, 500)
"""How servers refuse a request field they do not take: 400 (llama.cpp's llama-server, LM Studio, vLLM),
422 (a validating server), 500 (llama-cpp-python's server turns its validation error into a 500)."""


def _refusal(exc: BaseException, request: dict[str, Any]) -> str | None:
    """The server's message when ``exc`` refuses the shape of ``request`` (its ``response_format``, or its
    ``tools`` when it has those), else None: a 400 / 422 / 500 whose message names the field."""
    import openai

    if not isinstance(exc, openai.APIStatusError) or exc.status_code not in REFUSAL_STATUSES:
        return None
    names = ["response_format"] if "response_format" in request else []
    names += ["tool"] if "tools" in request else []  # tools, tool_choice, "tool calling is not supported"
    body = exc.body.get("message", exc.body) if isinstance(exc.body, dict) else exc.body
    text = f"{body if body is not None else ''} {exc.message}"
    if not any(name in text.lower() for name in names):
        return None
    return _short(str(body or exc.message))


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


FORMATS = ("json_schema", "json_object", "tools", "prompt")
"""The ways of asking a server for JSON in a schema, strongest first; ``auto`` tries them in this order.

- ``json_schema``: OpenAI's structured outputs, ``{"type": "json_schema", "json_schema": {"name", "schema"}}``
  (OpenAI, vLLM, Ollama, LM Studio, llama.cpp's llama-server): decoding constrained by the schema;
- ``json_object``: ``{"type": "json_object", "schema": ...}``, llama-cpp-python's server (and llama-server):
  constrained by the schema where the server reads it, plain JSON where it does not (Ollama);
- ``tools``: one function whose parameters are the schema, its call forced with ``tool_choice``;
- ``prompt``: no constraint at all; the schema goes into the system prompt and the answer is validated as
  always (a fenced code block is unwrapped)."""
AUTO = "auto"
SETTINGS = (AUTO, *FORMATS)

_WHAT = {
    "json_schema": "response_format json_schema",
    "json_object": "response_format json_object with the schema",
    "tools": "a forced tool call with the schema",
    "prompt": "the schema in the prompt (JSON validated, not constrained)",
}

PROMPT_SCHEMA = ("\n\nAnswer with one JSON object and nothing else (no prose, no code fence). It must validate "
                 "against this JSON Schema:\n")


def shape_request(request: dict[str, Any], mode: str) -> dict[str, Any]:
    """``request`` (asking in ``json_schema``, as the pipeline does) as sent in ``mode``. ``json_schema`` and a
    request without a response format are returned as they are, the same object."""
    response_format = request.get("response_format")
    if mode == "json_schema" or not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return request
    spec = response_format.get("json_schema") or {}
    schema = spec.get("schema") or {}
    name = str(spec.get("name") or "answer")
    shaped = {k: v for k, v in request.items() if k != "response_format"}
    if mode == "json_object":
        shaped["response_format"] = {"type": "json_object", "schema": schema}
    elif mode == "tools":
        function: dict[str, Any] = {"name": name, "parameters": schema}
        if schema.get("description"):
            function["description"] = schema["description"]
        shaped["tools"] = [{"type": "function", "function": function}]
        shaped["tool_choice"] = {"type": "function", "function": {"name": name}}
    elif mode == "prompt":
        instruction = PROMPT_SCHEMA + json.dumps(schema, ensure_ascii=False)
        messages = [dict(m) for m in request.get("messages") or []]
        if messages and messages[0].get("role") == "system" and isinstance(messages[0].get("content"), str):
            messages[0]["content"] += instruction
        else:
            messages.insert(0, {"role": "system", "content": instruction.lstrip()})
        shaped["messages"] = messages
    else:
        raise ValueError(f"unknown response format {mode!r}")
    return shaped


_FENCE = re.compile(r"\A\s*```[A-Za-z0-9_-]*\s*\n(.*?)\n?\s*```\s*\Z", re.DOTALL)


def read_answer(response: dict[str, Any], mode: str) -> dict[str, Any]:
    """The server's answer with the JSON as the message content, where instructor reads it: the forced tool
    call's arguments (``tools``), or the inside of a fenced code block (``prompt``)."""
    if mode not in ("tools", "prompt"):
        return response
    choices = []
    for choice in response.get("choices") or []:
        message = dict(choice.get("message") or {})
        calls = message.get("tool_calls") or []
        if mode == "tools" and calls:
            arguments = (calls[0].get("function") or {}).get("arguments")
            message["content"] = arguments if isinstance(arguments, str) else json.dumps(arguments)
            message.pop("tool_calls", None)
            message.pop("function_call", None)
            choice = {**choice, "message": message,
                      "finish_reason": "stop" if choice.get("finish_reason") == "tool_calls" else
                      choice.get("finish_reason")}
        elif isinstance(message.get("content"), str):
            fenced = _FENCE.match(message["content"])
            if fenced:
                choice = {**choice, "message": {**message, "content": fenced.group(1)}}
        choices.append(choice)
    return {**response, "choices": choices}


class FormatMemory:
    """The format each server and model settled on, in ``<cache>/response_formats.json``, so the next run asks
    in it at once instead of being refused again. An unreadable file is an empty memory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @staticmethod
    def key(server: str, model: str) -> str:
        return f"{server} {model}"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, server: str, model: str) -> str | None:
        entry = self._read().get(self.key(server, model))
        mode = entry.get("response_format") if isinstance(entry, dict) else None
        return mode if mode in FORMATS else None

    def entries(self) -> list[tuple[str, str, str]]:
        """(server, model, format) for every remembered pair, for ``cache info``."""
        return sorted((str(e.get("server")), str(e.get("model")), str(e.get("response_format")))
                      for e in self._read().values() if isinstance(e, dict) and e.get("response_format") in FORMATS)

    def put(self, server: str, model: str, mode: str, refused: dict[str, str]) -> None:
        data = self._read()
        data[self.key(server, model)] = {"server": server, "model": model, "response_format": mode,
                                         "refused": refused}
        write_entry(self.path, data)


class FormatNegotiator:
    """Which format the requests to one server and model are sent in. ``auto`` starts with the remembered format
    (else ``json_schema``) and steps down ``FORMATS`` when the server refuses one; a fixed setting never steps
    down. Shared by every ``--concurrency`` thread: a refusal several threads meet at once steps down once."""

    def __init__(self, setting: str = AUTO, *, server: str = "", model: str = "", memory: FormatMemory | None = None,
                 notify: Callable[[str], None] | None = None) -> None:
        if setting not in SETTINGS:
            raise ValueError(f"response format {setting!r} is not one of: {', '.join(SETTINGS)}")
        self.setting = setting
        self.server = server
        self.model = model
        self.memory = memory
        self.notify = notify or (lambda line: None)
        self.remembered = memory.get(server, model) if memory is not None and setting == AUTO else None
        self.mode = setting if setting != AUTO else (self.remembered or FORMATS[0])
        self.refused: dict[str, str] = {}
        self._settled = setting != AUTO or self.remembered is not None
        self._lock = threading.Lock()

    def describe(self) -> str:
        """The format in use and why, for ``-v``."""
        if self.setting != AUTO:
            return f"{self.mode} (set by --response-format)"
        if self.refused:
            return f"{self.mode} ({', '.join(self.refused)} refused)"
        if self.remembered is not None:
            return f"{self.mode} (remembered for this server and model)"
        return f"{self.mode} (auto: stepping down if the server refuses it)"

    def step_down(self, mode: str, refusal: FormatRefused) -> str:
        """The format to try after the server refused ``mode``; ProviderError when there is none to try."""
        with self._lock:
            if mode != self.mode:  # another thread stepped down past it already
                return self.mode
            self.refused[mode] = f"{refusal.status}: {refusal.detail}"
            tried = ", ".join(self.refused)
            following = FORMATS[FORMATS.index(mode) + 1:]
            if self.setting != AUTO or not following:
                hint = "; --response-format auto tries the others" if self.setting != AUTO else ""
                raise ProviderError(f"the server refused {_WHAT[mode]} ({refusal.status}: {refusal.detail}); "
                                    f"tried: {tried}{hint}")
            self.mode = following[0]
            self.notify(f"the server refused {_WHAT[mode]} ({refusal.status}: {refusal.detail}); "
                        f"trying {_WHAT[self.mode]}")
            return self.mode

    def worked(self, mode: str) -> None:
        """The server answered a request in ``mode``: remember it (once) for the next run."""
        if self._settled or mode != self.mode:
            return
        with self._lock:
            if self._settled:
                return
            self._settled = True
            where = ""
            if self.memory is not None:
                try:
                    self.memory.put(self.server, self.model, mode, dict(self.refused))
                    where = f" (remembered in {self.memory.path})"
                except OSError as exc:  # a read-only cache costs the next run one refusal, not this run its briefs
                    where = (f" (not remembered: cannot write {self.memory.path}: {exc.strerror or exc}; the next "
                             "run asks again)")
            if self.refused:
                self.notify(f"settled on {_WHAT[mode]} for {self.server} {self.model}{where}")


@dataclass
class ExchangeClient:
    """The chat-completion boundary instructor talks to, with the exchange stores in front of it."""

    backend: Backend
    cache: ExchangeStore | None = None
    fixtures: ExchangeStore | None = None
    record: bool = False
    formats: FormatNegotiator | None = None
    """For a server: the format each request is sent in. None: the pipeline's request goes as it is."""

    @property
    def model_id(self) -> str:
        return self.backend.model_id

    @property
    def response_format(self) -> str:
        """The format requests are sent in now: what a brief made now was asked in."""
        return self.formats.mode if self.formats is not None else FORMATS[0]

    @property
    def response_format_setting(self) -> str | None:
        """``auto`` or a fixed format for a server (it decides briefs, so the brief cache keys on it); else None."""
        return self.formats.setting if self.formats is not None else None

    def create(self, *, meter: Usage, **request: Any) -> ChatCompletion:
        request["model"] = self.backend.model_id
        while True:
            mode = self.formats.mode if self.formats is not None else FORMATS[0]
            sent = shape_request(request, mode)
            try:
                response = self._exchange(sent, meter, mode)
            except FormatRefused as refusal:
                if self.formats is None:
                    raise
                self.formats.step_down(mode, refusal)
                continue
            break
        meter.calls += 1
        usage = response.get("usage") or {}
        meter.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        meter.completion_tokens += int(usage.get("completion_tokens") or 0)
        meter.cached_prompt_tokens += int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)
        from openai.types.chat import ChatCompletion

        return ChatCompletion.model_validate(read_answer(response, mode))

    def _exchange(self, request: dict[str, Any], meter: Usage, mode: str) -> dict[str, Any]:
        """The stored answer to ``request`` (as sent), else the backend's, stored under it."""
        response: dict[str, Any] | None = None
        if self.fixtures is not None and (self.record or self.backend.provider == "replay"):
            response = self.fixtures.get(request)
        if response is None and self.cache is not None and self.backend.provider != "replay":
            response = self.cache.get(request)
        # Which format produced the answer; the request stored with it shows the same.
        shape = {"response_format": mode} if self.formats is not None else {}
        if response is not None:
            meter.cached_calls += 1
            if self.record and self.fixtures is not None and self.fixtures.get(request) is None:
                self.fixtures.put(request, response, {"provider": self.backend.provider, "from": "cache", **shape})
            return response
        started = time.perf_counter()
        response = self.backend.complete(request)
        meter.model_seconds += time.perf_counter() - started
        if self.formats is not None:
            self.formats.worked(mode)
        meta = {"provider": self.backend.provider, **shape}
        if self.cache is not None:
            self.cache.put(request, response, meta)
        if self.record and self.fixtures is not None:
            self.fixtures.put(request, response, meta)
        return response
