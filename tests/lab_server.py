"""Start `make lab` (the README's command) on a free port, and stop it and all it started.

`make_lab(tmp)` runs `make lab` from the repo with only what a test needs on top:
`LAB_ARGS` for the port (no retries, so two runs never share a server), and optionally
`LAB_ROOT` for the folder served. Jupyter's per-user folders (config, runtime, workspaces,
lab settings) are fresh folders in `tmp`, so nothing on the developer's machine leaks in
and nothing is left behind; `settings` writes JupyterLab user settings there
(`{"@jupyterlab/notebook-extension:tracker": {...}}`). The server runs in its own process
group, stopped as a whole (make, jupyter, every kernel) when the `with` block ends, even
when a test fails inside it.
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
from pathlib import Path

from tests.nbgrader_course import REPO

URL = re.compile(r"(http://127\.0\.0\.1:\d+/lab\?token=\w+)")
NO_RETRY = "--ServerApp.port_retries=0"  # a taken port is an error, never another server


@contextmanager
def make_lab(tmp_path, root=None, settings=None, environment=None):
    """Yield the URL `make lab` prints (`http://127.0.0.1:<port>/lab?token=…`).

    environment: extra variables for the server and so for its kernels (e.g. quick demos).
    """
    tmp_path = Path(tmp_path)
    env = dict(
        os.environ,
        **(environment or {}),
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
    )
    for name in ("BACKPROP_COURSE_CASES", "BACKPROP_COURSE_SEED", "MAKEFLAGS", "MFLAGS"):
        env.pop(name, None)  # a student's shell has none of these
    for plugin, values in (settings or {}).items():
        package, name = plugin.split(":")
        path = tmp_path / "settings" / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    log = tmp_path / "server.log"
    for attempt in range(3):  # another program may take the free port before jupyter does
        command = ["make", "-s", "lab", f"LAB_ARGS=--ServerApp.port={_free_port()} {NO_RETRY}"]
        if root is not None:
            command.append(f"LAB_ROOT={root}")
        server = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, stopped as a whole below
        )
        try:
            url = _wait_for_url(server, log)
            if url is None and attempt < 2 and "already in use" in log.read_text():
                continue
            assert url, "make lab printed no URL:\n" + log.read_text()[-4000:]
            # keep reading the log (into server.log) so the server never blocks on a full pipe
            threading.Thread(target=_copy_to, args=(server.stdout, log), daemon=True).start()
            _wait_until_serving(url)
            yield url
            return
        finally:
            _stop_group(server)


def api(url, path, data=None, method=None):
    """(status, body) of `path` on the server at `url`, authenticated with its token."""
    base, token = url.split("/lab?token=")
    request = urllib.request.Request(
        f"{base}{path}",
        data=data,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.read().decode()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_group(server):
    """Stop make, jupyter and every kernel it started.

    make and jupyter share the process group started above; jupyter starts each kernel in a
    session of its own, so the kernels are listed first and stopped after the group.
    """
    kernels = _descendants(server.pid)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=20)
            break
        except ProcessLookupError:
            break
        except subprocess.TimeoutExpired:
            continue
    for pid, started in kernels:
        if _start_time(pid) == started:  # still that process, not a new one with its id
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _descendants(pid):
    """[(pid, start time)] of every living descendant of `pid`, from /proc."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append((child, _start_time(child)))
            stack.append(child)
    return found


def _start_time(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _wait_for_url(server, log, timeout=120):
    """The URL the server prints, or None if it stopped first; its output so far in `log`."""
    deadline, seen = time.monotonic() + timeout, []
    try:
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                return None
            seen.append(line)
            found = URL.search(line)
            if found:
                return found.group(1)
        return None
    finally:
        log.write_text("".join(seen))


def _copy_to(stream, log):
    with open(log, "a") as out:
        for line in stream:
            out.write(line)
            out.flush()


def _wait_until_serving(url, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            api(url, "/api/status")
            return
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
