"""The reference solution: the source notebook's definition cells, run in the grader.

The source notebook is the single copy of every reference solution. A *definition cell* is
a code cell whose top-level statements are only imports, function and class definitions
(docstrings allowed): the solution cells and given helpers, never the demos, plots or
tests. Running them in order in a fresh namespace gives the reference functions.
"""

import ast
from functools import lru_cache
from pathlib import Path

import nbformat


def is_definition_cell(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics and the like: not plain definitions
        return False
    allowed = ast.Import | ast.ImportFrom | ast.FunctionDef | ast.ClassDef
    return bool(tree.body) and all(
        isinstance(node, allowed) or _is_docstring(node) for node in tree.body
    )


def _is_docstring(node):
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def load_reference(notebook):
    """Namespace holding the reference functions of the source `notebook` (a path)."""
    path = Path(notebook).resolve()
    return dict(_load(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=16)
def _load(path, _mtime):
    nb = nbformat.read(path, as_version=4)
    return define(nb, {"__name__": f"reference_{path.stem}"}, f"{path.name}[reference]")


def define(nb, namespace, filename, run=lambda cell: is_definition_cell(cell.source)):
    """Run the code cells of `nb` for which `run(cell)` is true, in order, in `namespace`."""
    for cell in nb.cells:
        if cell.cell_type == "code" and run(cell):
            exec(compile(cell.source, filename, "exec"), namespace)
    return namespace
