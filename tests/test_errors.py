from pathlib import Path

import pytest

from prwriter.errors import InputError, Problem, closest, format_field_path


def test_problem_prints_file_line_column_field_and_message() -> None:
    problem = Problem("release.yaml", 12, 5, "dateline.state", "not a state")
    assert str(problem) == "release.yaml:12:5: dateline.state: not a state"


def test_problem_about_the_whole_file_has_no_field() -> None:
    assert str(Problem("release.yaml", 1, 1, "", "the file is empty")) == (
        "release.yaml:1:1: the file is empty"
    )


def test_problem_without_a_file_names_the_option() -> None:
    assert str(Problem("", 0, 0, "--wire", "unknown wire")) == "--wire: unknown wire"


def test_field_paths_use_dots_and_indices() -> None:
    assert format_field_path(("contacts", 0, "contacts", 2)) == "contacts[0].contacts[2]"
    assert format_field_path(()) == ""


def test_input_error_sorts_and_deduplicates_problems() -> None:
    late = Problem("a.yaml", 9, 1, "x", "late")
    early = Problem("a.yaml", 2, 3, "y", "early")
    error = InputError([late, early, late])
    assert error.problems == (early, late)
    assert str(error) == "a.yaml:2:3: y: early\na.yaml:9:1: x: late"


def test_input_error_needs_a_problem() -> None:
    with pytest.raises(ValueError):
        InputError([])


def test_closest_ranks_likely_names_first_ignoring_case() -> None:
    assert closest("NASDAQ GS", ["AIM", "Nasdaq", "NYSE"]) == ["Nasdaq", "AIM", "NYSE"]
    assert closest("acmee", ["zeta", "acme"], limit=1) == ["acme"]
    assert closest("x", []) == []


def test_display_path_is_relative_inside_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    from prwriter.errors import display_path

    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "releases" / "a.yaml") == "releases/a.yaml"
    assert display_path(Path("/elsewhere/a.yaml")) == "/elsewhere/a.yaml"
