"""Finished briefs, cached by everything that decides them, so a re-run of a cached batch does no model work.

The exchange cache (``store``) already spares the model, but a brief answered from it still goes through
reading the article, instructor (the prompts rendered, the answer parsed), grounding and reconcile: about
20 ms an article, and 1.7 s of start-up to import openai and instructor. A brief-cache hit costs reading the
input's bytes and one small file.

The key is the run's identity (the package's code and data that shape a brief, ``BRIEF_CODE``; the prompt
templates; the schema version; the provider and model; the run options; the versions of the libraries that shape
a request or a parse) and the input's bytes (with whether its suffix makes it a web page), from which the
article follows: a hit costs no reading of the article. The file name is not in the key: the same bytes under
another name get the cached brief with their own name. A change to any of these is a miss, never a stale brief.
Only ``ok`` and ``no_incident`` briefs are kept: a failure (a server that was down, an answer that never
grounded) is tried again on the next run. Entries live in ``<cache>/briefs`` and are written like the exchanges:
atomically, and an entry that does not parse is a miss.

Not used with ``--no-cache`` (nothing cached), ``--record`` (the exchanges must be asked for, to be recorded)
or ``--provider replay`` (a replay run exists to show that the fixtures answer).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer import __version__
from summarizer.articles import HTML_SUFFIXES
from summarizer.prompts import prompts_dir
from summarizer.schema import SCHEMA_VERSION, Brief
from summarizer.store import write_entry

FORMAT = 1
# Libraries whose version can change a request (instructor renders the prompts and the response format) or
# what a response parses into.
LIBRARIES = ("instructor", "pydantic", "pydantic_core", "jinja2", "openai")
BRIEF_CODE = ("__init__.py", "amounts.py", "articles.py", "briefcache.py", "candidates.py", "gazetteer.py",
              "grammar_first.py", "grounding.py", "llm.py", "names.py", "pipeline.py", "prompts.py", "reconcile.py",
              "schema.py", "store.py", "weights.py")
"""The package's modules that decide a brief: reading the article, the request, the model call and its stores,
the answer's validation, grounding and reconcile. Not here, so editing them keeps every cached brief: what shows,
exports or reports briefs (cli, render, report, export, wording, inert, templates/), what merges or scores them
(incidents, merge_score, evaluate), and the settings (config, settings). A module the pipeline comes to import
belongs here (tests/test_briefcache.py checks)."""
BRIEF_DATA = ("data/*.tsv", "data/*.gz")
"""The gazetteer's tables: they decide a brief's country and province."""


def fingerprint(package: Path, prompts: Path) -> str:
    """A hash of the brief-shaping files of ``package`` (``BRIEF_CODE``, ``BRIEF_DATA``), the prompt templates in
    ``prompts``, the package's version and the versions of ``LIBRARIES``."""
    from importlib import metadata

    digest = hashlib.sha256(f"summarizer {__version__}\0".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\0".encode())
    files = [package / name for name in BRIEF_CODE]
    files += sorted(path for pattern in BRIEF_DATA for path in package.glob(pattern))
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(prompts.glob("*.j2")):
        digest.update(f"prompts/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The fingerprint of this installation: any edit to the code that makes briefs invalidates every cached
    brief; an edit to the code that only shows them does not."""
    return fingerprint(Path(__file__).resolve().parent, prompts_dir())


def run_identity(*, provider: str, model: str, templates: str, options: Mapping[str, Any],
                 response_format: str | None = None) -> str:
    """What every brief of a run depends on, as one hash (``templates``: the full template text;
    ``response_format``: ``auto`` or the format fixed for a server, None for local and replay)."""
    blob = json.dumps({"format": FORMAT, "code": code_fingerprint(), "schema": SCHEMA_VERSION,
                       "provider": provider, "model": model, "response_format": response_format,
                       "templates": hashlib.sha256(templates.encode()).hexdigest(), "options": dict(options)},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def brief_key(run: str, data: bytes, suffix: str) -> str:
    """The key of an input's brief: the run's identity, the input's bytes, and whether its suffix makes it a web
    page or Markdown (whose front matter is metadata). The article (its text, sentences, date, the warnings
    reading it gave) follows from these, so a hit needs no reading of the article at all."""
    digest = hashlib.sha256(data).hexdigest()
    mode = "html" if suffix.lower() in HTML_SUFFIXES else "md" if suffix.lower() == ".md" else "text"
    blob = json.dumps([run, digest, mode])
    return hashlib.sha256(blob.encode()).hexdigest()


class BriefStore:
    """Briefs stored as ``<root>/<key[:2]>/<key>.json``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Brief | None:
        """The brief stored under ``key``, or None (absent, unreadable, or not a whole entry for this key)."""
        try:
            entry = json.loads(self.path(key).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or entry.get("format") != FORMAT:
            return None
        try:
            brief = Brief.model_validate(entry.get("brief"))
        except ValidationError:
            return None
        return brief if brief.article_sha256 and brief.status != "failed" else None

    def put(self, key: str, brief: Brief) -> Path:
        target = self.path(key)
        write_entry(target, {"format": FORMAT, "key": key, "brief": brief.model_dump(mode="json")})
        return target

    def entries(self) -> list[Path]:
        return sorted(self.root.glob("*/*.json")) if self.root.exists() else []
