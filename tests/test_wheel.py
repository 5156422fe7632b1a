"""The wheel ships the prompts and declares what its extras import: built, installed in a fresh venv, run from outside
the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import EXCHANGES, ROOT, SEEDS


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp / "dist"), str(ROOT)], check=True, env=env)
    (wheel,) = (tmp / "dist").glob("incident_summarizer-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, env=env)
    # Dependencies come from the test's own environment; the project itself only from the wheel.
    site = subprocess.run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "deps-from-test-env.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return venv


def test_help_runs_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run([installed / "bin" / "summarizer", "--help"], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout
    assert "summarize" in out and "schema" in out
    where = subprocess.run([installed / "bin" / "python", "-c",
                            "import summarizer.prompts as p; print(p.prompts_dir())"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    assert where.startswith(str(installed)) and where.endswith("_prompts")


def test_replay_from_outside_the_checkout_uses_the_shipped_prompts(installed: Path, tmp_path: Path) -> None:
    seed = SEEDS / "003_1315655d0b13ffe5.txt"
    shutil.copy(seed, tmp_path / seed.name)
    result = subprocess.run(
        [installed / "bin" / "summarizer", "summarize", seed.name, "--provider", "replay", "--fixtures",
         str(EXCHANGES), "--format", "jsonl", "--cache-dir", str(tmp_path / "cache")],
        cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert '"status":"ok"' in result.stdout or '"status":"no_incident"' in result.stdout


def test_html_report_from_the_installed_wheel_uses_the_shipped_template(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = subprocess.run([installed / "bin" / "summarizer", "report", str(ROOT / "fixtures" / "briefs" /
                             "recorded.jsonl"), "-o", str(out)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<mark data-cites=" in html and "Content-Security-Policy" in html


def test_the_html_extra_imports_in_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    """Every project the wheel's [html] extra names imports, and a web page is read through it: the extra's
    dependencies are declared (lxml_html_clean among them), not left to another project's extras."""
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><head><title>Blast in Velka</title></head><body><article><p>Gunmen "
                    "from the Iron Wolves killed nine people in Velka on Tuesday, police said.</p><p>Fourteen "
                    "people were wounded in the attack on the market.</p></article></body></html>")
    script = (
        "import importlib, re, sys\n"
        "from importlib.metadata import requires\n"
        "from pathlib import Path\n"
        "extra = [re.split(r'[<>=!~; ]', r)[0].replace('-', '_') for r in requires('incident-summarizer') or []\n"
        "         if re.search(r\"extra *== *.html.\", r)]\n"
        "for name in extra:\n"
        "    importlib.import_module(name)\n"
        "import lxml.html.clean\n"
        "from summarizer.articles import read_article\n"
        "article = read_article(Path(sys.argv[1]))\n"
        "print(' '.join(extra)); print(' | '.join(s.text for s in article.sentences)); print(article.warnings[-1])\n"
    )
    done = subprocess.run([installed / "bin" / "python", "-c", script, str(page)], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    names, sentences, warning = done.stdout.splitlines()
    assert set(names.split()) == {"trafilatura", "lxml_html_clean"}
    assert "Iron Wolves killed nine people" in sentences and "<p>" not in sentences
    assert warning.startswith("HTML page: the article text was extracted with trafilatura")
