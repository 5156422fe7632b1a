"""Reconcile: spans and quotes from sentence ids, dates against the publication date, estimates."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.articles import parse_article
from summarizer.reconcile import ESTIMATE_POLICY, resolve, resolve_date, where_it_happened
from summarizer.schema import Extraction

WED = dt.date(2020, 10, 21)  # a Wednesday


def test_weekdays_resolve_to_the_last_such_day_on_or_before_publication() -> None:
    assert resolve_date("on Wednesday", WED).resolved == WED
    d = resolve_date("late on Tuesday", WED)
    assert d.resolved == dt.date(2020, 10, 20) and d.precision == "weekday_resolved"
    assert resolve_date("Thursday", WED).resolved == dt.date(2020, 10, 15)
    assert resolve_date("yesterday", WED).resolved == dt.date(2020, 10, 20)


def test_days_ago_count_back_from_publication() -> None:
    d = resolve_date("two days ago", WED)
    assert d.resolved == dt.date(2020, 10, 19) and d.precision == "relative_resolved"
    assert resolve_date("3 days ago", WED).resolved == dt.date(2020, 10, 18)
    assert resolve_date("a day ago", WED).resolved == dt.date(2020, 10, 20)
    assert resolve_date("last week", WED).resolved is None  # names no single day


def test_without_publication_date_weekdays_stay_unresolved() -> None:
    d = resolve_date("on Thursday", None)
    assert d.resolved is None and d.precision == "none" and d.text == "on Thursday"
    assert resolve_date(None, WED).precision == "none"


def test_explicit_dates() -> None:
    assert resolve_date("January 26, 2016", None).resolved == dt.date(2016, 1, 26)
    assert resolve_date("Jan. 26", WED).resolved == dt.date(2020, 1, 26)
    assert resolve_date("12 December", WED).resolved == dt.date(2019, 12, 12)
    assert resolve_date("on Sept. 12", None).resolved is None


def test_citations_estimates_and_conflicting_sources_side_by_side() -> None:
    text = ("Raid kills at least seven\nOfficials said at least seven people were killed.\n"
            "A police chief put the death toll at 13. Five attackers were killed.\n"
            "A rescuer said the toll could rise to as high as 40.")
    article = parse_article(text, "t")
    extraction = Extraction.model_validate({"is_incident_report": True, "incidents": [{
        "headline": "h", "summary": "s", "event_type": "raid_on_facility", "date_text": None, "country": None,
        "province": None, "place": None, "place_sentence": None, "perpetrator": None,
        "perpetrator_sentence": None, "target": None, "claimed_by": None, "claim_sentence": None, "sources": [],
        "figures": [
            {"sentence": 2, "amount": "at least seven", "outcome": "killed", "group": "total",
             "according_to": "Officials"},
            {"sentence": 3, "amount": "13", "outcome": "killed", "group": "total", "according_to": "police chief"},
            {"sentence": 4, "amount": "Five", "outcome": "killed", "group": "militants", "according_to": None},
            {"sentence": 5, "amount": "could rise to as high as 40", "outcome": "killed", "group": "total",
             "according_to": "A rescuer"},
        ]}]}, context={"article": article})
    (inc,) = resolve(extraction, article)
    assert [(f.low, f.high, f.qualifier) for f in inc.figures] == [
        (7, None, "at_least"), (13, 13, "exact"), (5, 5, "exact"), (None, 40, "possible_up_to")]
    cite = inc.figures[1].citation
    assert text[cite.start : cite.end] == cite.quote == "A police chief put the death toll at 13."
    victims = next(e for e in inc.estimates if e.side == "victims")
    assert (victims.low, victims.best, victims.high, victims.sources) == (7, 7, 13, 2)
    assert victims.policy == ESTIMATE_POLICY
    attackers = next(e for e in inc.estimates if e.side == "militants")
    assert (attackers.low, attackers.high) == (5, 5)
    assert inc.date.precision == "none" and inc.place is None and inc.place_citation is None


def test_a_count_of_one_group_within_the_count_of_all_victims_is_no_lower_estimate() -> None:
    from summarizer.reconcile import estimates
    from summarizer.schema import Citation, FigureOut

    cite = Citation(sentence=1, start=0, end=1, quote="x")

    def fig(group: str, n: int) -> FigureOut:
        return FigureOut(outcome="killed", group=group, amount_text=str(n), low=n, high=n, qualifier="exact",
                         according_to=None, citation=cite)

    # "11 killed ... Four civilians were among the dead": eleven dead, not "best 4"
    (e,) = estimates([fig("unknown", 11), fig("civilians", 4)])
    assert (e.low, e.best, e.high, e.sources) == (11, 11, 11, 1)
    # a group's count larger than every count of all victims is a rival toll, kept
    (e,) = estimates([fig("total", 13), fig("police", 20)])
    assert (e.low, e.best, e.high) == (13, 13, 20)
    # counts of groups only: all kept
    (e,) = estimates([fig("soldiers", 23), fig("police", 4)])
    assert (e.low, e.high) == (4, 23)


def _one(text: str, **fields: object) -> list[object]:
    article = parse_article(text, "t")
    base: dict[str, object] = {
        "headline": "h", "summary": "s", "event_type": "bombing", "date_text": None, "country": None,
        "province": None, "place": None, "place_sentence": None, "perpetrator": None, "perpetrator_sentence": None,
        "target": None, "claimed_by": None, "claim_sentence": None, "sources": [], "figures": []}
    base.update(fields)
    extraction = Extraction.model_validate({"is_incident_report": True, "incidents": [base]},
                                           context={"article": article})
    return list(resolve(extraction, article))


def test_the_claimant_is_the_perpetrator_when_no_other_attacker_is_named() -> None:
    (inc,) = _one("A car bomb exploded in Velka.\nThe Iron Wolves claimed responsibility.",
                  claimed_by="Iron Wolves", claim_sentence=2, place="Velka", place_sentence=1)
    assert inc.perpetrator == "Iron Wolves"  # type: ignore[attr-defined]
    assert inc.perpetrator_citation.sentence == 2  # type: ignore[attr-defined]
    assert inc.responsibility.claimed_by == "Iron Wolves"  # type: ignore[attr-defined]


def test_the_province_comes_from_the_gazetteer_when_the_article_names_only_the_city() -> None:
    (inc,) = _one("A bomb exploded in Jalalabad, Afghanistan.", country="Afghanistan", place="Jalalabad",
                  place_sentence=1)
    assert (inc.province, inc.province_source) == ("Nangarhar", "gazetteer")  # type: ignore[attr-defined]
    (inc,) = _one("A bomb exploded in Jalalabad in Nangarhar province, Afghanistan.", country="Afghanistan",
                  place="Jalalabad", place_sentence=1, province="Nangarhar")
    assert (inc.province, inc.province_source) == ("Nangarhar", "article")  # type: ignore[attr-defined]


def test_the_country_or_a_direction_in_it_is_not_a_province() -> None:
    for province in ("Ardania", "eastern Ardania"):
        (inc,) = _one("A bomb exploded in Velka, eastern Ardania.", country="Ardania", province=province,
                      place="Velka", place_sentence=1)
        assert inc.province is None  # type: ignore[attr-defined]


def test_the_province_comes_from_a_sentence_that_names_the_place_or_from_a_counts_sentence() -> None:
    text = ("Gunmen stormed Kolwari village in north-east Nigeria, killing 12 people.\n"
            "Kolwari is 20 kilometres from the town of Damboa.\n")
    (inc,) = _one(text, country="Nigeria", place="Kolwari", place_sentence=1, figures=[
        {"sentence": 1, "amount": "12", "outcome": "killed", "group": "total", "according_to": None}])
    assert (inc.province, inc.province_source) == ("Borno State", "gazetteer")  # type: ignore[attr-defined]
    text = ("A suicide bomber killed eight people outside a police headquarters in eastern Afghanistan.\n"
            "More than 10 others were injured in the blast in the province of Khost.\n")
    (inc,) = _one(text, country="Afghanistan", place="police headquarters", place_sentence=1, figures=[
        {"sentence": 1, "amount": "eight", "outcome": "killed", "group": "total", "according_to": None},
        {"sentence": 2, "amount": "More than 10", "outcome": "wounded", "group": "total", "according_to": None}])
    assert (inc.province, inc.province_source) == ("Khowst", "gazetteer")  # type: ignore[attr-defined]


def test_an_article_that_never_names_the_country_gets_it_from_its_places_marked_as_looked_up() -> None:
    text = ("Insurgents beheaded five fishermen near Mucojo in Macomia district of Cabo Delgado.\n"
            "The attack happened on Sunday.\n")
    (inc,) = _one(text, country=None, place="Mucojo", place_sentence=1, figures=[
        {"sentence": 1, "amount": "five", "outcome": "killed", "group": "civilians", "according_to": None}])
    assert (inc.country, inc.country_source) == ("Mozambique", "gazetteer")  # type: ignore[attr-defined]
    named = _one("Gunmen killed 18 people in Guerrero, Mexico.\n", country="Mexico", place="Guerrero",
                 place_sentence=1)
    assert (named[0].country, named[0].country_source) == ("Mexico", "article")  # type: ignore[attr-defined]


def test_an_incident_the_model_placed_nowhere_gets_the_place_its_lede_names_marked_as_looked_up() -> None:
    text = ("About 20 soldiers were killed in an attack on an army camp in central Mali, the government said.\n"
            "The identity of the attackers was not immediately clear.\n"
            "Terrorists entered the camp near the village of Sokolo and killed the soldiers.\n")
    (inc,) = _one(text, country="Mali", place=None, figures=[
        {"sentence": 1, "amount": "About 20", "outcome": "killed", "group": "soldiers", "according_to": None}])
    assert (inc.place, inc.place_source) == ("Sokolo", "gazetteer")  # type: ignore[attr-defined]
    assert inc.place_citation.sentence == 3 and inc.province == "Ségou"  # type: ignore[attr-defined]
    (named,) = _one(text, country="Mali", place="army camp", place_sentence=1)
    assert (named.place, named.place_source) == ("army camp", "article")  # type: ignore[attr-defined]
    (nowhere,) = _one("A man was killed in the market.\n", country="Mali", place=None)
    assert nowhere.place is None and nowhere.place_source is None  # type: ignore[attr-defined]


def test_no_country_is_looked_up_when_the_places_point_to_several_or_none() -> None:
    for text in ("Gunmen killed 18 people in Punjab province.\n", "A man was killed in the market.\n"):
        (inc,) = _one(text, country=None, place=None)
        assert inc.country is None  # type: ignore[attr-defined]


def test_a_count_placed_in_another_province_after_the_lede_is_not_the_incidents() -> None:
    text = ("A car bomb exploded in a livestock market in Hillah on Thursday, killing at least 12 people.\n"
            "Police said the market was crowded.\n"
            "The wounded were many.\n"
            "And two roadside bombs blew up in western Baghdad, wounding several people.\n"
            "Eight of the wounded were taken to a hospital in Baghdad.\n")
    article = parse_article(text, "t")
    extraction = Extraction.model_validate({"is_incident_report": True, "incidents": [{
        "headline": "h", "summary": "s", "event_type": "bombing", "date_text": None, "country": "Iraq",
        "province": None, "place": "Hillah", "place_sentence": 1, "perpetrator": None, "perpetrator_sentence": None,
        "target": None, "claimed_by": None, "claim_sentence": None, "sources": [], "figures": [
            {"sentence": 1, "amount": "at least 12", "outcome": "killed", "group": "total", "according_to": None},
            {"sentence": 4, "amount": "several", "outcome": "wounded", "group": "total", "according_to": None},
            {"sentence": 5, "amount": "Eight", "outcome": "wounded", "group": "total", "according_to": None}]}]},
        context={"article": article})
    (inc,) = resolve(extraction, article)
    assert inc.province == "Bābil"
    assert [f.amount_text for f in inc.figures] == ["at least 12", "Eight"]  # a hospital elsewhere is no other place
    assert extraction.unused == ["S4 'several': its sentence places it in Baghdad, not Bābil; not counted for the "
                                 "incident"]


def test_a_place_in_the_sources_words_or_a_distance_from_a_landmark_places_no_count_elsewhere() -> None:
    text = ("A suicide bomber killed 16 people in a bazaar in Farah province on Thursday.\n"
            "Police were the target, an official said.\n"
            "The bomber was a woman.\n"
            "The interior ministry in Kabul gave a lower death toll, saying seven civilians were killed.\n"
            "Another blast hit a market some 65 km northeast of Kabul, killing 35 people.\n"
            "Two roadside bombs blew up in western Kabul, wounding several people.\n")
    article = parse_article(text, "t")
    figure = {"outcome": "killed", "group": "total", "according_to": None}
    extraction = Extraction.model_validate({"is_incident_report": True, "incidents": [{
        "headline": "h", "summary": "s", "event_type": "bombing", "date_text": None, "country": "Afghanistan",
        "province": "Farah", "place": None, "place_sentence": None, "perpetrator": None,
        "perpetrator_sentence": None, "target": None, "claimed_by": None, "claim_sentence": None, "sources": [],
        "figures": [{**figure, "sentence": 1, "amount": "16"},
                    {**figure, "sentence": 4, "amount": "seven", "according_to": "The interior ministry in Kabul"},
                    {**figure, "sentence": 5, "amount": "35"},
                    {**figure, "sentence": 6, "amount": "several", "outcome": "wounded"}]}]},
        context={"article": article})
    (inc,) = resolve(extraction, article)
    assert [f.amount_text for f in inc.figures] == ["16", "seven", "35"]
    assert extraction.unused == ["S6 'several': its sentence places it in Kabul, not Farah; not counted for the "
                                 "incident"]


def test_a_country_named_only_by_its_people_stays_and_shows_as_looked_up() -> None:
    text = ("A suicide bombing rocked İstanbul’s central Sultanahmet Square on Tuesday, leaving 10 people dead.\n"
            "Most of the dead were German tourists and Turkish nationals, officials of the Islamic State of Iraq "
            "and the Levant said.\n")
    (inc,) = _one(text, country="Turkey", province="İstanbul", place="Sultanahmet Square", place_sentence=1)
    assert (inc.country, inc.country_source) == ("Turkey", "gazetteer")  # type: ignore[attr-defined]
    assert inc.province == "İstanbul"  # type: ignore[attr-defined]  # a capital İ is a capital


def test_a_province_of_one_country_only_gives_the_country_over_a_neighbour_the_article_names() -> None:
    text = ("Militants attacked a police camp in Garissa County on Monday, killing six officers.\n"
            "The area is near the porous Kenya-Somalia border.\n")
    (inc,) = _one(text, country="Somalia", province="Garissa County", place="police camp", place_sentence=1)
    assert (inc.country, inc.country_source) == ("Kenya", "article")  # type: ignore[attr-defined]
    # a province several countries have decides nothing
    (shared,) = _one("Gunmen killed 18 people in Punjab province, Pakistan.\n", country="Pakistan",
                     province="Punjab")
    assert shared.country == "Pakistan"  # type: ignore[attr-defined]


def test_a_big_city_of_another_country_the_article_names_gives_its_country() -> None:
    # Uzbekistan given to a raid in Dushanbe (found10 1021), Somalia to the bombings in "Kampala, Uganda" (found11 1049)
    text = ("Gunmen attacked a police post in Dushanbe, the capital of Tajikistan, on Sunday, killing two officers.\n"
            "Officials blamed militants who had crossed from Uzbekistan.\n")
    (inc,) = _one(text, country="Uzbekistan", place="Dushanbe", place_sentence=1)
    assert inc.country == "Tajikistan"  # type: ignore[attr-defined]
    # not where the article never names the city's country: an island "Boma" in Lake Chad is no Congolese city
    lake = "Jihadists attacked an army base at Boma on Lake Chad on Monday, killing 92 soldiers, Chad said.\n"
    (chad,) = _one(lake, country="Chad", place="Boma", place_sentence=1)
    assert chad.country == "Chad"  # type: ignore[attr-defined]


def test_a_province_of_another_country_does_not_move_a_place_that_lies_in_the_country_given() -> None:
    # "Niger" is Nigeria's state and Mali's river: Timbuktu lies in Mali, so Mali stays (found7 919)
    text = ("Jihadists attacked a passenger boat near the city of Timbuktu on the Niger River, killing 49 "
            "civilians, Mali's government said.\n")
    (inc,) = _one(text, country="Mali", province="Niger", place="Timbuktu", place_sentence=1)
    assert inc.country == "Mali"  # type: ignore[attr-defined]
    assert inc.province != "Niger"  # type: ignore[attr-defined]


def test_a_province_that_is_a_city_of_the_country_given_does_not_move_the_incident() -> None:
    # "Santiago" is a Dominican province and Chile's capital: a Chilean bombing stays in Chile (found17 1232)
    text = ("Bomb injures at least 7 at Chilean subway station\n"
            "A bomb exploded at the Escuela Militar subway station in Santiago, injuring at least seven people.\n")
    (inc,) = _one(text, country="Chile", province="Santiago", place="Escuela Militar subway station",
                  place_sentence=2)
    assert inc.country == "Chile"  # type: ignore[attr-defined]


def test_a_province_of_a_country_the_article_never_names_does_not_move_the_incident() -> None:
    # "Santiago" is Cape Verde's main island and a Dominican province (found19 1281)
    text = ("PRAIA, Cape Verde - Authorities said 11 people were found dead at a military barracks.\n"
            "The shootings happened at the Monte Tchota base on the island of Santiago.\n")
    (inc,) = _one(text, country="Cape Verde", province="Santiago", place="Monte Tchota base", place_sentence=2)
    assert inc.country == "Cape Verde"  # type: ignore[attr-defined]
    # where the article names the province's country, the province still moves it
    (named,) = _one(text + "Officials in the Dominican Republic were told.\n", country="Cape Verde",
                    province="Santiago", place="Monte Tchota base", place_sentence=2)
    assert named.country == "Dominican Republic"  # type: ignore[attr-defined]


def test_without_a_country_the_place_given_decides_before_the_countries_the_sentences_name() -> None:
    # found13 1119: twin bombings in Beirut, whose report speaks of Syria's war first, were given to Syria
    text = ("Twin suicide bombings killed 43 people in Beirut on Thursday.\n"
            "The attack was claimed by a group fighting in Syria's civil war.\n")
    (inc,) = _one(text, province="Beirut", place="Beirut", place_sentence=1)
    assert inc.country == "Lebanon"  # type: ignore[attr-defined]
    (given,) = _one(text, country="Lebanon", place="Beirut", place_sentence=1)
    assert given.country == "Lebanon"  # type: ignore[attr-defined]


def test_a_province_that_names_another_country_is_the_incidents_country() -> None:
    # found20 1336, 1318, found17 1225: the model filed the country as the province and the ruling power as country
    text = ("Nauru detention centre descended into chaos on Friday, with a policeman stabbed by asylum seekers.\n"
            "Australian officials said at least a dozen detainees were injured.\n")
    (inc,) = _one(text, country="Australia", province="Nauru", place="detention centre", place_sentence=1)
    assert (inc.country, inc.province) == ("Nauru", None)  # type: ignore[attr-defined]
    # a state of the country given stays; so does a neighbour named only at its border
    (state,) = _one("A bomb exploded in Atlanta, Georgia, on Saturday, killing one person.\n",
                    country="United States", province="Georgia", place="Atlanta", place_sentence=1)
    assert state.country == "United States"  # type: ignore[attr-defined]
    border = "Gunmen attacked a checkpoint on Mount Chaambi near the Algerian border, killing four Tunisian soldiers.\n"
    (chaambi,) = _one(border, country="Tunisia", province="Algeria", place="Mount Chaambi", place_sentence=1)
    assert chaambi.country == "Tunisia"  # type: ignore[attr-defined]


def test_where_a_source_spoke_or_the_dead_lie_places_no_count_elsewhere() -> None:
    # found20 1332, 1318, found14 1135: a news conference in the capital, a morgue in the next town
    assert "Baku" not in where_it_happened("The mayor of Khojaly said at a news conference in Baku that 1000 people "
                                           "had died in the attack.", None)
    assert "Aghdam" not in where_it_happened("Footage showed about 10 dead bodies in an improvised morgue in Aghdam.",
                                             None)
    assert "Baku" in where_it_happened("Gunmen killed 10 people in Baku.", None)


def test_a_country_written_with_st_is_spelled_out() -> None:
    # found19 1282: with "St. Lucia" unknown, the attack went to the country of a nun it killed
    text = ("Two men attacked worshippers in Castries, St. Lucia, killing two.\n"
            "One of the dead, a nun of Ireland, was attacked with a machete.\n")
    (inc,) = _one(text, country="St. Lucia", place="Castries", place_sentence=1)
    assert (inc.country, inc.country_source) == ("Saint Lucia", "gazetteer")  # type: ignore[attr-defined]


def test_a_division_the_article_writes_only_as_the_first_word_of_a_name_is_no_province() -> None:
    # found11 1048: an Assam Rifles convoy ambushed in Manipur
    text = ("A colonel of Assam Rifles and four jawans were killed in an ambush in Manipur's Churachandpur district.\n"
            "The convoy of the commanding officer of 46 Assam Rifles was attacked with an IED.\n")
    (inc,) = _one(text, country="India", province="Assam", place="Churachandpur", place_sentence=1)
    assert inc.province == "Manipur"  # type: ignore[attr-defined]
    # written as a place once, it is the province
    (placed,) = _one(text + "Troops were later sent from Assam.\n", country="India", province="Assam",
                     place="Churachandpur", place_sentence=1)
    assert placed.province == "Assam"  # type: ignore[attr-defined]


def test_a_country_the_article_names_only_at_a_border_gives_way_to_the_country_of_its_places() -> None:
    text = ("A roadside bomb killed four soldiers in a north-western tribal area near the Afghan border.\n"
            "The convoy had left for the north-western city of Bannu, an army official in Peshawar said.\n")
    (inc,) = _one(text, country="Afghanistan", place="tribal area", place_sentence=1)
    assert (inc.country, inc.country_source) == ("Pakistan", "gazetteer")  # type: ignore[attr-defined]  # found 304
    # named elsewhere too, or places that point nowhere else: the country given stays
    stays = text.replace("An army", "Afghan officials said an army")
    (named,) = _one(stays + "Afghan officials condemned it.\n", country="Afghanistan", place="tribal area",
                    place_sentence=1)
    assert named.country == "Afghanistan"  # type: ignore[attr-defined]
    (nowhere,) = _one("A roadside bomb killed four soldiers near the Afghan border.\n", country="Afghanistan")
    assert nowhere.country == "Afghanistan"  # type: ignore[attr-defined]
    # a neighbour is named at a border too: "fighting US-led forces in neighbouring Afghanistan"
    neighbour = text + "The area is a base of groups fighting in neighbouring Afghanistan.\n"
    (beside,) = _one(neighbour, country="Afghanistan", place="tribal area", place_sentence=1)
    assert beside.country == "Pakistan"  # type: ignore[attr-defined]


def test_a_headline_count_the_body_states_in_full_stays_beside_it_as_the_headlines_own_report() -> None:
    """The guide lists the headline's "65" apart from the lede's "at least 65" (claimed by the headline). Taken off
    as a repeat, the headline's entry was scored against the body's figure and its police source (found13 1106,
    1119; found12 1075, 1077)."""
    text = ("Suicide bomber kills 65 in park\nA suicide bomber killed at least 65 people in a park on Sunday, police "
            "said.\nPolice said 280 were injured.")
    figures = [
        {"sentence": 1, "amount": "65", "outcome": "killed", "group": "unknown", "according_to": None},
        {"sentence": 2, "amount": "at least 65", "outcome": "killed", "group": "total", "according_to": "police"},
        {"sentence": 3, "amount": "280", "outcome": "wounded", "group": "total", "according_to": "Police"},
    ]
    article = parse_article(text, "t")
    extraction = Extraction.model_validate({"is_incident_report": True, "incidents": [{
        "headline": "h", "summary": "s", "event_type": "suicide_bombing", "date_text": None, "country": None,
        "province": None, "place": None, "place_sentence": None, "perpetrator": None, "perpetrator_sentence": None,
        "target": None, "claimed_by": None, "claim_sentence": None, "sources": [], "figures": figures}]},
        context={"article": article})
    (inc,) = resolve(extraction, article)
    assert [(f.citation.sentence, f.amount_text, f.according_to) for f in inc.figures] == [
        (1, "65", None), (2, "at least 65", "police"), (3, "280", "Police")]
    assert extraction.unused == []


@pytest.mark.parametrize(("text", "headline", "body"), [
    # a number the body does not state
    ("Blast kills 12 at market\nA car bomb exploded at a market, killing at least 10 people.", "12", "at least 10"),
    # merge 218: the headline adds a floor the body does not give ("Car bomb kills at least 11 in central
    # Istanbul" over "killed 11 people"), so it shortens nothing and the annotation guide lists it apart
    ("Car bomb kills at least 11\nA car bomb killed 11 people on Tuesday.", "at least 11", "11"),
])
def test_a_headline_count_that_says_what_the_body_does_not_stays(text: str, headline: str, body: str) -> None:
    (inc,) = _one(text, figures=[
        {"sentence": 1, "amount": headline, "outcome": "killed", "group": "unknown", "according_to": None},
        {"sentence": 2, "amount": body, "outcome": "killed", "group": "total", "according_to": None}])
    assert [f.amount_text for f in inc.figures] == [headline, body]  # type: ignore[attr-defined]


def test_the_division_named_after_the_place_is_its_province() -> None:
    (inc,) = _one("Fighters ambushed a convoy returning from Djibo, a town in the Sahel region, in Namsiguia, in the "
                  "Centre-Nord region, the army said.\n", country="Burkina Faso", place="Namsiguia", place_sentence=1)
    assert inc.province == "Centre-Nord"  # type: ignore[attr-defined]  # not the Sahel region named before it


def test_a_wire_dateline_is_where_the_reporter_filed_not_the_incidents_place() -> None:
    text = ("BOGOTÁ, Colombia (AP) — Two police officers were killed on Sunday in northeast Colombia.\n"
            "The president condemned the killings in Cúcuta.\n")
    two = [{"sentence": 1, "amount": "Two", "outcome": "killed", "group": "police", "according_to": None}]
    (inc,) = _one(text, country="Colombia", figures=two)
    assert inc.province == "Norte de Santander Department"  # type: ignore[attr-defined]  # Cúcuta's, in the lede
    # with no other place in the lede the dateline is still the last resort
    (alone,) = _one("BOGOTÁ, Colombia (AP) — Two police officers were killed on Sunday.\n", country="Colombia",
                    figures=two)
    assert alone.province == "Bogota D.C."  # type: ignore[attr-defined]


def test_a_country_the_lede_names_only_in_its_wire_dateline_gives_way_to_the_one_it_places_the_attack_in() -> None:
    """found14 1155: "KIGALI, Rwanda (AA) – ... killed ... in the Virunga National Park in the Democratic Republic
    of Congo" had been coded Rwanda, the dateline's country (the issue's "Kabul:" dateline on a Pakistan story)."""
    text = ("KIGALI, Rwanda (AA) – Thirteen park rangers were killed Friday in an attack in the Virunga National Park "
            "in the Democratic Republic of Congo, according to authorities.\n"
            "The rangers were escorting a convoy.\n")
    (inc,) = _one(text, country="Rwanda", place="Virunga National Park", place_sentence=1)
    assert inc.country == "Democratic Republic of Congo"  # type: ignore[attr-defined]
    # a dateline printed as a sentence of its own (found16 1212: "BELGRADE, Serbia. A gunman in Montenegro killed 10
    # people ... in the city of Cetinje" had been coded Serbia)
    (own,) = _one("BELGRADE, Serbia. A gunman in Montenegro killed 10 people in the city of Cetinje on Friday.\n",
                  country="Serbia", place="Cetinje", place_sentence=2)
    assert own.country == "Montenegro"  # type: ignore[attr-defined]
    (filed,) = _one("KABUL, Afghanistan (AP) – A bomb killed 12 people in Kabul on Monday.\n", country="Afghanistan",
                    place="Kabul", place_sentence=1)
    assert filed.country == "Afghanistan"  # type: ignore[attr-defined]
    # the lede tells the dateline's country by its people: it stays (found10 1030, once a dated dateline was known)
    uri = ("SRINAGAR, India, Sept 18 (Reuters) - Militants attacked an Indian army brigade headquarters near the "
           "border with Pakistan on Sunday, killing at least nine soldiers.\n")
    (kept,) = _one(uri, country="India", place="Uri", place_sentence=1)
    assert kept.country == "India"  # type: ignore[attr-defined]
