"""Text rules shared by the read and write sides: a claim's selectors, and comparing wording.

* **Selectors** (W3C Web Annotation): a span of an article is kept as start/end offsets
  (Python code points) plus its exact text and 32 characters of prefix and suffix; a quote
  typed by an editor is found in the body exactly, else ignoring curly/straight quotes and
  dash variants (one-for-one, so no offset shifts).
* **Words**: lower-cased runs of letters and digits ("400", "donetsk"), without English
  function words and single letters (the "s" of "Russia's"). Two texts are compared by the
  Jaccard index of their word sets, |A ∩ B| / |A ∪ B| (1.0: the same words in any order);
  link ranking compares stems (the Snowball English stemmer: "negotiations", "negotiated" →
  "negoti") the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from django.core.exceptions import ValidationError

CONTEXT_CHARS = 32
_STEMMER = snowballstemmer.stemmer("english")

# One-for-one look-alike characters, so a quote typed with straight quotes or a hyphen still
# finds the copy's curly quotes and dashes without shifting any offset.
_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
    }
)

_STOPWORDS = (
    "a about after all also an and any are as at be been before but by could for from had has "
    "have he her here his in into is it its may might more most mr mrs ms no not of on or our "
    "over said say says she should some than that the their them then there these they this "
    "those to told under was we were what when where which while who whom will with without "
    "would you your"
)
STOPWORDS = frozenset(_STOPWORDS.split())
_WORD = re.compile(r"[^\W_]+")


def anchor_selectors(*, body: str, start: int, end: int) -> dict:
    """The W3C TextQuoteSelector of a span: exact text with 32 characters of context each side."""
    return {
        "exact": body[start:end],
        "prefix": body[max(0, start - CONTEXT_CHARS) : start],
        "suffix": body[end : end + CONTEXT_CHARS],
    }


def quote_find(*, body: str, quote: str) -> tuple[int, int]:
    """Where a quote stands in the body: exact match, else ignoring curly/straight quotes and
    dash variants. Missing or ambiguous quotes raise ValidationError naming the quote."""
    quote = quote.strip()
    if not quote:
        raise ValidationError({"quote": "Give the quote, or select the span."})
    for haystack, needle in ((body, quote), (body.translate(_FOLD), quote.translate(_FOLD))):
        found = [m.start() for m in re.finditer(re.escape(needle), haystack)]
        if len(found) == 1:
            return found[0], found[0] + len(quote)
        if len(found) > 1:
            raise ValidationError(
                {
                    "quote": f"The quote “{quote}” occurs {len(found)} times in the article; "
                    "give a longer quote or select the span."
                }
            )
    raise ValidationError({"quote": f"The quote “{quote}” is not in the article's text."})


def span_resolve(*, body: str, start: int | None, end: int | None, quote: str) -> tuple[int, int]:
    """Resolve start/end (preferred) or a quote to a span, trimmed of surrounding white space."""
    if start is None and end is None:
        return quote_find(body=body, quote=quote)
    if start is None or end is None:
        raise ValidationError({"start": "Give both start and end, or a quote."})
    if not (0 <= start < end <= len(body)):
        raise ValidationError(
            {"start": f"The span {start}–{end} is not inside the article text (0–{len(body)})."}
        )
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError({"start": "The selected span is only white space."})
    if quote and body[start:end] != quote.strip():
        raise ValidationError(
            {
                "quote": f"The quote “{quote.strip()}” does not match the text at {start}–{end}: "
                f"“{body[start:end]}”."
            }
        )
    return start, end


def words(text: str) -> set[str]:
    """The comparable words of a text (see above)."""
    return {
        w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())
    }


def all_words(text: str) -> list[str]:
    """Every lower-cased word of a text, in order, function words included."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's Snowball (Porter 2) English stem; numbers stay as they are."""
    return word if word.isdigit() else _STEMMER.stemWord(word)


def stems(text: str) -> set[str]:
    """The words of a text, stemmed."""
    return {stem(w) for w in words(text)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / |A ∪ B|; 0.0 when either set is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def word_similarity(a: str, b: str, *, stemmed: bool = False) -> float:
    """How alike two texts are by their words, or their stems (Jaccard, 0–1)."""
    tokens = stems if stemmed else words
    return jaccard(tokens(a), tokens(b))
