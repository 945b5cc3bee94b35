"""Actor mentions: known actors by name, alias, title and surname; new people with a role."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import KnownActor
from .text import trie_pattern
from .vocabulary import (
    FIRST_NAME_TITLES,
    NATIONALITIES,
    ORGANISATION_WORDS,
    ROLE_FILLERS,
    ROLE_NOUNS,
    TITLES,
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_LOCATIVE = re.compile(
    r"\b(?:in|inside|near|outside|across|into|to|throughout|around)\s+(?:the\s+)?"
    r"(?:(?:central|eastern|western|northern|southern|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|neighbou?ring)\s+)?$",
    re.IGNORECASE,
)
_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][a-z]+)")
_GLUE = re.compile(r"[\s,]*")

# Capitalised words that are never part of a person's name (roles, institutions, places).
_NOT_NAME = frozenset(
    {t for title in TITLES for t in title.split()}
    | set(MONTHS)
    | set(WEEKDAYS)
    | {k for k in NATIONALITIES if " " not in k}
    | {"Officer", "Executive", "Director", "Chief", "Chair", "Chairman", "Chairwoman"}
    | set(
        [
            "The",
            "A",
            "An",
            "And",
            "But",
            "Of",
            "In",
            "On",
            "At",
            "For",
            "With",
            "From",
            "By",
            "To",
            "As",
            "After",
            "Before",
            "During",
            "Also",
            "Mr",
            "Mrs",
            "Ms",
            "State",
            "Foreign",
            "Defence",
            "Defense",
            "Interior",
            "Energy",
            "Ministry",
            "Minister",
            "Office",
            "Council",
            "House",
            "Army",
            "Force",
            "Forces",
            "Navy",
            "Staff",
            "Department",
            "Committee",
            "Agency",
            "Service",
            "Emergency",
            "Security",
            "National",
            "General",
            "Secretary",
            "Deputy",
            "Chief",
            "Head",
            "Spokesman",
            "Spokeswoman",
            "Spokesperson",
            "Affairs",
            "Press",
            "Union",
            "Nations",
            "United",
            "Republic",
            "Federation",
            "Kingdom",
            "Sea",
            "River",
            "Region",
            "Oblast",
            "City",
            "Street",
            "Square",
            "Hotel",
            "Palace",
            "Hall",
            "Airport",
            "Station",
            "Institute",
            "University",
            "News",
            "Times",
            "Post",
            "Reuters",
            "AFP",
            "AP",
            "Associated",
            "Agence",
            "Tass",
            "Interfax",
            "Getty",
            "Images",
            "Photo",
            "Reporting",
            "Writing",
            "Editing",
            "Follow",
            "Sign",
            "Get",
            "Read",
            "Watch",
            "Oblast",
            "North",
            "South",
            "East",
            "West",
            "Central",
            "Eastern",
            "Western",
            "Northern",
            "Southern",
            "Kremlin",
            "White",
            "Pentagon",
            "Downing",
            "Parliament",
            "Senate",
            "Congress",
            "Duma",
            "Rada",
            "Supreme",
            "Court",
            "Military",
            "Commission",
            "Prime",
            "President",
        ]
    )
)
_NAME_TOKEN = r"(?:[A-Z][’'])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)
_NAME_RUN = re.compile(rf"(?<![\w’'-]){_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})+(?![\w-])")
_LEFT_TOKENS = re.compile(r"[\w’'.\-]+|[^\w\s]")
_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+([^,.;:“”\"]{3,80}?)(?=,|\s+(?:said|says|told|added|noted|wrote)\b|\.)"
)
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[,.;:]\s+|\b(?:and|but)\s+)([^,.;:“”\"]{3,60}),\s+$")
_ROLE_WORD = re.compile(r"[\w’']+")


@dataclass
class Mention:
    """An actor mention found in the text (known actor or new candidate)."""

    start: int
    end: int
    actor: str | None
    actor_id: int | None
    kind: str
    rule: str
    role: str = ""
    affiliation: str = ""
    name: str = ""  # the person's name for candidates (actor is None)
    aliases: tuple[str, ...] = ()  # forms the text introduces ("Rapid Support Forces (RSF)")

    @property
    def is_person(self) -> bool:
        """Whether this mention names a person (a pronoun can point back to it)."""
        return self.kind == "person"

    @property
    def actor_kind(self) -> str:
        """The kind an editor would file it under: person, organisation, government, ..."""
        return {"country": "government", "armed_force": "armed_group"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class _Surface:
    text: str
    actor: KnownActor
    rule: str
    capitals_ok: bool = False  # the editor also entered this form in capitals ("NATO")


def _is_acronym(surface: str) -> bool:
    return not any(c.islower() for c in surface)


def _surfaces(actors: Sequence[KnownActor]) -> list[_Surface]:
    """Every written form of every actor; forms shared by two actors are dropped."""
    found: dict[str, list[_Surface]] = {}

    def add(text: str, actor: KnownActor, rule: str) -> None:
        text = text.strip()
        if len(text) >= 2:
            found.setdefault(text.lower(), []).append(_Surface(text, actor, rule))

    for actor in actors:
        add(actor.name, actor, "name")
        for alias in actor.aliases:
            add(alias, actor, f"alias '{alias}'")
        if actor.kind in ("person", ""):
            tokens = actor.name.split()
            if actor.kind == "person" and len(tokens) >= 2:
                add(tokens[-1], actor, f"surname of '{actor.name}'")
                for title in FIRST_NAME_TITLES:
                    add(f"{title} {tokens[0]}", actor, f"'{title}' with first name")
    surfaces = []
    for forms in found.values():
        owners = {id(f.actor) for f in forms}
        if len(owners) == 1:
            caps = any(_is_acronym(f.text) for f in forms)
            first = forms[0]
            surfaces.append(_Surface(first.text, first.actor, first.rule, caps))
        else:
            # An ambiguous form still counts for the actor whose full name it is.
            surfaces.extend(f for f in forms if f.rule == "name")
    return surfaces


@dataclass(frozen=True)
class ActorMatcher:
    """The compiled forms of one actor table (built once per table and cached)."""

    regexes: tuple[re.Pattern[str], ...]
    by_surface: dict[str, _Surface]
    # Affiliations named in role phrases: a regex of body names and what each points to.
    affiliation_regex: re.Pattern[str]
    affiliation_owners: dict[str, str]


def _char_pattern(ch: str) -> str:
    # Straight and curly apostrophes are the same letter; spaces may wrap.
    if ch in "'’":
        return "['’]"
    if ch == " ":
        return r"\s+"
    return re.escape(ch)


_TITLE_GROUP = trie_pattern(list(TITLES), _char_pattern)


# The table most recently matched, by identity: a caller that hands the same tuple again (the
# ledger keeps one per table version) skips hashing thousands of actors for the cache below.
_LAST: list[tuple[tuple[KnownActor, ...], ActorMatcher]] = []


def actor_matcher(actors: tuple[KnownActor, ...]) -> ActorMatcher:
    """The compiled matcher of an actor table: reused for the same tuple, else looked up by
    the table's contents, else built."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is actors:
        return last[1]
    matcher = _actor_matcher(actors)
    _LAST[:] = [(actors, matcher)]
    return matcher


@functools.lru_cache(maxsize=64)
def _actor_matcher(actors: tuple[KnownActor, ...]) -> ActorMatcher:
    """Regexes and lookups for every written form of every actor of the table."""
    surfaces = _surfaces(actors)
    by_surface = {s.text.lower().replace("’", "'"): s for s in surfaces}
    regexes = []
    for acronyms in (True, False):
        chosen = sorted(
            (s.text for s in surfaces if _is_acronym(s.text) == acronyms), key=len, reverse=True
        )
        if not chosen:
            continue
        alts = trie_pattern(chosen, _char_pattern)
        # Titles ("Mr", "Gen.") may precede any form; they are kept for persons only.
        pattern = (
            rf"(?<![\w\-’'])(?P<title>(?:{_TITLE_GROUP})\.?\s+)?(?P<core>{alts})"
            r"(?P<poss>['’]s)?(?![\w])(?!-\w)"
        )
        flags = 0 if acronyms else re.IGNORECASE
        regexes.append(re.compile(pattern, flags))
    return ActorMatcher(tuple(regexes), by_surface, *_affiliation_regex(actors))


def _affiliation_regex(actors: tuple[KnownActor, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    owners = {k.lower(): v for k, v in NATIONALITIES.items()}
    for actor in actors:
        if actor.kind != "person":
            for form in (actor.name, *actor.aliases):
                owners[form.lower().replace("’", "'")] = actor.name
    alts = trie_pattern(sorted(owners, key=len, reverse=True), _char_pattern)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", re.IGNORECASE), owners


def _affiliation_from(role: str, regex: re.Pattern[str], owners: dict[str, str]) -> str:
    """Likely affiliation named in a role phrase ("Kremlin spokesperson" → Russia)."""
    m = regex.search(role)
    if m is None:
        return ""
    return owners.get(re.sub(r"\s+", " ", m.group(0).lower()).replace("’", "'"), "")


def find_known(text: str, matcher: ActorMatcher) -> list[Mention]:
    """Mentions of known actors; longest form wins, no overlaps, places and modifiers skipped."""
    if not matcher.by_surface:
        return []
    raw: list[tuple[int, int, _Surface, bool, bool]] = []
    for regex in matcher.regexes:
        for m in regex.finditer(text):
            core = m.group("core")
            surface = matcher.by_surface.get(re.sub(r"\s+", " ", core.lower()).replace("’", "'"))
            if surface is None:
                continue
            is_person = surface.actor.kind == "person"
            start = m.start() if (m.group("title") and is_person) else m.start("core")
            raw.append((start, m.end(), surface, bool(m.group("title")), bool(m.group("poss"))))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end, surface, titled, possessive in raw:
        if any(start < e and s < end for s, e in taken):
            continue
        actor = surface.actor
        written = text[start:end]
        if written.isupper() and not (_is_acronym(surface.text) or surface.capitals_ok):
            continue  # "KYIV, March 9 (Reuters)": a dateline in capitals is a place
        if actor.kind != "person" and not possessive and _is_place_or_modifier(text, start, end):
            continue
        taken.append((start, end))
        rule = surface.rule
        if titled and actor.kind == "person":
            rule = f"title + {rule}"
        if possessive:
            rule += " (possessive)"
        mentions.append(
            Mention(start, end, actor.name, actor.id, actor.kind or "", rule, "", actor.affiliation)
        )
    mentions.sort(key=lambda m: m.start)
    return _merge_adjacent(text, mentions)


def _is_place_or_modifier(text: str, start: int, end: int) -> bool:
    """A country or city used as a place ("in Kyiv") or inside a longer name ("US Secretary")."""
    if _LOCATIVE.search(text[max(0, start - 40) : start]):
        return True
    nxt = _NEXT_CAPITAL.match(text, end)
    return bool(nxt and nxt.group(1) not in MONTHS and nxt.group(1) not in WEEKDAYS)


def _merge_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join a role alias and the name right after it ("Ukrainian lead negotiator Rustem Umerov")."""
    merged: list[Mention] = []
    for m in mentions:
        if merged:
            prev = merged[-1]
            gap = text[prev.end : m.start]
            if prev.actor == m.actor and prev.actor and _GLUE.fullmatch(gap) and "\n" not in gap:
                merged[-1] = Mention(
                    prev.start, m.end, prev.actor, prev.actor_id, prev.kind,
                    f"{prev.rule} + {m.rule}", prev.role, prev.affiliation,
                )  # fmt: skip
                continue
        merged.append(m)
    return merged


def find_candidates(text: str, known: list[Mention], matcher: ActorMatcher) -> list[Mention]:
    """People not in the actor table, introduced with a role, and their later mentions."""
    occupied = [(m.start, m.end) for m in known]
    introduced: dict[str, Mention] = {}
    affiliations = (matcher.affiliation_regex, matcher.affiliation_owners)
    for run in _NAME_RUN.finditer(text):
        tokens = list(_NAME_TOKEN_RE.finditer(run.group(0)))
        # The name is the trailing capitalised words that are not roles or places.
        name_tokens: list[re.Match[str]] = []
        for tok in reversed(tokens):
            if tok.group(0) in _NOT_NAME or len(name_tokens) == 3:
                break
            name_tokens.insert(0, tok)
        if len(name_tokens) < 2:
            continue
        start = run.start() + name_tokens[0].start()
        end = run.start() + name_tokens[-1].end()
        if any(start < e and s < end for s, e in occupied):
            continue
        name = text[start:end]
        if name in introduced or any(t.group(0) in ORGANISATION_WORDS for t in name_tokens):
            continue  # "head of the World Health Organization": a body, not a person
        role = role_around(text, start, end)
        if role is None:
            continue
        affiliation = _affiliation_from(role, *affiliations)
        mention = Mention(start, end, None, None, "person", f"new person: role '{role}'" if role
                          else "new person: title", role, affiliation, name)  # fmt: skip
        introduced[name] = mention
        occupied.append((start, end))
    found = list(introduced.values())
    found += later_mentions(text, list(introduced.values()), occupied)
    found.sort(key=lambda m: m.start)
    return found


def role_around(text: str, start: int, end: int) -> str | None:
    """The role phrase introducing a name, '' for a bare title, None when there is none."""
    after = _APPOSITIVE_AFTER.match(text, end)
    if after and _has_role_noun(after.group(1)):
        return after.group(1).strip()
    left = text[max(0, start - 80) : start]
    words: list[str] = []
    for tok in reversed(list(_LEFT_TOKENS.finditer(left))):
        word = tok.group(0)
        bare = word.rstrip(".")
        if not bare or not (bare[0].isupper() or bare.lower() in ROLE_FILLERS | ROLE_NOUNS):
            break
        # A full stop after an ordinary word ends the previous sentence.
        if word.endswith(".") and bare not in TITLES and "." not in bare:
            break
        if words and bare in ("The", "A", "An"):
            break
        words.insert(0, word)
    # Leading function words are not part of the role.
    while words and words[0].lower() in ("of", "the", "for", "and", "a", "an"):
        words.pop(0)
    role = " ".join(words)
    if words and _has_role_noun(role):
        return role
    if words and words[-1].rstrip(".") in TITLES:
        return "" if words[-1].rstrip(".") in ("Mr", "Mrs", "Ms", "Miss") else role
    before = _APPOSITIVE_BEFORE.search(left)
    if before and _has_role_noun(before.group(1)):
        return before.group(1).strip()
    return None


def _has_role_noun(phrase: str) -> bool:
    return any(w.lower().rstrip(".") in ROLE_NOUNS for w in _ROLE_WORD.findall(phrase))


def later_mentions(
    text: str, people: list[Mention], occupied: list[tuple[int, int]]
) -> list[Mention]:
    """Surname, titled surname and full name of each new person elsewhere in the article."""
    forms: dict[str, Mention] = {}
    for person in people:
        tokens = person.name.split()
        forms.setdefault(_fold(person.name), person)
        forms.setdefault(_fold(tokens[-1]), person)
        for title in FIRST_NAME_TITLES:
            forms.setdefault(_fold(f"{title} {tokens[0]}"), person)
    if not forms:
        return []
    regex = _forms_regex(tuple(sorted(forms)))
    found = []
    for m in regex.finditer(text):
        # A title in front belongs to the mention ("Ms Reeves").
        title = _TITLE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        start = title.start() if title else m.start()
        if any(start < e and s < m.end() for s, e in occupied):
            continue
        person = forms[_fold(m.group("core"))]
        found.append(
            Mention(
                start,
                m.end(),
                None,
                None,
                "person",
                f"same person as '{person.name}'",
                person.role,
                person.affiliation,
                person.name,
            )  # fmt: skip
        )
        occupied.append((start, m.end()))
    return found


# A title right before a name; compiled once (the titles make a large pattern, too slow to
# compile again with every article's names).
_TITLE_BEFORE = re.compile(rf"(?<![\w\-’'])(?:{_TITLE_GROUP})\.?\s+$")


@functools.lru_cache(maxsize=256)
def _forms_regex(forms: tuple[str, ...]) -> re.Pattern[str]:
    alts = trie_pattern(list(forms), _char_pattern)
    return re.compile(rf"(?<![\w\-’'])(?P<core>{alts})(?:['’]s)?(?![\w])")


def _fold(form: str) -> str:
    return re.sub(r"\s+", " ", form).replace("’", "'")
