"""Shared helpers for the extract tests: the gold actor table and the benchmark module."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from factcheck.extract import KnownActor

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    """The benchmark module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "extract_bench", ROOT / "bench" / "extract_bench.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _fast_passwords():
    """The suite-wide Django fixture does not apply: these tests never touch Django."""


@pytest.fixture(autouse=True)
def _clear_cache():
    """The suite-wide cache reset does not apply: these tests never touch Django."""


@pytest.fixture(scope="session")
def bench():
    """The benchmark module."""
    return load_bench()


@pytest.fixture(scope="session")
def actors(bench) -> list[KnownActor]:
    """The editor's actor table used by the gold files."""
    return bench.load_actors()
