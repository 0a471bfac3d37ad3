"""course.runmode: short demos and no figure rendering when nbgrader runs a notebook."""

import os
import subprocess
import sys

import pytest

from course import runmode

# what a notebook's setup cell does, in a fresh interpreter: pyplot first, then the course
NOTEBOOK_SETUP = """
import warnings
import matplotlib
matplotlib.use("svg")  # stands for the inline backend a kernel starts with
import matplotlib.pyplot as plt
import course.checks
with warnings.catch_warnings():
    warnings.simplefilter("error")
    plt.plot([1, 2])
    plt.show()
print(matplotlib.get_backend().lower())
"""


def _backend_after_setup(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("NBGRADER_EXECUTION", "MPLBACKEND")}
    result = subprocess.run(
        [sys.executable, "-c", NOTEBOOK_SETUP],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == ""
    return result.stdout.strip()


@pytest.mark.parametrize("execution", ["validate", "autograde"])
def test_under_nbgrader_figures_are_drawn_with_agg(execution):
    assert _backend_after_setup(NBGRADER_EXECUTION=execution) == "agg"


def test_a_student_keeps_the_kernel_backend():
    assert _backend_after_setup() == "svg"


def test_training_is_short_under_nbgrader_or_quick(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv(runmode.QUICK_ENV, raising=False)
    assert runmode.training_iterations(2500) == 2500
    assert runmode.training_iterations(300, short=2) == 300
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert runmode.training_iterations(2500) == runmode.GRADED_ITERATIONS
    assert runmode.training_iterations(300, short=2) == 2
    assert runmode.training_iterations(5) == 5  # never longer than asked
    monkeypatch.delenv("NBGRADER_EXECUTION")
    monkeypatch.setenv(runmode.QUICK_ENV, "1")
    assert runmode.training_iterations(300, short=2) == 2
