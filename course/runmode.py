"""Whether nbgrader is running the notebook, and how long demos should train then.

nbgrader sets `NBGRADER_EXECUTION` (to "validate" or "autograde") in the kernel it runs a
notebook in. Training demos are never graded, so they train briefly then; the graded
functions are called by the tests with their own, small arguments either way. Tests that
only need a notebook to run through (the browser tests) set `BACKPROP_COURSE_QUICK=1` for
the same short demos.
"""

import os

GRADED_ITERATIONS = 20
QUICK_ENV = "BACKPROP_COURSE_QUICK"


def graded():
    """True when nbgrader is validating or autograding this notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def training_iterations(num_iterations):
    """`num_iterations` for a student; a short run (GRADED_ITERATIONS) under nbgrader or quick."""
    quick = graded() or bool(os.environ.get(QUICK_ENV))
    return min(num_iterations, GRADED_ITERATIONS) if quick else num_iterations
