"""Views ask queries and services; they never query or import a model themselves.

The rule the NHS breast screening service keeps with a lint script: a view that writes
``Model.objects`` (or imports a ``models`` module) bypasses the scoped query functions, so a record
outside the acting user's scope could be read. Imports only for type hints (``if TYPE_CHECKING:``)
are allowed: they run nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "careforce"


def view_modules() -> list[Path]:
    found = [
        path
        for path in SOURCE.rglob("*.py")
        if "domain" not in path.parts
        and "migrations" not in path.parts
        and (path.name == "views.py" or path.name.endswith("_views.py") or path.parent.name == "views")
    ]
    return sorted(found)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def problems_in(source: str) -> list[str]:
    """Each ``Model.objects`` and each import of a models module, with its line, outside type-checking blocks."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skipped.update(id(child) for child in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module == "models" or module.endswith(".models") or any(a.name == "models" for a in node.names):
                found.append(f"line {node.lineno}: imports {'.' * node.level}{module}")
        elif isinstance(node, ast.Import) and any(a.name.endswith(".models") for a in node.names):
            found.append(f"line {node.lineno}: imports {', '.join(a.name for a in node.names)}")
    return found


def test_the_check_finds_a_view_that_queries_a_model() -> None:
    bad = (
        "from careforce.workforce.models import Worker\n"
        "from ..models import Stage\n"
        "def page(request):\n"
        "    return Worker.objects.filter(pk=1)\n"
    )
    assert problems_in(bad) == [
        "line 1: imports careforce.workforce.models",
        "line 2: imports ..models",
        "line 4: Worker.objects",
    ]
    assert problems_in("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .models import Job\n") == []


def test_there_are_view_modules_to_check() -> None:
    names = {path.relative_to(SOURCE).as_posix() for path in view_modules()}
    assert {"jobs/views.py", "careers/views/account.py", "workforce/training_views.py"} <= names


@pytest.mark.parametrize("path", view_modules(), ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_no_view_queries_or_imports_a_model(path: Path) -> None:
    assert problems_in(path.read_text()) == []
