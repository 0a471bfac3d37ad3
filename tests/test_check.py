"""`make check NB=…`: one notebook graded with the full hidden tests, nothing changed.

Every case runs the real command (`make check`, so `python -m grader.check`, so nbgrader's
Autograde with the course's pipeline in a throw-away course) on a notebook written to a
temporary `<assignment>/<notebook>.ipynb`, as a self-learner would keep it.
"""

import hashlib
import subprocess

import nbformat
import pytest

from tests.corpus import gradient_descent as corpus
from tests.nbgrader_course import REPO, nbgrader_env
from tests.submissions import fill, reference_code, release_notebook, source_notebook

ASSIGNMENT, NOTEBOOK = corpus.ASSIGNMENT, corpus.NOTEBOOK
BUG = next(b for b in corpus.BUGS if b.function == "gradient_descent_1d" and b.diagnosis)
CLASS_FILES = ["gradebook.db", "autograded", "submitted", "feedback", "grades.csv"]


def make_check(path, *args):
    return subprocess.run(
        ["make", "-s", "check", f"NB={path}", f"CHECK_ARGS={' '.join(args)}"],
        cwd=REPO,
        env=nbgrader_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _write(tmp_path, nb, name=NOTEBOOK):
    path = tmp_path / ASSIGNMENT / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(nb, str):
        path.write_text(nb)
    else:
        nbformat.write(nb, path)
    return path


def _submission(**code):
    release = release_notebook(ASSIGNMENT, NOTEBOOK)
    return fill(release, {**reference_code(source_notebook(ASSIGNMENT, NOTEBOOK)), **code})


def _class_state():
    """A digest of everything grading a class writes in the repo."""
    digest = hashlib.sha256()
    for name in CLASS_FILES:
        path = REPO / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(str(file.relative_to(REPO)).encode() + file.read_bytes())
    return digest.hexdigest()


def test_a_bug_is_graded_with_its_message_and_nothing_hidden(tmp_path):
    before = _class_state()
    result = make_check(_write(tmp_path, _submission(**{BUG.function: BUG.code})))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines() if "/" in line[-5:]}
    assert lines[BUG.function] == "0/2", out
    assert lines["numerical_derivative"] == "1/1" and lines["linear_cost"] == "2/2", out
    assert f"{BUG.function} failed" in out and "hidden cases" in out
    assert "Likely mistake: " in out
    for secret in ("Traceback", "record_cases", "BEGIN HIDDEN TESTS", "hidden_cases", "File "):
        assert secret not in out + result.stderr
    assert _class_state() == before, "make check changed the course's grading files"


def test_the_reference_gets_full_marks(tmp_path):
    result = make_check(_write(tmp_path, _submission()))
    assert result.returncode == 0, result.stderr
    assert "9 / 9 points" in result.stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (NOTEBOOK, "this is not JSON {", "not a notebook"),
        ("my_notebook", None, "wrong file name"),
    ],
)
def test_what_cannot_be_graded_says_why(tmp_path, name, content, reason):
    path = _write(tmp_path, content if content is not None else _submission(), name)
    result = make_check(path)
    assert result.returncode != 0
    assert "could not be graded" in result.stderr and reason in result.stderr, result.stderr


def test_a_dead_kernel_cannot_be_graded(tmp_path):
    code = reference_code(source_notebook(ASSIGNMENT, NOTEBOOK))["linear_cost"]
    nb = _submission(linear_cost=f"{code}\nimport os\nos._exit(1)")
    result = make_check(_write(tmp_path, nb), "--timeout=10")
    assert result.returncode != 0
    assert "could not be graded: kernel died" in result.stderr, result.stderr
