"""`make lab` starts a headless JupyterLab on the student notebooks, ready to use.

This runs the README's command itself (on a free port), reads the URL it prints, and asks
the server what a student's browser would: the release notebooks, a python3 kernel that
imports `course`, and nbgrader's Validate working on a release notebook.
"""

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from tests.nbgrader_course import REPO
from tests.submissions import notebooks

URL = re.compile(r"(http://127\.0\.0\.1:\d+/lab\?token=\w+)")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def make_lab(tmp_path):
    port = _free_port()
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    args = f"--ServerApp.port={port} --ServerApp.port_retries=0"
    server = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_ARGS={args}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, stopped as a whole below
    )
    try:
        url = _wait_for_url(server)
        # keep reading the log so the server never blocks on a full pipe
        threading.Thread(target=server.stdout.read, daemon=True).start()
        _wait_until_serving(url)
        yield url
    finally:
        _stop_group(server)


def _stop_group(server):
    """Stop make, jupyter and every kernel it started (they share one process group)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=20)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_for_url(server, timeout=120):
    deadline, seen = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line and server.poll() is not None:
            break
        seen.append(line)
        found = URL.search(line)
        if found:
            return found.group(1)
    raise AssertionError("make lab printed no URL:\n" + "".join(seen[-40:]))


def _wait_until_serving(url, timeout=60):
    base, token = url.split("/lab?token=")
    deadline = time.monotonic() + timeout
    while True:
        try:
            _get(base, "/api/status", token)
            return
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _get(base, path, token, data=None):
    request = urllib.request.Request(
        f"{base}{path}",
        data=data,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.read().decode()


def test_make_lab_serves_the_release_notebooks_headless(tmp_path):
    with make_lab(tmp_path) as url:
        base, token = url.split("/lab?token=")
        status, _ = _get(base, "/lab", token)
        assert status == 200
        listing = json.loads(_get(base, "/api/contents", token)[1])
        assert {a for a, _ in notebooks()} <= {item["name"] for item in listing["content"]}
        specs = json.loads(_get(base, "/api/kernelspecs", token)[1])
        assert specs["default"] == "python3" and "python3" in specs["kernelspecs"]
        assignment, notebook = notebooks()[0]
        path = f"{assignment}/{notebook}.ipynb"
        body = json.dumps({"path": path}).encode()
        status, reply = _get(base, "/assignments/validate", token, data=body)
        result = json.loads(reply)
        assert result["success"], result
        assert "NotImplementedError" in json.dumps(result["value"]), "Validate ran no test"
