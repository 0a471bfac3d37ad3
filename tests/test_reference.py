"""The grader's reference is the source notebook's definition cells, run in a fresh namespace."""

import nbformat

from grader.reference import is_definition_cell, load_reference


def test_only_imports_and_definitions_make_a_definition_cell():
    assert is_definition_cell('import numpy as np\n\ndef f(x):\n    """doc"""\n    return x')
    assert is_definition_cell("class A:\n    pass")
    assert not is_definition_cell("x = 1")
    assert not is_definition_cell("def f():\n    pass\nf()")
    assert not is_definition_cell("%matplotlib inline")
    assert not is_definition_cell("")


def test_reference_functions_see_each_other_and_skip_demos(tmp_path):
    cells = [
        "import numpy as np",
        "def double(x):\n    return 2 * x",
        "raise RuntimeError('a demo cell must not run in the grader')",
        "def quadruple(x):\n    return double(double(x))",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    assert load_reference(path)["quadruple"](1.5) == 6.0
