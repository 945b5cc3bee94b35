"""Proper names no other rule claimed: companies, galleries, clubs and people with no cue word.

Runs last, on what the table, role, organisation-word and cue rules left free. A name is a run
of capitalised words ("Wizz Air", "IndiGo", "Sotheby's"), joined by "&" ("Hauser & Wirth") and
ending in an optional legal form of `data/legal_forms.txt` ("Airbus SE", "Boeing Co."); a run
is cut at role words ("Airbus Chief Executive Officer …" leaves "Airbus"). A name is kept when

- no word of it is a nationality, a demonym, a code, an acronym or a word of the other rules'
  lists or of `data/not_name_words.txt` (languages, faiths, holidays, storms, indices);
- it is no place (`data/places.txt`, from GeoNames and countryinfo), no name in a list with a
  place, no name before a place noun, after a place preposition ("in", "near", "of") or a verb
  of travel ("flights from"); a single word after "at" only where a named person works;
- it is no product, work or thing ("which makes …", "the … variant", "the Nikkei 225");
- at the start of a sentence, where a capital says nothing, it has a sign of its own ("&", a
  legal form, "The" before it, "Sotheby's,") or a description after it ("Safran, a French
  engine maker,") and then acts;
- it is not on a headline line (most words capitalised).

A name of two or three words led by a first name (`data/given_names.txt`,
`data/world_given_names.txt`), after a person noun ("runner …"), in a list with a person, or
whose last word also stands alone in the article ("Ademola Okafor" … "Okafor") is a person; any
other is an organisation. Later mentions follow: a person's surname, and a body's name without
its legal form ("Airbus" after "Airbus SE"). A name of several words that speaks is a body even
when it holds an event word ("The Edinburgh International Festival said").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .actors import MONTHS, WEEKDAYS, Mention, later_mentions
from .vocabulary import NATIONALITIES, SPEECH_VERBS, TITLES, data_lines

PLACES = frozenset(data_lines("places.txt"))
DEMONYMS = frozenset(data_lines("demonyms.txt"))
NOT_NAME_WORDS = frozenset(data_lines("not_name_words.txt"))
LEGAL_FORMS = frozenset(data_lines("legal_forms.txt"))
PERSON_NOUNS = frozenset(data_lines("person_nouns.txt"))
WORLD_GIVEN_NAMES = frozenset(data_lines("world_given_names.txt"))
_LEGAL_BARE = frozenset(f.rstrip(".") for f in LEGAL_FORMS)

_WORD = r"(?:[A-Z][\w’'-]*[\w’']|[A-Z](?=\s+&))"
_LEGAL = r"(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True)) + r")"
_NAME = re.compile(
    rf"(?<![\w’'&.@/-]){_WORD}"
    rf"(?:(?:[ \t]+&[ \t]+|[ \t]+(?:(?:de|van|von|di|da|del|du|le|la)[ \t]+)?){_WORD})*"
    rf"(?:,?[ \t]+{_LEGAL}(?![\w]))?"
)
_VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
# After a name at the start of a sentence: an aside in commas, then a verb ("Juventus, beaten
# 3-1 by Fiorentina on Friday, are fourth"; "Airbus SE delivered"; "Christie's said").
_ACTS_AFTER = re.compile(
    rf"(?:,[^,.;“”\"]{{2,80}},)?"  # an aside
    rf"(?:\s+and\s+[A-Z][\w’'-]*(?:\s+(?:&\s+)?[A-Z][\w’'-]*)*)?"  # "and Gagosian"
    rf"\s+(?:(?:has|have|had|is|are|was|were|will|would|also|both|on\s+\w+day)\s+)*(?:{_VERBS}|[a-z]+ed|cut|sold|won|lost|made|paid|took|gave|put|set|"
    rf"held|kept|struck|led|bought|ran|left|went|saw|spent|became|sought|drew|rose|fell|"
    rf"shut|built|hit|grew|began|brought|got|chose|sent|shed|sank|slid|swung|is|are|was|were|"
    rf"has|have|will|plans|wants|makes|sells|owns|runs)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|near|outside|across|into|throughout|around|towards?|via|off|between|"
    r"[Ii]n|of|on)\s+(?:the\s+)?(?:(?:central|eastern|western|northern|southern|north|south|"
    r"east|west|neighbou?ring|downtown|greater)\s+)?$"
)
# "relocated to Shoreditch", "flights from Luton": where people travel is a place ("came
# from", "moved to" are left out: a goal comes from a player, customers move to a rival).
_MOVEMENT_BEFORE = re.compile(
    r"\b(?:travel\w*|flew|fly|flies|flying|flights?|fled|flee\w*|relocat\w*|drove|sail\w*|"
    r"deport\w*|evacuat\w*|arriv\w*|trips?|journey\w*|commut\w*|migrat\w*|emigrat\w*)\s+"
    r"(?:to|from|into|towards?|via)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Kharkiv, Poltava and Dnipropetrovsk regions", "Saxony state": places.
_PLACE_NOUN_AFTER = re.compile(
    r"(?:(?:,\s+|\s+and\s+)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)*\s+(?:"
    + "|".join(data_lines("place_nouns_after.txt"))
    + r")\b"
)
_CONNECTED_BEFORE = re.compile(r"[A-Z][\w’'-]*,?\s+(?:of|for|de|des|du|del|the)\s+$")
_CONNECTED_AFTER = re.compile(r"\s+(?:(?:of|for|de|des|du|del)\s+(?:the\s+)?|d['’])[A-Z]")
_OF_X_AND_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*,?\s+and\s+$")
# "sold under the name Halvora", "which makes Wegovy", "the film Oppenheimer": a product or a work.
_NAMED_BEFORE = re.compile(
    r"\b(?:" + "|".join(data_lines("named_before.txt")) + r")\s+(?:the\s+)?$", re.IGNORECASE
)
# "the Omicron variant", "a Ponzi scheme", "Iskander missiles": a name before a thing it names.
_THING_AFTER = re.compile(r"\s+(?:" + "|".join(data_lines("thing_after.txt")) + r")\b")
# "the Nikkei 225", "Windows 11", "a Boeing 737": a name before a bare number is an index, a
# product or a model ("paid Sporting Lisbon 38 million euros" is not).
_MODEL_NUMBER_AFTER = re.compile(
    r"\s+\d[\d.]*(?![\d.,]*\s*(?:million|billion|trillion|bn|mn|m\b|%|per\s*cent|percent|"
    r"euros?|dollars?|pounds?|points?|goals?|votes?|seats?|people|years?|-))(?!,\d)"
)
# Inner capitals mark a brand ("IndiGo", "BioNTech"); "McLaren", "MacArthur", "DeSantis" are
# surnames.
_CAMEL = re.compile(r"^(?!(?:Mc|Mac|De|Di|La|Le|Van|Von|O['’])[A-Z])[A-Z]?[a-z]+[A-Z]")
_SPEAKS_AFTER = re.compile(rf"\s+(?:(?:has|have|had|also|on\s+\w+day)\s+)*(?:{_VERBS})\b")
_NAME_AT_BEFORE = re.compile(r"([A-Z][\w’'-]+),?\s+at\s+$")
# "Safran, a French engine maker,", "Gagosian, the gallery": a body described right after it.
_BODY_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,4}?(?:"
    + "|".join(data_lines("body_descriptions.txt"))
    + r")s?"
    rf"\b(?![-\w])(?!\s+(?:{_VERBS})\b)"  # "Growth, the company said, slowed": no description
)
_ARTICLE_OR_AT_BEFORE = re.compile(r"\b(?:an?|at|at\s+the)\s+$")
_PERSON_NOUN_BEFORE = re.compile(r"\b([a-z]+),?\s+$")
_AND_CAPITALS_AFTER = re.compile(r"\s+and\s+((?:[A-Z][\w’'-]*\s+){1,4})")
_LIST_BEFORE = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?:,\s+|,?\s+(?:and|or)\s+)$")
_LIST_AFTER = re.compile(r"(?:,\s+|,?\s+(?:and|or)\s+)([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")


def _list_neighbours(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The names before and after one in a list ("Berlin, Saxony and Bavaria"), and where the
    list starts."""
    found = []
    while before := _LIST_BEFORE.search(text[max(0, start - 40) : start]):
        found.append(before.group(1))
        start -= len(before.group(0))
    while after := _LIST_AFTER.match(text, end):
        found.append(after.group(1))
        end = after.end()
    return found, start


# "Abdulaziz bin Salman", "Ursula von der Leyen": the last word of a person's name.
NAME_PARTICLE_BEFORE = re.compile(
    r"[A-Z][\w’'-]+\s+(?:(?:bin|bint|ibn|al|el|de|del|della|da|di|van|von|der|den|du|dos|das)\s+)+$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:][”\"’')]*\s+|\n\s*|[“\"‘(]\s*|—\s*|-\s+)$")
_ROLE_AFTER = re.compile(r"['’]s\s+(?!\w+\s+(?:said|says))|\s+[a-z]")


def _kills(word: str, killers: frozenset[str]) -> bool:
    """A word that makes its whole run no name ("National Grid", "Black Sea", "A350", "US-led",
    "Americans", an acronym) is left to the other rules."""
    bare = word.removesuffix("'s").removesuffix("’s")
    if "-" in bare and any(
        p[:1].islower() or p in DEMONYMS or p in PLACES for p in bare.split("-")
    ):
        return True
    return (
        bare in killers or bare.isupper() or any(c.isdigit() for c in bare)
        or bare.removesuffix("s") in DEMONYMS or bare.removesuffix("s") in NATIONALITIES
    )  # fmt: skip


def _splits(word: str, role_words: frozenset[str]) -> bool:
    """A word that ends one name and may start another ("Airbus Chief Executive Officer")."""
    bare = word.removesuffix("'s").removesuffix("’s").rstrip(".")
    return bare in MONTHS or bare in WEEKDAYS or bare in role_words or bare in TITLES


def _headline(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    if len(words) < 3 or line.rstrip().endswith((".", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _place(form: str, countries: frozenset[str]) -> bool:
    bare = form.removesuffix("'s").removesuffix("’s")
    return bare in PLACES or bare in countries


@dataclass(frozen=True)
class Vocabulary:
    """What the other rules know, handed in by `bodies.py` (which owns those lists)."""

    countries: frozenset[str]  # countries, capitals and place words: never a body
    role_words: frozenset[str]  # words of a role: they end a name ("… Chief Executive …")
    given_names: frozenset[str]  # a name led by one is a person
    openers: frozenset[str]  # words that open a sentence: not part of a name
    stop_words: frozenset[str]  # words of other rules' lists that make a run no name

    @functools.cached_property
    def killers(self) -> frozenset[str]:
        """Words that make a whole run no name."""
        return NOT_NAME_WORDS | DEMONYMS | frozenset(NATIONALITIES) | self.stop_words

    @functools.cached_property
    def first_names(self) -> frozenset[str]:
        """Every first name known: the other rules' list and the world list."""
        return self.given_names | WORLD_GIVEN_NAMES


def find_proper_names(
    text: str,
    is_free: Callable[[int, int], bool],
    vocabulary: Vocabulary,
    found: Sequence[Mention],
) -> list[Mention]:
    """Names left over by every other rule, as people or organisations, and their later forms.

    is_free(start, end) says whether a span is still unclaimed; found lists every mention the
    other rules made (a surname is not looked for inside them; their names tell a body's name
    from a person's).
    """
    finder = _Finder(text, is_free, vocabulary)
    for m in found:
        forms = {text[m.start : m.end], m.name}
        if m.kind == "person":
            finder.person_words |= {w for f in forms for w in f.split()}
        else:
            finder.body_forms |= forms
    occupied = [(m.start, m.end) for m in found]
    for m in _NAME.finditer(text):
        finder.run(m)
    return finder.later_forms(occupied)


class _Finder:
    def __init__(self, text: str, is_free: Callable[[int, int], bool], vocabulary: Vocabulary):
        self.text = text
        self.is_free = is_free
        self.v = vocabulary
        self.killers = vocabulary.killers
        self.taken: list[tuple[int, int]] = []
        self.found: list[Mention] = []
        self.people: list[Mention] = []
        self.heads: dict[str, Mention] = {}  # a body's short form → its first mention
        self.person_words: set[str] = set()  # words of the people's names found so far
        self.body_forms: set[str] = set()  # how the bodies found so far are written

    def add(self, mention: Mention) -> bool:
        if not self.is_free(mention.start, mention.end) or any(
            s < mention.end and mention.start < e for s, e in self.taken
        ):
            return False
        self.found.append(mention)
        self.taken.append((mention.start, mention.end))
        return True

    def run(self, m: re.Match[str]) -> None:
        """One run of capitalised words, cut at role words into names."""
        text = self.text
        if " " not in m.group(0) and not self.is_free(m.start(), m.end()):
            return  # one word another rule has already claimed (most runs)
        words = list(re.finditer(r"\S+", m.group(0)))
        if any(
            _kills(w.group(0).rstrip(","), self.killers)
            for w in words
            if w.group(0) not in LEGAL_FORMS
        ):
            self.speaking_name(m, words)
            return
        # Split at role words: "Airbus Chief Executive Officer" leaves "Airbus".
        pieces: list[list[re.Match[str]]] = [[]]
        for w in words:
            if _splits(w.group(0).rstrip(","), self.v.role_words):
                pieces.append([])
            else:
                pieces[-1].append(w)
        for index, piece in enumerate(pieces):
            if index < len(pieces) - 1 and not any(w.group(0) in LEGAL_FORMS for w in piece):
                continue  # "Turkey's Environment Minister", "Chief Financial Officer": a role
            first = piece[0].start() if piece else 0
            while piece and (piece[0].group(0) in self.v.openers or piece[0].group(0) == "&"):
                piece = piece[1:]
            while piece and piece[-1].group(0) == "&":
                piece = piece[:-1]
            if not piece:
                continue
            start, end = m.start() + piece[0].start(), m.start() + piece[-1].end()
            if text[end - 1] == ",":
                end -= 1
            elif text[end : end + 1] == "." and text[start:end].split()[-1] + "." in LEGAL_FORMS:
                end += 1  # "Boeing Co."
            # "Then Malatya was hit": after an opener the name still starts the sentence.
            initial = _SENTENCE_START.search(
                text[max(0, m.start() + first - 3) : m.start() + first]
            )
            self.name(start, end, initial is not None)

    def speaking_name(self, m: re.Match[str], words: list[re.Match[str]]) -> None:
        """A name of several words that speaks is a body even when it holds an event word or a
        word that opens public bodies' names ("The Edinburgh International Festival said",
        "The National Grid said"); never a nationality, a role, a code or a place."""
        while words and words[0].group(0) in self.v.openers:
            words = words[1:]
        names = [w.group(0) for w in words]
        if len(names) < 2 or not _SPEAKS_AFTER.match(self.text, m.end()):
            return
        if any(
            n in DEMONYMS or n in NATIONALITIES or n in self.v.role_words or n.isupper()
            or any(c.isdigit() for c in n) or n in MONTHS or n in WEEKDAYS
            or n in self.v.stop_words and n not in self.v.countries  # "the Ohio Republican"
            for n in names
        ) or all(n in self.killers for n in names):  # fmt: skip
            return
        start, end = m.start() + words[0].start(), m.end()
        form = self.text[start:end]
        if _place(form, self.v.countries):
            return
        self.add(Mention(start, end, None, None, "organisation",
                         "new organisation: a name of several words that speaks", "", "",
                         form))  # fmt: skip

    def later_forms(self, occupied: list[tuple[int, int]]) -> list[Mention]:
        """Every mention found, with later ones: a company without its legal form, a surname."""
        text = self.text
        for head, first in self.heads.items():
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(head)}(?:['’]s)?(?![\w’'-])", text):
                before = text[max(0, m.start() - 30) : m.start()]
                # An earlier mention at a sentence start is the same body too ("Juventus, beaten
                # …, are fourth" before "… lost to Juventus").
                earlier_ok = m.start() > first.start or _SENTENCE_START.search(before[-3:])
                if earlier_ok and not _PLACE_BEFORE.search(before):
                    rule = f"same body as '{first.name}'"
                    self.add(
                        Mention(
                            m.start(), m.end(), None, None, "organisation", rule, "", "", first.name
                        )  # fmt: skip
                    )
        occupied = occupied + self.taken
        later = later_mentions(text, self.people, occupied)
        return self.found + [m for m in later if self.is_free(m.start, m.end)]

    def name(self, start: int, end: int, initial: bool, possessor: bool = False) -> None:
        """Decide on one name: no name, a person, or an organisation.

        possessor: the name owns the next one ("McLaren's Lando Norris"), so no place
        preposition before it makes it a place.
        """
        text, v = self.text, self.v
        form = text[start:end]
        words = form.replace("&", " ").split()
        bare = form.removesuffix("'s").removesuffix("’s")
        legal = len(words) > 1 and words[-1].rstrip(".,") in _LEGAL_BARE
        strong = legal or "&" in form or any(_CAMEL.search(w) for w in words)
        if len(words) > 1 and words[0][-2:] in ("'s", "’s") and "&" not in form:
            # "McLaren's Lando Norris": the possessor, then a person; "Anthropic's Claude",
            # "Sudan's Darfur": a body's product or a place's part, no name of its own.
            rest = start + len(words[0]) + 1
            if not _place(words[0], v.countries) and text[start:rest].strip() != form:
                self.name(start, start + len(words[0]) - 2, initial, possessor=True)
                if len(words) >= 3 and words[1] in v.first_names:
                    self.name(rest, end, False)
            return
        if len(words) > 5 or _place(form, v.countries) or _headline(text, start):
            return
        if not strong and (
            len(words) == 1
            and _place(words[0], v.countries)
            or all(w.removesuffix("'s") in PLACES for w in words)
        ):
            return
        before = text[max(0, start - 30) : start]
        noun = _PERSON_NOUN_BEFORE.search(before)
        neighbours, list_start = _list_neighbours(text, start, end)
        # "goals from Cyriel Dessers and James Tavernier": a list of people.
        listed_with_people = any(
            2 <= len(n.split()) <= 3 and n.split()[0] in v.first_names for n in neighbours
        )
        if len(words) == 1 and any(n in self.person_words for n in neighbours):
            return  # "spoke with Macron and Starmer": a surname among people, not a body
        given = (
            2 <= len(words) <= 3
            and words[0] not in self.body_forms  # "Tate Modern" after "Tate"
            and (
                words[0] in v.first_names
                or bool(noun and noun.group(1) in PERSON_NOUNS)
                or listed_with_people
            )
            and not strong
        )
        if (
            not strong
            and not given
            and not possessor
            and (_PLACE_BEFORE.search(before) or _MOVEMENT_BEFORE.search(before))
        ):
            return  # "a foul on Michael Ostrander" is a person all the same
        if not strong and (
            _PLACE_NOUN_AFTER.match(text, end)
            or _THING_AFTER.match(text, end)
            or _MODEL_NUMBER_AFTER.match(text, end)
        ):
            return
        if text[end : end + 1] == "+":
            return  # "Dove Men+Care": a brand
        if _CONNECTED_BEFORE.search(before) or _CONNECTED_AFTER.match(text, end):
            return  # a piece of a longer name ("Parc des Princes")
        if re.match(r"\s*\([A-Z]", text[end : end + 4]):
            return  # "… Museums and Monuments (NCMM)": the acronym rule owns the whole name
        if _OF_X_AND_BEFORE.search(before):
            return  # "National Commission for Museums and Monuments": the end of a longer name
        if NAME_PARTICLE_BEFORE.search(before):
            return  # "Abdulaziz bin Salman": the end of a person's name
        if _NAMED_BEFORE.search(before):
            return  # "sold under the name Halvora": a product
        works_at = _NAME_AT_BEFORE.search(before)
        if (
            len(words) == 1
            and _ARTICLE_OR_AT_BEFORE.search(before)
            and not strong
            and not (works_at and works_at.group(1) in self.person_words)
        ):
            # "in a Classique", "host Bournemouth at Anfield": an event or a ground; but
            # "Chloe Marchand at Jefferies" names where a person works.
            return
        joined = _AND_CAPITALS_AFTER.match(text, end)
        if joined and any(w in v.role_words for w in joined.group(1).split()):
            return  # "Climate Crisis and Civil Protection Minister …": the words of a role
        if any(_place(n, v.countries) for n in neighbours):
            return  # "Berlin, Saxony and Bavaria": one place in a list makes them all places
        if neighbours and _NAMED_BEFORE.search(text[max(0, list_start - 30) : list_start]):
            return  # "which makes Wegovy and Ozempic": what goes for the first goes for all
        described = _BODY_APPOSITIVE.match(text, end) is not None
        if initial and not described:
            # A capital there says nothing: a single word needs a sign of its own ("Sotheby's,"),
            # a longer name must act ("Airbus SE delivered", "Tate Modern, its …, drew").
            named = (
                strong
                or (form.endswith(("'s", "’s")) and not re.match(r"\s+[a-z]+\s", text[end:]))
                or before.endswith(("The ", "the "))  # "The Serpentine said": a thing, no person
            )
            if len(words) == 1 and not named or not _ACTS_AFTER.match(text, end):
                return
        if bare in self.heads:
            first = self.heads[bare]
            self.add(_copy(first, start, end, f"same body as '{first.name}'"))
            return
        if len(words) == 1 and any(bare == p.name.split()[-1] for p in self.people):
            return  # a surname: the person's later mentions take it
        if len(words) == 1 and bare in v.given_names:
            return  # a first name alone is a person already met, or nobody
        surname = words[-1]
        repeated = re.search(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])(?! [A-Z])", text[end:])
        if (
            not strong
            and not described
            and 2 <= len(words) <= 3
            # "Lando Norris" is a person though Norris is a town; "Frieze London" is no one.
            and (
                given
                and surname not in v.countries
                or repeated is not None
                and not _place(surname, v.countries)
            )
        ):
            person = Mention(start, end, None, None, "person",
                             "new person: a proper name (given name or repeated surname)", "",
                             "", form)  # fmt: skip
            if self.add(person):
                self.people.append(person)
                self.person_words |= set(words)
            return
        body = Mention(start, end, None, None, "organisation",
                       "new organisation: a proper name no other rule claimed", "", "",
                       bare)  # fmt: skip
        if self.add(body):
            self.heads.setdefault(" ".join(words[:-1]) if legal else bare, body)


def _copy(first: Mention, start: int, end: int, rule: str) -> Mention:
    return Mention(start, end, None, None, first.kind, rule, "", "", first.name)
