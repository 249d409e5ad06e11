"""Images are checked once, up front: format from the bytes, size from stat, pixel count
from the header, integrity, all before any writer reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ACME_RELEASE, DATA, ProjectMaker
from prwriter import images
from prwriter.images import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, check_image_file

BAD_IMAGES = DATA / "bad" / "images"


def _png(tmp_path: Path, size: tuple[int, int], mode: str = "RGB") -> Path:
    from PIL import Image

    path = tmp_path / f"{size[0]}x{size[1]}.png"
    Image.new(mode, size).save(path)
    return path


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF"])
def test_a_good_image_of_each_format_passes(fmt: str, tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / f"photo{images.SUFFIXES[fmt]}"
    Image.new("RGB", (40, 30)).save(path, fmt)
    assert check_image_file(path) is None


def test_the_pixel_limit_is_read_from_the_header(tmp_path: Path) -> None:
    side = int(MAX_IMAGE_PIXELS**0.5) + 1
    path = _png(tmp_path, (side, side), mode="1")  # a few kilobytes on disk
    assert path.stat().st_size < 100_000
    why = check_image_file(path)
    assert why is not None and f"({side} x {side}) is more than the" in why


def test_a_huge_sparse_file_is_refused_from_its_size_without_reading_it(
    tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "photo.png"
    with path.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(2 * 1024**3)  # 2 GiB, sparse
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    why = check_image_file(path)
    assert why == (
        f"the file is {2 * 1024**3:,} bytes, more than the {MAX_IMAGE_BYTES:,} prwriter embeds; "
        "save a smaller copy"
    )


def test_no_decompression_bomb_warning_reaches_the_terminal(make_project: ProjectMaker) -> None:
    from PIL import Image

    release = (
        ACME_RELEASE
        + "media:\n"
        + "".join(f"  - {{file: big{n}.png, caption: A photo.}}\n" for n in range(4))
    )
    project = make_project({"r.yaml": release})
    for n in range(4):
        Image.new("1", (12000, 12000)).save(project / f"big{n}.png")
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "prwriter", "generate", str(project / "r.yaml"),
         "-f", "pdf", "-j", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "144,000,000 pixels (12000 x 12000) is more than the" in result.stderr
    assert "DecompressionBomb" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "r.pdf").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.png", "the PNG image is damaged or truncated"),
        ("text.png", "its content is not a PNG, JPEG or GIF image"),
        ("drawing.png", "its content is not a PNG, JPEG or GIF image"),
        ("photo-really-a-jpeg.png", "its content is a JPEG image but its name ends in .png"),
    ],
)
def test_broken_or_mislabelled_images_are_refused(name: str, message: str) -> None:
    why = check_image_file(BAD_IMAGES / name)
    assert why is not None and why.startswith(message)
