"""A throw-away PostgreSQL server for the tests: Debian's binaries, a temp data dir, a free port.

`postgres_server()` starts a real `postgres` on 127.0.0.1 (a free port, a fresh data folder
under the system temp dir, trust authentication for the one role `grader`) and stops it
when the `with` block ends, failed test or not; the data folder is then deleted. The
postmaster is also told to shut down if the Python process that started it dies
(PR_SET_PDEATHSIG), so a killed pytest leaves no server behind.

The server binaries come from Debian's `postgresql` package. When they are missing and we
are root (CI, a fresh machine), `ensure_installed()` installs the package with apt-get, as
the Makefile's `chromium` target does for the browser; otherwise it says what to install.
PostgreSQL refuses to run as root: as root the server runs as the package's `postgres` user.
"""

import ctypes
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "postgresql"
ROLE = "grader"
SERVER_USER = "postgres"  # created by Debian's package; the server's user when we are root
START_TIMEOUT = 60  # seconds


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, and we cannot install them."""


def server_bindir():
    """The folder holding `initdb` and `postgres`, or None."""
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(Path(out.stdout.strip()))
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)
    versions = Path("/usr/lib/postgresql").glob("*/bin")  # Debian keeps them off PATH
    candidates += sorted(versions, key=lambda p: _version(p.parent.name), reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def _version(name):
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


def ensure_installed():
    """The server binaries' folder; installs Debian's `postgresql` first when root needs it."""
    bindir = server_bindir()
    if bindir:
        return bindir
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise PostgresUnavailable(
            "This test needs a PostgreSQL server (initdb, postgres), from Debian's package "
            f"'{PACKAGE}':\n  sudo apt-get update && sudo apt-get install {PACKAGE}"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE], check=True, env=env
    )
    bindir = server_bindir()
    if not bindir:
        raise PostgresUnavailable(f"apt-get installed {PACKAGE} but no initdb/postgres found")
    return bindir


@dataclass
class Server:
    host: str
    port: int
    data_dir: Path
    log_path: Path

    def url(self, database="postgres", driver="postgresql+psycopg2"):
        """SQLAlchemy URL of `database` on this server (what nbgrader's --db takes)."""
        return f"{driver}://{ROLE}@{self.host}:{self.port}/{database}"

    def connect(self, database="postgres"):
        import psycopg2

        return psycopg2.connect(
            host=self.host, port=self.port, user=ROLE, dbname=database, connect_timeout=5
        )

    def create_database(self, name):
        """Create an empty database `name`; its SQLAlchemy URL."""
        connection = self.connect()
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        return self.url(name)

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@contextmanager
def postgres_server():
    """Start a throw-away server; yield a `Server`; always stop it and delete its data."""
    bindir = ensure_installed()
    as_user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="backprop-course-pg-"))
    process = None
    try:
        data_dir, log_path = root / "data", root / "server.log"
        if as_user:  # the server's user must own its folder; the temp dir itself is root's
            os.chown(root, as_user.pw_uid, as_user.pw_gid)
        _run_as(as_user, [bindir / "initdb", "-D", data_dir, "-U", ROLE, "--auth=trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync"])  # fmt: skip
        for _attempt in range(3):  # a free port can be taken between probing and binding
            server = Server("127.0.0.1", _free_port(), data_dir, log_path)
            process = _start(bindir, server, as_user)
            if _wait_ready(process, server):
                break
            _stop(process)
            process = None
        if process is None:
            raise RuntimeError(f"PostgreSQL did not start:\n{server.log()[-3000:]}")
        yield server
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(root, ignore_errors=True)


def _server_user():
    """The account the server runs as when we are root (PostgreSQL refuses root), else None."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError as error:
        raise PostgresUnavailable(
            f"running as root, PostgreSQL needs an unprivileged user; '{SERVER_USER}' "
            f"(created by Debian's {PACKAGE} package) does not exist"
        ) from error


def _as_user_kwargs(as_user):
    if as_user is None:
        return {}
    return {"user": as_user.pw_uid, "group": as_user.pw_gid, "extra_groups": [],
            "env": {"PATH": os.defpath, "HOME": as_user.pw_dir, "LC_ALL": "C"}}  # fmt: skip


def _run_as(as_user, command):
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, **_as_user_kwargs(as_user)
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")


def _free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent():
    """In the child, before exec: a fast shutdown if the Python process that started it dies."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGINT)


def _start(bindir, server, as_user):
    command = [
        str(bindir / "postgres"), "-D", str(server.data_dir),
        "-h", server.host, "-p", str(server.port),
        "-k", str(server.data_dir),  # the Unix socket stays in the temp folder
        "-c", "fsync=off",  # a throw-away server: durability is not what is tested
        "-c", "max_connections=50",
    ]  # fmt: skip
    log = open(server.log_path, "ab")  # the child keeps its own copy of the descriptor
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
            **_as_user_kwargs(as_user),
        )
    finally:
        log.close()


def _wait_ready(process, server):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            server.connect().close()
            return True
        except Exception:
            time.sleep(0.2)
    return False


def _stop(process):
    """Fast shutdown (SIGINT), then SIGKILL to the whole group if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
