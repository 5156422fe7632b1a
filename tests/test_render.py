"""What a person reads in the terminal: the seeds' briefs, rendered by rich at a fixed width, replayed.

The expected screens in tests/expected/ were written by ``pytest --update-expected`` and read by a person;
a change to the wording or layout shows as a diff there. The other tests check what must hold whatever
the layout: every figure on screen, claims marked, "not stated" for what the article does not say, and
article text that cannot drive the terminal.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.render import highlighted, print_rich, summary_table
from summarizer.schema import Brief
from tests.conftest import EXCHANGES, SEEDS, matches_expected

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_briefs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Brief]:
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--cache-dir", str(tmp_path_factory.mktemp("cache")), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    briefs = [Brief.model_validate_json(line) for line in result.stdout.splitlines()]
    return {Path(b.article).name: b for b in briefs}


def screen(briefs: list[Brief], width: int = 100, evidence: bool = False, summary: bool = False,
           color: bool = False) -> str:
    console = Console(record=True, width=width, file=io.StringIO(), color_system="standard" if color else None,
                      force_terminal=color)
    print_rich(briefs, console, evidence=evidence, summary=summary)
    return console.export_text(styles=color)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_brief_reads_as_expected(seed_briefs: dict[str, Brief], path: Path,
                                      request: pytest.FixtureRequest) -> None:
    matches_expected(request, f"{path.stem}.txt", screen([seed_briefs[path.name]]))


def test_evidence_shows_the_cited_sentences(seed_briefs: dict[str, Brief], request: pytest.FixtureRequest) -> None:
    brief = seed_briefs[SEED_FILES[0].name]
    text = screen([brief], evidence=True)
    matches_expected(request, f"{SEED_FILES[0].stem}.evidence.txt", text)
    flat = " ".join(text.replace("│", " ").split())
    for inc in brief.incidents:
        for f in inc.figures:
            assert " ".join(f.citation.quote.split()) in flat


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_fact_of_the_brief_is_on_screen(seed_briefs: dict[str, Brief], path: Path) -> None:
    brief = seed_briefs[path.name]
    text = screen([brief], width=200)
    for inc in brief.incidents:
        assert inc.headline in text
        for f in inc.figures:
            row = re.search(rf"{f.outcome}\s+{f.group}\s+{re.escape(f.amount_text)}\s+.*S{f.citation.sentence}", text)
            assert row, f"figure {f.amount_text!r} not on screen"
        for e in inc.estimates:
            assert f"low {e.low if e.low is not None else '?'} · best" in text and e.policy in text
        if inc.responsibility:
            assert f"claimed by {inc.responsibility.claimed_by}" in text and "their claim" in text
        if not inc.place:
            assert "not stated" in text
        if inc.date.text and inc.date.resolved is None:
            assert f"{inc.date.text} (not resolved to a day" in text


def test_highlight_marks_exactly_the_cited_words() -> None:
    quote = "Militants killed at least seven people, and AT LEAST SEVEN were hurt."
    text = highlighted(quote, ["at least seven"])
    marked = sorted((s.start, s.end) for s in text.spans)
    assert [quote[a:b] for a, b in marked] == ["at least seven", "AT LEAST SEVEN"]


def test_highlight_shows_without_colour(seed_briefs: dict[str, Brief]) -> None:
    brief = seed_briefs[SEED_FILES[0].name]
    amount = brief.incidents[0].figures[0].amount_text
    styled = screen([brief], evidence=True, color=True)
    # bold + underline (SGR 1 and 4) around the amount, whatever the colour
    assert re.search(r"\x1b\[1;4(;\d+)*m" + re.escape(amount), styled)


def _with_text(brief: Brief, text: str) -> Brief:
    inc = brief.incidents[0].model_copy(update={"summary": text, "headline": text, "perpetrator": text})
    return brief.model_copy(update={"incidents": [inc], "article": f"{text}.txt"})


def test_markup_and_escape_sequences_in_articles_print_inertly(seed_briefs: dict[str, Brief]) -> None:
    brief = _with_text(seed_briefs[SEED_FILES[0].name], "[bold red]BOOM[/] \x1b[31mred\x1b[0m \x07")
    plain = screen([brief], width=200, summary=True)
    assert "[bold red]BOOM[/]" in plain
    assert "\x1b" not in plain and "\x07" not in plain and "\\x1b[31mred" in plain
    styled = screen([brief], width=200, summary=True, color=True)
    assert "\x1b[31mred" not in styled and "\x07" not in styled


def test_summary_table_has_one_row_per_article(seed_briefs: dict[str, Brief], request: pytest.FixtureRequest) -> None:
    briefs = [b.model_copy(update={"seconds": 12.25}) for b in seed_briefs.values()]
    failed = briefs[0].model_copy(update={"status": "failed", "error": "empty file", "incidents": [],
                                          "article": "broken.txt", "seconds": 0.0})
    console = Console(record=True, width=100, file=io.StringIO(), color_system=None)
    console.print(summary_table([*briefs, failed]))
    text = console.export_text()
    matches_expected(request, "summary.txt", text)
    assert "failed: empty file" in text and text.count("12.2") == len(briefs)


@pytest.mark.parametrize("width", [60, 80])
def test_narrow_terminals_keep_the_numbers_whole(seed_briefs: dict[str, Brief], width: int) -> None:
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(summary_table(list(seed_briefs.values())))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= width
    for b in seed_briefs.values():
        assert f"{b.usage.prompt_tokens + b.usage.completion_tokens:,}" in text
