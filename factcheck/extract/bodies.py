"""Actors nobody has entered: organisations, acronyms, governments, and people named without a role.

Rules, each named on the suggestion it makes:
- "name (ACR)": a capitalised name followed by an acronym in brackets is one body; the acronym
  becomes its alias and later mentions of the acronym point to it.
- organisation word: a capitalised run holding a word of `data/organisation_words.txt`
  ("Bank of England", "Office for National Statistics", "Rapid Support Forces"). Words before a
  role ("Senate Majority Leader …") belong to the role, not to a body.
- acronym: a word of two to six capitals ("WFP", "U.S.") that is not a credit, unit or dateline.
- well-known body: a form of `data/well_known_bodies.txt` ("UN", "Hamas", "Democrats").
- government: a country or capital of `data/countries.txt` standing for its government, i.e.
  not a place ("in Greece"), not a possessive in front of a role, not part of a longer name.
- single name with a cue: one capitalised word named as a body by the words around it ("the
  accountancy firm Deloitte", "Volkswagen's", "an analyst at Metzler"); every later mention of
  the same word away from a place preposition follows.
- named person: two to four name words with a person's cue (an age ", 61,", a reporting verb
  before or after, a title or role) when the table and the role rule have not found them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import MONTHS, WEEKDAYS, Mention, later_mentions, role_around
from .namecues import find_cued_bodies, find_teams
from .propernames import NAME_PARTICLE_BEFORE, Vocabulary, find_proper_names
from .vocabulary import (
    NATIONALITIES,
    ORGANISATION_WORDS,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    data_lines,
    data_table,
)

WELL_KNOWN: dict[str, tuple[str, str]] = {
    form: (name or form, kind) for form, name, kind in data_table("well_known_bodies.txt")
}
COUNTRIES: dict[str, str] = {form: country for form, country in data_table("countries.txt")}
NOT_ACTOR = frozenset(data_lines("not_actor_words.txt"))
PLACE_WORDS = frozenset(data_lines("place_words.txt"))
GIVEN_NAMES = frozenset(data_lines("given_names.txt"))
PARTY_LABELS = frozenset(data_lines("party_labels.txt"))
# word → whether it names the body only after "the" ("the House") or bare too ("Congress").
LEGISLATURES: dict[str, bool] = {
    w: article == "the" for w, article in data_table("legislatures.txt", "")
}

_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
_ROLE_WORDS = frozenset(w.capitalize() for w in ROLE_NOUNS) | _TITLE_WORDS | {
    "Leader", "Officer", "Attorney", "Executive", "Spokesman", "Spokeswoman", "Chair",
}  # fmt: skip
_OPENERS = frozenset(data_lines("sentence_openers.txt"))
_LOCATIVE = re.compile(
    r"(?:\b(?:in|inside|near|outside|across|into|to|throughout|around|from|at|on|of|towards|"
    r"toward|via|off|between)|\b(?:city|town|village|province|region|state|district|"
    r"capital)\s+of)\s+(?:the\s+)?(?:(?:central|eastern|western|northern|southern|"
    r"neighbou?ring)\s+)?$",
    re.IGNORECASE,
)
_ORG_CUE_BEFORE = re.compile(
    r"\b(?:firm|group|rival|unit|broadcaster|carmaker|company|bank|insurer|lender|retailer|"
    r"airline|operator|charity|regulator|party|outlet|newspaper|daily|union|club|champions|"
    r"(?:analysts?|economists?|partners?|strategists?|researchers?)\s+at|owned\s+by|"
    r"organisation|organization|agency|movement|platform|think[\s-]tank|miner|producer|maker|"
    r"manufacturer|utility|conglomerate|giant|start-?up|watchdog|pollster|consultancy|magazine|"
    r"tabloid|website|chain|developer|exporter|importer|chipmaker|drugmaker|automaker|"
    r"refiner|brewer|shipper|told\s+the)\s+$",
    re.IGNORECASE,
)
_PERSON_CUE_BEFORE = re.compile(
    r"\b(?:victim|lawyer|co-defendant|Democrat|Republican|analyst|economist|director|chair|"
    r"candidate|striker|coach|manager|founder|widow|son|daughter|husband|wife|"
    # sport and culture: "the injured X", "world number two X", "the architect X"
    r"injured|substitute|goalkeeper|midfielder|defender|winger|captain|"
    r"team-?mate|opponent|architect|artist|designer|novelist|composer|conductor|"
    r"number\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))\s+$"
)
# Credits, not mentions: "(Reporting by …; Editing by …)", "(Michael Probst/AP)", "… writer X in
# Ankara contributed to this report.", a "By …" line.
_CREDITS = re.compile(
    r"\([^()]*\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]eported|[Ww]ritten|[Ee]dited)\s+by\b"
    r"[^()]*\)|\([^()\n]{0,60}/(?:AP|AFP|Reuters|Getty Images|Getty|EPA|PA|dpa)\)"
    r"|\bcontributed\s+(?:to\s+this\s+report|reporting)|^By\s+[^\n]+$",
    re.M,
)


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the credits are; a "… contributed to this report." sentence is one whole."""
    spans = []
    for c in _CREDITS.finditer(text):
        start, end = c.start(), c.end()
        if c.group(0).startswith("contributed"):
            start = max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1)
        spans.append((start, end))
    return spans


_AGE_AFTER = re.compile(r",\s+\d{1,3},")
_VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
_VERB_AFTER = re.compile(
    rf"(?:,[^,]{{0,80}},)?,?\s+(?:(?:has|have|had|also|was|were|is|then)\s+)*(?:{_VERBS})\b"
)
_VERB_BEFORE = re.compile(rf"\b(?:{_VERBS})\s+$")
# Well-known names of several words, one holding a country ("Reform UK"): matched whole first.
_WELL_KNOWN_LONG = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        re.escape(f)
        for f in sorted(WELL_KNOWN, key=len, reverse=True)
        if " " in f and any(w in COUNTRIES for w in f.split())
    )
    + r")(?![\w])"
)
_WORD = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w]|-(?=[^\W\d_])|[’'](?=[^\W\d_])(?!s\b))*"
    r"(?:\.(?=\w))?(?:[\w]*)",
    re.UNICODE,
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le"})
_ACRONYM = re.compile(r"^(?:[A-Z]{2,7}|(?:[A-Z]\.){2,4}|[A-Z]{2,5}s?|[A-Z]{1,4}\d{1,3})$")
_BRACKETED = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z.]{1,7})\)")
_SENTENCE_START = re.compile(r"(?:^|[.!?][”\"’')]*\s+|\n\s*|^[“\"]|[.!?]\s+[“\"])$")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words joined by spaces and lower-case connectors ("Bank of England")."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    previous_end = -1
    for w in _words(text):
        word = w.group(0)
        capital = word[0].isupper() or word.startswith(("d'", "d’"))
        gap = text[previous_end : w.start()] if previous_end >= 0 else ""
        initial = current and gap == ". " and re.fullmatch(r"[A-Z]", current[-1].group(0))
        joined = current and (gap in (" ", "' ", "’ ") or initial)  # "Robert F. Kennedy"
        if capital and joined:
            current.append(w)
        elif capital:
            if current:
                runs.append(current)
            current = [w]
        elif (
            word in _CONNECTORS and joined and not (word == "the" and current[-1].group(0) == "and")
        ):
            current.append(w)
        else:
            if current:
                runs.append(current)
            current = []
        previous_end = w.end()
    if current:
        runs.append(current)
    cleaned = []
    for run in runs:
        while run and run[-1].group(0) in _CONNECTORS:
            run.pop()
        if run:
            cleaned.append(run)
    return cleaned


def _is_acronym(word: str) -> bool:
    if word[-1].isdigit() and word.rstrip("0123456789") in NOT_ACTOR:
        return False  # "COP31" is a summit, like "COP"
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def _place_context(text: str, start: int) -> bool:
    return bool(_LOCATIVE.search(text[max(0, start - 40) : start]))


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))


def _is_dateline(text: str, run: list[re.Match[str]]) -> bool:
    """The capitals of a dateline ("PORT SUDAN, Oct 14 (Reuters) -", "NEW YORK (AP) —")."""
    start = run[0].start()
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or "\n\n" in text[:start]:
        return False  # a dateline opens the article ("UNRWA, the UN agency" is a body)
    words = [w.group(0) for w in run]
    if not all(w.isupper() for w in words):
        return False
    return len(words) > 1 or len(words[0]) > 6 or text.startswith((",", " (", " —"), run[-1].end())


class _Found:
    """Mentions collected so far, without overlaps (a byte per character marks what is taken)."""

    def __init__(self, size: int, occupied: list[tuple[int, int]]) -> None:
        self.taken = bytearray(size)
        self.mentions: list[Mention] = []
        for start, end in occupied:
            self.taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def add(self, mention: Mention) -> None:
        if self.free(mention.start, mention.end):
            self.mentions.append(mention)
            self.taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)


def find_bodies(
    text: str, known: list[Mention], people: list[Mention], actors: Sequence[object] = ()
) -> list[Mention]:
    """New organisations, governments and people (the table and role rules ran before)."""
    credits = _credit_spans(text)
    found = _Found(len(text), [(m.start, m.end) for m in known + people] + credits)
    introduced: dict[str, Mention] = {}  # form (name or acronym) → first mention of its body
    single_bodies: dict[str, Mention] = {}
    new_people: list[Mention] = []
    for m in _WELL_KNOWN_LONG.finditer(text):
        if found.free(m.start(), m.end()):
            name, kind = WELL_KNOWN[m.group(0)]
            mention = Mention(m.start(), m.end(), None, None, kind,
                              f"well-known body '{m.group(0)}'", "", "", name)  # fmt: skip
            found.add(mention)
            introduced.setdefault(m.group(0), mention)
    for mention in find_cued_bodies(text, found.free):
        found.add(mention)
        if "news agency" not in mention.rule:  # a later "(Reuters)" stays a credit
            introduced.setdefault(mention.name, mention)
    runs = _runs(text)
    for run in runs:
        if _is_dateline(text, run):
            continue
        words = [w.group(0) for w in run]
        _bracketed(text, run, words, found, introduced)
        _acronyms(text, run, found, introduced)
        segments = _segments(run)
        for index, seg in enumerate(segments):
            # A name is the run's last segment: what stands before a role qualifies the role.
            after_role = index > 0
            before_role = index < len(segments) - 1
            _segment(text, seg, after_role, before_role, found, introduced, single_bodies,
                     new_people)  # fmt: skip
    # Later mentions of single-word bodies confirmed somewhere ("Volkswagen delivered").
    for run in runs:
        for w in run:
            word = w.group(0)
            first = single_bodies.get(word)
            if first is None or not found.free(w.start(), w.end()):
                continue
            if _place_context(text, w.start()) and not _ORG_CUE_BEFORE.search(
                text[max(0, w.start() - 40) : w.start()]
            ):
                continue
            nxt = text[w.end() : w.end() + 2]
            if nxt[:1] == " " and nxt[1:2].isupper() or _role_noun_after(text, w.end()):
                continue  # "Arsenal Football Club", "Arsenal manager …": a longer name or a role
            found.add(_copy(first, w.start(), w.end(), f"same body as '{first.name}'"))
    # Teams in sports copy, once the people are known (a player beaten is not a team).
    name_words = {w for p in people + new_people + known for w in (p.name or "").split()}
    name_words |= {text[p.start : p.end] for p in people + new_people}

    def not_a_team(form: str) -> bool:
        words = form.split()
        return (
            form in COUNTRIES
            or form in NATIONALITIES
            or words[0] in GIVEN_NAMES
            or any(w in name_words for w in words)
        )

    for mention in find_teams(text, found.free, not_a_team):
        found.add(mention)
    # "the Bank" after "the Bank of England": a body's head word points back to it.
    heads: dict[str, Mention] = {}
    for form, first in introduced.items():
        head = form.split()[0]
        if " " in form and head in ORGANISATION_WORDS and first.name == form:
            heads.setdefault(head, first)
    for head, first in heads.items():
        for m in re.finditer(rf"\b[Tt]he ({re.escape(head)})\b(?! [A-Z])(?! of\b)(?!-)", text):
            if m.start(1) > first.end and found.free(m.start(1), m.end(1)):
                found.add(_copy(first, m.start(1), m.end(1), f"'the {head}' for '{first.name}'"))
    occupied = [(m.start, m.end) for m in known + people + found.mentions]
    for mention in later_mentions(text, new_people, occupied):
        found.add(mention)
    # Last, names no rule claimed: companies, galleries, clubs and people with no cue word.
    leftovers = find_proper_names(
        text,
        found.free,
        _PROPER_NAME_VOCABULARY,
        known + people + found.mentions,
    )
    for mention in leftovers:
        found.add(mention)
    mentions = found.mentions
    mentions.sort(key=lambda m: m.start)
    return mentions


_PRESS_WORDS = frozenset({"Times", "Telegraph", "Post", "Herald", "Tribune", "Journal", "Gazette"})
_PROPER_NAME_VOCABULARY = Vocabulary(
    countries=frozenset(COUNTRIES) | PLACE_WORDS,
    role_words=_ROLE_WORDS,
    given_names=GIVEN_NAMES,
    openers=_OPENERS,
    stop_words=PLACE_WORDS
    | PARTY_LABELS
    | frozenset(LEGISLATURES)
    | NOT_ACTOR
    | frozenset(ORGANISATION_WORDS),
)


def _copy(first: Mention, start: int, end: int, rule: str) -> Mention:
    return Mention(start, end, None, None, first.kind, rule, first.role, first.affiliation,
                   first.name, first.aliases)  # fmt: skip


def _segments(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Split a run at role words: what follows the last role is a name ("… Minister Ali X")."""
    segments: list[list[re.Match[str]]] = [[]]
    for i, w in enumerate(run):
        word = w.group(0).rstrip(".")
        # A role word ends a segment only when a name follows it ("… Amy Pope" is a name),
        # not a body's head noun ("German Foreign Office", "Justice Department").
        if (
            word in _ROLE_WORDS
            and not _is_acronym(word)
            and i < len(run) - 1
            and not all(
                x.group(0) in ORGANISATION_WORDS or x.group(0) in _CONNECTORS for x in run[i + 1 :]
            )
        ):
            segments.append([])
        else:
            segments[-1].append(w)
    return [s for s in segments if s]


def _bracketed(text, run, words, found: _Found, introduced: dict[str, Mention]) -> None:
    """ "International Organization for Migration (IOM)": one body with its acronym as alias."""
    bracket = _BRACKETED.match(text, run[-1].end())
    if bracket is None:
        return
    acronym = bracket.group("acr")
    if acronym in NOT_ACTOR:
        return  # "MALATYA, Turkey (AP)": an agency credit
    first = 0
    while first < len(run) - 1 and (
        run[first].group(0) in _OPENERS or run[first].group(0) in _CONNECTORS
    ):
        first += 1
    # The name is the shortest tail whose initials spell the acronym, when one does
    # ("Fighters of the Rapid Support Forces (RSF)" → "Rapid Support Forces").
    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    for tail in range(first, len(run)):
        words = [w.group(0) for w in run[tail:] if w.group(0) not in _CONNECTORS]
        if run[tail].group(0) not in _CONNECTORS and "".join(w[0] for w in words) == letters:
            first = tail
            break
    seg = run[first:]
    name = text[seg[0].start() : seg[-1].end()]
    initials = "".join(w.group(0)[0] for w in seg if w.group(0) not in _CONNECTORS).upper()
    if not (
        _is_acronym(acronym)
        or acronym.capitalize() == acronym
        and acronym.upper()[:2] == initials[:2]
    ):
        return
    kind = _kind_of_name([w.group(0) for w in seg]) or "organisation"
    if kind == "person":
        kind = "organisation"
    mention = Mention(seg[0].start(), seg[-1].end(), None, None, kind,
                      f"new {kind}: name with acronym '({acronym})'", "", "", name,
                      (acronym,))  # fmt: skip
    found.add(mention)
    introduced.setdefault(name, mention)
    introduced.setdefault(acronym, mention)
    start = bracket.start("acr")
    found.add(_copy(mention, start, start + len(acronym), f"acronym introduced for '{name}'"))


def _kind_of_name(words: list[str]) -> str:
    kinds = [ORGANISATION_WORDS[w] for w in words if w in ORGANISATION_WORDS]
    if "armed_group" in kinds and words[-1] in ORGANISATION_WORDS:
        return "armed_group"
    return "organisation" if kinds else ""


def _acronyms(text, run, found: _Found, introduced: dict[str, Mention]) -> None:
    for w in run:
        word = w.group(0)
        if not _is_acronym(word) or word in NOT_ACTOR or not found.free(w.start(), w.end()):
            continue
        if word in introduced:
            first = introduced[word]
            found.add(_copy(first, w.start(), w.end(), f"acronym of '{first.name}'"))
        elif word in COUNTRIES:
            modifier = re.match(r" [A-Z]", text[w.end() : w.end() + 2])  # "U.S. District Judge"
            if modifier:
                continue
            if not _place_context(text, w.start()) and not _role_noun_after(text, w.end()):
                found.add(_government(w.start(), w.end(), word))
        elif word in WELL_KNOWN:
            name, kind = WELL_KNOWN[word]
            found.add(Mention(w.start(), w.end(), None, None, kind,
                              f"well-known body '{word}'", "", "", name))  # fmt: skip
        elif word.endswith("s") and word[:-1].isupper():
            continue  # "MPs", "CEOs": plurals of role acronyms
        elif (spelled := _spelled_by(word, introduced)) is not None:
            # "The FDA said" after "the Food and Drug Administration": the same body.
            introduced.setdefault(word, spelled)
            found.add(_copy(spelled, w.start(), w.end(), f"acronym of '{spelled.name}'"))
        else:
            found.add(Mention(w.start(), w.end(), None, None, "organisation",
                              "new organisation: acronym", "", "", word))  # fmt: skip


def _spelled_by(acronym: str, introduced: dict[str, Mention]) -> Mention | None:
    """The body named earlier whose initials spell the acronym ("FDA"), if any."""
    letters = acronym.replace(".", "").upper()
    for form, first in introduced.items():
        words = [w for w in form.split() if w not in _CONNECTORS]
        spelled = len(words) == len(letters) > 1 and "".join(w[0] for w in words).upper() == letters
        if spelled and first.actor_kind != "person":
            return first
    return None


def _role_noun_after(text: str, end: int) -> bool:
    nxt = re.match(r"\s+([a-z]+)", text[end : end + 30])
    return bool(nxt and nxt.group(1) in ROLE_NOUNS)


def _government(start: int, end: int, form: str) -> Mention:
    country = COUNTRIES[form]
    return Mention(start, end, None, None, "government",
                   f"government: '{form}' stands for {country}", "", "", country)  # fmt: skip


def _segment(
    text, seg, after_role, before_role, found: _Found, introduced, single_bodies, new_people
) -> None:
    # Leading openers ("The", "In", months, weekdays) are not part of a name; a weekday before
    # a newspaper's head word is ("the Sunday Times", "the Sunday Telegraph").
    while seg and (
        seg[0].group(0) in _OPENERS
        or seg[0].group(0) in MONTHS
        or seg[0].group(0) in WEEKDAYS
        and not (len(seg) == 2 and seg[1].group(0) in _PRESS_WORDS)
        or seg[0].group(0) in _CONNECTORS
    ):
        seg = seg[1:]
    while seg and seg[-1].group(0) in _CONNECTORS:
        seg = seg[:-1]
    if not seg:
        return
    words = [w.group(0) for w in seg]
    if (
        words[0] in PARTY_LABELS
        and len(words) >= 3
        and not any(w in ORGANISATION_WORDS for w in words)
    ):
        # "Democrat Janelle Stelson": the label is a role in front of the name.
        seg, words, after_role = seg[1:], words[1:], True
    if "and" in words:
        # "Italy and France", "Saudi Arabia and Russia": two actors joined, not one name.
        parts: list[list[re.Match[str]]] = [[]]
        for w in seg:
            if w.group(0) == "and":
                parts.append([])
            else:
                parts[-1].append(w)
        forms = [text[p[0].start() : p[-1].end()] for p in parts if p]
        if len(forms) == len(parts) and all(
            f in COUNTRIES or f in WELL_KNOWN or f in LEGISLATURES for f in forms
        ):
            for part in parts:
                _segment(text, part, after_role, before_role, found, introduced, single_bodies,
                         new_people)  # fmt: skip
            return
        if len(parts) == 2 and all(
            2 <= len(p) <= 3 and p[0].group(0) in GIVEN_NAMES and p[-1].group(0)[0].isupper()
            for p in parts
        ):
            # "Brian Szymanski and Luis Ortega": two people, each led by a given name.
            for part in parts:
                _segment(text, part, after_role, before_role, found, introduced, single_bodies,
                         new_people)  # fmt: skip
            return
        if (
            len(parts) == 2
            and parts[0]
            and parts[1]
            and parts[0][-1].group(0) in ORGANISATION_WORDS
        ):
            # "Deutsche Bank and BNP Paribas": the first part is a whole name, so two bodies.
            for part in parts:
                _segment(text, part, after_role, before_role, found, introduced, single_bodies,
                         new_people)  # fmt: skip
            return
    start, end = seg[0].start(), seg[-1].end()
    if not found.free(start, end):
        if "of" in words and 2 <= words.index("of") <= 3:
            # "Siân Pryce of the King's Fund": the body is found; the name before it remains.
            head = seg[: words.index("of")]
            names = [w.group(0) for w in head]
            if found.free(head[0].start(), head[-1].end()) and not any(
                w in ORGANISATION_WORDS or w in PLACE_WORDS or w in COUNTRIES or w in _ROLE_WORDS
                or w in NATIONALITIES or w in PARTY_LABELS or w in _OPENERS or w in NOT_ACTOR
                for w in names
            ):  # fmt: skip
                person = Mention(head[0].start(), head[-1].end(), None, None, "person",
                                 "new person: a name followed by 'of <a body>'", "", "",
                                 text[head[0].start() : head[-1].end()])  # fmt: skip
                found.add(person)
                new_people.append(person)
        return
    form = text[start:end]
    if form in LEGISLATURES:
        if _legislature_use(text, start, end, LEGISLATURES[form]):
            first = introduced.get(form)
            if first is None:
                rule = f"legislature: '{form}' names the body"
                mention = Mention(start, end, None, None, "organisation", rule, "", "", form)
                found.add(mention)
                introduced[form] = mention
            else:
                found.add(_copy(first, start, end, f"same body as '{first.name}'"))
        if " " not in form:
            return
    if form in introduced:
        first = introduced[form]
        found.add(_copy(first, start, end, f"same body as '{first.name}'"))
        return
    if form in WELL_KNOWN and not _is_acronym(form):
        name, kind = WELL_KNOWN[form]
        found.add(Mention(start, end, None, None, kind, f"well-known body '{form}'", "", "", name))
        return
    if form in COUNTRIES:
        if _government_use(text, start, end):
            found.add(_government(start, end, form))
        return
    if words[0] not in GIVEN_NAMES and _team_use(text, start, end):
        mention = Mention(start, end, None, None, "organisation",
                          "new organisation: a team named with a score", "", "", form)  # fmt: skip
        found.add(mention)
        introduced.setdefault(form, mention)
        if len(words) == 1:
            single_bodies.setdefault(form, mention)
        return
    next_is_role = _ROLE_AFTER.match(text, end) is not None
    kind = _kind_of_name(words)
    before = text[max(0, start - 40) : start]
    if kind:
        if next_is_role or len(words) == 1 or all(w in ORGANISATION_WORDS for w in words):
            return  # "Senate Majority Leader …", a bare "Bank": part of a role or generic
        if _role_noun_after(text, end) or _AREA_BEFORE.search(before):
            return  # "the Liberal Democrat Treasury spokesperson", "across the European Union"
        if any(w in PLACE_WORDS for w in words[:1]) and words[0] not in ("New",):
            pass
        mention = Mention(start, end, None, None, kind, f"new {kind}: organisation word",
                          "", "", form)  # fmt: skip
        found.add(mention)
        introduced.setdefault(form, mention)
        if len(words) == 2 and words[1] in _LEGAL_SUFFIXES:
            # "Porsche AG" is also written "Porsche".
            single_bodies.setdefault(words[0], mention)
        return
    if any(_is_acronym(w) or w in NOT_ACTOR for w in words):
        return
    if _player_of_country(text, seg, words, found, new_people):
        return
    if any(w in PLACE_WORDS or w in NATIONALITIES or w in MONTHS or w in WEEKDAYS for w in words):
        return
    if len(words) == 2 and words[0] in WELL_KNOWN and words[1] in COUNTRIES:
        mention = Mention(start, end, None, None, WELL_KNOWN[words[0]][1],
                          "new organisation: a body's national branch", "", "", form)  # fmt: skip
        found.add(mention)
        introduced.setdefault(form, mention)
        return
    if any(w in COUNTRIES for w in words) or words[-1] in PARTY_LABELS:
        return  # "Greenpeace Greece", "the Louisiana Republican": a body or a role, not a name
    if words[-1] in _ROLE_WORDS and not after_role:
        return  # "beat Republican Rep. Ryan Mackenzie": the words before a name are its role
    if len(words) == 1:
        if not any(words[0] in p.name.split() for p in new_people):
            _single(text, seg[0], found, single_bodies, new_people)  # a surname stays theirs
        return
    if len(words) > 4 or before_role or any(w in _CONNECTORS for w in words):
        return
    if _ORG_CUE_BEFORE.search(before) and not after_role:
        mention = Mention(start, end, None, None, "organisation",
                          "new organisation: a body named by the words before it", "", "",
                          form)  # fmt: skip
        found.add(mention)
        introduced.setdefault(form, mention)
        return
    if _POST_OF_BEFORE.search(before) and not after_role:
        mention = Mention(start, end, None, None, "organisation",
                          "new organisation: a post held in it ('chief executive of …')",
                          "", "", form)  # fmt: skip
        found.add(mention)
        introduced.setdefault(form, mention)
        return
    if _place_context(text, start) and not after_role:
        return
    given = words[0] in GIVEN_NAMES and len(words) <= 3
    cue = (
        after_role
        or role_around(text, start, end) is not None
        or _AGE_AFTER.match(text, end)
        or _VERB_AFTER.match(text, end)
        or _VERB_BEFORE.search(before)
        or _PERSON_CUE_BEFORE.search(before)
        or _SETS_AFTER.match(text, end)
        or len(re.findall(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])(?! [A-Z])", text)) > 1
    )
    if not cue and not given:
        return
    rule = "new person: name with a person's cue"
    if not cue:
        rule = "new person: name starting with a given name"
    person = Mention(start, end, None, None, "person", rule, "", "", form)
    found.add(person)
    new_people.append(person)


def _player_of_country(text, seg, words, found: _Found, new_people: list[Mention]) -> bool:
    """ "Javier Ortuno of Spain": two or three name words, then "of" and a country."""
    if "of" not in words:
        return False
    i = words.index("of")
    if not 2 <= i <= 3 or i + 1 >= len(seg):
        return False
    country = text[seg[i + 1].start() : seg[-1].end()]
    head = words[:i]
    if country not in COUNTRIES or any(
        w in ORGANISATION_WORDS or w in COUNTRIES or w in PLACE_WORDS or w in _ROLE_WORDS
        or w in NATIONALITIES or w in _CONNECTORS or w in PARTY_LABELS
        for w in head
    ):  # fmt: skip
        return False
    start, end = seg[0].start(), seg[i - 1].end()
    person = Mention(start, end, None, None, "person",
                     "new person: a name followed by 'of <country>'", "", "",
                     text[start:end])  # fmt: skip
    found.add(person)
    new_people.append(person)
    return True


_SCORE = r"\d{1,2}[-–]\d{1,2}"
# "Arsenal beat Spurs 2-0", "Villa drew 1-1 with Everton": a team; "6-4 7-5" (sets) is a player's.
_TEAM_AFTER = re.compile(
    rf"\s+(?:(?:beat|beats|beating|drew|draw|lost|won|defeated|thrashed|edged|hammered|routed|"
    rf"were\s+held|was\s+held|held)\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}(?:at\s+home\s+)?)?"
    rf"{_SCORE}(?![\w-])(?!,?\s+{_SCORE})"
)
_TEAM_BEFORE = re.compile(
    rf"(?<![\w-]){_SCORE},?\s+(?:at\s+home\s+|away\s+)?(?:with|to|against|at|over|by)\s+$"
)


# "beat X 6-4 7-5", "beat X in three sets": a player.
_SETS_AFTER = re.compile(
    rf"(?:\s+of\s+[A-Z][\w’'-]+)?\s+(?:{_SCORE},?\s+{_SCORE}|in\s+(?:straight|two|three|four|five)\s+sets)"
)


def _team_use(text: str, start: int, end: int) -> bool:
    """A name right before or after a match score is a team ("lost 3-2 to Newcastle United")."""
    if _TEAM_AFTER.match(text, end) or _TEAM_BEFORE.search(text[max(0, start - 30) : start]):
        return not re.search(rf"{_SCORE}\s+$", text[max(0, start - 12) : start])
    return False


_LEGISLATURE_ACTS = re.compile(r"\s+[a-z]+s\s+(?:a|an|the|to|that|on|its|their)\b")


def _legislature_use(text: str, start: int, end: int, needs_article: bool) -> bool:
    """ "the Senate voted", "control of the House on Tuesday", "Congress passed": the body.

    Not in front of a capitalised word or "of" ("House Speaker", "House of Lords"), nor in
    front of a noun ("the Senate race").
    """
    if needs_article and not re.search(r"\bthe\s+$", text[max(0, start - 8) : start], re.I):
        return False
    if re.match(r"\s+(?:[A-Z]|of\b)", text[end : end + 5]):
        return False
    return bool(_ACTS_AFTER.match(text, end) or _LEGISLATURE_ACTS.match(text, end))


_ROLE_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:" + "|".join(sorted(_ROLE_WORDS)) + r")\b")


_ACTS_AFTER = re.compile(
    rf"\s*(?:[,.;:]|\s+[“\"]|\s(?:and|or|but|has|have|had|is|was|will|would|could|must|should|also|"
    rf"last|on|in|then|\w+ed|sent|made|took|gave|won|lost|met|held|kept|struck|led|set|put|"
    rf"brought|began|fought|paid|sold|bought|ran|left|came|went|saw|spent|became|sought|"
    rf"{_VERBS})\b)"
)


# Nouns of a post held in a body: "the chief executive of Credit Suisse" names a body.
_POST_NOUNS = sorted(ROLE_NOUNS | set(data_lines("post_nouns.txt")), key=len, reverse=True)
_POST_OF_BEFORE = re.compile(rf"\b(?:{'|'.join(_POST_NOUNS)})\s+(?:of|at)\s+(?:the\s+)?$", re.I)
# "the envoy for Sudan", "MSF's emergency manager for Sudan": a country a post is about.
_POST_FOR_BEFORE = re.compile(rf"\b(?:{'|'.join(_POST_NOUNS)})\s+(?:for|on)\s+$", re.I)
# "Mercedes-Benz cut its outlook": a name that does something to "its" is a body.
_ACTS_ON_ITS = re.compile(r"\s+(?!said\b|says\b|told\b)[a-z]+\s+its\s+[a-z]")
# "across the European Union": a union or area as a place.
_AREA_BEFORE = re.compile(r"\b(?:across|throughout|within)\s+the\s+$", re.I)

# "Porsche AG" is also written "Porsche", "Meridian Therapeutics" "Meridian".
_LEGAL_SUFFIXES = frozenset({
    "AG", "SA", "Inc", "Ltd", "plc", "Group", "Corporation", "Company", "Holdings",
    "Industries", "Technologies", "Therapeutics", "Pharmaceuticals", "Pharma", "Airlines",
    "Airways", "Motors", "Motor", "Bancorp", "Insurance", "Corp", "Technology", "Securities",
})  # fmt: skip
_ORG_CUE_AFTER = re.compile(
    r"\s+(?:(?:armed|rebel|militant|jihadist|paramilitary)\s+)?(?:brand|group|unit|subsidiary|"
    r"shares|stock|militia|rebels)\b"
)


def _government_use(text: str, start: int, end: int) -> bool:
    """A country or capital standing for its government: it acts, it is not a place.

    Not after a place preposition ("in Greece"), not a possessive ("Greece's economy"), not in
    front of a name or a noun ("Abu Dhabi talks"); followed by punctuation, a conjunction or a
    verb ("Greece requested", "Washington last month imposed", "Italy and France sent").
    """
    if _place_context(text, start) or _POST_FOR_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    nxt = text[end : end + 3]
    if nxt.startswith(("'s", "’s")) or (nxt[:1] == " " and nxt[1:2].isupper()):
        return False
    return _ACTS_AFTER.match(text, end) is not None


_SPEAKS_AFTER = re.compile(rf"\s+(?:(?:has|have|had|also)\s+)?(?:{_VERBS})\b")
_CLAUSE_START_BEFORE = re.compile(
    r"(?:[,;:]|\b(?:and|but|while|whereas|as|after|when|because|though|although|that))\s+$"
)
_OTHER_PRONOUNS = frozenset(
    {"they", "we", "i", "you", "this", "that", "these", "those", "there", "here", "who", "one",
     "someone", "nobody", "everyone", "both", "each", "others", "many", "some", "few", "all"}
)  # fmt: skip


_HONORIFIC_BEFORE = re.compile(
    r"(?<![\w-])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Cllr|Councillor|Rev|"
    r"Reverend)\.?\s+$"
)


def _single(
    text: str,
    w: re.Match[str],
    found: _Found,
    single_bodies: dict[str, Mention],
    new_people: list[Mention],
) -> None:
    word = w.group(0)
    if word in _ROLE_WORDS or word in ORGANISATION_WORDS or word in _OPENERS:
        return
    if word in single_bodies:
        return  # "Orion" after "Orion Pharmaceuticals": the later-mention pass links it
    before = text[max(0, w.start() - 40) : w.start()]
    if _HONORIFIC_BEFORE.search(before) and word not in NATIONALITIES and word not in MONTHS:
        # "Lord Hartley", "Cllr Patel": a title and a surname name a person.
        person = Mention(w.start(), w.end(), None, None, "person",
                         "new person: title and surname", "", "", word)  # fmt: skip
        found.add(person)
        new_people.append(person)
        return
    after = text[w.end() : w.end() + 40]
    cue = ""
    if re.search(r"[a-z][A-Z]", word) and not re.match(r"(?:Mc|Mac|De|Di|La|Le|Van)[A-Z]", word):
        cue = "a name written in CamelCase"
    elif _ORG_CUE_BEFORE.search(before):
        cue = "a body named by the word before it"
    elif re.match(r"['’]s\s+[a-z]", after):
        cue = "possessive of a body"
    elif _ORG_CUE_AFTER.match(after) and (
        not _sentence_initial(text, w.start()) or re.match(r"\s+(?:shares|stock)\b", after)
    ):
        cue = "a body named by the word after it"
    elif _POST_OF_BEFORE.search(before):
        cue = "a post held in it ('chief executive of …')"
    elif _ACTS_ON_ITS.match(after) and not _sentence_initial(text, w.start()):
        cue = "a body doing something to 'its' …"
    elif (
        _SPEAKS_AFTER.match(text, w.end())
        and (_sentence_initial(text, w.start()) or _CLAUSE_START_BEFORE.search(before))
        and word not in GIVEN_NAMES
        and word not in NATIONALITIES
        and word not in PLACE_WORDS
        and word not in MONTHS
        and word not in WEEKDAYS
        and word not in NOT_ACTOR
        and not (word.endswith("s") and _sentence_initial(text, w.start()))
        and not _is_acronym(word)
        and word.lower() not in PRONOUNS_PERSON | PRONOUNS_THING | _OTHER_PRONOUNS
        and not NAME_PARTICLE_BEFORE.search(before)
    ):
        # "Shell reported …", "Oxfam said": one name speaking, not a person introduced
        # earlier ("Traders said" opens a sentence with a plural and is left alone).
        cue = "a body that speaks"
    if not cue or (_place_context(text, w.start()) and "named" not in cue):
        return
    mention = Mention(w.start(), w.end(), None, None, "organisation", f"new organisation: {cue}",
                      "", "", word)  # fmt: skip
    found.add(mention)
    single_bodies.setdefault(word, mention)
