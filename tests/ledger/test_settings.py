"""Settings come from the environment and are safe for production when DEBUG is off."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # Start from the caller's environment minus everything the test suite itself sets.
    dropped = {"SECRET_KEY", "DEBUG", "TESTING", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"}
    dropped |= {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    clean = {
        k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("SECURE_")
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_deploy_check_is_clean_with_a_real_secret_and_debug_off():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="false",
        ALLOWED_HOSTS="factcheck.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_when_debug_is_off():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_selects_the_database():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/whatever",
    )
    assert result.stdout.strip().endswith("postgresql"), result.stderr


def test_postgresql_connections_compile_no_plan_just_in_time():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/whatever",
    )
    assert "-c jit=off" in result.stdout, result.stderr


def test_allowed_hosts_and_csrf_origins_come_from_the_environment():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS)",
        DEBUG="true",
        ALLOWED_HOSTS="a.org, b.org",
        CSRF_TRUSTED_ORIGINS="https://a.org",
    )
    assert result.stdout.strip() == "['a.org', 'b.org'] ['https://a.org']", result.stderr
