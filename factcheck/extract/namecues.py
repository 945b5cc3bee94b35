"""Bodies named without an organisation word, found by the words around them.

Each rule runs on the whole text before the capitalised-run rules of `bodies.py`, and names the
suggestion it makes:
- competition: a league of `data/competitions.txt` ("Serie A", "Ligue 1", "Bundesliga").
- team: in sports copy (several sport words), a name followed by a player's or coach's role
  ("Napoli coach …", "Monaco striker …", "Lyon's manager") or standing on either side of a
  match verb ("X beat Y", "X drew with Y", "X host Y", "lost to Y", "joined from Y"). Every
  other mention of the same name in that text is the same team ("at Torino" included).
- branded name: a capitalised word ending in "+" ("Canal+", "Disney+").
- possessive name: "King's Fund", "St Thomas' Hospital": a possessive word before an
  organisation word.
- public body: public-service words before a nation ("Public Health Scotland", "Audit Wales").
- agency in prose: a news agency's name where it does something or is spoken to ("told
  Reuters", "a Reuters poll", "according to Bloomberg", "AFP reported"), never a dateline or
  a credit in brackets.
"""

from __future__ import annotations

import re
from itertools import islice

from .actors import Mention
from .vocabulary import ORGANISATION_WORDS, data_lines

COMPETITIONS = sorted(data_lines("competitions.txt"), key=len, reverse=True)
_COMPETITION = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(c) for c in COMPETITIONS) + r")(?![\w+])"
)
PUBLIC_SERVICE = frozenset(data_lines("public_service_words.txt"))
NATIONS = ("Scotland", "Wales", "England", "Northern Ireland", "Ireland")
_PUBLIC_BODY = re.compile(r"(?<![\w])((?:[A-Z][a-z]+\s+){1,3})(" + "|".join(NATIONS) + r")(?![\w])")

_SPORT_WORDS = re.compile(
    r"\b(?:goals?|striker|midfielder|goalkeeper|defender|penalty|kick-off|half-?time|"
    r"stoppage time|league|fixture|derby|coach|match|season|substitute|equali[sz]er|"
    r"points|stadium|relegation|title)\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w’'.-]*[\w](?:\s+(?:de\s+|of\s+)?[A-Z][\w’'.-]*[\w]){0,2}"
_ROLE = (
    r"(?:head\s+coach|coach|manager|boss|striker|forward|midfielder|defender|goalkeeper|"
    r"keeper|winger|full-back|centre-back|center-back|captain|playmaker|fans|supporters|"
    r"academy|squad)"
)
_TEAM_BEFORE_ROLE = re.compile(rf"(?<![\w’'.-])({_NAME})(?:’s|'s)?\s+{_ROLE}\b")
_MATCH_VERB = (
    r"(?:beat|beats|beating|drew\s+with|draw\s+with|drawing\s+with|lost\s+to|loses\s+to|"
    r"losing\s+to|hosted|host|hosts|hosting|visit|visits|visited|travel\s+to|travels\s+to|"
    r"face|faces|facing|held\s+by|beaten\s+by|joined\s+from|signed\s+from|knocked\s+out|"
    r"eliminated|overtook|trail|trails|joined)"
)
_TEAM_AROUND_VERB = re.compile(
    rf"(?<![\w’'.-])({_NAME})(?:,\s+(?:who|the\s+[a-z]+),?)?\s+"
    rf"(?:(?:were|was|have|has|had|will)\s+)?"
    rf"(?:{_MATCH_VERB}|held|drew|won|lost|pulled|spent|signed|sold|sacked)\b"
)
_VERB_THEN_TEAM = re.compile(
    rf"\b(?:{_MATCH_VERB}|promoted|relegated|leaders|visitors)\s+({_NAME})"
)
_BRANDED = re.compile(r"(?<![\w])[A-Z][\w]*(?:\s+[A-Z][\w]*)?\+(?!\w)")
_POSSESSIVE = re.compile(
    r"(?<![\w’'])((?:St\.?\s+)?[A-Z][a-z]+(?:’s|'s|s’|s')\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+))"
)
_AGENCY_NAMES = ("Reuters", "Bloomberg", "AFP", "AP", "Associated Press", "Agence", "dpa", "Xinhua")
_AGENCIES = r"(?:Reuters|Bloomberg|AFP|AP|Associated Press|Agence France-Presse|dpa|Xinhua)"
_AGENCY_IN_PROSE = re.compile(
    rf"(?:\b(?:told|to|tells|telling|according\s+to|by|with|for)\s+(?:the\s+)?|"
    rf"\b(?:a|an)\s+)({_AGENCIES})(?![\w])(?!\))(?!\s+[A-Z])"
    rf"|(?<![\w(])({_AGENCIES})(?=\s+(?:poll|survey|calculations?|analysis|tally|count|"
    rf"interview|investigation|reported|reports|found|review|report|said|says|declared|"
    rf"projected|called)\b)"
)
_BY_PROSE = re.compile(r"\b(?:seen|compiled|reviewed|obtained|conducted|commissioned)\s+by\s+$")
_NOT_TEAM = frozenset({"The", "He", "She", "They", "It", "We", "But", "And", "His", "Her"})
# Grounds are places, not clubs ("the Parc des Princes", "Anfield Road", "Groupama Stadium").
_VENUE = re.compile(
    r"\b(?:Stadium|Stadio|Estadio|Arena|Park|Parc|Ground|Field|Bowl|Dome|Centre|Center|Road|"
    r"Lane|Stadion)\b"
)


def _is_sport(text: str) -> bool:
    return next(islice(_SPORT_WORDS.finditer(text), 3, None), None) is not None


def _body(start: int, end: int, rule: str, name: str) -> Mention:
    return Mention(start, end, None, None, "organisation", rule, "", "", name)


class _Adder:
    def __init__(self, is_free) -> None:
        self.is_free = is_free
        self.found: list[Mention] = []
        self.taken: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int, rule: str, name: str) -> None:
        if not self.is_free(start, end) or any(s < end and start < e for s, e in self.taken):
            return
        self.found.append(_body(start, end, rule, name))
        self.taken.append((start, end))


def find_cued_bodies(text: str, is_free) -> list[Mention]:
    """Competitions, branded and possessive names, public bodies, agencies in prose.

    is_free(start, end) says whether a span is still unclaimed.
    """
    add = _Adder(is_free)

    for m in _COMPETITION.finditer(text):
        add(m.start(), m.end(), f"competition '{m.group(0)}'", m.group(0))
    for m in _BRANDED.finditer(text) if "+" in text else ():
        add(m.start(), m.end(), "new organisation: a branded name ending in '+'", m.group(0))
    for m in _POSSESSIVE.finditer(text):
        if m.group(2) in ORGANISATION_WORDS:
            add(m.start(1), m.end(1), "new organisation: a possessive name before an "
                "organisation word", m.group(1))  # fmt: skip
    for m in _PUBLIC_BODY.finditer(text) if any(n in text for n in NATIONS) else ():
        words = m.group(1).split()
        if words and all(w in PUBLIC_SERVICE for w in words):
            add(m.start(1), m.end(2), "new organisation: a public service and its nation",
                m.group(0))  # fmt: skip
    agencies = any(a in text for a in _AGENCY_NAMES)
    for m in _AGENCY_IN_PROSE.finditer(text) if agencies else ():
        group = 1 if m.group(1) else 2
        start, end = m.start(group), m.end(group)
        before = text[max(0, start - 30) : start]
        if group == 1 and before.rstrip().endswith("by") and not _BY_PROSE.search(before):
            continue  # "Reporting by …" and "photo by AP" are credits
        if text[max(0, start - 1) : start] == "(":
            continue
        add(start, end, "new organisation: a news agency named in the story", m.group(group))
    return add.found


def find_teams(text: str, is_free, not_a_team) -> list[Mention]:
    """In sports copy, every mention of a name the match words show to be a team.

    not_a_team(form) says whether a form is a country, a given name or a person's name word.
    """
    add = _Adder(is_free)
    if _is_sport(text):
        teams: set[str] = set()
        for m in _TEAM_BEFORE_ROLE.finditer(text):
            teams.add(m.group(1))
        for m in _TEAM_AROUND_VERB.finditer(text):
            teams.add(m.group(1))
        for m in _VERB_THEN_TEAM.finditer(text):
            teams.add(m.group(1))
        teams = {
            t for t in teams
            if t.split()[0] not in _NOT_TEAM and not _VENUE.search(t) and not not_a_team(t)
        }  # fmt: skip
        for team in sorted(teams, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w’'.-]){re.escape(team)}(?![\w+-])(?! [A-Z])", text):
                add(m.start(), m.end(), "new organisation: a team in sports copy", team)
    return add.found
