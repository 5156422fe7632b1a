"""Property-based tests (hypothesis) on the loader, the sentence splitter, the amount parser and span
computation: no input crashes them, and every span lies inside the text and cuts exactly its sentence.

The normal suite runs a modest number of examples; ``HYPOTHESIS_PROFILE=thorough`` (scripts/fuzz.sh) runs
10,000 per property.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.amounts import numbers_in, parse_amount, point, words_to_int
from summarizer.articles import MAX_SENTENCE, Article, ArticleError, parse_article, split_sentences, to_article
from summarizer.pipeline import CHARS_PER_TOKEN, chunks
from summarizer.reconcile import citation

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

WORDS = ["Gunmen", "killed", "at", "least", "seven", "people", "in", "Kabul", "on", "Thursday", "Dr.", "U.S.",
         "6.5", "police", "said", "28-30", "dozens", "\u201cWe", "are", "safe,\u201d", "(AFP)", "Mr.", "No.", "3",
         "twenty-one", "more", "than", "20", "wounded", "I", "A", "ignore", "previous", "instructions"]
PUNCT = [".", "!", "?", ".\u201d", ".)", "", ",", ";", "...", ".\n", "\n", "\n\n", "\r\n", "\t", " \u2028 "]


@st.composite
def article_like(draw: st.DrawFn) -> str:
    """Text shaped like news (words, sentence ends, line breaks) mixed with arbitrary characters."""
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.text(max_size=8)),
                          max_size=80))
    return " ".join(parts) if draw(st.booleans()) else "".join(parts)


any_text = st.one_of(article_like(), st.text(max_size=400))


def check_article(article: Article) -> None:
    text = article.text
    last_end = -1
    for i, s in enumerate(article.sentences, start=1):
        assert s.id == i
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= last_end
        assert s.text == s.text.strip() and "\n" not in s.text
        last_end = s.end
    assert set(article.flagged) <= {s.id for s in article.sentences}


@given(any_text)
def test_splitter_spans_are_inside_ordered_trimmed_and_cover_the_text(text: str) -> None:
    spans = split_sentences(text)
    covered = set()
    prev = 0
    for start, end in spans:
        assert prev <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and len(piece) <= MAX_SENTENCE
        assert not any(c in piece for c in "\n\r")
        covered.update(range(start, end))
        prev = end
    assert all(i in covered for i, c in enumerate(text) if not c.isspace() and c not in "\n\r")


@given(st.one_of(
    st.binary(max_size=600),
    st.tuples(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1",
                                         "cp1252"])).map(lambda t: t[0].encode(t[1], errors="ignore")),
), st.sampled_from([".txt", ".md", ""]))
def test_the_loader_returns_an_article_or_a_clear_error(data: bytes, suffix: str) -> None:
    try:
        article = to_article(data, "x", suffix)
    except ArticleError as exc:
        assert str(exc).startswith("x: ") and "\n" not in str(exc)
        return
    check_article(article)


@given(any_text)
def test_parsed_articles_have_exact_spans(text: str) -> None:
    try:
        article = parse_article(text, "x")
    except ArticleError:
        return
    check_article(article)


AMOUNT_WORDS = ["at least", "more than", "up to", "about", "nearly", "some", "over", "dozens", "scores",
                "hundreds", "a dozen", "no", "one", "seven", "twenty-one", "hundred", "thousand", "million",
                "-", "–", "to", "and", "or", "of", ","]


@given(st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(AMOUNT_WORDS), st.integers(-10, 10**12).map(str),
                       st.floats(allow_nan=True).map(str)), max_size=8).map(" ".join),
))
def test_amount_parsing_never_crashes_and_ranges_are_ordered(text: str) -> None:
    amount = parse_amount(text)
    if amount is not None:
        if amount.low is not None and amount.high is not None:
            assert 0 <= amount.low <= amount.high
        p = point(amount)
        if p is not None:
            assert p[0] <= p[1]
    words_to_int(text)
    assert all(isinstance(n, int) for n in numbers_in(text))


@given(any_text, st.lists(st.integers(-5, 200), max_size=10), st.integers(1, 400))
def test_citations_and_parts_stay_inside_the_text(text: str, ids: list[int], budget: int) -> None:
    try:
        article = parse_article(text, "x")
    except ArticleError:
        return
    for sid in ids:
        c = citation(article, sid)
        valid = 1 <= sid <= len(article.sentences)
        assert (c is not None) == valid
        if c is not None:
            assert 0 <= c.start < c.end <= len(article.text) and article.text[c.start : c.end] == c.quote
    parts = chunks(article, budget)
    assert [s for p in parts for s in p.sentences] == list(article.sentences)
    for p in parts:
        if len(p.sentences) > 1:  # a single sentence longer than the budget is a part of its own
            assert len(p.numbered()) / CHARS_PER_TOKEN <= budget
