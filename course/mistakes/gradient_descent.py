"""Known mistakes in notebook 01 (gradient descent), by their signatures."""

import numpy as np

from course.mistakes import (
    Mistake,
    a_number_wanted,
    both,
    fits,
    length_off,
    negated,
    only_last,
    part,
    scaled,
    shifted,
    swapped,
)

DEFAULT_EPS = 1e-5


def _eps(case):
    return case.kwargs.get("eps", DEFAULT_EPS)


def _m(case):
    """The number of examples: the length of x (the third argument)."""
    return len(case.args[2])


# --- numerical_derivative ------------------------------------------------------------------


def step_ignored(got, expected, case):
    """Right with the default step, close but wrong with another: eps was not used."""
    if np.isclose(_eps(case), DEFAULT_EPS):
        return False
    error = np.abs(np.asarray(got, dtype=float) - np.asarray(expected, dtype=float))
    return bool(np.all(error <= 50 * _eps(case) ** 2))


def one_sided(smallest=0.05):
    """Off by an amount of the order of eps, as a one-sided difference is (eps f''/2).

    A central difference is off by eps² f'''/6 only, so an error of the order of eps (not
    much larger: |f''| / 2 stays below 50 on the cases; not much smaller, as a central
    difference with another fixed step would be: the largest error is at least `smallest`
    × eps) is the mark of a one-sided one.
    """

    def test(got, expected, case):
        error = np.abs(np.asarray(got, dtype=float) - np.asarray(expected, dtype=float))
        eps = _eps(case)
        return bool(np.all(error <= 50 * eps) and np.max(error) >= smallest * eps)

    return test


def _always_one(got, expected, case):
    if np.isclose(float(expected), 1.0):
        return None
    return bool(np.isclose(float(got), 1.0, rtol=1e-6, atol=1e-6))


# --- gradient_descent_1d -------------------------------------------------------------------


def _path(got, expected):
    """got and expected as float arrays of the same length (>= 2), or None."""
    g, e = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if g.ndim != 1 or g.shape != e.shape or len(e) < 2:
        return None
    return g, e


def _first_step_uphill(got, expected, case):
    """The first step has the right size and the wrong direction."""
    pair = _path(got, expected)
    if pair is None:
        return None
    g, e = pair
    step = e[1] - e[0]
    if np.isclose(step, 0.0):
        return None
    return bool(np.isclose(g[0], e[0]) and np.isclose(g[1] - g[0], -step, rtol=1e-6))


def _every_step_the_first(got, expected, case):
    """Every step equals the first (right) one: the gradient never changes."""
    pair = _path(got, expected)
    if pair is None or len(pair[1]) < 3:
        return None
    g, e = pair
    k = np.arange(len(e))
    return bool(np.allclose(g, e[0] + k * (e[1] - e[0]), rtol=1e-6, atol=1e-9))


def _stuck_after_first_step(got, expected, case):
    """The first step is right and every later w equals it: w itself never moves."""
    pair = _path(got, expected)
    if pair is None or len(pair[1]) < 3:
        return None
    g, e = pair
    return bool(np.isclose(g[0], e[0]) and np.allclose(g[1:], e[1], rtol=1e-6, atol=1e-9))


# --- linear_cost ---------------------------------------------------------------------------


def _square_root(got, expected, case):
    """got² = expected / 2: the square root of the mean squared error, halved."""
    return bool(np.isclose(2 * float(got) ** 2, float(expected), rtol=1e-6))


def _grows_like_errors(got, expected, case):
    """got is between sqrt(J / 2m) and sqrt(J / 2): the size of an error, not a square."""
    g, e, m = float(got), float(expected), _m(case)
    if e <= 0:
        return None
    low, high = np.sqrt(e / (2 * m)), np.sqrt(e / 2)
    return bool(low * (1 - 1e-6) <= g <= high * (1 + 1e-6))


def _sums_to_cost(got, expected, case):
    return bool(np.isclose(np.sum(got), float(expected), rtol=1e-6))


# --- linear_gradients ----------------------------------------------------------------------


def _both_equal(index):
    """Both gradients equal the expected item `index` (one formula used for both)."""

    def test(got, expected, case):
        if np.isclose(expected[0], expected[1]):
            return None
        return bool(np.allclose(got, [expected[index], expected[index]], rtol=1e-6))

    return test


# --- gradient_descent_2d -------------------------------------------------------------------


def _w_and_b_right(got, expected, case):
    return bool(np.allclose(got[:2], expected[:2], rtol=1e-6, atol=1e-9))


def _first_iteration(relation):
    """A relation between the student's first step and the right one, on a 1-iteration case.

    relation(mine, right, case) -> bool, where mine and right are the steps (w - w0, b - b0).
    On the longer runs only the first cost can be checked (it is computed before any step):
    they cannot tell otherwise.
    """

    def test(got, expected, case):
        costs, iterations = got[2], case.args[5]
        if iterations < 1 or len(costs) < 1 or not np.isclose(costs[0], expected[2][0]):
            return False
        if iterations != 1:
            return None
        start = np.array(case.args[2:4], dtype=float)
        mine = np.array(got[:2], dtype=float) - start
        right = np.array(expected[:2], dtype=float) - start
        if np.any(np.isclose(right, 0.0, atol=1e-12)):
            return None
        return bool(relation(mine, right, case))

    return test


def _costs_climb(got, expected, case):
    """On the longer runs the costs rise at every iteration (and the first is right)."""
    costs = np.asarray(got[2], dtype=float)
    if len(costs) < 2 or not np.isclose(costs[0], expected[2][0]):
        return False
    return bool(np.all(np.diff(costs) > 0))


def _uphill(got, expected, case):
    if case.args[5] == 1:
        return _first_iteration(lambda mine, right, c: np.allclose(mine, -right))(
            got, expected, case
        )
    return _costs_climb(got, expected, case)


MISTAKES = [
    # --- numerical_derivative --------------------------------------------------------------
    Mistake(
        "numerical_derivative",
        "derivative_times_two",
        "the slope is exactly 2 times too large: divide the central difference by 2 * eps",
        part((), scaled(2.0)),
    ),
    Mistake(
        "numerical_derivative",
        "derivative_times_eps",
        "the slope is eps² times the right one: / 2 * eps multiplies by eps, write / (2 * eps)",
        part((), scaled(lambda c: _eps(c) ** 2)),
    ),
    Mistake(
        "numerical_derivative",
        "derivative_sign",
        "the slope has the wrong sign: subtract f(w - eps) from f(w + eps), not the other "
        "way round",
        part((), negated()),
    ),
    Mistake(
        "numerical_derivative",
        "derivative_nudged_output",
        "your slope is 1 whatever f is: nudge the input, f(w + eps) and f(w - eps), not the "
        "output f(w)",
        fits(_always_one),
    ),
    Mistake(
        "numerical_derivative",
        "derivative_eps_ignored",
        "only the cases that pass an eps fail, and by little: use the eps argument, not a "
        "fixed step",
        fits(step_ignored),
    ),
    Mistake(
        "numerical_derivative",
        "derivative_one_sided",
        "the slope is off by an amount of the order of eps, as a one-sided difference is: "
        "use the central difference (f(w + eps) - f(w - eps)) / (2 * eps)",
        fits(one_sided()),
    ),
    # --- gradient_descent_1d ---------------------------------------------------------------
    Mistake(
        "gradient_descent_1d",
        "descent_1d_only_final",
        "you returned only the final w: return every visited w, from w0 to the last one",
        only_last(),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_no_start",
        "you returned num_steps values, not num_steps + 1: include the starting point w0",
        both(length_off(-1), shifted(1)),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_no_last",
        "the last w is missing: append each w after updating it (w0 goes in before the loop)",
        both(length_off(-1), shifted(0)),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_extra_step",
        "you took one step too many: loop range(num_steps) times, for num_steps + 1 values",
        both(length_off(1), shifted(0)),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_uphill",
        "the first step goes uphill: gradient descent subtracts learning_rate times the gradient",
        fits(_first_step_uphill),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_gradient_at_w0",
        "every step is as long as the first: evaluate the gradient at the current w, not at w0",
        fits(_every_step_the_first),
    ),
    Mistake(
        "gradient_descent_1d",
        "descent_1d_w_not_updated",
        "after the first step w never moves: assign the new value to w itself (w = w - ...)",
        fits(_stuck_after_first_step),
    ),
    # --- linear_cost -----------------------------------------------------------------------
    Mistake(
        "linear_cost",
        "cost_no_half",
        "the cost is exactly 2 times too large: J = sum of squared errors / (2m), with the 1/2",
        part((), scaled(2.0)),
    ),
    Mistake(
        "linear_cost",
        "cost_not_averaged",
        "the cost is exactly m times too large: divide by m = len(x), the number of examples",
        part((), scaled(_m)),
    ),
    Mistake(
        "linear_cost",
        "cost_times_m",
        "the cost is exactly m² times too large: / 2 * m multiplies by m, write / (2 * m)",
        part((), scaled(lambda c: _m(c) ** 2)),
    ),
    Mistake(
        "linear_cost",
        "cost_per_example",
        "you returned one cost per example: add them up (np.sum) into one number",
        both(a_number_wanted(), fits(_sums_to_cost)),
    ),
    Mistake(
        "linear_cost",
        "cost_square_root",
        "you took a square root: the cost is the mean of the squared errors, halved, "
        "without np.sqrt",
        fits(_square_root),
    ),
    Mistake(
        "linear_cost",
        "cost_not_squared",
        "your cost grows like the errors, not like their squares: square each error, "
        "(w * x + b - y) ** 2",
        fits(_grows_like_errors),
    ),
    # --- linear_gradients ------------------------------------------------------------------
    Mistake(
        "linear_gradients",
        "gradients_swapped",
        "dw and db are swapped: return (dw, db), in that order",
        swapped(0, 1),
    ),
    Mistake(
        "linear_gradients",
        "dw_without_x",
        "dw equals db: dw carries the extra factor x, np.sum(error * x) / m",
        fits(_both_equal(1)),
    ),
    Mistake(
        "linear_gradients",
        "db_with_x",
        "db equals dw: db has no factor x, it is np.sum(error) / m",
        fits(_both_equal(0)),
    ),
    Mistake(
        "linear_gradients",
        "gradients_sign",
        "both gradients have the wrong sign: the error is (w * x + b) - y, prediction minus target",
        part((), negated()),
    ),
    Mistake(
        "linear_gradients",
        "gradients_half",
        "the gradients are exactly 2 times too small: the 2 of the square cancels the 1/2 of "
        "the cost, so divide by m, not 2m",
        part((), scaled(0.5)),
    ),
    Mistake(
        "linear_gradients",
        "gradients_double",
        "the gradients are exactly 2 times too large: the cost has a 1/2, which cancels the 2 "
        "of the square",
        part((), scaled(2.0)),
    ),
    Mistake(
        "linear_gradients",
        "gradients_not_averaged",
        "the gradients are exactly m times too large: divide the sums by m = len(x)",
        part((), scaled(_m)),
    ),
    # --- gradient_descent_2d ---------------------------------------------------------------
    Mistake(
        "gradient_descent_2d",
        "descent_2d_returns_swapped",
        "w and b are swapped: return (w, b, costs), in that order",
        swapped(0, 1),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_only_last_cost",
        "costs is one number: append the cost of every iteration to a list and return the list",
        both(part((2,), only_last()), fits(_w_and_b_right)),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_cost_after_update",
        "your costs are one iteration late: costs[k] is the cost before update k, so append "
        "it before updating",
        both(part((2,), shifted(1)), fits(_w_and_b_right)),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_extra_cost",
        "you returned num_iterations + 1 costs: record the cost before each update only, not "
        "after the last one",
        both(part((2,), both(length_off(1), shifted(0))), fits(_w_and_b_right)),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_uphill",
        "w and b moved uphill and the costs grow: subtract learning_rate × gradient, do not add it",
        fits(_uphill),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_no_rate",
        "the first step is 1 / learning_rate times too long: scale it, w - learning_rate * dw",
        fits(_first_iteration(lambda mine, right, c: np.allclose(mine * c.args[4], right))),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_b_with_dw",
        "after one iteration b moved exactly as far as w: update b with db, not dw",
        fits(
            _first_iteration(
                lambda mine, right, c: (
                    np.isclose(mine[0], right[0]) and np.isclose(mine[1], right[0])
                )
            )
        ),
    ),
    Mistake(
        "gradient_descent_2d",
        "descent_2d_sequential",
        "after one iteration w is right but b is not: compute both gradients at the old (w, b) "
        "before updating either",
        fits(
            _first_iteration(
                lambda mine, right, c: (
                    np.isclose(mine[0], right[0]) and not np.isclose(mine[1], right[1])
                )
            )
        ),
    ),
]
