"""Same inputs, same bytes: each format built twice in separate processes."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

import prwriter
from conftest import REPO

PROBE = """
import hashlib, sys, prwriter
release = prwriter.load_release(sys.argv[1])
for fmt in prwriter.FORMATS:
    data = prwriter.render(release, fmt)
    data = data.encode() if isinstance(data, str) else data
    print(fmt, hashlib.sha256(data).hexdigest())
"""


@pytest.mark.parametrize("example", ["immunogen", "nordwind-tidewater"])
def test_every_format_is_byte_identical_across_processes(example: str, tmp_path) -> None:
    path = REPO / "examples" / example / "release.yaml"
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, str(path)],
            capture_output=True, text=True, check=True, cwd=tmp_path,
            # A different hash seed and clock-derived state per process must not matter.
            env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in (1, 2)
    ]  # fmt: skip
    assert runs[0] == runs[1]
    assert [line.split()[0] for line in runs[0].splitlines()] == list(prwriter.FORMATS)


def test_in_process_builds_agree_with_each_other() -> None:
    release = prwriter.load_release(REPO / "examples" / "immunogen" / "release.yaml")
    for fmt in prwriter.FORMATS:
        first, second = prwriter.render(release, fmt), prwriter.render(release, fmt)
        digest = hashlib.sha256
        assert digest(str(first).encode()).digest() == digest(str(second).encode()).digest()


WITHOUT_SUBSETTER = """
import hashlib, sys, warnings
import weasyprint.pdf.fonts
weasyprint.pdf.fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0
import prwriter
warnings.simplefilter("ignore")
data = prwriter.render(prwriter.load_release(sys.argv[1]), "pdf")
print(hashlib.sha256(data).hexdigest())
"""


def test_pdf_bytes_hold_without_harfbuzz_subsetter(tmp_path) -> None:
    """fontTools stamps its subsets with the time: a second apart, the bytes must agree."""
    import time

    path = REPO / "examples" / "immunogen" / "release.yaml"
    runs = []
    for _ in range(2):
        runs.append(subprocess.run([sys.executable, "-c", WITHOUT_SUBSETTER, str(path)],
                                   capture_output=True, text=True, check=True, cwd=tmp_path,
                                   env={"PATH": "/usr/bin:/bin"}).stdout)  # fmt: skip
        time.sleep(1.1)
    assert runs[0] == runs[1]
