from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from prwriter.errors import InputError
from prwriter.yaml_source import MAX_FILE_BYTES, _implicit_tag, read_yaml


def load(tmp_path: Path, content: str | bytes):
    path = tmp_path / "f.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return read_yaml(path, display="f.yaml")


def messages(tmp_path: Path, content: str | bytes) -> list[str]:
    with pytest.raises(InputError) as info:
        load(tmp_path, content)
    return [str(p) for p in info.value.problems]


def test_dates_stay_text_and_scalars_get_their_yaml_types(tmp_path: Path) -> None:
    source = load(tmp_path, "d: 2014-11-13\nn: 12\nf: 1.5\nb: true\nz: ~\ns: no\nq: '7'\n")
    assert source.data == {"d": "2014-11-13", "n": 12, "f": 1.5, "b": True, "z": None,
                           "s": "no", "q": "7"}  # fmt: skip


def test_positions_of_keys_and_values_are_one_based(tmp_path: Path) -> None:
    source = load(tmp_path, "a:\n  - x\n  - {b: 2}\n")
    assert source.position(("a",), key=True) == (1, 1)
    assert source.position(("a", 1, "b")) == (3, 9)
    # Something the file does not have is placed at its nearest written ancestor.
    assert source.position(("a", 1, "missing")) == (3, 5)


def test_folded_text_is_joined_with_spaces(tmp_path: Path) -> None:
    source = load(tmp_path, "t: >-\n  one\n  two\n")
    assert source.data == {"t": "one two"}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load(tmp_path, b"\xef\xbb\xbfa: 1\n").data == {"a": 1}


def test_duplicate_key_is_located_at_the_second_one(tmp_path: Path) -> None:
    assert messages(tmp_path, "a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: a: duplicate key (first given on line 1); keep one"
    ]


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    found = messages(tmp_path, "\n".join(lines) + "\n")
    assert found == [
        "f.yaml:2:10: YAML alias *a0 (and 79 more) is not supported; write the value out"
    ]


def test_unknown_tag_is_refused(tmp_path: Path) -> None:
    assert messages(tmp_path, "a: !!python/object:os.system x\n") == [
        "f.yaml:1:4: a: unsupported YAML tag tag:yaml.org,2002:python/object:os.system; "
        "remove the tag"
    ]


def test_two_documents_are_refused(tmp_path: Path) -> None:
    assert messages(tmp_path, "a: 1\n---\nb: 2\n") == [
        "f.yaml:3:1: the file holds more than one YAML document; keep one per file"
    ]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    found = messages(tmp_path, b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    assert len(found) == 1
    assert "larger than 1,048,576 bytes, the most prwriter reads" in found[0]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_yaml(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a folder"):
        read_yaml(tmp_path)


def test_tab_indentation_is_a_located_syntax_error(tmp_path: Path) -> None:
    found = messages(tmp_path, "a:\n\tb: 1\n")
    assert found[0].startswith("f.yaml:2:1: YAML syntax error:")
    assert found[0].endswith("; indent with spaces, not tabs")


def test_unquoted_colon_gets_an_indentation_or_quoting_hint(tmp_path: Path) -> None:
    [found] = messages(tmp_path, "headline: Re: the plan\n")
    assert found == (
        "f.yaml:1:13: YAML syntax error: mapping values are not allowed here; check this "
        "line's indentation, or put a value that contains ': ' in quotes"
    )


def test_device_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is not a regular file"):
        read_yaml(Path("/dev/zero"))


def test_symlink_loop_is_a_clean_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match=r"cannot read the file|no such file"):
        read_yaml(loop)


def test_yaml_numbers_with_leading_zeros_and_specials_are_numbers(tmp_path: Path) -> None:
    source = load(tmp_path, "a: 012\nb: .NaN\nc: -.inf\nd: 0x1F\n")
    assert source.data["a"] == 12 and source.data["d"] == 31
    assert source.data["c"] == float("-inf")
    assert source.data["b"] != source.data["b"]  # NaN


def test_a_blank_line_in_folded_text_keeps_the_paragraphs_apart(tmp_path: Path) -> None:
    source = load(tmp_path, "t: >\n  one\n  two\n\n  three\n\n\n  four\n")
    # Markdown reads a single line break as the same paragraph; two keep them apart.
    assert source.data == {"t": "one two\n\nthree\n\n\nfour\n"}
    assert load(tmp_path, "t: |\n  one\n\n  two\n").data == {"t": "one\n\ntwo\n"}


# Plain scalars are typed by the converter, not by ruamel's resolver behind libyaml: the
# two must agree on every value, numbers in all their YAML forms above all.
_SCALAR_CHARS = "0123456789_.-+:eExXoObB abcdfilnrstuyTFNY~"


@settings(max_examples=400, deadline=None)
@example("\u0661\u0662")  # Arabic-Indic digits: digits to Python, text to YAML
@example("\u00b2")
@example("0")
@example("1e3")
@given(st.text(alphabet=_SCALAR_CHARS, min_size=1, max_size=12) | st.text(min_size=1))
def test_plain_scalars_get_ruamels_types(value: str) -> None:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    expected = str(VersionedResolver().resolve(ScalarNode, value, (True, False)))
    assert _implicit_tag(value) == expected


def test_a_document_reads_the_same_as_ruamels_safe_loader(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    text = (
        "a: 12\nb: 012\nc: 0x1F\nd: 1_000\ne: 1.5\nf: .inf\ng: -.5e3\nh: true\ni: ~\n"
        "j: null\nk: 2026-05-06\nl: '12'\nm: \"true\"\nn: yes\no: [1, 2.0, x, +3, 0o17]\n"
        "p: 1e3\nq: 12:30\nr: .NaN\n"
    )
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    expected = YAML(typ="safe", pure=True).load(text)
    found = read_yaml(path).data
    for key, value in expected.items():
        if key == "k":  # dates stay text until the schema reads them
            assert found[key] == "2026-05-06"
        elif key == "r":
            assert found[key] != found[key]  # NaN
        else:
            assert found[key] == value and type(found[key]) is type(value), key


# Positions are read from the composed nodes when asked: every key and value of a
# generated document must be placed where ruamel's round-trip loader says it was written.
_keys = st.text(alphabet="abcxyz_", min_size=1, max_size=6)
_scalars = (
    st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.booleans()
    | st.none()
    | st.text(alphabet="abc &:-#'\"é0123456789", max_size=12)
)
_documents = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=25,
).filter(lambda d: isinstance(d, dict | list))


def _paths(data: object, loc: tuple = ()):
    yield loc
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*loc, i))


@settings(max_examples=150, deadline=None)
@given(_documents, st.sampled_from([False, True, None]))
def test_positions_are_where_ruamel_places_each_key_and_value(data, flow) -> None:
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from prwriter.yaml_source import parse_yaml

    out = io.StringIO()
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    writer.dump(data, out)
    text = out.getvalue()
    try:
        expected = YAML(typ="safe", pure=True).load(text)
    except YAMLError:  # ruamel writes `{a: :0}` in flow style, which it cannot read back
        assume(False)
    source = parse_yaml(text, path=Path("g.yaml"), display="g.yaml")
    assert source.data == expected
    written = YAML(typ="rt").load(text)
    for loc in _paths(source.data):
        if not loc:
            continue
        parent = written
        for part in loc[:-1]:
            parent = parent[part]
        last = loc[-1]
        if isinstance(last, str):
            line, column = parent.lc.key(last)
            assert source.position(loc, key=True) == (line + 1, column + 1), loc
            line, column = parent.lc.value(last)
        else:
            line, column = parent.lc.item(last)
        assert source.position(loc) == (line + 1, column + 1), (loc, text)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # A refused key (null) before a quoted one of the same text: the problem is the
        # quoted key's value's.
        ("h: x\nnull: x\n\"null\": !custom y\n",
         "f.yaml:3:9: null: unsupported YAML tag !custom; remove the tag"),
        # A date is no key; the duplicate is counted from the first key the data has.
        ("h: x\n2026-05-06: a\n\"2026-05-06\": b\n\"2026-05-06\": c\n",
         "f.yaml:4:1: 2026-05-06: duplicate key (first given on line 3); keep one"),
    ],
)  # fmt: skip
def test_a_refused_key_does_not_stand_for_a_later_one(
    tmp_path: Path, content: str, expected: str
) -> None:
    assert expected in messages(tmp_path, content)
