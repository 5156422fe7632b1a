"""Where things live by default: the user cache dir, and the fixture store of the current checkout."""

from __future__ import annotations

from pathlib import Path

import platformdirs

FIXTURE_SUBDIR = Path("fixtures") / "exchanges"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("summarizer"))


def default_fixtures_dir() -> Path | None:
    """``fixtures/exchanges`` under the working directory, else of the checkout this code runs from."""
    for base in (Path.cwd(), Path(__file__).resolve().parent.parent):
        candidate = base / FIXTURE_SUBDIR
        if candidate.is_dir():
            return candidate
    return None
