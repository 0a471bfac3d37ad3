"""Build student submissions from the release notebook, as a student would fill it in.

A submission starts from what the student receives (`release/`) and replaces the solution
cells, keyed by their nbgrader `grade_id` (the graded function's name), with code: the
reference (from the source notebook, markers removed), a known bug, or a correct variant.
"""

import ast
import copy
import re
from pathlib import Path

import nbformat
from nbgrader import utils

from tests.nbgrader_course import REPO

MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def source_notebook(assignment, notebook):
    return nbformat.read(REPO / "source" / assignment / f"{notebook}.ipynb", as_version=4)


def release_notebook(assignment, notebook):
    return nbformat.read(REPO / "release" / assignment / f"{notebook}.ipynb", as_version=4)


def solution_cells(nb):
    """{grade_id: cell} of the solution ("autograded answer") cells, in notebook order."""
    return {
        cell.metadata.nbgrader["grade_id"]: cell
        for cell in nb.cells
        if utils.is_solution(cell) and cell.cell_type == "code"
    }


def reference_code(nb):
    """{graded function: its reference solution cell without the nbgrader markers}."""
    return {
        name: "\n".join(line for line in cell.source.splitlines() if not MARKER.match(line))
        for name, cell in solution_cells(nb).items()
    }


def solution_regions(nb):
    """{graded function: the lines between its solution markers}: what students never see."""
    regions = {}
    for name, cell in solution_cells(nb).items():
        inside, lines = False, []
        for line in cell.source.splitlines():
            if MARKER.match(line):
                inside = "BEGIN" in line
            elif inside:
                lines.append(line)
        regions[name] = "\n".join(lines)
    return regions


def fill(release_nb, code_by_function):
    """A copy of `release_nb` with the named solution cells replaced."""
    nb = copy.deepcopy(release_nb)
    cells = solution_cells(nb)
    unknown = set(code_by_function) - set(cells)
    if unknown:
        raise KeyError(f"no solution cell named {sorted(unknown)}")
    for name, code in code_by_function.items():
        cells[name].source = code.strip("\n")
    return nb


def callers(nb):
    """{graded function: the graded functions that call it, directly or not}."""
    code = reference_code(nb)
    calls = {name: _names_used(source) & set(code) - {name} for name, source in code.items()}
    result = {name: set() for name in code}
    for name in code:
        stack = [name]
        while stack:
            callee = stack.pop()
            for caller, used in calls.items():
                if callee in used and caller not in result[name]:
                    result[name].add(caller)
                    stack.append(caller)
    return result


def _names_used(source):
    return {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}


def notebooks():
    """(assignment, notebook) of every source notebook, in course order."""
    return [(p.parent.name, p.stem) for p in sorted(Path(REPO, "source").glob("*/*.ipynb"))]
