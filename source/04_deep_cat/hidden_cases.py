"""Hidden cases for 04_deep_cat (grader only: listed in nbgrader's ignore, never released).

One generator per graded function, named like it, yielding `Case(label, args, kwargs)`.
Labels describe the kind of case, never its numbers. Networks have random depths (one to
five hidden layers, and none) and small random widths; caches are self-consistent (each
layer's Z = W A_prev + b and A = g(Z), as a forward pass keeps them), and the gradients
handed to `gradient_check_n` come from a correct backward pass of the same network.

`initialize_parameters_deep` is random: its `ADAPTERS` entry compares shapes and spreads,
not numbers. `L_layer_model` starts from the case's parameters. `L_model_backward` is judged
on the keys of the contract (dA0 ... dA{L-1}, dW1 ... dWL, db1 ... dbL): an extra entry such
as dA{L} costs nothing.
"""

import numpy as np

from course.casekit import initialization_summary, starting_from
from course.recording import Case

# A numerical gradient carries rounding error of about 1e-16 / epsilon, so the relative
# difference of right gradients is a tiny number that differs between correct solutions.
TOLERANCES = {"gradient_check_n": {"rtol": 1e-4, "atol": 1e-6}}
# What the items of tuple outputs are called, for the failure messages.
OUTPUT_NAMES = {"L_model_forward": ("AL", "caches"), "L_layer_model": ("parameters", "costs")}


def _contract_keys(grads, L):
    if not isinstance(grads, dict):
        return grads
    """The gradients of the contract, in its order, plus any other key that is not a dA."""
    keys = [f"dA{layer}" for layer in range(L)]
    keys += [f"d{kind}{layer}" for layer in range(1, L + 1) for kind in "Wb"]
    extra = [key for key in grads if key not in keys and not str(key).startswith("dA")]
    return {key: grads[key] for key in keys + extra if key in grads}


ADAPTERS = {
    "initialize_parameters_deep": lambda fn: (
        lambda dims: initialization_summary(
            fn(dims), scale=lambda W: 1 / np.sqrt(W.shape[1]), scale_name="1/√n_prev"
        )
    ),
    "L_model_backward": lambda fn: (
        lambda AL, Y, caches: _contract_keys(fn(AL, Y, caches), len(caches))
    ),
    "L_layer_model": lambda fn: starting_from(fn, "initialize_parameters_deep"),
}


# --- a private network, to build consistent inputs --------------------------------------


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def _dims(rng, hidden, n_x=None):
    """[n_x, n_1, ..., n_hidden, 1] with random small widths, neighbours different."""
    dims = [int(n_x or rng.integers(2, 7))]
    for _ in range(hidden):
        choices = [n for n in range(2, 7) if n != dims[-1]]
        dims.append(int(rng.choice(choices)))
    return dims + [1]


def _parameters(rng, dims):
    parameters = {}
    for layer in range(1, len(dims)):
        parameters[f"W{layer}"] = (
            rng.normal(0, 1, (dims[layer], dims[layer - 1])) * 1.5 / np.sqrt(dims[layer - 1])
        )
        parameters[f"b{layer}"] = rng.normal(0, 0.3, (dims[layer], 1))
    return parameters


def _forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for layer in range(1, L + 1):
        W, b = parameters[f"W{layer}"], parameters[f"b{layer}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = _sigmoid(Z) if layer == L else np.maximum(0, Z)
    return A, caches


def _backward(AL, Y, caches):
    L, m = len(caches), Y.shape[1]
    grads, dZ = {}, AL - Y
    for layer in range(L, 0, -1):
        (A_prev, W, _), _ = caches[layer - 1]
        grads[f"dW{layer}"] = dZ @ A_prev.T / m
        grads[f"db{layer}"] = dZ.sum(axis=1, keepdims=True) / m
        dA_prev = W.T @ dZ
        grads[f"dA{layer - 1}"] = dA_prev
        if layer > 1:
            dZ = dA_prev * (caches[layer - 2][1] > 0)
    return grads


def _right_gradients(X, Y, parameters):
    AL, caches = _forward(X, parameters)
    return _backward(AL, Y, caches)


def _data(rng, n_x, m):
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    return rng.normal(0, 1, (n_x, m)), Y


def _network(rng, hidden, m):
    """Layer sizes, data and parameters whose output stays in (0.018, 0.982) on X.

    A saturated output (AL = 1.0 in float64) makes dAL = -(Y/AL - (1-Y)/(1-AL)) infinite:
    the cases avoid it, since correct formulas then disagree about inf and nan.
    """
    dims = _dims(rng, hidden)
    X, Y = _data(rng, dims[0], m)
    parameters = _parameters(rng, dims)
    L = len(dims) - 1
    Z_last = _forward(X, parameters)[1][-1][1]
    largest = float(np.max(np.abs(Z_last)))
    if largest > 4:
        parameters[f"W{L}"] *= 4 / largest
        parameters[f"b{L}"] *= 4 / largest
    return dims, X, Y, parameters


# --- the cases ---------------------------------------------------------------------------


def initialize_parameters_deep(rng):
    yield Case("layers [3, 1]", ([3, 1],))
    yield Case("layers [5, 4, 3]", ([5, 4, 3],))
    yield Case("layers [4, 6, 2, 5, 1]", ([4, 6, 2, 5, 1],))
    # large enough that the spread of every weight matrix is measured
    yield Case("layers [200, 150, 120, 100]", ([200, 150, 120, 100],))
    yield Case("layers [12288, 20, 7, 5, 1]", ([12288, 20, 7, 5, 1],))


def L_model_forward(rng):  # noqa: N802 (named like the graded function)
    for hidden, m in ((0, 4), (1, 5), (2, 1), (3, 6), (5, 3)):
        dims, X, _, parameters = _network(rng, hidden, m)
        yield Case(f"{hidden} hidden layers, layers {dims}, m={m}", (X, parameters))


def L_model_backward(rng):  # noqa: N802
    for hidden, m in ((0, 5), (1, 4), (2, 1), (3, 7), (4, 3), (5, 6)):
        dims, X, Y, parameters = _network(rng, hidden, m)
        AL, caches = _forward(X, parameters)
        yield Case(f"{hidden} hidden layers, layers {dims}, m={m}", (AL, Y, caches))


def L_layer_model(rng):  # noqa: N802
    runs = ((1, 1, 0.0075), (2, 3, 0.5), (3, 25, 0.2), (0, 10, 0.3), (5, 8, 0.1))
    for hidden, iterations, learning_rate in runs:
        dims, X, Y, initial = _network(rng, hidden, int(rng.integers(4, 9)))
        label = f"layers {dims}, m={X.shape[1]}, {iterations} iterations at {learning_rate}"
        kwargs = {"learning_rate": learning_rate, "num_iterations": iterations}
        yield Case(label, (initial, X, Y, dims), kwargs)
    dims, X, Y, initial = _network(rng, 2, 5)
    yield Case("default learning rate, 4 iterations", (initial, X, Y, dims), {"num_iterations": 4})


def gradient_check_n(rng):
    dims, X, Y, parameters = _network(rng, 2, 4)
    right = _right_gradients(X, Y, parameters)
    yield Case("right gradients, default epsilon", (parameters, right, X, Y))
    yield Case("right gradients, epsilon=1e-3", (parameters, right, X, Y), {"epsilon": 1e-3})
    yield Case("right gradients, epsilon=0.03", (parameters, right, X, Y), {"epsilon": 3e-2})
    doubled = {key: 2 * value for key, value in right.items()}
    yield Case("every gradient twice too big", (parameters, doubled, X, Y))
    one_off = {key: value.copy() for key, value in right.items()}
    one_off["dW1"][0, 0] += 0.5
    yield Case("one entry of dW1 wrong", (parameters, one_off, X, Y))
    dims, X, Y, parameters = _network(rng, 1, 5)
    right = _right_gradients(X, Y, parameters)
    wrong_sign = {key: -value for key, value in right.items() if not key.startswith("dA")}
    yield Case("gradients with the wrong sign", (parameters, wrong_sign, X, Y))
    no_dA = {key: value for key, value in right.items() if not key.startswith("dA")}
    yield Case("right gradients, no dA entries", (parameters, no_dA, X, Y))
