"""Known mistakes in notebook 03 (the two-layer cat classifier), by their signatures."""

import numpy as np

from course.mistakes import (
    Mistake,
    Raised,
    a_number_wanted,
    both,
    every,
    fits,
    near,
    negated,
    part,
    raised,
    scaled,
    shaped,
    shifted,
    swapped,
    unchanged,
)
from course.mistakes.updates import biases_unchanged, last_layer_unchanged, steps_relate


def _m(case):
    """The number of examples: the columns of the case's first array."""
    return np.shape(case.args[0])[1]


def _spread(key, ratio):
    return part((key, "std / 0.01"), near(ratio))


MATMUL = ("matmul", "not aligned", "mismatch in its core dimension")
BROADCAST = ("could not be broadcast",)


def _labels_all(value):
    def test(got, expected, case):
        Y = np.asarray(case.args[1])
        if not np.all(Y == value):
            return None
        return bool(np.isclose(float(got), 0.0, atol=1e-12))

    return test


def _kept_where(mask_of):
    """dZ equals dA where mask_of(case) holds and 0 elsewhere."""

    def test(got, expected, case):
        dA = np.asarray(case.args[0])
        keep = mask_of(case)
        return bool(np.allclose(got, np.where(keep, dA, 0.0)))

    return test


def _only_two_layers(got, expected, case):
    """Right for layers 1 and 2, deeper layers untouched, a KeyError for a 1-layer network."""
    before = case.args[0]
    L = len(before) // 2
    if isinstance(got, Raised):
        return L < 2 and "2'" in got.message
    if L <= 2 or set(got) != set(expected):
        return None
    return all(np.allclose(got[k], expected[k] if int(k[1:]) <= 2 else before[k]) for k in expected)


_only_two_layers.reads_errors = True


def _costs_every_100(got, expected, case):
    n = case.kwargs.get("num_iterations", 2500)
    if n <= 1:
        return None
    return len(got) == 1 + (n - 1) // 100


def _probabilities(got, expected, case):
    g = np.asarray(got, dtype=float)
    if g.shape != np.shape(expected) or np.all(np.isin(g, (0.0, 1.0))):
        return False
    return bool(np.all((g > 0.5) == (np.asarray(expected) == 1)))


def _inverted(got, expected, case):
    g = np.asarray(got, dtype=float)
    return g.shape == np.shape(expected) and bool(np.all(g == 1 - np.asarray(expected)))


MISTAKES = [
    # --- compute_cost ----------------------------------------------------------------------
    Mistake(
        "compute_cost",
        "cost_not_averaged",
        "the cost is exactly m times too large: divide the sum by m, the number of "
        "examples (the columns of Y)",
        part((), scaled(_m)),
    ),
    Mistake(
        "compute_cost",
        "cost_sign",
        "the cost has the wrong sign: the cross-entropy has a minus in front of the sum",
        part((), negated()),
    ),
    Mistake(
        "compute_cost",
        "cost_not_a_number",
        "the cost is an array, not one number: return float(...) (or np.squeeze it)",
        part((), a_number_wanted()),
    ),
    Mistake(
        "compute_cost",
        "cost_no_non_cat_term",
        "when every label is 0 your cost is 0: the (1 - y) log(1 - a) term, the non-cats' "
        "part, is missing",
        part((), fits(_labels_all(0))),
    ),
    # --- initialize_parameters -------------------------------------------------------------
    Mistake(
        "initialize_parameters",
        "init_not_random",
        "the weights are all equal (zero): draw them at random, so that the hidden units "
        "can learn different things",
        every("W", part(("std / 0.01",), near(0.0, 0.5))),
    ),
    Mistake(
        "initialize_parameters",
        "init_times_01",
        "the weights are 10 times too large: multiply by 0.01, not 0.1",
        every("W", part(("std / 0.01",), near(10.0))),
    ),
    Mistake(
        "initialize_parameters",
        "init_W2_not_scaled",
        "W2 has spread 1, not 0.01: multiply W2 by 0.01 as well as W1",
        both(_spread("W1", 1.0), _spread("W2", 100.0)),
    ),
    Mistake(
        "initialize_parameters",
        "init_not_scaled",
        "the weights have spread 1: multiply np.random.randn(...) by 0.01",
        every("W", part(("std / 0.01",), near(100.0))),
    ),
    Mistake(
        "initialize_parameters",
        "init_uniform",
        "the weights are not centred on 0: np.random.randn draws from the normal "
        "distribution, np.random.rand from [0, 1)",
        every("W", part(("mean / std",), fits(lambda g, e, c: abs(g) > 0.5))),
    ),
    Mistake(
        "initialize_parameters",
        "init_transposed",
        "the weights have the transposed shape: W1 is (n_h, n_x) and W2 is (n_y, n_h)",
        every("W", part(("shape",), fits(lambda g, e, c: tuple(g) == tuple(e)[::-1]))),
    ),
    Mistake(
        "initialize_parameters",
        "init_flat_biases",
        "the biases are 1-D: make them columns, np.zeros((n_h, 1)) and np.zeros((n_y, 1))",
        every("b", shaped(lambda s: (s[0],))),
    ),
    # --- linear_forward --------------------------------------------------------------------
    Mistake(
        "linear_forward",
        "forward_matmul_shapes",
        "the matrix product's shapes do not line up: Z = W @ A, with W (n, n_prev) and "
        "A (n_prev, m)",
        raised(*MATMUL),
    ),
    Mistake(
        "linear_forward",
        "forward_elementwise",
        "W * A multiplies entry by entry: use the matrix product W @ A (np.dot(W, A))",
        raised(*BROADCAST),
    ),
    Mistake(
        "linear_forward",
        "forward_no_bias",
        "Z is W @ A without the bias: add b (it broadcasts over the m columns)",
        part((0,), fits(lambda g, e, c: np.allclose(g, e - c.args[2]))),
    ),
    Mistake(
        "linear_forward",
        "forward_minus_bias",
        "Z is W @ A - b: add the bias, do not subtract it",
        part((0,), fits(lambda g, e, c: np.allclose(g, e - 2 * c.args[2]))),
    ),
    Mistake(
        "linear_forward",
        "forward_cache_order",
        "the cache is in the wrong order: keep (A, W, b)",
        part((1,), swapped(0, 1)),
    ),
    # --- linear_activation_forward ---------------------------------------------------------
    Mistake(
        "linear_activation_forward",
        "layer_cache_holds_A",
        "the cache holds A where Z belongs: keep ((A_prev, W, b), Z), the input of the activation",
        fits(lambda g, e, c: np.allclose(g[1][1], e[0])),
    ),
    Mistake(
        "linear_activation_forward",
        "layer_relu_returns_Z",
        "for relu you returned Z itself: apply the activation, np.maximum(0, Z)",
        fits(lambda g, e, c: c.args[3] == "relu" and np.allclose(g[0], e[1][1]) or None),
    ),
    Mistake(
        "linear_activation_forward",
        "layer_flat_cache",
        "the cache is flat: keep the pair (linear_cache, Z), with linear_cache = (A_prev, W, b)",
        fits(lambda g, e, c: len(g[1]) == 4),
    ),
    Mistake(
        "linear_activation_forward",
        "layer_returns_swapped",
        "return (A, cache), in that order",
        swapped(0, 1),
    ),
    # --- sigmoid_backward ------------------------------------------------------------------
    Mistake(
        "sigmoid_backward",
        "sigmoid_backward_no_dA",
        "dZ does not grow with dA: multiply the slope s (1 - s) by dA",
        fits(lambda g, e, c: bool(np.allclose(np.asarray(g) * c.args[0], e))),
    ),
    Mistake(
        "sigmoid_backward",
        "sigmoid_backward_divides",
        "you divided dA by the slope: dZ = dA * s * (1 - s), a product",
        fits(lambda g, e, c: bool(np.allclose(np.asarray(g) * e, np.square(c.args[0])))),
    ),
    # --- relu_backward ---------------------------------------------------------------------
    Mistake(
        "relu_backward",
        "relu_mask_from_dA",
        "dZ keeps dA where dA > 0: the mask comes from Z (keep dA where Z > 0)",
        fits(_kept_where(lambda c: np.asarray(c.args[0]) > 0)),
    ),
    Mistake(
        "relu_backward",
        "relu_mask_inverted",
        "the mask is the wrong way round: keep dA where Z > 0, put 0 where Z < 0",
        fits(_kept_where(lambda c: np.asarray(c.args[1]) < 0)),
    ),
    Mistake(
        "relu_backward",
        "relu_mask_alone",
        "you returned the 0/1 mask: multiply it by dA",
        fits(lambda g, e, c: bool(np.allclose(g, np.asarray(c.args[1]) > 0))),
    ),
    Mistake(
        "relu_backward",
        "relu_times_relu",
        "dZ = dA * relu(Z) multiplies by Z: multiply by the slope (1 where Z > 0, else 0)",
        fits(lambda g, e, c: bool(np.allclose(g, np.asarray(e) * c.args[1]))),
    ),
    # --- linear_backward -------------------------------------------------------------------
    Mistake(
        "linear_backward",
        "dW_not_averaged",
        "dW is exactly m times too large: did you forget the 1/m?",
        both(part((1,), scaled(_m)), part((0,), fits(lambda g, e, c: np.allclose(g, e)))),
    ),
    Mistake(
        "linear_backward",
        "dA_prev_averaged",
        "dA_prev is exactly m times too small: it is per example, so no 1/m",
        part((0,), scaled(lambda c: 1 / _m(c))),
    ),
    Mistake(
        "linear_backward",
        "db_no_keepdims",
        "db has shape (n,) but should be (n, 1): sum with keepdims=True",
        part((2,), shaped(lambda s: (s[0],))),
    ),
    Mistake(
        "linear_backward",
        "db_wrong_axis",
        "db has shape (1, m): sum over axis=1 (the examples), not axis=0 (the units)",
        part(
            (2,),
            fits(
                lambda g, e, c: np.shape(g) in ((1, _m(c)), (_m(c),)) and np.shape(g) != np.shape(e)
            ),
        ),
    ),
    Mistake(
        "linear_backward",
        "db_one_number",
        "db is one number: sum each row of dZ, np.sum(dZ, axis=1, keepdims=True) / m",
        part((2,), fits(lambda g, e, c: np.ndim(g) == 0 and np.ndim(e) == 2)),
    ),
    Mistake(
        "linear_backward",
        "m_from_rows",
        "dW and db are divided by the number of inputs: m is A_prev.shape[1], the number "
        "of examples",
        part((1,), scaled(lambda c: _m(c) / np.shape(c.args[1][0])[0])),
    ),
    Mistake(
        "linear_backward",
        "dA_prev_no_transpose",
        "dA_prev's product does not line up: dA_prev = W.T @ dZ",
        raised(*MATMUL),
    ),
    # --- linear_activation_backward --------------------------------------------------------
    Mistake(
        "linear_activation_backward",
        "layer_backward_order",
        "return (dA_prev, dW, db), in that order",
        fits(
            lambda g, e, c: (
                all(np.shape(g[i]) == np.shape(e[(i + 1) % 3]) for i in range(3))
                and np.allclose(g[0], e[1])
            )
        ),
    ),
    Mistake(
        "linear_activation_backward",
        "layer_backward_relu_branch",
        'only the relu layers come out wrong: for activation "relu" use relu_backward '
        "with the cached Z",
        fits(lambda g, e, c: c.args[2] == "relu"),
    ),
    Mistake(
        "linear_activation_backward",
        "layer_backward_cache_order",
        "the cache is the pair (linear_cache, Z), in that order: the linear cache comes first",
        raised("tuple"),
    ),
    # --- update_parameters -----------------------------------------------------------------
    Mistake(
        "update_parameters",
        "update_two_layers_only",
        "your update works for exactly two layers: loop over l = 1 ... len(parameters) // 2",
        _only_two_layers,
    ),
    Mistake(
        "update_parameters",
        "update_uphill",
        "the parameters moved uphill: subtract learning_rate × gradient, do not add it",
        fits(steps_relate(lambda mine, right, rate: mine + right)),
    ),
    Mistake(
        "update_parameters",
        "update_no_rate",
        "the step is not scaled by the learning rate: W - learning_rate * dW",
        fits(steps_relate(lambda mine, right, rate: mine * rate - right)),
    ),
    Mistake(
        "update_parameters",
        "update_missing_last_layer",
        "the last layer was not updated: loop over the layers 1 ... L, range(1, L + 1)",
        fits(last_layer_unchanged),
    ),
    Mistake(
        "update_parameters",
        "update_no_biases",
        "the biases were not updated: update every b as well as every W",
        fits(biases_unchanged),
    ),
    Mistake(
        "update_parameters",
        "update_too_many_layers",
        "you looped over layers that do not exist: there are len(parameters) // 2 layers "
        "(grads also hold dA entries)",
        raised("KeyError: 'W", "KeyError: 'dW", "KeyError: 'b"),
    ),
    # --- two_layer_model -------------------------------------------------------------------
    Mistake(
        "two_layer_model",
        "costs_after_update",
        "your costs are one iteration late: costs[k] is the cost before update k, so "
        "append it before updating",
        part((1,), shifted(1)),
    ),
    Mistake(
        "two_layer_model",
        "parameters_never_updated",
        "the parameters never changed: keep what update_parameters returns",
        part((0,), unchanged(lambda c: c.args[0])),
    ),
    Mistake(
        "two_layer_model",
        "costs_every_100",
        "record the cost at every iteration, not every 100",
        part((1,), fits(_costs_every_100)),
    ),
    Mistake(
        "two_layer_model",
        "learning_rate_ignored",
        "only the runs with a learning rate other than 0.0075 go wrong: use the "
        "learning_rate argument",
        fits(lambda g, e, c: c.kwargs.get("learning_rate") != 0.0075 and len(g[1]) == len(e[1])),
    ),
    # --- predict ---------------------------------------------------------------------------
    Mistake(
        "predict",
        "predict_probabilities",
        "you returned probabilities: answer 1 where the output is above 0.5, else 0",
        fits(_probabilities),
    ),
    Mistake(
        "predict",
        "predict_inverted",
        "the answers are the wrong way round: 1 where the output is above 0.5",
        fits(_inverted),
    ),
    Mistake(
        "predict",
        "predict_flat",
        "return the answers with shape (1, m), not (m,)",
        shaped(lambda s: (s[-1],)),
    ),
]
