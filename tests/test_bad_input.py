"""Junk in a batch: every bad file gets a clear one-line error or a sensible brief, never a traceback, and
the batch goes on. Runs the real CLI against the loopback fake server."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import ArticleError, Input, expand_inputs, load, read_article
from tests import fakeserver as fs
from tests.conftest import EXCHANGES, SEEDS
from tests.test_faults import summarize

HTML = """<!DOCTYPE html><html><head><title>Gunmen kill nine in raid on Velka market</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>Gunmen kill nine in raid on Velka market</h1>
<p>Gunmen from the Iron Wolves stormed a market in Velka on Sunday, killing nine traders, police said.</p>
<p>Another 14 people were wounded.</p><p>The market had reopened in May.</p></article>
<footer>Sign up for our newsletter. All rights reserved.</footer></body></html>"""


@pytest.fixture
def server() -> Any:
    with fs.FakeOpenAI(EXCHANGES, responder=lambda body: fs.VELKA_ANSWER if "Iron Wolves" in str(body) else None) as s:
        yield s


def test_a_folder_of_junk(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "01_empty.txt").write_bytes(b"")
    (d / "02_blank.txt").write_bytes(b" \n\t\r\n  \n")
    (d / "03_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "04_controls.txt").write_bytes(bytes(range(1, 9)) * 40)
    (d / "05_latin1.txt").write_bytes(fs.VELKA.replace("wounded.", "wounded at the café.").encode("latin-1"))
    (d / "06_utf16.txt").write_bytes(fs.VELKA.encode("utf-16"))
    (d / "07_page.html").write_text(HTML)
    (d / "08_numbers.md").write_text("1 2 3 4\n---- %%% 55\n")
    (d / "09_recipe.txt").write_text("Preheat the oven to 200 degrees. Mix the flour with two eggs.\n")
    (d / "10_loop.txt").symlink_to(d / "10_loop.txt")
    (d / "11_broken.txt").symlink_to(d / "nowhere.txt")
    (d / "12_folder.txt").mkdir()  # not a file: not an input at all
    (d / "13_utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + fs.VELKA.encode())
    code, briefs, result = summarize(server, d, cache=tmp_path / "cache")
    assert code == 1
    got = {Path(b["article"]).name: b for b in briefs}
    assert sorted(got) == sorted(p.name for p in d.iterdir() if p.name != "12_folder.txt")

    def error(name: str) -> str:
        assert got[name]["status"] == "failed", got[name]
        message: str = got[name]["error"]
        assert message.startswith(str(d / name) + ": ") and "\n" not in message
        return message.split(": ", 1)[1]

    assert error("01_empty.txt") == "the file is empty"
    assert error("02_blank.txt") == "the file is empty (only white space)"
    assert error("03_binary.txt") == "a binary file, not text (it has NUL bytes)"
    assert error("04_controls.txt").startswith("a binary file, not text")
    assert error("08_numbers.md") == "not an article (no sentence with words in it)"
    assert error("10_loop.txt") == "cannot read (a symbolic link loop)"
    assert error("11_broken.txt") == f"a broken symbolic link (to {d / 'nowhere.txt'})"
    for name in ("05_latin1.txt", "06_utf16.txt", "07_page.html", "13_utf8_bom.txt"):
        assert got[name]["status"] == "ok", (name, got[name]["error"])
        figures = got[name]["incidents"][0]["figures"]
        # the headline's own "nine", then the lede's, then the wounded
        assert [(f["amount_text"], f["citation"]["sentence"]) for f in figures] == [("nine", 1), ("nine", 2), ("14", 3)]
    assert "Windows-1252" in got["05_latin1.txt"]["warnings"][0]
    assert "trafilatura" in got["07_page.html"]["warnings"][0]
    assert got["13_utf8_bom.txt"]["duplicate_of"] == str(d / "06_utf16.txt")
    assert got["09_recipe.txt"]["status"] == "no_incident"
    assert "Traceback" not in result.output


def test_quotes_of_a_latin1_article_are_its_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("Kämpfer töteten drei Menschen in Velká.\nDie Polizei bestätigte das.".encode("latin-1"))
    article = read_article(f)
    assert [s.text for s in article.sentences] == ["Kämpfer töteten drei Menschen in Velká.",
                                                   "Die Polizei bestätigte das."]


def test_utf16_without_bom_and_utf32_with_bom_are_read(tmp_path: Path) -> None:
    for name, data in [("le.txt", fs.VELKA.encode("utf-16-le")), ("be.txt", fs.VELKA.encode("utf-16-be")),
                       ("u32.txt", fs.VELKA.encode("utf-32"))]:
        (tmp_path / name).write_bytes(data)
        assert read_article(tmp_path / name).sentences[1].text.startswith("Gunmen from the Iron Wolves")


def test_html_without_the_extra_is_refused_with_the_install_command(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if [html] were not installed
    (tmp_path / "page.html").write_text(HTML)
    with pytest.raises(ArticleError, match=r"pip install 'incident-summarizer\[html\]'"):
        read_article(tmp_path / "page.html")


def test_a_broken_html_extra_names_the_real_import_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura installed but failing to import (lxml without lxml_html_clean) is not a missing extra."""
    fake = tmp_path / "site" / "trafilatura"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ImportError("lxml.html.clean module is now a separate project '
                                      'lxml_html_clean.\\nInstall lxml[html_clean] or lxml_html_clean directly.")')
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    (tmp_path / "page.html").write_text(HTML)
    with pytest.raises(ArticleError) as refused:
        read_article(tmp_path / "page.html")
    assert str(refused.value) == (f"{tmp_path / 'page.html'}: an HTML page; trafilatura (the [html] extra) is "
                                  "installed but does not import: lxml.html.clean module is now a separate project "
                                  "lxml_html_clean. Install lxml[html_clean] or lxml_html_clean directly.")


def test_html_in_a_txt_file_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(HTML)
    article = read_article(tmp_path / "page.txt")
    assert "Subscribe" not in article.text and "<p>" not in article.text
    assert article.sentences[1].text.startswith("Gunmen from the Iron Wolves")


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("Gunmen killed two people in Velka.")
    f.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads anything: a folder given as a file is what fails to read then
            f = tmp_path / "folder.txt"
            f.mkdir()
        with pytest.raises(ArticleError, match=r"cannot read \((permission denied|it is a folder)\)"):
            load(Input(str(f), f))
    finally:
        (tmp_path / "locked.txt").chmod(0o644)


def test_a_folder_that_links_to_itself_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Gunmen killed two people in Velka.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    assert [Path(i.name).name for i in expand_inputs([str(tmp_path)])] == ["a.txt"]


def test_the_same_text_twice_is_summarized_once(server: fs.FakeOpenAI, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    seed = SEEDS / "003_1315655d0b13ffe5.txt"
    (d / "a.txt").write_bytes(seed.read_bytes())
    (d / "b_copy.txt").write_bytes(seed.read_bytes())
    (d / "c_link.txt").symlink_to(seed)  # a link to a file is that file
    code, briefs, _ = summarize(server, d, cache=tmp_path / "cache")
    assert code == 0
    first, copy, link = briefs
    # Nothing was asked for the copies. Requests are counted by body: a transport retry of a request the
    # server was slow to answer (CI once saw one on a loaded machine) sends the same body again.
    asked = {json.dumps(r.body, sort_keys=True) for r in server.received}
    assert len(asked) == first["usage"]["calls"]
    for dup in (copy, link):
        assert dup["duplicate_of"] == first["article"] and dup["incidents"] == first["incidents"]
        assert dup["usage"]["calls"] == 0 and dup["status"] == first["status"]
        assert f"same text as {first['article']}" in dup["warnings"][-1]
    assert first["duplicate_of"] is None
