"""A release project, read once: its settings, boilerplate library, template folders, wire
profiles and Jinja environments.

A `Project` is built once per project and handed to the loader and to every writer; nothing
it reads outlives it. A long-running process (`generate --watch`, a preview) builds a new
Project when the project's files change, so an edited profile, template or setting is never
served from an old copy.

The project of a release is the nearest folder at or above it holding project settings
(`prwriter.toml`, or `pyproject.toml` with [tool.prwriter]), else the nearest holding
`boilerplates/`, else the release's own folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from prwriter.errors import InputError, Problem, display_path
from prwriter.library import Library, LibraryFiles
from prwriter.paths import check_read
from prwriter.resources import shipped
from prwriter.settings import ProjectSettings, read_settings, settings_file
from prwriter.wires import (
    WireProfile,
    find_profiles,
    for_language,
    read_profile,
    unknown_wire_problem,
)

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from prwriter.model import Release

T = TypeVar("T")


def find_project(folder: Path) -> Path:
    """The project folder of a release in `folder` (see the module's docstring)."""
    folder = folder.resolve()
    candidates = (folder, *folder.parents)
    for candidate in candidates:
        if settings_file(candidate) is not None:
            return candidate
    for candidate in candidates:
        if (candidate / "boilerplates").is_dir():
            return candidate
    return folder


def user_library_folder() -> Path:
    """`prwriter/boilerplates/` in the user's configuration folder (XDG on Linux, AppData
    on Windows, Application Support on macOS)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "prwriter" / "boilerplates"


class Project:
    """Everything of one project that the loader and the writers read.

    `root` None is no project at all: the shipped templates, profiles and library only
    (with the user's library). `user_library` defaults to the user's configuration folder,
    read when the Project is built and never again.
    """

    def __init__(self, root: Path | None = None, *, user_library: Path | None = None) -> None:
        self.root = root.resolve() if root is not None else None
        self.settings: ProjectSettings = (
            read_settings(self.root) if self.root is not None else ProjectSettings()
        )
        self.user_library = user_library if user_library is not None else user_library_folder()
        own = [self.root / "templates"] if self.root and (self.root / "templates").is_dir() else []
        self.template_dirs: tuple[Path, ...] = (*own, shipped("templates"))
        self._libraries: dict[Path, Library] = {}
        self._library_files = LibraryFiles()
        self._wires: dict[str, WireProfile] = {}
        self._environments: dict[bool, SandboxedEnvironment] = {}
        self._memo: dict[Hashable, Any] = {}

    @classmethod
    def find(cls, folder: str | Path, *, user_library: Path | None = None) -> Project:
        """The project a release in `folder` belongs to."""
        return cls(find_project(Path(folder)), user_library=user_library)

    @classmethod
    def of_release(cls, release: Release) -> Project:
        """The project of a release read from a file; no project for one built in code."""
        return cls.find(release.path.parent) if release.path is not None else cls()

    def __repr__(self) -> str:
        return f"Project({str(self.root)!r})"

    @property
    def folder(self) -> Path:
        """Where relative settings paths start: the project folder, else the working one."""
        return self.root if self.root is not None else Path.cwd()

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, once per project: what a writer derives from the project's files (a
        layout, a stylesheet) lives as long as the Project and no longer."""
        if key not in self._memo:
            self._memo[key] = make()
        value: T = self._memo[key]
        return value

    # --- library ------------------------------------------------------------------------

    def library(self, release_dir: Path) -> Library:
        """The boilerplate folders a release in `release_dir` sees, first match wins: its
        own, the project's, the settings' extra folders, the user's, the shipped ones."""
        release_dir = release_dir.resolve()
        if release_dir not in self._libraries:
            project = [self.root / "boilerplates"] if self.root is not None else []
            extra = [self.folder / f for f in self.settings.library]
            roots = (
                release_dir / "boilerplates",
                *project,
                *extra,
                self.user_library,
                # A real project turns the fictional example library off.
                *((shipped("boilerplates"),) if self.settings.shipped_library else ()),
            )
            # Library files and logos may really be (after symbolic links) only there.
            allowed = (release_dir, self.folder, *roots[len(project) + 1 :])
            self._libraries[release_dir] = Library(roots, allowed, self._library_files)
        return self._libraries[release_dir]

    def forget_library(self) -> None:
        """Read the library files again from now on (after a tool of this process changed
        them; a run that only reads them never needs this)."""
        self._libraries.clear()
        self._library_files = LibraryFiles()

    # --- wire profiles ------------------------------------------------------------------

    def wire_files(self) -> dict[str, Path]:
        """Every profile name and the file that wins for it (the project's own first)."""
        return find_profiles(d / "wires" for d in self.template_dirs)

    def wire(self, name: str, language: str | None = None) -> WireProfile:
        """The profile called `name` (with its settings for copy in `language`, if given);
        InputError naming the available ones when none is."""
        if language is not None:
            key = f"{name}:{language.lower()}"
            if key not in self._wires:
                self._wires[key] = for_language(self.wire(name), language)
            return self._wires[key]
        if name not in self._wires:
            files = self.wire_files()
            if name not in files:
                raise InputError([unknown_wire_problem(name, list(files), "", 0, 0, "wire")])
            check_read(files[name], self.template_roots(), "wire profile")
            folders = [d / "wires" for d in self.template_dirs]
            self._wires[name] = read_profile(files[name], folders)
        return self._wires[name]

    # --- templates ----------------------------------------------------------------------

    def template_path(self, name: str) -> Path:
        """The file that wins for template `name` (the project's own first)."""
        for folder in self.template_dirs:
            candidate = folder / name
            if candidate.is_file():
                check_read(candidate, self.template_roots(), "template")
                return candidate
        searched = ", ".join(display_path(d) for d in self.template_dirs)
        message = f"template '{name}' not found (searched {searched})"
        raise InputError([Problem("", 0, 0, "", message)])

    def template_roots(self) -> list[Path]:
        """Where template files may really be, after symbolic links."""
        from prwriter.templating import allowed_roots

        return allowed_roots(self.template_dirs)

    def template_source(self, name: str) -> str:
        """The text of template file `name` (a stylesheet, say), read as it is."""
        path = self.template_path(name)
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            message = f"not UTF-8 text ({exc.reason}); save it as UTF-8"
            raise InputError([Problem(display_path(path), 1, 1, "", message)]) from None

    def environment(self, *, html: bool = False) -> SandboxedEnvironment:
        """One sandboxed, strict Jinja environment per output kind, reused across a batch."""
        if html not in self._environments:
            from prwriter.templating import make_environment

            self._environments[html] = make_environment(self.template_dirs, html=html)
        return self._environments[html]

    def render_template(
        self,
        name: str,
        context: dict[str, Any],
        *,
        chosen_in: Path | None = None,
        html: bool = False,
    ) -> str:
        """Render template `name`; its problems become located InputErrors. `chosen_in` is
        the file that named the template (a wire profile), where a missing one is reported."""
        from prwriter.templating import render

        return render(
            self.environment(html=html), self.template_dirs, name, context, chosen_in=chosen_in
        )
