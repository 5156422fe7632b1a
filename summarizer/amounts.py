"""Casualty amounts as written → numbers, following the table in ``fixtures/eval/ANNOTATION_GUIDE.md``.

The model copies "at least seven" or "28-30" from the article; this module, not the model, decides what
that means as numbers, so the same wording always gives the same low/high/qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal

Qualifier = Literal[
    "exact", "at_least", "more_than", "range", "approx", "up_to", "possible_up_to", "as_high_as",
    "dozens", "scores", "hundreds", "thousands", "unspecified",
]

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
# Words that only count as a number inside a phrase ("a dozen", "half a million"), never on their own.
_WEAK = {"no", "a", "an", "none", "half"}

_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "half"], key=len, reverse=True))
# Digits after a letter name a thing, not a count: "AK47s", "F16", "M4".
_DIGITS = r"(?<!\w)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "and" joins number words into one number after a scale ("a hundred and five", "a dozen and a half") or before a
# half ("two and a half million"); between two units it joins two numbers: "between four and six" is four to six
# (found10 1030 had read it as ten).
_AND_JOINS = r"(?:(?<=hundred\s)|(?<=thousand\s)|(?<=million\s)|(?<=dozen\s)|(?=and\s+a\s+half\b))"
NUMBER_PATTERN = (
    rf"{_DIGITS}(?:[\s-]+(?:{'|'.join(_SCALES)})\b)?"  # "1.5 million" is one number, not 1 and a million
    rf"|\b(?:{_NUMBER_WORD})(?:[\s-]+(?:{_AND_JOINS}and\s+)?(?:{_NUMBER_WORD}))*\b"
)
_NUMBER_RE = re.compile(NUMBER_PATTERN, re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    low: int | None
    high: int | None
    qualifier: Qualifier


def words_to_int(phrase: str) -> int | None:
    """'twenty-three' → 23, 'two dozen' → 24, '1,200' → 1200, '1.5 million' → 1500000, 'a dozen and a half'
    → 18, 'half a dozen' → 6, 'no one' → 0; None when it is not a number. A fraction left over ('6.5') is
    cut to its whole part."""
    text = phrase.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return int(float(text))
    tokens = [t for t in re.split(r"[\s-]+", text) if t and t != "and"]
    if not tokens or all(t in _WEAK for t in tokens):
        return None
    if tokens[0] == "no":
        return 0  # "no one": nobody, not one person
    total, current = Fraction(0), Fraction(0)  # exact: 32.3 thousand is 32,300, not 32,299.999...
    unit = 1  # the last scale word's value: "and a half" is half of it ("a dozen and a half" = 18)
    for i, tok in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in ("a", "an"):
            before = tokens[i - 1] if i > 0 else None
            if after in _SCALES and before != "half":
                current += 1  # "a dozen", "a hundred" (but "half a dozen" is half of one)
            elif after == "half" and before is not None:
                current += Fraction(unit, 2)  # "two and a half million", "a dozen and a half"
            continue  # otherwise "a" is an article: "two and a boy" is two
        if tok == "half":
            if i == 0:
                current += Fraction(1, 2)  # "half a dozen", "half a million"
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += Fraction(tok)
        elif tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok in _SCALES:
            unit = _SCALES[tok]
            current = (current or Fraction(1)) * unit
            if unit >= 1000:
                total, current = total + current, Fraction(0)
        else:
            return None
    return int(total + current)


def numbers_in(text: str) -> list[int]:
    """Every number in ``text``, written in digits or words."""
    return list(_numbers_in(text))


@lru_cache(maxsize=4096)
def _numbers_in(text: str) -> tuple[int, ...]:
    """Grounding and reconcile ask about the same sentences for every figure of an answer: parsed once."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        value = words_to_int(m.group(0))
        if value is not None:
            out.append(value)
    return tuple(out)


_VAGUE: list[tuple[re.Pattern[str], Amount]] = [
    (re.compile(r"\bdozens\b", re.I), Amount(24, None, "dozens")),
    (re.compile(r"\bscores\b", re.I), Amount(40, None, "scores")),
    (re.compile(r"\bhundreds\b", re.I), Amount(200, None, "hundreds")),
    (re.compile(r"\bthousands\b", re.I), Amount(2000, None, "thousands")),
    (re.compile(r"\b(several|many|a number of|some|numerous|multiple|a few|few|others?|a handful)\b", re.I),
     Amount(None, None, "unspecified")),
]
# "several dozen", "a few hundred": the guide's plural ("dozens", "hundreds"), not one dozen or one hundred.
_VAGUE_SCALE = re.compile(r"\b(?:several|a\s+few|many)\s+(dozen|hundred|thousand)\b", re.I)
_VAGUE_PLURAL = {"dozen": Amount(24, None, "dozens"), "hundred": Amount(200, None, "hundreds"),
                 "thousand": Amount(2000, None, "thousands")}
_RANGE = re.compile(r"\d\s*-\s*\d|\bbetween\b.+\band\b|\w\s+to\s+\w|\bor\b", re.I)


_COORDINATED = re.compile(r"(?P<a>.+?)\s+(?:and|as well as)\s+(?P<b>.+)")
_COUNTED_NOUN = re.compile(r"\b(?!(?:at|least|more|than|over|about|around|nearly|some|half|and)\b)[a-z]{3,}")


def _coordinated_sum(t: str) -> Amount | None:
    """The sum of two counts or a list of them joined as one subject or object ("nine germans and one peruvian",
    "an indonesian and a canadian", "at least four women, four children and two civilian drivers"): the
    annotation guide's annotator sums them (merge 208, 217; found 303, 333). Each side must count someone; a
    number alone ("a hundred and five", "between 10 and 12") is no coordination."""
    m = _COORDINATED.fullmatch(t)
    if m is None or t.startswith("between "):
        return None
    sides = [*m.group("a").split(", "), m.group("b")]  # a list: "four women, four children and two drivers"
    if not all(_COUNTED_NOUN.search(_NUMBER_RE.sub(" ", side)) for side in sides):
        return None
    amounts = [parse_amount(side) for side in sides]
    lows = [a.low for a in amounts if a is not None and a.qualifier in ("exact", "at_least", "more_than")]
    if len(lows) < len(sides) or None in lows:
        return None
    low = sum(x for x in lows if x is not None)
    if all(a is not None and a.qualifier == "exact" for a in amounts):
        return Amount(low, low, "exact")
    return Amount(low, None, "at_least")


_AGE = re.compile(r"\b[\w-]+?-(?:years?|months?|weeks?|days?)-old\b|"
                  r"\baged\s+\d+\b|\b\d+\s+years?\s+old\b")  # "a woman aged 38" (found14 1141): one person


# One person by name, as ``candidates`` offers them ("Former Prime Minister Shinzo Abe was assassinated"):
# capitalised words only, two at least, no number among them.
PERSON_NAME = r"(?:[A-Z][\w.-]*(?:['’]s)?\s+){1,5}[A-Z][\w'’-]*[a-z]"
_NAME = re.compile(PERSON_NAME)


# One word of a person's name ("Solomou", "Luagalau"): the way news copy names a victim after naming them in full.
ONE_WORD_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_NO_ONE_BY_NAME = frozenset(("all", "both", "each", "everyone", "everybody", "anyone", "anybody", "someone"))

# One attacker who took their own life, told by the reflexive verb alone: "before turning the gun on himself",
# "apparently killed himself after the shootout", "shot himself in the head", "killing himself and wounding at
# least 20" (found16 1197, 1202, found21 1354, 1356, found11 1065): the annotators count that death under
# `militants`. Not "blew himself up": a suicide bomber is no count of his own to them (found14 1133, 1147).
ONE_SELF_KILLED = (r"(?:killed|killing|kills|shot|shooting|shoots|turn(?:ed|ing|s)?\s+(?:a|the|his|her)\s+"
                   r"(?:gun|guns|weapon|rifle|pistol)\s+on)\s+(?:him|her)self")


# One person as the kin or companion of another beside them: "A father and his 5-year-old son were shot dead",
# "killing a man and his two-month-old daughter" (found19 1302, found15 1185).
KIN_OF_ONE = (r"(?:his|her)\s+(?:[\w'’-]+\s+)?(?:son|daughter|wife|husband|father|mother|brother|sister|child|baby|"
              r"boy|girl|partner|fiancée?|friend|colleague|bodyguard|driver)\b")


# The nouns news copy names one person by, a victim or an attacker (``candidates.one_person``). One such person
# named with "the" is a count of one: "Gunmen shot dead the deputy mayor of La Ceiba", "a firefight that killed the
# marine", "the gunman was also dead" (found7 924, found9 1006, found24 1437).
PERSON_NOUN = (r"(?:man|woman|boy|girl|child|baby|person|civilian|soldier|policeman|policewoman|officer|guard|"
               r"commander|general|colonel|major|captain|lieutenant|sergeant|chief|leader|official|member|"
               r"journalist|reporter|photographer|priest|pastor|imam|cleric|teacher|student|doctor|nurse|worker|"
               r"driver|resident|villager|farmer|trader|shopkeeper|businessman|politician|lawmaker|mayor|governor|"
               r"councillor|councilor|judge|prosecutor|activist|hostage[- ]?taker|hostage|captive|tourist|citizen|"
               r"national|employee|contractor|militiaman|fighter|militant|trooper|constable|cop|pilgrim|worshipper|"
               r"passenger|bystander|elder|chieftain|spokesman|attacker|assailant|gunman|bomber|shooter|knifeman|"
               r"suspect|insurgent|terrorist|rebel|jihadist|extremist|kidnapper|bandit|bodyguard|ranger|gendarme|"
               r"jawan|recruit|cadet|marine|sailor|inspector|superintendent|minister|watchman|herder|herdsman|"
               r"fisherman|engineer|lawyer|vendor|pupil|"
               # "one Cambodian peacekeeper was killed" (found10 1020)
               r"peacekeeper|"
               # "a Buddhist grocer was gunned down", "a protester was shot dead", "A Liechtenstein banker was shot
               # dead", "a U.S. diplomat was shot and killed" (found11 1055, found18 1265, found20 1327, 1317):
               # trades, offices and the roles of people in a crowd that news copy names one victim by
               r"banker|diplomat|envoy|ambassador|consul|commissioner|executive|manager|director|owner|merchant|"
               r"grocer|butcher|baker|tailor|shopper|customer|guest|clerk|cashier|secretary|labou?rer|miner|"
               r"mechanic|pilot|motorist|cyclist|pedestrian|commuter|protester|protestor|demonstrator|spectator|"
               r"monk|nun|missionary|volunteer|refugee|migrant|detainee|prisoner|inmate|settler|tribesman|teenager|"
               r"youth|toddler|infant|medic|paramedic|firefighter|rescuer|aide|adviser|advisor|interpreter|"
               r"professor|lecturer|singer|musician|artist|writer|poet|athlete|player|legislator|senator|deputy)")
# None of the victims: "no casualties", "no one was killed", and the same said of a group or of lives ("No soldiers
# were killed", "no loss of life", "without causing any casualties", "did not injure anyone": found7 915, 903),
# which the annotation guide also writes as 0; "no (immediate) reports of injuries" too (found8 969, found18 1260,
# 1269). The group is any people a count may name (``PERSON_NOUN``), and "reported" qualifies none as "reports of"
# does: "No pupils were hurt", "There have been no reported fatalities" (found26 1494, found19 1288) had been no count
# when the people were a hand list of eleven nouns.
ZERO_VICTIMS = (r"no one|nobody|no (?:(?:immediate |further |other )?reports? of |reported |immediate reports? of )?"
                r"(?:casualties|deaths|injuries|fatalities|lives|loss of life)|"
                r"without (?:causing |inflicting )?(?:any )?(?:casualties|injuries|deaths)|"
                r"not (?:injur|hurt|wound|kill)\w* (?:anyone|anybody)|"
                # not the attackers no one has found ("No suspects have been prosecuted", found19 1309)
                r"no (?!(?:[a-z]+ )?(?:suspect|attacker|assailant|gunm[ae]n|bomber|shooter|kidnapper|culprit|"
                r"perpetrator)s?\b)"
                rf"(?:[a-z]+ )?(?:people|persons|troops|policemen|police officers|personnel|men|women|children|"
                rf"{PERSON_NOUN}s)")
_ZERO = re.compile(rf"\b(?:{ZERO_VICTIMS}|none|zero|not any)\b", re.I)
_THE_ONE = re.compile(rf"the\s+(?:[\w'’-]+\s+){{0,3}}?{PERSON_NOUN}")
# One more person by an ordinal, as ``candidates`` offers them: "the fourth died in hospital", "a fifth was wounded".
ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_ORDINAL_ONE = re.compile(rf"(?:the|a)\s+{ORDINAL}")


def parse_amount(text: str) -> Amount | None:
    """Parse an amount as written; None when it holds no count at all."""
    if _NAME.fullmatch(text.strip()) and not numbers_in(text.lower()):
        return Amount(1, 1, "exact")
    t = " ".join(text.strip().lower().replace("–", "-").replace("—", "-").split())
    # an age is no count: "a 66-year-old Orthodox priest" is one person (found10 1016 had 66 killed)
    t = " ".join(_AGE.sub(" ", t).split())
    if not t:
        return None
    if re.fullmatch(ONE_SELF_KILLED, t):
        return Amount(1, 1, "exact")
    if (" and " in t or " as well as " in t) and (summed := _coordinated_sum(t)):
        return summed
    if _ZERO.search(t) and not re.search(r"\d", t):
        return Amount(0, 0, "exact")
    if m := _VAGUE_SCALE.search(t):
        return _VAGUE_PLURAL[m.group(1)]  # "several dozen" is dozens, not a dozen
    clean = numbers_in(t)
    if not clean:
        if re.match(r"(?:a|an)\s+[a-z]", t) and not re.search(r"\b(?:number|few|lot|handful)\b", t):
            return Amount(1, 1, "exact")  # one person named by an article: "a local commander" (candidates)
        if re.fullmatch(KIN_OF_ONE, t, re.I) or _THE_ONE.fullmatch(t) or _ORDINAL_ONE.fullmatch(t):
            return Amount(1, 1, "exact")
        if re.fullmatch(r"another(?:\s+[a-z][\w'’-]*)?", t):
            # one more person ("wounded another", "Another person died"), as the candidates offer it; grounding had
            # refused each of the seven the model labelled on the development sets
            return Amount(1, 1, "exact")
        for pattern, amount in _VAGUE:
            if pattern.search(t):
                return amount
        if re.fullmatch(ONE_WORD_NAME, text.strip()) and t not in _NO_ONE_BY_NAME:
            return Amount(1, 1, "exact")  # one person by one word of their name ("Solomou", candidates.name_parts)
        return None
    if len(clean) >= 2 and clean[0] < clean[1] and _RANGE.search(t):
        return Amount(clean[0], clean[1], "range")
    n = clean[0]
    if re.search(r"could (rise|climb|reach|go up)|may (rise|climb|reach)|might (rise|reach)|expected to rise", t):
        return Amount(None, n, "possible_up_to")
    if re.search(r"\bas many as\b|\bup to\b|\b(?:no|not) more than\b", t):
        return Amount(None, n, "up_to")  # "the number was no more than 10" (found15 1162): a ceiling
    if re.search(r"\bas high as\b", t):
        return Amount(n, n, "as_high_as")
    if re.search(r"\bat least\b|\bat a minimum\b|\b(?:no|not) (?:fewer|less) than\b|\bor more$", t):
        return Amount(n, None, "at_least")
    if re.search(r"\bmore than\b|\bover\b|\bupwards? of\b|\bin excess of\b", t):
        return Amount(n, None, "more_than")
    if re.search(r"\babout\b|\baround\b|\bnearly\b|\balmost\b|\broughly\b|\bsome\b|\bapproximately\b|"
                 r"\bclose to\b|\bdozen\b|\bestimated\b", t):
        return Amount(n, n, "approx")
    return Amount(n, n, "exact")


_QUALIFIER = (r"(?:at least|more than|over|up to|as many as|about|around|nearly|almost|roughly|some|"
              r"approximately|as high as|(?:no|not) (?:fewer|less|more) than|in excess of|upwards? of|close to|"
              r"(?:could|may|might) (?:rise|climb|reach)(?: to)?(?: as high as)?|between)")
_PHRASE_RE = re.compile(
    rf"{_VAGUE_SCALE.pattern}|"
    # "30 or more" is at least 30 (as "not less than 30" is, in Nigerian and South Asian copy)
    # "and" joins a range only after "between": "stands at 19 and two people have been wounded" is two counts
    rf"\bbetween\s+(?:{NUMBER_PATTERN})\s*(?:-|–|to|and)\s*(?:{NUMBER_PATTERN})"
    rf"|(?:\b{_QUALIFIER}\s+)?(?:{NUMBER_PATTERN})(?:\s*(?:-|–|to|or)\s*(?:{NUMBER_PATTERN})|\s+or\s+more\b)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def amount_phrases(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, phrase) of every count in ``sentence`` with its qualifier: 'at least 19', '28-30'. Cached:
    reconcile looks through every sentence for each figure of an answer."""
    return tuple((m.start(), m.end(), m.group(0)) for m in _PHRASE_RE.finditer(sentence))


def point(amount: Amount) -> tuple[int, int] | None:
    """The (low, high) a source commits to, for reconciling several sources; None if it commits to none."""
    if amount.qualifier in ("possible_up_to", "unspecified"):
        return None
    return span(amount.low, amount.high)


def span(low: int | None, high: int | None) -> tuple[int, int] | None:
    """(low, high) with a missing end taken from the other ("at least 11" is 11 for comparing); None if both
    are missing."""
    low, high = (low if low is not None else high), (high if high is not None else low)
    return None if low is None or high is None else (low, high)
