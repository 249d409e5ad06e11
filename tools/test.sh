#!/usr/bin/env bash
# Set up and run prwriter's whole test suite on a fresh machine: the Debian packages the
# PDF and DOCX tests use, a virtualenv with the test extras, ruff (lint and format), mypy
# (strict, on src/), pytest.
# Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint needs Pango (and HarfBuzz's subsetter for speed and reproducible PDFs); the
# tests check PDFs with qpdf, read DOCX back through LibreOffice and pdftotext, and open
# the live preview in a headless Chromium.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 qpdf poppler-utils
          libreoffice-writer-nogui chromium)
if command -v dpkg >/dev/null; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if ((${#missing[@]})); then
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
  fi
else
  echo "not a Debian system: install Pango, qpdf, poppler, LibreOffice and Chromium yourself" >&2
fi

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[test]'
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/pytest "$@"
