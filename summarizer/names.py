"""Tolerant name matching, in one place: how a name is cut into words, which words are not part of a name,
and when two words are the same word written differently.

Three readers use it: grounding (does the cited text say the name the model wrote?), the gazetteer (which
country, province or city does the text name?) and the scorer (does the answer name what the gold names?).
They differ only in how tolerant they are, and each level is a function here:

- ``fold`` / ``words``: lower-case ASCII words, accents and apostrophes dropped ('Jalālābād' -> 'jalalabad',
  "Sana'a" -> 'sanaa');
- ``near_form``: the same word inflected ('Pakistan' / 'Pakistani', 'Afghan' / 'Afghanistan'): what grounding
  accepts, since a name the article does not contain must never pass;
- ``same_word``: also transliterations ('Zabiullah' / 'Zabihullah', 'Taleban' / 'Taliban') and near spellings:
  what the scorer accepts, since the gold is written by a person, not copied from the text;
- ``skeleton``: a word's consonants, on which the transliteration rule and the gazetteer's province lookup
  ('Khowst' / 'Khost') rest.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# A capital letter of the Latin alphabets, for the patterns that find names: "[A-Z]" misses "İstanbul",
# "Şahin", "Élysée" and "Đà Nẵng", and a name it misses is no place, speaker or claimant at all.
CAPITAL = "[" + "".join(c for r in ((0x41, 0x250), (0x1E00, 0x1F00)) for c in map(chr, range(*r)) if c.isupper()) + "]"

# Words that join or frame a name but never tell two names apart.
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "and", "or", "to", "by", "for", "from", "near", "outside", "inside",
    "its", "their", "s",
    "e", "i",  # the joins of transliterated names: Tehrik-e-Taliban, Tehrik-i-Taliban
})
# Words around a place's name that say what kind of place it is ("Khost province", "the city of Kabul").
PLACE_FRAME = frozenset({
    "province", "state", "region", "governorate", "district", "city", "town", "village", "county", "area",
    "municipality", "muhafazat", "emirate", "community",
})
# Words of attribution that a model copies with a name ("police said").
REPORTING = frozenset({"said", "says", "according"})
STOP = FUNCTION_WORDS | PLACE_FRAME | REPORTING | {"capital"}
"""Dropped before two names are compared: what is left is what names the thing."""

# Words that describe an actor rather than name one: "suspected Boko Haram militants" names "Boko Haram". A
# name made only of them still has to appear.
GENERIC_ACTOR = frozenset({
    "militants", "militant", "fighters", "fighter", "insurgents", "insurgent", "gunmen", "gunman",
    "group", "suspected", "armed", "men", "man", "attackers", "attacker", "members", "member",
    "officials", "official", "spokesman", "spokesperson", "spokeswoman", "sources", "source", "local",
    "security", "forces", "senior", "police", "army", "news", "agency", "media", "reports", "reported",
    "told", "reporter", "reporters", "people", "some", "unnamed", "anonymous", "government", "provincial",
})


# Letters that Unicode does not decompose into an ASCII letter and a mark, which ``fold`` would otherwise drop:
# "Đắk Lắk" became 'ak lak' and never met the article's "Dak Lak"; "Łódź" 'odz'.
_UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
                               "Ħ": "H", "ħ": "h", "ı": "i", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
                               "ß": "ss", "Þ": "Th", "þ": "th"})


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case ASCII words, joined by single spaces: 'Jalālābād' -> 'jalalabad', "Sana'a" -> 'sanaa',
    "Somalia's" -> 'somalias'. Cached: the gazetteer reads every sentence of an article for each incident."""
    plain = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['’`ʼ‘]", "", plain)
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return fold(text).split()


POSSESSIVE = re.compile(r"['’]s\b")


def text_words(text: str) -> list[str]:
    """The folded words of running text, a possessive dropped ("Somalia's capital" -> 'somalia', 'capital';
    "IS's claim" -> 'is', 'claim'): what grounding compares a name with."""
    return words(POSSESSIVE.sub("", text))


def name_words(text: str) -> list[str]:
    """The words of ``text`` that can name something: ``words`` without ``STOP``."""
    return [w for w in words(text) if w not in STOP]


def near_form(a: str, b: str) -> bool:
    """The same word or an inflection of it: one starts as the other, four letters or more, at most five
    letters longer ('Pakistan' / 'Pakistani', 'Afghan' / 'Afghanistan', 'Taliban' / "Taliban's")."""
    if a == b:
        return True
    short, long_ = (b, a) if len(a) > len(b) else (a, b)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 5


def skeleton(word: str) -> str:
    """The consonants after the first letter, without h, w and y, doubled letters once; a leading vowel is
    'a': Zabiullah, Zabihullah -> zbl; Taleban, Taliban -> tlbn; Uruzgan, Oruzgan -> arzgn."""
    if not word:
        return word
    first = "a" if word[0] in "aeiou" else word[0]
    return re.sub(r"(.)\1+", r"\1", first + re.sub(r"[aeiouyhw]", "", word[1:]))


def same_word(a: str, b: str) -> bool:
    """``near_form``, or the same consonants from the same first letter (transliterations), or a near spelling
    of five letters or more. Numbers are the same only when equal."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit():
        return False
    if near_form(a, b):
        return True
    shorter = min(len(a), len(b))
    if shorter >= 4 and a[0] == b[0] and skeleton(a) == skeleton(b):
        return True
    return shorter >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


_WORD = re.compile(r"[^\W\d_][\w'’]*")


def respelled(name: str, text: str) -> str | None:
    """``name`` with each word that ``text`` does not hold replaced by the text's own spelling of it (the same
    first letter and consonants, four letters or more: 'Taliban' -> 'Taleban', 'dear ez-Zor' -> 'Deir ez-Zor');
    None when no word was replaced. A small model writes a transliteration the way it learned it, not the way
    the article spells it; the name shown must be the article's."""
    have: dict[str, str] = {}
    for m in _WORD.finditer(text):
        folded = fold(m.group(0))
        if len(folded) >= 4:
            have.setdefault(folded, m.group(0))
    by_skeleton: dict[tuple[str, str], str] = {}
    for folded, written in have.items():
        by_skeleton.setdefault((folded[0], skeleton(folded)), written)
    out, changed = name, False
    for m in reversed(list(_WORD.finditer(name))):
        folded = fold(m.group(0))
        if len(folded) < 4 or folded in have:
            continue
        spelled = by_skeleton.get((folded[0], skeleton(folded)))
        if spelled is not None:
            out, changed = out[:m.start()] + spelled + out[m.end():], True
    return out if changed else None
