"""Public checks: the helpers the notebooks' test cells call.

A test cell reads like plain asserts; the intelligence (what to compare, how to describe a
difference, the hint for the usual mistake) lives here. A failed check raises `CheckFailed`
with a message such as::

    linear_cost(w=0, b=0, x, y): expected 9.333333333, got 18.66666667 (got = 2 × expected)
    Hint: the cost has 1/(2m) in front of the sum.
"""

import numpy as np

from course.compare import ATOL, RTOL, describe, mismatch


class CheckFailed(AssertionError):
    """A public check failed; the message says what, expected versus got, and a hint."""


def check(what, got, expected, *, hint=None, rtol=RTOL, atol=ATOL):
    """Fail with a specific message unless `got` matches `expected`.

    what: how the student should read the call, e.g. "linear_gradients(1, 0, x, y)".
    got, expected: numbers, arrays, tuples/lists or dicts of them (compared structurally).
    hint: one sentence about the usual mistake, shown only on failure.
    """
    __tracebackhide__ = True  # IPython and pytest show the message, not this frame
    problem = mismatch(got, expected, where=what, rtol=rtol, atol=atol)
    if problem:
        raise CheckFailed(_with_hint(problem, hint))


def check_that(what, condition, explanation, *, hint=None):
    """Fail with `what: explanation` unless `condition` is true (for properties, not values)."""
    __tracebackhide__ = True
    if not condition:
        raise CheckFailed(_with_hint(f"{what}: {explanation}", hint))


def check_shape(what, array, shape, *, hint=None):
    """Fail unless `array` is a NumPy array of exactly `shape` (a tuple of ints)."""
    __tracebackhide__ = True
    shape = tuple(shape)
    if not isinstance(array, np.ndarray):
        problem = f"{what}: expected an array of shape {shape}, got {describe(array)}"
    elif array.shape != shape:
        note = " (the transpose of the expected shape)" if array.shape == shape[::-1] else ""
        problem = f"{what}: expected shape {shape}, got shape {array.shape}{note}"
    else:
        return
    raise CheckFailed(_with_hint(problem, hint))


def _with_hint(message, hint):
    return f"{message}\nHint: {hint}" if hint else message
