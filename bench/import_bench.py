"""Import throughput with suggestions: ``manage.py import_articles`` on a generated batch.

    .venv/bin/python bench/import_bench.py [--articles 1000] [--actors 3000]
        [--database-url postgres://postgres@127.0.0.1:5432/fc_import_bench]

Builds a fresh database (a temporary SQLite file by default; a PostgreSQL URL names a database
that is dropped and created again), migrates it, fills it with a synthetic newsroom holding
``--actors`` actors with aliases (``build_corpus``), writes ``--articles`` seed-format files of
about 800 words each (paragraphs of real wire copy recombined, or ``--copy synthetic``: the
corpus builder's sentences, naming actors of the table, with figures and dates), then runs
``manage.py import_articles`` on them in a child process, twice: a fifth of the batch, then
the rest, so that peak memory can be compared across batch sizes.
Prints articles/s on the wall clock and per CPU second of the importer, its peak RSS, and the
suggestions stored per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SECRET = "import-bench-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"


def fresh_database(url: str | None, workdir: Path) -> str:
    """The URL of an empty database: a temporary SQLite file, or the PostgreSQL one recreated."""
    if not url:
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if name in ("factcheck", "postgres"):
        sys.exit(f"refusing to drop the database {name!r}: name a bench database")
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return url


def news_paragraphs() -> list[str]:
    """Paragraphs of real wire copy: the seeds and the tuning gold of the suggestion engine."""
    folders = [ROOT / "seeds", ROOT / "tests" / "extract" / "gold", GOLD_TUNING]
    paragraphs = []
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").split(" ", 3)[-1]  # past " date YYYY-MM-DD "
        paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) > 8]
    return paragraphs


GOLD_TUNING = ROOT / "tests" / "extract" / "gold" / "tuning"


def write_news(folder: Path, count: int, seed: int = 7) -> int:
    """``count`` files of about 800 words of paragraphs drawn from real copy (news density)."""
    rng = random.Random(seed)
    pool = news_paragraphs()
    words = 0
    first = dt.date(2026, 1, 1)
    for i in range(count):
        chosen, size = [], 0
        while size < 800:
            paragraph = rng.choice(pool)
            chosen.append(paragraph)
            size += len(paragraph.split())
        words += size
        day = first + dt.timedelta(days=i % 300)
        text = "\n\n".join(chosen)
        (folder / f"bench_{i:06d}.txt").write_text(f" date {day.isoformat()} {text}\n")
    return words


def write_articles(folder: Path, count: int, names: list[str], seed: int = 7) -> int:
    """``count`` seed-format files of about 800 words of synthetic copy, each sentence naming an
    actor of the table or a city and a country, with figures and weekdays (denser than news)."""
    from factcheck.ledger import synthetic

    rng = random.Random(seed)
    words = 0
    first = dt.date(2026, 1, 1)
    for i in range(count):
        plans = []
        for _ in range(10):
            who = rng.choice(names)
            if rng.random() < 0.4:
                label = rng.choice(synthetic.QUANTITIES)[1]
                plans.append(
                    synthetic.ClaimPlan(
                        kind="quantity",
                        claimant=0,
                        claimant_name=who,
                        event_day=f"On {rng.choice(synthetic.WEEKDAYS)}",
                        figures=[("count", label, rng.randint(2, 900), "exact")],
                    )
                )
            else:
                kind = rng.choice(("quote", "position"))
                plans.append(synthetic.ClaimPlan(kind=kind, claimant=0, claimant_name=who))
        body = synthetic.write_body(rng, plans, synthetic.WORDS_PER_ARTICLE)
        words += len(body.text.split())
        day = first + dt.timedelta(days=i % 300)
        (folder / f"bench_{i:06d}.txt").write_text(f" date {day.isoformat()} {body.text}\n")
    return words


def newsroom(actors: int) -> None:
    """A small newsroom with a large actor table, in the migrated database."""
    from django.core.management import call_command

    call_command(
        "build_corpus",
        claims=200,
        articles=20,
        actors=actors,
        links=0,
        positions=0,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def run_import(env: dict, folder: Path, chunk: int) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one import_articles child, files seen."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "import_articles",
            str(folder),
            f"--chunk={chunk}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: some file was rejected
        sys.exit("import_articles failed:\n" + output[-3000:])
    lines = [line for line in output.splitlines() if line.startswith("imported ")]
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default a temp SQLite")
    parser.add_argument(
        "--copy",
        choices=("news", "synthetic"),
        default="news",
        help="news: paragraphs of the seeds and the tuning gold recombined; synthetic: the "
        "corpus builder's sentences naming actors of the table (about twice the suggestions)",
    )
    parser.add_argument(
        "--chunk", type=int, default=50, help="Files committed together (1: one commit each)."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        workdir = Path(tmp)
        url = fresh_database(args.database_url, workdir)
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false", "SECRET_KEY": SECRET}
        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from factcheck.ledger.models import Actor, Article, Suggestion

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        newsroom(args.actors)
        names = list(Actor.objects.filter(kind="person").values_list("name", flat=True))
        print(
            f"database: {url.split('://')[0]}; {Actor.objects.count():,} actors with "
            f"{Actor.aliases.rel.related_model.objects.count():,} aliases "
            f"(built in {time.perf_counter() - started:.1f}s)"
        )
        small, large = workdir / "first", workdir / "rest"
        small.mkdir()
        large.mkdir()
        first = max(1, args.articles // 5)
        if args.copy == "news":
            words = write_news(small, first, seed=1) + write_news(large, args.articles - first, 2)
        else:
            words = write_articles(small, first, names, seed=1)
            words += write_articles(large, args.articles - first, names, seed=2)
        print(
            f"batch: {args.articles:,} articles of {args.copy} copy, "
            f"{words / args.articles:,.0f} words each, committed {args.chunk} at a time; "
            f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
        )
        before = Article.objects.count()
        # What the command costs with nothing to import (interpreter, Django, the first query).
        empty = workdir / "empty"
        empty.mkdir()
        _wall, startup, _rss, _done = run_import(env, empty, args.chunk)
        print(f"startup of the command with no file: {startup:.1f}s CPU (subtracted below)")
        for label, folder in (("first fifth", small), ("the rest", large)):
            wall, cpu, rss, done = run_import(env, folder, args.chunk)
            print(
                f"{label:12} {done:6,} imported in {wall:7.1f}s wall, {cpu:7.1f}s CPU: "
                f"{done / wall:6.1f} articles/s, {done / (cpu - startup):6.1f} articles per "
                f"CPU second, peak RSS {rss:6.0f} MB"
            )
        new = Article.objects.count() - before
        stored = Suggestion.objects.filter(article__origin__startswith="bench_").count()
        print(f"suggestions stored: {stored:,} ({stored / max(new, 1):.0f} per article)")


if __name__ == "__main__":
    main()
