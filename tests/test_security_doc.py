"""SECURITY.md names the test behind each promise and the limits; both must be true."""

from __future__ import annotations

import re

from conftest import REPO

TEXT = (REPO / "SECURITY.md").read_text(encoding="utf-8")


def test_every_test_it_names_exists() -> None:
    defined = {
        match
        for path in (REPO / "tests").rglob("test_*.py")
        for match in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
    }
    named = set(re.findall(r"\b(test_\w+)\b(?!\.py)", TEXT))
    assert named, "SECURITY.md names no test"
    assert named <= defined, sorted(named - defined)
    for path in re.findall(r"`(tests/[\w/]+\.py)", TEXT):
        assert (REPO / path).is_file(), path


def test_the_limits_it_states_are_the_ones_in_force() -> None:
    from prwriter import images, loading, template_limits, yaml_source

    stated = {
        "yaml_source.MAX_FILE_BYTES": (yaml_source.MAX_FILE_BYTES, "1 MiB", 1024**2),
        "loading.MAX_BLOCKS": (loading.MAX_BLOCKS, "1,000 paragraphs", 1000),
        "loading.MAX_LIST_ITEMS": (loading.MAX_LIST_ITEMS, "1,000\nlist items", 1000),
        "images.MAX_IMAGE_BYTES": (images.MAX_IMAGE_BYTES, "20 MiB", 20 * 1024**2),
        "images.MAX_IMAGE_PIXELS": (images.MAX_IMAGE_PIXELS, "40 megapixels", 40_000_000),
        "MAX_RENDER_SECONDS": (template_limits.MAX_RENDER_SECONDS, "20 seconds", 20),
        "MAX_TEMPLATE_OUTPUT": (template_limits.MAX_TEMPLATE_OUTPUT, "256 Mi", 256 * 1024**2),
        "MAX_REPEAT": (template_limits.MAX_REPEAT, "1,000,000", 1_000_000),
    }  # fmt: skip
    flat = " ".join(TEXT.split())
    for name, (value, words, meant) in stated.items():
        assert name in TEXT, name
        assert " ".join(words.split()) in flat, words
        assert value == meant, name
