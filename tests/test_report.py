"""The HTML report, read as HTML: every highlight is the article's own text at the cited span, nothing is
fetched, and article text, file names and model answers stay data.

Expectations come from the briefs themselves (their citations, incidents and statuses), never from counts
of today's recordings, so re-recording the fixtures does not break these tests. The same report in a real
browser: tests/test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.articles import read_article
from summarizer.cli import app
from summarizer.export import load_briefs
from summarizer.report import TEMPLATES, build_report, citations
from summarizer.schema import Brief, Citation
from tests.conftest import EXCHANGES, ROOT, SEEDS

RECORDED = ROOT / "fixtures" / "briefs" / "recorded.jsonl"
PLANTED = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '<a href="javascript:window.__pwned=3">x</a>')


@dataclass
class Mark:
    section: str
    cids: list[str]
    start: int  # offset in the section's article text, as the page shows it
    text: str = ""


class Page(HTMLParser):
    """What a browser would build: tags with their attributes, each article's shown text, its marks, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, str] = {}
        self.marks: list[Mark] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.all_text: list[str] = []
        self._section = ""
        self._in_text = False
        self._mark: Mark | None = None
        self._script: tuple[dict[str, str], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "section" and re.fullmatch(r"a\d+", a.get("id", "")):
            self._section = a["id"]
        elif tag == "div" and "article-text" in a.get("class", "").split():
            self._in_text = True
            self.texts[self._section] = ""
        elif tag == "mark" and self._in_text:
            self._mark = Mark(self._section, a.get("data-cites", "").split(), len(self.texts[self._section]))
            self.marks.append(self._mark)
        elif tag == "script":
            self._script = (a, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_text:
            self._in_text = False
        elif tag == "mark":
            self._mark = None
        elif tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
            return
        self.all_text.append(data)
        if self._in_text:
            self.texts[self._section] += data
            if self._mark is not None:
                self._mark.text += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def embedded(page: Page) -> dict[str, object]:
    (data,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    parsed: dict[str, object] = json.loads(data)
    return parsed


@pytest.fixture(scope="module")
def recorded() -> list[Brief]:
    return load_briefs(RECORDED)


@pytest.fixture(scope="module")
def page(recorded: list[Brief]) -> Page:
    return parse(build_report(recorded, [ROOT]))


def test_every_citation_is_highlighted_on_exactly_the_article_text_it_cites(recorded: list[Brief],
                                                                          page: Page) -> None:
    assert sum(len(citations(b)) for b in recorded) > 0
    for i, brief in enumerate(recorded):
        text = read_article(ROOT / brief.article).text
        shown = page.texts[f"a{i}"]
        assert shown == text, f"{brief.article}: the page does not show the article text as it is"
        marks = [m for m in page.marks if m.section == f"a{i}"]
        for m in marks:
            assert m.text == text[m.start:m.start + len(m.text)]
        for k, c in enumerate(citations(brief)):
            covering = sorted((m for m in marks if f"a{i}c{k}" in m.cids), key=lambda m: m.start)
            assert covering, f"{brief.article}: citation S{c.sentence} is not highlighted"
            start, end = covering[0].start, covering[-1].start + len(covering[-1].text)
            assert (start, end) == (c.start, c.end)
            assert "".join(m.text for m in covering) == text[c.start:c.end]
            assert text[c.start:c.end].split() == c.quote.split()
    highlighted = {cid for m in page.marks for cid in m.cids}
    assert len(highlighted) == sum(len(citations(b)) for b in recorded)


def test_hovering_a_highlight_names_the_facts_it_supports(recorded: list[Brief]) -> None:
    html = build_report(recorded, [ROOT])
    first = next(b for b in recorded if b.incidents and b.incidents[0].figures)
    i = recorded.index(first)
    fig = first.incidents[0].figures[0]
    titles = re.findall(rf'<mark data-cites="[^"]*\ba{i}c\d+\b[^"]*" title="([^"]*)"', html)
    assert any(f"S{fig.citation.sentence} supports:" in t and fig.outcome in t for t in titles)


def test_the_report_holds_the_briefs_and_the_batch_at_a_glance(recorded: list[Brief], page: Page) -> None:
    data = embedded(page)
    assert [Brief.model_validate(b) for b in data["briefs"]] == recorded  # type: ignore[attr-defined]
    text = " ".join(" ".join(page.all_text).split())
    for status, word in (("ok", "ok"), ("no_incident", "no incident"), ("failed", "failed")):
        assert f"{sum(b.status == status for b in recorded)} {word}" in text
    tokens = sum(b.usage.prompt_tokens + b.usage.completion_tokens for b in recorded)
    assert f"{tokens:,}" in text
    for b in recorded:
        assert b.model is None or b.model in text
    rows = [a for tag, a in page.tags if tag == "tr" and "data-status" in a]
    assert len(rows) == sum(max(len(b.incidents), 1) for b in recorded)
    bars = [a for tag, a in page.tags if tag == "g" and "data-target" in a]
    with_killed = sum(1 for b in recorded for inc in b.incidents
                      if any(e.outcome == "killed" and e.side == "victims" and (e.low, e.high) != (None, None)
                             for e in inc.estimates))
    assert len(bars) == with_killed


def test_nothing_is_fetched_and_only_the_reports_own_script_may_run(page: Page) -> None:
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert "src" not in attrs
        assert attrs.get("href", "#").startswith("#")
    (csp,) = [a["content"] for tag, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp
    code = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert code == [(TEMPLATES / "report.js").read_text(encoding="utf-8")]
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def _planted_brief(recorded: list[Brief], folder: Path) -> Brief:
    """A brief whose article text, file name and model answers all carry markup that would run if not escaped."""
    name = folder / "evil<img src=x onerror=window.__pwned=4>.txt"
    text = f"Gunmen killed nine people in Velka on Sunday, police said. {PLANTED}\nMore text.\n"
    name.write_text(text, encoding="utf-8")
    article = read_article(name)
    source = next(b for b in recorded if b.incidents and b.incidents[0].figures)
    sentence = article.sentences[0]
    cite = Citation(sentence=sentence.id, start=sentence.start, end=sentence.end, quote=sentence.text)
    evil = article.sentences[-2] if len(article.sentences) > 1 else sentence
    inc = source.incidents[0]
    figure = inc.figures[0].model_copy(update={"citation": cite, "according_to": PLANTED, "amount_text": "nine"})
    inc = inc.model_copy(update={
        "headline": PLANTED, "summary": PLANTED + "\u2028</script><script>window.__pwned=5</script>",
        "perpetrator": PLANTED, "target": "javascript:alert(1)", "place": PLANTED, "figures": [figure],
        "place_citation": Citation(sentence=evil.id, start=evil.start, end=evil.end, quote=evil.text),
        "perpetrator_citation": None, "responsibility": None,
    })
    return source.model_copy(update={"article": str(name), "article_sha256": article.sha256, "incidents": [inc],
                                     "warnings": [PLANTED], "left_out": [PLANTED], "model": PLANTED})


def planted_report(recorded: list[Brief], folder: Path) -> tuple[str, list[Brief]]:
    briefs = [_planted_brief(recorded, folder),
              Brief(article=PLANTED + ".txt", article_sha256=None, status="failed", error=PLANTED)]
    return build_report(briefs, [folder]), briefs


def test_markup_in_articles_file_names_and_answers_is_shown_as_text(recorded: list[Brief], tmp_path: Path) -> None:
    html, briefs = planted_report(recorded, tmp_path)
    page = parse(html)
    for tag, attrs in page.tags:
        assert tag not in ("img", "a") or attrs.get("href", "").startswith("#"), (tag, attrs)
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values()), (tag, attrs)
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None]
    shown = "".join(page.all_text)
    assert shown.count(PLANTED) >= 6  # article text, headline, summary, perpetrator, warning, error, ...
    assert "evil<img src=x onerror=window.__pwned=4>.txt" in shown
    data = embedded(page)
    assert [Brief.model_validate(b) for b in data["briefs"]] == briefs  # type: ignore[attr-defined]
    raw = html[html.index('id="report-data">'):]
    raw = raw[:raw.index("</script>")]
    assert "<" not in raw.removeprefix('id="report-data">') and "\u2028" not in raw
    assert {c for m in page.marks for c in m.cids} == {"a0c0", "a0c1"}  # highlighted all the same
    assert any(PLANTED in m.text for m in page.marks)


def _copy_seed(tmp_path: Path, recorded: list[Brief]) -> tuple[Brief, Path]:
    brief = next(b for b in recorded if b.article.startswith("seeds/") and citations(b))
    copy = tmp_path / "seeds" / Path(brief.article).name
    copy.parent.mkdir()
    shutil.copy(ROOT / brief.article, copy)
    return brief, copy


def test_a_missing_article_shows_the_brief_and_the_saved_quotes_without_highlights(recorded: list[Brief],
                                                                                  tmp_path: Path) -> None:
    brief = next(b for b in recorded if citations(b))
    page = parse(build_report([brief], [tmp_path]))
    assert not page.marks and not page.texts
    shown = " ".join(page.all_text)
    assert "was not found" in shown and brief.incidents[0].headline in shown
    for c in citations(brief):
        assert c.quote in shown


def test_a_changed_article_is_not_highlighted_and_the_report_says_why(recorded: list[Brief], tmp_path: Path) -> None:
    brief, copy = _copy_seed(tmp_path, recorded)
    assert parse(build_report([brief], [tmp_path])).marks  # the same text: highlighted
    copy.write_text("Breaking: " + copy.read_text(encoding="utf-8"), encoding="utf-8")
    page = parse(build_report([brief], [tmp_path]))
    assert not page.marks
    assert "has changed since this brief was made" in " ".join(page.all_text)


def test_a_citation_that_does_not_fit_the_text_is_not_highlighted(recorded: list[Brief]) -> None:
    brief = next(b for b in recorded if b.incidents and b.incidents[0].figures and len(citations(b)) > 1)
    inc = brief.incidents[0]
    figure = inc.figures[0]
    wrong = figure.citation.model_copy(update={"start": figure.citation.start + 3})
    inc = inc.model_copy(update={"figures": [figure.model_copy(update={"citation": wrong}), *inc.figures[1:]]})
    bad = brief.model_copy(update={"incidents": [inc, *brief.incidents[1:]]})
    k = next(n for n, c in enumerate(citations(bad)) if c is wrong)
    page = parse(build_report([bad], [ROOT]))
    assert {c for m in page.marks for c in m.cids} == {f"a0c{n}" for n in range(len(citations(bad))) if n != k}
    assert "do not match the article text at their spans" in " ".join(page.all_text)


def test_failed_and_no_incident_articles_say_so(recorded: list[Brief]) -> None:
    ok = next(b for b in recorded if b.status == "ok")
    failed = ok.model_copy(update={"status": "failed", "error": "the server answered 500 three times",
                                   "incidents": []})
    none = ok.model_copy(update={"status": "no_incident", "incidents": []})
    shown = " ".join(parse(build_report([failed, none], [ROOT])).all_text)
    assert "Failed: the server answered 500 three times" in " ".join(shown.split())
    assert "No violent incident reported in this article." in shown


def test_a_hundred_article_report_stays_under_3_mb(recorded: list[Brief]) -> None:
    hundred = (recorded * (100 // len(recorded) + 1))[:100]
    size = len(build_report(hundred, [ROOT]).encode("utf-8"))
    assert size < 3_000_000, f"{size:,} bytes for 100 articles"


def test_report_command_builds_from_saved_briefs_without_a_model(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out" / "report.html"
    monkeypatch.chdir(tmp_path)  # the briefs name their articles relative to the checkout: found from the file
    result = CliRunner().invoke(app, ["report", str(RECORDED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = parse(out.read_text(encoding="utf-8"))
    assert len({c for m in page.marks for c in m.cids}) == sum(len(citations(b)) for b in load_briefs(RECORDED))
    assert CliRunner().invoke(app, ["report", str(RECORDED), "-o", str(tmp_path)]).exit_code == 2
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_summarize_format_html_is_the_one_command_path(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--cache-dir", str(tmp_path / "cache"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    briefs = [Brief.model_validate(b) for b in embedded(parse(out.read_text(encoding="utf-8")))["briefs"]]  # type: ignore[attr-defined]
    page = parse(out.read_text(encoding="utf-8"))
    assert len(briefs) == len(list(SEEDS.glob("*.txt")))
    assert len({c for m in page.marks for c in m.cids}) == sum(len(citations(b)) for b in briefs)


def test_control_characters_and_bidi_overrides_show_as_visible_escapes(recorded: list[Brief]) -> None:
    ok = next(b for b in recorded if b.incidents)
    inc = ok.incidents[0].model_copy(update={"headline": "killed \u202e0001\u202c by \x1b[31mX"})
    shown = "".join(parse(build_report([ok.model_copy(update={"incidents": [inc]})], [ROOT])).all_text)
    assert "killed \\u202e0001\\u202c by \\x1b[31mX" in shown
    assert "\u202e" not in shown and "\x1b" not in shown


def test_the_incident_view_lists_each_merged_incident_with_links_to_every_article_that_reports_it() -> None:
    from summarizer.incidents import merge_incidents

    briefs = load_briefs(ROOT / "fixtures" / "merge" / "briefs.jsonl")
    html = build_report(briefs, [ROOT])
    merged = merge_incidents(briefs)
    anchors = set(re.findall(r'<section class="article" id="([^"]+)">', html))
    assert len(anchors) == len(briefs)
    rows = dict(re.findall(r'<tr id="merged-(I\d+)">(.*?)</tr>', html, re.S))
    assert sorted(rows) == sorted(m.id for m in merged)
    several = [m for m in merged if len(m.members) > 1]
    assert several, "the merge set has incidents reported by several articles"
    for m in several:
        reported_by = re.findall(r"<td>(.*?)</td>", rows[m.id], re.S)[4]
        linked = re.findall(r'<a href="#([^"]+)">', reported_by)
        assert len(linked) == len(m.members) and all(a in anchors for a in linked)
