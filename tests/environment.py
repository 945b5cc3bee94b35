"""A pytest plugin loaded before Django (`-p tests.environment`): the test environment.

It runs before pytest-django reads the settings, which conftest.py would be too late for.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
os.environ.setdefault("TESTING", "true")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _redis_database(url: str, number: int) -> str:
    """The same Redis server, another numbered database."""
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path=f"/{number % 16}"))


# With Redis (REDIS_URL), each test process gets its own databases: the tests clear the cache
# (FLUSHDB) around every test, which must neither reset another process's throttles nor drop
# the job queue's tasks; so the cache and the broker never share a database.
if os.environ.get("REDIS_URL"):
    from urllib.parse import urlsplit as _urlsplit

    _base = int(_urlsplit(os.environ["REDIS_URL"]).path.strip("/") or 0)
    _index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:] or 0)
    os.environ.setdefault(
        "CELERY_BROKER_URL", _redis_database(os.environ["REDIS_URL"], _base + 8 + _index)
    )
    os.environ["REDIS_URL"] = _redis_database(os.environ["REDIS_URL"], _base + _index)
