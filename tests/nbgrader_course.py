"""A throw-away copy of the course, driven by the real `nbgrader` command line.

Tests never grade in the repo itself: `Course.copy_of_repo(tmp)` copies what an instructor
has (config, grader, source, release) into `tmp`, and every step is a real nbgrader command
run with the venv's `bin` first on PATH, as the Makefile runs it.
"""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPIED = ["nbgrader_config.py", "grader", "source", "release"]
MAKE_FILES = ["Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml"]


def nbgrader_env():
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["OPENBLAS_NUM_THREADS"] = "1"  # parallel graders must not fight over cores
    env.pop("BACKPROP_COURSE_CASES", None)
    env.pop("BACKPROP_COURSE_SEED", None)
    env.pop("BACKPROP_COURSE_SUITE", None)
    return env


class Course:
    def __init__(self, root):
        self.root = Path(root)

    @classmethod
    def copy_of_repo(cls, root):
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            src = REPO / name
            if src.is_dir():
                shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(src, root / name)
        return cls(root)

    def nbgrader(self, *args, check=True):
        """Run `nbgrader <args>` in the course; fail the test with its log if it fails."""
        result = subprocess.run(
            [str(BIN / "nbgrader"), *args],
            cwd=self.root,
            env=nbgrader_env(),
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"nbgrader {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
            )
        return result

    def make(self, target, *variables):
        """Run the repo's `make <target>` in this course, with the repo's venv."""
        for name in MAKE_FILES:
            if not (self.root / name).exists():
                shutil.copy2(REPO / name, self.root / name)  # keeps mtimes: the venv is fresh
        return subprocess.run(
            ["make", "-s", target, f"VENV={BIN.parent}", *variables],
            cwd=self.root,
            env=nbgrader_env(),
            capture_output=True,
            text=True,
            timeout=1800,
        )

    def submit(self, student, assignment, notebook, nb):
        path = self.root / "submitted" / student / assignment / f"{notebook}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        return path

    def autograded(self, student, assignment, notebook):
        path = self.root / "autograded" / student / assignment / f"{notebook}.ipynb"
        return nbformat.read(path, as_version=4)

    def scores(self, assignment, notebook, student):
        """{grade_id: (score, max_score)} of one student's autograded notebook."""
        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gb:
            submission = gb.find_submission_notebook(notebook, assignment, student)
            return {g.name: (g.score, g.max_score) for g in submission.grades}


def autograde_in_parallel(root, assignment, notebook, submissions, workers=None):
    """Autograde {student: notebook} in `workers` course copies at once; {student: Course}.

    Each copy has its own gradebook and grades a disjoint share of the students, so no two
    nbgrader processes ever grade the same student.
    """
    workers = workers or os.cpu_count() or 1
    students = sorted(submissions)
    shards = [students[i::workers] for i in range(workers) if students[i::workers]]
    courses = [Course.copy_of_repo(Path(root) / f"shard-{i}") for i in range(len(shards))]

    def grade(course, shard):
        course.nbgrader("generate_assignment", assignment, "--force")
        for student in shard:
            course.submit(student, assignment, notebook, submissions[student])
        course.nbgrader("autograde", assignment)

    with ThreadPoolExecutor(len(shards)) as pool:
        list(pool.map(grade, courses, shards))
    return {
        student: course for course, shard in zip(courses, shards, strict=True) for student in shard
    }
