"""Attributed statements: direct quotes and reported speech with their speaker.

Speaker rules, in order: the subject before a speech verb ("Mr Zelensky said …", "…, the person
added"), the phrase after an inverted verb ("…,” said Mr Rutte"), and "according to X".
A comma-enclosed aside between subject and verb is skipped ("Rustem Umerov, who leads …, said")
unless it is itself a person's name ("Ukraine's energy minister, Denys Shmyhal, said").
Pronouns: "he"/"she" is the most recent person mentioned before it outside quotation marks;
"it" the most recent organisation, government or country. Role nouns (`data/speaker_nouns.txt`)
point back by kind: "the thinktank" to an organisation, "the defender" to a person (one
introduced in that role first, then the one the sentence before opens with), "the ministry"
only to a body named so; "A DCMS spokesperson" and "The PCS union" are the body named in front
of the role. The claimant is a known actor (or a new person candidate) when the speaker phrase
ends with its mention, otherwise the phrase.
A quotation left open at the end of a paragraph continues in the next one; a paragraph that is
only a quotation right after a quoted statement is a new statement by the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import Mention
from .text import Span, inside_any
from .vocabulary import PRONOUNS_PERSON, PRONOUNS_THING, SPEECH_VERBS, data_lines, data_table

# "the agency", "the chancellor": what the head noun of a speaker phrase points back to
# (person, body, organisation, or named: only a body whose name holds the noun).
SPEAKER_NOUNS: dict[str, str] = {noun: kind for noun, kind in data_table("speaker_nouns.txt", "")}
# Verbs that open a new statement even inside another one's "that" clause.
_MAIN_VERBS = frozenset({"said", "says", "told", "tells", "added", "wrote", "writes"})
_BRACKET_END = re.compile(r"\s*\([^()]*\)$")
_POINTER = re.compile(
    r"^(?:the|this|that|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)"
    r"(?:\s+of\s+(?:state|government))?$",  # "the Ivorian head of state"
    re.I,
)
# "the 33-year-old", "the Swedish 29-year-old": a person named before.
_AGED = re.compile(r"^the\s+(?:[\w’'-]+\s+){0,2}?\d{1,3}-year-(?P<noun>old)$", re.I)
# "the former chief executive of …", "the head of …": a post in a body, before the body.
_POST_OF = re.compile(
    r"the\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)\s+(?:of|at)\s+(?:the\s+)?$", re.IGNORECASE
)
_GENERIC_AFTER = re.compile(r"^\s+(?:data|figures|statistics|report|analysis|survey|estimates?)$")
# "put the toll at 69,176": "put" reports a figure only when "at" and a number follow.
_PUT_AT = re.compile(
    r"[^.;]{0,80}?\bat\s+(?:about\s+|some\s+|around\s+|close\s+to\s+|between\s+)?[$£€]?\d"
)

# "forecast" is as often a noun: it reports only before "that" or when its subject is an
# actor ("It forecast that …", "The central bank forecast growth of 2%").
_FORECAST = frozenset({"forecast", "forecasts"})
_VERB = re.compile(
    r"(?<![\w’'-])("
    + "|".join(sorted(SPEECH_VERBS | _FORECAST, key=len, reverse=True))
    + r")(?![\w’'-])"
)
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|also|repeatedly|previously|again|reportedly|"
    r"already|publicly|earlier|later|then|still|once|separately|further|now|just|recently|"
    r"officially|himself|herself|itself|has\s+since|not|never|last\s+week|on\s+\w+day))+\s*$"
)
_BOUNDARY_WORDS = (
    "that|and|but|as|while|after|before|because|when|what|which|who|where|though|although|if|"
    "whether|so|than|however"
)
_NP = re.compile(
    rf"(?:^|(?P<punct>[,;:–—(”\"“])|\b(?P<word>{_BOUNDARY_WORDS})\b)"
    rf"(?P<np>(?:(?!\b(?:{_BOUNDARY_WORDS})\b)[^,;:–—(”\"“])*?)\s*$"
)
_ROLE_START = re.compile(r"^(?:a|an|the)\s+", re.I)
# A full stop after a single capital ("the U.N. mission") does not end the source's name.
_ACCORDING = re.compile(r"(?<![\w])[Aa]ccording\s+to\s+(?P<np>(?:[^,.;:()“”\"]|(?<=\b[A-Z])\.)+)")
_NP_TRIM = re.compile(r"\s+(?:who|which|that|whose|as|in\s+a\s+statement)\b.*$", re.S)
_LEADING = re.compile(r"^(?:according\s+to|but|and|however|also)\s+", re.I)
_INVERTED = re.compile(
    r"\s*(?P<np>(?:[A-Z][\w’'.\-]*|the|a|an)(?:\s+[A-Z][\w’'.\-]*|\s+of|\s+the)*)"
)
_MAX_SPEAKER_WORDS = 10
_GENERIC_MODIFIERS = frozenset(data_lines("generic_modifiers.txt"))
# After "…, said": a short phrase that names a speaker and ends the clause.
_AFTER_COMMA_SPEAKER = re.compile(
    r"\s+(?P<np>(?:the|a|an|[A-Z][\w’'.\-]*|[a-z]+s)(?:\s+[\w’'\-]+(?:\.(?=\w))?){0,6}?)"
    r"(?=\s*(?:[,;]|\.?$))"
)
_ASIDE_START = re.compile(r"\s*(?:who|which|whose|whom|a|an|the|now|then|also)\b", re.I)
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|would|could|should|had|has|have|may|might|must|did|does|"
    r"do|can|not)\b",
    re.IGNORECASE,
)
# After a body's name, a noun for the body itself or for the person who speaks for it ("A DCMS
# spokesperson", "the PCS union"); "the CDU politician" is a person, not the party.
_ROLE_AFTER_BODY = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:spokesperson|spokesman|spokeswoman|press\s+office|"
    + "|".join(
        sorted((n for n, k in SPEAKER_NOUNS.items() if k != "person"), key=len, reverse=True)
    )  # fmt: skip
    + r")"
)
# Head words of a body's name that a speaker noun points back to
# ("the agency" → "… Administration").
_HEADS_FOR: dict[str, set[str]] = {
    noun: {noun.capitalize()} for noun, kind in SPEAKER_NOUNS.items() if kind != "person"
}
_HEADS_FOR["thinktank"] = _HEADS_FOR["think-tank"] = _HEADS_FOR["tank"] = {
    "Institute", "Foundation", "Centre", "Center", "Trust", "Forum"}  # fmt: skip
_HEADS_FOR["agency"] = {"Agency", "Administration", "Authority", "Service", "Bureau", "Office",
                        "Commission", "Centers", "Centre", "Center", "Department"}  # fmt: skip
_HEADS_FOR["court"] = {"Court", "Tribunal"}
# "to say" is an infinitive; "its demands", "Kyiv's claims" are nouns.
_NOT_A_VERB = re.compile(
    r"(?:\bto|\b(?:the|(?-i:a|an)|its|their|his|her|our|your|these|those|such|any|new|fresh|"
    r"for|of|previous|latest|initial|original|"
    r"with|on|in|by|from|about|at)|['’]s?)\s+$",
    re.IGNORECASE,
)
# Verbs that are never nouns: "Christie's said" is a body speaking, not "Kyiv's claims".
_ALWAYS_VERBS = frozenset({"said", "says", "told", "added"})


@dataclass
class StatementHit:
    """An attributed statement found in the text."""

    start: int
    end: int
    claimant: str
    claimant_id: int | None
    claim_kind: str
    quote: str
    rule: str
    speaker_start: int = -1
    quotes: list[Span] = field(default_factory=list)


@dataclass
class _Speaker:
    claimant: str
    claimant_id: int | None
    rule: str
    start: int
    is_actor: bool = False  # an actor mention, not a phrase as written


def find_statements(
    text: str,
    paragraphs: list[tuple[Span, list[Span], list[Span], bool]],
    mentions: list[Mention],
) -> list[StatementHit]:
    """Statements paragraph by paragraph (each paragraph: span, sentences, quotes, left open)."""
    found: list[StatementHit] = []
    all_quotes = [q for _, _, quoted, _ in paragraphs for q in quoted]
    outside = [m for m in mentions if not inside_any(m.start, all_quotes)]
    previous_quote: StatementHit | None = None
    continuing: StatementHit | None = None
    for _para, sentences, quoted, left_open in paragraphs:
        para_hits: list[StatementHit] = []
        last: StatementHit | None = continuing
        for sentence in sentences:
            hits = _sentence_statements(text, sentence, quoted, mentions, outside)
            starts_with_quote = text[sentence.start] in '“"'
            if hits and para_hits:
                _it_after_a_named_speaker(hits[0], para_hits[-1], mentions)
            if hits:
                para_hits.extend(hits)
                last = hits[-1]
            elif starts_with_quote and last is not None and last.claim_kind == "quote":
                # Further quoted sentences belong to the statement they follow.
                last.end = max(last.end, sentence.end)
                last.quotes += [q for q in quoted if sentence.start <= q.start < sentence.end]
            elif starts_with_quote and previous_quote is not None and not para_hits:
                hit = StatementHit(
                    sentence.start, sentence.end, previous_quote.claimant,
                    previous_quote.claimant_id, "quote", "", "continued quote",
                    quotes=[q for q in quoted if sentence.start <= q.start < sentence.end],
                )  # fmt: skip
                para_hits.append(hit)
                last = hit
        found.extend(para_hits)
        quoted_hits = [h for h in para_hits if h.claim_kind == "quote"]
        # A quotation left open runs on into the next paragraph.
        still_open = left_open and last is not None and last.claim_kind == "quote"
        continuing = last if still_open else None
        if quoted_hits:
            previous_quote = quoted_hits[-1]
        elif para_hits:
            previous_quote = None
    for i, hit in enumerate(found):
        hit.quote = " ".join(text[q.start : q.end].strip() for q in hit.quotes)
        if i and hit.claimant.lower() in PRONOUNS_PERSON and "pronoun unresolved" in hit.rule:
            # "Tim Bridge, a partner, said …. “…,” he said.": no person was found, but the
            # statement before named its speaker.
            hit.claimant, hit.claimant_id = found[i - 1].claimant, found[i - 1].claimant_id
            hit.rule += ", the previous statement's speaker"
            continue
        if i and hit.claimant.lower() in ("the same source", "the same sources"):
            hit.claimant, hit.claimant_id = found[i - 1].claimant, found[i - 1].claimant_id
            hit.rule += ", 'the same source' → the previous statement's claimant"
            continue
        # "said the people" after "according to people familiar with the matter": the
        # speakers described before.
        back = re.fullmatch(r"the\s+([a-z]+)", hit.claimant, re.IGNORECASE)
        if back and hit.claimant_id is None:
            noun = back.group(1).lower()
            earlier = next(
                (h for h in reversed(found[:i]) if h.claimant_id is None
                 and h.claimant.lower() != hit.claimant.lower()
                 and noun in h.claimant.lower().split()),
                None,
            )  # fmt: skip
            if earlier is not None:
                hit.claimant = earlier.claimant
                hit.rule += f", '{back.group(0)}' → the speakers described before"
    return found


def _it_after_a_named_speaker(
    hit: StatementHit, before: StatementHit, mentions: list[Mention]
) -> None:
    """ "Ukrenergo, the grid operator, said …. Nearly 40% …, it said.": when the statement just
    before names a speaker the actor rules did not find, and that speaker comes after the body
    "it" was resolved to, "it" is that speaker."""
    if "'it' → most recent body" not in hit.rule or before.claimant_id is not None:
        return
    if before.speaker_start <= hit.speaker_start or not before.claimant[:1].isupper():
        return
    if any(m.is_person and before.claimant in (m.name, m.actor) for m in mentions):
        return
    hit.claimant, hit.claimant_id = before.claimant, None
    hit.rule += ", the speaker of the statement before"


def _sentence_statements(
    text: str, sentence: Span, quoted: list[Span], mentions: list[Mention], outside: list[Mention]
) -> list[StatementHit]:
    hits: list[StatementHit] = []
    speakers: list[_Speaker] = []
    body = text[sentence.start : sentence.end]
    quote_first = body[:1] in '“"'
    sentence_quotes = [q for q in quoted if sentence.start <= q.start < sentence.end]
    for m in _VERB.finditer(body):
        pos = sentence.start + m.start()
        if inside_any(pos, quoted):
            continue
        after = body[m.end() : m.end() + 4]
        if after.startswith(" to ") and m.group(1) not in ("told", "tell", "tells"):
            continue
        not_a_verb = _NOT_A_VERB.search(body[: m.start()])
        if not_a_verb and not (
            m.group(1) in _ALWAYS_VERBS and not_a_verb.group(0).lstrip()[:1] in "'’"
        ):
            continue
        if m.group(1) == "put" and not _PUT_AT.match(body, m.end()):
            continue
        if re.search(r"\baccording\s+to\s+[^,.;]*$", body[: m.start()], re.IGNORECASE):
            continue  # "according to results announced by …": the source, read below
        if speakers and m.group(1) not in _MAIN_VERBS and " that " in body[: m.start()]:
            continue  # "Peskov said that Mr Putin had not ruled out …": reported, not a source
        if body.startswith(" of ", m.end()) and m.group(1).endswith("ed"):
            continue  # "a company accused of supplying": a participle, not a speech verb
        speaker = _speaker_for(text, sentence, pos, m.end() + sentence.start, speakers, mentions,
                               outside)  # fmt: skip
        if speaker is None:
            continue
        if m.group(1) in _FORECAST and not (body.startswith(" that ", m.end()) or speaker.is_actor):
            continue  # "the forecast", "Forecasters' forecast …": no actor speaks
        if speakers and (speaker.claimant == speakers[-1].claimant or speaker.rule == "same"):
            continue
        speakers.append(speaker)
    for m in _ACCORDING.finditer(body):
        pos = sentence.start + m.start("np")
        if inside_any(pos, quoted):
            continue
        np = _NP_TRIM.sub("", m.group("np")).strip()
        np_end = pos + len(np)
        # "results announced by the Independent Electoral Commission": the body that issued it.
        by = re.search(r"\bby\s+(?:the\s+)?", np)
        issuer = _mention_starting_at(mentions, pos + by.end()) if by else None
        named = re.match(r",\s+", text[np_end : np_end + 3])
        # "according to the World Bank, Côte d'Ivoire …": a name already, not a description.
        lead = re.match(r"(?:the\s+)?", np)
        own = _mention_starting_at(mentions, pos + lead.end())
        if own is not None and own.end >= np_end:
            named = None
        if issuer is None and named:
            # "according to Turkey's disaster agency, AFAD": the name after the description.
            issuer = _mention_starting_at(mentions, np_end + named.end())
        if issuer is not None:
            speaker = _from_mention(issuer, "according to … by")
            if not any(s.claimant == speaker.claimant for s in speakers):
                speakers.append(speaker)
            continue
        speaker = _resolve(text, np, pos, np_end, mentions, outside, "according to")
        if speaker and not any(s.claimant == speaker.claimant for s in speakers):
            speakers.append(speaker)
    for speaker in speakers:
        is_quote = bool(sentence_quotes) and (
            quote_first or re.search(r":\s*[“\"]", body) is not None
        )
        hits.append(
            StatementHit(
                sentence.start,
                sentence.end,
                speaker.claimant,
                speaker.claimant_id,
                "quote" if is_quote else "statement",
                "",
                speaker.rule
                if speaker.rule.startswith("quote") or not is_quote
                else f"quote, {speaker.rule}",
                speaker.start,
                list(sentence_quotes) if is_quote else [],
            )  # fmt: skip
        )
    return hits


def _speaker_for(
    text: str,
    sentence: Span,
    verb_start: int,
    verb_end: int,
    speakers: list[_Speaker],
    mentions: list[Mention],
    outside: list[Mention],
) -> _Speaker | None:
    """Who says it, for one speech verb."""
    verb = text[verb_start:verb_end]
    left = text[sentence.start : verb_start]
    stripped = _AUX.sub("", " " + left)[1:].rstrip() if left.strip() else ""
    end = sentence.start + len(stripped)
    # "…,” said Mr Rutte": right after a quotation the speaker may follow the verb.
    inverted = verb in ("said", "says", "added", "told", "wrote") or (
        verb.endswith("ed") and " " not in verb
    )  # "…,” deplored Jonathan Whittall": any past-tense reporting verb may come first
    if stripped.endswith(("”", '"')) and inverted:
        # "…,” lamented coach Pierre Dumas": the first actor named after the verb.
        near = _first_mention(mentions, verb_end, min(sentence.end, verb_end + 60))
        between = text[verb_end : near.start] if near is not None else ""
        if (
            near is not None
            and not re.search(r"[“\"]", between)
            and (near.is_person or re.fullmatch(r"\s+(?:the\s+)?", between))
        ):  # a body further on may be where the speaker works ("a spokesman for the UN")
            return _from_mention(near, f"quote, '{verb}' + speaker")
        after = _INVERTED.match(text, verb_end, sentence.end)
        if after:
            np = after.group("np").strip()
            if np.lower() in ("a", "an", "the"):
                # "said a spokesman for the agency": the phrase runs to the comma or the end.
                rest = re.match(r"\s*([^,;“”\"]+?)\s*(?:[,;]|\.?$)", text[verb_end : sentence.end])
                np = rest.group(1).strip() if rest else np
            if np.endswith(".") and not re.search(r"\b[A-Z]\.$", np):
                np = np[:-1]  # the full stop ends the sentence, not an abbreviation
            start = text.index(np, verb_end)
            return _resolve(text, np, start, start + len(np), mentions, outside,
                            f"quote, '{verb}' + speaker")  # fmt: skip
        return None
    if stripped.endswith(",") and verb in ("said", "says", "added"):
        # "… held back by shortages, said the people, who asked not to be named": the speaker
        # after the verb, when a short phrase with no verb of its own runs to a comma or the end.
        after = _AFTER_COMMA_SPEAKER.match(text, verb_end, sentence.end)
        aside = _last_comma(text, sentence.start, end - 1)
        # "Lindqvist, who joined …, said the defeat hurt": the subject before a relative aside.
        relative = aside >= 0 and _ASIDE_START.match(text, aside + 1)
        if after and not relative and not _CLAUSE_VERB.search(after.group("np")):
            np = after.group("np")
            start = after.start("np")
            near = _mention_starting_at(mentions, start)
            if near is not None and near.end == start + len(np):
                return _from_mention(near, f"', {verb}' + speaker")
            return _resolve(text, np, start, start + len(np), mentions, outside,
                            f"', {verb}' + speaker")  # fmt: skip
    if verb.endswith("ing") and stripped.endswith(","):
        # "…, adding that …" continues the previous speaker; else the sentence's first actor.
        if speakers:
            return _Speaker("", None, "same", verb_start)
        first = _first_mention(mentions, sentence.start, verb_start)
        return _from_mention(first, f"actor before ', {verb}'") if first else None
    if stripped.endswith(","):
        # Skip a comma-enclosed aside, unless the aside is a person's name.
        inner_end = end - 1
        prev_comma = _last_comma(text, sentence.start, inner_end)
        if prev_comma < 0:
            return None
        raw_aside = text[prev_comma + 1 : inner_end]
        aside_start = inner_end - len(raw_aside.lstrip())
        person = _mention_ending_at(mentions, inner_end, aside_start)
        if person is not None and person.is_person and _mention_starting_at(mentions, aside_start):
            return _from_mention(person, f"'{verb}' after a name between commas")
        end = prev_comma
    acronym = re.search(r"\s*\([^()]{1,12}\)$", text[sentence.start : end])
    if acronym:
        end = sentence.start + acronym.start()  # "The World Food Programme (WFP) warned"
    match = _NP.search(text[sentence.start : end])
    if match is None:
        return None
    np = match.group("np")
    np_start = sentence.start + match.start("np") + len(np) - len(np.lstrip())
    np = np.strip()
    boundary = match.group("word") or ""
    if not np and boundary in ("which", "who"):
        before_end = text.rfind(",", sentence.start, sentence.start + match.start() + 1)
        again = _NP.search(text[sentence.start : before_end]) if before_end > 0 else None
        if again and again.group("np").strip():
            np = again.group("np")
            np_start = sentence.start + again.start("np") + len(np) - len(np.lstrip())
            np = np.strip()
    elif not np and boundary in ("and", "but"):
        if speakers:
            return _Speaker("", None, "same", verb_start)
        first = _sentence_subject(text, sentence, mentions)
        if first is not None:
            return _from_mention(first, f"subject of '{verb}'")
        # "Asked whether …, he smiled and said:": the subject of the verb before "and".
        and_at = sentence.start + match.start("word")
        clause_at = max(text.rfind(",", sentence.start, and_at) + 1, sentence.start)
        # "…, the minister shrugged and said": a pronoun or a short phrase and one verb.
        subject = re.match(
            r"\s*((?:(?:the|a|an)\s+(?:[\w’'-]+\s+){0,2}[a-z]+)|[A-Za-z]+)\s+[a-z]+\s*$",
            text[clause_at:and_at],
            re.IGNORECASE,
        )
        if subject is None:
            return None
        word = subject.group(1)
        if " " not in word and word.lower() not in PRONOUNS_PERSON | PRONOUNS_THING:
            return None
        at = clause_at + subject.start(1)
        return _resolve(text, word, at, at + len(word), mentions, outside,
                        f"subject of '… and {verb}'")  # fmt: skip
    elif np and match.group("punct") == "," and _ROLE_START.match(np):
        # "Col Martin O'Donnell, a spokesman for the US commander said": the name before.
        comma = sentence.start + match.start("punct")
        person = _mention_ending_at(mentions, comma, sentence.start)
        if person is not None and person.is_person:
            return _from_mention(person, f"name before '{np}' + '{verb}'")
    lead = _LEADING.match(np)
    if lead:
        np_start += lead.end()
        np = np[lead.end() :]
    bracket = _BRACKET_END.search(np)
    if bracket and bracket.start() > 0:
        np = np[: bracket.start()]  # "The World Food Programme (WFP)": the name, not the acronym
    named = _mention_ending_at(mentions, np_start + len(np), np_start)
    if named is not None and np and not named.is_person:
        # "Siân Pryce of the King's Fund said": the person speaks, not the body.
        of = re.search(r"\s+of\s+(?:the\s+)?$", text[np_start : named.start])
        person = _mention_ending_at(mentions, np_start + of.start(), np_start) if of else None
        if person is not None and person.is_person:
            return _from_mention(person, f"name of '{named.name or named.actor}' + '{verb}'")
        # "The former chief executive of Credit Suisse, who …, reaffirmed": the person who
        # holds the post, introduced earlier.
        post = _POST_OF.match(text[np_start : named.start])
        if post and SPEAKER_NOUNS.get(post.group("noun").lower()) == "person":
            holder = [x for x in outside if x.end <= np_start and x.is_person]
            if holder:
                return _from_mention(holder[-1], f"'{np}' → most recent person + '{verb}'")
    if named is not None and np:
        return _from_mention(named, f"subject + '{verb}'")
    if not np or len(np.split()) > _MAX_SPEAKER_WORDS or not _looks_like_speaker(np):
        return None
    return _resolve(text, np, np_start, np_start + len(np), mentions, outside,
                    f"subject + '{verb}'")  # fmt: skip


def _last_comma(text: str, start: int, end: int) -> int:
    """The last comma between two offsets that separates words, not digits ("1,800"), or -1."""
    pos = text.rfind(",", start, end)
    while pos > start and text[pos - 1].isdigit() and text[pos + 1 : pos + 2].isdigit():
        pos = text.rfind(",", start, pos)
    return pos


def _introduced_as(text: str, m: Mention) -> str:
    """A person's role: as found with the name, and the words just before it in its sentence
    ("coach Roberto De Zerbi", "Their American owner, John Textor")."""
    lead = text[max(0, m.start - 40) : m.start]
    lead = re.split(r"[.;:“”\"]", lead)[-1]
    return f"{m.role} {lead}".lower()


def _looks_like_speaker(np: str) -> bool:
    """A subject phrase that can say things: no digits (but "the 33-year-old"), not a clause."""
    if any(ch.isdigit() for ch in np) and not _AGED.match(np):
        return False
    first = np.split()[0].lower()
    return first not in ("there", "this", "these", "those", "what", "how", "why", "its", "his")


def _sentence_subject(text: str, sentence: Span, mentions: list[Mention]) -> Mention | None:
    """The actor mention that opens a sentence ("But Ukraine has rejected … and signalled …")."""
    head = re.match(
        r"\s*(?:(?:But|And|However|Yet|Meanwhile),?\s+)?", text[sentence.start : sentence.end]
    )
    at = sentence.start + (head.end() if head else 0)
    for m in mentions:
        if m.start == at:
            return m
    return None


def _mention_ending_at(mentions: list[Mention], end: int, start: int) -> Mention | None:
    """A mention that ends where a phrase ends (possessive endings allowed) and starts within it."""
    for m in mentions:
        if m.end == end and m.start >= start:
            return m
    return None


def _mention_starting_at(mentions: list[Mention], start: int) -> Mention | None:
    """A mention that starts exactly at a position."""
    for m in mentions:
        if m.start == start:
            return m
    return None


def _from_mention(m: Mention, rule: str) -> _Speaker:
    if m.actor:
        return _Speaker(m.actor, m.actor_id, f"{rule} ({m.rule})", m.start, True)
    return _Speaker(m.name, None, f"{rule} (new person)", m.start, True)


def _resolve(
    text: str,
    np: str,
    start: int,
    end: int,
    mentions: list[Mention],
    outside: list[Mention],
    rule: str,
) -> _Speaker | None:
    """Turn a speaker phrase into a claimant: pronoun, mention it ends with, or the phrase."""
    low = np.lower()
    if low in PRONOUNS_PERSON or low in PRONOUNS_THING:
        want_person = low in PRONOUNS_PERSON
        before = [m for m in outside if m.end <= start and m.is_person == want_person]
        if not before:
            return _Speaker(np, None, f"{rule}, pronoun unresolved", start)
        m = before[-1]
        return _from_mention(
            m, f"{rule}, '{np}' → most recent {'person' if want_person else 'body'}"
        )
    m = _mention_ending_at(mentions, end, start)
    if m is not None:
        return _from_mention(m, rule)
    m = next((x for x in mentions if x.start < start < x.end and x.end == end), None)
    if m is not None:  # "Centers for Disease Control and Prevention": "and" cut the name
        return _from_mention(m, rule)
    m = _mention_starting_at(mentions, start)
    if m is not None and _GENERIC_AFTER.match(text[m.end : end]):
        return _from_mention(m, f"{rule} ('{np}')")
    if low in ("they", "we", "i", "you"):
        return None
    body = _body_before_role(text, start, end, mentions)
    if body is not None:
        return _from_mention(body, f"{rule}, '{np}' → the body in front of the role")
    pointer = _POINTER.match(np) or _AGED.match(np)
    kind = SPEAKER_NOUNS.get(pointer.group("noun").lower()) if pointer else None
    if kind and kind != "person" and pointer.group("noun")[0].isupper():
        kind = None  # "The Edinburgh International Festival": a name, not a pointer
    if kind:
        want_person = kind == "person"
        before = [x for x in outside if x.end <= start and _fits(x, kind)]
        if kind in ("body", "named"):
            # "the national weather agency": a public body whose name says "weather", not any
            # agency ("the London-based engine maker" may well be Rolls-Royce).
            before = [x for x in before if _modifiers_fit(np, pointer.group("noun"), x)]
        # "The Conservatives, who …, proposed a rise, which the party says …": the body that
        # opens the sentence comes before any named earlier.
        opener = _sentence_opener(text, start, before)
        if opener is not None:
            return _from_mention(opener, f"{rule}, '{np}' → the body that opens the sentence")
        # "the coach" after "coach Roberto De Zerbi": the person introduced in that role.
        key = np[pointer.start("noun") :].lower()  # "coach", "head of state"
        same_role = [
            x
            for x in before
            if want_person and re.search(rf"\b{re.escape(key)}\b", _introduced_as(text, x))
        ]
        if same_role:
            return _from_mention(same_role[-1], f"{rule}, '{np}' → the person introduced as "
                                 f"'{key}'")  # fmt: skip
        subject = _previous_subject(text, start, before) if want_person else None
        if subject is not None:
            return _from_mention(subject, f"{rule}, '{np}' → the person the sentence before "
                                 "is about")  # fmt: skip
        # "the agency" after "the Food and Drug Administration … Meridian Therapeutics": the
        # body whose name has the noun (or, for "agency", a public body's head word) wins.
        heads = _HEADS_FOR.get(pointer.group("noun").lower(), set())
        named = [x for x in before if heads & set((x.name or x.actor or "").split())]
        # "the finance ministry": only a body whose name says "Ministry", else the phrase.
        before = named if named or kind == "named" else before
        if before:
            return _from_mention(before[-1], f"{rule}, '{np}' → most recent "
                                 f"{'person' if want_person else 'body'}")  # fmt: skip
    return _Speaker(np, None, rule, start)


def _modifiers_fit(np: str, noun: str, m: Mention) -> bool:
    """Whether the lower-case words describing a body's field ("weather", "finance") are in its
    name; words of rank, age or standing ("the opposition party", "the state miner") say
    nothing of the name."""
    words = re.findall(r"[\w’'-]+", np)[1:-1]
    field = [w for w in words if w.islower() and w not in _GENERIC_MODIFIERS and w != noun]
    name = (m.name or m.actor or "").lower()
    return all(w in name for w in field)


def _fits(m: Mention, kind: str) -> bool:
    """Whether a mention can be what a role noun of this kind points back to."""
    if kind == "person":
        return m.is_person
    if kind in ("organisation", "named"):
        return m.actor_kind == "organisation"
    return not m.is_person


def _sentence_opener(text: str, start: int, before: list[Mention]) -> Mention | None:
    """A body mention that opens the sentence holding a pointer (not the pointer's own)."""
    if not before:
        return None
    sentence_start = _sentence_start_before(text, start)
    lead = re.match(r"(?:The\s+)?", text[sentence_start:start])
    at = sentence_start + lead.end()
    opener = next((m for m in before if m.start == at and not m.is_person), None)
    if opener is None or not re.match(r"\s*,", text[opener.end : opener.end + 2]):
        return None  # only a subject set off by a relative clause ("X, who …, …, which the …")
    return opener


def _sentence_start_before(text: str, pos: int) -> int:
    """Where the sentence holding pos starts (after a full stop and a space, or a newline)."""
    stop = text.rfind(". ", 0, pos)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, pos) + 1)


def _previous_subject(text: str, start: int, before: list[Mention]) -> Mention | None:
    """The person who opens the sentence before a pointer ("Mr Ouattara, 84, was re-elected …,
    which his rivals, Mr Thiam and Laurent Gbagbo, … The head of state had welcomed …")."""
    here = _sentence_start_before(text, start)
    if text[here:start].strip() and not re.fullmatch(r"[“\"][^“”\"]*[”\"],?\s*", text[here:start]):
        return None  # the pointer does not open its sentence (after a quotation at most)
    prior = _sentence_start_before(text, max(0, here - 2))
    lead = re.match(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?", text[prior:here])
    return next((m for m in before if m.start in (prior, prior + lead.end())), None)


def _body_before_role(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """ "A DCMS spokesperson", "The PCS union": the body named in front of a role noun."""
    for m in mentions:
        if m.actor_kind != "organisation" or not start <= m.start < m.end < end:
            continue
        if re.fullmatch(r"(?:(?:a|an|the)\s+)?", text[start : m.start], re.IGNORECASE) and (
            _ROLE_AFTER_BODY.fullmatch(text[m.end : end])
        ):
            return m
    return None


def _first_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The first actor mention between two offsets."""
    for m in mentions:
        if start <= m.start < end:
            return m
    return None
