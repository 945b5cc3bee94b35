"""Print items per second for each source format and the copy detector's precision/recall.

    python bench/formats_bench.py [SECONDS_PER_FORMAT]

Formats: the seeds' text format, web pages (trafilatura + page metadata), IPTC ninjs
items, and an RSS feed of 200 items (parsing only; fetching is the network's time).
The copy detector is scored on the labelled pairs of tests/ingest/copy_pairs.py, by
its fingerprints (what an import stores and looks up) and, for comparison, by the
exact shingle containment that the fingerprints estimate.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from factcheck.ingest.copies import (  # noqa: E402
    COPY_CONTAINMENT,
    MIN_COMMON_SHINGLES,
    MIN_SHARED_KEYS,
    copy_fingerprint,
    copy_score,
    shingle_hashes,
)
from factcheck.ingest.feeds import parse_feed  # noqa: E402
from factcheck.ingest.ninjs import ninjs_items  # noqa: E402
from factcheck.ingest.parser import parse_article  # noqa: E402
from factcheck.ingest.webpage import parse_html  # noqa: E402
from tests.ingest.copy_pairs import labelled_pairs  # noqa: E402

PAGES = REPO_ROOT / "tests/ingest/pages"
NINJS = REPO_ROOT / "tests/ingest/ninjs"


def rate(label: str, inputs: list[bytes], parse: Callable[[bytes], int], seconds: float) -> None:
    """Parse the inputs round after round for about `seconds`; print items per second."""
    items = rounds = 0
    started = time.perf_counter()
    while True:
        for data in inputs:
            items += parse(data)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    size = rounds * sum(map(len, inputs))
    print(
        f"{label:<34} {items / elapsed:>9,.0f} items/s   "
        f"({items:,} items in {elapsed:.2f}s, {size / elapsed / 1e6:.1f} MB/s)"
    )


def feed_of(count: int) -> bytes:
    """An RSS 2.0 feed of `count` items, shaped like an outlet's."""
    items = "".join(
        f"<item><title>Story number {i} about the port</title>"
        f"<link>https://harbourgazette.example/world/2026/03/04/story-{i}</link>"
        f'<guid isPermaLink="false">harbourgazette-{i}</guid>'
        f"<pubDate>Wed, 04 Mar 2026 07:{i % 60:02d}:00 +0100</pubDate>"
        f"<description>Summary of story {i}: dockworkers, ships and a strike.</description>"
        "</item>"
        for i in range(count)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>The Harbour Gazette</title><link>https://harbourgazette.example/</link>"
        f"{items}</channel></rss>"
    ).encode()


def main() -> None:
    """Throughput per format, then the copy detector's quality and speed."""
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    print(f"## throughput ({seconds:g}s per format)")
    seeds = [p.read_bytes() for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]
    rate("text (seed format)", seeds, lambda d: bool(parse_article(d)), seconds)
    pages = [(PAGES / n).read_bytes() for n in ("article.html", "wire_copy.html")]
    rate("html (trafilatura + metadata)", pages, lambda d: bool(parse_html(d)), seconds)
    ninjs = [(NINJS / n).read_bytes() for n in ("item_1x.json", "items_2x.json")]
    rate(
        "ninjs (articles, 1.x + 2.x)",
        ninjs,
        lambda d: sum(i.article is not None for i in ninjs_items(d)),
        seconds,
    )
    rate(
        "feed parse (RSS, 200 items/feed)",
        [feed_of(200)],
        lambda d: len(parse_feed(d).items),
        seconds,
    )

    print("\n## copy detector (labelled pairs from tests/ingest/copy_pairs.py)")
    pairs = labelled_pairs()
    texts = {t for p in pairs for t in (p.text_a, p.text_b)}
    started = time.perf_counter()
    fingerprints = {t: copy_fingerprint(t) for t in texts}
    elapsed = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    print(
        f"fingerprints: {len(texts)} texts in {elapsed:.2f}s = {len(texts) / elapsed:,.0f} "
        f"texts/s ({words / len(texts):,.0f} words on average)"
    )
    positives = sum(p.is_copy for p in pairs)
    print(
        f"pairs: {len(pairs)} ({positives} copies, {len(pairs) - positives} not); "
        f"copy = containment >= {COPY_CONTAINMENT} and >= {MIN_COMMON_SHINGLES} shingles in common"
    )

    hashes = {t: shingle_hashes(t) for t in texts}

    def exact(a: str, b: str) -> bool:
        common = len(hashes[a] & hashes[b])
        smaller = min(len(hashes[a]), len(hashes[b]))
        return (
            bool(smaller) and common / smaller >= COPY_CONTAINMENT and common >= MIN_COMMON_SHINGLES
        )

    def sketch(a: str, b: str) -> bool:
        return copy_score(fingerprints[a], fingerprints[b]).is_copy

    def candidate(a: str, b: str) -> bool:
        shared = set(fingerprints[a].keys) & set(fingerprints[b].keys)
        return len(shared) >= MIN_SHARED_KEYS and sketch(a, b)

    for label, decide in (
        ("fingerprint (stored sketch)", sketch),
        ("key lookup + fingerprint", candidate),
        ("exact shingle containment", exact),
    ):
        tp = sum(decide(p.text_a, p.text_b) and p.is_copy for p in pairs)
        predicted = sum(decide(p.text_a, p.text_b) for p in pairs)
        precision = tp / predicted if predicted else 0.0
        recall = tp / positives
        print(f"{label:<30} precision {precision:.3f}  recall {recall:.3f}")
        misses = [p for p in pairs if decide(p.text_a, p.text_b) != p.is_copy]
        for p in misses[:5]:
            print(f"   miss: {p.a} / {p.b} ({p.how}, labelled {'copy' if p.is_copy else 'not'})")

    negatives = [p for p in pairs if not p.is_copy]
    looked_up = sum(
        len(set(fingerprints[p.text_a].keys) & set(fingerprints[p.text_b].keys)) >= MIN_SHARED_KEYS
        for p in negatives
    )
    print(
        f"key lookup: {looked_up} of {len(negatives)} non-copy pairs share >= {MIN_SHARED_KEYS} "
        "keys (candidates scored and dropped)"
    )

    by_kind: dict[str, list[float]] = {}
    for p in pairs:
        score = copy_score(fingerprints[p.text_a], fingerprints[p.text_b])
        by_kind.setdefault(p.how, []).append(score.containment)
    print("containment by kind of pair (min / max):")
    for how, values in sorted(by_kind.items()):
        print(f"   {how:<30} {min(values):.2f} / {max(values):.2f}  ({len(values)} pairs)")


if __name__ == "__main__":
    main()
