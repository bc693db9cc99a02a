"""The import rules of ARCHITECTURE.md ("Apps and who may import whom"), checked on the source.

- `common` (the ground: links, the API's shared plumbing, limits) imports no app and not `config`.
- `actors` knows nothing of `statements` and `ingest`, except its pages, API and admin, which may read
  statements through `statements.selectors` (and `browse`, the pages' shared parts).
- Nothing imports `ingest` but `ingest` itself and `config`.
- No app's modules import `config` (it only wires them); pages of one app never import another app's views,
  forms or feeds (what they share lives in `browse`).
- No module reaches for another module's private names (`from x import _y`, `x._y`).
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("common", "browse", "actors", "statements", "ingest", "alerts", "config")
PRESENTATION = {"views", "api", "admin", "urls", "feeds", "forms", "exports", "serializers", "filters", "templatetags"}
PAGE_MODULES = {"views", "forms", "feeds"}


def imports() -> list[tuple[str, str]]:
    """(importing module, imported module) for every absolute import inside the project's packages."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found += [(module, alias.name) for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found += [(module, f"{node.module}.{alias.name}") for alias in node.names]
    return [(a, b) for a, b in found if b.split(".")[0] in PACKAGES and b.split(".")[0] != a.split(".")[0]]


IMPORTS = imports()


def test_the_scan_sees_the_imports():
    assert ("actors.views", "statements.selectors") in IMPORTS  # a known, allowed one


def test_common_imports_no_app():
    assert [pair for pair in IMPORTS if pair[0].startswith("common.")] == []


def test_actors_knows_nothing_of_statements_but_through_selectors_in_its_presentation():
    bad = [(a, b) for a, b in IMPORTS if a.startswith("actors.") and b.startswith(("statements.", "ingest."))
           and not (a.split(".")[1] in PRESENTATION and b.startswith("statements.selectors"))]
    assert bad == []


def test_nothing_but_config_imports_ingest():
    assert [(a, b) for a, b in IMPORTS if b.startswith("ingest.") and not a.startswith("config.")] == []


def test_nothing_but_config_imports_alerts():
    assert [(a, b) for a, b in IMPORTS if b.startswith("alerts.") and not a.startswith(("config.", "alerts."))] == []


def test_no_app_imports_config():
    assert [(a, b) for a, b in IMPORTS if b.startswith("config.") and not a.startswith("config.")] == []


@pytest.mark.parametrize("kind", sorted(PAGE_MODULES))
def test_pages_of_one_app_never_import_another_apps_pages(kind):
    apps = ("actors", "statements", "ingest")
    bad = [(a, b) for a, b in IMPORTS if len(b.split(".")) > 1 and b.split(".")[1] == kind
           and a.split(".")[0] in apps and b.split(".")[0] in apps]
    assert bad == []


def private_uses() -> list[tuple[str, str]]:
    """(module, name) for every private name of another project module that a module imports or reads."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            modules = set()  # names bound to project modules in this file
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] in PACKAGES):
                    for alias in node.names:
                        if alias.name.startswith("_") and not alias.name.startswith("__"):
                            found.append((str(path.relative_to(ROOT)), alias.name))
                        modules.add(alias.asname or alias.name)
                elif isinstance(node, ast.Import):
                    modules.update((a.asname or a.name).split(".")[0] for a in node.names
                                   if a.name.split(".")[0] in PACKAGES)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                        and node.attr.startswith("_") and not node.attr.startswith("__")
                        and node.attr != "_meta"):  # a model's _meta is Django's public API
                    found.append((str(path.relative_to(ROOT)), f"{node.value.id}.{node.attr}"))
    return found


def test_no_module_uses_another_modules_private_names():
    assert private_uses() == []
