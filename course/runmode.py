"""Whether nbgrader is running the notebook, and how long demos should train then.

nbgrader sets `NBGRADER_EXECUTION` (to "validate" or "autograde") in the kernel it runs a
notebook in. Training demos are never graded, so they train briefly then; the graded
functions are called by the tests with their own, small arguments either way. Tests that
only need a notebook to run through (the browser tests) set `BACKPROP_COURSE_QUICK=1` for
the same short demos.

Figures are never looked at when nbgrader runs a notebook (Validate shows test results
only), so importing `course` then switches matplotlib to its Agg backend, which draws
nothing: `plt.show()` does nothing, and Validate is a second faster on the cat notebooks.
"""

import os
import warnings

GRADED_ITERATIONS = 20
QUICK_ENV = "BACKPROP_COURSE_QUICK"


def graded():
    """True when nbgrader is validating or autograding this notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def quick():
    """True when demos should train briefly: under nbgrader, or in the browser tests."""
    return graded() or bool(os.environ.get(QUICK_ENV))


def training_iterations(num_iterations, short=GRADED_ITERATIONS):
    """`num_iterations` for a student; `short` of them (at most) under nbgrader or quick.

    short: the length of the brief run, e.g. fewer epochs where each epoch is many steps.
    """
    return min(num_iterations, short) if quick() else num_iterations


def figures_off_when_graded():
    """Under nbgrader, draw figures with Agg (nothing is rendered); otherwise do nothing."""
    if not graded():
        return
    import matplotlib

    matplotlib.use("agg")
    # off Linux, Agg's plt.show() warns that it cannot show: nobody is looking
    warnings.filterwarnings("ignore", message=".*non-interactive, and thus cannot be shown")
