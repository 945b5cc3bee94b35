"""Benchmark of the suggestion engine: precision/recall per kind on the gold files, throughput."""

from __future__ import annotations

import datetime
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "extract" / "gold"

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


def read_article(path: Path) -> tuple[str, datetime.date]:
    """Body (paragraphs joined by a blank line) and published date of a seed-format file."""
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = _HEADER.match(raw)
    if match is None:
        raise ValueError(f"{path}: first line does not start with ' date YYYY-MM-DD '")
    published = datetime.date.fromisoformat(match.group(1))
    rest = raw[match.end() :]
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", rest)]
    return "\n\n".join(p for p in paragraphs if p), published


KINDS = ("actor", "statement", "figure", "date")
_TITLES = re.compile(r"^(?:(?:a|an|the|mr|mrs|ms|dr|sir|dame|gen|col|gov)\.?\s+)+", re.IGNORECASE)


def load_actors(path: Path | None = None) -> list:
    """The actor table of the gold files, as KnownActor records."""
    from factcheck.extract import KnownActor

    rows = json.loads((path or GOLD / "actors.json").read_text(encoding="utf-8"))
    return [
        KnownActor(r["id"], r["name"], tuple(r["aliases"]), r["kind"], r["affiliation"])
        for r in rows
    ]


def _norm(value: str) -> str:
    from factcheck.extract.records import normalise

    return _TITLES.sub("", normalise(value or ""))


def claimants_agree(predicted: str, gold: str) -> bool:
    """Same claimant: equal once folded, or one phrase holding the other ("the person")."""
    a, b = _norm(predicted), _norm(gold)
    return bool(a and b) and (a == b or a in b or b in a)


def agrees(kind: str, pred: dict, gold: dict) -> bool:
    """Strict agreement of a predicted suggestion with a gold item that it overlaps.

    actor: the same table actor (or both new); statement: the claimant; figure: value and
    bound (what is counted is scored as an attribute, since gold and engine name quantities
    in their own words); date: the resolved start and end.
    """
    if kind == "actor":
        return pred.get("actor") == gold.get("actor")
    if kind == "statement":
        return claimants_agree(pred.get("claimant", ""), gold.get("claimant", ""))
    if kind == "figure":
        return _same_value(pred, gold) and pred.get("bound") == gold.get("bound")
    return pred.get("start_date") == gold.get("start_date") and pred.get("end_date") == gold.get(
        "end_date"
    )


def _same_value(pred: dict, gold: dict) -> bool:
    value = pred.get("value")
    return value is not None and abs(float(value) - float(gold["value"])) < 1e-6 * max(
        1.0, abs(gold["value"])
    )


def _quantity_words(name: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", (name or "").lower().replace("_", " ")))
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


# Attributes compared on every overlapping pair (gold item, first overlapping prediction).
ATTRIBUTES = {
    "actor": {
        "actor": lambda p, g: p.get("actor") == g.get("actor"),
        "actor_kind": lambda p, g: (
            "actor_kind" not in g or p.get("actor_kind") == g.get("actor_kind")
        ),
    },
    "statement": {
        "claimant": lambda p, g: claimants_agree(p.get("claimant", ""), g.get("claimant", ""))
    },
    "figure": {
        "value": _same_value,
        "bound": lambda p, g: p.get("bound") == g.get("bound"),
        # Same key, or a shared word ("people_killed" ~ "people", "aid trucks" ~ "trucks").
        "quantity": lambda p, g: (
            p.get("quantity") == g.get("quantity")
            or bool(_quantity_words(p.get("quantity", "")) & _quantity_words(g.get("quantity", "")))
        ),
        "unit": lambda p, g: (p.get("unit") or "") == (g.get("unit") or ""),
    },
    "date": {
        "resolved": lambda p, g: (
            (p.get("start_date"), p.get("end_date")) == (g.get("start_date"), g.get("end_date"))
        )
    },
}
ACTOR_KINDS = ("person", "organisation", "government", "armed_group")


def _overlaps(p: dict, g: dict) -> bool:
    return p["start"] < g["end"] and g["start"] < p["end"]


def score(predicted: list[dict], gold: list[dict]) -> dict:
    """Per kind: true positives, counts, attribute agreement, and what was missed or extra."""
    result = {}
    for kind in KINDS:
        preds = [p for p in predicted if p["kind"] == kind]
        golds = [g for g in gold if g["kind"] == kind]
        used: set[int] = set()
        missed = []
        for g in golds:
            for i, p in enumerate(preds):
                if i not in used and _overlaps(p, g) and agrees(kind, p, g):
                    used.add(i)
                    break
            else:
                missed.append(g)
        extra = [p for i, p in enumerate(preds) if i not in used]
        attrs = {name: [0, 0] for name in ATTRIBUTES[kind]}
        for g in golds:
            pair = next((p for p in preds if _overlaps(p, g)), None)
            if pair is None:
                continue
            for name, same in ATTRIBUTES[kind].items():
                attrs[name][0] += bool(same(pair, g))
                attrs[name][1] += 1
        row = {"tp": len(used), "pred": len(preds), "gold": len(golds),
               "missed": missed, "extra": extra, "attrs": attrs}  # fmt: skip
        if kind == "actor":
            row["by_kind"] = _actor_kinds(preds, golds, used)
        result[kind] = row
    return result


def _actor_kinds(preds: list[dict], golds: list[dict], used: set[int]) -> dict:
    """Recall per gold kind; precision per predicted kind (when the engine names one)."""
    rows = {}
    hit_gold = set()
    taken: set[int] = set()
    for gi, g in enumerate(golds):
        for i, p in enumerate(preds):
            if i not in taken and _overlaps(p, g) and agrees("actor", p, g):
                taken.add(i)
                hit_gold.add(gi)
                break
    for k in ACTOR_KINDS:
        gold_k = [gi for gi, g in enumerate(golds) if g.get("actor_kind") == k]
        pred_k = [i for i, p in enumerate(preds) if _kind_of(p) == k]
        rows[k] = {
            "gold": len(gold_k),
            "gold_tp": sum(1 for gi in gold_k if gi in hit_gold),
            "pred": len(pred_k),
            "pred_tp": sum(1 for i in pred_k if i in taken),
        }
    return rows


def _new_body(pred: dict) -> bool:
    return pred["kind"] == "actor" and pred["actor"] is None and pred["actor_kind"] != "person"


def _kind_of(pred: dict) -> str:
    kind = pred.get("actor_kind") or ""
    return {"country": "government", "armed_force": "armed_group"}.get(kind, kind)


def _merge(totals: dict, scored: dict) -> None:
    for kind, row in scored.items():
        t = totals.setdefault(kind, {"tp": 0, "pred": 0, "gold": 0, "missed": [], "extra": [],
                                     "attrs": {}, "by_kind": {}})  # fmt: skip
        for key in ("tp", "pred", "gold"):
            t[key] += row[key]
        t["missed"] += row["missed"]
        t["extra"] += row["extra"]
        for name, (ok, n) in row["attrs"].items():
            acc = t["attrs"].setdefault(name, [0, 0])
            acc[0] += ok
            acc[1] += n
        for k, counts in row.get("by_kind", {}).items():
            acc = t["by_kind"].setdefault(k, dict.fromkeys(counts, 0))
            for key, value in counts.items():
                acc[key] += value


def _ratios(totals: dict) -> dict:
    for row in totals.values():
        row["precision"] = row["tp"] / row["pred"] if row["pred"] else 1.0
        row["recall"] = row["tp"] / row["gold"] if row["gold"] else 1.0
    return totals


def throughput(bodies: list[tuple[str, datetime.date]], actors: list, seconds: float = 1.5) -> dict:
    """Articles of 800 words analysed per second on one core (single process, warm caches).

    The rate is taken from the process's CPU time, so other jobs on a shared machine do not
    lower it; the wall-clock rate is reported next to it.
    """
    from factcheck.extract import suggest

    words = sum(len(body.split()) for body, _ in bodies)
    for body, published in bodies[:1]:
        suggest(body, published=published, actors=actors)  # compile the table's matchers once
    runs = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while time.process_time() - cpu < seconds:
        for body, published in bodies:
            suggest(body, published=published, actors=actors)
        runs += 1
    cpu_used, wall_used = time.process_time() - cpu, time.perf_counter() - wall
    words_per_second = words * runs / cpu_used
    return {
        "words_per_second": words_per_second,
        "articles_800_per_second": words_per_second / 800,
        "articles_800_per_second_wall": words * runs / wall_used / 800,
    }


GROUPS = {
    "seed": "seed articles",
    "fresh": "earlier gold",
    "tuning": "new tuning set",
    "blind": "blind set of 2026-12-03 (scored once, then read)",
    "final": "final blind set (written 2026-12-03 after the tuning)",
    "final2": "second final blind set (written before the third round of rules, scored once)",
    "final3": "third final blind set (written before the fourth round of rules, scored once)",
    "final4": "fourth final blind set (written by an author who never read the rules; held out)",
    "final5": "fifth final blind set (written by an author who never read the rules; held out)",
}


def gold_paths(
    blind: bool = True,
    final2: bool = True,
    final3: bool = False,
    final4: bool = False,
    final5: bool = False,
) -> list[Path]:
    """The gold files: seeds, earlier gold, the tuning set and (unless left out) the blind sets.

    final3, final4 and final5 are left out unless asked for: final4 and final5 are scored once,
    after the rules are final.
    """
    paths = sorted(GOLD.glob("*_*.json")) + sorted((GOLD / "tuning").glob("tune_*.json"))
    if blind:
        paths += sorted((GOLD / "blind").glob("blind_*.json"))
        paths += sorted((GOLD / "final").glob("final_*.json"))
    if final2:
        paths += sorted((GOLD / "final2").glob("final2_*.json"))
    if final3:
        paths += sorted((GOLD / "final3").glob("final3_*.json"))
    if final4:
        paths += sorted((GOLD / "final4").glob("final4_*.json"))
    if final5:
        paths += sorted((GOLD / "final5").glob("final5_*.json"))
    return paths


def _group(name: str) -> str:
    prefix = name.split("_")[0]
    return {"tune": "tuning"}.get(prefix, prefix)


def run(paths: list[Path] | None = None) -> dict:
    """Score the engine on gold files (kept apart by group) and time it."""
    from factcheck.extract import suggest

    paths = sorted(paths or gold_paths())
    actors = load_actors()
    groups: dict[str, dict] = {}
    articles: dict[str, list[str]] = {}
    bodies = []
    for path in paths:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        body, published = read_article(ROOT / doc["source"])
        bodies.append((body, published))
        predicted = [s.as_dict() for s in suggest(body, published=published, actors=actors)]
        if not any("actor_kind" in item for item in doc["items"]):
            # Older gold annotates table actors and people only: new bodies are not scored there.
            predicted = [p for p in predicted if not _new_body(p)]
        group = _group(doc["article"])
        articles.setdefault(group, []).append(doc["article"])
        scored = score(predicted, doc["items"])
        for row in scored.values():
            for item in row["missed"] + row["extra"]:
                item["article"] = doc["article"]
        _merge(groups.setdefault(group, {}), scored)
    report = {group: _ratios(totals) for group, totals in groups.items()}
    report["articles"] = articles
    report["throughput"] = throughput(bodies, actors)
    report["throughput_large_table"] = throughput(bodies, actors + synthetic_actors(3000))
    return report


def synthetic_actors(n: int) -> list:
    """An actor table of n made-up people and organisations (for timing a newsroom-size table)."""
    from factcheck.extract import KnownActor

    first = ["Anna", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
    last = ["Abbot", "Bakr", "Castel", "Dorn", "Ekwueme", "Falk", "Gruber", "Hale", "Ivers", "Jaro"]
    rows = []
    for i in range(n):
        suffix = f"{i:04d}".translate(str.maketrans("0123456789", "abcdefghij"))
        if i % 3:
            name = f"{first[i % 10]} {last[(i // 10) % 10]}{suffix}"
            rows.append(KnownActor(10_000 + i, name, (f"Mr {name.split()[1]}",), "person", ""))
        else:
            name = f"Council of {last[i % 10]}{suffix}"
            rows.append(KnownActor(10_000 + i, name, (f"C{suffix.upper()}",), "organisation", ""))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print precision, recall and attribute agreement per kind and group, then throughput."""
    argv = sys.argv[1:] if argv is None else argv
    verbose = "-v" in argv
    blind = "--no-blind" not in argv  # leave the blind set out while working on rules
    final2 = "--no-final2" not in argv  # scored once on 2026-12-03 (see the gold README)
    final3 = "--final3" in argv  # scored once on 2026-12-03 (see the gold README)
    final4 = "--final4" in argv  # held out: scored once, after the rules are final
    final5 = "--final5" in argv  # held out: scored once, after the rules are final
    paths = [Path(a) for a in argv if not a.startswith("-")] or gold_paths(
        blind, final2, final3, final4, final5
    )
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    report = run(paths)
    for group, label in GROUPS.items():
        if group not in report:
            continue
        names = report["articles"][group]
        print(f"{label} ({len(names)} articles: {', '.join(names)})")
        print(f"  {'kind':<13} {'precision':>9} {'recall':>7} {'tp':>4} {'pred':>5} {'gold':>5}"
              "   attribute agreement on overlapping pairs")  # fmt: skip
        for kind in KINDS:
            row = report[group][kind]
            attrs = "  ".join(f"{name} {ok / n:.3f}" for name, (ok, n) in row["attrs"].items() if n)
            print(f"  {kind:<13} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['tp']:>4} "
                  f"{row['pred']:>5} {row['gold']:>5}   {attrs}")  # fmt: skip
            if kind == "actor":
                for k, c in row["by_kind"].items():
                    if not c["gold"] and not c["pred"]:
                        continue
                    p = f"{c['pred_tp'] / c['pred']:.3f}" if c["pred"] else "  n/a"
                    r = f"{c['gold_tp'] / c['gold']:.3f}" if c["gold"] else "n/a"
                    print(f"    {k:<11} {p:>9} {r:>7}      {c['pred']:>5} {c['gold']:>5}")
            if verbose:
                for item in row["missed"]:
                    print(f"      missed {item['article']}: {_describe(kind, item)}")
                for item in row["extra"]:
                    print(f"      extra  {item['article']}: {_describe(kind, item)}")
    for key, label in (("throughput", "gold table"), ("throughput_large_table", "+3,000 actors")):
        t = report[key]
        rate, wall = t["articles_800_per_second"], t["articles_800_per_second_wall"]
        print(
            f"throughput ({label}): {t['words_per_second']:.0f} words/s of CPU time = {rate:.1f} "
            f"articles of 800 words per second on one core ({wall:.1f}/s by the wall clock)"
        )
    return 0


def _describe(kind: str, item: dict) -> str:
    text = item["text"] if len(item["text"]) < 70 else item["text"][:67] + "..."
    attrs = {
        "actor": ("actor", "actor_kind"),
        "statement": ("claimant",),
        "figure": ("quantity", "value", "bound", "unit"),
        "date": ("start_date", "end_date"),
    }[kind]
    return f"{text!r} " + " ".join(f"{a}={item.get(a)!r}" for a in attrs)


if __name__ == "__main__":
    raise SystemExit(main())
