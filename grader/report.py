"""The class grade report: `grades.csv` (one row per submission) and a readable summary.

A submission is either *graded* (its score may be a real 0) or *could not be graded*, with
the reason in an instructor's words (no notebook, renamed notebook, not a notebook, kernel
died, timeout, an nbgrader error): the two are never mixed up.
"""

import csv
from pathlib import Path

from grader.autograde import GRADED

COLUMNS = ["student", "assignment", "status", "score", "max_score", "reason"]
CSV, SUMMARY = "grades.csv", "grade-report.txt"


def write(root, results):
    """Write root/grades.csv and root/grade-report.txt; the summary's text."""
    with open(Path(root, CSV), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for r in results:
            reason = "" if r.status == GRADED else f"{r.kind}: {r.reason}"
            writer.writerow([r.student, r.assignment, r.status, _num(r.score),
                             _num(r.max_score), reason])  # fmt: skip
    text = summary(results)
    Path(root, SUMMARY).write_text(text + "\n")
    return text


def summary(results):
    graded = [r for r in results if r.status == GRADED]
    ungraded = [r for r in results if r.status != GRADED]
    zeros = [r for r in graded if r.score == 0]
    lines = [
        f"{len(results)} submissions: {len(graded)} graded ({len(zeros)} with 0 points), "
        f"{len(ungraded)} could not be graded."
    ]
    if ungraded:
        lines += ["", "Could not be graded (no grade recorded; fix or regrade by hand):"]
        lines += [f"  {r.student}  {r.assignment}  {r.kind}: {r.reason}" for r in ungraded]
    if graded:
        lines += ["", "Graded:"]
        lines += [
            f"  {r.student}  {r.assignment}  {_num(r.score)} / {_num(r.max_score)}"
            + ("  (a real 0: graded, no test passed)" if r.score == 0 else "")
            for r in graded
        ]
    lines += ["", f"Written: {CSV}, {SUMMARY}, gradebook.db, autograded/."]
    return "\n".join(lines)


def _num(value):
    return f"{value:g}"
