"""The Celery application: `celery -A factcheck worker` runs the background jobs, `celery -A
factcheck beat` the feed schedule. Settings are the CELERY_* ones in factcheck.settings."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
