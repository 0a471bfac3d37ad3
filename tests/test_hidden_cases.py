"""The hidden cases of every backward function expect true derivatives.

The grader compares a student's backward function with the reference on the hidden cases.
That is only fair if the reference's outputs are the derivatives themselves, whatever formula
computes them: then any correct formula (an equivalent expression, a loop, a shortcut)
matches. So each backward reference is checked here against central differences, on the
hidden cases of several seeds, and each case's cache is checked to be one a forward pass could
have kept (Z = W A_prev + b, AL = sigmoid(Z_L)).

The deeplearning.ai convention used by the course: dZ and dA hold per-example derivatives,
dW and db are averaged over the m examples. So for a layer fed the upstream gradient G,
dA_prev is the derivative of sum(G * out) and dW, db are 1/m times theirs.
"""

import numpy as np
import pytest

from course.recording import cases_for, load_case_module
from grader.reference import load_reference
from tests.nbgrader_course import REPO

SEEDS = range(4)


def _load(assignment, notebook):
    folder = REPO / "source" / assignment
    return load_case_module(folder / "hidden_cases.py"), load_reference(
        folder / f"{notebook}.ipynb"
    )


CASES_03, REFERENCE_03 = _load("03_two_layer_cat", "two_layer_cat")
CASES_04, REFERENCE_04 = _load("04_deep_cat", "deep_cat")


def numerical_gradient(f, x, eps=1e-6):
    """Central differences of the number f() with respect to every entry of the array x."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + eps
        plus = f()
        x[index] = saved - eps
        minus = f()
        x[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def _relu(Z):
    return np.maximum(0, Z)


ACTIVATIONS = {"sigmoid": _sigmoid, "relu": _relu}


def _close(got, want):
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_activation_backward_is_the_derivative(seed, activation):
    g = ACTIVATIONS[activation]
    for case in cases_for(CASES_03, f"{activation}_backward", seed):
        dA, Z = (np.array(a, dtype=float) for a in case.args)
        dZ = REFERENCE_03[f"{activation}_backward"](dA, Z.copy())
        _close(dZ, numerical_gradient(lambda: np.sum(dA * g(Z)), Z))  # noqa: B023


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_backward_is_the_derivative(seed):
    for case in cases_for(CASES_03, "linear_backward", seed):
        dZ, (A_prev, W, b) = case.args
        A_prev, W, b = A_prev.copy(), W.copy(), b.copy()
        m = A_prev.shape[1]
        dA_prev, dW, db = REFERENCE_03["linear_backward"](dZ, (A_prev.copy(), W.copy(), b.copy()))
        J = lambda: np.sum(dZ * (W @ A_prev + b))  # noqa: E731, B023
        _close(dA_prev, numerical_gradient(J, A_prev))
        _close(dW, numerical_gradient(J, W) / m)
        _close(db, numerical_gradient(J, b) / m)


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_activation_backward_is_the_derivative_on_consistent_caches(seed):
    for case in cases_for(CASES_03, "linear_activation_backward", seed):
        dA, ((A_prev, W, b), Z), activation = case.args
        assert np.array_equal(Z, W @ A_prev + b), f"{case.label}: Z is not W A_prev + b"
        A_prev, W, b = A_prev.copy(), W.copy(), b.copy()
        g, m = ACTIVATIONS[activation], A_prev.shape[1]
        cache = ((A_prev.copy(), W.copy(), b.copy()), Z.copy())
        dA_prev, dW, db = REFERENCE_03["linear_activation_backward"](dA, cache, activation)
        J = lambda: np.sum(dA * g(W @ A_prev + b))  # noqa: E731, B023
        _close(dA_prev, numerical_gradient(J, A_prev))
        _close(dW, numerical_gradient(J, W) / m)
        _close(db, numerical_gradient(J, b) / m)


def _cost(AL, Y):
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))


@pytest.mark.parametrize("seed", SEEDS)
def test_L_model_backward_is_the_gradient_of_the_cost_on_consistent_caches(seed):  # noqa: N802
    for case in cases_for(CASES_04, "L_model_backward", seed):
        _check_deep_backward(case)


def _check_deep_backward(case):
    AL, Y, caches = case.args
    L, m = len(caches), Y.shape[1]
    X = caches[0][0][0].copy()
    params = {}
    for layer, ((_, W, b), _) in enumerate(caches, 1):
        params[f"W{layer}"], params[f"b{layer}"] = W.copy(), b.copy()

    def forward():
        A, outputs = X, [X]
        for layer in range(1, L + 1):
            Z = params[f"W{layer}"] @ A + params[f"b{layer}"]
            A = _sigmoid(Z) if layer == L else _relu(Z)
            outputs.append(A)
        return outputs

    outputs = forward()
    for layer, ((A_prev, W, b), Z) in enumerate(caches, 1):
        assert np.allclose(A_prev, outputs[layer - 1]) and np.allclose(Z, W @ A_prev + b)
    assert np.allclose(AL, outputs[-1]), f"{case.label}: AL is not the network's output"
    grads = REFERENCE_04["L_model_backward"](AL, Y, caches)
    J = lambda: _cost(forward()[-1], Y)  # noqa: E731
    for layer in range(1, L + 1):
        _close(grads[f"dW{layer}"], numerical_gradient(J, params[f"W{layer}"]))
        _close(grads[f"db{layer}"], numerical_gradient(J, params[f"b{layer}"]))
    _close(grads["dA0"], m * numerical_gradient(J, X))
