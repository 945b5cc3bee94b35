"""The ledger's rooms import in one direction: the read side (querysets, rules, text,
permissions, reports) never imports a service, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import factcheck.ledger

LEDGER = Path(factcheck.ledger.__file__).parent
READ_SIDE = ("querysets", "rules", "text", "permissions", "reports", "models", "choices")


def _module_name(path: Path) -> str:
    parts = ["factcheck", "ledger", *path.relative_to(LEDGER).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The ledger modules a file imports (function-local imports included, TYPE_CHECKING not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    paths = [p for p in LEDGER.rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def test_the_read_side_never_imports_a_service():
    for module, imported in _graph().items():
        room = module.split(".")[2] if module.count(".") >= 2 else ""
        if room in READ_SIDE:
            services = {m for m in imported if m.startswith("factcheck.ledger.services")}
            assert not services, f"{module} imports {services}"


def test_no_import_circle_outside_the_admin():
    graph = {
        m: {d for d in deps if ".admin" not in d}
        for m, deps in _graph().items()
        if ".admin" not in m
    }

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, goal, seen):
                    return True
        return False

    circles = sorted(m for m in graph if reaches(m, m, set()))
    assert circles == []
