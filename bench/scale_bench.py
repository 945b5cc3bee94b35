"""Every public page and API endpoint under load, side by side with a constant-JSON floor.

Starts gunicorn (2 workers by default) on loopback against the database given, then drives
each URL with wrk at 16 connections for a few seconds and prints requests/s, p50, p99 and
the ratio to the floor (a Django view that returns constant JSON through the same middleware).

    .venv/bin/python manage.py build_corpus --claims 100000      # on an empty database
    .venv/bin/python bench/scale_bench.py [--database-url URL] [--redis] [--duration 5]

A URL whose single probe request takes longer than --slow seconds is not put under wrk (it
would queue requests far past the run): two clients request it --slow-rounds times each and
the row says so. A probe over --timeout seconds is recorded as a timeout. Needs wrk
(`apt-get install -y wrk`).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOST = "127.0.0.1"  # loopback only: the bench never loads anything but its own server
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/fc_scale_bench"
# API requests come from many readers, as they would: each request from an address of its own
# (X-Forwarded-For, read through one proxy), so the throttles keep the small request logs a
# real client has, under the real rates, instead of one log of every request of the run.
WRK_MANY_CLIENTS = """
request = function()
  wrk.headers["X-Forwarded-For"] = string.format(
    "10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format()
end
"""

WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format(
    "WRK-JSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p99_us\\": %d, "
    .. "\\"bad_status\\": %d, \\"timeouts\\": %d, \\"socket_errors\\": %d, \\"bytes\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.bytes))
end
"""


@dataclass
class Target:
    name: str
    path: str
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    name: str
    path: str
    status: int | str
    size: int
    rps: float | None = None
    p50: float | None = None  # milliseconds
    p99: float | None = None
    note: str = ""
    first: float | None = None  # milliseconds: the probe, the page's first (uncached) request


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument(
        "--redis",
        nargs="?",
        const="redis://127.0.0.1:6379/1",
        default="",
        help="Use a shared Redis cache (default URL redis://127.0.0.1:6379/1).",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per URL.")
    parser.add_argument("--timeout", type=float, default=20.0, help="Give up on a request.")
    parser.add_argument("--slow", type=float, default=1.0, help="Probe time that skips wrk.")
    parser.add_argument("--slow-rounds", type=int, default=2)
    parser.add_argument("--port", type=int, default=0, help="Default: a free port.")
    parser.add_argument("--only", default="", help="Measure only targets whose name has this.")
    parser.add_argument(
        "--pages", action="store_true", help="Measure only the public pages (no API rows)."
    )
    return parser.parse_args()


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: timings on a busy machine say little alone."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(args: argparse.Namespace, static_root: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.scale_settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": static_root,
        # The throttles run at their default rates; the API's requests come from many
        # addresses (WRK_MANY_CLIENTS; bench/scale_settings.py trusts one proxy's header).
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def request(url: str, target: Target, timeout: float) -> tuple[int | str, int, float, dict]:
    """One request: status, body size, seconds, headers."""
    req = urllib.request.Request(
        url, data=target.body.encode() or None, method=target.method, headers=target.headers
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            body = response.read()
            return response.status, len(body), time.perf_counter() - started, dict(response.headers)
    except urllib.error.HTTPError as err:
        body = err.read()
        return err.code, len(body), time.perf_counter() - started, dict(err.headers)
    except TimeoutError:
        return "timeout", 0, time.perf_counter() - started, {}
    except (http.client.IncompleteRead, ConnectionError) as err:
        # A streamed body cut short: the worker was stopped (its timeout) mid-answer.
        return f"cut short ({type(err).__name__})", 0, time.perf_counter() - started, {}


def wait_idle(base: str, limit: float = 120.0) -> None:
    """Until the floor answers fast again: requests a slow run left queued are done."""
    deadline = time.monotonic() + limit
    floor = Target("floor", "/bench/floor/")
    while time.monotonic() < deadline:
        status, _, seconds, _ = request(base + floor.path, floor, timeout=limit)
        if status == 200 and seconds < 0.1:
            return
        time.sleep(0.2)
    raise SystemExit("the server stayed busy for two minutes after a run; stopping")


def wrk(base: str, target: Target, args: argparse.Namespace) -> dict:
    script = WRK_REPORT
    if target.path.startswith("/api/"):
        script = WRK_MANY_CLIENTS + script
    if target.method != "GET" or target.body or target.headers:
        script = (
            f"wrk.method = {json.dumps(target.method)}\n"
            f"wrk.body = {json.dumps(target.body)}\n"
            + "".join(
                f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n"
                for k, v in target.headers.items()
            )
            + script
        )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(
            [
                "wrk",
                f"-t{min(2, args.connections)}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                f"--timeout={int(args.timeout)}s",
                "-s",
                handle.name,
                base + target.path,
            ],
            capture_output=True,
            text=True,
            timeout=args.duration + args.timeout + 30,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    line = next(line for line in out.splitlines() if line.startswith("WRK-JSON "))
    return json.loads(line.removeprefix("WRK-JSON "))


def slow_run(base: str, target: Target, args: argparse.Namespace) -> tuple[float, list[float]]:
    """Two clients, a few rounds each: requests/s and the latencies (seconds)."""

    def client(_):
        return [
            request(base + target.path, target, args.timeout)[2] for _ in range(args.slow_rounds)
        ]

    started = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        latencies = [s for batch in pool.map(client, range(2)) for s in batch]
    return len(latencies) / (time.perf_counter() - started), latencies


def measure(base: str, target: Target, args: argparse.Namespace) -> Row:
    status, size, seconds, _ = request(base + target.path, target, args.timeout)
    row = Row(target.name, target.path, status, size, first=seconds * 1000)
    if status == "timeout":
        row.note = f"probe timed out after {args.timeout:.0f} s"
        wait_idle(base, limit=args.timeout * 4)
        return row
    if seconds > args.slow:
        # A page the first request kept is not slow any more: ask once more before deciding.
        status, size, seconds, _ = request(base + target.path, target, args.timeout)
    if seconds > args.slow:
        rps, latencies = slow_run(base, target, args)
        row.rps, row.p50 = rps, statistics.median(latencies) * 1000
        row.p99 = max(latencies) * 1000
        row.note = (
            f"slow (probed twice, {seconds:.1f} s): 2 clients × {args.slow_rounds}, p99 = max"
        )
        wait_idle(base)
        return row
    report = wrk(base, target, args)
    row.rps = report["requests"] / (report["duration_us"] / 1e6)
    row.p50, row.p99 = report["p50_us"] / 1000, report["p99_us"] / 1000
    problems = [
        f"{report[key]} {label}"
        for key, label in (
            ("bad_status", "4xx/5xx"),
            ("timeouts", "timeouts"),
            ("socket_errors", "socket errors"),
        )
        if report[key]
    ]
    row.note = ", ".join(problems)
    wait_idle(base)
    return row


def corpus_picks() -> dict:
    """Real ids from the corpus: the busiest actor, event, series and topic, a mid claim."""
    # Models import only after django.setup(), which needs the database from the command line.
    from django.db.models import Count

    from factcheck.ledger.choices import ClaimStatus
    from factcheck.ledger.models import Actor, Claim, Event, Series, Topic

    published = Claim.objects.filter(status=ClaimStatus.PUBLISHED)
    total = published.count()
    if not total:
        raise SystemExit("the database has no published claims: run build_corpus first")
    claim = published.order_by("pk")[total // 2]
    return {
        "total": total,
        "claim": claim,
        "actor": Actor.objects.annotate(n=Count("claims_made")).order_by("-n").first(),
        "event": Event.objects.annotate(n=Count("claims")).order_by("-n").first(),
        "series": Series.objects.annotate(n=Count("events")).order_by("-n").first(),
        "topic": Topic.objects.annotate(n=Count("positions")).order_by("-n").first(),
        "word": claim.exact.split()[1].strip(",.“”"),
    }


def page_paths(picks: dict) -> dict[str, str]:
    """The public pages measured, by row name."""
    claim = picks["claim"]
    return {
        "home": "/",
        "article": f"/articles/{claim.article_id}/",
        "claim": f"/claims/{claim.pk}/",
        "actor (busiest)": f"/actors/{picks['actor'].pk}/",
        "event (busiest)": f"/events/{picks['event'].pk}/",
        "series (most events)": f"/series/{picks['series'].pk}/",
        "topics": "/topics/",
        "topic (most positions)": f"/topics/{picks['topic'].pk}/",
        "matrix": "/matrix/",
        "search": f"/search/?q={picks['word']}",
        "feed": "/feed/",
        "sitemap": "/sitemap.xml",
    }


def targets(base: str, timeout: float, only: str = "", pages_only: bool = False) -> list[Target]:
    """The floor, every public page and API endpoint, on real ids from the corpus."""
    picks = corpus_picks()
    claim, event, total, word = picks["claim"], picks["event"], picks["total"], picks["word"]
    pages = page_paths(picks)
    last_page = max(1, math.ceil(total / 50))
    claim_page = pages["claim"]
    probe = Target("claim", claim_page)
    _, _, _, headers = request(base + claim_page, probe, timeout)
    etag = headers.get("ETag", "")
    match_body = json.dumps({"text": claim.exact})
    # A reader's whole export is kept per ledger version, built by the first request: build
    # them now (the time is printed), so their rows measure what every later reader gets.
    exports = {}
    kept = {
        "api export.csv": "/api/v1/claims/export.csv",
        "api claimreview": "/api/v1/claims/claimreview/",
        "api annotations": "/api/v1/claims/annotations/",
    }
    for name, path in kept.items():
        if pages_only or only not in name:
            continue
        status, size, seconds, headers = request(base + path, Target(path, path), timeout)
        exports[path] = headers.get("ETag", "")
        print(
            f"first request (builds the kept export) {path}: {status}, "
            f"{size / 1e6:.1f} MB in {seconds:.1f} s",
            flush=True,
        )
    listed = [
        Target("floor (constant JSON)", "/bench/floor/"),
        *(Target(name, path) for name, path in list(pages.items())[:3]),
        Target("claim, 304 (If-None-Match)", claim_page, headers={"If-None-Match": etag}),
        *(Target(name, path) for name, path in list(pages.items())[3:]),
        Target("api claims list", "/api/v1/claims/"),
        Target("api claims, last page", f"/api/v1/claims/?page={last_page}"),
        Target(
            "api claims ?expand=…", "/api/v1/claims/?expand=article,claimant,subjects,event,topic"
        ),
        Target("api claim detail", f"/api/v1/claims/{claim.pk}/"),
        Target("api claims ?q=", f"/api/v1/claims/?q={word}"),
        Target(
            "api claims/match/",
            "/api/v1/claims/match/",
            method="POST",
            body=match_body,
            headers={"Content-Type": "application/json"},
        ),
        Target("api export.csv", "/api/v1/claims/export.csv"),
        Target(
            "api export.csv, 304 (If-None-Match)",
            "/api/v1/claims/export.csv",
            headers={"If-None-Match": exports.get("/api/v1/claims/export.csv", "")},
        ),
        Target("api claimreview", "/api/v1/claims/claimreview/"),
        Target("api annotations", "/api/v1/claims/annotations/"),
        Target("api event detail", f"/api/v1/events/{event.pk}/"),
    ]
    if not etag:
        listed = [t for t in listed if t.name != "claim, 304 (If-None-Match)"]
        print("the claim page sent no ETag: the 304 row is left out", file=sys.stderr)
    if not exports.get("/api/v1/claims/export.csv"):
        listed = [t for t in listed if t.name != "api export.csv, 304 (If-None-Match)"]
    return listed


def table(rows: list[Row], floor: float) -> str:
    lines = [
        "| target | status | KB | first ms | req/s | p50 ms | p99 ms | × floor | note |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:

        def num(value, fmt):
            return "—" if value is None else format(value, fmt)

        ratio = None if row.rps is None or not floor else row.rps / floor
        lines.append(
            f"| {row.name} | {row.status} | {row.size / 1024:.0f} | {num(row.first, '.0f')} | "
            f"{num(row.rps, '.1f')} | "
            f"{num(row.p50, '.0f')} | {num(row.p99, '.0f')} | {num(ratio, '.3f')} | {row.note} |"
        )
    return "\n".join(lines)


def main() -> None:
    args = arguments()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    port = args.port or free_port()
    base = f"http://{HOST}:{port}"
    static_root = tempfile.mkdtemp(prefix="scale-bench-static-")
    env = server_env(args, static_root)
    os.environ.update(env)
    django.setup()
    from django.core.cache import cache

    # Pages kept by an earlier run would make the first requests' times (and the run) lie.
    cache.clear()
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        env=env,
        check=True,
    )
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "factcheck.wsgi",
            f"--workers={args.workers}",
            f"--bind={HOST}:{port}",
            f"--timeout={int(args.timeout) + 10}",
            "--log-level=warning",
            f"--chdir={ROOT}",
        ],
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request(base + "/bench/floor/", Target("floor", "/bench/floor/"), 2)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        chosen = [
            t
            for t in targets(base, args.timeout, args.only, args.pages)
            if "floor" in t.name
            or (args.only in t.name and not (args.pages and t.path.startswith("/api/")))
        ]
        cache = "Redis" if args.redis else "per-process memory"
        print(
            f"{args.workers} gunicorn workers, {args.connections} connections, "
            f"{args.duration} s per URL, cache: {cache}, database: {args.database_url}, "
            f"load average: {load_average()}",
            flush=True,
        )
        rows = []
        for target in chosen:
            rows.append(measure(base, target, args))
            print(f"  {target.name}: {rows[-1].rps or 0:.1f} req/s {rows[-1].note}", flush=True)
        # The floor again at the end: on a shared machine the load moves during a run, and the
        # ratios are read against the mean of both.
        again = Target("floor (again, at the end)", "/bench/floor/")
        rows.append(measure(base, again, args))
        print(f"  {again.name}: {rows[-1].rps or 0:.1f} req/s", flush=True)
        floor = ((rows[0].rps or 0) + (rows[-1].rps or 0)) / 2
        print(table(rows, floor))
        print(f"load average after the run: {load_average()}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
