"""`make grade` on a class with hostile and broken submissions beside correct ones.

One real `make grade` run (parallel worker processes, nbgrader's Autograde in a throw-away
course per student-assignment) grades, in a copy of the course, correct submissions (the
reference, a correct variant), the untouched release (a real 0) and a corpus of hostile or
broken ones on notebook 01. Each hostile one is graded with the points it deserves or
reported as "could not be graded" with the right reason; no correct one loses a point; the
class gradebook is intact; nothing outside the students' autograded folders changes.
Then `make feedback` writes one HTML per student that shows scores and failure messages
and nothing hidden.
"""

import csv
import hashlib
import re
import sqlite3
from html import unescape

import nbformat
import pytest

from tests.corpus import gradient_descent as corpus
from tests.nbgrader_course import Course
from tests.submissions import (
    callers,
    fill,
    reference_code,
    release_notebook,
    solution_regions,
    source_notebook,
)
from tests.test_grading import _tampering_submission

ASSIGNMENT, NOTEBOOK = corpus.ASSIGNMENT, corpus.NOTEBOOK
SOURCE = source_notebook(ASSIGNMENT, NOTEBOOK)
RELEASE = release_notebook(ASSIGNMENT, NOTEBOOK)
REFERENCE = reference_code(SOURCE)
FUNCTIONS = list(REFERENCE)
CALLERS = callers(SOURCE)
BUG = next(b for b in corpus.BUGS if b.function == "gradient_descent_1d" and b.diagnosis)
TIMEOUT = 10  # seconds per cell: an infinite loop costs 10 s, not the course's 60
SWALLOW = """
import time
while True:  # Ctrl-C (the timeout's interrupt) does not stop this one
    try:
        time.sleep(0.05)
    except KeyboardInterrupt:
        pass
"""
LOOP = "def gradient_descent_1d(grad, w0, learning_rate, num_steps):\n    while True:\n        pass"


def _nb(**code):
    return fill(RELEASE, {**REFERENCE, **code})


def _without_tests(nb):
    nb.cells = [c for c in nb.cells if not _is_test(c)]
    return nb


def _is_test(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id", "").startswith("test_")


def _edited_test(nb, grade_id, source=None, points=None):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            if source is not None:
                cell.source = source
            if points is not None:
                cell.metadata.nbgrader["points"] = points
    return nb


# student -> (notebook, or text written as the notebook, file name); expected outcome below.
SUBMISSIONS = {
    "correct-a": (_nb(), NOTEBOOK),
    "correct-b": (_nb(), NOTEBOOK),
    "correct-variant": (_nb(**corpus.VARIANTS[0].cells), NOTEBOOK),
    "untouched": (RELEASE, NOTEBOOK),
    "loop-in-function": (_nb(gradient_descent_1d=LOOP), NOTEBOOK),
    "loop-at-top-level": (
        _nb(linear_cost="while True:\n    pass\n" + REFERENCE["linear_cost"]),
        NOTEBOOK,
    ),  # fmt: skip
    "swallows-interrupt": (
        _nb(numerical_derivative=REFERENCE["numerical_derivative"] + SWALLOW),
        NOTEBOOK,
    ),  # fmt: skip
    "os-exit": (_nb(linear_cost=REFERENCE["linear_cost"] + "\nimport os\nos._exit(1)"), NOTEBOOK),
    "huge-output": (
        _nb(
            numerical_derivative=REFERENCE["numerical_derivative"]
            + "\nfor _ in range(1_000_000):\n    print('x' * 50)"
        ),
        NOTEBOOK,
    ),  # fmt: skip
    "deleted-tests": (_without_tests(_nb(**{BUG.function: BUG.code})), NOTEBOOK),
    "edited-locked-cell": (
        _edited_test(_nb(**{BUG.function: BUG.code}), f"test_{BUG.function}", source="pass"),
        NOTEBOOK,
    ),  # fmt: skip
    "changed-points": (_edited_test(_nb(), "test_numerical_derivative", points=1000), NOTEBOOK),
    "not-json": ("{ this is not a notebook", NOTEBOOK),
    "renamed": (_nb(), f"my_{NOTEBOOK}"),
    "patched-allclose": (
        _nb(numerical_derivative=_tampering_submission("numerical_derivative")),
        NOTEBOOK,
    ),  # fmt: skip
}
# graded ones: the functions that must score 0 (every other function, except their callers,
# must get full marks); ungraded ones: the reason's kind.
ZERO = {
    "correct-a": set(),
    "correct-b": set(),
    "correct-variant": set(),
    "untouched": set(FUNCTIONS),
    "loop-in-function": {"gradient_descent_1d"},
    "loop-at-top-level": {"linear_cost"},
    "huge-output": set(),
    "deleted-tests": {BUG.function},
    "edited-locked-cell": {BUG.function},
    "changed-points": set(),
    "patched-allclose": {"numerical_derivative"},
}
UNGRADED = {
    "swallows-interrupt": "timeout",
    "os-exit": "kernel died",
    "not-json": "not a notebook",
    "renamed": "renamed notebook",
}
CORRECT = ["correct-a", "correct-b", "correct-variant"]


def _tree_hash(root, skip):
    """{relative path: sha256} of every file under root except those under `skip`."""
    hashes = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if not any(rel == s or rel.startswith(s + "/") for s in skip):
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


GRADING_OUTPUT = ["autograded", "gradebook.db", "grades.csv", "grade-report.txt", "build",
                  "feedback", "Makefile", "requirements.txt", "requirements-dev.txt",
                  "pyproject.toml"]  # fmt: skip


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = Course.copy_of_repo(tmp_path_factory.mktemp("class"))
    for student, (nb, name) in SUBMISSIONS.items():
        path = course.root / "submitted" / student / ASSIGNMENT / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(nb) if isinstance(nb, str) else nbformat.write(nb, path)
    before = _tree_hash(course.root, GRADING_OUTPUT)
    result = course.make("grade", f"GRADE_ARGS=--timeout={TIMEOUT}")
    return course, result, before


def _rows(course):
    with open(course.root / "grades.csv", newline="") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


def _by_function(course, student):
    """{graded function: (score, max)} from the class gradebook."""
    totals = {f: [0.0, 0.0] for f in FUNCTIONS}
    for grade_id, (score, max_score) in course.scores(ASSIGNMENT, NOTEBOOK, student).items():
        function = max((f for f in FUNCTIONS if grade_id.startswith(f"test_{f}")), key=len)
        totals[function][0] += score
        totals[function][1] += max_score
    return {f: tuple(v) for f, v in totals.items()}


def test_make_grade_reports_what_could_not_be_graded(graded_class):
    course, result, _ = graded_class
    assert result.returncode != 0, result.stdout + result.stderr[-3000:]
    assert "grade] Error 1" in result.stderr  # make's own code is 2; the grader's is 1
    rows = _rows(course)
    assert sorted(rows) == sorted(SUBMISSIONS)
    ungraded = {s: r["reason"].split(":")[0] for s, r in rows.items() if r["status"] == "ungraded"}
    assert ungraded == UNGRADED, {s: rows[s]["reason"] for s in ungraded}
    report = (course.root / "grade-report.txt").read_text()
    assert report.strip() in result.stdout, "the summary printed is not the one written"
    assert "could not be graded" in report and "a real 0" in report
    for student, kind in UNGRADED.items():
        assert re.search(rf"{student}\s+{ASSIGNMENT}\s+{kind}: \S", report), report
    assert re.search(rf"untouched\s+{ASSIGNMENT}\s+0 / 9\s+\(a real 0", report)
    progress = [line for line in result.stderr.splitlines() if line.startswith("done ")]
    assert len(progress) == len(SUBMISSIONS) and progress[-1].startswith(
        f"done {len(SUBMISSIONS)} / {len(SUBMISSIONS)}, 0 left"
    )
    graded_once = [line.split("(")[1].split()[0] for line in progress]
    assert sorted(graded_once) == sorted(SUBMISSIONS), "a submission was graded twice or never"


@pytest.mark.parametrize("student", sorted(ZERO))
def test_each_graded_submission_gets_the_points_it_deserves(graded_class, student):
    course, _, _ = graded_class
    scores = _by_function(course, student)
    assert sum(m for _, m in scores.values()) == 9, f"max score changed: {scores}"
    zero = ZERO[student]
    may_lose = zero | {c for f in zero for c in CALLERS[f]}
    assert {f for f in zero if scores[f][0] != 0} == set(), scores
    assert {f: s for f, s in scores.items() if f not in may_lose and s[0] != s[1]} == {}
    row = _rows(course)[student]
    total = sum(s for s, _ in scores.values())
    assert row["status"] == "graded" and float(row["score"]) == total


def test_correct_submissions_get_full_marks(graded_class):
    course, _, _ = graded_class
    for student in CORRECT:
        assert course.scores(ASSIGNMENT, NOTEBOOK, student) and all(
            s == m for s, m in course.scores(ASSIGNMENT, NOTEBOOK, student).values()
        ), student


def test_nbgrader_restores_locked_cells_and_points(graded_class):
    """nbgrader 0.9.6 puts back every test cell, as the gradebook holds it: the source
    notebook's, hidden part included, with its points; a deleted one is added again."""
    course, _, _ = graded_class
    source = {c.metadata.nbgrader["grade_id"]: c for c in SOURCE.cells if _is_test(c)}
    for student in ("edited-locked-cell", "deleted-tests", "changed-points"):
        tests = [c for c in course.autograded(student, ASSIGNMENT, NOTEBOOK).cells if _is_test(c)]
        assert len(tests) == len(source) and all(c.outputs for c in tests), student
        for cell in tests:
            original = source[cell.metadata.nbgrader["grade_id"]]
            # a re-added cell starts with nbgrader's comment that it was missing
            assert cell.source.endswith(original.source), f"{student}: an edit was kept"
            assert cell.metadata.nbgrader["points"] == original.metadata.nbgrader["points"]


def test_huge_output_is_cut_and_the_notebook_graded(graded_class):
    course, _, _ = graded_class
    path = course.root / "autograded" / "huge-output" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    assert path.stat().st_size < 5_000_000, "50 MB of output reached the autograded notebook"


def test_gradebook_intact_and_nothing_else_changed(graded_class):
    course, _, before = graded_class
    db = sqlite3.connect(course.root / "gradebook.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    students = {s for (s,) in db.execute("SELECT student_id FROM submitted_assignment")}
    db.close()
    assert students == set(ZERO), "the gradebook holds other submissions than the graded ones"
    assert _tree_hash(course.root, GRADING_OUTPUT) == before, "grading changed course files"
    folders = {p.name for p in (course.root / "autograded").iterdir()}
    assert folders == set(ZERO)
    exported = course.nbgrader("export", "--to", "export.csv")
    assert exported.returncode == 0
    with open(course.root / "export.csv", newline="") as f:
        scores = {r["student_id"]: float(r["score"]) for r in csv.DictReader(f)}
    rows = _rows(course)
    assert scores == {s: float(rows[s]["score"]) for s in ZERO}


def test_a_rerun_grades_nothing_twice_and_restores_from_results(graded_class):
    course, _, _ = graded_class
    # as if the run was cut short after correct-b finished, before its merge:
    course.nbgrader("db", "student", "remove", "correct-b", "--force")
    again = course.make("grade", f"GRADE_ARGS=--timeout={TIMEOUT}")
    assert f"{len(SUBMISSIONS)} already graded, 0 to grade" in again.stderr, again.stderr
    assert not [line for line in again.stderr.splitlines() if line.startswith("done ")]
    assert all(s == m for s, m in course.scores(ASSIGNMENT, NOTEBOOK, "correct-b").values())
    assert again.returncode != 0 and "grade] Error 1" in again.stderr  # still reported


def test_feedback_shows_scores_and_messages_and_nothing_hidden(graded_class):
    course, _, _ = graded_class
    result = course.make("feedback")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    feedback = course.root / "feedback"
    assert {p.name for p in feedback.iterdir()} == set(ZERO)
    for student in ZERO:
        folder = feedback / student / ASSIGNMENT
        assert [p.name for p in folder.iterdir()] == [f"{NOTEBOOK}.html"], student
        text = unescape(re.sub(r"<[^>]+>", "", (folder / f"{NOTEBOOK}.html").read_text()))
        total = sum(s for s, _ in _by_function(course, student).values())
        assert f"Score: {total:.1f} / 9.0" in text, student
        for secret in ["record_cases", "BEGIN HIDDEN TESTS", "hidden_cases", *_secrets(student)]:
            assert secret not in text, f"{student}'s feedback shows {secret!r}"
    text = unescape(re.sub(r"<[^>]+>", "", (feedback / "edited-locked-cell" / ASSIGNMENT /
                                             f"{NOTEBOOK}.html").read_text()))  # fmt: skip
    assert f"{BUG.function} failed" in text and "hidden cases" in text
    assert "Likely mistake: " in text
    text = unescape(re.sub(r"<[^>]+>", "", (feedback / "loop-in-function" / ASSIGNMENT /
                                             f"{NOTEBOOK}.html").read_text()))  # fmt: skip
    assert "CellTimeoutError: No reply from kernel before timeout" in text


def _secrets(student):
    """Reference lines inside the solution markers that this student did not write."""
    nb, _ = SUBMISSIONS[student]
    known = "\n".join(c.source for c in nb.cells) + "\n".join(c.source for c in RELEASE.cells)
    lines = {line.strip() for r in solution_regions(SOURCE).values() for line in r.splitlines()}
    return sorted(line for line in lines if len(line) > 12 and line not in known)


def test_a_changed_submission_or_force_is_graded_again(tmp_path):
    course = Course.copy_of_repo(tmp_path)
    course.submit("dana", ASSIGNMENT, NOTEBOOK, RELEASE)
    first = course.make("grade")
    assert first.returncode == 0 and "0 / 9  (a real 0" in first.stdout, first.stderr[-3000:]
    course.submit("dana", ASSIGNMENT, NOTEBOOK, _nb())  # she hands in again
    second = course.make("grade")
    assert "0 already graded, 1 to grade" in second.stderr and "dana" in second.stdout
    assert all(s == m for s, m in course.scores(ASSIGNMENT, NOTEBOOK, "dana").values())
    forced = course.make("grade", "FORCE=1")
    assert "0 already graded, 1 to grade" in forced.stderr, forced.stderr[-3000:]
    assert _rows(course)["dana"]["score"] == "9"
