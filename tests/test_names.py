"""No invented names: every name a committed brief shows is text of its article, or a gazetteer entry marked as
one. Source, outlet, role, according-to, place, province, country, perpetrator, claimant: zero exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.articles import read_article
from summarizer.grounding import missing_words
from summarizer.schema import Brief
from tests.conftest import ROOT

RECORDED = ROOT / "fixtures" / "briefs" / "recorded.jsonl"
EXTRA = ROOT / "fixtures" / "briefs" / "extra.jsonl"  # the extra set's briefs (seeds' copies and merge articles)


def recorded(path: Path = RECORDED) -> list[Brief]:
    return [Brief.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def shown_names(brief: Brief) -> list[tuple[str, str]]:
    """(what, name) for every name the brief shows a reader."""
    names: list[tuple[str, str]] = []
    for inc in brief.incidents:
        names += [("according to", f.according_to) for f in inc.figures if f.according_to]
        for src in inc.sources:
            names += [(kind, value) for kind, value in (("source", src.name), ("role", src.role),
                                                        ("outlet", src.outlet)) if value]
        names += [(kind, value) for kind, value in (("place", inc.place), ("perpetrator", inc.perpetrator)) if value]
        if inc.country and inc.country_source != "gazetteer":
            names.append(("country", inc.country))
        if inc.province and inc.province_source != "gazetteer":
            names.append(("province", inc.province))
        if inc.responsibility:
            names.append(("claimant", inc.responsibility.claimed_by))
    return names


def test_the_recordings_cover_the_seeds_and_both_halves_of_the_dev_set() -> None:
    names = {Path(b.article).name[:3] for b in recorded()}
    assert {f"{n:03d}" for n in range(1, 37)} <= names and len(recorded()) == 41


@pytest.mark.parametrize("brief", [*recorded(), *recorded(EXTRA)], ids=lambda b: Path(b.article).name)
def test_every_name_a_brief_shows_is_in_its_article(brief: Brief) -> None:
    text = read_article(ROOT / brief.article).text
    invented = [(kind, name) for kind, name in shown_names(brief) if missing_words(name, text)]
    assert invented == []
