"""Judge submitted code on the hidden cases in this process: no kernel, no nbgrader.

Real grading (tests/test_grading.py) runs each submission once, with one seed per student.
This runs the same cases and the same judge for many seeds in seconds, so a test can prove a
bug is caught whatever the seed, and a correct variant passes whatever the seed. Only the
corpus's own code runs here, never a student's.
"""

import copy

from nbgrader import utils

from course.mistakes import catalogue
from course.recording import cases_for, load_case_module, recorded_callable, run_cases
from grader.judge import judge_outcomes
from grader.reference import define, is_definition_cell, load_reference
from tests.nbgrader_course import REPO
from tests.submissions import solution_cells, source_notebook


class Submission:
    """The source notebook with some solution cells replaced, defined in a fresh namespace."""

    def __init__(self, assignment, notebook, code_by_function):
        nb = copy.deepcopy(source_notebook(assignment, notebook))
        cells = solution_cells(nb)
        for name, code in code_by_function.items():
            cells[name].source = code
        # a student's cell runs whatever it holds; given cells run if they only define things
        runs = lambda c: utils.is_solution(c) or is_definition_cell(c.source)  # noqa: E731
        self.namespace = define(nb, {"__name__": "__main__"}, f"{notebook}[submission]", runs)
        folder = REPO / "source" / assignment
        self.cases = load_case_module(folder / "hidden_cases.py")
        self.reference = load_reference(folder / f"{notebook}.ipynb")
        self.functions = list(cells)
        self.mistakes = catalogue(notebook)

    def verdicts(self, seed):
        """{graded function: None if its hidden cases pass on `seed`, else the message}."""
        result = {}
        for name in self.functions:
            fn = recorded_callable(self.cases, name, self.namespace[name])
            outcomes = run_cases(fn, cases_for(self.cases, name, seed))
            result[name] = judge_outcomes(
                self.cases, name, self.reference[name], seed, outcomes, self.mistakes
            )
        return result
