"""Hidden cases for 01_gradient_descent (grader only: listed in nbgrader's ignore, never released).

One generator per graded function, named like it. Each takes a seeded `rng` and yields
`Case(label, args, kwargs)`. Labels describe the kind of case, never its numbers: they are
shown to students when a case fails. The grader runs the reference solution on the same
cases, so no expected value is written here.
"""

import numpy as np

from course.recording import Case

# Per-function tolerances (default: course.compare.RTOL/ATOL). A numerical derivative carries
# rounding error of about 1e-16 * |f| / eps, so it is compared a little more loosely.
TOLERANCES = {"numerical_derivative": {"rtol": 1e-7, "atol": 1e-8}}
# What the items of tuple outputs are called, for the failure messages.
OUTPUT_NAMES = {"linear_gradients": ("dw", "db"), "gradient_descent_2d": ("w", "b", "costs")}


def _smooth(rng):
    """A smooth f with large second and third derivatives (so shortcuts show)."""
    a, b, k = rng.uniform(0.5, 2.0), rng.uniform(0.2, 1.0), rng.uniform(2.0, 4.0)
    return lambda w: a * np.sin(k * w) + b * w**3


def _parabola(rng):
    """J(w) = a (w - c)^2 + d; returns J, dJ/dw and a learning rate scale 1/a."""
    a, c, d = rng.uniform(0.5, 2.0), rng.uniform(-3, 3), rng.uniform(-1, 1)
    return (lambda w: a * (w - c) ** 2 + d), (lambda w: 2 * a * (w - c)), 1 / a


def _line_data(rng, m):
    x = rng.normal(0, 2, size=m)
    y = rng.uniform(-2, 2) * x + rng.uniform(-2, 2) + rng.normal(0, 0.5, size=m)
    return x, y


def numerical_derivative(rng):
    for label in ("a smooth f", "a smooth f at a negative w", "a parabola"):
        f = _parabola(rng)[0] if label == "a parabola" else _smooth(rng)
        w = -abs(rng.normal(0, 2)) if "negative" in label else rng.normal(0, 2)
        yield Case(f"{label}, default eps", (f, w))
    for eps in (1e-3, 1e-2):
        yield Case(f"a smooth f, eps={eps:g}", (_smooth(rng), rng.normal(0, 2)), {"eps": eps})
    # for w**3 the central difference is off by exactly eps**2: ignoring eps always shows
    yield Case("a cubic f, eps=0.01", (lambda w: w**3, rng.normal(0, 2)), {"eps": 1e-2})


def gradient_descent_1d(rng):
    # learning rate as a multiple of 1/a: 0.05 crawls, 0.3 converges, 0.8 oscillates, 1.1 diverges
    for factor, steps in ((0.05, 10), (0.3, 25), (0.8, 12), (1.1, 15), (0.3, 1), (0.3, 0)):
        _, grad, scale = _parabola(rng)
        w0 = rng.uniform(-5, 5)
        label = f"a parabola, learning rate {factor} / a, {steps} steps"
        yield Case(label, (grad, w0, factor * scale, steps))
    yield Case("a non-quadratic J, 20 steps", (lambda w: np.cos(w) + 0.5 * w, 1.0, 0.2, 20))


def linear_cost(rng):
    for m in (1, 4, 100):
        x, y = _line_data(rng, m)
        yield Case(f"m={m}", (rng.normal(), rng.normal(), x, y))
    x, y = _line_data(rng, 7)
    yield Case("a perfect fit (cost 0)", (1.5, -0.5, x, 1.5 * x - 0.5))


def linear_gradients(rng):
    for m in (1, 4, 100):
        x, y = _line_data(rng, m)
        yield Case(f"m={m}", (rng.normal(), rng.normal(), x, y))
    x, y = _line_data(rng, 5)
    yield Case("w and b at the least-squares fit (gradients 0)", (*np.polyfit(x, y, 1), x, y))


def gradient_descent_2d(rng):
    # the single iteration shows the first step alone (the mistakes in the update show there)
    runs = ((1, 0.1, 5), (5, 0.05, 40), (40, 0.1, 60), (40, 0.3, 7), (5, 0.1, 0), (5, 0.1, 1))
    for m, lr, iterations in runs:
        x, y = _line_data(rng, m)
        label = f"m={m}, learning rate {lr}, {iterations} iterations"
        yield Case(label, (x, y, rng.normal(), rng.normal(), lr, iterations))
