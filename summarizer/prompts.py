"""Prompt templates: files in ``prompts/``, rendered here with Jinja.

``Templates.render`` renders them with the article as context, the way instructor's templating does (a sandboxed
Jinja environment, the result dedented), and the pipeline hands instructor the rendered messages. Rendering
them here rather than in instructor means the pipeline can add its own turns (a re-ask quotes the model's
answer, which must not be read as a template) and a release of instructor cannot change a request. The system
template has no variables, so it is byte-identical for every article and every call, and the local model
reuses its KV cache for that prefix; whatever is particular to an article goes in the user message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from textwrap import dedent
from typing import Any, Literal

TEMPLATE_FILES = ("system.j2", "extract.j2", "confirm.j2", "other.j2", "story.j2")


def prompts_dir() -> Path:
    """``summarizer/_prompts`` inside an installed wheel; the repository's ``prompts/`` in a checkout."""
    packaged = Path(__file__).parent / "_prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Templates:
    system: str
    extract: str
    confirm: str = ""  # the focused question that follows an answer (``pipeline._confirm``)
    other: str = ""  # the question whether a sentence tells another incident (``pipeline._others``)
    story: str = ""  # the question whether the article is news of an attack (``pipeline._story``)

    @property
    def hash(self) -> str:
        """Short id of the template text, carried by every brief so results can be traced to prompts."""
        parts = (self.system, self.extract, self.confirm, self.other, self.story)
        digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        return digest[:12]

    def messages(self) -> list[dict[str, str]]:
        """The templates as they are, unrendered."""
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.extract}]

    def question(self, context: Mapping[str, Any],
                 template: Literal["confirm", "other", "story"] = "confirm") -> dict[str, str]:
        """The user turn of a focused question after an answer (``confirm.j2``), or after the request
        (``other.j2``, ``story.j2``)."""
        return {"role": "user", "content": _render(getattr(self, template), context).strip()}

    def render(self, context: Mapping[str, Any]) -> list[dict[str, str]]:
        """The system and user messages for an article's ``context``."""
        return [{"role": m["role"], "content": _render(m["content"], context)} for m in self.messages()]


def _render(source: str, context: Mapping[str, Any]) -> str:
    from jinja2.sandbox import SandboxedEnvironment  # imported where a model is asked: a cached run does without

    return dedent(SandboxedEnvironment().from_string(source).render(**context))


@lru_cache(maxsize=4)
def load_templates(directory: Path | None = None) -> Templates:
    base = directory or prompts_dir()
    system, extract, confirm, other, story = ((base / name).read_text(encoding="utf-8") for name in TEMPLATE_FILES)
    return Templates(system=system, extract=extract, confirm=confirm, other=other, story=story)
