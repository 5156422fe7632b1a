"""Every provider reduced to one boundary: an OpenAI-style chat-completion request in, a response out.

``ExchangeClient.create`` is what instructor wraps. It answers from the fixtures or the cache when it
can, otherwise asks the provider's backend, and stores what came back. Backends:

- ``local``: the embedded model in-process through llama-cpp-python (one ``Llama`` per run);
- ``openai``: any OpenAI-compatible server, with transport retries (tenacity) inside a total deadline;
- ``replay``: no model at all; a request missing from the fixtures is an error naming the way to record it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from openai.types.chat import ChatCompletion

from summarizer.schema import Usage
from summarizer.store import ExchangeStore
from summarizer.weights import EMBEDDED_NAME, embedded_model_path, file_fingerprint

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

    def __init__(self, model_path: Path | None, models_dir: Path, n_ctx: int = LOCAL_CONTEXT) -> None:
        try:
            from llama_cpp import Llama
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
        self._llama = Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=os.cpu_count() or 1,
            n_batch=512,
            seed=0,
            verbose=False,
        )

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        response_format = request.get("response_format")
        # llama-cpp-python ignores OpenAI's {"type": "json_schema"} and would decode unconstrained;
        # its own spelling of a schema-constrained answer is {"type": "json_object", "schema": ...}.
        if response_format and response_format.get("type") == "json_schema":
            response_format = {"type": "json_object", "schema": response_format["json_schema"]["schema"]}
        result = self._llama.create_chat_completion(
            messages=request["messages"],
            response_format=response_format,
            temperature=request.get("temperature", 0.0),
            max_tokens=request.get("max_tokens"),
            seed=0,
        )
        return dict(result)  # type: ignore[arg-type]


class OpenAIBackend:
    """Any OpenAI-compatible endpoint. Transport failures are retried with backoff within a deadline."""

    provider = "openai"

    def __init__(self, model: str, base_url: str | None, api_key: str | None, timeout: float = 120.0,
                 deadline: float = 300.0, attempts: int = 5) -> None:
        import openai

        self.model_id = model
        self._client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0
        )
        self._deadline = deadline
        self._attempts = attempts

    def complete(self, request: dict[str, Any]) -> dict[str, Any]:
        import openai
        from tenacity import (
            Retrying,
            retry_if_exception_type,
            stop_after_attempt,
            stop_after_delay,
            wait_exponential_jitter,
        )

        transient = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError,
                     openai.InternalServerError)
        try:
            for attempt in Retrying(
                retry=retry_if_exception_type(transient),
                stop=stop_after_attempt(self._attempts) | stop_after_delay(self._deadline),
                wait=wait_exponential_jitter(initial=1, max=30),
                reraise=True,
            ):
                with attempt:
                    completion = self._client.chat.completions.create(**request)
        except openai.APIStatusError as exc:
            raise ProviderError(f"the server answered {exc.status_code}: {exc.message}") from exc
        except openai.APIError as exc:
            raise ProviderError(f"the server could not be reached: {exc.message}") from exc
        dumped: dict[str, Any] = completion.model_dump(mode="json", exclude_none=True)
        return dumped


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
        return ChatCompletion.model_validate(response)
