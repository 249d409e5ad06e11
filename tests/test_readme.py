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


def _commands(section: str) -> list[tuple[str, int]]:
    """The `$ ` lines of a section's console blocks, each with the exit status its
    `# exits N` comment promises (0 without one)."""
    found = []
    for block in _blocks(section, "console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                command, _, note = line.removeprefix("$ ").partition("   # exits ")
                found.append((command, int(note.split(":")[0]) if note else 0))
    return found


def _script(commands: list[tuple[str, int]]) -> str:
    return "\n".join(
        f'{command}\nstatus=$?; [ $status -eq {code} ] || {{ echo "step {i}: $status"; exit 1; }}'
        for i, (command, code) in enumerate(commands)
    )


def _replace_sample_text(project: Path) -> None:
    """What a writer does after `init` and `new`: write the real text."""
    (project / "boilerplates/companies/acme.yaml").write_text(
        "name: Acme, Inc.\nshort_name: Acme\nabout: Acme, Inc. makes tools for builders.\n"
    )
    (project / "boilerplates/contacts/acme-media.yaml").write_text(
        "organization: Acme, Inc.\nname: Dana Cruz\nphone: 937-226-0100\nemail: press@acme.test\n"
    )
    release = (
        "headline: Acme Opens a Plant in Dayton\ndate: 2026-03-05\n"
        "dateline: {city: Dayton, state: Ohio}\ncompanies: [acme]\n"
        "body: Acme, Inc. today opened a plant in Dayton.\n"
        "contacts:\n  - {label: Media Contact, contacts: acme-media}\n"
    )
    (project / "releases/launch.yaml").write_text(release)
    (project / "releases/first-release.yaml").unlink()


def test_readme_commands_for_writers_ci_and_tools_run(tmp_path) -> None:
    import os
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "NO_COLOR": "1"}
    writers = _commands("For writers")
    published = _commands("For CI") + _commands("For the web")
    assert len(writers) + len(published) >= 8
    assert ("prwriter check releases/launch.yaml", 1) in writers  # the sample text is found
    project = tmp_path / "my-releases"
    for cwd, commands in ((tmp_path, writers), (project, published)):
        done = subprocess.run(["bash", "-c", _script(commands)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=300,
                              stdin=subprocess.DEVNULL)  # fmt: skip
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        if commands is writers:
            _replace_sample_text(project)
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


def test_readme_names_every_key_the_schema_accepts() -> None:
    """Each field of the release, library and wire-profile files is documented by name."""
    import re

    from pydantic import BaseModel

    from prwriter import schema
    from prwriter.wires import WireProfile

    def keys(model: type[BaseModel], seen: set[type]) -> set[str]:
        if model in seen:
            return set()
        seen.add(model)
        found = set(model.model_fields)
        for info in model.model_fields.values():
            for inner in re.findall(r"\b(\w+Input|\w+Version)\b", str(info.annotation)):
                nested = getattr(schema, inner, None)
                if isinstance(nested, type) and issubclass(nested, BaseModel):
                    found |= keys(nested, seen)
        return found

    # A key is documented where the README writes it as `key` or uses it (`key: value`).
    documented = set(re.findall(r"`([a-z_]+):?`", README)) | set(
        re.findall(r"\b([a-z_]+): ", README)
    )
    models = [schema.ReleaseInput, *schema.LIBRARY_KINDS.values(), WireProfile]
    missing = sorted(key for m in models for key in keys(m, set()) if key not in documented)
    assert missing == [], missing
