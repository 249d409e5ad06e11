"""prwriter preview: a real HTTP client against the server, and a headless Chromium that sees
a change on disk reach the page without anyone reloading it."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.previewing import Preview

CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI") == "true"
SHOUTING = ACME_RELEASE.replace("Acme Opens a Plant in Dayton", "Acme Opens a Plant in Dayton!")


def edit(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
    later = time.time() + 1  # a later modification time, whatever the clock's grain
    os.utime(path, (later, later))


@pytest.fixture
def served(make_project: ProjectMaker) -> Iterator[tuple[Preview, Path]]:
    project = make_project({"prwriter.toml": "", "r.yaml": SHOUTING})
    preview = Preview(project / "r.yaml")
    thread = threading.Thread(target=preview.serve, daemon=True)
    thread.start()
    try:
        yield preview, project / "r.yaml"
    finally:
        preview.close()
        thread.join(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def row(page: str, field: str) -> str:
    """The HTML of the page's row for one part of the copy."""
    start = page.index(f'<div class="row" data-field="{field}">')
    end = page.find('<div class="row"', start + 1)
    return page[start : end if end != -1 else None]


def test_the_page_shows_copy_findings_print_copy_and_wire_text(served) -> None:
    preview, release_file = served
    assert preview.url.startswith("http://127.0.0.1:")
    status, page = get(preview.url)
    assert status == 200
    headline = row(page, "headline")
    assert "Acme Opens a Plant in Dayton!" in headline
    # The finding sits beside the headline it is about, not elsewhere.
    assert "exclamation mark" in headline and 'class="finding ' in headline
    assert "exclamation mark" not in row(page, "body[0]")
    assert '<iframe src="/print"' in page
    release = prwriter.load_release(release_file)
    wire_text = str(prwriter.render(release, "txt"))
    assert wire_text.split("\n")[0] in page and "DAYTON, Ohio--(BUSINESS WIRE)--" in page
    status, print_copy = get(preview.url + "print")
    assert status == 200 and print_copy == prwriter.render(release, "html")
    assert get(preview.url + "nowhere")[0] == 404


def test_a_change_on_disk_is_announced_to_the_page(served) -> None:
    preview, release_file = served
    connection = http.client.HTTPConnection(*preview.server.server_address[:2], timeout=30)
    connection.request("GET", "/events")
    response = connection.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b": connected\n"
    before = int(get(preview.url + "version")[1])
    time.sleep(0.3)
    edit(release_file, SHOUTING.replace("a Plant", "a Lab"))
    deadline = time.monotonic() + 30
    line = b""
    while not line.startswith(b"data: ") and time.monotonic() < deadline:
        line = response.readline()
    assert line.startswith(b"data: ") and int(line[6:]) > before
    connection.close()
    assert "Acme Opens a Lab in Dayton!" in get(preview.url)[1]


def test_a_broken_release_shows_its_problems_until_fixed(served) -> None:
    preview, release_file = served
    edit(release_file, SHOUTING.replace("state: Ohio", "state: Ohioo"))
    page = get(preview.url)[1]
    assert "This release cannot be rendered yet" in page
    assert re.search(
        r"r\.yaml:3:\d+: dateline\.state: &#x27;Ohioo&#x27; is not a U\.S\. state", page
    )


def read_lines(stream: Any, into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def start_command(release: Path) -> tuple[subprocess.Popen[str], str, queue.Queue[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "prwriter", "preview", str(release)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True).start()
    first = lines.get(timeout=60)
    found = re.search(r"at (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops\)", first)
    assert found, first
    return process, found.group(1), lines


@pytest.mark.slow
def test_the_command_serves_on_localhost_and_stops_cleanly(make_project) -> None:
    project = make_project({"prwriter.toml": "", "r.yaml": SHOUTING})
    process, url, _ = start_command(project / "r.yaml")
    try:
        status, page = get(url)
        assert status == 200 and "Acme Opens a Plant in Dayton!" in page
    finally:
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=20)
    assert process.stderr is not None and process.stdout is not None
    assert "Traceback" not in process.stderr.read()
    process.stderr.close()
    process.stdout.close()
    assert status == 130
    missing = subprocess.run([sys.executable, "-m", "prwriter", "preview", "nope.yaml"],
                             capture_output=True, text=True, cwd=project)  # fmt: skip
    assert missing.returncode == 2 and "nope.yaml: no such release file" in missing.stderr


class DevTools:
    """Just enough of the Chrome DevTools protocol: open a page, evaluate JavaScript."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv(timeout=30))
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply
                return dict(reply["result"])

    def text(self, session: str, selector: str) -> str | None:
        expression = f"(document.querySelector({json.dumps(selector)}) || {{}}).textContent"
        result = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        value = result["result"].get("value")
        return value if isinstance(value, str) else None


@pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="Chromium is not installed")
def test_chromium_shows_a_change_without_a_manual_reload(make_project) -> None:
    assert CHROMIUM, "CI must install the chromium Debian package"
    project = make_project({"prwriter.toml": "", "r.yaml": SHOUTING})
    release = project / "r.yaml"
    server, url, _ = start_command(release)
    profile = tempfile.mkdtemp(prefix="prwriter-chromium-")
    browser = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=read_lines, args=(browser.stderr, lines), daemon=True).start()
        socket_url = ""
        deadline = time.monotonic() + 60
        while not socket_url and time.monotonic() < deadline:
            found = re.search(r"DevTools listening on (ws://\S+)", lines.get(timeout=60))
            socket_url = found.group(1) if found else ""
        from websockets.sync.client import connect

        with connect(socket_url, max_size=None) as socket:
            tools = DevTools(socket)
            target = tools.call("Target.createTarget", url=url)["targetId"]
            session = tools.call("Target.attachToTarget", targetId=target, flatten=True)[
                "sessionId"
            ]
            headline = '[data-field="headline"] p'

            def wait_for(text: str) -> None:
                deadline = time.monotonic() + 40
                while time.monotonic() < deadline:
                    if tools.text(session, headline) == text:
                        return
                    time.sleep(0.25)
                raise AssertionError(
                    f"the page never showed {text!r}: {tools.text(session, 'body')}"
                )

            wait_for("Acme Opens a Plant in Dayton!")
            time.sleep(1.0)  # the page's event stream is open by now
            edit(release, SHOUTING.replace("a Plant in Dayton!", "a Lab in Dayton"))
            wait_for("Acme Opens a Lab in Dayton")  # no Page.reload was sent: the page did it
            notes = tools.text(session, '[data-field="headline"] aside') or ""
            assert "exclamation" not in notes  # the findings followed the change too
    finally:
        browser.terminate()
        browser.wait(timeout=20)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
        for stream in (browser.stderr, server.stdout, server.stderr):
            if stream is not None:
                stream.close()
        shutil.rmtree(profile, ignore_errors=True)
