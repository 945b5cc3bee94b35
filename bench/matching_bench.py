"""Claim matching and check-worthiness, measured on the labelled sets in tests/ledger/matching/.

    .venv/bin/python bench/matching_bench.py            # tuning part only
    .venv/bin/python bench/matching_bench.py --blind    # the old blind part (development now)
    .venv/bin/python bench/matching_bench.py --part blind2   # another part (blind2: score it once)
    .venv/bin/python bench/matching_bench.py -v         # list every wrong pair
    .venv/bin/python bench/matching_bench.py --curve    # precision and recall by threshold
    .venv/bin/python bench/matching_bench.py --worth first second   # both worth sets

Prints precision and recall of "is a repeat" (the relation is corroborates or
same_event_different_figure), the accuracy of the suggested relation over the pairs an editor
would link, and per-relation counts. Each sentence is read by the extraction engine with the
set's actor table, exactly as imported copy is. With ``--timing`` it also times the database matcher
against the claims of the configured database (``DATABASE_URL``; see README).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from factcheck import extract  # noqa: E402
from factcheck.ledger.checkworthiness import check_worthiness  # noqa: E402
from factcheck.ledger.matching.probes import statement_from_text  # noqa: E402
from factcheck.ledger.matching.scoring import (  # noqa: E402
    REPEAT_RELATIONS,
    REPEAT_THRESHOLD,
    compare,
)
from factcheck.ledger.spans import sentence_bounds  # noqa: E402

DATA = ROOT / "tests" / "ledger" / "matching" / "data"
GOLD = ROOT / "tests" / "extract" / "gold"
TOP = int(os.environ.get("WORTH_TOP", "10"))
SLOW_MS = 100


def actor_table() -> list[extract.KnownActor]:
    rows = tomllib.loads((DATA / "actors.toml").read_text())["actors"]
    return [
        extract.KnownActor(id=i, name=row["name"], aliases=tuple(row["aliases"]))
        for i, row in enumerate(rows, start=1)
    ]


def pairs(part: str):
    groups = tomllib.loads((DATA / f"{part}.toml").read_text())["group"]
    for group in groups:
        for probe in group["probes"]:
            yield group["beat"], group["claim"], probe


def statement(entry: dict, actors):
    return statement_from_text(
        entry["text"],
        published=dt.date.fromisoformat(entry["date"]),
        actors=actors,
        origin=entry["outlet"],
    )


TARGET_PRECISION, TARGET_RECALL = 0.9, 0.8


def threshold_curve(part: str) -> None:
    """Precision and recall of "is a repeat" at each threshold on a part, and the threshold
    that leaves the most room to both targets (the smaller of the two margins is largest)."""
    actors = actor_table()
    rows = []
    for _, claim, probe in pairs(part):
        match = compare(statement(probe, actors), statement(claim, actors))
        related = bool(match and match.relation in REPEAT_RELATIONS)
        rows.append((probe["relation"] in REPEAT_RELATIONS, related, match.score if match else 0))
    print(f"\n{part}: is a repeat by threshold (relation corroborates or a different figure)")
    print("  threshold  precision  recall  false repeats  missed")
    best = None
    for threshold in [t / 100 for t in range(45, 71)]:
        tp = sum(gold and related and score >= threshold for gold, related, score in rows)
        fp = sum(not gold and related and score >= threshold for gold, related, score in rows)
        fn = sum(gold for gold, _, _ in rows) - tp
        precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn)
        room = min(precision - TARGET_PRECISION, recall - TARGET_RECALL)
        if best is None or room > best[0]:
            best = (room, threshold)
        print(f"  {threshold:9.2f}  {precision:9.3f}  {recall:6.3f}  {fp:13}  {fn:6}")
    print(
        f"  most room to both targets (precision {TARGET_PRECISION}, recall {TARGET_RECALL}): "
        f"{best[1]:.2f} (margin {best[0]:+.3f}); the matcher uses {REPEAT_THRESHOLD}"
    )


def score_part(part: str, verbose: bool) -> None:
    actors = actor_table()
    tp = fp = fn = tn = 0
    related = right = 0
    confusion: collections.Counter = collections.Counter()
    by_beat: collections.Counter = collections.Counter()
    started = time.perf_counter()
    count = 0
    for beat, claim, probe in pairs(part):
        count += 1
        by_beat[beat] += 1
        match = compare(statement(probe, actors), statement(claim, actors))
        predicted = match.relation if match else "none"
        repeat = bool(match and match.repeat)
        gold = probe["relation"]
        gold_repeat = gold in REPEAT_RELATIONS
        tp += repeat and gold_repeat
        fp += repeat and not gold_repeat
        fn += gold_repeat and not repeat
        tn += not repeat and not gold_repeat
        if gold != "none":
            related += 1
            right += predicted == gold
        confusion[(gold, predicted)] += 1
        if verbose and (repeat != gold_repeat or (gold != "none" and predicted != gold)):
            print(
                f"  gold {gold:28} got {predicted:28} score {match.score if match else 0:.2f}"
                f"\n    claim: {claim['text']}\n    probe: {probe['text']}"
                + (f"\n    why: {match.reason}" if match else "")
            )
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\n{part}: {count} pairs, {len(by_beat)} beats ({', '.join(sorted(by_beat))})")
    print(
        f"  is a repeat: precision {precision:.3f}  recall {recall:.3f}"
        f"  (tp {tp} fp {fp} fn {fn} tn {tn})"
    )
    print(f"  relation right on related pairs: {right}/{related} = {right / related:.3f}")
    print("  gold → predicted:")
    for (gold, predicted), n in sorted(confusion.items()):
        print(f"    {gold:28} → {predicted:28} {n}")
    print(f"  {elapsed * 1000 / count:.2f} ms per pair (engine on both sentences + comparison)")


WORTH_SETS = {
    # the first set labels articles of the extraction gold set; the second, written later,
    # its own articles (labelled before the rule was changed, scored once afterwards)
    "first": (DATA / "worth_labels.toml", (GOLD, GOLD / "tuning")),
    "second": (DATA / "worth_labels_new.toml", (DATA / "worth_articles",)),
}


def score_worth(name: str, verbose: bool) -> None:
    """Precision of the top 10 statements and figures per article by check-worthiness."""
    labels, folders = WORTH_SETS[name]
    rows = json.loads((GOLD / "actors.json").read_text(encoding="utf-8"))
    actors = [
        extract.KnownActor(r["id"], r["name"], tuple(r["aliases"]), r["kind"], r["affiliation"])
        for r in rows
    ]
    articles = tomllib.loads(labels.read_text())["article"]
    print(
        f"\ncheck-worthiness, {name} set: precision of the top {TOP} per article "
        f"({len(articles)} articles)"
    )
    total_hits = total_shown = 0
    for entry in articles:
        path = next(f / entry["file"] for f in folders if (f / entry["file"]).exists())
        header, _, body = path.read_text(encoding="utf-8").partition(" date ")[2].partition(" ")
        published = dt.date.fromisoformat(header)
        found = [
            s
            for s in extract.suggest(body, published=published, actors=actors)
            if s.kind in ("statement", "figure")
        ]
        scored = []
        for item in found:
            left, right = sentence_bounds(body, item.start, item.end)
            data = item.as_dict()
            worth = check_worthiness(
                kind=item.kind,
                sentence=body[left:right],
                data=data,
                claimant_known=bool(data.get("claimant_id")),
            )
            scored.append((worth.score, f"{item.kind[0]}{item.start}", item.text, worth.reasons))
        scored.sort(key=lambda row: (-row[0], row[1]))
        wanted = set(entry["worth"])
        top = scored[:TOP]
        hits = sum(key in wanted for _, key, _, _ in top)
        total_hits, total_shown = total_hits + hits, total_shown + len(top)
        print(
            f"  {entry['file']:14} {hits}/{len(top)} = {hits / len(top):.2f}"
            f"  ({len(wanted)} of {len(scored)} labelled worth checking)"
        )
        if verbose:
            for score, key, text, reasons in top:
                mark = "+" if key in wanted else "-"
                print(f"    {mark} {score:.2f} {key:6} {text[:70]!r} {'; '.join(reasons)}")
    print(f"  overall: {total_hits}/{total_shown} = {total_hits / total_shown:.3f}")


def time_database(rounds: int) -> None:
    """Time the database matcher on the configured database (PostgreSQL for the target)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from factcheck.ledger.matching import claims_matching, claims_matching_each
    from factcheck.ledger.models import Claim

    total = Claim.objects.count()
    sentences = [p["text"] for _, _, p in pairs("tuning")][:40]
    sample = Claim.objects.order_by("?").values_list("exact", flat=True)[:40]
    sentences += [text[:300] for text in sample]
    probes = [statement_from_text(text, published=dt.date(2026, 2, 17)) for text in sentences]
    queryset = Claim.objects.with_related()
    for probe in probes[:5]:
        claims_matching(queryset, probe)  # warm the connection and the caches
    times, cpu, database = [], [], []
    slow: dict[str, float] = {}
    for _ in range(rounds):
        for text, probe in zip(sentences, probes, strict=True):
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                claims_matching(queryset, probe, limit=10)
                cpu.append((time.process_time() - started_cpu) * 1000)
                times.append((time.perf_counter() - started) * 1000)
            database.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
            if times[-1] > SLOW_MS:
                slow[text] = max(slow.get(text, 0.0), times[-1])

    def line(name: str, values: list[float]) -> str:
        values = sorted(values)
        median, p90 = values[len(values) // 2], values[int(len(values) * 0.9)]
        p99 = values[int(len(values) * 0.99)]
        return (
            f"  {name:28} median {median:6.1f} ms   p90 {p90:6.1f} ms   p99 {p99:6.1f} ms"
            f"   max {values[-1]:6.1f} ms"
        )

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\ndatabase matcher on {connection.vendor}, {total:,} claims, {len(probes)} sentences "
        f"× {rounds} (load average {load:.1f} on {os.cpu_count()} cores):"
    )
    print(line("wall clock", times))
    print(line("of which database queries", database))
    print(line("this process's CPU", cpu))
    for text, elapsed in sorted(slow.items(), key=lambda item: -item[1]):
        print(f"  over {SLOW_MS} ms: {elapsed:6.1f} ms  {text[:100]}")
    batch = []
    for _ in range(rounds):
        for start in range(0, len(probes), 20):
            started = time.perf_counter()
            claims_matching_each(queryset, probes[start : start + 20], limit=1)
            batch.append((time.perf_counter() - started) * 1000 / 20)
    print(line("per sentence, 20 at once", batch) + "  (as an import does)")


def retrieval_at_scale() -> None:
    """Plant the tuning claims among the database's claims (rolled back afterwards) and count
    how often the database matcher puts the planted claim first for each of its repeats."""
    import hashlib

    from django.db import transaction

    from factcheck.ledger.matching import claims_matching
    from factcheck.ledger.models import Article, Claim, Measurement, Source

    class Rollback(Exception):
        pass

    actors = actor_table()
    found = total = 0
    try:
        with transaction.atomic():
            source = Source.objects.create(name="Matching bench")
            planted = []
            for n, group in enumerate(tomllib.loads((DATA / "tuning.toml").read_text())["group"]):
                text = group["claim"]["text"]
                article = Article.objects.create(
                    source=source,
                    title=text[:80],
                    published=dt.date.fromisoformat(group["claim"]["date"]),
                    body=text,
                    paragraphs=[[0, len(text)]],
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    origin=f"matching-bench-{n}",
                )
                claim = Claim.objects.create(
                    article=article, start=0, end=len(text), exact=text, status="published"
                )
                for figure in statement(group["claim"], actors).figures:
                    if figure.value < 0:  # the ledger keeps no negative figure (minus 18C)
                        continue
                    Measurement.objects.create(
                        claim=claim,
                        quantity=figure.quantity[:60],
                        value=figure.value,
                        bound=figure.bound,
                        unit=figure.unit[:20],
                    )
                planted.append((claim, group))
            for claim, group in planted:
                for probe in group["probes"]:
                    if probe["relation"] not in REPEAT_RELATIONS:
                        continue
                    total += 1
                    best = claims_matching(Claim.objects.all(), statement(probe, actors), limit=1)
                    found += bool(best) and best[0].claim.pk == claim.pk
            raise Rollback
    except Rollback:
        pass
    print(
        f"  repeats whose tracked claim comes first among {Claim.objects.count():,} claims: "
        f"{found}/{total} = {found / total:.3f} (the tuning claims planted, then rolled back)"
    )


def load_wordllama():
    """wordllama's default model from the weights inside its package. 0.4.0.post1 looks for its
    tokenizer in ``wordllama/tokenizer/`` but ships it in ``wordllama/tokenizers/``, then tries
    to download it; pointing the cache at the package finds the shipped file, offline."""
    # Imported here: wordllama is an optional extra of the bench, not of the app.
    import wordllama

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def _figures(rows: list[tuple[str, str, bool, float, str]], repeat_at) -> tuple:
    """Precision and recall of "is a repeat" and relation accuracy for a decision rule."""
    tp = fp = fn = related = right = 0
    for gold, relation, lexical_repeat, sim, score in rows:
        predicted_relation, repeat = repeat_at(relation, lexical_repeat, sim, score)
        gold_repeat = gold in REPEAT_RELATIONS
        tp += repeat and gold_repeat
        fp += repeat and not gold_repeat
        fn += gold_repeat and not repeat
        if gold != "none":
            related += 1
            right += predicted_relation == gold
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, right, related


def _f1(figures: tuple) -> float:
    precision, recall = figures[0], figures[1]
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def compare_wordllama() -> None:
    """The lexical matcher, wordllama's similarity alone, and the matcher with wordllama's
    similarity blended into its score, side by side (thresholds and weight chosen on the
    tuning part, then applied to the blind part once)."""
    import resource

    actors = actor_table()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    model = load_wordllama()
    loaded = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    parts, embed_times = {}, []
    for part in ("tuning", "blind"):
        rows = []
        for _, claim, probe in pairs(part):
            match = compare(statement(probe, actors), statement(claim, actors))
            t = time.perf_counter()
            vectors = model.embed([probe["text"], claim["text"]], norm=True)
            embed_times.append((time.perf_counter() - t) * 1000 / 2)
            sim = float(vectors[0] @ vectors[1])
            rows.append(
                (
                    probe["relation"],
                    match.relation if match else "none",
                    bool(match and match.repeat),
                    sim,
                    match.score if match else 0.0,
                )
            )
        parts[part] = rows

    def lexical(relation, repeat, sim, score):
        return relation, repeat

    def alone(threshold):
        def rule(relation, repeat, sim, score):
            return ("corroborates" if sim >= threshold else "none"), sim >= threshold

        return rule

    def blended(weight, threshold):
        def rule(relation, repeat, sim, score):
            if relation == "none" and sim >= threshold:
                relation = "corroborates"
            mixed = (1 - weight) * score + weight * sim
            return relation, mixed >= threshold and relation in REPEAT_RELATIONS

        return rule

    grid = [t / 100 for t in range(30, 96)]
    best_alone = max(grid, key=lambda t: (_f1(_figures(parts["tuning"], alone(t))), t))
    best_blend = max(
        ((w / 10, t) for w in range(1, 6) for t in grid),
        key=lambda wt: (_f1(_figures(parts["tuning"], blended(*wt))), -wt[0]),
    )
    # The control: the matcher's own score with its threshold chosen the same way, so (c) shows
    # what the similarity adds, not what a lower threshold does.
    best_own = max(grid, key=lambda t: (_f1(_figures(parts["tuning"], blended(0, t))), t))
    rules = [
        ("(a) lexical matcher", lexical),
        (f"(a') lexical matcher, repeat at >= {best_own:.2f}", blended(0, best_own)),
        (f"(b) wordllama alone, repeat at cosine >= {best_alone:.2f}", alone(best_alone)),
        (
            f"(c) matcher + wordllama, {1 - best_blend[0]:.1f} x score + {best_blend[0]:.1f} x "
            f"cosine >= {best_blend[1]:.2f}",
            blended(*best_blend),
        ),
    ]
    print("\n| rule | part | precision | recall | relation right |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, rule in rules:
        for part, rows in parts.items():
            precision, recall, right, related = _figures(rows, rule)
            print(
                f"| {name} | {part} | {precision:.3f} | {recall:.3f} | "
                f"{right}/{related} = {right / related:.3f} |"
            )
    embed_times.sort()
    print(
        f"\nwordllama: loaded in {loaded:.2f} s, resident memory +{grown:.0f} MB; "
        f"embedding one sentence: median {embed_times[len(embed_times) // 2]:.3f} ms "
        f"(load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="store_true", help="score the blind part too")
    parser.add_argument(
        "--part",
        action="append",
        default=[],
        help="score another part too, by its file name in the data folder without .toml "
        "(a new blind part: score it once)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong pairs")
    parser.add_argument(
        "--timing", action="store_true", help="time the matcher on the configured database"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--curve", action="store_true", help="precision and recall by threshold on the tuning part"
    )
    parser.add_argument(
        "--worth",
        nargs="*",
        choices=sorted(WORTH_SETS),
        default=["first"],
        help="check-worthiness sets to score (default: the first; score the second once)",
    )
    parser.add_argument(
        "--wordllama",
        action="store_true",
        help="compare with wordllama's similarity (pip install 'wordllama>=0.4,<0.5')",
    )
    args = parser.parse_args()
    score_part("tuning", args.verbose)
    if args.curve:
        threshold_curve("tuning")
    if args.blind:
        score_part("blind", False)
    for part in args.part:
        score_part(part, False)
    for name in args.worth:
        score_worth(name, args.verbose)
    if args.wordllama:
        compare_wordllama()
    if args.timing:
        time_database(args.rounds)
        retrieval_at_scale()


if __name__ == "__main__":
    main()
