"""The real embedded model on one short article (slow: it loads the 1.5B model and generates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.articles import read_article
from summarizer.cli import app
from summarizer.llm import local_available
from summarizer.schema import Brief

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not local_available(), reason="needs the [local] extra (scripts/test.sh installs it)"),
]

ARTICLE = (
    "Bomb kills four at bus station in Qarawan\n"
    "A roadside bomb exploded near the main bus station in Qarawan, the capital of Tellar province, on "
    "Saturday, killing four civilians, a police spokesman said.\n"
    "Twelve other people were wounded, according to the provincial health department.\n"
    "No group has claimed responsibility for the attack.\n"
)


def test_real_model_summarizes_and_a_second_run_is_served_from_the_cache(tmp_path: Path) -> None:
    article = tmp_path / "qarawan.txt"
    article.write_text(ARTICLE)
    args = ["summarize", str(article), "--provider", "local", "--format", "json", "--cache-dir",
            str(tmp_path / "cache")]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    (brief,) = [Brief.model_validate(b) for b in json.loads(first.stdout)]
    assert brief.status == "ok" and brief.usage.calls >= 1 and brief.usage.cached_calls == 0
    assert brief.model and brief.model.startswith("local:")
    text = read_article(article).text
    numbers = {(f.outcome, f.low) for inc in brief.incidents for f in inc.figures}
    assert numbers <= {("killed", 4), ("wounded", 12)}, numbers  # nothing the article does not say
    assert numbers, "the model found none of the two figures"
    for inc in brief.incidents:
        for f in inc.figures:
            assert text[f.citation.start : f.citation.end] == f.citation.quote

    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0
    (again,) = [Brief.model_validate(b) for b in json.loads(second.stdout)]
    assert again.usage.cached_calls == again.usage.calls  # no model call the second time
    assert again.incidents == brief.incidents
