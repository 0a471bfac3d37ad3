"""Seconds to autograde: one complete student, and a class of synthetic students.

Every grading is real `nbgrader autograde`, with this course's pipeline (`grader.execute`,
`grader.judge`), in throw-away copies of the course (`tests.nbgrader_course.Course`):

- **one complete student**: the reference solution of every notebook, graded one
  assignment after the other (one `nbgrader autograde` per assignment, as `make grade`
  does), with 1 and with 2 OpenBLAS threads;
- **a class** of N synthetic students (default 50): each student's notebook is, drawn with a
  fixed seed per student, the reference (50%), one known bug of the corpus (30%), a correct
  variant (10%) or the untouched release (10%). Graded *sequentially* (one process per
  assignment, every student) and *in parallel* (one worker per core, each a course copy with
  a disjoint share of the students, one OpenBLAS thread each, §3 pitfalls 8 and 9).

The time is the autograde commands' wall time; making the copies and `generate_assignment`
are not counted. Prints a Markdown fragment.

    python benchmarks/grading_speed.py [--students 50] [--workers 2] [--skip-class]
"""

import argparse
import importlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
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


def _prepared_course(root, submissions_by_student):
    """A course copy with every assignment generated and `submissions` submitted."""
    course = Course.copy_of_repo(root)
    for a in sorted({a for a, _ in notebooks()}):
        course.nbgrader("generate_assignment", a, "--force")
    for student, work in submissions_by_student.items():
        for (a, n), nb in work.items():
            course.submit(student, a, n, nb)
    return course


def one_student(tmp, threads):
    """{assignment: seconds} to autograde one student's reference work."""
    work = reference_submissions()
    course = _prepared_course(Path(tmp) / f"one-{threads}", {"reference": work})
    return {a: _autograde(course, a, threads) for a in sorted({a for a, _ in notebooks()})}


def class_sequential(tmp, students):
    work = {s: {k: nb for k, (_kind, nb) in w.items()} for s, w in students.items()}
    course = _prepared_course(Path(tmp) / "class-sequential", work)
    return {a: _autograde(course, a, 1) for a in sorted({a for a, _ in notebooks()})}


def class_parallel(tmp, students, workers):
    """Wall seconds with `workers` course copies grading disjoint shares at the same time."""
    names = sorted(students)
    shards = [names[i::workers] for i in range(workers)]
    courses = [
        _prepared_course(
            Path(tmp) / f"class-parallel-{i}",
            {s: {k: nb for k, (_kind, nb) in students[s].items()} for s in shard},
        )
        for i, shard in enumerate(shards)
    ]
    assignments = sorted({a for a, _ in notebooks()})

    def grade(course):
        return {a: _autograde(course, a, 1) for a in assignments}

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        per_worker = list(pool.map(grade, courses))
    return time.perf_counter() - start, per_worker, [len(shard) for shard in shards]


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
            one = {threads: one_student(tmp, threads) for threads in (1, 2)}
            lines += [
                "One complete student (the reference of every notebook), "
                "`nbgrader autograde` per assignment:",
                "",
                "| assignment | 1 OpenBLAS thread: s | 2 OpenBLAS threads: s |",
                "|---|---:|---:|",
            ]
            lines += [f"| `{a}` | {one[1][a]:.1f} | {one[2][a]:.1f} |" for a in assignments]
            lines.append(
                f"| **all {len(assignments)}** | **{sum(one[1].values()):.1f}** | "
                f"**{sum(one[2].values()):.1f}** |"
            )
            print(f"  one student: {sum(one[1].values()):.1f} s", file=sys.stderr, flush=True)
        if not args.skip_class:
            students = synthetic_class(args.students)
            kinds = [kind for w in students.values() for kind, _nb in w.values()]
            mix = ", ".join(f"{kinds.count(k)} {k}" for k in KINDS)
            sequential = class_sequential(tmp, students)
            print(f"  sequential: {sum(sequential.values()):.1f} s", file=sys.stderr, flush=True)
            wall, per_worker, sizes = class_parallel(tmp, students, args.workers)
            print(f"  parallel: {wall:.1f} s", file=sys.stderr, flush=True)
            seq = sum(sequential.values())
            lines += [
                "",
                f"A class of {args.students} synthetic students × {len(assignments)} notebooks "
                f"({mix} notebooks), 1 OpenBLAS thread per process:",
                "",
                "| assignment | sequential: s | "
                + " | ".join(f"parallel, worker {i + 1} ({n} st.): s" for i, n in enumerate(sizes))
                + " |",
                "|---|---:|" + "---:|" * args.workers,
            ]
            for a in assignments:
                lines.append(
                    f"| `{a}` | {sequential[a]:.1f} | "
                    + " | ".join(f"{w[a]:.1f}" for w in per_worker)
                    + " |"
                )
            lines += [
                "",
                f"Sequential: **{seq:.0f} s** for the class "
                f"({seq / args.students:.1f} s per student). "
                f"Parallel, {args.workers} workers: **{wall:.0f} s** wall "
                f"({wall / args.students:.1f} s per student; speed-up {seq / wall:.2f}×; "
                f"the workers took {statistics.mean(sum(w.values()) for w in per_worker):.0f} s "
                "on average).",
            ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
