#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

from dotenv import load_dotenv

# `make run` leaves a local settings file (DEBUG on, a generated secret key) so that every
# command works after it as written. Only this command-line entry point reads it, and the real
# environment wins over it; production processes (gunicorn factcheck.wsgi) read the environment
# alone.
LOCAL_SETTINGS = Path(__file__).resolve().parent / ".env"


def main() -> None:
    load_dotenv(LOCAL_SETTINGS, override=False)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
