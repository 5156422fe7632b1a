"""Amount parsing follows the annotation guide's table, digits and words alike."""

from __future__ import annotations

import pytest

from summarizer.amounts import Amount, numbers_in, parse_amount, point, words_to_int


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("13", 13, 13, "exact"),
        ("at least 28", 28, None, "at_least"),
        ("more than 100", 100, None, "more_than"),
        ("over 100", 100, None, "more_than"),
        ("28-30", 28, 30, "range"),
        ("28–30 policemen", 28, 30, "range"),
        ("between 10 and 15", 10, 15, "range"),
        ("about 20", 20, 20, "approx"),
        ("around 20", 20, 20, "approx"),
        ("nearly 20", 20, 20, "approx"),
        ("two dozen", 24, 24, "approx"),
        ("as many as 11", None, 11, "up_to"),
        ("could rise to as high as 40", None, 40, "possible_up_to"),
        ("as high as 37", 37, 37, "as_high_as"),
        ("dozens", 24, None, "dozens"),
        ("scores", 40, None, "scores"),
        ("hundreds", 200, None, "hundreds"),
        ("several", None, None, "unspecified"),
        ("many", None, None, "unspecified"),
        ("a number of", None, None, "unspecified"),
        ("no casualties", 0, 0, "exact"),
        ("no one was killed", 0, 0, "exact"),
        ("at least seven", 7, None, "at_least"),
        ("Six", 6, 6, "exact"),
        ("twenty-three", 23, 23, "exact"),
        ("1,200", 1200, 1200, "exact"),
        ("up to 42", None, 42, "up_to"),
        ("more than 20 police", 20, None, "more_than"),
    ],
)
def test_guide_table(text: str, low: int | None, high: int | None, qualifier: str) -> None:
    assert parse_amount(text) == Amount(low, high, qualifier)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["the governor", "a teacher", "", "police"])
def test_not_a_count(text: str) -> None:
    assert parse_amount(text) is None


def test_number_words() -> None:
    assert words_to_int("one hundred and twenty") == 120
    assert words_to_int("forty-two") == 42
    assert words_to_int("a") is None
    assert numbers_in("Six police died and nine were wounded; 28-30 in all") == [6, 9, 28, 30]


def test_point_ignores_projections_and_vague_words() -> None:
    assert point(Amount(None, 40, "possible_up_to")) is None
    assert point(Amount(None, None, "unspecified")) is None
    assert point(Amount(7, None, "at_least")) == (7, 7)
    assert point(Amount(28, 30, "range")) == (28, 30)
