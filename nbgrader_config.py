"""nbgrader configuration for backprop-course: everything relative to this folder."""

import os
import sys

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ROOT)  # the instructor's `grader` package is never installed for students

from grader.execute import Execute  # noqa: E402
from grader.feedback import ErrorsWithoutTraceback  # noqa: E402
from grader.judge import JudgeRecords  # noqa: E402

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "backprop-course"
c.CourseDirectory.root = ROOT
# hidden_cases.py stays with the instructor: never copied to release/, autograded/ or feedback/.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "hidden_cases.py",
]
c.Exchange.root = os.path.join(ROOT, "exchange")

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.OverwriteCells.add_missing_cells = True  # a deleted test cell comes back and is graded
c.Execute.timeout = 60  # seconds per cell; an infinite loop costs one minute, not the run
c.Validator.validate_all = True

# nbgrader's autograde pipeline, with the kernel told where the hidden cases are (Execute)
# and the recorded outputs judged outside the kernel right after execution (JudgeRecords).
c.Autograde.autograde_preprocessors = [
    Execute,
    JudgeRecords,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]

# Feedback: nbgrader's own preprocessors, plus ClearHiddenTests (autograding restores each
# test cell from the gradebook, hidden part included) and ErrorsWithoutTraceback (a traceback
# through the hidden part would quote it): students see each test's message, not its code.
c.GenerateFeedback.preprocessors = [
    GetGrades,
    ClearHiddenTests,
    ErrorsWithoutTraceback,
    CSSHTMLHeaderPreprocessor,
]
