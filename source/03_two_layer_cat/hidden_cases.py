"""Hidden cases for 03_two_layer_cat (grader only: listed in nbgrader's ignore, never released).

One generator per graded function, named like it, yielding `Case(label, args, kwargs)`.
Labels describe the kind of case, never its numbers. Shapes are small, random and all
different from each other (n ≠ n_prev ≠ m), so a transposed product or a sum over the wrong
axis shows as a wrong shape; m = 1 and n = 1 are included because they hide a missing
`keepdims`. Caches are self-consistent: Z = W A_prev + b, as a forward pass would keep them.

`initialize_parameters` is random: its `ADAPTERS` entry compares shapes and spreads, not
numbers. `two_layer_model` starts from the case's parameters (its call of
`initialize_parameters` is redirected to them), so every correct loop ends in one place.
"""

import numpy as np

from course.casekit import initialization_summary, starting_from
from course.recording import Case

# What the items of tuple outputs are called, for the failure messages.
OUTPUT_NAMES = {
    "linear_forward": ("Z", "cache"),
    "linear_activation_forward": ("A", "cache"),
    "linear_backward": ("dA_prev", "dW", "db"),
    "linear_activation_backward": ("dA_prev", "dW", "db"),
    "two_layer_model": ("parameters", "costs"),
}
ADAPTERS = {
    "initialize_parameters": lambda fn: (
        lambda *dims: initialization_summary(fn(*dims), scale=lambda W: 0.01, scale_name="0.01")
    ),
    "two_layer_model": lambda fn: starting_from(fn, "initialize_parameters"),
}


def _sizes(rng, count):
    """`count` distinct sizes between 2 and 9, in random order."""
    return [int(n) for n in rng.choice(np.arange(2, 10), size=count, replace=False)]


def _layer(rng, n, n_prev):
    """W: (n, n_prev) with entries of spread 1/√n_prev, b: (n, 1) not zero."""
    return rng.normal(0, 1, (n, n_prev)) / np.sqrt(n_prev), rng.normal(0, 0.5, (n, 1))


def _shape_cases(rng):
    """(label, n, n_prev, m) with distinct sizes, then the edge cases n = 1 and m = 1."""
    n, n_prev, m = _sizes(rng, 3)
    yield f"n={n}, n_prev={n_prev}, m={m}", n, n_prev, m
    n, n_prev, m = _sizes(rng, 3)
    yield f"n={n}, n_prev={n_prev}, m={m}", n, n_prev, m
    n_prev, m = _sizes(rng, 2)
    yield f"one unit (n=1), n_prev={n_prev}, m={m}", 1, n_prev, m
    n, n_prev = _sizes(rng, 2)
    yield f"one example (m=1), n={n}, n_prev={n_prev}", n, n_prev, 1


def _labels(rng, m):
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0  # both classes present (when m > 1)
    return Y


def compute_cost(rng):
    for m in (1, 6, 40):
        AL = rng.uniform(0.02, 0.98, (1, m))
        yield Case(f"m={m}", (AL, _labels(rng, m) if m > 1 else np.ones((1, 1))))
    yield Case("every label 1", (rng.uniform(0.05, 0.95, (1, 7)), np.ones((1, 7))))
    yield Case("every label 0", (rng.uniform(0.05, 0.95, (1, 5)), np.zeros((1, 5))))
    yield Case("integer labels", (rng.uniform(0.05, 0.95, (1, 8)), _labels(rng, 8).astype(int)))
    AL = np.where(_labels(rng, 9) == 1, 1 - 1e-6, 1e-6)
    yield Case("confident predictions", (np.clip(AL + rng.uniform(-1e-7, 1e-7, AL.shape), 0, 1),
                                         _labels(rng, 9)))  # fmt: skip


def initialize_parameters(rng):
    yield Case("sizes (3, 2, 1)", (3, 2, 1))
    yield Case("sizes (4, 7, 2)", (4, 7, 2))
    # large enough that the spread of every weight matrix is measured
    yield Case("sizes (150, 200, 120)", (150, 200, 120))
    yield Case("sizes (12288, 7, 1)", (12288, 7, 1))


def linear_forward(rng):
    for label, n, n_prev, m in _shape_cases(rng):
        W, b = _layer(rng, n, n_prev)
        yield Case(label, (rng.normal(0, 1, (n_prev, m)), W, b))


def linear_activation_forward(rng):
    for activation in ("relu", "sigmoid"):
        for label, n, n_prev, m in _shape_cases(rng):
            W, b = _layer(rng, n, n_prev)
            A_prev = rng.normal(0, 1.5, (n_prev, m))
            yield Case(f"{activation}, {label}", (A_prev, W, b, activation))


def sigmoid_backward(rng):
    for label, n, _, m in _shape_cases(rng):
        yield Case(label, (rng.normal(0, 1, (n, m)), rng.normal(0, 2, (n, m))))
    Z = np.array([[-20.0, -8.0, 8.0, 20.0], [-5.0, 5.0, 0.1, -0.1]])
    yield Case("large |Z|", (rng.normal(0, 1, (2, 4)), Z))


def relu_backward(rng):
    for label, n, _, m in _shape_cases(rng):
        yield Case(label, (rng.normal(0, 1, (n, m)), rng.normal(0, 1, (n, m))))


def linear_backward(rng):
    for label, n, n_prev, m in _shape_cases(rng):
        W, b = _layer(rng, n, n_prev)
        cache = (rng.normal(0, 1, (n_prev, m)), W, b)
        yield Case(label, (rng.normal(0, 1, (n, m)), cache))


def linear_activation_backward(rng):
    for activation in ("relu", "sigmoid"):
        for label, n, n_prev, m in _shape_cases(rng):
            W, b = _layer(rng, n, n_prev)
            A_prev = rng.normal(0, 1.5, (n_prev, m))
            cache = ((A_prev, W, b), W @ A_prev + b)
            yield Case(f"{activation}, {label}", (rng.normal(0, 1, (n, m)), cache, activation))


def _parameters(rng, layer_sizes):
    parameters = {}
    for layer, (n, n_prev) in enumerate(zip(layer_sizes[1:], layer_sizes[:-1], strict=True), 1):
        parameters[f"W{layer}"], parameters[f"b{layer}"] = _layer(rng, n, n_prev)
    return parameters


def update_parameters(rng):
    for depth, learning_rate in ((1, 0.1), (2, 0.0075), (3, 1.3), (4, 0.5)):
        sizes = [int(n) for n in rng.integers(1, 7, depth + 1)]
        parameters = _parameters(rng, sizes)
        grads = {f"d{k}": rng.normal(0, 1, v.shape) for k, v in parameters.items()}
        for layer in range(depth):  # backward passes also return dA; they are not parameters
            grads[f"dA{layer}"] = rng.normal(0, 1, (sizes[layer], 3))
        label = f"{depth} layer{'s' if depth > 1 else ''}, learning rate {learning_rate}"
        yield Case(label, (parameters, grads, learning_rate))


def _toy_data(rng, n_x, m):
    X = rng.normal(0, 1, (n_x, m))
    return X, _labels(rng, m)


def two_layer_model(rng):
    for iterations, learning_rate in ((1, 0.0075), (2, 0.5), (15, 0.3), (60, 0.1)):
        n_x, n_h, m = _sizes(rng, 3)
        X, Y = _toy_data(rng, n_x, m)
        initial = _parameters(rng, [n_x, n_h, 1])
        label = f"layers ({n_x}, {n_h}, 1), m={m}, {iterations} iterations at {learning_rate}"
        kwargs = {"learning_rate": learning_rate, "num_iterations": iterations}
        yield Case(label, (initial, X, Y, (n_x, n_h, 1)), kwargs)
    n_x, n_h, m = _sizes(rng, 3)
    X, Y = _toy_data(rng, n_x, m)
    initial = _parameters(rng, [n_x, n_h, 1])
    yield Case("default learning rate, 5 iterations", (initial, X, Y, (n_x, n_h, 1)),
               {"num_iterations": 5})  # fmt: skip


def predict(rng):
    for _ in range(3):
        n_x, n_h, m = _sizes(rng, 3)
        parameters = _parameters(rng, [n_x, n_h, 1])
        parameters["W2"] *= 3  # confident answers, both classes
        yield Case(f"layers ({n_x}, {n_h}, 1), m={m}", (rng.normal(0, 1, (n_x, m)), parameters))
    # many examples, their outputs centred on 0.5 with Z spread about 1 around 0: plenty of
    # close calls, which a hidden layer through the wrong activation or a threshold on Z
    # instead of sigmoid(Z) gets wrong
    n_x, n_h = _sizes(rng, 2)
    parameters = _parameters(rng, [n_x, n_h, 1])
    parameters["b1"] = np.abs(parameters["b1"]) + 0.5  # hidden units on for most examples
    X = rng.normal(0, 1, (n_x, 200))
    votes = parameters["W2"] @ np.maximum(0, parameters["W1"] @ X + parameters["b1"])
    parameters["W2"] /= np.std(votes)
    parameters["b2"][0, 0] = rng.uniform(-0.1, 0.1) - np.median(votes) / np.std(votes)
    yield Case(f"layers ({n_x}, {n_h}, 1), m=200, many close calls", (X, parameters))
