"""The layout rules of design.md, checked on the source: who may import whom, no import cycles,
small modules that say what they are for, and pages and the API that run no queries of their
own. A rule broken here is a rule that will be broken again unless a test says so."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "catalog"
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _resolve(module: str, node: ast.ImportFrom | ast.Import, is_package: bool) -> list[str]:
    """The catalog modules an import statement names (a name imported from a package may be a
    module of it: `from . import cache` -> catalog.cache)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.startswith("catalog")]
    if node.level:
        base = module.split(".")
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not target.startswith("catalog"):
        return []
    names = [f"{target}.{a.name}" for a in node.names]
    return [n for n in names if n in MODULES] or [target]


def _run_imports(tree: ast.AST, top_level_only: bool) -> list[ast.Import | ast.ImportFrom]:
    """The import statements that run (not those under `if TYPE_CHECKING:`)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            elif not top_level_only or depth == 0 and isinstance(child, ast.If | ast.Try):
                visit(child, depth + 1)

    visit(tree, 0)
    return found


def _imports(top_level_only: bool) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text("utf-8"))
        for node in _run_imports(tree, top_level_only):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _resolve(module, node, path.name == "__init__.py"):
                    if target != module:
                        graph[module].add(target)
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in graph.get(stack.pop(), ()):
            # A module importing one of its own package's modules also runs the package.
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def test_no_import_cycles_inside_catalog():
    """Function-level imports count too: hiding a cycle inside a function keeps the cycle."""
    graph = _imports(top_level_only=False)
    cycles = []
    for module in graph:
        for target in graph[module]:
            # A package's __init__ re-exporting its modules is not a cycle with them.
            if target.startswith(module + ".") or module.startswith(target + "."):
                continue
            if module in _reachable(graph, target):
                cycles.append(f"{module} -> {target}")
    assert not cycles, "import cycles: " + ", ".join(sorted(cycles))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_is_small_and_says_what_it_is_for(module):
    path = MODULES[module]
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{path} has over {MAX_LINES} lines"
    if text.strip():
        docstring = ast.get_docstring(ast.parse(text))
        assert docstring and docstring.splitlines()[0].strip(), f"{path} opens with no purpose"


PURE = ("catalog.dosing", "catalog.compliance", "catalog.derived")
FORBIDDEN_IN_PURE = ("django.db", "rest_framework", "catalog.models", "catalog.selectors")


def test_pure_rules_import_no_orm_no_drf_no_views():
    for module, path in MODULES.items():
        if not module.startswith(PURE):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                targets = names + _resolve(module, node, path.name == "__init__.py")
                if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    targets.append(node.module)
                bad = [t for t in targets if t.startswith(FORBIDDEN_IN_PURE)]
                assert not bad, f"{module} imports {bad}"


# Who may import whom (design.md, "Dependency rules").
NOT_ALLOWED = {
    "catalog.models": ("catalog.api", "catalog.web", "catalog.admin", "catalog.selectors"),
    "catalog.selectors": ("catalog.services", "catalog.filters", "catalog.api", "catalog.web"),
    "catalog.filters": ("catalog.services", "catalog.api", "catalog.web"),
    "catalog.services": ("catalog.api", "catalog.web", "catalog.admin"),
    "catalog.web": ("catalog.api", "catalog.services"),
    "catalog.api": ("catalog.web", "catalog.admin"),
}


@pytest.mark.parametrize("layer", sorted(NOT_ALLOWED))
def test_layers_import_only_what_design_allows(layer):
    graph = _imports(top_level_only=False)
    for module, targets in graph.items():
        if module == layer or module.startswith(layer + "."):
            bad = sorted(t for t in targets if t.startswith(NOT_ALLOWED[layer]))
            assert not bad, f"{module} imports {bad}"


ORM_CALLS = re.compile(
    r"\.objects\.|\.(?:filter|exclude|annotate|aggregate|values_list|prefetch_related|"
    r"select_related|order_by)\(|\.values\((?!\))"  # a dict's .values() is fine
)


@pytest.mark.parametrize("package", ["catalog/web", "catalog/api"])
def test_pages_and_api_views_run_no_queries_of_their_own(package):
    """Reads go through selectors; views, feeds and serializers hold no ORM calls."""
    for path in sorted((ROOT.parent / package).rglob("*.py")):
        if path.name in ("inputs.py", "sitemaps.py"):
            continue  # input validation looks up slugs; sitemaps: see the sitemaps module
        text = path.read_text("utf-8")
        found = ORM_CALLS.findall(text)
        assert not found, f"{path} calls {found}"
