"""Signatures shared by every "one gradient-descent step on all layers" function.

Notebook 03's `update_parameters` and notebook 05's `update_parameters_with_gd` take the
same (parameters, grads, learning_rate) and return the updated parameters, so their
mistakes look alike: read them from the steps taken, before - after.
"""

import numpy as np


def steps_relate(combine):
    """combine(mine, right, rate) is 0 for every parameter; mine and right are the steps."""

    def test(got, expected, case):
        before, rate = case.args[0], case.args[2]
        if set(got) != set(expected):
            return False
        return all(
            np.allclose(combine(before[k] - got[k], before[k] - expected[k], rate), 0, atol=1e-9)
            for k in expected
        )

    return test


def last_layer_unchanged(got, expected, case):
    """Layer L kept its parameters; every other layer took the right step."""
    before = case.args[0]
    L = len(before) // 2
    if L < 1 or set(got) != set(expected):
        return None
    last = {f"W{L}", f"b{L}"}
    return all(np.allclose(got[k], before[k]) for k in last) and all(
        np.allclose(got[k], expected[k]) for k in expected if k not in last
    )


def biases_unchanged(got, expected, case):
    """The weights took the right step; the biases kept their values."""
    before = case.args[0]
    if set(got) != set(expected):
        return False
    return all(
        np.allclose(got[k], before[k] if k.startswith("b") else expected[k]) for k in expected
    )
