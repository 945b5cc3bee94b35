"""The matcher's word lists, read from data files: synonym groups and opposites.

``synonyms.txt`` holds one group of words or phrases a line; countries, capitals and seats of
government come from the extraction engine's list, so "Moscow", "the Kremlin" and "Russia"
are one word to the matcher. ``opposites.txt`` holds the negation words and pairs of
opposites. Entries are stemmed with the ledger's stemmer, so inflections need no entry.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from factcheck.extract.vocabulary import data_table

from ..text import all_words, stem


class VocabularyError(ValueError):
    """A data file the matcher cannot use (one phrase in two groups, an empty group)."""


def _lines(name: str) -> list[list[str]]:
    text = files("factcheck.ledger.matching").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("|") if cell.strip()])
    return rows


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the matcher compares it: its words, stemmed, in order."""
    return tuple(stem(w) for w in all_words(phrase))


def build_synonyms(groups: list[list[str]]) -> dict[tuple[str, ...], str]:
    """Stemmed phrase → group name; refuses a phrase that belongs to two groups."""
    table: dict[tuple[str, ...], str] = {}
    for group in groups:
        if not group:
            raise VocabularyError("an empty synonym group")
        name = "~" + "_".join(phrase_key(group[0]))
        for phrase in group:
            key = phrase_key(phrase)
            if not key:
                continue
            if key in table and table[key] != name:
                raise VocabularyError(
                    f"“{phrase}” is in two synonym groups: {table[key][1:]} and {name[1:]}"
                )
            table[key] = name
    return table


@cache
def synonyms() -> dict[tuple[str, ...], str]:
    """The synonym table: the data file plus countries and their capitals."""
    groups = _lines("synonyms.txt")
    by_country: dict[str, list[str]] = {}
    for form, country in data_table("countries.txt"):
        by_country.setdefault(country, [country]).append(form)
    table = build_synonyms(groups)
    for forms in by_country.values():
        keys = [phrase_key(form) for form in forms]
        # A country already named in a group ("russia | russian") keeps that group.
        name = next((table[k] for k in keys if k in table), "~" + "_".join(keys[0]))
        for key in keys:
            table[key] = name
    return table


@cache
def longest_phrase() -> int:
    return max(len(key) for key in synonyms())


@cache
def attribution_words() -> frozenset[str]:
    """Words that say who reports a claim ("according to", "told reporters"), not what it says."""
    return frozenset(stem(w.lower()) for row in _lines("attribution.txt") for w in row)


@cache
def attribution_forms() -> frozenset[str]:
    """The attribution words as written: "according" is dropped before the synonym groups read
    it as "accord" (an agreement)."""
    return frozenset(w.lower() for row in _lines("attribution.txt") for w in row)


@cache
def negations() -> frozenset[str]:
    """Words that turn a statement into its negation."""
    rows = [row for row in _lines("opposites.txt") if row[0] == "negation"]
    return frozenset(w.lower() for row in rows for w in row[1:])


@cache
def opposites() -> tuple[tuple[str, str], ...]:
    """Pairs of opposite words or synonym groups, as the matcher's tokens."""
    table = synonyms()
    pairs = []
    for row in _lines("opposites.txt"):
        if row[0] == "negation":
            continue
        if len(row) != 2:
            raise VocabularyError(f"an opposite pair needs two entries: {' | '.join(row)}")
        a, b = (table.get(phrase_key(x), "_".join(phrase_key(x))) for x in row)
        pairs.append((a, b))
    return tuple(pairs)
