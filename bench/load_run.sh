#!/usr/bin/env bash
# Load run against loopback: gunicorn (DEBUG off) on PostgreSQL with the throttle counters in
# Redis, a seeded ledger plus a synthetic one, then wrk with $CONNECTIONS connections for
# $DURATION over the API and the public pages. It fails unless every answer is a 200, a 304 or a
# deliberate 429 from the anonymous API throttle, with no socket error, and unless the API's
# 200s stay within the one shared limit (several worker processes, one counter).
#
#   bench/load_run.sh            # 32 connections, 60 s
#   DURATION=20s CONNECTIONS=16 bench/load_run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"  # another virtualenv: PY=/path/to/venv/bin/python
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
WORKERS="${WORKERS:-4}"
CLAIMS="${CLAIMS:-2000}"
ANON_RATE="${ANON_RATE:-120/minute}"  # the production default
PG_SERVER="${PG_SERVER:-postgres://postgres@127.0.0.1:5432}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/9}"
DB_NAME="fc_load_$$"
WORK="$(mktemp -d)"
GUNICORN_PID=""

cleanup() {
    if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill "$GUNICORN_PID" 2>/dev/null || true
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    psql "$PG_SERVER/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export DATABASE_URL="$PG_SERVER/$DB_NAME" REDIS_URL
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1 LOG_LEVEL=WARNING
export API_ANON_RATE="$ANON_RATE" API_USER_RATE=1000000/minute TESTING=true
export DJANGO_SETTINGS_MODULE=factcheck.settings

echo "-- database $DB_NAME, seeds and a synthetic ledger of $CLAIMS claims"
psql "$PG_SERVER/postgres" -qc "CREATE DATABASE $DB_NAME" >/dev/null
$PY manage.py migrate --no-input -v 0
$PY manage.py load_seeds >/dev/null
$PY manage.py build_corpus --claims "$CLAIMS" --append >/dev/null
$PY - <<'PYEOF'
import redis, os
redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # this run's throttle counters only
PYEOF

PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
echo "-- gunicorn, $WORKERS workers, on $BASE"
"$(dirname "$PY")/gunicorn" factcheck.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --timeout 60 --log-level warning --error-logfile "$WORK/gunicorn.log" &
GUNICORN_PID=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "$BASE/" 2>/dev/null && break; sleep 0.2; done

# The paths: API lists and details, public pages, for records that exist.
$PY - "$WORK/paths.txt" <<'PYEOF'
import sys
import django, os
django.setup()
from factcheck.ledger.models import Actor, Article, Claim, Event, Topic
claims = list(Claim.objects.published().order_by("pk").values_list("pk", "article_id")[:20])
events = list(Event.objects.order_by("pk").values_list("pk", flat=True)[:5])
topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:5])
actors = list(Actor.objects.order_by("pk").values_list("pk", flat=True)[:5])
paths = ["/api/v1/claims/", "/api/v1/claims/?page=2", "/api/v1/actors/", "/api/v1/events/",
         "/api/v1/topics/", "/api/v1/positions/", "/api/v1/links/", "/api/v1/articles/",
         "/", "/topics/", "/matrix/", "/search/?q=drones"]
paths += [f"/api/v1/claims/{c}/" for c, _ in claims] + [f"/claims/{c}/" for c, _ in claims]
paths += [f"/articles/{a}/" for _, a in claims[:5]]
paths += [f"/api/v1/events/{e}/" for e in events] + [f"/events/{e}/" for e in events]
paths += [f"/topics/{t}/" for t in topics] + [f"/actors/{a}/" for a in actors]
open(sys.argv[1], "w").write("\n".join(paths) + "\n")
print(f"{len(paths)} paths")
PYEOF
echo "-- wrk: $CONNECTIONS connections for $DURATION (anonymous API limit $ANON_RATE)"
LOAD_PATHS="$WORK/paths.txt" wrk -t 4 -c "$CONNECTIONS" -d "$DURATION" --timeout 30s \
    -s bench/load_mix.lua "$BASE" | tee "$WORK/wrk.txt"

$PY - "$WORK/wrk.txt" "$ANON_RATE" "$DURATION" <<'PYEOF'
import re, sys
text = open(sys.argv[1]).read()
statuses = {int(s): int(n) for s, n in re.findall(r"^status (\d+): (\d+)$", text, re.M)}
sockets = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
api_ok = int(re.search(r"^api 200: (\d+)$", text, re.M).group(1))
limit = int(sys.argv[2].split("/")[0])
minutes = max(1, -(-int(re.sub(r"\D", "", sys.argv[3])) // 60))  # minutes the run spans
errors = {s: n for s, n in statuses.items() if s not in (200, 304, 429)}
print(f"errors (other than deliberate 429s): {sum(errors.values())} {errors or ''}")
print(f"socket errors: {sockets}")
print(f"anonymous API 200s: {api_ok} (one shared limit: {limit} a minute, {minutes} minute(s))")
# DRF's throttle reads then writes the shared counter, so workers racing let a few more
# through; counters per process would let WORKERS times the limit through.
ok = not errors and sockets == 0 and api_ok <= limit * minutes * 1.5
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PYEOF
if [ -s "$WORK/gunicorn.log" ]; then echo "-- gunicorn log"; tail -20 "$WORK/gunicorn.log"; fi
