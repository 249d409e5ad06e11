"""The wheel carries the templates and the library: build it, install it into a fresh
virtualenv, and generate the example from outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import DATA, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(out), str(REPO)],
        check=True,
    )  # fmt: skip
    [built] = out.glob("prwriter-*.whl")
    return built


def test_wheel_contains_templates_library_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "prwriter/py.typed",
        "prwriter/templates/text/wire.txt.j2",
        "prwriter/templates/wires/businesswire.yaml",
        "prwriter/templates/wires/cnw.yaml",
        "prwriter/boilerplates/companies/acme.yaml",
        "prwriter/boilerplates/legal/acme-forward-looking.yaml",
    ):
        assert required in names


def test_installed_wheel_generates_the_example(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The fresh environment borrows only the third-party dependencies from this one
    # (a plain path line; .pth files there, like an editable prwriter, are not run).
    purelib = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)],
        check=True,
    )  # fmt: skip
    project = tmp_path / "immunogen"
    shutil.copytree(REPO / "examples" / "immunogen", project)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [env_dir / "bin" / "prwriter", "generate", "immunogen/release.yaml", "--output-dir", "OUT"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [written] = (tmp_path / "OUT").iterdir()
    reference = (DATA / "reference" / "immunogen-2014-11-13.businesswire.txt").read_text("utf-8")
    assert written.read_text("utf-8").strip("\n") == reference.strip("\n")
    where = subprocess.run(
        [python, "-c", "from prwriter.resources import shipped; print(shipped('templates'))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(where).is_relative_to(env_dir)


def test_sdist_and_wheel_build_and_pass_twine_check(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                    str(REPO)], check=True, capture_output=True)  # fmt: skip
    [sdist] = out.glob("prwriter-*.tar.gz")
    [wheel] = out.glob("prwriter-*.whl")
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", sdist, wheel],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    import tarfile

    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"LICENSE", "README.md", "docs/rules.md", "pyproject.toml"} <= names
    metadata = zipfile.ZipFile(wheel).read(f"{wheel.name.split('-py3')[0]}.dist-info/METADATA")
    assert b"License-Expression: MIT" in metadata
    assert b"Project-URL: Rules, " in metadata


def test_release_workflow_builds_checks_and_publishes() -> None:
    from prwriter.yaml_source import read_yaml

    workflow = read_yaml(REPO / ".github" / "workflows" / "release.yml").data
    build = " ".join(s.get("run", "") for s in workflow["jobs"]["build"]["steps"])
    assert "python -m build" in build and "twine check --strict dist/*" in build
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert any("pypi-publish" in s.get("uses", "") for s in publish["steps"])
