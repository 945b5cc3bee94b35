"""Uncached latency of every public page, and of searches for words matching many claims.

Every request renders its page afresh (the cache is emptied before each), through the whole
Django stack in this process, against the database given; p50 and p95 over --rounds requests.
No load tool, no queue: on a shared machine this is the figure that moves least with the load.

    .venv/bin/python bench/page_latency.py [--database-url URL] [--rounds 20] [--explain]

The pages are the scale bench's (its busiest actor, event, series and topic, a mid claim); the
search words default to two the corpus uses in thousands of claims, a rarer one and an absent
one. --explain prints the plan of each search's slowest query.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, math.ceil(len(times) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/fc_scale_bench"
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--words", default="drones,missiles,ceasefire,zzyzzx")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DATABASE_URL=args.database_url,
        SECRET_KEY=os.environ.get("SECRET_KEY") or "page-latency-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        PUBLIC_CLOCK_CACHED="false",
        TESTING="true",  # static files from the apps, no collectstatic needed
        REDIS_URL="",
    )
    django.setup()
    from django.contrib.postgres.search import SearchQuery
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.scale_bench import corpus_picks, page_paths
    from factcheck.ledger.models import Claim
    from factcheck.ledger.querysets import SEARCH_CONFIG, StoredSearchVector

    client = Client()

    def timed(url: str) -> list[float]:
        client.get(url)  # connections, templates and code warm
        times = []
        for _ in range(args.rounds):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        return times

    picks = corpus_picks()
    print(
        f"{picks['total']:,} published claims; {args.rounds} uncached requests each; "
        f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )
    print("| page | p50 ms | p95 ms |\n| --- | ---: | ---: |")
    for name, path in page_paths(picks).items():
        p50, p95 = percentiles(timed(path))
        print(f"| {name} | {p50:.0f} | {p95:.0f} |", flush=True)

    print("\n| search | matching published claims | p50 ms | p95 ms |")
    print("| --- | ---: | ---: | ---: |")
    for word in args.words.split(","):
        query = SearchQuery(word, search_type="websearch", config=SEARCH_CONFIG)
        matches = (
            Claim.objects.published()
            .alias(document=StoredSearchVector())
            .filter(document=query)
            .count()
        )
        url = f"/search/?q={word}"
        p50, p95 = percentiles(timed(url))
        print(f"| `{word}` | {matches:,} | {p50:.0f} | {p95:.0f} |", flush=True)
        if args.explain:
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + slowest["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
