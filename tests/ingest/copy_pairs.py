"""A labelled set of article pairs for the copy detector: copies and different stories.

Texts: the seeds, the suggestion engine's gold texts, the fetch tests' pages and ninjs
items, and the hand-written texts in tests/ingest/copies/ (different stories on the
same event as a base text, and hand-edited copies of a base text). To those come
copies made mechanically from every base text, edited the ways outlets edit wire
copy. Pairs in one story group are copies; every other pair is not.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from factcheck.ingest.documents import read_document

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent

# Hand-written texts -> the base text whose story (or event) they share.
SAME_EVENT = {
    "same_event_port_strike": "page:article",
    "same_event_ferry_fire": "ninjs:ferry-fire",
    "same_event_geneva_talks": "seed:000",
    "same_event_drone_strike": "gold:fresh_001",
    "same_event_prisoner_swap": "gold:fresh_003",
}
HAND_EDITED = {
    "edited_port_strike_regional": "page:article",
    "edited_drone_strike_brief": "gold:fresh_001",
    "page:wire_copy": "page:article",
}


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    text_a: str
    text_b: str
    is_copy: bool
    how: str  # the edit that made b from a, or why the pair is a negative


def base_texts() -> dict[str, str]:
    """Every original text by name (bodies after the importer's cleaning)."""
    return dict(_read_base_texts())


@functools.cache
def _read_base_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((REPO_ROOT / "seeds").glob("*.txt")):
        texts[f"seed:{path.name[:3]}"] = _body(path.read_bytes(), path.name)
    for path in sorted((REPO_ROOT / "tests/extract/gold").glob("fresh_*.txt")):
        texts[f"gold:{path.stem}"] = _body(path.read_bytes(), path.name)
    for name in ("article", "wire_copy"):
        data = (HERE / "pages" / f"{name}.html").read_bytes()
        texts[f"page:{name}"] = _body(data, f"{name}.html")
    ferry = read_document((HERE / "ninjs" / "item_1x.json").read_bytes())
    texts["ninjs:ferry-fire"] = ferry.items[0].article.body  # type: ignore[union-attr]
    update = read_document((HERE / "ninjs" / "items_2x.json").read_bytes())
    texts["ninjs:ferry-update"] = update.items[0].article.body  # type: ignore[union-attr]
    for path in sorted((HERE / "copies").glob("*.txt")):
        texts[path.stem] = _body(path.read_bytes(), path.name)
    return texts


def _body(data: bytes, filename: str) -> str:
    document = read_document(data, filename=filename)
    article = document.items[0].article
    assert article is not None
    return article.body


# --- how outlets edit wire copy ----------------------------------------------------

_UK_SPELLING = {
    "percent": "per cent",
    "center": "centre",
    "defense": "defence",
    "organization": "organisation",
    "program": "programme",
    "neighbor": "neighbour",
    "labor": "labour",
    "harbor": "harbour",
    "kilometers": "kilometres",
}
_LOCAL_PARAGRAPHS = (
    "Our correspondent, who has covered the region for a decade, said the mood among "
    "officials in the capital was one of caution, and that few expected a quick change "
    "in the situation before the end of the month.",
    "Readers can follow the latest developments on our website, where we will publish "
    "updates through the day as more information becomes available from officials and "
    "from our reporters on the ground.",
    "The country is home to a large community of expatriates, several of whom contacted "
    "this newspaper on Tuesday to say they were worried about relatives and friends.",
)
_CAPTIONS = (
    "Officials arrive for the meeting on Tuesday morning.",
    "A view of the scene earlier this week. (Jane Doe/Getty Images)",
)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def retitled(text: str, rng: random.Random) -> str:
    """A new headline line above the unchanged text."""
    return "What we know so far\n\n" + text


def trimmed_last(text: str, rng: random.Random) -> str:
    """The last paragraph cut."""
    parts = _paragraphs(text)
    return "\n\n".join(parts[:-1]) if len(parts) > 2 else text


def cut_to_half(text: str, rng: random.Random) -> str:
    """Cut from the bottom to half its paragraphs (at least three)."""
    parts = _paragraphs(text)
    return "\n\n".join(parts[: max(3, len(parts) // 2)])


def caption_added(text: str, rng: random.Random) -> str:
    """A caption, credited or not, dropped among the paragraphs."""
    parts = _paragraphs(text)
    parts.insert(rng.randrange(1, len(parts)), rng.choice(_CAPTIONS))
    return "\n\n".join(parts)


def paragraph_added(text: str, rng: random.Random) -> str:
    """An outlet's own paragraph of context added."""
    parts = _paragraphs(text)
    parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(_LOCAL_PARAGRAPHS))
    return "\n\n".join(parts)


def restyled(text: str, rng: random.Random) -> str:
    """House style: British spelling, no dateline, "said" sometimes "told reporters"."""
    text = re.sub(r"^[A-Z][A-Z ,.]+(?:\([^)]*\))?\s*[-–—]+\s*", "", text)
    for us, uk in _UK_SPELLING.items():
        text = re.sub(rf"\b{us}\b", uk, text)
    count = 0

    def said(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "told reporters" if count % 3 == 0 else match.group(0)

    text = re.sub(r"\bsaid\b", said, text)
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def middle_dropped(text: str, rng: random.Random) -> str:
    """One middle paragraph dropped and two others run together."""
    parts = _paragraphs(text)
    if len(parts) >= 5:
        del parts[rng.randrange(1, len(parts) - 1)]
        i = rng.randrange(0, len(parts) - 1)
        parts[i : i + 2] = [parts[i] + " " + parts[i + 1]]
    return "\n\n".join(parts)


def reordered(text: str, rng: random.Random) -> str:
    """A quote moved up: two paragraphs after the lede change places."""
    parts = _paragraphs(text)
    if len(parts) >= 4:
        i, j = rng.sample(range(1, len(parts)), 2)
        parts[i], parts[j] = parts[j], parts[i]
    return "\n\n".join(parts)


def heavily_edited(text: str, rng: random.Random) -> str:
    """Everything at once: restyled, cut to 60%, a paragraph and a caption added, retitled."""
    parts = _paragraphs(restyled(text, rng))
    text = "\n\n".join(parts[: max(3, round(len(parts) * 0.6))])
    return retitled(caption_added(paragraph_added(text, rng), rng), rng)


EDITS: tuple[Callable[[str, random.Random], str], ...] = (
    retitled,
    trimmed_last,
    cut_to_half,
    caption_added,
    paragraph_added,
    restyled,
    middle_dropped,
    reordered,
    heavily_edited,
)


def labelled_pairs(seed: int = 20260304) -> list[Pair]:
    """All labelled pairs: originals against each other, and mechanical copies."""
    rng = random.Random(seed)
    texts = base_texts()
    group = {name: HAND_EDITED.get(name, name) for name in texts}
    pairs: list[Pair] = []
    for a, b in combinations(sorted(texts), 2):
        same = group[a] == group[b]
        how = "hand-edited copy" if same else _negative_kind(a, b)
        pairs.append(Pair(a, b, texts[a], texts[b], same, how))

    bases = [n for n in sorted(texts) if n not in SAME_EVENT and n not in HAND_EDITED]
    for base in bases:
        same_event = [n for n, of in SAME_EVENT.items() if of == base]
        others = [n for n in bases if n != base]
        for edit in EDITS:
            copy = edit(texts[base], rng)
            name = f"{base}~{edit.__name__}"
            pairs.append(Pair(base, name, texts[base], copy, True, edit.__name__))
            for story in same_event:
                pairs.append(
                    Pair(story, name, texts[story], copy, False, "copy vs same-event story")
                )
            for other in rng.sample(others, 2):
                pairs.append(Pair(other, name, texts[other], copy, False, "copy vs other story"))
    return pairs


def _negative_kind(a: str, b: str) -> str:
    if SAME_EVENT.get(a) == b or SAME_EVENT.get(b) == a:
        return "same event, different story"
    return "different stories"
