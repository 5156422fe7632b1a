"""The HTML report in a real browser: headless Chromium from Debian's packages (scripts/browser.sh installs it
when missing; this test skips, saying so, only when it is not there).

The report is built the way a user builds it: the seeds and the dev articles summarized in replay mode to a
JSON Lines file, then ``summarizer report``. Expected numbers come from those briefs. ``pytest
--update-screenshot`` also writes the screenshot shown in the README (docs/report.png).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.export import load_briefs
from summarizer.report import citations
from summarizer.schema import Brief
from tests.browser import Browser, find_browser
from tests.conftest import DEV, EXCHANGES, ROOT, SEEDS
from tests.test_report import planted_report

SCREENSHOT = ROOT / "docs" / "report.png"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        pytest.skip("Chromium is not installed, so the report was not checked in a browser: scripts/browser.sh "
                    "(run by scripts/test.sh) installs Debian's chromium package when run as root with apt-get")
    with Browser(executable, width=1400, height=900) as b:
        yield b


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Brief]]:
    tmp = tmp_path_factory.mktemp("report")
    jsonl = tmp / "briefs.jsonl"
    # Relative paths, as a user types them: the report shows them, and finds the articles from here.
    seeds, dev = os.path.relpath(SEEDS), os.path.relpath(DEV)
    run = CliRunner().invoke(app, ["summarize", seeds, dev, "--provider", "replay", "--fixtures",
                                   str(EXCHANGES), "--cache-dir", str(tmp / "cache"), "--format", "jsonl", "-o",
                                   str(jsonl), "-q"])
    assert run.exit_code in (0, 1), run.output  # 1: some article failed, which the report must show too
    html = tmp / "report.html"
    made = CliRunner().invoke(app, ["report", str(jsonl), "-o", str(html), "-q"])
    assert made.exit_code == 0, made.output
    return html, load_briefs(jsonl)


@pytest.fixture(scope="module")
def page(browser: Browser, built: tuple[Path, list[Brief]]) -> Browser:
    browser.open(built[0])
    return browser


def _visible_js(selector: str) -> str:
    """JS: is the first element matching ``selector`` inside the window and inside its scrolled text pane."""
    return f"""(() => {{
        const el = document.querySelector({json.dumps(selector)});
        const r = el.getBoundingClientRect();
        const pane = el.closest('.article-text').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1;
    }})()"""


def test_the_report_loads_without_console_errors(page: Browser) -> None:
    assert page.console_errors() == []
    assert page.js("document.querySelectorAll('script').length") == 2  # the data and the report's own script


def test_every_citation_is_highlighted(page: Browser, built: tuple[Path, list[Brief]]) -> None:
    expected = sum(len(citations(b)) for b in built[1])
    assert expected > 0
    highlighted = page.js("new Set([...document.querySelectorAll('mark[data-cites]')]"
                          ".flatMap(m => m.dataset.cites.split(' '))).size")
    assert highlighted == expected
    shown = page.js("document.querySelector('.counts').textContent.replace(/\\s+/g, ' ')")
    assert f"{expected} cited facts, {expected} highlighted" in shown


def test_clicking_a_figure_scrolls_its_sentence_into_view_and_flashes_it(page: Browser) -> None:
    # A figure whose sentence is out of sight before the click: its article's text pane scrolled away from it.
    target = page.js("""(() => {
        for (const row of document.querySelectorAll('tr.figure[data-target]')) {
            const id = row.dataset.target;
            const mark = document.querySelector(`mark[data-cites~="${id}"]`);
            const pane = mark.closest('.article-text');
            if (pane.scrollHeight <= pane.clientHeight) continue;
            pane.scrollTop = mark.offsetTop - pane.offsetTop > pane.clientHeight ? 0 : pane.scrollHeight;
            const r = mark.getBoundingClientRect(), p = pane.getBoundingClientRect();
            if (r.bottom < p.top || r.top > p.bottom) return id;
        }
        return null;
    })()""")
    assert target, "no figure's sentence can be scrolled out of sight: are all articles short?"
    mark = f'mark[data-cites~="{target}"]'
    page.js(f"document.querySelector({json.dumps(mark)}).closest('section').scrollIntoView()")
    assert not page.js(_visible_js(mark))
    page.click(f'tr.figure[data-target="{target}"] button.cite')
    time.sleep(0.2)
    assert page.js(_visible_js(mark))
    assert page.js(f"document.querySelector({json.dumps(mark)}).classList.contains('flash')")


def test_hovering_a_highlight_says_which_facts_it_supports(page: Browser) -> None:
    title = page.js("document.querySelector('mark[data-cites]').title")
    assert " supports: " in title
    box = page.js("""(() => { const m = document.querySelector('mark[data-cites]'); m.scrollIntoView({block: 'center'});
        const r = m.getClientRects()[0]; return [r.left + 3, r.top + r.height / 2]; })()""")
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box[0], "y": box[1]})
    linked = page.js("""(() => { const ids = document.querySelector('mark[data-cites]').dataset.cites.split(' ');
        return ids.every(id => [...document.querySelectorAll(`[data-target="${id}"]`)]
                               .every(el => el.classList.contains('linked'))); })()""")
    assert linked


def test_the_incident_table_sorts_and_filters(page: Browser, built: tuple[Path, list[Brief]]) -> None:
    page.click('#incident-table th:nth-child(9)')  # Killed
    first = page.js("[...document.querySelectorAll('#incident-table tbody tr')].map(r => Number(r.cells[8]"
                    "?.dataset.value ?? -1))")
    page.click('#incident-table th:nth-child(9)')
    second = page.js("[...document.querySelectorAll('#incident-table tbody tr')].map(r => Number(r.cells[8]"
                     "?.dataset.value ?? -1))")
    assert first == sorted(first) and second == sorted(second, reverse=True)
    country = next(inc.country for b in built[1] for inc in b.incidents if inc.country)
    page.js(f"""(() => {{ const s = document.querySelector('select[data-filter="country"]');
        s.value = {json.dumps(country)}; s.dispatchEvent(new Event('change')); }})()""")
    shown = page.js("[...document.querySelectorAll('#incident-table tbody tr:not(.hidden)')]"
                    ".map(r => r.dataset.country)")
    assert shown == [country] * sum(inc.country == country for b in built[1] for inc in b.incidents)
    page.js("""(() => { const s = document.querySelector('select[data-filter="country"]');
        s.value = ''; s.dispatchEvent(new Event('change')); })()""")
    assert page.console_errors() == []


def test_screenshot(page: Browser, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """The picture in the README: an article's brief beside its text, a figure just clicked."""
    page.js("document.querySelectorAll('.flash').forEach(el => el.classList.remove('flash'))")  # earlier tests' clicks
    target = page.js("""(() => { const rows = [...document.querySelectorAll('tr.figure[data-target]')];
        const row = rows.find(r => r.closest('section').querySelector('.article-text')) || rows[0];
        row.closest('section').scrollIntoView(); window.scrollBy(0, -8); return row.dataset.target; })()""")
    page.click(f'tr.figure[data-target="{target}"] button.cite')
    page.js("document.querySelector('tr.figure[data-target=\"" + target + "\"]').closest('section')"
            ".scrollIntoView(); window.scrollBy(0, -8)")
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})  # no hover in the picture
    time.sleep(0.3)
    shot = tmp_path / "report.png"
    page.screenshot(shot)
    assert shot.stat().st_size > 10_000
    if request.config.getoption("--update-screenshot"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copy(shot, SCREENSHOT)


def test_a_planted_script_never_runs(browser: Browser, tmp_path: Path) -> None:
    recorded = load_briefs(ROOT / "fixtures" / "briefs" / "recorded.jsonl")
    html, _ = planted_report(recorded, tmp_path)
    report = tmp_path / "planted.html"
    report.write_text(html, encoding="utf-8")
    browser.open(report)
    assert browser.console_errors() == []
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.querySelectorAll('img, iframe, a[href^=\"javascript:\" i], [onerror]').length") == 0
    assert browser.js("document.body.textContent.includes('<script>window.__pwned=1</script>')")
    for selector in ("button.cite", "mark", "tr.figure"):
        for k in range(browser.js(f"document.querySelectorAll('{selector}').length")):
            browser.js(f"document.querySelectorAll('{selector}')[{k}].click()")
    assert browser.js("typeof window.__pwned") == "undefined"
    # And were escaping ever to fail, the Content-Security-Policy would refuse a script it does not know.
    browser.js("(() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 6';"
               "document.body.appendChild(s); })()")
    assert browser.js("typeof window.__pwned") == "undefined"
    assert any("Content Security Policy" in e for e in browser.console_errors())
