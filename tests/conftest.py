"""Shared fixtures: an isolated user configuration folder, inline project trees, and the
`--update-golden` switch for the golden text files under tests/data/golden/."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/data/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def isolated_user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Iterator[None]:
    """No test sees the developer's own ~/.config/prwriter."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    yield


ProjectMaker = Callable[[dict[str, str]], Path]


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectMaker:
    """Write `{relative path: text}` under a fresh folder and return that folder.

    Text is dedented, so trees read naturally inline in a test.
    """

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "project"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return make


# A minimal valid release over the shipped Acme boilerplates; tests add or change fields.
ACME_RELEASE = """\
headline: Acme Opens a Plant in Dayton
date: 2025-03-05
dateline: {city: Dayton, state: Ohio}
companies: [acme]
body: Acme, Inc. today opened a plant in Dayton.
"""
