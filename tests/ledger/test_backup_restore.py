"""`backup_ledger` / `restore_ledger`: SQLite → PostgreSQL → SQLite gives the same ledger.

Each step runs the real commands in a fresh process against its own database (a temporary
SQLite file, a temporary PostgreSQL database on the CI's server), and every API list, as the
newsroom and as a reader, must come back byte for byte; the backups themselves, history rows
included, must hold the same records.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("BACKUP_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")


def _run(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, timeout=600
    )


def _manage(database_url: str, *args: str) -> str:
    done = _run(database_url, "manage.py", *args)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout.decode()


def _snapshot(database_url: str) -> bytes:
    done = _run(database_url, "-m", "tests.ledger.api_snapshot")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout


def _records(path: Path) -> list:
    return yaml.load(path.read_text(), Loader=yaml.CSafeLoader)


@pytest.fixture
def postgres_url():
    """A temporary, empty PostgreSQL database, dropped afterwards."""
    server = dj_database_url.parse(SERVER)
    name = f"fc_backup_{uuid.uuid4().hex[:10]}"
    params = {
        "host": server["HOST"] or "127.0.0.1",
        "port": server["PORT"] or 5432,
        "user": server["USER"] or "postgres",
        "password": server["PASSWORD"] or None,
        "dbname": server["NAME"] or "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    user = params["user"] + (f":{params['password']}" if params["password"] else "")
    yield f"postgres://{user}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_sqlite_to_postgresql_and_back_gives_the_same_ledger(tmp_path, postgres_url):
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    _manage(source, "migrate", "--no-input", "-v", "0")
    _manage(source, "load_seeds")
    _manage(source, "demo_accounts")
    before = _snapshot(source)
    assert before.count(b"== ") >= 20

    first = tmp_path / "first.yaml"
    _manage(source, "backup_ledger", str(first))
    _manage(postgres_url, "migrate", "--no-input", "-v", "0")
    restored = _manage(postgres_url, "restore_ledger", str(first))
    assert "claims" in restored
    assert _snapshot(postgres_url) == before
    # A second restore into a database that has a ledger is refused, and changes nothing.
    again = _run(postgres_url, "manage.py", "restore_ledger", str(first))
    assert again.returncode != 0 and "not empty" in again.stderr.decode()

    second = tmp_path / "second.yaml"
    _manage(postgres_url, "backup_ledger", str(second))
    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    _manage(back, "migrate", "--no-input", "-v", "0")
    _manage(back, "restore_ledger", str(second))
    assert _snapshot(back) == before

    records, again = _records(first), _records(second)
    assert sum(1 for r in records if r["model"].startswith("ledger.historical")) > 100
    assert any(r["model"] == "auth.user" for r in records)
    # The same records, but the public pages' clock: a restore moves it on, so that no page
    # kept for the ledger before the backup is taken for the restored one.
    clock = "ledger.ledgerclock"
    assert [r for r in again if r["model"] != clock] == [r for r in records if r["model"] != clock]
    (before_clock,) = [r["fields"] for r in records if r["model"] == clock]
    (after_clock,) = [r["fields"] for r in again if r["model"] == clock]
    assert after_clock["version"] == before_clock["version"] + 1
    assert after_clock["changed_at"] > before_clock["changed_at"]
