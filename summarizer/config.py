"""Effective settings: a flag beats an environment variable, which beats the config file, which beats the default.

One resolver for every command, so ``summarizer config`` shows exactly what ``summarize`` will use and where
each value came from. The API key is read from ``OPENAI_API_KEY`` only (never from a file or a flag, so it
does not end up in shell history or a dotfile) and is never shown whole.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from summarizer.settings import default_cache_dir, default_fixtures_dir


class ConfigError(Exception):
    """A config file that cannot be read, or a value of the wrong type: a usage error."""


@dataclass(frozen=True)
class Key:
    """A setting: its name (flag and config-file key), its environment variable(s), its type and what it takes."""

    name: str
    env: tuple[str, ...]
    kind: type
    help: str
    minimum: float | None = None
    """For a number: the smallest value it takes."""
    choices: tuple[str, ...] = ()
    """For a word: the values it takes."""

    def expected(self) -> str:
        """The form a value must have, for an error message."""
        if self.choices:
            return f"one of {', '.join(self.choices)}"
        if self.kind in (int, float):
            what = "a whole number" if self.kind is int else "a number"
            if self.minimum is None:
                return what
            bound = int(self.minimum) if self.kind is int else self.minimum
            return f"{what} of {bound:g} or more" if self.minimum else f"{what}, 0 or more"
        return "a path" if self.kind is Path else "a non-empty string"


PROVIDERS = ("local", "openai", "replay")
FORMATS = ("rich", "json", "jsonl", "md", "csv", "html")
RESPONSE_FORMATS = ("auto", "json_schema", "json_object", "tools", "prompt")

KEYS: tuple[Key, ...] = (
    Key("provider", ("SUMMARIZER_PROVIDER",), str, "where answers come from", choices=PROVIDERS),
    Key("model", ("SUMMARIZER_MODEL",), str, "model name for --provider openai"),
    Key("base_url", ("SUMMARIZER_BASE_URL", "OPENAI_BASE_URL"), str, "OpenAI-compatible endpoint"),
    Key("model_path", ("SUMMARIZER_MODEL_PATH",), Path, "another GGUF file for --provider local"),
    Key("cache_dir", ("SUMMARIZER_CACHE_DIR",), Path, "the exchange cache and the joined model weights"),
    Key("fixtures", ("SUMMARIZER_FIXTURES",), Path, "fixture store for --record and --provider replay"),
    Key("max_retries", ("SUMMARIZER_MAX_RETRIES",), int, "re-asks after an answer fails validation", minimum=0),
    Key("format", ("SUMMARIZER_FORMAT",), str, "output format", choices=FORMATS),
    Key("timeout", ("SUMMARIZER_TIMEOUT",), float, "seconds one request to a server may take, retries included",
        minimum=0.1),
    Key("attempts", ("SUMMARIZER_ATTEMPTS",), int, "tries of one request to a server (timeouts, dropped "
        "connections, 429, 5xx), within the timeout", minimum=1),
    Key("attempt_timeout", ("SUMMARIZER_ATTEMPT_TIMEOUT",), float, "seconds one try may take (at most the timeout)",
        minimum=0.1),
    Key("backoff", ("SUMMARIZER_BACKOFF",), float, "seconds of the first wait after a failed try; it doubles, "
        "with jitter, up to 30 s", minimum=0),
    Key("concurrency", ("SUMMARIZER_CONCURRENCY",), int, "articles summarized at once with --provider openai",
        minimum=1),
    Key("response_format", ("SUMMARIZER_RESPONSE_FORMAT",), str, "how --provider openai asks for JSON",
        choices=RESPONSE_FORMATS),
)
"""Every setting, in one place: ``resolve`` reads them from flags, the environment, the config file and
``_defaults``, and checks each value against its ``Key``; ``summarizer config`` shows them all. Nothing else
in the package reads the environment (``OPENAI_API_KEY`` and ``SUMMARIZER_CONFIG`` are read here too)."""
KEY_NAMES = {k.name: k for k in KEYS}
API_KEY_ENV = "OPENAI_API_KEY"
CONFIG_ENV = "SUMMARIZER_CONFIG"


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir("summarizer")) / "config.toml"


def _defaults() -> dict[str, Any]:
    # concurrency 1: a server's capacity and rate limits are the user's to know; --concurrency says how much.
    # response_format auto: the strongest constraint the server accepts, found by asking (llm.FormatNegotiator).
    # timeout, attempts, attempt_timeout, backoff: how long and how often one request to a server is tried
    # (llm.RetryPolicy, whose defaults are these).
    return {"cache_dir": default_cache_dir(), "fixtures": default_fixtures_dir(), "max_retries": 2,
            "format": "rich", "timeout": 300.0, "attempts": 5, "attempt_timeout": 120.0, "backoff": 1.0,
            "concurrency": 1, "response_format": "auto"}


def _convert(key: Key, raw: object, origin: str) -> Any:
    """``raw`` as ``key`` takes it, or a ConfigError naming where it came from, the setting and the form it takes."""
    wrong = ConfigError(f"{origin}: {key.name} must be {key.expected()}, not {raw!r}")
    if key.kind in (int, float):
        if isinstance(raw, bool):
            raise wrong
        try:
            number = key.kind(str(raw).strip())
        except ValueError:
            raise wrong from None
        if number != number or number in (float("inf"), float("-inf")):  # nan, inf
            raise wrong
        if key.minimum is not None and number < key.minimum:
            raise wrong
        return number
    if not isinstance(raw, str | os.PathLike) or not str(raw):
        raise wrong
    if key.choices and str(raw) not in key.choices:
        raise wrong
    return Path(raw).expanduser() if key.kind is Path else str(raw)


def read_config_file(path: Path) -> dict[str, Any]:
    """The ``[summarizer]`` table (or the top level) of a TOML file; unknown keys are an error, not a silence."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    table = data.get("summarizer", data)
    if not isinstance(table, dict):
        raise ConfigError(f"config file {path}: [summarizer] must be a table")
    unknown = sorted(set(table) - set(KEY_NAMES))
    if "api_key" in unknown:
        raise ConfigError(f"config file {path}: the API key is read from ${API_KEY_ENV} only, not from a file")
    if unknown:
        raise ConfigError(f"config file {path}: unknown setting(s) {', '.join(unknown)}; "
                          f"known: {', '.join(KEY_NAMES)}")
    return {name: _convert(KEY_NAMES[name], raw, f"config file {path}") for name, raw in table.items()}


@dataclass
class Settings:
    values: dict[str, Any]
    origins: dict[str, str]
    config_file: Path | None
    api_key: str | None = field(repr=False, default=None)

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def rows(self) -> list[tuple[str, str, str]]:
        """(setting, value, where it came from) for display, the key redacted."""
        rows = [(k.name, "" if self.values.get(k.name) is None else str(self.values[k.name]),
                 self.origins.get(k.name, "unset")) for k in KEYS]
        rows.append(("api_key", redact(self.api_key), f"env {API_KEY_ENV}" if self.api_key else "unset"))
        rows.append(("config_file", str(self.config_file) if self.config_file else "(none)",
                     "read" if self.config_file else "no file"))
        return rows


def redact(secret: str | None) -> str:
    """Enough to tell two keys apart, never enough to use one: at most the first 3 characters and the length."""
    if not secret:
        return ""
    return f"{secret[:3]}… ({len(secret)} characters, redacted)" if len(secret) > 8 else "(set, redacted)"


def resolve(flags: Mapping[str, Any], config_path: Path | None = None,
            environ: Mapping[str, str] | None = None) -> Settings:
    """Merge flags (``None`` = not given), environment, config file and defaults."""
    env = os.environ if environ is None else environ
    explicit = config_path is not None or bool(env.get(CONFIG_ENV))
    path = config_path or (Path(env[CONFIG_ENV]).expanduser() if env.get(CONFIG_ENV) else default_config_file())
    if explicit and not path.is_file():
        raise ConfigError(f"config file {path} does not exist")
    from_file = read_config_file(path) if path.is_file() else {}
    defaults = _defaults()
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for key in KEYS:
        if flags.get(key.name) is not None:
            values[key.name], origins[key.name] = flags[key.name], "flag"
            continue
        env_name = next((e for e in key.env if env.get(e)), None)
        if env_name is not None:
            values[key.name] = _convert(key, env[env_name], f"${env_name}")
            origins[key.name] = f"env {env_name}"
        elif key.name in from_file:
            values[key.name], origins[key.name] = from_file[key.name], "config file"
        elif defaults.get(key.name) is not None:
            values[key.name], origins[key.name] = defaults[key.name], "default"
    return Settings(values, origins, path if path.is_file() else None, env.get(API_KEY_ENV) or None)
