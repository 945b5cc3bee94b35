"""Shape rules that tell promos, captions, sign-offs and subheads from article prose.

Every rule looks at the form of a paragraph (length, position, punctuation, credit
syntax, call-to-action grammar), never at known sentences, so it works on copy it
has not seen. Each rule errs on the side of keeping text in the body: a missed
promo is a nuisance, a lost paragraph of reporting is a defect.
"""

from __future__ import annotations

import re
from collections import Counter

from factcheck.ingest import names

_AG = names.AGENCY_ALTERNATION
_CREDIT = names.CREDIT_NAME_ALTERNATION

# Reported speech is prose even when it sounds like a call to action.
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|according to)\b")
_OPENING_QUOTE = re.compile(r"^[\"“‘'«]")

# --- promos -----------------------------------------------------------------------

_PROMO_MAX_WORDS = 35
_PROMO_MAX_CHARS = 300

# "READ MORE: …", "Also read | …", "WATCH:" — a label that introduces a link.
_PROMO_LABEL = re.compile(
    r"^(?i:read\s+(?:more|also|next)|also\s+read|see\s+also|must[- ]read"
    r"|related(?:\s+(?:story|stories|article|articles|coverage|reading))?"
    r"|more\s+(?:on|about)\s+[^:\n]{1,40}|watch|listen|recommended|editor['’]s\s+picks?"
    r"|top\s+stories|video|podcast)\s*(?:[:|»›>]|$)"
)

# An imperative call to action opening the paragraph ("Sign up now: …"), perhaps
# after a short "For …," / "To …," lead-in. Mid-paragraph imperatives are left
# alone: "The advice was simple: download the app" is reporting.
_CTA = re.compile(
    r"^(?i:(?:for|to)\s[^.:!?\n]{0,50},\s*)?(?i:(?:now|please|so)\s+)?"
    r"(?i:sign\s*up|subscribe|download|follow|join|get|register|listen|watch|click|tap"
    r"|install|like|liked|read|stay\s+(?:informed|updated|up\s+to\s+date|connected)"
    r"|never\s+miss|don['’]t\s+miss|try|log\s*in|become|support|check\s+out|receive"
    r"|unlock|enjoy|enjoyed|want\s+more|already\s+a)(?![\w-])"
)

# What calls to action sell: newsletters, apps, social channels, subscriptions.
_PROMO_VOCABULARY = re.compile(
    r"(?i:\b(?:newsletters?|inbox(?:es)?|e-?mails?|subscri\w*|apps?|podcasts?|telegram"
    r"|whatsapp|facebook|instagram|twitter|tiktok|youtube|linkedin|threads|bluesky"
    r"|google\s+news|channels?|alerts?|notifications?|briefings?|digest|bulletins?"
    r"|premium|membership|free\s+trial|updates|rss|click\s+here|tap\s+here"
    r"|live\s+(?:blog|coverage))\b"
    r"|\b(?:us|me)\s+on\b)"
)


def is_promo(text: str) -> bool:
    """Say whether a paragraph is a short call to action (newsletter, app, social, read-more)."""
    if len(text) > _PROMO_MAX_CHARS or len(text.split()) > _PROMO_MAX_WORDS:
        return False
    if _PROMO_LABEL.search(text):
        return True
    if _OPENING_QUOTE.search(text) or _REPORTED_SPEECH.search(text):
        return False
    return bool(_CTA.search(text) and _PROMO_VOCABULARY.search(text))


# --- captions ---------------------------------------------------------------------

_CAPTION_MAX_WORDS = 80
_CAPTION_MAX_CHARS = 800

_TRAILING_PAREN = re.compile(r"\(([^()\n]{1,160})\)[.\s]*$")
_CREDIT_PREFIX = re.compile(
    r"^(?i:photo(?:graph)?s?|pictures?|images?|credit|photo\s+credit)\s*(?::|\bby\b)\s*"
)
_BARE_CREDIT = re.compile(rf"^(?:{_CREDIT})(?:\s+Photo)?$")
# Particles that may sit lower-case inside a proper name ("Abu al-Hassan", "van Dijk").
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "van", "von", "der", "den", "al", "el", "bin", "la", "le", "du"}
    | {"dos", "of", "for", "and", "the", "&"}
)
_NAME_WORD = re.compile(r"^[A-Z0-9][\w'’.&-]*$")

# "… Kyiv. PHOTO: AFP", "… Kyiv. Photo: Jane Doe/Getty Images"
_PHOTO_LABEL_END = re.compile(
    r"(?:^|[.!?”’\"]\s+|\s[-–—|]\s+)(?:[A-Z]{2,5}\s+)?"
    r"(?i:photo(?:graph)?s?|pictures?|images?|photo\s+credit)\s*:\s*[A-Z][^\n:]{1,80}$"
)
# "… Kyiv. REUTERS/Gleb Garanich"
_SLASH_CREDIT_END = re.compile(
    rf"(?:^|\s)(?:{_AG}|EPA)(?:\s+Photo)?/[A-Z][\w.'’ -]{{1,60}}$", re.MULTILINE
)
_PHOTO_LABEL_START = re.compile(r"^(?i:photo(?:graph)?s?|pictures?|images?)\s*:\s*")

# Where someone stands in the picture: "(centre right)", "(second from left)", "(L)".
_POSITION = (
    r"(?:(?i:(?:(?:second|third|fourth|far|top|bottom|front|back|centre|center)[\s-]+)?"
    r"(?:from\s+)?(?:left|right|centre|center|top|bottom|front|rear|background|foreground"
    r"|pictured)(?:\s+(?:to|from)\s+(?:left|right))?)|L|R|C|L-R)"
)
# Bounded name length keeps the search linear on pathological input.
_POSITION_MARKER = re.compile(rf"(?<![\w'’.-])[A-Z][\w'’.-]{{0,40}}\s+\({_POSITION}\)")
_CAPTION_VERBS = frozenset(
    {"speaks", "speak", "attends", "attend", "arrives", "arrive", "leaves", "leave", "meets"}
    | {"meet", "shakes", "shake", "gestures", "gesture", "waves", "wave", "poses", "pose"}
    | {"walks", "walk", "listens", "listen", "greets", "greet", "sits", "sit", "delivers"}
    | {"addresses", "visits", "visit", "chats", "chat", "embraces", "embrace", "hugs", "hug"}
    | {"confers", "confer", "reacts", "react", "smiles", "smile", "signs", "sign", "pictured"}
    | {"seen"}
)
# Words ending in -ing that are not participles.
_NOT_PARTICIPLES = frozenset(
    {"during", "including", "according", "morning", "evening", "nothing", "something"}
    | {"anything", "everything", "thing", "things", "king", "ring", "wing", "spring", "string"}
    | {"bring", "sing", "sibling", "building", "ceiling", "meeting", "wedding", "pudding"}
)


def _is_name_like(segment: str) -> bool:
    words = segment.split()
    if not 1 <= len(words) <= 6:
        return False
    if not _NAME_WORD.match(words[0]):
        return False
    return all(_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES for w in words)


def _is_person_like(segment: str) -> bool:
    words = segment.split()
    return 2 <= len(words) <= 4 and _is_name_like(segment)


def _credit_in_parentheses(content: str, *, allow_bare: bool) -> bool:
    """Say whether the text of a closing parenthesis is a photo credit."""
    content = content.strip()
    unprefixed = _CREDIT_PREFIX.sub("", content)
    if unprefixed != content:
        # "(Photo: …)" / "(Picture by …)" is a credit whatever follows.
        return bool(unprefixed[:1].isupper())
    if " via " in content:
        before, after = (s.strip() for s in content.rsplit(" via ", 1))
        if names.names_credit_service(after) or names.names_credit_service(before):
            return True
        return (
            _is_name_like(before)
            and _is_name_like(after)
            and not before.split()[-1].lower().endswith("ing")
        )
    if "/" in content:
        segments = [s.strip() for s in content.split("/")]
        if not 2 <= len(segments) <= 3 or not all(_is_name_like(s) for s in segments):
            return False
        return any(names.names_credit_service(s) or _is_person_like(s) for s in segments)
    return allow_bare and bool(_BARE_CREDIT.match(content))


def _has_position_caption(text: str) -> bool:
    """Say whether someone is placed in a picture and then does something, caption-style."""
    for marker in _POSITION_MARKER.finditer(text):
        following = re.split(r"[,;.(:]", text[marker.end() :], maxsplit=1)[0]
        for word in following.split()[:4]:
            lowered = word.strip("'’\"”").lower()
            if word[:1].isupper():
                continue
            if lowered in _CAPTION_VERBS or (
                lowered.endswith("ing") and len(lowered) > 4 and lowered not in _NOT_PARTICIPLES
            ):
                return True
    return False


def caption_credit(text: str, *, allow_bare: bool = True) -> str | None:
    """Return the credit of a photo caption ("" if it has none), or None for prose.

    allow_bare=False turns off the bare "(AFP)" form, which at the end of the last
    paragraph is a sign-off rather than a caption.
    """
    if len(text) > _CAPTION_MAX_CHARS or len(text.split()) > _CAPTION_MAX_WORDS:
        return None
    paren = _TRAILING_PAREN.search(text)
    if paren and _credit_in_parentheses(paren.group(1), allow_bare=allow_bare):
        return paren.group(1).strip()
    # Cheap substring checks first: most paragraphs are prose and fail them.
    tail = text[-100:]
    if ":" in tail:
        match = _PHOTO_LABEL_END.search(text)
        if match:
            return match.group(0).strip(" .-–—|")
    if "/" in tail:
        match = _SLASH_CREDIT_END.search(text)
        if match:
            return match.group(0).strip()
    if _PHOTO_LABEL_START.match(text) and len(text.split()) <= 25:
        return text
    if "(" in text and len(text.split()) <= 60 and _has_position_caption(text):
        return ""
    return None


# --- sign-offs --------------------------------------------------------------------

_AGENCY_LIST = rf"(?:{_AG})(?:\s*(?:,|/|\band\b|&)\s*(?:{_AG}))*"
# "…from invading again. AFP", "… again. – Reuters", "… again. AFP, REUTERS"
_SIGNOFF_AFTER_SENTENCE = re.compile(
    rf"(?:(?<=[.!?”’\"])\s*|\s+[-–—]+\s*|^\s*[-–—]*\s*)(?P<sig>{_AGENCY_LIST})\.?\s*$"
)
_SIGNOFF_WINDOW = 300
# "… again (AFP)" / "… again. (Reuters)"
_SIGNOFF_IN_PARENTHESES = re.compile(rf"\s*\((?P<sig>{_AGENCY_LIST})\)\.?\s*$")
# Reuters/AP trailers: "Reporting by Jane Doe; Editing by John Smith".
_CREDIT_LINE = re.compile(
    r"^\(?(?i:(?P<extra>additional\s+)?(?:reporting|writing|editing|compiled)\s+(?:by|from))\b"
)
_CREDIT_LINE_MORE = re.compile(r";|\b(?i:editing|writing|compiled)\s+by\b")


def split_signoff(text: str) -> tuple[str, str] | None:
    """Split a trailing agency sign-off off a paragraph: (kept text, sign-off), or None."""
    # A sign-off is a few words at the very end: look only there, so that a huge
    # last paragraph costs nothing.
    offset = max(0, len(text) - _SIGNOFF_WINDOW)
    tail = text[offset:]
    for pattern in (_SIGNOFF_AFTER_SENTENCE, _SIGNOFF_IN_PARENTHESES):
        match = pattern.search(tail)
        # A match at the window's edge would treat a cut-off word as the paragraph start.
        if match and not (offset and match.start() == 0):
            kept = text[: offset + match.start()].rstrip(" \t\n-–—")
            return kept, match.group("sig")
    return None


def is_credit_line(text: str) -> bool:
    """Say whether a paragraph is a reporting/editing credit line ("Reporting by …")."""
    if len(text) > 500 or len(text.split()) > 60:
        return False
    match = _CREDIT_LINE.match(text)
    if not match:
        return False
    return bool(match.group("extra")) or bool(_CREDIT_LINE_MORE.search(text, match.end()))


# --- subheads ---------------------------------------------------------------------

_SUBHEAD_MAX_WORDS = 7
_NOT_SUBHEAD_ENDS = frozenset(".!?:;,\"”’'…-–—)")
_QUOTE_MARKS = frozenset('"“”«»')
_SENTENCE_ENDS = frozenset('.!?"”’)…')
_OPENING_QUOTES = frozenset("\"“‘'«")


def is_subhead(text: str, *, before: str, after: str) -> bool:
    """Say whether a paragraph is a cross-heading between two paragraphs of prose."""
    if len(text) > 70 or "\n" in text or not text[0].isupper() or text[-1] in _NOT_SUBHEAD_ENDS:
        return False
    words = text.split()
    if len(words) > _SUBHEAD_MAX_WORDS or _QUOTE_MARKS & set(text):
        return False
    # Between two paragraphs of prose: one that ends a sentence and one that starts one.
    return (
        before[-1] in _SENTENCE_ENDS
        and (after[0].isupper() or after[0] in _OPENING_QUOTES)
        and len(before.split()) > _SUBHEAD_MAX_WORDS
    )


# --- datelines and titles ---------------------------------------------------------

# "GENEVA - ", "KYIV, Ukraine (AP) — ", "WASHINGTON, Feb 26 (Reuters) - "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.]{1,30}(?:[ -][A-Z][A-Z'’.]{1,30}){0,3})"
    r"(?:,[^()\n–—]{1,40}?)?\s*(?:\((?P<credit>[^()\n]{1,40})\))?\s*[-–—]{1,2}\s+"
)


def dateline_agency(text: str) -> str:
    """Return the wire agency named in a paragraph's opening dateline, or ""."""
    match = _DATELINE.match(text)
    if not match or not match.group("credit"):
        return ""
    found = names.agencies_in(match.group("credit"))
    return found[0] if found else ""


def strip_dateline(text: str) -> str:
    """Remove an opening all-caps dateline ("GENEVA - ") from a paragraph."""
    match = _DATELINE.match(text)
    return text[match.end() :] if match else text


TITLE_MAX = 120

_SENTENCE_END = re.compile(r"([.!?])[\"”’)]*\s+(?=[\"“‘(A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "prof", "rev", "jr"}
    | {"sr", "no", "vs", "inc", "ltd", "co", "corp", "gov", "sen", "rep", "adm", "maj"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph, skipping abbreviations and initials."""
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start(1) - 40) : match.start(1)].split()
        word = before[-1] if before else ""
        if match.group(1) == "." and (
            word.lower().strip("(“\"'‘") in _ABBREVIATIONS
            or re.fullmatch(r"[A-Z]", word)
            or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word)
        ):
            continue
        return text[: match.end()].rstrip()
    return text


def make_title(paragraph: str) -> str:
    """Derive a title from the first body paragraph: its first sentence, at most 120 chars."""
    # A title needs only the opening of the paragraph; bounding it keeps huge
    # one-paragraph files cheap.
    sentence = " ".join(first_sentence(strip_dateline(paragraph[:2000])).split())
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


# --- the outlet naming itself -----------------------------------------------------

_NAME_RUN = r"(?:[Tt]he\s+)?[A-Z][\w&.-]*(?:\s+(?:of|and|[A-Z][\w&.-]*)){0,4}?"
_SELF_POSSESSIVE = re.compile(
    rf"\b(?i:get|to|for|from|download|follow|join|support|on|with|of|try)\s+"
    rf"(?P<name>{_NAME_RUN})(?:['’]s|(?<=s)['’])(?!\w)"
)
_SELF_PLAIN = re.compile(
    rf"\b(?i:download|follow|subscribe\s+to|sign\s+up\s+to|join)\s+(?P<name>{_NAME_RUN})"
    r"(?=\s+(?i:app|on|newsletters?|podcast)\b|\s*[.!]?\s*$)"
)
_PLATFORMS = frozenset(
    {"telegram", "whatsapp", "facebook", "instagram", "twitter", "tiktok", "youtube", "x"}
    | {"linkedin", "threads", "bluesky", "google", "apple", "spotify", "android", "ios"}
)


def source_from_promo(text: str) -> str:
    """Return the outlet a promo names as itself ("Get ST's newsletters" -> The Straits Times)."""
    for pattern, plain in ((_SELF_POSSESSIVE, False), (_SELF_PLAIN, True)):
        for match in pattern.finditer(text):
            raw = match.group("name")
            if any(w.lower() in _PLATFORMS for w in raw.split()):
                continue
            name = names.outlet_name(raw)
            # Without a possessive only a known outlet or a "The …" name is convincing.
            if name and (not plain or raw.lower().startswith("the ") or name != raw):
                return name
    return ""


def most_credited(agencies: list[str]) -> str:
    """Return the agency credited most often (the first one on a tie), or ""."""
    if not agencies:
        return ""
    counts = Counter(agencies)
    best = max(counts.values())
    return next(a for a in agencies if counts[a] == best)
