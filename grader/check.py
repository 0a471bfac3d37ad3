"""`make check NB=…`: grade one notebook with the full hidden tests, as nbgrader would.

A self-learner's notebook is autograded by nbgrader's own machinery (`grader.autograde`) in
a throw-away course, so nothing in the course folder changes (no gradebook.db, autograded/
or submitted/). It prints one row per exercise: the graded function, its points, and for
each failure the test's message (never a traceback, the hidden test's code or its inputs).

Exit status: 0 when the notebook was graded (even with 0 points), 2 when it could not be
(not a notebook, a wrong file name, the kernel died, a cell would not stop), with the reason.
"""

import argparse
import sys
import tempfile
import textwrap
import warnings
from pathlib import Path

import nbformat
from sqlalchemy.exc import SAWarning

from grader import autograde

ROOT = Path(__file__).resolve().parents[1]
STUDENT = "self-check"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make check NB=", description=__doc__.split("\n")[0])
    parser.add_argument("notebook", help="e.g. release/03_two_layer_cat/two_layer_cat.ipynb")
    parser.add_argument("--root", default=str(ROOT), help="the course folder")
    parser.add_argument("--timeout", type=int, help="seconds per cell (default: the course's)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", SAWarning)
    overrides = {"Execute.timeout": args.timeout} if args.timeout else {}
    path, root = Path(args.notebook), Path(args.root)
    problem = _wrong_path(path, root)
    if problem:
        return _cannot(path, problem)
    assignment = path.resolve().parent.name
    with tempfile.TemporaryDirectory(prefix="backprop-check-") as tmp:
        tmp = Path(tmp)
        submission = tmp / "submission"
        submission.mkdir()
        (submission / path.name).write_bytes(path.read_bytes())
        template = autograde.make_template(root, assignment, tmp / "template", overrides)
        result = autograde.grade_submission(
            root, STUDENT, assignment, submission, tmp / "course", template, overrides
        )
        if result.status != autograde.GRADED:
            return _cannot(path, f"{result.kind}: {result.reason}")
        graded = nbformat.read(result.autograded / path.name, as_version=4)
        print(table(path, result, graded))
    return 0


def _wrong_path(path, root):
    """Why `path` cannot be a notebook of this course, or None."""
    if not path.is_file():
        return "no such file"
    assignment = path.resolve().parent.name
    assignments = sorted(p.name for p in Path(root, "source").iterdir() if p.is_dir())
    if assignment not in assignments:
        return f"its folder must be one of the assignments: {', '.join(assignments)}"
    expected = autograde.expected_notebooks(root, assignment)
    if path.suffix != ".ipynb" or path.stem not in expected:
        names = ", ".join(f"{n}.ipynb" for n in expected)
        return f"wrong file name: {assignment}'s notebook is {names}"
    return None


def _cannot(path, reason):
    print(f"{path}: could not be graded: {reason}", file=sys.stderr)
    return 2


def table(path, result, graded):
    """The per-exercise table of one graded notebook."""
    grades = result.notebooks[0]["grades"] if result.notebooks else []
    rows = autograde.exercises(graded, grades)
    width = max([len("exercise")] + [len(name) for name, *_ in rows])
    lines = [f"{path}: {_num(result.score)} / {_num(result.max_score)} points", ""]
    lines.append(f"{'exercise':<{width}}  points")
    for name, score, max_score, failures in rows:
        lines.append(f"{name:<{width}}  {_num(score)}/{_num(max_score)}")
        for failure in failures:
            lines.append(textwrap.indent(failure, " " * 4))
    return "\n".join(lines)


def _num(value):
    return f"{value:g}"


if __name__ == "__main__":
    sys.exit(main())
