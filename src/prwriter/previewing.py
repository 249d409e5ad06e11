"""A live preview of one release in the browser: the copy with the check findings beside
the parts they point at, the print copy and the wire text. The page reloads itself when the
release, a library file, a template, a wire profile or the settings change on disk.

A small standard-library HTTP server on 127.0.0.1 (never another interface unless asked);
changes reach the page as server-sent events from a watchfiles thread. Every request renders
from the files as they are, so nothing is cached past a change.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# How long an idle event stream waits before a keep-alive comment, in seconds.
KEEPALIVE = 15.0
_FIELD = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?")


@dataclass
class _Changes:
    """A counter the watcher bumps on every relevant change, and waiters can wait on."""

    version: int = 0
    condition: threading.Condition = field(default_factory=threading.Condition)

    def bump(self) -> None:
        with self.condition:
            self.version += 1
            self.condition.notify_all()

    def wait_past(self, seen: int, timeout: float) -> int:
        with self.condition:
            self.condition.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


class Preview:
    """The preview of `release` (a file), served on `host`:`port` (0: a free port)."""

    def __init__(
        self, release: Path, *, wire: str | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.release = release.resolve()
        self.wire = wire
        self.changes = _Changes()
        self.stop = threading.Event()
        self.server = ThreadingHTTPServer((host, port), _handler(self))
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def serve(self, on_ready: Callable[[str], None] | None = None) -> None:
        """Serve until interrupted (or `close`); the watcher runs beside it."""
        watcher = threading.Thread(target=self._watch, name="prwriter-preview-watch", daemon=True)
        watcher.start()
        if on_ready:
            on_ready(self.url)
        try:
            self.server.serve_forever(poll_interval=0.2)
        finally:
            self.stop.set()
            self.changes.bump()  # wake the event streams, which then end
            self.server.server_close()

    def close(self) -> None:
        """Stop serving (from another thread)."""
        self.stop.set()
        self.server.shutdown()

    def _watch(self) -> None:
        import watchfiles

        from prwriter.batch import watch_folders
        from prwriter.watching import relevant_change

        folders = watch_folders([self.release])

        def keep(change: watchfiles.Change, path: str) -> bool:
            return relevant_change(path)

        # A short debounce: an editor's save reaches the page in well under a second.
        for _ in watchfiles.watch(*folders, watch_filter=keep, stop_event=self.stop, debounce=300,
                                  raise_interrupt=False):  # fmt: skip
            self.changes.bump()

    # --- pages ---------------------------------------------------------------------------

    def page(self) -> str:
        """The preview page, from the files as they are now."""
        from prwriter.batch import check
        from prwriter.loading import load_release

        [result] = check([self.release])
        title, sections = self.release.name, []
        if result.problems:
            sections.append(_problems_section(result.problems))
        else:
            release = load_release(self.release)
            title = release.headline
            wire = self.wire or release.wire or "businesswire"
            sections.append(_copy_section(self.release, result.findings))
            sections.append(
                '<section class="print"><h2>Print copy</h2>'
                '<iframe src="/print" title="Print copy"></iframe></section>'
            )
            text = str(_render(release, "txt", self.wire))
            sections.append(
                f'<section class="wire"><h2>Wire text ({escape(wire)})</h2>'
                f'<pre id="wire-text">{escape(text)}</pre></section>'
            )
        return _PAGE.format(
            title=escape(title),
            path=escape(str(self.release)),
            version=self.changes.version,
            sections="\n".join(sections),
        )

    def print_copy(self) -> str:
        from prwriter.loading import load_release

        return str(_render(load_release(self.release), "html", None))


def _render(release: Any, fmt: str, wire: str | None) -> str | bytes:
    from prwriter.project import Project
    from prwriter.writers import RenderOptions, get_writer

    return get_writer(fmt).write(release, RenderOptions(Project.of_release(release), wire=wire))


def _rows(release: Path) -> list[tuple[str, str, str]]:
    """(field, label, text) for each part of the copy a finding can point at."""
    from prwriter.errors import InputError
    from prwriter.yaml_source import read_yaml

    try:
        data = read_yaml(release).data
    except InputError:
        return []
    if not isinstance(data, dict):
        return []

    def listed(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    rows = [("headline", "Headline", str(data.get("headline", "")))]
    for i, text in enumerate(listed(data.get("subheadlines", []))):
        rows.append((f"subheadlines[{i}]", "Subheadline", str(text)))
    for i, part in enumerate(listed(data.get("body", []))):
        if isinstance(part, dict) and isinstance(part.get("quote"), dict):
            quote = part["quote"]
            speaker = quote.get("speaker")
            who = speaker if isinstance(speaker, str) else (speaker or {}).get("name", "")
            rows.append((f"body[{i}]", f"Quote ({who})", str(quote.get("text", ""))))
        else:
            rows.append((f"body[{i}]", "Lead" if i == 0 else "Body", str(part)))
    return rows


def _row_of(finding_field: str, release_file: bool) -> str:
    """The row a finding belongs to: `body[2].quote.text` -> `body[2]`; a finding about the
    whole body goes with its first part."""
    match = _FIELD.match(finding_field)
    if not release_file or match is None:
        return ""
    name, index = match.group(1), match.group(2)
    if name in ("body", "subheadlines"):
        return f"{name}[{index or 0}]"
    return name


def _copy_section(release: Path, findings: Any) -> str:
    from prwriter.errors import display_path

    rows = _rows(release)
    notes: dict[str, list[str]] = {}
    shown = display_path(release)
    for finding in findings:
        own = finding.file in (shown, str(release)) or Path(finding.file).resolve() == release
        key = _row_of(finding.field, own)
        if key not in {r[0] for r in rows}:
            key = ""
        where = "" if own else f"{escape(finding.file)}:{finding.line}: "
        notes.setdefault(key, []).append(
            f'<p class="finding {escape(finding.severity)}" data-rule="{escape(finding.rule)}">'
            f"<b>{escape(finding.severity)} {escape(finding.rule)}</b> {where}"
            f"{escape(finding.message)}</p>"
        )
    body = []
    for key, label, text in rows:
        body.append(
            f'<div class="row" data-field="{escape(key)}"><div class="part">'
            f'<span class="label">{escape(label)}</span><p>{escape(text)}</p></div>'
            f'<aside class="notes">{"".join(notes.get(key, []))}</aside></div>'
        )
    if notes.get(""):
        body.append(
            '<div class="row" data-field=""><div class="part"><span class="label">'
            "Elsewhere (library, settings, the release as a whole)</span></div>"
            f'<aside class="notes">{"".join(notes[""])}</aside></div>'
        )
    count = sum(len(v) for v in notes.values())
    return (f'<section class="copy"><h2>Copy and findings ({count})</h2>'
            f'{"".join(body)}</section>')  # fmt: skip


def _problems_section(problems: Any) -> str:
    items = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
    return (
        '<section class="problems"><h2>This release cannot be rendered yet</h2>'
        f"<ul>{items}</ul><p>Fix the file and save: this page reloads.</p></section>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - prwriter preview</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #222; }}
header {{ padding: .6em 1em; background: #223; color: #eee; font-size: 90%; }}
main {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; padding: 1em; }}
section.copy, section.problems {{ grid-column: 1 / -1; }}
.row {{ display: grid; grid-template-columns: 3fr 2fr; gap: 1em;
        border-bottom: 1px solid #ddd; padding: .4em 0; }}
.label {{ font-size: 75%; text-transform: uppercase; color: #777; }}
.part p {{ margin: .2em 0; font-family: Georgia, serif; }}
.finding {{ margin: .2em 0; padding: .2em .5em; border-left: 4px solid; font-size: 85%; }}
.finding.error {{ border-color: #b00; background: #fdecec; }}
.finding.warning {{ border-color: #c80; background: #fff6e0; }}
.finding.info {{ border-color: #06c; background: #eaf2fc; }}
iframe {{ width: 100%; height: 70vh; border: 1px solid #ccc; }}
pre {{ white-space: pre-wrap; font-size: 85%; background: #f6f6f6; padding: 1em; }}
.problems li {{ color: #b00; font-family: monospace; }}
</style>
</head>
<body data-version="{version}">
<header>prwriter preview of {path} &middot; <span id="status">live</span></header>
<main>
{sections}
</main>
<script>
// The server says when a file changed; the page then reloads itself.
const events = new EventSource("/events");
events.onmessage = () => location.reload();
events.onerror = () => {{ document.getElementById("status").textContent = "disconnected"; }};
</script>
</body>
</html>
"""


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "prwriter-preview"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the terminal shows the address and problems, not every request

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/events":
                self._events()
            elif path == "/":
                self._send(200, "text/html; charset=utf-8", self._render(preview.page))
            elif path == "/print":
                self._send(200, "text/html; charset=utf-8", self._render(preview.print_copy))
            elif path == "/version":
                self._send(200, "text/plain; charset=utf-8", str(preview.changes.version))
            else:
                self._send(404, "text/plain; charset=utf-8", "not found")

        def _render(self, make: Callable[[], str]) -> str:
            from prwriter.errors import InputError

            try:
                return make()
            except InputError as error:
                return _PAGE.format(title="Problems", path=escape(str(preview.release)),
                                    version=preview.changes.version,
                                    sections=_problems_section(error.problems))  # fmt: skip

        def _send(self, status: int, kind: str, text: str) -> None:
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.changes.version
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while not preview.stop.is_set():
                    now = preview.changes.wait_past(seen, KEEPALIVE)
                    if preview.stop.is_set():
                        break
                    message = f"data: {now}\n\n" if now != seen else ": still here\n\n"
                    self.wfile.write(message.encode("ascii"))
                    self.wfile.flush()
                    seen = now
            except (BrokenPipeError, ConnectionResetError):
                return  # the page went away

    return Handler
