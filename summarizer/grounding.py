"""Does the cited text really say it? Tolerant string checks used by grounding (``schema.ground``) and the scorer.

Tolerant where wording legitimately varies (case, "the", possessives, "Pakistani"/"Pakistan", digits vs
number words), strict where it matters: a name or a number the article does not contain is never accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from summarizer.amounts import numbers_in
from summarizer.names import STOP, near_form, text_words

# Words that describe how an attack was carried out, not who carried it out.
METHOD_WORDS = {"suicide", "bomber", "bombers", "attacker", "attackers", "assailant", "assailants", "car", "bomb",
                "explosion", "blast", "unknown", "unidentified"}


def is_method_only(actor: str) -> bool:
    """'a suicide bomber' names a method, not an actor."""
    named = [t for t in tokens(actor) if t not in STOP]
    return bool(named) and all(w in METHOD_WORDS for w in named)


def capitalised_words(text: str) -> set[str]:
    """The folded words ``text`` writes with a capital, in any script ('İstanbul' too), a possessive dropped."""
    return {w for c in re.findall(r"\b\w[\w'’-]*", text) if c[0].isupper() for w in text_words(c)}


def is_proper_name(name: str, text: str) -> bool:
    """At least one word of ``name`` stands capitalised in ``text`` ('Ghazni'), so 'eastern' or 'capital'
    is not taken for a province."""
    capitalised = capitalised_words(text)
    return any(any(near_form(w, c) for c in capitalised) for w in tokens(name) if w not in STOP)


# People "hit" are wounded: "where seven people were hit" (by a gunman's shots), "Three policemen were hit by gunfire"
# (found22 1376, 1374), "The civilians were hit by splinters" (found12 1076); not those a vehicle hit, whom the
# collision may have killed ("were killed when they were hit by the train", found15 1163); "was hit" is more often a
# place's or a convoy's.
PEOPLE_HIT = (r"(?:were|been)\s+(?:\w+ly\s+)?hit\b(?!\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
              r"(?:car|truck|vehicle|van|bus|train|lorry)\b)")
# People in a doctor's care are wounded: "five people were admitted following the shooting", "six had been admitted
# to Dunedin Hospital", "at least 20 were being treated" (found16 1216, found21 1360, found17 1245); not a case "being
# treated as a terrorist incident" (found22 1386), nor one who "admitted" a deed.
PEOPLE_TREATED = r"(?:being|been)\s+treated\b(?!\s+as\b)|(?:were|been)\s+admitted\b(?!\s+(?:that|to\s+\w+ing)\b)"
# ... and so are people in a condition a doctor names: "At least nine people were in critical condition at Del Sol
# Medical Center", "Several are listed in critical condition", "more than 30 people are in critical condition"
# (found13 1124, found24 1447, found15 1167): the sentence had been no casualty's, its count no candidate.
PEOPLE_IN_A_CONDITION = r"(?:critical|serious|grave|stable|life-threatening)\s+conditions?"
OUTCOME_WORDS: dict[str, re.Pattern[str]] = {
    "killed": re.compile(
        # "corpses" as "bodies": "Local journalists said they counted 27 corpses", "the corpses of 58 men and 14 women"
        # (found16 1203, found13 1110, 1122, found18 1276)
        r"\b(kill\w*|dead|death\w*|die[sd]?|dying|massacre\w*|bod(y|ies)|corpses?|toll|martyr\w*|slain|"
        r"execut\w*|fatalit\w*|lives|lost|murder\w*|shot|casualt\w*|perish\w*|behead\w*|gunned|slaughter\w*|"
        r"assassinat\w*|lynch\w*|decapitat\w*|succumb\w*|severed|"
        # a military communiqué's word for the enemy killed: "12 secessionists were also neutralized"
        r"neutrali[sz]\w*)\b", re.I),
    # "stabbed" alone is a wound ("five people, including three children were stabbed"); "stabbed to death" has
    # its killed word
    # and people "hit" or in a doctor's care (``PEOPLE_HIT``, ``PEOPLE_TREATED``)
    "wounded": re.compile(rf"\b(wound\w*|injur\w*|hurt|hospital\w*|casualt\w*|maimed|stabb(?:ed|ing)|"
                          rf"{PEOPLE_HIT}|{PEOPLE_TREATED}|{PEOPLE_IN_A_CONDITION})\b", re.I),
    "captured": re.compile(
        r"\b(captur\w*|abduct\w*|kidnap\w*|hostage\w*|seiz\w*|taken|arrest\w*|detain\w*|surrender\w*|"
        r"prisoner\w*|held|caught)\b", re.I),
    "missing": re.compile(r"\b(missing|unaccounted|disappear\w*)\b", re.I),
}


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Grounding asks about the same few sentences for every name and figure of an answer: tokenised once
    (``names.text_words``)."""
    return tuple(text_words(text))


def _in(word: str, text: str) -> bool:
    """``word`` or a near form of it ("Pakistani" / "Pakistan") is a word of ``text``; the exact word, the
    usual case, is a set lookup, and near forms share their first four letters (``names.near_form``), so only
    the text's words that start as ``word`` does are compared."""
    return word in _word_set(text) or any(near_form(word, h) for h in _by_prefix(text).get(word[:4], ()))


@lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_tokens(text))


@lru_cache(maxsize=4096)
def _by_prefix(text: str) -> dict[str, tuple[str, ...]]:
    """The words of ``text`` of four letters or more, by their first four (a whole article is scanned for a
    name's every word)."""
    index: dict[str, list[str]] = {}
    for word in dict.fromkeys(_tokens(text)):
        if len(word) >= 4:
            index.setdefault(word[:4], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


def missing_words(name: str, text: str, ignore: AbstractSet[str] | None = None) -> list[str]:
    """Words of ``name`` that ``text`` does not contain (after dropping stop words and ``ignore``). A short
    acronym must stand in capitals: "IS" (Islamic State) is not the verb in "the desert is rife with
    insurgents", nor "US" the pronoun."""
    wanted = [t for t in _tokens(name) if t not in STOP]
    significant = [t for t in wanted if not (ignore and t in ignore)]
    if not significant:
        # Only generic words ("gunmen"): at least one of them must be there.
        if wanted and not any(_in(w, text) for w in wanted):
            return wanted
        return []
    capitals = _acronyms(text)
    return [w for w in significant
            if not _in(w, text) or (w.upper() in _acronyms(name) and w.upper() not in capitals)]


@lru_cache(maxsize=4096)
def _acronyms(text: str) -> frozenset[str]:
    """Words of two or three capitals ("IS", "US", "TTP"): the acronyms that collide with common words
    ("ISIS" may stand as "Isis")."""
    return frozenset(re.findall(r"\b[A-Z]{2,3}\b", text))


def amount_in_sentence(amount: str, sentence: str) -> str | None:
    """None when the sentence carries the amount; else why not."""
    needed = numbers_in(amount)
    if needed:
        found = numbers_in(sentence)
        lacking = [n for n in needed if n not in found]
        if lacking:
            return f"the number {lacking[0]} is not in it"
        return None
    absent = missing_words(amount, sentence)
    if absent:
        return f"the words {' '.join(absent)!r} are not in it"
    return None


# A deed called fatal says someone was killed: "the fatal stabbing of six people", "the escaped prisoner was linked to
# the fatal shooting of two" (found22 1371; found23 1402, where "prisoner" had left the two dead out). Only for a
# figure the model labelled: as a word of the count's own clause it would make the crowd of "A riot, involving about
# 400 people, broke out ... after a fatal accident" a toll (found19 1301).
_FATAL = re.compile(r"\bfatal(?:ly)?\b", re.I)


def outcome_conflict(outcome: str, sentence: str) -> str | None:
    """None when the sentence can support ``outcome``; else why not."""
    if OUTCOME_WORDS[outcome].search(sentence) or (outcome == "killed" and _FATAL.search(sentence)):
        return None
    others = [o for o, pattern in OUTCOME_WORDS.items() if o != outcome and pattern.search(sentence)]
    if others:
        return f"it says {others[0]}, not {outcome}"
    return f"it does not say anyone was {outcome}"


_VAGUE_COUNT = re.compile(
    r"\b(dozens|scores|hundreds|thousands|several|no one|nobody|no (casualties|deaths|injuries))\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def figure_sentences(sentences: Iterable[tuple[int, str]]) -> list[int]:
    """Ids of the sentences that state a count (a number other than a year, or a count word such as
    "dozens" or "no one") next to a killed / wounded word: sentences that report a toll, which boilerplate
    removal must never set aside (``articles``). Over-inclusive by design ("a 25-year-old was killed" is
    marked): keeping a sentence costs nothing, dropping a toll loses it."""
    out = []
    for sid, text in sentences:
        if not (OUTCOME_WORDS["killed"].search(text) or OUTCOME_WORDS["wounded"].search(text)):
            continue
        if numbers_in(_YEAR.sub(" ", text)) or _VAGUE_COUNT.search(text):
            out.append(sid)
    return out
