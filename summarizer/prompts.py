"""Prompt templates: files in ``prompts/``, rendered by instructor's Jinja templating.

The messages handed to instructor are the raw template sources; instructor renders them with the
article as context. The system template has no variables, so it is byte-identical for every article and
every call, and the local model reuses its KV cache for that
prefix; whatever is particular to an article goes in the user message.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TEMPLATE_FILES = ("system.j2", "extract.j2")


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

    @property
    def hash(self) -> str:
        """Short id of the template text, carried by every brief so results can be traced to prompts."""
        digest = hashlib.sha256(f"{self.system}\0{self.extract}".encode()).hexdigest()
        return digest[:12]

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.extract}]


@lru_cache(maxsize=4)
def load_templates(directory: Path | None = None) -> Templates:
    base = directory or prompts_dir()
    system, extract = ((base / name).read_text(encoding="utf-8") for name in TEMPLATE_FILES)
    return Templates(system=system, extract=extract)
