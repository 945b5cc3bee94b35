"""Fault run: a Celery worker killed (SIGKILL) in the middle of an import job loses nothing.

    .venv/bin/python bench/fault_run.py [--articles 60] [--kill-after 15]
        [--database-url postgres://postgres@127.0.0.1:5432/fc_fault_run]
        [--redis-url redis://127.0.0.1:6379/12]

Recreates the named PostgreSQL database, migrates it, writes ``--articles`` seed-format files
of about 800 words, queues them as one import job on Redis, and starts a worker. Once
``--kill-after`` items are done it kills the worker outright (no warm shutdown: the item in
hand is neither finished nor acknowledged), starts a second worker, and waits for the job to
finish. The broker hands the unacknowledged item back after the visibility timeout
(``CELERY_VISIBILITY_TIMEOUT``, set short here).

Prints what it saw and fails (exit status 1) unless every item ended imported, each file is
exactly one article, every article has its suggestions recorded, and no item was left pending.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_bench import fresh_database, write_news  # noqa: E402

SECRET = "fault-run-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789abcdef"


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "celery"),
        "-A",
        "factcheck",
        "worker",
        "--pool",
        "solo",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "WARNING",
    ]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--kill-after", type=int, default=15, help="items done before the kill")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/fc_fault_run")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait in all")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fault-run-"))
    url = fresh_database(args.database_url, work)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": SECRET,
        "DEBUG": "false",
        "CELERY_VISIBILITY_TIMEOUT": "20",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")})
    os.environ["CELERY_VISIBILITY_TIMEOUT"] = "20"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    folder = work / "articles"
    folder.mkdir()
    write_news(folder, args.articles)

    import django

    django.setup()
    from factcheck.ledger.choices import ImportItemStatus
    from factcheck.ledger.models import Article, ImportJob
    from factcheck.ledger.services.jobs import (
        ImportTarget,
        import_job_create,
        import_job_progress,
    )
    from factcheck.ledger.tasks import import_job_start

    files = sorted(folder.iterdir())
    job = import_job_create(
        targets=[ImportTarget(target=f.name, payload=f.read_bytes()) for f in files],
        label="fault run",
    )
    import_job_start.delay(job.pk)

    log = work / "worker.log"
    started = time.monotonic()
    worker = start_worker(env, log)
    killed_at = None
    while time.monotonic() - started < args.timeout:
        progress = import_job_progress(ImportJob.objects.get(pk=job.pk))
        if killed_at is None and progress.done >= args.kill_after:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            killed_at = progress.done
            print(f"killed the worker (SIGKILL) with {killed_at} of {progress.total} items done")
            worker = start_worker(env, log)
        if progress.finished:
            break
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()

    job = ImportJob.objects.get(pk=job.pk)
    progress = import_job_progress(job)
    statuses = list(job.items.values_list("status", flat=True))
    articles = Article.objects.count()
    origins = Article.objects.values("origin").distinct().count()
    without_analysis = Article.objects.filter(analysed_at__isnull=True).count()
    pending = statuses.count(ImportItemStatus.PENDING)
    print(
        f"items: {progress.total}, imported {progress.imported}, unchanged "
        f"{progress.unchanged}, rejected {progress.rejected}, pending {pending}"
    )
    print(
        f"articles stored: {articles} ({origins} origins), without suggestions recorded: "
        f"{without_analysis}"
    )
    print(f"job finished: {progress.finished} in {elapsed:.1f} s (worker log: {log})")
    problems = []
    if killed_at is None:
        problems.append("the worker finished before it could be killed: raise --articles")
    if not progress.finished or pending:
        problems.append("the job did not finish")
    if progress.imported != len(files) or articles != len(files) or origins != len(files):
        problems.append("not every file is exactly one article")
    if without_analysis:
        problems.append("articles without their suggestions")
    print("FAIL: " + "; ".join(problems) if problems else "OK: nothing lost, nothing doubled")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
