"""The student's kernel runs in a bubblewrap sandbox when nbgrader autogrades (grader.sandbox).

Proven through the real `nbgrader autograde` on throw-away copies of the course:

- the reference still gets full marks and a known bug loses its points with the very message
  it gets unsandboxed (the judge regenerates the cases from hidden_cases.py as before);
- a hostile solution cell tries to read the reference and the hidden cases (absolute and
  relative paths), list the machine's folders, write the gradebook and other students'
  folders, and reach the network: every attempt fails inside the kernel, the submission is
  still graded in full, and no file of the course outside that student's autograded folder
  changes. The same cell graded with `--Execute.sandbox=False` succeeds at the attacks, so
  the test attacks something real;
- without bubblewrap, grading stops with a message that says so instead of running unsandboxed.
"""

import ast
import hashlib
import socket
import sqlite3
import tempfile
import threading
from pathlib import Path

import nbformat
import pytest

from grader import autograde
from grader.sandbox import MISSING_BWRAP, MPLCONFIGDIR, PRIVATE_PREFIX, read_only_paths
from tests.corpus import diagnosis_sentence
from tests.corpus import gradient_descent as corpus
from tests.nbgrader_course import Course, nbgrader_env
from tests.submissions import fill, reference_code, release_notebook, source_notebook

A, N = corpus.ASSIGNMENT, corpus.NOTEBOOK
BUG = corpus.BUGS[0]  # numerical_derivative: a one-sided difference
FULL = {
    "test_numerical_derivative": (1.0, 1.0),
    "test_gradient_descent_1d": (2.0, 2.0),
    "test_linear_cost": (2.0, 2.0),
    "test_linear_gradients": (2.0, 2.0),
    "test_gradient_descent_2d": (2.0, 2.0),
}

# Each attempt prints "DONE <name>: ..." or "BLOCKED <name>: <error>" into the cell output.
HOSTILE = r"""
import os as _os
import socket as _socket
import sqlite3 as _sqlite3

ROOT = {root!r}
OTHER = "ref"
_attempts = {{
    "read reference (absolute)": lambda: open(f"{{ROOT}}/source/{a}/{n}.ipynb").read(100),
    "read hidden cases (absolute)": lambda: open(f"{{ROOT}}/source/{a}/hidden_cases.py").read(100),
    "read reference (relative)": lambda: open("../../../source/{a}/{n}.ipynb").read(100),
    "read hidden cases (relative)": lambda: open("../../../source/{a}/hidden_cases.py").read(100),
    "read other student": lambda: open(f"{{ROOT}}/submitted/{{OTHER}}/{a}/{n}.ipynb").read(100),
    "list course": lambda: _os.listdir(ROOT),
    "list top": lambda: _os.listdir({top!r}),
    "write gradebook (absolute)": lambda: _sqlite3.connect(f"{{ROOT}}/gradebook.db").execute(
        "create table pwned (x)"),
    "write gradebook (relative)": lambda: _sqlite3.connect("../../../gradebook.db").execute(
        "create table pwned_relative (x)"),
    "write other submitted": lambda: open(
        f"{{ROOT}}/submitted/{{OTHER}}/{a}/evil.txt", "w").write("pwned"),
    "write other autograded": lambda: open(
        f"{{ROOT}}/autograded/{{OTHER}}/{a}/evil.txt", "w").write("pwned"),
    "write course root": lambda: open(f"{{ROOT}}/evil.txt", "w").write("pwned"),
    "connect 127.0.0.1": lambda: _socket.create_connection(("127.0.0.1", {port}), timeout=3),
    "connect internet": lambda: _socket.create_connection(("1.1.1.1", 80), timeout=3),
    "resolve pypi.org": lambda: _socket.getaddrinfo("pypi.org", 443),
}}
for _name, _attempt in _attempts.items():
    try:
        _got = _attempt()
        print(f"DONE {{_name}}: {{str(_got)[:200]!r}}")
    except BaseException as _error:
        print(f"BLOCKED {{_name}}: {{type(_error).__name__}}: {{_error}}")
print("WHO", _os.getuid(), _os.getcwd(), sorted(_os.listdir("/")))
"""
READS = [
    "read reference (absolute)",
    "read hidden cases (absolute)",
    "read reference (relative)",
    "read hidden cases (relative)",
    "read other student",
]
WRITES = [
    "write gradebook (absolute)",
    "write gradebook (relative)",
    "write other submitted",
    "write other autograded",
    "write course root",
]
NETWORK = ["connect 127.0.0.1", "connect internet", "resolve pypi.org"]
# The top folder of the repository's path (/work for /work/main, /check for a CI clone in
# /check/work/main, /tmp for a clone in `mktemp -d`): the venv and the course package are
# under it, so the sandbox shows it
TOP = Path("/", *Path(__file__).resolve().parts[1:2])


class Listener:
    """A TCP server on the host's 127.0.0.1 that counts who connects."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self):
        self.server.close()


def _submission(code):
    return fill(release_notebook(A, N), code)


def _reference():
    return reference_code(source_notebook(A, N))


def _hostile(root, port):
    code = _reference()
    attack = HOSTILE.format(root=str(root), top=str(TOP), a=A, n=N, port=port)
    code["numerical_derivative"] = code["numerical_derivative"] + "\n" + attack
    return _submission(code)


def _buggy():
    return _submission({**_reference(), BUG.function: BUG.code})


def _output(nb, grade_id):
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def _attempts(text):
    """{attempt: "DONE" | "BLOCKED"} and the lines, from the hostile cell's output."""
    found = {}
    for line in text.splitlines():
        verdict, _, rest = line.partition(" ")
        if verdict in ("DONE", "BLOCKED"):
            found[rest.split(":", 1)[0]] = verdict
    return found


def _errors(nb, grade_id):
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return [o.get("evalue", "") for o in cell.outputs if o.output_type == "error"]


def _snapshot(root):
    """{relative path: sha256} of every file of the course copy."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(root).rglob("*"))
        if p.is_file()
    }


def _tables(db):
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select name from sqlite_master where type = 'table'").fetchall()
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    return sorted(r[0] for r in rows)


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def sandboxed(tmp_path_factory, listener):
    """Grade ref and bug, snapshot the course, then grade the hostile student alone."""
    course = Course.copy_of_repo(tmp_path_factory.mktemp("sandboxed"))
    course.nbgrader("generate_assignment", A, "--force")
    course.submit("ref", A, N, _submission(_reference()))
    course.submit("bug", A, N, _buggy())
    course.nbgrader("autograde", A)
    course.submit("hostile", A, N, _hostile(course.root, listener.port))
    before = {
        "files": _snapshot(course.root),
        "tables": _tables(course.root / "gradebook.db"),
        "scores": {s: course.scores(A, N, s) for s in ("ref", "bug")},
        "connections": listener.connections,
    }
    course.nbgrader("autograde", A, "--student", "hostile")
    before["connections_after"] = listener.connections
    return course, before


@pytest.fixture(scope="module")
def unsandboxed(tmp_path_factory, listener):
    """The same submissions, all in one run, with the sandbox switched off."""
    course = Course.copy_of_repo(tmp_path_factory.mktemp("unsandboxed"))
    course.nbgrader("generate_assignment", A, "--force")
    course.submit("ref", A, N, _submission(_reference()))
    course.submit("bug", A, N, _buggy())
    course.nbgrader("autograde", A, "--Execute.sandbox=False")
    connections = listener.connections
    course.submit("hostile", A, N, _hostile(course.root, listener.port))
    course.nbgrader("autograde", A, "--student", "hostile", "--Execute.sandbox=False")
    return course, listener.connections - connections


def test_reference_full_marks_and_bug_same_message_sandboxed(sandboxed, unsandboxed):
    course, _ = sandboxed
    plain, _ = unsandboxed
    assert course.scores(A, N, "ref") == FULL
    scores = course.scores(A, N, "bug")
    assert scores["test_numerical_derivative"] == (0.0, 1.0)
    assert scores == plain.scores(A, N, "bug")
    message = _errors(course.autograded("bug", A, N), "test_numerical_derivative")
    assert message == _errors(plain.autograded("bug", A, N), "test_numerical_derivative")
    assert diagnosis_sentence(corpus, BUG) in message[-1]


def test_hostile_cell_is_blocked_and_still_graded(sandboxed):
    course, _ = sandboxed
    assert course.scores(A, N, "hostile") == FULL
    text = _output(course.autograded("hostile", A, N), "numerical_derivative")
    attempts = _attempts(text)
    assert set(attempts) == set(READS + WRITES + NETWORK + ["list course", "list top"]), text
    for name in READS + WRITES + NETWORK + ["list course"]:
        assert attempts[name] == "BLOCKED", text
    # the top folder holds only the folders leading to what a student has (the venv, the
    # course package, the datasets), wherever the repo is checked out
    leading = {
        p.parts[2] for p in read_only_paths() if p.parts[:2] == TOP.parts and len(p.parts) > 2
    }
    if not leading:  # nothing a student has lives under it: it is not there at all
        assert attempts["list top"] == "BLOCKED", text
    else:
        listed = next(line for line in text.splitlines() if line.startswith("DONE list top"))
        names = set(ast.literal_eval(ast.literal_eval(listed.split(": ", 1)[1])))
        names = {name for name in names if not _made_by_the_sandbox(name)}
        assert names <= leading, f"the sandbox shows {sorted(names - leading)} in {TOP}"
    who = next(line for line in text.splitlines() if line.startswith("WHO"))
    assert "/home/student/work" in who


def _made_by_the_sandbox(name):
    """Whether `name` in TOP is the sandbox's own, not the host's: with the repo under /tmp
    (a clone in `mktemp -d`), TOP is /tmp, where the kernel's private folder is bound in and
    the sandbox's own /tmp (a tmpfs) holds matplotlib's cache."""
    private = Path(tempfile.gettempdir()) == TOP and name.startswith(PRIVATE_PREFIX)
    return private or Path(MPLCONFIGDIR) == TOP / name


def test_hostile_cell_changes_nothing_outside_its_autograded_folder(sandboxed):
    course, before = sandboxed
    after = _snapshot(course.root)
    own = "autograded/hostile/"
    changed = {
        path
        for path in set(before["files"]) | set(after)
        if before["files"].get(path) != after.get(path)
    }
    assert {p for p in changed if not p.startswith(own)} == {"gradebook.db"}
    assert not [p for p in after if "evil" in p]
    assert _tables(course.root / "gradebook.db") == before["tables"]  # no "pwned" table
    assert {s: course.scores(A, N, s) for s in ("ref", "bug")} == before["scores"]
    assert before["connections_after"] == before["connections"]  # none reached the host


def test_the_same_attacks_succeed_without_the_sandbox(unsandboxed):
    """The control: with `c.Execute.sandbox = False` the hostile cell gets everything."""
    course, connections = unsandboxed
    text = _output(course.autograded("hostile", A, N), "numerical_derivative")
    attempts = _attempts(text)
    for name in READS + WRITES + ["connect 127.0.0.1", "list course"]:
        assert attempts[name] == "DONE", text
    assert "pwned" in _tables(course.root / "gradebook.db")
    assert (course.root / "submitted" / "ref" / A / "evil.txt").exists()
    assert connections >= 1


def test_without_bubblewrap_grading_stops_and_says_why(tmp_path, monkeypatch):
    course = Course.copy_of_repo(tmp_path / "course")
    course.nbgrader("generate_assignment", A, "--force")
    course.submit("ref", A, N, _submission(_reference()))
    result = course.nbgrader("autograde", A, "--Execute.bwrap=/nonexistent/bwrap", check=False)
    assert result.returncode != 0
    assert "bubblewrap" in result.stderr and "c.Execute.sandbox = False" in result.stderr
    # through grader.autograde (make check, make grade): ungraded, with that reason
    monkeypatch.setenv("PATH", nbgrader_env()["PATH"])  # nbgrader runs `alembic`
    template = autograde.make_template(course.root, A, tmp_path / "template")
    folder = tmp_path / "submission"
    folder.mkdir()
    nbformat.write(_submission(_reference()), folder / f"{N}.ipynb")
    outcome = autograde.grade_submission(
        course.root, "ref", A, folder, tmp_path / "work", template,
        config_overrides={"Execute.bwrap": "/nonexistent/bwrap"},
    )  # fmt: skip
    assert outcome.status == autograde.UNGRADED
    assert outcome.kind == "sandbox"
    assert outcome.reason.startswith(MISSING_BWRAP)
    # a bwrap that cannot make the sandbox here (user namespaces disabled, say): the same
    broken = autograde.grade_submission(
        course.root, "ref", A, folder, tmp_path / "work-broken", template,
        config_overrides={"Execute.bwrap": "/bin/false"},
    )  # fmt: skip
    assert (broken.status, broken.kind) == (autograde.UNGRADED, "sandbox")
    assert broken.reason.startswith("bubblewrap could not run the student's kernel here")
