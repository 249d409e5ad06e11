"""Jinja environments: a project's `templates/` first, then the shipped ones.

Every environment is sandboxed (project templates come from many hands) and strict: an
undefined variable stops the build instead of rendering as a blank.
"""

from __future__ import annotations

import traceback
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.errors import InputError, Problem, display_path
from prwriter.resources import shipped

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


def template_dirs(project: Path | None) -> list[Path]:
    dirs = [project / "templates"] if project and (project / "templates").is_dir() else []
    return [*dirs, shipped("templates")]


def allowed_roots(project: Path | None) -> list[Path]:
    """Where template files may really be, after symbolic links: the project, or prwriter's
    own templates."""
    return [*([project] if project else []), shipped("templates")]


def template_path(project: Path | None, name: str) -> Path:
    """The file that wins for template `name` (a project's own first)."""
    from prwriter.paths import check_read

    for folder in template_dirs(project):
        candidate = folder / name
        if candidate.is_file():
            check_read(candidate, allowed_roots(project), "template")
            return candidate
    searched = ", ".join(display_path(d) for d in template_dirs(project))
    raise InputError([Problem("", 0, 0, "", f"template '{name}' not found (searched {searched})")])


def template_source(project: Path | None, name: str) -> str:
    """The text of template file `name` (a stylesheet, say), read as it is."""
    path = template_path(project, name)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text ({exc.reason}); save it as UTF-8"
        raise InputError([Problem(display_path(path), 1, 1, "", message)]) from None


@cache
def environment(project: Path | None, *, html: bool = False) -> SandboxedEnvironment:
    """One compiled-template cache per project and output kind, reused across a batch."""
    from jinja2 import ChoiceLoader

    from prwriter.template_limits import ContainedLoader, LimitedEnvironment, StrictestUndefined

    roots = allowed_roots(project)
    loader = ChoiceLoader([ContainedLoader(d, roots) for d in template_dirs(project)])
    return LimitedEnvironment(
        loader=loader,
        undefined=StrictestUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(
    project: Path | None,
    name: str,
    context: dict[str, Any],
    *,
    chosen_in: Path | None = None,
    html: bool = False,
) -> str:
    """Render template `name`; template problems become located InputErrors.

    `chosen_in` is the file that named the template (a wire profile), where a missing
    template is reported.
    """
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    from prwriter.template_limits import render_limited

    env = environment(project, html=html)
    try:
        return render_limited(env.get_template(name), context)
    except TemplateNotFound as exc:
        searched = ", ".join(display_path(d) for d in template_dirs(project))
        missing = exc.name or name
        file, line = _template_frame(exc, "")
        if not file and chosen_in is not None:
            file, line = display_path(chosen_in), _line_of(chosen_in, "template:")
        raise InputError(
            [Problem(file, line, 1, "", f"template '{missing}' not found (searched {searched})")]
        ) from None
    except TemplateSyntaxError as exc:
        file = display_path(Path(exc.filename)) if exc.filename else name
        raise InputError(
            [Problem(file, exc.lineno or 1, 1, "", f"template syntax error: {exc.message}")]
        ) from None
    except TemplateError as exc:
        file, line = _template_frame(exc, name)
        raise InputError([Problem(file, line, 1, "", f"template error: {exc}")]) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    name, 1, 1, "", f"template is not UTF-8 text ({exc.reason}); save it as UTF-8"
                )
            ]
        ) from None
    except (
        ArithmeticError, RecursionError, LookupError, TypeError, ValueError, MemoryError
    ) as exc:  # fmt: skip
        # Project templates are code from many hands: their runtime errors are input
        # errors located in the template, not crashes of prwriter.
        file, line = _template_frame(exc, name)
        message = f"template error: {type(exc).__name__}: {exc}"
        raise InputError([Problem(file, line, 1, "", message)]) from None


def _line_of(path: Path, prefix: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.startswith(prefix)), 1)


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int]:
    """The template file and line where rendering failed (Jinja maps frames to templates)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and not frame.filename.endswith(".py") and Path(frame.filename).exists():
            return display_path(Path(frame.filename)), frame.lineno or 1
    return fallback, 1
