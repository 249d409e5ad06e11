"""The package is layered and imports only downward: AP style rules, input, the model, the
project, the layout, writers and checks, batches and the public API, the command line.
Imports inside functions count too, so no cycle can hide behind a deferred import."""

from __future__ import annotations

import ast

from conftest import REPO

PACKAGE = REPO / "src" / "prwriter"

LAYERS: list[set[str]] = [
    # AP and wire rules are tables and pure functions: input validation uses them too.
    {"errors", "kinds", "style"},
    {"resources", "yaml_source", "schema", "validation", "paths", "origins", "output"},
    {"model", "tables", "markup", "document"},
    {"library", "settings", "wires", "templating", "project", "loading"},
    {"formatting", "layout", "html_document", "addresses", "jsonld"},
    {"writers", "checks"},
    {"batch", "scaffold", "schemas", "site", "__init__"},
    {"cli", "__main__"},
]  # fmt: skip


def layer_of(module: str) -> int:
    """`prwriter.style.dates` -> the layer of `style`; `prwriter` is the facade."""
    top = module.split(".")[1] if "." in module else "__init__"
    for n, names in enumerate(LAYERS):
        if top in names:
            return n
    raise AssertionError(f"prwriter.{top} belongs to no layer; add it to LAYERS")


def imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("prwriter"):
            module = node.module or ""
            # `from prwriter import x` imports the submodule x, not the facade.
            found |= (
                {f"{module}.{a.name}" for a in node.names} if module == "prwriter" else {module}
            )
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("prwriter")}
    return found


def test_every_module_imports_only_its_own_layer_or_lower_ones() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(("prwriter", *path.relative_to(PACKAGE).with_suffix("").parts))
        name = name.removesuffix(".__init__") if name != "prwriter.__init__" else "prwriter"
        own = layer_of(name)
        for target in imports(path):
            if layer_of(target) > own:
                wrong.append(f"{name} (layer {own}) imports {target} (layer {layer_of(target)})")
    assert not wrong, "\n".join(wrong)
