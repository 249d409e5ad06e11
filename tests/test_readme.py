"""The README's two set-up commands stay true: CI runs the test command word for word."""

from __future__ import annotations

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _ci_command() -> str:
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line and not line.startswith(("#", "set ", "cd ")))


def test_ci_runs_the_readme_test_command() -> None:
    assert _ci_command() == "bash tools/test.sh"
    assert f"\n{_ci_command()}\n" in README


def test_readme_first_command_generates_the_bundled_example() -> None:
    first = next(line for line in README.splitlines() if line.startswith("python3 -m venv"))
    assert "pip install ." in first
    assert "prwriter generate examples/immunogen/release.yaml" in first
