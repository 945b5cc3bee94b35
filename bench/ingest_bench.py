"""Print how fast parse_article reads the seed articles (python bench/ingest_bench.py [N])."""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from factcheck.ingest import MAX_BYTES, parse_article  # noqa: E402


def main() -> None:
    """Parse every seed N times, then one file near MAX_BYTES, and print the throughput."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seeds = [p.read_bytes() for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]
    if not seeds:
        sys.exit("no seeds found in seeds/")

    started = time.perf_counter()
    for _ in range(rounds):
        for data in seeds:
            parse_article(data)
    elapsed = time.perf_counter() - started
    count = rounds * len(seeds)
    size = rounds * sum(map(len, seeds))
    print(
        f"seeds: {count} articles in {elapsed:.2f}s = {count / elapsed:,.0f} articles/s, "
        f"{size / elapsed / 1e6:.1f} MB/s"
    )

    # The worst case an editor can upload: one file just under the limit.
    big = seeds[0] * (MAX_BYTES // len(seeds[0]) - 1)
    started = time.perf_counter()
    article = parse_article(big)
    elapsed = time.perf_counter() - started
    print(
        f"one {len(big):,}-byte file ({len(article.paragraphs):,} paragraphs) "
        f"in {elapsed:.2f}s = {len(big) / elapsed / 1e6:.1f} MB/s"
    )


if __name__ == "__main__":
    main()
