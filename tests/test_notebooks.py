"""Every source notebook runs top to bottom and follows the grading contract."""

import ast
import os

import pytest
from nbclient import NotebookClient
from nbgrader import utils

from course.recording import load_case_module
from grader.judge import recorded_functions
from tests.nbgrader_course import REPO
from tests.submissions import notebooks, solution_cells, source_notebook

NOTEBOOKS = notebooks()
# A test cell may end in a call to one of these (they return None); any other trailing
# expression would become an execute_result that nbgrader reads as a score.
STATEMENT_CALLS = {"print", "check", "check_that", "record_cases"}


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_source_notebook_runs_top_to_bottom(assignment, notebook):
    nb = source_notebook(assignment, notebook)
    folder = REPO / "source" / assignment
    env_before = dict(os.environ)
    # the timeout only stops a hung kernel: speed is measured by `make bench`, not here, and a
    # full training cell on a loaded 2-core machine can take minutes
    NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": folder}}
    ).execute()
    assert dict(os.environ) == env_before
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            where = cell.metadata.get("nbgrader", {}).get("grade_id", cell.source[:60])
            assert output.output_type != "error", f"{where}: {output.get('evalue')}"
            assert output.get("name") != "stderr", f"{where} wrote to stderr: {output.text}"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_source_notebook_is_stored_clean_with_the_python3_kernel(assignment, notebook):
    nb = source_notebook(assignment, notebook)
    assert nb.metadata.kernelspec.name == "python3"
    stale = [c.source[:40] for c in nb.cells if c.cell_type == "code" and c.outputs]
    assert stale == [], "source notebooks are stored without outputs"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_every_graded_function_has_recorded_hidden_tests(assignment, notebook):
    nb = source_notebook(assignment, notebook)
    cases = load_case_module(REPO / "source" / assignment / "hidden_cases.py")
    recorded = [f for c in nb.cells if utils.is_grade(c) for f in recorded_functions(c.source)]
    for function in solution_cells(nb):
        assert callable(getattr(cases, function, None)), f"no hidden cases for {function}"
        assert function in recorded, f"no test cell records {function}"
        tests = [
            c
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith(f"test_{function}")
        ]
        assert tests and all(c.metadata.nbgrader["points"] > 0 for c in tests)


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_test_cells_end_in_a_statement(assignment, notebook):
    nb = source_notebook(assignment, notebook)
    for cell in nb.cells:
        if not (utils.is_grade(cell) and cell.cell_type == "code"):
            continue
        last = ast.parse(cell.source).body[-1]
        if isinstance(last, ast.Expr):
            call = last.value
            name = getattr(getattr(call, "func", None), "id", None)
            assert isinstance(call, ast.Call) and name in STATEMENT_CALLS, (
                f"{cell.metadata.nbgrader['grade_id']} ends in an expression nbgrader would score"
            )
