"""The import rules of DESIGN.md, enforced by walking every module's imports."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("game", "agent", "infra", "tasks", "flows", "analysis")
STDLIB = set(sys.stdlib_module_names)

# Which of our packages each package may import.
ALLOWED_PROJECT = {
    "game": {"game"},
    "agent": {"agent", "game"},
    "infra": {"infra"},
    "analysis": {"analysis"},
    "tasks": {"tasks", "game", "agent", "infra", "analysis"},
    "flows": set(PACKAGES),
}
# Third-party modules only some packages may import.
ONLY_IN = {"prefect": {"tasks", "flows"}, "docker": {"infra"}}
LAZY_ONLY_IN_BRAINS = {"anthropic", "google"}
# Standard-library modules that would give the rules I/O, a clock or an environment.
GAME_FORBIDDEN_STDLIB = {
    "os", "sys", "time", "datetime", "logging", "socket", "subprocess", "pathlib", "io",
    "threading", "urllib", "http", "shutil", "tempfile", "secrets", "uuid", "multiprocessing",
}  # fmt: skip


@dataclass(frozen=True)
class Import:
    module: str  # top-level name
    path: Path
    line: int
    lazy: bool  # inside a function body


def modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def imports_of(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(alias.name.split(".")[0], path, child.lineno, lazy))
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append(Import(child.module.split(".")[0], path, child.lineno, lazy))
            visit(child, inner)

    visit(tree, False)
    return found


def package_of(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


ALL_IMPORTS = [imp for path in modules() for imp in imports_of(path)]


def where(imp: Import) -> str:
    return f"{imp.path.relative_to(ROOT)}:{imp.line} imports {imp.module}"


def test_there_are_modules_to_check() -> None:
    assert len(modules()) > 20
    assert {package_of(p) for p in modules()} == set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_project_imports_point_one_way(package: str) -> None:
    bad = [
        where(i)
        for i in ALL_IMPORTS
        if package_of(i.path) == package
        and i.module in PACKAGES
        and i.module not in ALLOWED_PROJECT[package]
    ]
    assert not bad, f"{package} may import only {sorted(ALLOWED_PROJECT[package])}: {bad}"


def test_game_imports_only_the_standard_library() -> None:
    bad = [
        where(i)
        for i in ALL_IMPORTS
        if package_of(i.path) == "game"
        and i.module != "game"
        and (i.module not in STDLIB or i.module in GAME_FORBIDDEN_STDLIB)
    ]
    assert not bad, f"game/ must be pure: stdlib only, no I/O, clock or environment: {bad}"


@pytest.mark.parametrize("module", sorted(ONLY_IN))
def test_heavy_dependencies_stay_in_their_packages(module: str) -> None:
    bad = [
        where(i)
        for i in ALL_IMPORTS
        if i.module == module and package_of(i.path) not in ONLY_IN[module]
    ]
    assert not bad, f"only {sorted(ONLY_IN[module])} may import {module}: {bad}"


def test_llm_sdks_are_imported_lazily_by_brains_only() -> None:
    bad = [
        where(i)
        for i in ALL_IMPORTS
        if i.module in LAZY_ONLY_IN_BRAINS
        and not (i.lazy and i.path.is_relative_to(ROOT / "agent" / "brains"))
    ]
    assert not bad, f"LLM SDKs only inside brain functions: {bad}"


def _calls(package: str) -> list[tuple[Path, ast.Call]]:
    out = []
    for path in modules():
        if package_of(path) != package:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out += [(path, n) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    return out


def test_game_draws_only_from_owned_random_generators() -> None:
    bad = []
    for path, call in _calls("game"):
        f = call.func
        if (
            isinstance(f, ast.Attribute)
            and isinstance(f.value, ast.Name)
            and f.value.id == "random"
            and f.attr != "Random"
        ):
            bad.append(f"{path.relative_to(ROOT)}:{call.lineno} random.{f.attr}()")
        if isinstance(f, ast.Name) and f.id in {"hash", "open", "print", "input"}:
            bad.append(f"{path.relative_to(ROOT)}:{call.lineno} {f.id}()")
    assert not bad, f"game/ must use an owned random.Random, no hash/I-O: {bad}"


@pytest.mark.parametrize("package", PACKAGES)
def test_libraries_do_not_print(package: str) -> None:
    bad = [
        f"{p.relative_to(ROOT)}:{c.lineno}"
        for p, c in _calls(package)
        if isinstance(c.func, ast.Name) and c.func.id == "print"
    ]
    assert not bad, f"libraries log, the CLI echoes: print() found at {bad}"
