"""The YAML an import writes reads back as the same data, whatever the text holds, and as
ruamel.yaml writes it (the writer it stands in for)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import DATA
from prwriter import import_releases
from prwriter.importing.run import _amounts, _dumper, _Literal, _literal
from prwriter.importing.yamlout import dump
from prwriter.yaml_source import read_yaml

# Text with what YAML treats specially: indicators, `: ` and ` #`, quotes, numbers, words
# YAML 1.1 reads as booleans, spaces at either end, line breaks, control characters.
TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["yes", "No", "null", "~", "2026", "1.5", ".inf", "- item", "a: b", "a #b",
                     "'quoted'", '"q"', "Revenue:", "[x]", "{y}", "@z", "%p", "15%", "(1)",
                     "$49.0", "  padded ", "two\nlines", "tab\there", "<<", "=", "", "é ü",
                     "a:b", "a?", "http://x/a?b", "\\?", "... -", "...", "\x9b", "\ufffe"]),
)  # fmt: skip
SCALAR = st.one_of(
    TEXT, st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.none(),
    st.booleans(),
)  # fmt: skip
VALUES = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)


def _read(text: str, tmp: Path) -> object:
    path = tmp / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return _plain(read_yaml(path).data)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(TEXT, VALUES, min_size=1, max_size=5))
def test_any_data_reads_back_the_same(data: dict[str, object]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        prepared = _literal(data)
        text = dump(prepared, _Literal, _amounts)
        assert _read(text, Path(tmp)) == _plain(data)
        # libyaml's parser reads it too (prwriter would fall back to the slower pure one;
        # other tools would fail).
        assert _plain(YAML(typ="safe").load(text)) == _plain(data)


def test_an_imported_release_reads_back_as_ruamel_writes_it(tmp_path: Path) -> None:
    golden = DATA / "golden" / "quillmark-earnings.businesswire.txt"
    import_releases([golden], tmp_path / "out", date=dt.date(2026, 5, 6))
    for path in sorted((tmp_path / "out").rglob("*.yaml")):
        data = _plain(read_yaml(path).data)
        ruamel = io.StringIO()
        _dumper().dump(_literal(data), ruamel)
        assert _read(ruamel.getvalue(), tmp_path) == data, path
