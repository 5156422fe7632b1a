"""Exports a person opens elsewhere: CSV in a spreadsheet, Markdown in a viewer, JSON back into ``show``.

Round trips go through real parsers (the csv module, json, markdown-it), over the seeds' replayed briefs.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.export import CSV_COLUMNS, file_names, load_briefs, to_csv, to_jsonl, to_markdown, write_folder
from summarizer.schema import Brief
from tests.conftest import EXCHANGES, SEEDS


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> list[Brief]:
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                      "--cache-dir", str(tmp_path_factory.mktemp("cache")), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [Brief.model_validate_json(line) for line in result.stdout.splitlines()]


def summarize(tmp_path: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["summarize", str(SEEDS), "--provider", "replay", "--fixtures", str(EXCHANGES),
                                    "--cache-dir", str(tmp_path / "cache"), *args])


def test_csv_has_one_row_per_incident_with_the_reconciled_figures(briefs: list[Brief]) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(briefs))))
    assert list(rows[0]) == CSV_COLUMNS
    incidents = [(b, i) for b in briefs for i in b.incidents]
    assert len(rows) == len(incidents)
    for row, (b, inc) in zip(rows, incidents, strict=True):
        assert row["article"] == b.article and row["event_type"] == inc.event_type
        assert row["country"] == (inc.country or "") and row["admin1"] == (inc.province or "")
        assert row["location"] == (inc.place or "") and row["perpetrator"] == (inc.perpetrator or "")
        killed = next((e for e in inc.estimates if e.outcome == "killed" and e.side == "victims"), None)
        got = (row["killed_low"], row["killed_best"], row["killed_high"])
        assert got == (("", "", "") if killed is None else tuple(
            "" if v is None else str(v) for v in (killed.low, killed.best, killed.high)))


def test_csv_keeps_articles_without_incidents_and_defuses_formulas(briefs: list[Brief]) -> None:
    failed = Brief(article="=HYPERLINK(evil).txt", article_sha256=None, status="failed", error="empty file")
    inc = briefs[0].incidents[0].model_copy(update={"perpetrator": "=cmd|' /C calc'!A0", "target": "-1+2"})
    hostile = briefs[0].model_copy(update={"incidents": [inc]})
    rows = list(csv.DictReader(io.StringIO(to_csv([failed, hostile]))))
    assert rows[0]["status"] == "failed" and rows[0]["error"] == "empty file" and rows[0]["incident"] == ""
    assert rows[0]["article"] == "'=HYPERLINK(evil).txt"
    assert rows[1]["perpetrator"] == "'=cmd|' /C calc'!A0" and rows[1]["target"] == "'-1+2"


def test_jsonl_and_json_folder_read_back_equal(briefs: list[Brief], tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text(to_jsonl(briefs))
    assert load_briefs(tmp_path / "b.jsonl") == briefs
    write_folder(briefs, tmp_path / "json", "json")
    assert load_briefs(tmp_path / "json") == briefs


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table in the document as rows of cell texts, as a Markdown viewer would show them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for tok in tokens:
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "inline" and tables and tok.map is not None and tok.level >= 4:
            row.append("".join(c.content for c in tok.children or [] if c.type in ("text", "code_inline")))
        elif tok.type == "tr_close":
            tables[-1].append(row)
    return tables


def test_markdown_tables_show_the_figures_as_written(briefs: list[Brief]) -> None:
    for b in briefs:
        tables = _tables(to_markdown(b))
        for n, inc in enumerate(b.incidents):
            facts, *rest = tables[2 * n: 2 * n + 2]
            assert dict(r for r in facts[1:] if len(r) == 2)["What"] == inc.event_type.replace("_", " ")
            if inc.figures:
                rows = rest[0][1:]
                assert [(r[0], r[2], r[4]) for r in rows] == [
                    (f.outcome, f.amount_text, " ".join((f.according_to or "the article").split()))
                    for f in inc.figures]


def test_markdown_keeps_article_text_inert(briefs: list[Brief]) -> None:
    inc = briefs[0].incidents[0].model_copy(update={"perpetrator": "**Bold** | [link](http://x) <script>"})
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(briefs[0].model_copy(
        update={"incidents": [inc]})))
    assert "<strong>Bold</strong>" not in html and "<a href" not in html and "<script>" not in html
    assert "**Bold** | [link](http://x) &lt;script&gt;" in html


def test_output_names_stay_inside_the_folder(briefs: list[Brief], tmp_path: Path) -> None:
    base = briefs[0]
    hostile = [base.model_copy(update={"article": name}) for name in
               ["../../escape.txt", "/etc/passwd", "..", "a/../../b.txt", "<stdin>", "dup.txt", "x/dup.txt",
                "C:\\evil\\..\\win.txt"]]
    names = file_names(hostile, ".md")
    assert len(set(names)) == len(names) and all("/" not in n and not n.startswith(".") for n in names)
    out = tmp_path / "out"
    written = write_folder(hostile, out, "md")
    assert all(p.parent == out.resolve() for p in written)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert not (tmp_path / "escape.md").exists()


def test_cli_writes_each_format_where_asked(tmp_path: Path) -> None:
    assert summarize(tmp_path, "--format", "md", "--output", str(tmp_path / "md")).exit_code == 0  # type: ignore[attr-defined]
    assert len(list((tmp_path / "md").glob("*.md"))) == len(list(SEEDS.glob("*.txt")))
    assert summarize(tmp_path, "--format", "csv", "--output", str(tmp_path / "x.csv")).exit_code == 0  # type: ignore[attr-defined]
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfarticle,status,incident,")  # BOM: Excel reads it as UTF-8
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f))) == 5
    result = summarize(tmp_path, "--format", "json", "--output", str(tmp_path / "one.json"))
    assert result.exit_code == 2 and "folder" in result.output  # type: ignore[attr-defined]
    assert not (tmp_path / "one.json").exists()


def test_show_renders_saved_briefs_without_a_model(briefs: list[Brief], tmp_path: Path) -> None:
    saved = tmp_path / "b.jsonl"
    saved.write_text(to_jsonl(briefs))
    result = CliRunner().invoke(app, ["show", str(saved)], env={"COLUMNS": "200"})  # a long headline is cut at 80
    assert result.exit_code == 0
    for b in briefs:
        for inc in b.incidents:
            assert inc.headline in " ".join(result.stdout.split())
    as_csv = CliRunner().invoke(app, ["show", str(saved), "--format", "csv"])
    assert as_csv.stdout.replace("\r\n", "\n") == to_csv(briefs).replace("\r\n", "\n")


@pytest.mark.parametrize(("content", "message"), [
    ("not json at all", "not JSON"),
    ('{"status": "ok"}', "not a brief"),
    ("", "not JSON"),
])
def test_show_refuses_what_is_not_briefs(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = CliRunner().invoke(app, ["show", str(bad)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["show", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_json_to_stdout_is_one_document(tmp_path: Path) -> None:
    result = summarize(tmp_path, "--format", "json")
    assert [b["status"] for b in json.loads(result.stdout)] == ["ok"] * 5  # type: ignore[attr-defined]
