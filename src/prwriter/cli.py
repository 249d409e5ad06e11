"""The `prwriter` command: a thin Typer layer over the public API in `prwriter`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

import prwriter

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 70

app = typer.Typer(
    name="prwriter",
    help=(
        "Write a press release once as YAML facts and render it wire-ready.\n\n"
        "Example: prwriter generate releases/launch.yaml --format txt --output-dir out"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prwriter {prwriter.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Write a press release once as YAML facts and render it wire-ready."""


def _formats(values: list[str]) -> list[str]:
    """`--format txt,docx --format pdf` -> ["txt", "docx", "pdf"], checked and deduplicated."""
    chosen: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if name and name not in chosen:
                chosen.append(name)
    unknown = [f for f in chosen if f not in prwriter.FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unknown format {', '.join(repr(f) for f in unknown) or '(none)'}; "
            f"choose from {', '.join(prwriter.FORMATS)}",
            param_hint="--format",
        )
    return chosen


def _report(error: prwriter.InputError) -> None:
    for problem in error.problems:
        typer.echo(str(problem), err=True)


@app.command()
def generate(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Release YAML files.", show_default=False),
    ],
    fmt: Annotated[
        list[str],
        typer.Option(
            "--format",
            "-f",
            help=f"Output formats, comma-separated or repeated: {', '.join(prwriter.FORMATS)}.",
        ),
    ] = ["txt"],  # noqa: B006 - Typer reads the default from here
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Folder for the output files.",
            show_default="each release's own folder",
            file_okay=False,
        ),
    ] = None,
    wire: Annotated[
        str | None,
        typer.Option(
            "--wire",
            "-w",
            help="Wire profile, e.g. businesswire.",
            show_default="the release's wire:, else businesswire",
        ),
    ] = None,
    pdf_variant: Annotated[
        str | None,
        typer.Option(
            "--pdf-variant",
            help="Archival or accessible PDF: pdf/a-3b or pdf/ua-1 (not checked by an "
            "independent validator).",
        ),
    ] = None,
    ascii_only: Annotated[
        bool,
        typer.Option(
            "--ascii",
            help="Fold the text to pure ASCII, wrapped at 80 columns (SEC EDGAR exhibits).",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for unexpected errors.")
    ] = False,
) -> None:
    """Render releases to files named after each release (release.yaml -> release.txt).

    Input problems are printed as FILE:LINE:COL: field: message, the command exits
    with status 2, and a release with problems writes no file.
    """
    formats = _formats(fmt)
    if pdf_variant is not None and pdf_variant not in prwriter.PDF_VARIANTS:
        raise typer.BadParameter(
            f"unknown PDF variant '{pdf_variant}'; choose from {', '.join(prwriter.PDF_VARIANTS)}",
            param_hint="--pdf-variant",
        )
    failed = internal = 0
    written: set[Path] = set()
    for path in paths:
        try:
            release = prwriter.load_release(path)
            # Render every format before writing any, so a failure leaves no partial set.
            outputs = {f: prwriter.render(release, f, wire=wire, ascii=ascii_only) for f in formats}
        except prwriter.InputError as error:
            _report(error)
            failed += 1
            continue
        except Exception as error:
            if debug:
                raise
            typer.echo(
                f"{path}: internal error: {type(error).__name__}: {error} "
                "(rerun with --debug for a traceback, and please report it)",
                err=True,
            )
            internal += 1
            continue
        folder = output_dir if output_dir is not None else path.parent
        targets = {f: folder / f"{path.stem}.{f}" for f in outputs}
        clash = _clash(path, targets.values(), written)
        if clash:
            typer.echo(f"{path}: {clash}", err=True)
            failed += 1
            continue
        for f, target in targets.items():
            try:
                prwriter.write_atomic(target, outputs[f])
            except OSError as error:
                typer.echo(f"{target}: cannot write: {error.strerror or error}", err=True)
                failed += 1
                break
            written.add(target.resolve())
            typer.echo(f"wrote {target}")
    if failed or internal:
        typer.echo(f"{failed + internal} of {len(paths)} release(s) failed", err=True)
        raise typer.Exit(EXIT_INTERNAL_ERROR if internal else EXIT_INPUT_ERROR)


def _clash(source: Path, targets: Iterable[Path], written: set[Path]) -> str | None:
    """Why these output files must not be written, if they must not."""
    for target in targets:
        resolved = target.resolve()
        if resolved == source.resolve():
            return f"writing {target} would replace the release itself; choose --output-dir"
        if resolved in written:
            return (
                f"{target} was already written in this run; "
                "give the releases different file names or output folders"
            )
    return None


@app.command("list")
def list_(
    kind: Annotated[
        str,
        typer.Argument(
            help=f"What to list: wires, {', '.join(prwriter.LIBRARY_KINDS)}.",
            show_default=False,
        ),
    ],
    folder: Annotated[
        Path,
        typer.Option(
            "--folder",
            help="List what a release in this folder sees (its project and library).",
            file_okay=False,
        ),
    ] = Path(),
) -> None:
    """List the wire profiles or library entries a release can use, and where each comes
    from (the first folder that has it wins)."""
    if kind == "wires":
        found = prwriter.list_wires(folder)
    elif kind in prwriter.LIBRARY_KINDS:
        found = prwriter.list_entries(kind, folder)
    else:
        choices = ", ".join(("wires", *prwriter.LIBRARY_KINDS))
        raise typer.BadParameter(f"unknown kind '{kind}'; choose from {choices}")
    width = max((len(name) for name in found), default=0)
    for name, path in found.items():
        typer.echo(f"{name:<{width}}  {path}")


templates_app = typer.Typer(
    help="Customise the layouts: copy the shipped templates into a project.",
    no_args_is_help=True,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def export(
    destination: Annotated[
        Path,
        typer.Argument(help="Where to copy them, usually your project's templates/ folder."),
    ] = Path("templates"),
) -> None:
    """Copy the shipped templates (text layout, wire profiles, HTML layout and stylesheets,
    the DOCX reference document, fonts) to start customising them. Files that exist are
    never replaced. prwriter uses a project's templates/ before its own."""
    written = prwriter.export_templates(destination)
    for path in written:
        typer.echo(f"wrote {path}")
    if not written:
        typer.echo(f"nothing to copy: {destination} already has every template")


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
