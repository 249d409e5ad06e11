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
    {"resources", "yaml_source", "schema", "validation", "paths", "images", "origins", "output",
     "date_hints"},
    {"model", "tables", "markup", "document"},
    {"library", "settings", "wires", "templating", "template_limits", "project", "loading"},
    {"formatting", "quoting", "layout", "html_document", "addresses", "jsonld"},
    {"writers", "checks", "draft", "docx_watermark"},
    {"batch", "scaffold", "json_schemas", "site", "arguments", "importing", "__init__", "watching",
     "redlines", "previewing"},
    {"cli", "__main__"},
]  # fmt: skip


def layer_of(module: str) -> int:
    """`prwriter.style.dates` -> the layer of `style`; `prwriter` is the facade."""
    top = module.split(".")[1] if "." in module else "__init__"
    for n, names in enumerate(LAYERS):
        if top in names:
            return n
    raise AssertionError(f"prwriter.{top} belongs to no layer; add it to LAYERS")


MODULES = {
    ".".join(("prwriter", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
}


def imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("prwriter"):
            module = node.module or ""
            for alias in node.names:
                # `from prwriter.checks import rules` imports the submodule, not the package.
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("prwriter")}
    return found


def graph() -> dict[str, set[str]]:
    """Every module of the package and the prwriter modules it imports."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(("prwriter", *path.relative_to(PACKAGE).with_suffix("").parts))
        name = name.removesuffix(".__init__") if name != "prwriter.__init__" else "prwriter"
        found[name] = imports(path)
    return found


def test_every_module_imports_only_its_own_layer_or_lower_ones() -> None:
    wrong = []
    for name, targets in graph().items():
        own = layer_of(name)
        for target in targets:
            if layer_of(target) > own:
                wrong.append(f"{name} (layer {own}) imports {target} (layer {layer_of(target)})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_inside_a_layer() -> None:
    edges = graph()
    cycles = []
    for start in edges:
        # Depth-first from each module: reaching it again is a cycle.
        stack, seen = [(start, (start,))], set()
        while stack:
            module, trail = stack.pop()
            for target in edges.get(module, ()):
                if target == start:
                    cycles.append(" -> ".join((*trail, start)))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, (*trail, target)))
    assert not cycles, "\n".join(sorted(set(cycles)))
