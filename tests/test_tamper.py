"""The tripwire reports tampering with numpy or the checks, and never honest code."""

import nbformat
import pytest

from grader.tamper import find_tampering
from tests.submissions import notebooks, reference_code, source_notebook

SETUP = "import numpy as np\nimport course\nfrom course.checks import check, check_that\n"


def _notebook(student_code):
    setup = nbformat.v4.new_code_cell(SETUP)
    setup.metadata["nbgrader"] = {"locked": True, "grade": False, "solution": False}
    student = nbformat.v4.new_code_cell(student_code)
    student.metadata["nbgrader"] = {"grade_id": "f", "solution": True, "grade": False}
    return nbformat.v4.new_notebook(cells=[setup, student])


@pytest.mark.parametrize(
    "code",
    [
        "np.allclose = lambda *a, **k: True",
        "import numpy.testing\nnumpy.testing.assert_allclose = print",
        "import numpy as xp\nxp.isclose = lambda *a: True",
        "holder = [np]\nholder[0].allclose = lambda *a, **k: True",
        "setattr(np, 'allclose', lambda *a: True)",
        "check = lambda *a, **k: None",
        "def check_that(*a, **k):\n    pass",
        "import sys\nsys.modules['numpy'] = None",
        "course.checks.mismatch = lambda *a, **k: None",
        "get_ipython().input_transformers_post.append(lambda lines: [])",
        "exec('np.allclose = 1')",
        "np.testing.assert_allclose, x = print, 1",
    ],
)
def test_tampering_is_reported(code):
    findings = find_tampering(_notebook(code))
    assert findings and findings[0].startswith("cell 'f', line")


@pytest.mark.parametrize(
    "code",
    [
        "def f(x):\n    return np.sum(x) / len(x)",
        "import numpy as np\ndef f(x):\n    out = np.zeros(3)\n    out[0] = 1\n    return out",
        "class Value:\n    def __init__(self, data):\n"
        "        self.data = data\n        self.grad = 0.0",
        "def f(params):\n    params['W1'] -= 0.1\n    return params",
    ],
)
def test_honest_code_raises_no_alarm(code):
    assert find_tampering(_notebook(code)) == []


@pytest.mark.parametrize(("assignment", "notebook"), notebooks())
def test_reference_solutions_raise_no_alarm(assignment, notebook):
    nb = source_notebook(assignment, notebook)
    for name, code in reference_code(nb).items():
        assert find_tampering(_notebook(code)) == [], name
