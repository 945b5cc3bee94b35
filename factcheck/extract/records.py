"""The records the engine takes and returns: known actors in, suggestions out."""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownActor:
    """An actor of the editor's table, with the aliases editors entered."""

    id: int | None
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    affiliation: str = ""

    def __hash__(self) -> int:
        # The engine caches its matchers per actor table; a newsroom table holds thousands of
        # actors, so each actor's hash is computed once, not on every lookup.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.id, self.name, self.aliases, self.kind, self.affiliation))
            object.__setattr__(self, "_hash", cached)
        return cached


@dataclass(frozen=True)
class Suggestion:
    """One thing the engine proposes: an actor mention, a statement, a figure or a date."""

    kind: str
    start: int
    end: int
    text: str
    rule: str
    actor: str | None = None
    actor_id: int | None = None
    role: str = ""
    affiliation: str = ""
    actor_kind: str = ""  # person, organisation, government, armed_group
    name: str = ""  # a new actor's full name ("Rapid Support Forces" for a mention "RSF")
    aliases: tuple[str, ...] = ()  # forms the text introduces for a new actor ("RSF")
    claimant: str = ""
    claimant_id: int | None = None
    claim_kind: str = ""
    quote: str = ""
    quantity: str = ""
    value: float | None = None
    unit: str = ""
    bound: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    precision: str = ""
    about_start: datetime.date | None = None
    about_end: datetime.date | None = None
    # The sentence the suggestion sits in; only feeds `key`, so equal words elsewhere differ.
    context: str = field(default="", repr=False, compare=False)

    def as_dict(self) -> dict:
        """JSON-ready dict following the `suggest` command contract."""
        data: dict = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "key": self.key,
        }
        if self.kind == "actor":
            data |= {
                "actor": self.actor,
                "actor_id": self.actor_id,
                "role": self.role,
                "affiliation": self.affiliation,
                "actor_kind": self.actor_kind,
                "name": self.name,
                "aliases": list(self.aliases),
            }
        elif self.kind == "statement":
            data |= {
                "claimant": self.claimant,
                "claimant_id": self.claimant_id,
                "claim_kind": self.claim_kind,
                "quote": self.quote,
            }
        elif self.kind == "figure":
            data |= {
                "quantity": self.quantity,
                "value": self.value,
                "unit": self.unit,
                "bound": self.bound,
            }
        elif self.kind == "date":
            data |= {
                "start_date": _iso(self.start_date),
                "end_date": _iso(self.end_date),
                "precision": self.precision,
            }
        if self.kind in ("statement", "figure"):
            data |= {"about_start": _iso(self.about_start), "about_end": _iso(self.about_end)}
        return data

    @property
    def key(self) -> str:
        """Stable fingerprint for remembering rejections: kind and normalised words, no offsets."""
        cached = self.__dict__.get("_key")
        if cached is not None:
            return cached
        parts = [self.kind, normalise(self.text)]
        if self.kind == "figure":
            parts += [self.quantity, f"{self.value:g}" if self.value is not None else ""]
        if self.kind != "statement":
            parts.append(normalise(self.context))
        digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
        key = f"{self.kind}:{digest}"
        object.__setattr__(self, "_key", key)  # computed once per suggestion
        return key


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@functools.lru_cache(maxsize=4096)  # the suggestions of one sentence share its context
def normalise(text: str) -> str:
    """Text folded for comparison: NFKC, straight quotes, single spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return re.sub(r"\s+", " ", text).strip().lower()
