"""Article metadata: .md front matter and many-article .jsonl / .csv files (title, published, url, outlet)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.articles import ArticleError, Input, expand_inputs, load, read_article
from summarizer.cli import app
from tests import fakeserver as fs
from tests.conftest import EXCHANGES

BODY = "Gunmen attacked a police post on Saturday, killing four officers, police said.\nThe attack was claimed later.\n"


def test_front_matter_is_metadata_not_sentences(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text('---\ntitle: "Police post attacked"\ndate: 2016-03-05 10:22\noutlet: Reuters\n'
                 "url: https://example.org/x\n---\n" + BODY, encoding="utf-8")
    article = read_article(f)
    assert article.publication_date == dt.date(2016, 3, 5)
    assert (article.meta.title, article.meta.outlet, article.meta.url) == (
        "Police post attacked", "Reuters", "https://example.org/x")
    assert article.sentences[0].text.startswith("Gunmen attacked")
    assert all("Reuters" not in s.text and "---" not in s.text for s in article.sentences)
    s = article.sentences[0]
    assert article.text[s.start : s.end] == s.text  # spans still cut the original file


def test_a_txt_file_keeps_its_dashes_as_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("---\ntitle: x\n---\n" + BODY, encoding="utf-8")
    assert read_article(f).publication_date is None and read_article(f).meta.title is None


def test_jsonl_rows_are_articles_named_file_row(tmp_path: Path) -> None:
    f = tmp_path / "export.jsonl"
    rows = [{"text": BODY, "title": "One", "published": "2016-03-05", "url": "u1", "outlet": "AP"},
            {"text": BODY.replace("four", "five"), "published": "2016-03-06T08:00:00Z"},
            {"title": "no text here"}, "not an object"]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n{broken\n", encoding="utf-8")
    inputs = expand_inputs([str(f)])
    assert [i.name for i in inputs] == [f"{f}:{n}" for n in range(1, 6)]
    first, second = load(inputs[0]), load(inputs[1])
    assert first.publication_date == dt.date(2016, 3, 5) and first.meta.outlet == "AP" and first.meta.title == "One"
    assert second.publication_date == dt.date(2016, 3, 6) and second.meta.outlet is None
    assert "five officers" in second.sentences[0].text
    for bad, why in zip(inputs[2:], ("no article text", "not a JSON object", "not JSON"), strict=True):
        with pytest.raises(ArticleError, match=why):
            load(bad)


def test_csv_with_other_column_names_and_ids(tmp_path: Path) -> None:
    f = tmp_path / "export.csv"
    f.write_text('id,body,date,site\nx1,"' + BODY.replace('"', '""') + '",2016-03-05,Dawn\n', encoding="utf-8")
    (item,) = expand_inputs([str(f)], {"text": "body", "outlet": "site"})
    assert item.name == f"{f}:x1"
    article = load(item)
    assert article.publication_date == dt.date(2016, 3, 5) and article.meta.outlet == "Dawn"
    with pytest.raises(ArticleError, match="unknown article field"):
        expand_inputs([str(f)], {"body": "text"})


def test_a_folder_walk_does_not_read_jsonl_or_csv(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "briefs.jsonl").write_text(json.dumps({"text": BODY}) + "\n")
    assert [Path(i.name).name for i in expand_inputs([str(tmp_path)])] == ["a.txt"]


def test_a_row_carries_its_date_and_a_malformed_column_flag_is_a_usage_error(tmp_path: Path) -> None:
    """A merge-set article as a row: its publication date is read; --column without = is refused."""
    seed = next(line for line in (Path(__file__).parent.parent / "fixtures" / "merge" / "articles.jsonl")
                .read_text(encoding="utf-8").splitlines() if "201_istanbul" in line)
    f = tmp_path / "one.jsonl"
    f.write_text(seed + "\n", encoding="utf-8")
    (item,) = expand_inputs([str(f)])
    assert isinstance(item, Input) and item.record is not None and load(item).publication_date == dt.date(2016, 1, 12)
    result = CliRunner().invoke(app, ["summarize", str(f), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--cache-dir", str(tmp_path / "c"), "--format", "jsonl", "--column", "bad"])
    assert result.exit_code == 2 and "FIELD=COLUMN" in result.output


@pytest.mark.parametrize(("header", "written"), [
    ("---\ndate: 2016-13-45\n---\n", "2016-13-45"),
    ("---\npublished: 'May 5, 2016'\n---\n", "May 5, 2016"),
    ("date 2016-02-30\n", "2016-02-30"),
], ids=["front-matter-no-such-day", "front-matter-not-iso", "date-line-no-such-day"])
def test_a_publication_date_that_cannot_be_read_is_a_warning_not_a_silence(tmp_path: Path, header: str,
                                                                            written: str) -> None:
    f = tmp_path / "a.md"
    f.write_text(header + BODY, encoding="utf-8")
    article = read_article(f)
    assert article.publication_date is None
    assert article.warnings == (f"publication date {written!r} is not a day written YYYY-MM-DD (a time may follow): "
                                "ignored, so the days the article names (\"on Saturday\", \"yesterday\") are not "
                                "resolved",)


def test_a_rows_unreadable_date_reaches_its_brief(tmp_path: Path) -> None:
    f = tmp_path / "export.jsonl"
    f.write_text(json.dumps({"text": fs.VELKA, "published": "05/03/2016"}) + "\n", encoding="utf-8")
    with fs.FakeOpenAI(responder=lambda body: fs.VELKA_ANSWER) as server:
        result = CliRunner().invoke(app, ["summarize", str(f), "--provider", "openai", "--base-url", server.base_url,
                                          "--model", fs.MODEL, "--cache-dir", str(tmp_path / "c"), "--format",
                                          "jsonl"], env=fs.cli_env())
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["publication_date"] is None
    assert any(w.startswith("publication date '05/03/2016' is not a day written YYYY-MM-DD") for w in brief["warnings"])
