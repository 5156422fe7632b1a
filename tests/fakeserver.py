"""A real OpenAI-compatible HTTP server on loopback that can be told to misbehave.

It answers ``POST /v1/chat/completions`` over real HTTP (stdlib ``http.server`` in a thread, bound to
127.0.0.1 on a free port), so the client, its timeouts, retries and error handling are exercised exactly as
against a remote server. What it does for each request is scripted with ``Act``s: answer (optionally after a
delay), 429 with Retry-After, 500, 401, drop the connection, invalid JSON, JSON of the wrong shape, output
cut off with ``finish_reason=length``.

A valid answer comes from the committed recordings when the request is one of them (run the CLI with
``--model local:<embedded name>`` and the requests are byte-identical to the recorded ones), else from a
``responder`` the test gives, else an honest "no incident" answer.

It reads every way of asking for JSON (``response_format`` json_schema or json_object with a schema, a forced
tool call, the schema in the system prompt): a request in another format is looked up in the recordings as
the json_schema request it stands for, and answered in its own format (a tool call for a tool request). Told
to ``refuse`` formats, it refuses them the way the real servers do: a json_schema or json_object response
format as llama-cpp-python's server does (a 500 whose message is its validation error naming
``response_format``), tools with a 400 naming ``tools``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from summarizer.llm import EMBEDDED_MODEL_ID, PROMPT_SCHEMA
from summarizer.store import ExchangeStore, request_key

MODEL = EMBEDDED_MODEL_ID
NO_INCIDENT = '{"is_incident_report": false, "incident": null, "other_incidents": [], "counts": {}}'

Responder = Callable[[dict[str, Any]], str | None]


@dataclass(frozen=True)
class Act:
    """One scripted reaction. ``kind``: answer, status, drop, content (a given answer text)."""

    kind: str = "answer"
    delay: float = 0.0
    status: int = 200
    retry_after: str | None = None
    content: str | None = None
    finish_reason: str = "stop"
    message: str = ""


def ok(delay: float = 0.0) -> Act:
    return Act("answer", delay=delay)


def rate_limited(retry_after: str | None = "0") -> Act:
    return Act("status", status=429, retry_after=retry_after, message="Rate limit reached, slow down")


def server_error(status: int = 500) -> Act:
    return Act("status", status=status, message="The server had an error while processing your request")


def unauthorized(message: str = "Incorrect API key provided") -> Act:
    return Act("status", status=401, message=message)


def drop() -> Act:
    return Act("drop")


def content(text: str, finish_reason: str = "stop", delay: float = 0.0) -> Act:
    return Act("content", content=text, finish_reason=finish_reason, delay=delay)


def web_page() -> Act:
    """A 200 with an HTML page instead of a completion: a captive portal or a proxy's sign-in page."""
    return Act("page", content="<html><body>Please sign in to continue</body></html>")


def invalid_json() -> Act:
    return content("Sure! Here are the incidents: {incidents: [oops")


def wrong_shape() -> Act:
    return content('{"events": [{"what": "attack"}], "ok": true}')


def truncated(text: str) -> Act:
    return content(text, finish_reason="length")


@dataclass
class Received:
    body: dict[str, Any]
    headers: dict[str, str]
    act: Act
    at: float
    usage: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return request_key(self.body)

    @property
    def schema(self) -> str:
        """The name of the schema the request asks for (``Answer``)."""
        return schema_name(self.body)

    @property
    def format(self) -> str:
        """How the request asked for JSON: json_schema, json_object, tools or prompt."""
        return request_format(self.body)

    @property
    def user_text(self) -> str:
        return "\n".join(m.get("content") or "" for m in self.body.get("messages", []) if m.get("role") == "user")


LLAMA_CPP_PYTHON_REFUSAL = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input "
    "should be 'text' or 'json_object'\", 'input': '%s', 'ctx': {'expected': \"'text' or 'json_object'\"}}\n\n"
    "  File \"llama_cpp/server/app.py\", line 376, in create_chat_completion\n    POST /v1/chat/completions"
)
"""The message of llama-cpp-python 0.3.36's server for a response format it does not take (its 500 body's
``error.message``, as it answered a json_schema request here; only the path of its app.py is shortened)."""

LLAMA_CPP_PYTHON = ("json_schema",)
"""What llama-cpp-python's server refuses."""


class FakeOpenAI:
    def __init__(self, fixtures: Path | None = None, responder: Responder | None = None,
                 default: Act = ok(), refuse: tuple[str, ...] = ()) -> None:
        self.store = ExchangeStore(fixtures) if fixtures else None
        self.responder = responder
        self.default = default
        self.refuse = refuse
        self.received: list[Received] = []
        self.answered: list[Received] = []  # the requests given a 200 answer, in the order the answers went out
        self._plans: list[tuple[str | None, deque[Act]]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def plan(self, *acts: Act, match: str | None = None) -> None:
        """Acts for the next requests (whose user messages contain ``match``, if given), in order.
        Plans are tried in the order given; a request no plan matches gets ``default``."""
        with self._lock:
            self._plans.append((match, deque(acts)))

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_act(self, body: dict[str, Any]) -> Act:
        text = "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")
        with self._lock:
            for match, acts in self._plans:
                if acts and (match is None or match in text):
                    return acts.popleft()
        return self.default

    def refusal(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """The status and error a refused format gets, or None."""
        kind = request_format(body)
        if kind not in self.refuse:
            return None
        if kind == "tools":
            return 400, {"error": {"message": "'tools' and 'tool_choice' are not supported by this server",
                                   "type": "invalid_request_error", "param": "tools", "code": 400}}
        return 500, {"error": {"message": LLAMA_CPP_PYTHON_REFUSAL % kind, "type": "internal_server_error",
                               "param": None, "code": None}}

    def _answer(self, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, int]]:
        if self.store is not None:
            recorded = self.store.get(as_json_schema(body))
            if recorded is not None and request_format(body) == "json_schema":
                return recorded, dict(recorded.get("usage") or {})
            if recorded is not None:  # the recorded answer, in the format this request asked for
                text = recorded["choices"][0]["message"].get("content") or ""
                return self._completion(body, text, "stop", dict(recorded.get("usage") or {}))
        answer = self.responder(body) if self.responder else None
        return self._completion(body, answer or NO_INCIDENT, "stop")

    @staticmethod
    def _completion(body: dict[str, Any], text: str, finish_reason: str,
                    usage: dict[str, int] | None = None) -> tuple[dict[str, Any], dict[str, int]]:
        """An answer as the request asked for it: a tool call to a tool request, else the text as content."""
        if usage is None:
            prompt_tokens = max(1, len(json.dumps(body.get("messages", []))) // 4)
            usage = {"prompt_tokens": prompt_tokens, "completion_tokens": max(1, len(text) // 4),
                     "total_tokens": prompt_tokens + max(1, len(text) // 4)}
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if request_format(body) == "tools":
            name = body["tool_choice"]["function"]["name"]
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_0", "type": "function", "function": {"name": name, "arguments": text}}]}
            finish_reason = "tool_calls" if finish_reason == "stop" else finish_reason
        return {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": str(body.get("model")),
            "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
            "usage": usage,
        }, usage


def request_format(body: dict[str, Any]) -> str:
    """How the request asks for JSON: json_schema, json_object, tools or prompt."""
    if body.get("tools"):
        return "tools"
    kind = (body.get("response_format") or {}).get("type")
    return str(kind) if kind in ("json_schema", "json_object") else "prompt"


def as_json_schema(body: dict[str, Any]) -> dict[str, Any]:
    """The request a request in another format stands for, as the pipeline makes it (``json_schema``)."""
    kind = request_format(body)
    if kind == "json_schema":
        return body
    out = {k: v for k, v in body.items() if k not in ("tools", "tool_choice", "response_format")}
    if kind == "json_object":
        schema = body["response_format"].get("schema") or {}
        name = schema.get("title", "")
    elif kind == "tools":
        schema, name = body["tools"][0]["function"]["parameters"], body["tools"][0]["function"]["name"]
    else:
        messages = [dict(m) for m in body.get("messages", [])]
        system = str(messages[0].get("content") or "") if messages else ""
        if PROMPT_SCHEMA not in system:
            return body
        system, _, schema_text = system.partition(PROMPT_SCHEMA)
        schema = json.loads(schema_text)
        name = schema.get("title", "")
        messages[0]["content"] = system
        out["messages"] = messages
    out["response_format"] = {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}
    return out


def schema_name(body: dict[str, Any]) -> str:
    canonical = as_json_schema(body)
    return str(((canonical.get("response_format") or {}).get("json_schema") or {}).get("name", ""))


def _handler(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle's algorithm on, the body waits for the client's
        # delayed ACK of the headers: 40 ms added to every answer, which real servers do not add.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            """``/stats``: how many requests came and were answered (for a server in another process)."""
            if self.path.rstrip("/").endswith("/stats"):
                with server._lock:
                    stats = {"received": len(server.received), "answered": len(server.answered)}
                self._send(200, stats, {})
            else:
                self._send(404, {"error": {"message": "not found"}}, {})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            refused = server.refusal(body)
            act = Act("refused", status=refused[0]) if refused else server._next_act(body)
            got = Received(body, {k.lower(): v for k, v in self.headers.items()}, act, time.monotonic())
            with server._lock:
                server.received.append(got)
            if refused is not None:
                self._send(refused[0], refused[1], {})
                return
            if act.delay:
                time.sleep(act.delay)
            if act.kind == "drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if act.kind == "status":
                headers = {"Retry-After": act.retry_after} if act.retry_after is not None else {}
                # "{key}" in a message echoes the caller's key, as some servers do in their 401 errors.
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                error = {"error": {"message": act.message.replace("{key}", token), "type": "fake",
                                   "code": act.status}}
                self._send(act.status, error, headers)
                return
            if act.kind == "page":
                self._send_raw(200, (act.content or "").encode(), "text/html")
                return
            if act.kind == "content":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                text = (act.content or "").replace("{key}", token)  # "{key}": a server echoing the caller's key
                response, usage = server._completion(body, text, act.finish_reason)
            else:
                response, usage = server._answer(body)
            got.usage = usage
            self._send(200, response, {})
            with server._lock:
                server.answered.append(got)

        def _send_raw(self, status: int, data: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up (timeout) before the answer came

    return Handler


# A small invented article and a valid answer for it, for tests that need a model answer no recording has.
VELKA = (
    "Gunmen kill nine in raid on Velka market\n"
    "Gunmen from the Iron Wolves stormed a market in Velka on Sunday, killing nine traders, police said.\n"
    "Another 14 people were wounded.\n"
)
VELKA_ANSWER = json.dumps({"is_incident_report": True, "incident": {
    "headline": "Iron Wolves raid Velka market", "summary": "Iron Wolves gunmen stormed a market in Velka.",
    "event_type": "armed_assault", "date_text": "on Sunday", "country": None, "province": None, "place": "Velka",
    "place_sentence": 2, "perpetrator": "Iron Wolves", "perpetrator_sentence": 2, "target": "traders",
    "claimed_by": None, "claim_sentence": None}, "other_incidents": [], "counts": {
    "S1: nine in raid": {"outcome": "none", "group": "unknown", "incident": 1, "source": "the article itself"},
    "S2: nine traders": {"outcome": "killed", "group": "civilians", "incident": 1, "source": "police"},
    "S3: 14 people were": {"outcome": "wounded", "group": "total", "incident": 1, "source": "the article itself"}}})
"""What a schema-constrained model answers for ``VELKA``: the counts are the keys ``candidates.counts`` proposes."""


def cli_env(key: str = "sk-test-not-a-real-key", **extra: str) -> dict[str, str]:
    """Environment for a CLI run against the fake server: short waits so failing runs stay quick."""
    env = {"OPENAI_API_KEY": key, "SUMMARIZER_BACKOFF": "0.01", "SUMMARIZER_ATTEMPT_TIMEOUT": "0.5",
           "SUMMARIZER_ATTEMPTS": "3", "SUMMARIZER_TIMEOUT": "10"}
    env.update(extra)
    return env


def main(argv: list[str] | None = None) -> None:
    """``python -m tests.fakeserver [--delay S] [--fixtures DIR]``: serve in a process of its own (so its work
    does not share a CPU lock with the client being measured) until standard input closes. The first line on
    standard output is the base URL."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m tests.fakeserver")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--fixtures", type=Path, default=Path(__file__).resolve().parent.parent / "fixtures" /
                        "exchanges", help="recorded exchanges to answer from")
    args = parser.parse_args(argv)
    with FakeOpenAI(args.fixtures, default=ok(delay=args.delay)) as server:
        print(server.base_url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
