"""Merging the same incident across articles: what merges, what stays apart, what is flagged, and that the
result does not depend on the order of the input. No model: hand-made briefs, synthetic briefs, and the
recorded briefs of the merge set (fixtures/merge/briefs.jsonl)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from benchmarks.synthetic import synthetic_briefs
from summarizer.amounts import parse_amount
from summarizer.cli import app
from summarizer.export import incidents_csv, incidents_markdown
from summarizer.incidents import MergedIncident, compare, merge_incidents, records
from summarizer.schema import Brief, Citation, DateOut, Estimate, EventType, FigureOut, IncidentOut, Responsibility

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def brief(name: str, *, place: str | None, country: str = "Turkey", province: str | None = None,
          day: dt.date | None = None, date_text: str | None = None, published: dt.date | None = None,
          event: EventType = "suicide_bombing", killed: list[tuple[int, str | None]] | None = None,
          perpetrator: str | None = None, claimed_by: str | None = None, outlet: str | None = None,
          extra: list[IncidentOut] | None = None) -> Brief:
    return Brief(article=name, article_sha256=name, status="ok", publication_date=published, outlet=outlet,
                 incidents=[incident(place=place, country=country, province=province, day=day, date_text=date_text,
                                     event=event, killed=killed, perpetrator=perpetrator, claimed_by=claimed_by),
                            *(extra or [])])


def incident(*, place: str | None, country: str = "Turkey", province: str | None = None, day: dt.date | None = None,
             date_text: str | None = None, event: EventType = "suicide_bombing",
             killed: list[tuple[int, str | None]] | None = None, perpetrator: str | None = None,
             claimed_by: str | None = None) -> IncidentOut:
    quote = f"A blast in {place or 'the city'} killed people."
    cite = Citation(sentence=1, start=0, end=len(quote), quote=quote)
    figures = [FigureOut(outcome="killed", group="total", amount_text=str(n), low=n, high=n, qualifier="exact",
                         according_to=who, citation=cite) for n, who in (killed or [])]
    estimates = ([Estimate(outcome="killed", side="victims", low=min(n for n, _ in killed),
                           best=min(n for n, _ in killed), high=max(n for n, _ in killed), sources=len(killed),
                           policy="range-over-sources")] if killed else [])
    text = date_text or (f"on {WEEKDAYS[day.weekday()]}" if day else None)
    return IncidentOut(
        headline=f"Blast in {place}", summary=quote, event_type=event,
        date=DateOut(text=text, resolved=day, precision="weekday_resolved" if day else "none"),
        country=country, province=province, place=place, place_citation=cite if place else None,
        perpetrator=perpetrator, perpetrator_citation=None, target=None, figures=figures, estimates=estimates,
        responsibility=Responsibility(claimed_by=claimed_by, citation=None) if claimed_by else None, sources=[])


JAN12, JAN13, JAN19, MAR19 = dt.date(2016, 1, 12), dt.date(2016, 1, 13), dt.date(2016, 1, 19), dt.date(2016, 3, 19)


def groups(incidents: list[MergedIncident]) -> list[list[str]]:
    return sorted(sorted(m.article for m in i.members) for i in incidents)


def test_two_reports_of_one_attack_become_one_incident_with_both_articles_figures() -> None:
    early = brief("a.txt", place="Sultanahmet Square, Istanbul", day=JAN12, published=JAN12, outlet="CNN",
                  killed=[(10, "Erdogan")])
    later = brief("b.txt", place="Sultanahmet district of Istanbul", day=JAN12, published=JAN13, outlet="Reuters",
                  killed=[(10, "officials"), (12, "a hospital")], perpetrator="Islamic State")
    (merged,) = merge_incidents([early, later])
    assert groups([merged]) == [["a.txt", "b.txt"]]
    assert [(f.article, f.low, f.according_to) for f in merged.figures] == [
        ("a.txt", 10, "Erdogan"), ("b.txt", 10, "officials"), ("b.txt", 12, "a hospital")]
    assert [a.outlet for a in merged.articles] == ["CNN", "Reuters"]
    assert (merged.date, merged.first_report, merged.last_report) == (JAN12, JAN12, JAN13)
    assert merged.conflicts and "12" in merged.conflicts[0]  # the tolls that differ, side by side


def test_tolls_one_number_can_satisfy_are_no_disagreement() -> None:
    def disagreement(first: str, second: str) -> list[str]:
        a = brief("a.txt", place="Vezneciler, Istanbul", day=JAN12, published=JAN12)
        b = brief("b.txt", place="Vezneciler, Istanbul", day=JAN12, published=JAN13)
        for report, text in ((a, first), (b, second)):
            amount = parse_amount(text)
            assert amount is not None
            report.incidents[0].figures[:] = [FigureOut(
                outcome="killed", group="total", amount_text=text, low=amount.low, high=amount.high,
                qualifier=amount.qualifier, according_to=None, citation=report.incidents[0].place_citation)]
        (merged,) = merge_incidents([a, b])
        return merged.conflicts
    assert disagreement("at least 11", "11") == []
    assert disagreement("dozens", "36") == []
    assert disagreement("up to 40", "13") == []
    assert disagreement("10", "12") != [] and disagreement("more than 20", "13") != []


def test_latest_report_and_range_over_sources_differ_when_the_toll_grows() -> None:
    briefs = [brief("flash.txt", place="Sadr City market, Baghdad", country="Iraq", day=dt.date(2016, 2, 28),
                    published=dt.date(2016, 2, 28), event="bombing", killed=[(22, "AFP")]),
              brief("update.txt", place="Sadr City market in Baghdad", country="Iraq", day=dt.date(2016, 2, 28),
                    published=dt.date(2016, 2, 29), event="bombing", killed=[(73, "medical officials")])]
    (merged,) = merge_incidents(briefs)
    by_policy = {e.policy: (e.low, e.best, e.high) for e in merged.estimates if e.outcome == "killed"}
    assert by_policy == {"range-over-sources": (22, 22, 73), "latest-report": (73, 73, 73)}
    rows = list(csv.DictReader(io.StringIO(incidents_csv([merged], "latest-report"))))
    assert (rows[0]["killed_best"], rows[0]["n_articles"], rows[0]["policy"]) == ("73", "2", "latest-report")


def test_same_city_and_attack_type_on_another_day_stays_apart() -> None:
    sultanahmet = brief("a.txt", place="Sultanahmet Square, Istanbul", day=JAN12, published=JAN12)
    istiklal = brief("d.txt", place="Istiklal Street, Istanbul", day=MAR19, published=MAR19)
    assert groups(merge_incidents([sultanahmet, istiklal])) == [["a.txt"], ["d.txt"]]
    assert all(not i.possibly_same_as for i in merge_incidents([sultanahmet, istiklal]))


def test_same_day_same_city_other_place_is_flagged_not_merged() -> None:
    market = brief("a.txt", place="Sadr City market, Baghdad", country="Iraq", day=JAN12, published=JAN12,
                   event="bombing")
    checkpoint = brief("b.txt", place="Kadhimiya checkpoint, Baghdad", country="Iraq", day=JAN12, published=JAN12,
                       event="bombing")
    first, second = merge_incidents([market, checkpoint])
    assert len(first.members) == len(second.members) == 1
    assert [p.incident for p in first.possibly_same_as] == [second.id]
    assert f"possibly the same incident as {second.id}".lower() in incidents_markdown([first]).lower()


def test_another_province_a_day_later_is_another_incident() -> None:
    vezneciler = brief("a.txt", place="Vezneciler, Istanbul", province="Istanbul", day=dt.date(2016, 6, 7),
                       published=dt.date(2016, 6, 7), event="bombing")
    midyat = brief("b.txt", place="Midyat police station", province="Mardin", day=dt.date(2016, 6, 8),
                   published=dt.date(2016, 6, 8), event="bombing")
    assert groups(merge_incidents([vezneciler, midyat])) == [["a.txt"], ["b.txt"]]


def test_two_incidents_of_one_article_are_never_merged() -> None:
    both = brief("a.txt", place="Sadr City, Baghdad", country="Iraq", day=JAN12, published=JAN12,
                 extra=[incident(place="Sadr City, Baghdad", country="Iraq", day=JAN12)])
    assert len(merge_incidents([both])) == 2


def test_a_weekday_without_publication_date_merges_only_with_that_weekday() -> None:
    dated = brief("a.txt", place="Sultanahmet, Istanbul", day=JAN12, published=JAN12, killed=[(10, None)])
    tuesday = brief("b.txt", place="Sultanahmet Square", date_text="on Tuesday", killed=[(10, None)])
    friday = brief("c.txt", place="Sultanahmet Square", date_text="on Friday", killed=[(10, None)])
    merged = merge_incidents([dated, tuesday, friday])
    assert groups(merged) == [["a.txt", "b.txt"], ["c.txt"]]


def test_a_report_dated_by_its_toll_update_a_day_after_the_weekday_written_is_no_conflict() -> None:
    update = brief("a.txt", place="Sultanahmet, Istanbul", day=JAN13, published=JAN13, killed=[(10, None)],
                   perpetrator="Islamic State")
    tuesday = brief("b.txt", place="Sultanahmet Square", date_text="on Tuesday", killed=[(10, None)],
                    perpetrator="Islamic State")
    assert groups(merge_incidents([update, tuesday])) == [["a.txt", "b.txt"]]
    saturday = brief("c.txt", place="Sultanahmet Square", date_text="on Saturday", killed=[(10, None)],
                     perpetrator="Islamic State")
    assert groups(merge_incidents([update, saturday])) == [["a.txt"], ["c.txt"]]  # days apart


def test_different_suspects_count_nothing_against_but_different_claimants_do() -> None:
    def evidence(a: dict[str, str], b: dict[str, str]) -> tuple[int, tuple[str, ...]]:
        first, second = records([brief(name, place="Sultanahmet, Istanbul", day=JAN12, published=JAN12, **who)
                                 for name, who in (("a.txt", a), ("b.txt", b))])
        found = compare(first, second)
        return found.score, found.reasons
    alone, _ = evidence({}, {})
    suspects, why = evidence({"perpetrator": "ISIS"}, {"perpetrator": "Kurdish militants"})
    assert suspects == alone and not any("differ" in reason for reason in why)
    claims, why = evidence({"claimed_by": "Islamic State"}, {"claimed_by": "TAK"})
    assert claims == alone - 1 and "claimed by different groups" in why
    same, why = evidence({"perpetrator": "ISIS"}, {"claimed_by": "Islamic State"})
    assert same == alone + 1 and "same actor" in why


def test_a_link_through_an_undated_report_cannot_join_two_days() -> None:
    """b (no date) fits both a (12 Jan) and c (19 Mar); a and c conflict, so no group holds both."""
    a = brief("a.txt", place="Sultanahmet, Istanbul", day=JAN12, published=JAN12)
    b = brief("b.txt", place="Sultanahmet, Istanbul")
    c = brief("c.txt", place="Sultanahmet, Istanbul", day=MAR19, published=MAR19)
    merged = merge_incidents([a, b, c])
    # With no date at all, b is not merged on its place alone (before, it joined whichever came first).
    assert groups(merged) == [["a.txt"], ["b.txt"], ["c.txt"]]
    (with_b,) = [i for i in merged if "b.txt" in {m.article for m in i.members}]
    assert len(with_b.possibly_same_as) == 2 and all("no date" in p.why for p in with_b.possibly_same_as)


def test_a_report_that_fits_two_different_incidents_joins_neither() -> None:
    """b writes "Tuesday" and has no publication date: it fits the Sultanahmet bombing of Tuesday 12 January
    and another one there on Tuesday 19 January. Either could be b's; it is flagged against both."""
    a = brief("a.txt", place="Sultanahmet, Istanbul", day=JAN12, published=JAN12, killed=[(10, None)])
    b = brief("b.txt", place="Sultanahmet Square, Istanbul", date_text="on Tuesday", killed=[(10, None)])
    c = brief("c.txt", place="Sultanahmet, Istanbul", day=JAN19, published=JAN19, killed=[(10, None)])
    merged = merge_incidents([a, b, c])
    assert groups(merged) == [["a.txt"], ["b.txt"], ["c.txt"]]
    (with_b,) = [i for i in merged if "b.txt" in {m.article for m in i.members}]
    assert len(with_b.possibly_same_as) == 2
    assert all("fits two incidents" in p.why for p in with_b.possibly_same_as)
    assert groups(merge_incidents([a, b])) == [["a.txt", "b.txt"]]  # with one of them only, it joins it


def _with_place_sentence(b: Brief, quote: str) -> Brief:
    inc = b.incidents[0]
    cite = Citation(sentence=1, start=0, end=len(quote), quote=quote)
    return b.model_copy(update={"incidents": [inc.model_copy(update={"place_citation": cite})]})


JUN7, JUN8 = dt.date(2016, 6, 7), dt.date(2016, 6, 8)


def test_a_brief_with_no_country_but_a_known_city_merges_with_the_same_incidents_other_report() -> None:
    """The model left the country empty and put the district in the province slot; the sentence it cites for
    the place names Istanbul, which the gazetteer places in Turkey. Before, "Beyazit district" read as another
    province than Istanbul and the two stayed apart."""
    cnn = brief("cnn.txt", place="Beyazit Vezneciler district", province="Istanbul", published=JUN7,
                event="bombing", killed=[(11, "governor")])
    nyt = _with_place_sentence(
        brief("nyt.txt", place="Beyazit district", province="Beyazit district", country=None, day=JUN7,
              published=JUN7, event="bombing", killed=[(11, "governor")]),
        "A parked car was detonated as a police bus passed through the Beyazit district, Governor Vasip Sahin "
        "of Istanbul said.")
    (merged,) = merge_incidents([cnn, nyt])
    assert groups([merged]) == [["cnn.txt", "nyt.txt"]]
    assert merged.country == "Turkey"


def test_a_country_that_does_not_hold_the_named_city_gives_way_to_the_city() -> None:
    """A brief that says Iraq (its article names "Islamic State of Iraq") for a bombing in İstanbul. It has no
    publication date and no date of its own; the sentence it cites for the place says "on Tuesday"."""
    reuters = brief("reuters.txt", place="Sultanahmet square", province="Istanbul", day=JAN12, published=JAN12,
                    killed=[(10, "officials")])
    repost = _with_place_sentence(
        brief("repost.txt", place="Sultanahmet Square", province="İstanbul", country="Iraq", killed=[(10, "Erdogan")]),
        "An explosion rocked İstanbul's central Sultanahmet Square on Tuesday, leaving 10 people dead.")
    assert groups(merge_incidents([reuters, repost])) == [["repost.txt", "reuters.txt"]]
    friday = repost.model_copy(update={"article": "friday.txt", "article_sha256": "friday.txt", "incidents": [
        repost.incidents[0].model_copy(update={"date": DateOut(text="on Friday", resolved=None, precision="none")})]})
    assert groups(merge_incidents([reuters, friday])) == [["friday.txt"], ["reuters.txt"]]


def test_a_place_copied_in_lower_case_counts_when_its_sentence_writes_it_as_a_name() -> None:
    flash = _with_place_sentence(brief("flash.txt", place="sultanahmet", province="Istanbul", published=JAN12),
                                 "Police and ambulances were sent to the scene in Sultanahmet, the news agency said.")
    later = brief("later.txt", place="Sultanahmet square", province="Istanbul", day=JAN12, published=JAN13)
    assert groups(merge_incidents([flash, later])) == [["flash.txt", "later.txt"]]


def test_a_city_of_that_name_in_many_countries_places_nothing() -> None:
    """No country and "Victoria": a city of that name is in a dozen countries, none dominant; it is not placed,
    so it is not the same incident as a report from one of them, only possibly."""
    placed = brief("a.txt", place="Victoria market", country="Seychelles", day=JAN12, published=JAN12,
                   event="bombing")
    unplaced = brief("b.txt", place="Victoria market", country=None, day=JAN12, published=JAN12, event="bombing")
    from summarizer.incidents import records

    assert [r.cc for r in records([placed, unplaced])] == ["SC", None]


def test_a_province_of_one_country_places_a_brief_without_a_country() -> None:
    """Recorded dev brief 028: no country, province "Cabo Delgado", a Tuesday beheading with the same toll as an
    Afghan Tuesday killing. Placed in Mozambique, it is another country's incident, not even flagged."""
    mozambique = brief("a.txt", place=None, country=None, province="Cabo Delgado", day=dt.date(2019, 8, 27),
                       published=dt.date(2019, 8, 28), event="massacre_of_captives", killed=[(7, None)])
    afghanistan = brief("b.txt", place="Gizab district", country="Afghanistan", province="Uruzgan",
                        date_text="late on Tuesday", event="massacre_of_captives", killed=[(7, None)])
    merged = merge_incidents([mozambique, afghanistan])
    assert groups(merged) == [["a.txt"], ["b.txt"]] and all(not i.possibly_same_as for i in merged)


def test_two_same_city_attacks_on_different_days_stay_apart_when_one_has_no_country_or_year() -> None:
    """Midyat is a day after Vezneciler; the Vezneciler report has no country and writes "June 7" with no
    publication date. Another report from January, same city, is not that June day either."""
    vezneciler = brief("a.txt", place="Vezneciler neighborhood", province="Istanbul", country=None,
                       date_text="June 7", event="bombing", killed=[(11, None)])
    midyat = brief("b.txt", place="Midyat police station", province="Mardin", day=JUN8, published=JUN8,
                   event="bombing", killed=[(11, None)])
    january = brief("c.txt", place="Sultanahmet", province="Istanbul", published=JAN12, event="bombing",
                    killed=[(11, None)])
    merged = merge_incidents([vezneciler, midyat, january])
    assert groups(merged) == [["a.txt"], ["b.txt"], ["c.txt"]]
    assert all(not i.possibly_same_as for i in merged)


def test_a_weekday_with_no_publication_date_is_no_date_against_a_reports_week() -> None:
    """Any week has a Sunday: "Sunday" from an undated article says nothing about a report published on a
    Wednesday with no day of its own. Same city, same group and a place named nearby: flagged, not merged."""
    sunday = brief("a.txt", place="mobile phone market", country="Iraq", province="Baghdad", date_text="Sunday",
                   event="bombing", perpetrator="Islamic State")
    sunday = _with_place_sentence(sunday, "Two bombers blew themselves up in a market in the Sadr City district.")
    may = brief("b.txt", place="Sadr City", country="Iraq", province="Baghdad", published=dt.date(2016, 5, 11),
                event="bombing", perpetrator="ISIS")
    merged = merge_incidents([sunday, may])
    assert groups(merged) == [["a.txt"], ["b.txt"]]
    assert merged[0].possibly_same_as and "only a weekday" in merged[0].possibly_same_as[0].why


def _jsonl(incidents: list[MergedIncident]) -> str:
    return "".join(i.model_dump_json() + "\n" for i in incidents)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.randoms(use_true_random=False))
def test_the_merge_does_not_depend_on_input_order(seed: int, rnd: random.Random) -> None:
    briefs = synthetic_briefs(60, seed=seed, days=20)
    shuffled = list(briefs)
    rnd.shuffle(shuffled)
    assert _jsonl(merge_incidents(shuffled)) == _jsonl(merge_incidents(briefs))


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_the_merge_is_idempotent_a_brief_given_twice_counts_once(seed: int) -> None:
    briefs = synthetic_briefs(40, seed=seed, days=10)
    assert _jsonl(merge_incidents(briefs + briefs[::-1])) == _jsonl(merge_incidents(briefs))


def test_synthetic_reports_of_one_attack_merge_and_different_attacks_stay_apart() -> None:
    briefs = synthetic_briefs(1000, seed=1)
    truth = {b.article: b.title for b in briefs}
    merged = merge_incidents(briefs)
    pure = [i for i in merged if len({truth[a.article] for a in i.articles}) == 1]
    assert len(pure) / len(merged) > 0.99
    assert len(merged) <= 1.05 * len(set(truth.values()))  # most reports found their attack


def test_every_command_form_has_help_with_examples() -> None:
    result = CliRunner().invoke(app, ["incidents", "--help"])
    assert result.exit_code == 0 and "summarizer incidents" in result.output and "Example" in result.output
    assert "--incidents" in CliRunner().invoke(app, ["summarize", "--help"]).output


def test_incidents_command_reads_saved_briefs_in_every_format(tmp_path: Path) -> None:
    saved = tmp_path / "briefs.jsonl"
    saved.write_text("".join(b.model_dump_json() + "\n" for b in [
        brief("a.txt", place="Sultanahmet, Istanbul", day=JAN12, published=JAN12, killed=[(10, "Erdogan")]),
        brief("b.txt", place="Sultanahmet Square", day=JAN12, published=JAN13, killed=[(11, "police")])]))
    runner = CliRunner()
    out = runner.invoke(app, ["incidents", str(saved), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert record["members"] == [{"article": "a.txt", "incident": 0}, {"article": "b.txt", "incident": 0}]
    table = runner.invoke(app, ["incidents", str(saved), "--format", "csv", "-o", str(tmp_path / "i.csv")])
    assert table.exit_code == 0
    (row,) = csv.DictReader(io.StringIO((tmp_path / "i.csv").read_text(encoding="utf-8-sig")))
    assert (row["event_date"], row["time_precision"], row["geo_precision"], row["n_articles"]) == (
        "2016-01-12", "1", "1", "2")
    assert (row["killed_low"], row["killed_high"], row["first_report"], row["last_report"]) == (
        "10", "11", "2016-01-12", "2016-01-13")
    note = runner.invoke(app, ["incidents", str(saved), "--format", "md"]).stdout
    assert "Erdogan" in note and "Reported by 2 articles" in note
    panel = runner.invoke(app, ["incidents", str(saved)], env={"COLUMNS": "120"}).stdout
    assert "Reported by 2 articles" in panel and "latest-report" in panel and "range-over-sources" in panel
    bad = runner.invoke(app, ["incidents", str(saved), "--policy", "largest"])
    assert bad.exit_code == 2 and "--policy must be one of" in bad.output


@pytest.mark.parametrize("n", [200])
def test_blocking_compares_far_fewer_pairs_than_all(n: int) -> None:
    from summarizer.incidents import candidate_pairs, records

    recs = records(synthetic_briefs(n, seed=3))
    assert len(candidate_pairs(recs)) < n * (n - 1) / 2 / 10


def test_summarize_with_incidents_is_the_one_command_path(tmp_path: Path) -> None:
    """The seeds replayed: every incident of every brief is in exactly one merged incident."""
    from tests.conftest import EXCHANGES, SEEDS

    common = ["--provider", "replay", "--fixtures", str(EXCHANGES), "--cache-dir", str(tmp_path), "--format", "jsonl"]
    briefs = [json.loads(line) for line in
              CliRunner().invoke(app, ["summarize", str(SEEDS), *common]).stdout.splitlines()]
    result = CliRunner().invoke(app, ["summarize", str(SEEDS), "--incidents", *common])
    assert result.exit_code == 0, result.output
    merged = [json.loads(line) for line in result.stdout.splitlines()]
    members = sorted((m["article"], m["incident"]) for i in merged for m in i["members"])
    assert members == sorted((b["article"], k) for b in briefs if b["status"] == "ok"
                             for k in range(len(b["incidents"])))


def test_the_merge_score_counts_pairs_and_b_cubed_as_the_readme_defines(tmp_path: Path) -> None:
    from summarizer.merge_score import load_clusters, score_merge

    def rec(cluster: str, place: str) -> dict[str, object]:
        return {"cluster": cluster, "date": "2016-01-12", "place": place, "event": "bombing"}

    gold = tmp_path / "clusters.json"
    gold.write_text(json.dumps({
        "articles": {"a.txt": {"incidents": [rec("C1", "Sultanahmet")]},
                     "b.txt": {"incidents": [rec("C1", "Sultanahmet")]},
                     "c.txt": {"incidents": [rec("C1", "Sultanahmet")]},
                     "d.txt": {"incidents": [rec("D1", "Istiklal")]}},
        "clusters": {"C1": {"kind": "cluster"}, "D1": {"kind": "distractor"}}}))
    records = load_clusters(gold)
    place = "Sultanahmet, Istanbul"
    a, b, c = (brief(n, place=place, day=JAN12, published=JAN12, killed=[(10, None)]) for n in ("a.txt", "b.txt",
                                                                                                "c.txt"))
    d = brief("d.txt", place="Istiklal Street, Istanbul", day=MAR19, published=MAR19)
    right = score_merge(merge_incidents([a, b, c, d]), records)
    assert (right.precision, right.recall, right.b3_f1, right.distractors_merged) == (1.0, 1.0, 1.0, [])
    # The same articles, with d's incident put on a's day and place: it joins the cluster, which the score shows.
    d_wrong = brief("d.txt", place=place, day=JAN12, published=JAN12, killed=[(10, None)])
    wrong = score_merge(merge_incidents([a, b, c, d_wrong]), records)
    assert (wrong.correct_links, wrong.predicted_links, wrong.gold_links) == (3, 6, 3)
    assert wrong.precision == 0.5 and wrong.recall == 1.0 and wrong.distractors_merged == ["d.txt#0(D1)"]
    assert wrong.b3_precision == round((3 * 3 / 4 + 1 / 4) / 4, 3)
    # Nothing merged: every record a singleton.
    alone = score_merge(merge_incidents([a]), records)
    assert (alone.predicted_links, alone.recall, alone.precision) == (0, 0.0, 1.0)
