"""Print items per second for each source format and the copy detector's precision/recall.

    python bench/formats_bench.py [SECONDS_PER_FORMAT]

Three parts: parsing alone per format; the whole importer per source type (a fresh SQLite
database, a local HTTP server for URLs and feeds, suggestions found for each article, copies
looked up, as an editor's import does); the copy detector's precision and recall, by
fingerprint and through the importer's stored keys. Last, parsing stays linear: the time for
50,000 and 200,000 tiny paragraphs.

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


def importer_rates() -> None:
    """Items per second through the importer, per source type, on a fresh SQLite database."""
    import os
    import tempfile
    import threading
    from http.server import ThreadingHTTPServer

    folder = tempfile.mkdtemp(prefix="factcheck-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("SECRET_KEY", "bench-only-key-" + "x" * 40)
    os.environ.pop("REDIS_URL", None)  # jobs run in this process
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()
    import json

    from django.conf import settings
    from django.core.management import call_command

    from factcheck.ledger.models import Article
    from factcheck.ledger.services.articles import file_import, url_import
    from factcheck.ledger.services.jobs import (
        ImportTarget,
        import_job_create,
        import_job_item_run,
        import_job_pending,
        import_job_progress,
    )
    from tests.ingest import conftest as site_module

    call_command("migrate", verbosity=0)
    settings.FETCH_ALLOW_PRIVATE = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), site_module._Handler)
    server.daemon_threads = True
    site = site_module.Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = type("Handler", (site_module._Handler,), {"site": site})
    threading.Thread(target=server.serve_forever, daemon=True).start()

    count = 40
    seed = next((REPO_ROOT / "seeds").glob("000_*.txt")).read_bytes()
    stories = [site_module.story_page(n, site.base) for n in range(1, 1000)]

    def ninjs_item(n: int) -> bytes:
        paragraphs = site_module.story_page(n, site.base).decode().split("<p>")[1:]
        body = "\n\n".join(p.split("</p>")[0] for p in paragraphs)
        item = {
            "uri": f"urn:bench:{n}",
            "type": "text",
            "firstcreated": "2026-03-04T08:00:00Z",
            "headline": f"Story {n}",
            "body_text": body,
        }
        return json.dumps(item).encode()

    def timed(label: str, run: Callable[[int], int], n: int) -> None:
        before = Article.objects.count()
        started = time.perf_counter()
        done = sum(run(i) for i in range(n))
        elapsed = time.perf_counter() - started
        stored = Article.objects.count() - before
        print(
            f"{label:<34} {done / elapsed:>9,.1f} items/s   "
            f"({done} items in {elapsed:.2f}s, {stored} stored)"
        )

    def one(results) -> int:
        return sum(r.status == "imported" for r in results)

    timed(
        "text file",
        lambda i: one(file_import(data=seed + f"\n\nBench note {i}.\n".encode(), name=f"t{i}")),
        count,
    )
    timed(
        "html file (saved page)",
        lambda i: one(file_import(data=stories[i], name=f"h{i}.html")),
        count,
    )
    timed(
        "ninjs item", lambda i: one(file_import(data=ninjs_item(500 + i), name=f"n{i}.json")), count
    )
    timed(
        "URL (local HTTP server)",
        lambda i: one(url_import(url=site.url(f"/story/{100 + i}"))),
        count,
    )

    def feed_run(_: int) -> int:
        job = import_job_create(targets=[ImportTarget(target=site.url("/big-feed.rss"))], label="f")
        queue = import_job_pending(job)
        while queue:
            queue.extend(import_job_item_run(item_id=queue.pop(0)))
        return import_job_progress(job).imported

    timed(f"feed job ({site_module.BIG_FEED_ITEMS} entries, fetched)", feed_run, 1)
    server.shutdown()


def copies_through_the_importer() -> None:
    """Import every text of the labelled pairs; a pair is called a copy when the importer put
    both articles in one story (the same first copy)."""
    from factcheck.ledger.models import Article
    from factcheck.ledger.services.articles import file_import

    pairs = labelled_pairs()
    texts = sorted({t for p in pairs for t in (p.text_a, p.text_b)})
    Article.objects.all().delete()
    article_of: dict[str, int] = {}
    started = time.perf_counter()
    for number, text in enumerate(texts):
        data = f" date 2026-03-01 {text}\n".encode()
        [result] = file_import(data=data, name=f"pair-{number}.txt", source_name=f"Outlet {number}")
        article_of[text] = result.article.pk
    elapsed = time.perf_counter() - started
    roots = {pk: copy_of or pk for pk, copy_of in Article.objects.values_list("pk", "copy_of_id")}

    def same_story(a: str, b: str) -> bool:
        return roots[article_of[a]] == roots[article_of[b]]

    positives = sum(p.is_copy for p in pairs)
    tp = sum(same_story(p.text_a, p.text_b) and p.is_copy for p in pairs)
    predicted = sum(same_story(p.text_a, p.text_b) for p in pairs)
    precision = tp / predicted if predicted else 0.0
    print(
        f"{'through the importer (stored keys)':<30} precision {precision:.3f}  "
        f"recall {tp / positives:.3f}   ({len(texts)} articles imported in {elapsed:.1f}s)"
    )
    for p in [p for p in pairs if same_story(p.text_a, p.text_b) != p.is_copy][:5]:
        print(f"   miss: {p.a} / {p.b} ({p.how}, labelled {'copy' if p.is_copy else 'not'})")


def linear_parsing() -> None:
    """The same tiny paragraph 50,000 and 200,000 times: four times the input, four times the
    time (a quadratic step would make it sixteen)."""
    for shape in ("ab", "AFP"):
        times = []
        for count in (50_000, 200_000):
            data = (" date 2026-03-01 First paragraph.\n\n" + f"{shape}\n\n" * count).encode()
            started = time.perf_counter()
            parse_article(data)
            times.append(time.perf_counter() - started)
        print(
            f"{shape!r:>5} x 50,000: {times[0]:.2f}s   x 200,000: {times[1]:.2f}s   "
            f"ratio {times[1] / times[0]:.1f} (linear: 4)"
        )


if __name__ == "__main__":
    main()
    print("\n## importer, end to end (SQLite, suggestions and copy lookup included)")
    importer_rates()
    print("\n## copy detector through the importer")
    copies_through_the_importer()
    print("\n## parsing stays linear")
    linear_parsing()
