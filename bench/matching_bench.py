"""Claim matching and check-worthiness, measured on the labelled sets in tests/ledger/matching/.

    .venv/bin/python bench/matching_bench.py            # tuning part only
    .venv/bin/python bench/matching_bench.py --blind    # the blind part (score it once)
    .venv/bin/python bench/matching_bench.py -v         # list every wrong pair

Prints precision and recall of "is a repeat" (the relation is corroborates or
same_event_different_figure), the accuracy of the suggested relation over the pairs an editor
would link, and per-relation counts. Each sentence is read by the extraction engine with the
set's actor table, exactly as imported copy is. With ``--timing DATABASE_URL`` it also times the
database matcher against the claims of that database (see README).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
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
from factcheck.ledger.matching.probes import statement_from_text  # noqa: E402
from factcheck.ledger.matching.scoring import REPEAT_RELATIONS, compare  # noqa: E402

DATA = ROOT / "tests" / "ledger" / "matching" / "data"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="store_true", help="score the blind part too")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong pairs")
    args = parser.parse_args()
    score_part("tuning", args.verbose)
    if args.blind:
        score_part("blind", False)


if __name__ == "__main__":
    main()
