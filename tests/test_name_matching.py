"""One tolerant name matcher (``summarizer.names``) for grounding, the gazetteer and the scorer: the three agree on
what a name's words are, and differ only in how far a spelling may stray."""

from __future__ import annotations

import pytest

from summarizer.evaluate import names_match, place_right
from summarizer.gazetteer import province_for
from summarizer.grounding import is_proper_name, missing_words
from summarizer.names import fold, near_form, respelled, same_word, skeleton


@pytest.mark.parametrize(("name", "text"), [
    ("Jalalabad", "A suicide bomber struck in Jalālābād on Sunday."),  # accents: the model writes plain letters
    ("Tehrik-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan claimed the attack."),  # the join of a transliteration
    ("Kabul municipality", "Gunmen attacked a wedding hall in Kabul."),  # a frame word of a place
    ("Somalia's capital", "A bomb went off in Somalia's capital, police said."),
    ("Islamic State", "Islamic State's Amaq agency said its fighters carried it out."),  # a possessive
    ("IS", "IS's news agency claimed it."),
])
def test_grounding_finds_a_name_written_a_little_differently(name: str, text: str) -> None:
    assert missing_words(name, text) == []


@pytest.mark.parametrize(("name", "text"), [
    ("Zabihullah Mujahid", "Zabiullah Mujahid, a Taliban spokesman, said."),  # a transliteration: grounding is strict
    ("Kandahar", "A bomb went off in Kunduz."),
    ("Boko Haram", "Gunmen attacked the village."),
])
def test_grounding_never_accepts_a_name_the_text_does_not_write(name: str, text: str) -> None:
    assert missing_words(name, text) != []


def test_the_scorer_accepts_transliterations_that_grounding_refuses() -> None:
    assert names_match("Zabihullah Mujahid", "Zabiullah Mujahid")
    assert names_match("Taleban", "Taliban")
    assert names_match("Kabul municipality", "Kabul")  # the same frame words as grounding and the gazetteer
    assert not names_match("Kunduz", "Kandahar")
    assert place_right("Jalālābād city", "Jalalabad", "Afghanistan")


def test_the_gazetteer_folds_and_frames_names_as_the_others_do() -> None:
    assert province_for(None, "Jalālābād municipality", "Afghanistan") == ("Nangarhar", True)
    assert province_for("Oruzgan province", None, "Afghanistan") == ("Oruzgan province", False)
    assert fold("Sana'a, Yemen") == "sanaa yemen"


def test_is_proper_name_reads_hyphenated_names_word_by_word() -> None:
    assert is_proper_name("Shabaab", "Al-Shabaab fighters stormed the hotel.")
    assert not is_proper_name("eastern", "Gunmen struck in eastern Afghanistan.")


def test_the_levels_of_tolerance() -> None:
    assert near_form("pakistan", "pakistani") and near_form("afghan", "afghanistan")
    assert not near_form("iran", "iraq") and not near_form("is", "isis")
    assert skeleton("zabiullah") == skeleton("zabihullah") and skeleton("uruzgan") == skeleton("oruzgan")
    assert same_word("taleban", "taliban") and not near_form("taleban", "taliban")
    assert not same_word("12", "120")


@pytest.mark.parametrize(("name", "text", "shown"), [
    ("Taliban", "A Taleban commander told Reuters the group carried out the attack.", "Taleban"),
    ("dear ez-Zor", "The convoy was hit near the city of Deir ez-Zor.", "Deir ez-Zor"),
    ("al-Shabaab", "Al-Shabab claimed the attack.", "al-Shabab"),
    ("Kabul", "Gunmen attacked a hotel in Kabul.", None),  # spelled as the article does: nothing to change
    ("Boko Haram", "Gunmen attacked the village.", None),  # not in the article in any spelling: grounding drops it
    ("Kandahar", "A bomb went off in Kunduz.", None),  # other consonants: another place
])
def test_a_name_the_model_transliterated_is_shown_as_the_article_spells_it(name: str, text: str,
                                                                          shown: str | None) -> None:
    assert respelled(name, text) == shown
