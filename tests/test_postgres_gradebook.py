"""One PostgreSQL gradebook, written by two graders at once on disjoint students.

A real PostgreSQL server (`tests/postgres_server.py`: Debian's, installed by the test when
root needs it, a temp data dir, a free port, stopped afterwards even on failure). An
instructor's course copy creates the assignment in the database (`nbgrader
generate_assignment --db=postgresql+psycopg2://…`); two *other* course copies, standing for
two grading machines that share nothing but the database, each receive half of the
students and run `nbgrader autograde --db=…` at the same time. Then the gradebook must hold
every student once, with the right score: the reference full marks, the untouched release 0.
"""

import csv
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from sqlalchemy import create_engine, text

from tests.nbgrader_course import BIN, Course, nbgrader_env
from tests.postgres_server import postgres_server
from tests.submissions import fill, reference_code, release_notebook, source_notebook

ASSIGNMENT, NOTEBOOK = "01_gradient_descent", "gradient_descent"
COURSE_ID = "backprop-course"  # nbgrader_config.py's
SHARDS = [  # grader -> its students; disjoint, each with both kinds of submission
    ["ada-reference", "ben-untouched", "cy-reference", "dee-untouched"],
    ["eve-reference", "fox-untouched", "gus-reference", "hal-untouched"],
]
STUDENTS = [student for shard in SHARDS for student in shard]


@dataclass
class Run:
    url: str
    graders: list  # Course per grader, in SHARDS order
    logs: list  # each autograde's stderr
    export: Path


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("postgres")
    with postgres_server() as server:
        url = server.create_database("gradebook")
        instructor = Course.copy_of_repo(root / "instructor")
        instructor.nbgrader("generate_assignment", ASSIGNMENT, "--force", f"--db={url}")

        release = release_notebook(ASSIGNMENT, NOTEBOOK)
        reference = fill(release, reference_code(source_notebook(ASSIGNMENT, NOTEBOOK)))
        graders = [Course.copy_of_repo(root / f"grader-{i}") for i in range(len(SHARDS))]
        for grader, shard in zip(graders, SHARDS, strict=True):
            for student in shard:
                nb = reference if student.endswith("-reference") else release
                grader.submit(student, ASSIGNMENT, NOTEBOOK, nb)

        logs = _autograde_at_once(graders, url)
        export = instructor.root / "grades.csv"
        instructor.nbgrader("export", f"--db={url}", f"--to={export}")
        yield Run(url, graders, logs, export)


def _autograde_at_once(graders, url):
    """Start every grader's `nbgrader autograde` before waiting for any of them; their logs."""
    command = [str(BIN / "nbgrader"), "autograde", ASSIGNMENT, f"--db={url}"]
    logs = [g.root / "autograde.log" for g in graders]  # files, not pipes: nobody waits on us
    processes = []
    for grader, log in zip(graders, logs, strict=True):
        with log.open("w") as out:
            processes.append(subprocess.Popen(command, cwd=grader.root, env=nbgrader_env(),
                                              stdout=out, stderr=subprocess.STDOUT))  # fmt: skip
    for process, log in zip(processes, logs, strict=True):
        returncode = process.wait(timeout=1800)
        assert returncode == 0, f"autograde failed ({returncode}):\n{log.read_text()[-6000:]}"
    return [log.read_text() for log in logs]


def _gradebook(url):
    return Gradebook(url, COURSE_ID)


def test_the_graders_graded_at_the_same_time(run):
    """Each grader's students were finished while the other grader was still grading."""
    windows = []
    for grader in run.graders:
        done = [p.stat().st_mtime for p in (grader.root / "autograded").glob("*/*/*.ipynb")]
        assert len(done) == len(SHARDS[0])
        windows.append((min(done), max(done)))
    (first_a, last_a), (first_b, last_b) = windows
    assert max(first_a, first_b) < min(last_a, last_b), f"one grader ran after the other: {windows}"


def test_every_student_is_in_the_one_gradebook_with_the_right_score(run):
    with _gradebook(run.url) as gb:
        assert sorted(s.id for s in gb.students) == sorted(STUDENTS)
        for student in STUDENTS:
            notebook = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student)
            assert notebook.max_score > 0
            expected = notebook.max_score if student.endswith("-reference") else 0
            assert notebook.score == expected, (student, notebook.score, notebook.max_score)
            assert notebook.needs_manual_grade is False


def test_nothing_is_graded_twice(run):
    for grader, shard in zip(run.graders, SHARDS, strict=True):
        graded = sorted(p.name for p in (grader.root / "autograded").iterdir() if p.is_dir())
        assert graded == sorted(shard), "a grader graded a student that is not its own"
    for log, shard in zip(run.logs, SHARDS, strict=True):
        others = [s for s in STUDENTS if s not in shard and s in log]
        assert others == [], f"a grader's log names another grader's students: {others}"
    engine = create_engine(run.url)
    try:
        with engine.connect() as db:
            submissions = db.execute(text(
                "SELECT student_id, count(*) FROM submitted_assignment GROUP BY student_id"
            )).all()  # fmt: skip
            grades_per_student = db.execute(text(
                "SELECT sa.student_id, count(*) FROM grade g"
                " JOIN submitted_notebook sn ON g.notebook_id = sn.id"
                " JOIN submitted_assignment sa ON sn.assignment_id = sa.id"
                " GROUP BY sa.student_id"
            )).all()  # fmt: skip
            graded_cells = db.execute(text("SELECT count(*) FROM grade_cells")).scalar_one()
    finally:
        engine.dispose()
    assert dict(submissions) == dict.fromkeys(STUDENTS, 1)
    assert dict(grades_per_student) == dict.fromkeys(STUDENTS, graded_cells)


def test_export_from_postgresql_holds_every_student(run):
    with run.export.open() as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert sorted(rows) == sorted(STUDENTS)
    for student, row in rows.items():
        score, max_score = float(row["raw_score"]), float(row["max_score"])
        assert max_score > 0
        assert score == (max_score if student.endswith("-reference") else 0), row


def test_server_is_stopped_and_its_data_deleted_afterwards():
    with postgres_server() as server:
        server.connect().close()
    with pytest.raises(Exception, match="(?i)connect|refused"):
        server.connect()
    assert not server.data_dir.exists()
