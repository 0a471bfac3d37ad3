"""Where the grader finds an assignment's source notebook and hidden cases, and its seed."""

import zlib
from pathlib import Path

from nbgrader.coursedir import CourseDirectory

CASES_FILE = "hidden_cases.py"


def source_dir(config, assignment):
    """source/<assignment>/ of the course that `config` describes."""
    coursedir = CourseDirectory(config=config)
    return Path(coursedir.format_path(coursedir.source_directory, ".", assignment))


def cases_path(config, assignment):
    return source_dir(config, assignment) / CASES_FILE


def notebook_path(config, assignment, notebook):
    return source_dir(config, assignment) / f"{notebook}.ipynb"


def seed_for(assignment, student):
    """Each student gets their own cases; regrading a student gives the same ones."""
    return zlib.crc32(f"{assignment}/{student}".encode())
