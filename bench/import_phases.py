"""Where an import's CPU goes: ``manage.py import_articles`` in this process, phase by phase.

    .venv/bin/python bench/import_phases.py [--articles 40] [--actors 3000]
        [--database-url postgres://postgres@127.0.0.1:5432/fc_import_bench]

Builds the same database and news copy as ``import_bench.py`` (a temporary SQLite file by
default; a PostgreSQL URL names a database that is dropped and created again), imports a few
articles first (so the actor table is read and compiled before measuring, as in a long
import), then imports ``--articles`` more and prints, per article, the CPU time of the whole
import and of its phases: the extraction engine, storing the suggestions, matching them
against the tracked claims (the lookups, their candidates and the scorer) and the rest of
their assessment (building the probes, check-worthiness, saving it). The phases are timed by
wrapping the services' functions, without a profiler, so the figures are a plain import's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_bench import SECRET, fresh_database, newsroom, write_news  # noqa: E402


def timed(module, name: str, spent: dict[str, float], label: str) -> None:
    """Replace ``module.name`` by a wrapper adding its CPU time to ``spent[label]``."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default a temp SQLite")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="import-phases-") as tmp:
        workdir = Path(tmp)
        url = fresh_database(args.database_url, workdir)
        os.environ.update(DATABASE_URL=url, DEBUG="false", SECRET_KEY=SECRET)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from factcheck.ledger.services import repeats, suggestions

        quiet = open(os.devnull, "w")  # noqa: SIM115
        call_command("migrate", verbosity=0)
        newsroom(args.actors)
        warm, measured = workdir / "warm", workdir / "measured"
        warm.mkdir()
        measured.mkdir()
        write_news(warm, 5, seed=3)
        write_news(measured, args.articles, seed=1)
        call_command("import_articles", str(warm), stdout=quiet)

        spent: dict[str, float] = defaultdict(float)
        timed(suggestions, "suggestions_find", spent, "engine")
        timed(suggestions, "_suggestions_insert", spent, "storing suggestions")
        timed(suggestions, "suggestions_assess", spent, "assessing them")
        timed(repeats, "claims_matching_each", spent, "matching")
        started = time.process_time()
        call_command("import_articles", str(measured), stdout=quiet)
        total = time.process_time() - started

        spent["assessing them"] -= spent["matching"]
        rows = [
            ("engine", spent["engine"]),
            ("storing suggestions", spent["storing suggestions"]),
            ("repeat matching (lookups, candidates, scorer)", spent["matching"]),
            ("the rest of the assessment (probes, worth, saving)", spent["assessing them"]),
            ("the rest (parsing, the article, history, commits)", total - sum(spent.values())),
        ]
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"{args.articles} articles on {url.split('://')[0]}, {total:.2f}s CPU: "
            f"{args.articles / total:.1f} articles per CPU second (load average {load})"
        )
        for label, seconds in rows:
            print(
                f"  {label:50} {seconds * 1000 / args.articles:6.1f} ms an article "
                f"({seconds / total:5.1%})"
            )


if __name__ == "__main__":
    main()
