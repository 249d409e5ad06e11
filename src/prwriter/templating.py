"""Jinja environments over template folders (a project's `templates/` first, then the
shipped ones; see `project.Project`), and template problems as located errors.

Every environment is sandboxed (project templates come from many hands) and strict: an
undefined variable stops the build instead of rendering as a blank.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.errors import InputError, Problem, display_path

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


def allowed_roots(dirs: Sequence[Path]) -> list[Path]:
    """Where the files of template folders `dirs` may really be, after symbolic links: a
    project's `templates/` within its project, prwriter's own within themselves."""
    from prwriter.resources import shipped

    own = shipped("templates")
    return [own if folder == own else folder.parent for folder in dirs]


def make_environment(dirs: Sequence[Path], *, html: bool = False) -> SandboxedEnvironment:
    """A sandboxed, strict environment over `dirs` (the first folder holding a name wins),
    within the limits of `template_limits`."""
    from jinja2 import ChoiceLoader

    from prwriter.template_limits import ContainedLoader, LimitedEnvironment, StrictestUndefined

    roots = allowed_roots(dirs)
    loader = ChoiceLoader([ContainedLoader(d, roots) for d in dirs])
    return LimitedEnvironment(
        loader=loader,
        undefined=StrictestUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(
    env: SandboxedEnvironment,
    dirs: Sequence[Path],
    name: str,
    context: dict[str, Any],
    *,
    chosen_in: Path | None = None,
) -> str:
    """Render template `name`; template problems become located InputErrors.

    `chosen_in` is the file that named the template (a wire profile), where a missing
    template is reported.
    """
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    from prwriter.template_limits import render_limited

    try:
        return render_limited(env.get_template(name), context)
    except TemplateNotFound as exc:
        searched = ", ".join(display_path(d) for d in dirs)
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
