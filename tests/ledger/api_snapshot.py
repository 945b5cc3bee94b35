"""Print every API list (each page, followed by `next`), as the newsroom and as a reader.

Run as `python -m tests.ledger.api_snapshot` with DATABASE_URL naming the database to read;
the backup round trip compares this output across databases byte for byte.
"""

from __future__ import annotations

import json
import os
import sys

LISTS = [
    "/api/v1/articles/",
    "/api/v1/claims/",
    "/api/v1/actors/",
    "/api/v1/events/",
    "/api/v1/topics/",
    "/api/v1/positions/",
    "/api/v1/links/",
    "/api/v1/claims/export.csv",
    "/api/v1/claims/claimreview/",
    "/api/v1/claims/annotations/",
]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    os.environ.setdefault("API_ANON_RATE", "1000000/minute")
    os.environ.setdefault("API_USER_RATE", "1000000/minute")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    newsroom = APIClient()
    # An unsaved superuser: sees everything and writes nothing to the database it reads.
    newsroom.force_authenticate(
        get_user_model()(username="snapshot", is_staff=True, is_superuser=True, is_active=True)
    )
    out = sys.stdout.buffer
    for label, client in (("newsroom", newsroom), ("reader", APIClient())):
        for path in LISTS:
            url = path
            while url:
                response = client.get(url, HTTP_HOST="127.0.0.1")
                if response.status_code != 200:
                    sys.exit(f"{url} answered {response.status_code}")
                out.write(f"== {label} {url}\n".encode())
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                out.write(body + b"\n")
                is_json = response["Content-Type"] == "application/json"
                data = json.loads(body) if is_json else {}
                url = data.get("next") if isinstance(data, dict) else None


if __name__ == "__main__":
    main()
