"""Seconds to autograde: one complete student, and a class of synthetic students.

Every grading is real nbgrader autograding with this course's pipeline (`grader.execute`
with the sandbox, `grader.judge`), in throw-away copies of the course
(`tests.nbgrader_course.Course`):

- **one complete student** (the reference solution of every notebook) through `make grade`,
  the instructor's command, in a fresh course (no gradebook yet), then again with `FORCE=1`;
  and, for comparison, through plain `nbgrader autograde`, one command per assignment;
- **a class** of N synthetic students (default 50): each student's notebook is, drawn with a
  fixed seed per student, the reference (50%), one known bug of the corpus (30%), a correct
  variant (10%) or the untouched release (10%). Graded by `make grade` with one worker
  (sequential) and with one worker per core (parallel; each student-assignment is graded by
  exactly one worker, one OpenBLAS thread each, §3 pitfalls 8 and 9).

The time is the commands' wall time; making the copies and submitting are not counted.
Prints a Markdown fragment.

    python benchmarks/grading_speed.py [--students 50] [--workers 2] [--skip-class]
"""

import argparse
import importlib
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.nbgrader_course import BIN, Course, nbgrader_env  # noqa: E402
from tests.submissions import (  # noqa: E402
    fill,
    notebooks,
    reference_code,
    release_notebook,
    source_notebook,
)

KINDS = ("reference", "bug", "variant", "untouched")


def corpus_of(assignment):
    for path in sorted((ROOT / "tests" / "corpus").glob("*.py")):
        if path.stem != "__init__":
            module = importlib.import_module(f"tests.corpus.{path.stem}")
            if module.ASSIGNMENT == assignment:
                return module
    return None


def reference_submissions():
    """{(assignment, notebook): the release filled with the reference}."""
    return {
        (a, n): fill(release_notebook(a, n), reference_code(source_notebook(a, n)))
        for a, n in notebooks()
    }


def synthetic_class(count):
    """{student: {(assignment, notebook): (kind, nb)}}, the same for the same `count`."""
    students = {}
    for k in range(count):
        rng = random.Random(f"student-{k}")
        work = {}
        for a, n in notebooks():
            release = release_notebook(a, n)
            reference = reference_code(source_notebook(a, n))
            corpus = corpus_of(a)
            draw = rng.random()
            if draw < 0.5 or corpus is None:
                work[(a, n)] = ("reference", fill(release, reference))
            elif draw < 0.8 and corpus.BUGS:
                bug = rng.choice(corpus.BUGS)
                work[(a, n)] = ("bug", fill(release, {**reference, bug.function: bug.code}))
            elif draw < 0.9 and corpus.VARIANTS:
                variant = rng.choice(corpus.VARIANTS)
                work[(a, n)] = ("variant", fill(release, {**reference, **variant.cells}))
            else:
                work[(a, n)] = ("untouched", release)
        students[f"student-{k:03d}"] = work
    return students


def _env(threads):
    env = nbgrader_env()
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def _autograde(course, assignment, threads):
    """Wall seconds of `nbgrader autograde assignment` in `course`."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "nbgrader"), "autograde", assignment],
        cwd=course.root,
        env=_env(threads),
        capture_output=True,
        text=True,
        timeout=7200,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"autograde {assignment} failed:\n{result.stderr[-4000:]}")
    return seconds


def _make_grade(course, *variables):
    """Wall seconds of `make grade` in `course`."""
    start = time.perf_counter()
    result = course.make("grade", *variables)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"make grade failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return seconds


def _submitted_course(root, submissions_by_student):
    """A course copy with `submissions` submitted (no gradebook yet)."""
    course = Course.copy_of_repo(root)
    for student, work in submissions_by_student.items():
        for (a, n), nb in work.items():
            course.submit(student, a, n, nb)
    return course


def one_student_make_grade(tmp):
    """(seconds of `make grade` in a fresh course, seconds of `make grade FORCE=1` after it)."""
    course = _submitted_course(Path(tmp) / "one-make", {"reference": reference_submissions()})
    return _make_grade(course), _make_grade(course, "FORCE=1")


def one_student_nbgrader(tmp):
    """{assignment: seconds} of `nbgrader autograde` for one student's reference work."""
    course = _submitted_course(Path(tmp) / "one-nbgrader", {"reference": reference_submissions()})
    assignments = sorted({a for a, _ in notebooks()})
    for a in assignments:
        course.nbgrader("generate_assignment", a, "--force")
    return {a: _autograde(course, a, 1) for a in assignments}


def a_class(tmp, students, workers):
    """Seconds of `make grade` with `workers` worker processes, for the whole class."""
    work = {s: {k: nb for k, (_kind, nb) in w.items()} for s, w in students.items()}
    course = _submitted_course(Path(tmp) / f"class-{workers}", work)
    return _make_grade(course, f"GRADE_WORKERS={workers}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-class", action="store_true")
    parser.add_argument("--skip-one", action="store_true")
    args = parser.parse_args(argv)
    assignments = sorted({a for a, _ in notebooks()})
    lines = []
    with tempfile.TemporaryDirectory(prefix="backprop-bench-") as tmp:
        if not args.skip_one:
            fresh, again = one_student_make_grade(tmp)
            per_assignment = one_student_nbgrader(tmp)
            print(f"  one student: make grade {fresh:.1f} s", file=sys.stderr, flush=True)
            lines += [
                "One complete student (the reference of every notebook, "
                f"{len(assignments)} notebooks):",
                "",
                "| command | s |",
                "|---|---:|",
                f"| `make grade`, a fresh course (the gradebook is made) | **{fresh:.1f}** |",
                f"| `make grade FORCE=1` right after it (everything graded again) | {again:.1f} |",
                f"| plain `nbgrader autograde <assignment>`, {len(assignments)} commands "
                f"one after the other | {sum(per_assignment.values()):.1f} |",
            ]
            lines += [f"| &nbsp;&nbsp;of which `{a}` | {per_assignment[a]:.1f} |"
                      for a in assignments]  # fmt: skip
        if not args.skip_class:
            students = synthetic_class(args.students)
            kinds = [kind for w in students.values() for kind, _nb in w.values()]
            mix = ", ".join(f"{kinds.count(k)} {k}" for k in KINDS)
            sequential = a_class(tmp, students, 1)
            print(f"  class, 1 worker: {sequential:.1f} s", file=sys.stderr, flush=True)
            parallel = a_class(tmp, students, args.workers)
            print(f"  class, {args.workers} workers: {parallel:.1f} s", file=sys.stderr, flush=True)
            n = args.students
            lines += [
                "",
                f"A class of {n} synthetic students × {len(assignments)} notebooks ({mix} "
                "notebooks), `make grade` in a fresh course:",
                "",
                "| workers | wall: s | per student: s |",
                "|---:|---:|---:|",
                f"| 1 (sequential) | {sequential:.0f} | {sequential / n:.1f} |",
                f"| {args.workers} (parallel) | {parallel:.0f} | {parallel / n:.1f} |",
                "",
                f"Speed-up with {args.workers} workers: **{sequential / parallel:.2f}×**.",
            ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
