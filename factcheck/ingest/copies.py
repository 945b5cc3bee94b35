"""Recognise copies: two articles that are the same wire story, however an outlet edited it.

Outlets retitle wire copy, cut it from the bottom, drop or add a paragraph, add a
caption, change "said" to "told reporters" and US spelling to British. Different
stories on the same event share names, figures and even quotes, but little running
text. So a text is cut into overlapping 5-word shingles, and two texts are copies
when most of the shorter one's shingles are in the longer one (containment), which
a trimmed copy keeps at 1 while its Jaccard similarity halves.

Every text gets a fixed-size fingerprint: a MinHash sketch by one-permutation
hashing (each shingle hashed once, the hashes spread over SLOTS bins, the smallest
kept per bin). Two fingerprints estimate the texts' Jaccard similarity from how many
bins hold the same value; with each text's shingle count that gives the containment.
Each bin's value is also a lookup key: stored in an indexed table, the articles that
share at least MIN_SHARED_KEYS keys with a new one are its only candidates, found in
one query at any archive size.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_WORDS = 5
SLOTS = 64
# A candidate must share this many keys (about a tenth of the bins, a Jaccard
# similarity near 0.06): far below any copy, far above chance.
MIN_SHARED_KEYS = 4
# Two texts are copies when this share of the shorter one is in the longer one ...
COPY_CONTAINMENT = 0.5
# ... and that share is at least this many shingles (a shared quote is not a copy).
MIN_COMMON_SHINGLES = 30

_FORMAT_VERSION = "m1"
_WORD = re.compile(r"\w+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_MASK = (1 << 64) - 1
_MOD = (1 << 61) - 1  # a Mersenne prime: the rolling hash's modulus
_MULTIPLIER = 0x9E3779B97F4A7C15 % _MOD
_KEY_BITS = 56
_HASH_BITS = 64


@dataclass(frozen=True)
class CopyFingerprint:
    """A text's sketch: SLOTS minimum hashes (None for an empty bin) and its shingle count."""

    minimums: tuple[int | None, ...]
    shingles: int

    @property
    def keys(self) -> tuple[int, ...]:
        """Lookup keys, one per filled bin: the bin number and its value in one 62-bit integer.

        They fit a signed 64-bit column (BigIntegerField) on SQLite and PostgreSQL.
        """
        mask = (1 << _KEY_BITS) - 1
        return tuple(
            (slot << _KEY_BITS) | (value & mask)
            for slot, value in enumerate(self.minimums)
            if value is not None
        )

    def as_text(self) -> str:
        """Serialise for a text column: "m1:<shingles>:<base64 of the bins>" (under 800 chars)."""
        # Bin values are hashes divided by SLOTS, so all ones never occurs.
        empty = (1 << _HASH_BITS) - 1
        packed = struct.pack(f"<{SLOTS}Q", *(empty if v is None else v for v in self.minimums))
        return f"{_FORMAT_VERSION}:{self.shingles}:{base64.b64encode(packed).decode('ascii')}"

    @classmethod
    def from_text(cls, text: str) -> CopyFingerprint:
        """Read a fingerprint written by as_text; raise ValueError on anything else."""
        version, shingles, packed = text.split(":", 2)
        if version != _FORMAT_VERSION:
            raise ValueError(f"unknown fingerprint format {version!r}")
        empty = (1 << _HASH_BITS) - 1
        try:
            values = struct.unpack(f"<{SLOTS}Q", base64.b64decode(packed, validate=True))
        except struct.error as err:
            raise ValueError(f"damaged fingerprint: {err}") from None
        return cls(
            minimums=tuple(None if v == empty else v for v in values), shingles=int(shingles)
        )


@dataclass(frozen=True)
class CopyScore:
    """How alike two texts are: estimated Jaccard similarity, containment and shared shingles."""

    jaccard: float
    containment: float  # the share of the shorter text found in the longer one
    common_shingles: float

    @property
    def is_copy(self) -> bool:
        """Whether the two texts are the same story (copies of one another)."""
        return self.containment >= COPY_CONTAINMENT and self.common_shingles >= MIN_COMMON_SHINGLES


def copy_fingerprint(text: str) -> CopyFingerprint:
    """Fingerprint a text (an article's body) for copy detection."""
    hashes = shingle_hashes(text)
    minimums: list[int | None] = [None] * SLOTS
    for value in hashes:
        slot = value % SLOTS
        rest = value // SLOTS
        current = minimums[slot]
        if current is None or rest < current:
            minimums[slot] = rest
    return CopyFingerprint(minimums=tuple(minimums), shingles=len(hashes))


def copy_score(a: CopyFingerprint, b: CopyFingerprint) -> CopyScore:
    """Estimate how much two fingerprinted texts share."""
    filled = same = 0
    for x, y in zip(a.minimums, b.minimums, strict=True):
        if x is None and y is None:
            continue
        filled += 1
        same += x == y
    jaccard = same / filled if filled else 0.0
    # |A ∩ B| = J·|A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J).
    common = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    smaller = min(a.shingles, b.shingles)
    containment = min(1.0, common / smaller) if smaller else 0.0
    return CopyScore(jaccard=jaccard, containment=containment, common_shingles=common)


def copies_among(
    fingerprint: CopyFingerprint, candidates: Iterable[tuple[object, CopyFingerprint]]
) -> list[tuple[object, CopyScore]]:
    """The candidates (id, fingerprint) that are copies of the text, best match first."""
    found = [(key, copy_score(fingerprint, other)) for key, other in candidates]
    found = [(key, score) for key, score in found if score.is_copy]
    return sorted(found, key=lambda pair: -pair[1].containment)


def shingle_hashes(text: str) -> set[int]:
    """The set of 64-bit hashes of the text's overlapping SHINGLE_WORDS-word shingles.

    Each distinct word is hashed once (BLAKE2b, so every process agrees); a shingle's
    hash is a rolling polynomial of its words' hashes, mixed (MurmurHash3's finaliser)
    so that the low bits that pick a bin are as random as the high ones.
    """
    words = normalised_words(text)
    if not words:
        return set()
    cache: dict[str, int] = {}
    values = [cache.get(w) or cache.setdefault(w, _word_hash(w)) for w in words]
    if len(values) < SHINGLE_WORDS:
        # A text shorter than one shingle is one shingle.
        values += [0] * (SHINGLE_WORDS - len(values))
    top = pow(_MULTIPLIER, SHINGLE_WORDS - 1, _MOD)
    rolling = 0
    for value in values[:SHINGLE_WORDS]:
        rolling = (rolling * _MULTIPLIER + value) % _MOD
    found = {_mix(rolling)}
    for i in range(SHINGLE_WORDS, len(values)):
        rolling = ((rolling - values[i - SHINGLE_WORDS] * top) * _MULTIPLIER + values[i]) % _MOD
        found.add(_mix(rolling))
    return found


def normalised_words(text: str) -> list[str]:
    """Lower-case words without punctuation or accents, so typography does not count."""
    text = text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _WORD.findall(text.replace("_", " "))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest())


def _mix(value: int) -> int:
    value ^= value >> 33
    value = (value * 0xFF51AFD7ED558CCD) & _MASK
    value ^= value >> 33
    value = (value * 0xC4CEB9FE1A85EC53) & _MASK
    return value ^ (value >> 33)
