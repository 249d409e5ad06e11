"""Images (media and logos), checked once when a release is loaded, before any writer sees
them: the format from the file's first bytes, the size on disk (from `stat`, before reading),
the pixel count (from the header, before decoding) and the integrity of the file.

The limits keep a small file that decodes to gigabytes (a "decompression bomb") or a huge
file from stalling or exhausting a render; they are documented in SECURITY.md.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

# A print-quality press photo is a few megabytes; twenty is generous.
MAX_IMAGE_BYTES = 20 * 1024 * 1024
# 40 megapixels (8000 x 5000) covers any camera a newsroom uses, and decodes to at most
# 160 MB in the PDF writer.
MAX_IMAGE_PIXELS = 40_000_000

SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
SUFFIX_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif"}


def sniff(head: bytes) -> str | None:
    """ "PNG", "JPEG" or "GIF" from a file's first bytes; None for anything else."""
    return next((name for signature, name in SIGNATURES if head.startswith(signature)), None)


def check_image_file(path: Path) -> str | None:
    """Why the image at `path` (a regular file) cannot be used, or None when it can."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return (
                f"the file is {size:,} bytes, more than the {MAX_IMAGE_BYTES:,} prwriter "
                "embeds; save a smaller copy"
            )
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    found = sniff(head)
    named = SUFFIX_FORMATS.get(path.suffix.lower())
    if found is None:
        return "its content is not a PNG, JPEG or GIF image"
    if found != named:
        return (
            f"its content is a {found} image but its name ends in {path.suffix}; "
            f"rename it to end in {SUFFIXES[found]}"
        )
    return _check_pixels(path, found)


def _check_pixels(path: Path, found: str) -> str | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Pillow warns about large images itself; prwriter reports them as input errors.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=[found]) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return _too_many(width * height, f" ({width} x {height})")
                # Reads the chunks and their checksums, without decoding the pixels.
                image.verify()
    except Image.DecompressionBombError as exc:
        # Pillow refuses the largest images before telling their size, but names the count.
        count = re.search(r"\((\d+) pixels\)", str(exc))
        return _too_many(int(count.group(1)) if count else 0)
    except Exception:  # Pillow raises many kinds of errors for a broken file
        return f"the {found} image is damaged or truncated; export it again"
    return None


def _too_many(pixels: int, dimensions: str = "") -> str:
    size = f"{pixels:,} pixels{dimensions} is" if pixels else "the image has"
    return f"{size} more than the {MAX_IMAGE_PIXELS:,} prwriter places; scale it down"
