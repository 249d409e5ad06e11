"""The README's two set-up commands stay true: CI runs the test command word for word."""

from __future__ import annotations

from pathlib import Path

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


def _blocks(section: str, language: str) -> list[str]:
    """The fenced `language` blocks of a README section."""
    text = README.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    parts = text.split(f"```{language}\n")[1:]
    return [part.split("```", 1)[0] for part in parts]


def test_readme_commands_for_writers_ci_and_tools_run(tmp_path) -> None:
    import os
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "NO_COLOR": "1"}
    commands = [
        line.removeprefix("$ ")
        for section in ("For writers", "For CI", "For the web")
        for block in _blocks(section, "console")
        for line in block.splitlines()
        if line.startswith("$ ")
    ]
    assert len(commands) >= 8
    script = " && ".join(commands)
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    project = tmp_path / "my-releases"
    assert (project / "drafts" / "2026-03-05-acme-opens-a-plant-in-dayton.docx").exists()
    assert (project / "prwriter.sarif").exists()
    assert (project / "web" / "2026-03-05-acme-opens-a-plant-in-dayton.json").exists()
    page = project / "site" / "releases" / "2026-03-05-acme-opens-a-plant-in-dayton"
    assert (page / "2026-03-05-acme-opens-a-plant-in-dayton.pdf").exists()
    feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
    assert 'href="https://www.acme.example/news/releases/2026-03-05-acme-opens' in feed
    [python] = _blocks("For other tools (Python)", "python")
    done = subprocess.run([sys.executable, "-c", python], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (project / "drafts" / "launch.pdf").read_bytes().startswith(b"%PDF")
