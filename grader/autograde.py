"""Grade one student's assignment with nbgrader's own autograde, in a throw-away course.

Both `make check` (a self-learner, one notebook) and `make grade` (a class, one worker
process per core) grade through `grade_submission`:

1. a throw-away course folder is built: `source` (a link to the course's), a copy of the
   assignment's template gradebook (made once by `nbgrader generate_assignment`), and a
   copy of the submission holding only regular files (a planted symlink is left out);
2. nbgrader's `Autograde` converter runs there, in this process, with the course's
   `nbgrader_config.py` (so `grader.execute.Execute` and the judge);
3. the outcome is classified: *graded* (with every grade cell's score read back from the
   throw-away gradebook) or *ungraded* with the reason (no notebook, not a notebook,
   renamed notebook, kernel died, timeout, an nbgrader error).

Nothing here writes the class gradebook: `grader.classroom` merges results, one writer.
"""

import functools
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from nbgrader import api as nbgrader_api
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde, GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.dbutil import _temp_alembic_ini
from traitlets.config.loader import PyFileConfigLoader

from grader import execute

GRADED, UNGRADED = "graded", "ungraded"


@dataclass
class Result:
    student: str
    assignment: str
    status: str  # GRADED or UNGRADED
    reason: str = ""  # why it is not graded, in an instructor's words
    kind: str = ""  # short class of reason: "not a notebook", "timeout", "kernel died", ...
    score: float = 0.0
    max_score: float = 0.0
    notebooks: list = field(default_factory=list)  # see _read_notebooks
    timestamp: str | None = None
    seconds: float = 0.0
    folder: str = ""  # the throw-away course (its autograded/<student>/<assignment>/)
    log: str = ""  # nbgrader's log of this grading
    digest: str = ""  # of the submitted files (grader.classroom: a changed one is regraded)
    worker: int = 0  # the process that graded it

    def to_json(self):
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text):
        return cls(**json.loads(text))

    @property
    def autograded(self):
        return Path(self.folder, "autograded", self.student, self.assignment)


def course_config(root, **overrides):
    """The course's nbgrader_config.py (only that file), with CourseDirectory.root = root.

    overrides: "Section.trait" -> value, e.g. {"Execute.timeout": 10}.
    """
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    for key, value in overrides.items():
        section, trait = key.split(".")
        config[section][trait] = value
    return config


def expected_notebooks(course_root, assignment):
    return sorted(p.stem for p in Path(course_root, "source", assignment).glob("*.ipynb"))


def make_template(course_root, assignment, folder, config_overrides=None):
    """A course folder whose gradebook.db holds `assignment` (nbgrader generate_assignment)."""
    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "source").symlink_to(Path(course_root, "source").resolve())
    config = course_config(course_root, **(config_overrides or {}))
    config.CourseDirectory.root = str(folder)
    config.CourseDirectory.db_url = f"sqlite:///{folder / 'gradebook.db'}"
    new_gradebook(folder / "gradebook.db", config.CourseDirectory.course_id)
    log, ok = _run(GenerateAssignment, config, assignment, force=True, create_assignment=True)
    if not ok or not (folder / "gradebook.db").exists():
        raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n{log}")
    return folder / "gradebook.db"


def new_gradebook(path, course_id):
    """An empty gradebook at `path`: nbgrader's tables, stamped with its alembic version.

    Made by nbgrader's own `Gradebook`, once per process (then copied), with the alembic
    version read here rather than by nbgrader's `alembic heads` subprocess (2.5 s).
    """
    Path(path).write_bytes(_empty_gradebook(course_id))


@functools.cache
def _empty_gradebook(course_id):
    saved, nbgrader_api.get_alembic_version = nbgrader_api.get_alembic_version, alembic_head
    try:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder, "gradebook.db")
            Gradebook(f"sqlite:///{db}", course_id=course_id).close()
            return db.read_bytes()
    finally:
        nbgrader_api.get_alembic_version = saved


def alembic_head():
    """The revision nbgrader stamps a new gradebook with (what `get_alembic_version` gets by
    running `alembic heads`), read from nbgrader's migration scripts in this process."""
    with _temp_alembic_ini("sqlite:///gradebook.db") as ini:
        (head,) = ScriptDirectory.from_config(AlembicConfig(ini)).get_heads()
    return head


def grade_submission(course_root, student, assignment, submission, workdir, template,
                     config_overrides=None, duedate=None, extension=None):  # fmt: skip
    """Autograde `submission` (a folder) as `student`'s `assignment`; a Result.

    workdir: an empty folder for the throw-away course (kept: the caller takes the
    autograded notebook from it and removes it); template: the assignment's gradebook from
    `make_template`; duedate / extension: the class gradebook's, so lateness is the same.
    """
    started = time.monotonic()
    workdir = Path(workdir)
    result = Result(student, assignment, GRADED, folder=str(workdir))
    try:
        problem = _prepare(course_root, student, assignment, Path(submission), workdir, template)
        if problem:
            result.status, result.kind, result.reason = UNGRADED, *problem
            return result
        config = course_config(course_root, **(config_overrides or {}))
        config.CourseDirectory.root = str(workdir)
        config.CourseDirectory.db_url = f"sqlite:///{workdir / 'gradebook.db'}"
        _set_dates(workdir, student, assignment, duedate, extension)
        del execute.INCIDENTS[:]
        result.log, ok = _run(Autograde, config, assignment, student, force=True,
                              create_student=True)  # fmt: skip
        _classify(result, ok, list(execute.INCIDENTS), course_root)
        if result.status == GRADED:
            _read_grades(result, workdir)
        return result
    finally:
        result.seconds = round(time.monotonic() - started, 2)


def _prepare(course_root, student, assignment, submission, workdir, template):
    """Build the throw-away course; (kind, reason) if the submission cannot be graded."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "source").symlink_to(Path(course_root, "source").resolve())
    shutil.copy(template, workdir / "gradebook.db")
    target = workdir / "submitted" / student / assignment
    skipped = _copy_regular_files(submission, target)
    expected = expected_notebooks(course_root, assignment)
    present = sorted(p.stem for p in target.glob("*.ipynb"))
    missing = [n for n in expected if n not in present]
    if missing and (set(present) - set(expected) or not present):
        found = ", ".join(f"{n}.ipynb" for n in present) or "no notebook"
        if skipped:
            found += f" (left out, not regular files: {', '.join(skipped)})"
        wanted = ", ".join(f"{n}.ipynb" for n in missing)
        return "renamed notebook" if present else "no notebook", f"expected {wanted}, found {found}"
    for name in expected:
        path = target / f"{name}.ipynb"
        if path.exists():
            try:
                nbformat.read(path, as_version=4)
            except Exception as error:  # any parse failure: JSON, nbformat, encoding
                return "not a notebook", f"{name}.ipynb is not a readable notebook: {_short(error)}"
    return None


def _copy_regular_files(source, target):
    """Copy the regular files and folders under `source`; the names of what was left out."""
    skipped = []
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(os.scandir(source), key=lambda e: e.name) if source.is_dir() else []:
        if entry.is_symlink() or not (entry.is_file() or entry.is_dir()):
            skipped.append(entry.name)
        elif entry.is_dir():
            skipped += [f"{entry.name}/{s}" for s in
                        _copy_regular_files(Path(entry.path), target / entry.name)]  # fmt: skip
        else:
            shutil.copyfile(entry.path, target / entry.name, follow_symlinks=False)
    return skipped


def _set_dates(workdir, student, assignment, duedate, extension):
    if duedate is None and extension is None:
        return
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gb:
        if duedate is not None:
            gb.update_or_create_assignment(assignment, duedate=duedate)
        if extension is not None:
            gb.update_or_create_student(student)
            gb.update_or_create_submission(assignment, student, extension=extension)


def _run(converter_class, config, assignment, student="*", **traits):
    """Run an nbgrader converter in this process; (its log, whether it succeeded)."""
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id, coursedir.student_id = assignment, student
    app = converter_class(coursedir=coursedir, config=config)
    for name, value in traits.items():
        setattr(app, name, value)
    lines, ok = [], True
    handler = _ListHandler(lines)
    app.log.addHandler(handler)
    level = app.log.level
    app.log.setLevel(min(level or logging.INFO, logging.INFO))
    try:
        app.start()
    except Exception as error:  # nbgrader logged the details; keep the final word too
        lines.append(f"[ERROR] {type(error).__name__}: {error}")
        ok = False
    finally:
        app.log.removeHandler(handler)
        app.log.setLevel(level)
    return "\n".join(lines), ok


class _ListHandler(logging.Handler):
    def __init__(self, lines):
        super().__init__(logging.INFO)
        self.lines = lines

    def emit(self, record):
        self.lines.append(f"[{record.levelname}] {record.getMessage()}")


def _classify(result, ok, incidents, course_root):
    """Graded, unless nbgrader failed: then why (an incident `Execute` noted, or the log)."""
    log = result.log
    if incidents:
        incident = incidents[-1]
        result.status, result.kind, result.reason = UNGRADED, incident["kind"], incident["message"]
    elif not ok:
        result.status, result.kind = UNGRADED, "nbgrader error"
        result.reason = f"nbgrader could not grade it: {_last_exception(log)}"
    missing = [n for n in expected_notebooks(course_root, result.assignment)
               if not (result.autograded / f"{n}.ipynb").exists()]  # fmt: skip
    if result.status == GRADED and missing and "No submitted file" not in log:
        result.status, result.kind = UNGRADED, "nbgrader error"
        result.reason = f"nbgrader wrote no graded notebook: {_last_exception(log)}"


def _read_grades(result, workdir):
    """Scores of every grade cell, from the throw-away gradebook."""
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gb:
        submission = gb.find_submission(result.assignment, result.student)
        result.timestamp = submission.timestamp.isoformat() if submission.timestamp else None
        for notebook in submission.notebooks:
            result.notebooks.append({
                "name": notebook.name,
                "score": notebook.score,
                "max_score": notebook.max_score,
                "late_submission_penalty": notebook.late_submission_penalty,
                "grades": [{"name": g.name, "auto_score": g.auto_score, "score": g.score,
                            "max_score": g.max_score, "needs_manual_grade": g.needs_manual_grade}
                           for g in notebook.grades],
                "comments": [{"name": c.name, "auto_comment": c.auto_comment}
                             for c in notebook.comments],
            })  # fmt: skip
        result.score = float(submission.score)
        result.max_score = float(submission.max_score)


def exercises(notebook, grades):
    """[(exercise, score, max_score, [failure messages])] of an autograded notebook.

    An exercise is a solution cell (its grade_id names the graded function); its points are
    those of the test cells whose grade_id starts with test_<exercise> (the longest match).
    A failure message is what a failing test cell shows: the error's name and message, never
    its traceback or the cell's code.
    """
    names = [c.metadata.nbgrader["grade_id"] for c in notebook.cells
             if utils.is_solution(c) and c.cell_type == "code"]  # fmt: skip
    rows = {name: [0.0, 0.0, []] for name in names}
    scores = {g["name"]: g for g in grades}
    for cell in notebook.cells:
        if not utils.is_grade(cell) or cell.cell_type != "code":
            continue
        grade_id = cell.metadata.nbgrader["grade_id"]
        matches = [n for n in names if grade_id.startswith(f"test_{n}")] or [grade_id]
        row = rows.setdefault(max(matches, key=len), [0.0, 0.0, []])
        grade = scores.get(grade_id, {})
        row[0] += grade.get("score") or 0.0
        row[1] += grade.get("max_score") or 0.0
        if (grade.get("score") or 0.0) < (grade.get("max_score") or 0.0):
            row[2] += [_error_text(o) for o in cell.outputs if o.output_type == "error"] or [
                "no points (the cell printed to stderr?)"
            ]
    return [(name, *row) for name, row in rows.items()]


def _error_text(output):
    """A hidden test's own message; any other error as `Name: message` (no traceback)."""
    ename, evalue = output.get("ename", "Error"), str(output.get("evalue", "")).strip()
    if ename == "HiddenTestFailed":
        return evalue
    return f"{ename}: {evalue}" if evalue else ename


def _last_exception(log):
    """The last 'SomeError: message' line of a log (the exception nbgrader reported)."""
    for line in reversed(log.splitlines()):
        text = line.strip()
        head = text.split(":", 1)[0]
        named = head.replace(".", "").isidentifier() and head.endswith(("Error", "Exception"))
        if ":" in text and named:
            return _short(text)
    return "see the grading log"


def _short(error, limit=300):
    text = str(error).strip().splitlines()
    text = text[0] if text else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
