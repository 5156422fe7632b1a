"""The benchmark command's parts that its figures rest on (the figures themselves are not tested: no timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import run as bench
from summarizer.articles import read_article


def test_the_benchmark_articles_are_distinct_texts_that_ask_what_the_originals_ask(tmp_path: Path) -> None:
    made = bench.make_articles(tmp_path, 30)
    articles = [read_article(p) for p in made]
    assert len({a.sha256 for a in articles}) == 30  # no two the same: the pipeline would summarize them once
    sources = {p.stem: read_article(p) for p in bench.sources()}
    for path, article in zip(made, articles, strict=True):
        original = sources[path.stem.split("_", 1)[1]]
        assert article.numbered() == original.numbered()  # the model is asked the recorded request
        assert article.publication_date == original.publication_date


def test_a_report_shows_values_ratios_and_the_machine() -> None:
    report = bench.Report("Example", "python -m benchmarks example")
    report.add("one at a time", 2.5, "articles/s", "30.0 s")
    report.add("sixteen at a time", 31.0, "articles/s", bench.ratio(31.0, 2.5, "one at a time"))
    text = bench.render(report)
    assert "cores (os.cpu_count)" in text and "Python " in text
    assert "| sixteen at a time | 31.00 articles/s | 12.4× one at a time |" in text
    assert "`python -m benchmarks example`" in text


def test_the_command_lists_its_benchmarks(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        bench.main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert "cached" in out and "concurrency" in out and "bare" in out
