"""`make grade`: autograde every `submitted/<student>/<assignment>/`, in parallel, safely.

1. The parent puts each assignment in the class gradebook (`nbgrader generate_assignment`,
   as before) and makes a template gradebook for the workers (`grader.autograde`).
2. Worker processes (`GRADE_WORKERS`, default one per core, `OPENBLAS_NUM_THREADS=1`) each
   take one student-assignment at a time and grade it in its own throw-away course. When
   one finishes, the worker keeps its autograded notebooks and then writes its result,
   atomically, to `build/grading/results/<student>/<assignment>/result.json`: an interrupted
   run loses no finished grade, and a re-run grades only what has no result yet (or whose
   submitted files changed); `--force` regrades everything.
3. The parent, the only writer, merges every result into `gradebook.db` (nbgrader's
   `Gradebook` API, the scores nbgrader's autograde computed) and copies the autograded
   notebooks to `autograded/<student>/<assignment>/`; `nbgrader export` and
   `nbgrader generate_feedback` work on them as usual.
4. `grader.report` writes `grades.csv` and `grade-report.txt`. The exit status is 1 when a
   submission could not be graded, else 0.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import suppress
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import GenerateAssignment
from sqlalchemy.exc import SAWarning

from grader import autograde, execute, report
from grader.sandbox import SandboxUnavailable

ROOT = Path(__file__).resolve().parents[1]
GRADING = Path("build", "grading")


def submissions(root):
    """[(student, assignment, folder)] of every submission of a known assignment."""
    assignments = {p.name for p in Path(root, "source").iterdir() if p.is_dir()}
    found = []
    for folder in sorted(Path(root, "submitted").glob("*/*")):
        if folder.is_dir() and folder.name in assignments:
            found.append((folder.parent.name, folder.name, folder))
    return found


def digest(folder):
    """A hash of the regular files under `folder`: a changed submission is graded again."""
    h = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def result_dir(root, student, assignment):
    return Path(root, GRADING, "results", student, assignment)


def finished(root, student, assignment, submitted_digest):
    """The recorded Result of this exact submission, or None."""
    path = result_dir(root, student, assignment) / "result.json"
    if not path.exists():
        return None
    result = autograde.Result.from_json(path.read_text())
    return result if result.digest == submitted_digest else None


def grade_one(root, student, assignment, folder, template, overrides, dates):
    """Worker: grade one student-assignment, keep its notebooks, then record its result."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    warnings.simplefilter("ignore", SAWarning)
    work = Path(root, GRADING, "work", student, assignment)
    shutil.rmtree(work, ignore_errors=True)
    graded_digest = digest(folder)  # of the files graded, even if they change meanwhile
    result = autograde.grade_submission(
        root, student, assignment, folder, work, template, overrides, *dates
    )
    result.digest, result.worker = graded_digest, os.getpid()
    keep = result_dir(root, student, assignment)
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True)
    if result.status == autograde.GRADED:
        shutil.copytree(result.autograded, keep / "autograded")
    result.folder, result.log = str(keep), result.log[-20000:]
    tmp = keep / "result.json.tmp"
    tmp.write_text(result.to_json())
    os.replace(tmp, keep / "result.json")  # the result exists whole or not at all
    shutil.rmtree(work, ignore_errors=True)
    with suppress(OSError):
        work.parent.rmdir()  # the student's folder, once empty
    return result


def prepare_assignment(root, assignment, overrides):
    """The assignment in the class gradebook, and the workers' template gradebook."""
    config = autograde.course_config(root, **overrides)
    config.CourseDirectory.release_directory = str(Path(GRADING, "release"))
    log, ok = autograde._run(GenerateAssignment, config, assignment, force=True,
                             create_assignment=True)  # fmt: skip
    if not ok:
        raise SystemExit(f"nbgrader generate_assignment {assignment} failed:\n{log}")
    folder = Path(root, GRADING, "templates", assignment)
    return autograde.make_template(root, assignment, folder, overrides)


def class_dates(db_url, student, assignment):
    """(duedate, extension) the class gradebook holds, so lateness is judged the same."""
    with Gradebook(db_url) as gb:
        duedate = gb.find_assignment(assignment).duedate
        try:
            extension = gb.find_submission(assignment, student).extension
        except MissingEntry:
            extension = None
    return duedate, extension


def merge(root, db_url, result):
    """Write one result into the class gradebook and autograded/ (idempotent)."""
    target = Path(root, "autograded", result.student, result.assignment)
    with Gradebook(db_url) as gb:
        if result.status != autograde.GRADED:
            try:
                gb.remove_submission(result.assignment, result.student)
            except MissingEntry:
                pass
            shutil.rmtree(target, ignore_errors=True)
            return
        gb.update_or_create_student(result.student)
        timestamp = datetime.fromisoformat(result.timestamp) if result.timestamp else None
        gb.update_or_create_submission(result.assignment, result.student, timestamp=timestamp)
        for notebook in result.notebooks:
            name, a, s = notebook["name"], result.assignment, result.student
            gb.find_submission_notebook(name, a, s).late_submission_penalty = notebook[
                "late_submission_penalty"
            ]
            for g in notebook["grades"]:
                grade = gb.find_grade(g["name"], name, a, s)
                grade.auto_score = g["auto_score"]
                grade.needs_manual_grade = g["needs_manual_grade"]
            for c in notebook["comments"]:
                gb.find_comment(c["name"], name, a, s).auto_comment = c["auto_comment"]
        gb.db.commit()
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(result_dir(root, result.student, result.assignment) / "autograded", target)


def grade_class(root, workers=None, force=False, overrides=None, out=sys.stderr):
    """Grade every submission under root/submitted; [Result], in submission order."""
    root, overrides = Path(root).resolve(), overrides or {}
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    todo, results = [], {}
    for student, assignment, folder in submissions(root):
        done = None if force else finished(root, student, assignment, digest(folder))
        if done:
            results[student, assignment] = done
        else:
            todo.append((student, assignment, folder))
    total, skipped = len(todo) + len(results), len(results)
    print(f"{total} submissions: {skipped} already graded, {len(todo)} to grade", file=out)
    if todo:
        if not Path(root, "gradebook.db").exists():  # a first run: make it the quick way
            course_id = autograde.course_config(root, **overrides).CourseDirectory.course_id
            autograde.new_gradebook(Path(root, "gradebook.db"), course_id)
        workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        context = get_context("spawn")
        slots = context.Queue()  # each worker takes a number of its own: its sandbox uid
        for slot in range(workers):
            slots.put(slot)
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_take_slot, initargs=(slots,)
        ) as pool:
            # the workers start (imports, the sandbox check) while the first assignment is
            # prepared, and grade it while the next one is
            for _ in range(workers):
                pool.submit(_warm_up, root, overrides)
            futures = {}
            for assignment in sorted({a for _, a, _ in todo}):
                template = prepare_assignment(root, assignment, overrides)
                for s, a, f in todo:
                    if a == assignment:
                        dates = class_dates(db_url, s, a)
                        job = pool.submit(grade_one, root, s, a, f, template, overrides, dates)
                        futures[job] = (s, a)
            for done, future in enumerate(as_completed(futures), 1):
                result = _outcome(future, *futures[future])
                results[result.student, result.assignment] = result
                merge(root, db_url, result)
                left = len(todo) - done
                line = f"{result.student} {result.assignment}: {result.status}"
                print(f"done {done} / {len(todo)}, {left} left ({line})", file=out)
    fresh = {(s, a) for s, a, _ in todo}
    for key, result in results.items():
        if key not in fresh:
            merge(root, db_url, result)  # a result of an earlier, maybe interrupted, run
    return [results[s, a] for s, a, _ in submissions(root) if (s, a) in results]


def _warm_up(root, overrides):
    """A worker's one-off start-up work: its imports (by being called), and the check that
    the sandbox runs here (remembered on success; a failure is reported by the grading)."""
    config = autograde.course_config(root, **overrides)
    with suppress(SandboxUnavailable, OSError, subprocess.SubprocessError):
        execute.Execute(config=config).check_sandbox()


def _take_slot(slots):
    """Worker start-up: a worker number no other worker has, for its kernels' sandbox uid."""
    os.environ[execute.SLOT_ENV] = str(slots.get())


def _outcome(future, student, assignment):
    """The worker's Result; if the worker itself failed, an ungraded one (not recorded)."""
    try:
        return future.result()
    except Exception as error:  # a crashed worker process: graded again by the next run
        reason = f"the grading worker failed: {autograde._short(error)}"
        return autograde.Result(student, assignment, autograde.UNGRADED, reason, "grader error")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make grade", description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=str(ROOT), help="the course folder")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("GRADE_WORKERS", 0)))
    parser.add_argument("--force", action="store_true", help="regrade every submission")
    parser.add_argument("--timeout", type=int, help="seconds per cell (default: the course's)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", SAWarning)
    root = Path(args.root).resolve()
    if not submissions(root):
        print("Nothing to grade: put submissions in submitted/<student>/<assignment>/")
        return 1
    overrides = {"Execute.timeout": args.timeout} if args.timeout else {}
    results = grade_class(root, args.workers or None, args.force, overrides)
    summary = report.write(root, results)
    print(summary)
    return 0 if all(r.status == autograde.GRADED for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
