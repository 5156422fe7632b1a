"""A 200,000-character article: read in parts of whole sentences that fit the model's context, with the
article's own sentence ids in every prompt and citation, and the parts' incidents merged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import parse_article, read_article
from summarizer.pipeline import CHARS_PER_TOKEN, CHUNK_TOKENS, chunks
from tests import fakeserver as fs
from tests.conftest import all_articles
from tests.test_faults import summarize

FILLER = [
    "The council discussed the budget for the coming year in great detail.",
    "Farmers in the valley said the harvest had been better than expected.",
    "A new road between the two towns is due to open before the winter.",
    "Teachers asked for more books and a second classroom for the school.",
]
EVENTS = {
    500: "Gunmen killed 12 villagers in Velka on Monday, police said.",
    1500: "A bomb killed 3 soldiers in Torvik on Friday, the army said.",
    2600: "Gunmen killed 7 more villagers in Velka on Tuesday, officials said.",
}
_EVENT = re.compile(r"\[S(\d+)\] (Gunmen|A bomb) killed (\d+) (?:more )?(villagers|soldiers) in (\w+) on (\w+)")


def long_text() -> str:
    lines = ["Violence returns to the northern valley"]
    n = 1
    while sum(len(x) + 1 for x in lines) < 200_000:
        n += 1
        lines.append(EVENTS.get(n, FILLER[n % len(FILLER)]))
    return "\n".join(lines) + "\n"


def responder(body: dict[str, Any]) -> str:
    """A model that reports each event sentence it is shown as an incident, citing the ids it sees, and labels
    each count the request asks about as the dead of the incident of its sentence."""
    if body["response_format"]["json_schema"]["name"] == "SameIncident":
        return '{"same_incident": true}'  # a question about one late count: it is the incident's
    user = body["messages"][1]["content"]
    schema = body["response_format"]["json_schema"]["schema"]
    incidents, of_sentence = [], {}
    for m in _EVENT.finditer(user):
        sid, who, count, group, place, day = m.groups()
        incidents.append({
            "headline": f"{who} attack in {place}", "summary": f"{who} killed {count} {group} in {place}.",
            "event_type": "bombing" if who == "A bomb" else "armed_assault", "date_text": f"on {day}",
            "country": None, "province": None, "place": place, "place_sentence": int(sid), "perpetrator": None,
            "perpetrator_sentence": None, "target": group, "claimed_by": None, "claim_sentence": None})
        of_sentence[sid] = (len(incidents), "civilians" if group == "villagers" else "soldiers")
    counts = {}
    for key in schema["$defs"]["Counts"]["required"] if incidents else []:
        incident, group = of_sentence[re.match(r"S(\d+):", key).group(1)]  # type: ignore[union-attr]
        counts[key] = {"outcome": "killed", "group": group, "incident": incident, "source": "the article itself"}
    return json.dumps({"is_incident_report": bool(incidents), "incident": incidents[0] if incidents else None,
                       "other_incidents": incidents[1:], "counts": counts})


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text(long_text())
    return path


def test_a_200k_article_is_read_in_parts_with_global_sentence_ids(article_file: Path, tmp_path: Path) -> None:
    article = read_article(article_file)
    assert len(article.text) >= 200_000
    with fs.FakeOpenAI(responder=responder) as server:
        code, (brief,), _ = summarize(server, article_file, cache=tmp_path / "cache")
    assert code == 0 and brief["status"] == "ok"
    # Every request fits the budget, and together they show every sentence once, numbered as in the article.
    first = [r for r in server.received if r.schema == "Answer"]
    shown: list[int] = []
    for r in first:
        part = r.body["messages"][1]["content"]
        numbered = "\n".join(line for line in part.splitlines() if line.startswith("[S"))
        assert len(numbered) / CHARS_PER_TOKEN <= CHUNK_TOKENS
        shown += [int(x) for x in re.findall(r"^\[S(\d+)\] ", numbered, re.M)]
    assert len(first) > 1
    assert shown == [s.id for s in article.sentences]
    assert brief["usage"]["calls"] == len(server.received)
    assert f"read in {len(first)} parts" in brief["warnings"][0]
    # Each part's request asks only about the counts of that part's sentences; the system message is the same.
    asked = [r.body["response_format"]["json_schema"]["schema"]["$defs"]["Counts"]["required"] for r in first]
    assert [key for keys in asked for key in keys] == ["S500: 12 villagers in", "S1500: 3 soldiers in",
                                                       "S2600: 7 more villagers"]
    assert all(r.body["messages"][0] == first[0].body["messages"][0] for r in server.received)
    # The same incident in two parts is one incident with both figures; the other incident stays apart.
    got = {(i["place"], i["event_type"]): i for i in brief["incidents"]}
    assert sorted(got) == [("Torvik", "bombing"), ("Velka", "armed_assault")]
    velka = got[("Velka", "armed_assault")]
    assert [(f["amount_text"], f["citation"]["sentence"]) for f in velka["figures"]] == [("12", 500), ("7", 2600)]
    assert velka["date"]["text"] == "on Monday"
    for inc in brief["incidents"]:
        for f in inc["figures"]:
            c = f["citation"]
            assert article.text[c["start"] : c["end"]] == c["quote"] == EVENTS[c["sentence"]]


def test_a_part_that_fails_fails_the_article_and_says_which(article_file: Path, tmp_path: Path) -> None:
    with fs.FakeOpenAI(responder=responder) as server:
        server.plan(*[fs.server_error()] * 3, match=EVENTS[1500])
        code, (brief,), _ = summarize(server, article_file, cache=tmp_path / "cache")
        assert code == 1 and brief["status"] == "failed" and brief["incidents"] == []
        assert re.match(r"part \d+ of \d+ \(S\d+–S\d+\): the server answered 500", brief["error"])
        # It stops at the failed part (the server is likely down); the parts answered before it are cached,
        # so a second run asks only for the failed part and the ones after it.
        def asked() -> int:
            return sum(r.schema == "Answer" for r in server.received)

        before = asked()
        answered = before - 3
        code, (brief,), _ = summarize(server, article_file, cache=tmp_path / "cache")
    parts = len(chunks(read_article(article_file)))
    assert 0 < answered < parts
    assert code == 0 and asked() - before == parts - answered


def test_recorded_articles_are_one_part() -> None:
    assert all(len(chunks(read_article(p))) == 1 for p in all_articles())


def test_text_without_sentence_ends_still_fits() -> None:
    article = parse_article("word " * 40_000, "x")
    parts = chunks(article)
    assert len(parts) > 1 and all(len(p.numbered()) / CHARS_PER_TOKEN <= CHUNK_TOKENS for p in parts)
    assert [s.id for p in parts for s in p.sentences] == [s.id for s in article.sentences]
