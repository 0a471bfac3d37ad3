"""Known mistakes in notebook 04 (the deep cat classifier), by their signatures."""

import numpy as np

from course.mistakes import (
    Mistake,
    every,
    fits,
    negated,
    part,
    raised,
    shaped,
    shifted,
    unchanged,
)

SPREAD = "std / 1/√n_prev"
MATMUL = ("matmul", "not aligned", "mismatch in its core dimension")
SHAPES = (*MATMUL, "could not be broadcast")


def _dims(case):
    return list(case.args[0])


def _spread_is(expected_ratio):
    """Every measured weight matrix W_l has the spread ratio expected_ratio(l, dims)."""

    def test(got, expected, case):
        dims, checked = _dims(case), False
        for key, summary in expected.items():
            if not key.startswith("W") or SPREAD not in summary:
                continue
            mine = got.get(key, {}).get(SPREAD) if isinstance(got.get(key), dict) else None
            if mine is None:
                return False
            if not np.isclose(mine, expected_ratio(int(key[1:]), dims), atol=0.11):
                return False
            checked = True
        return True if checked else None

    return test


def _one_layer_short(got, expected, case):
    L = len(_dims(case)) - 1
    return set(got) == set(expected) - {f"W{L}", f"b{L}"}


def _output_relu(got, expected, case):
    """The output is relu of the last Z (what the expected cache holds), not sigmoid of it."""
    Z_last = np.asarray(expected[1][-1][1])
    return bool(np.allclose(got[0], np.maximum(0, Z_last)))


def _one_cache(got, expected, case):
    return len(expected[1]) > 1 and len(got[1]) == 1


def _grads_numbered_from(offset):
    """Keys dW{l + offset}, db{l + offset} hold the expected dW{l}, db{l}."""

    def test(got, expected, case):
        L = len(case.args[2])
        for layer in range(1, L + 1):
            for kind in ("W", "b"):
                key = f"d{kind}{layer + offset}"
                if key not in got or not np.allclose(got[key], expected[f"d{kind}{layer}"]):
                    return False
        return True

    return test


def _dA_one_layer_off(got, expected, case):
    L = len(case.args[2])
    if "dA0" in got:
        return False
    return all(np.allclose(got[f"dA{k}"], expected[f"dA{k - 1}"]) for k in range(1, L))


def _gradients_scaled_by_1_over_m(got, expected, case):
    m = np.shape(case.args[0])[1]
    if m == 1:
        return None
    keys = [k for k in expected if k.startswith(("dW", "db"))]
    return all(np.allclose(got[k], expected[k] / m) for k in keys)


def _costs_every_100(got, expected, case):
    n = case.kwargs.get("num_iterations", 2500)
    return None if n <= 1 else len(got) == 1 + (n - 1) // 100


def _costs_all_the_first(got, expected, case):
    costs = np.asarray(got, dtype=float)
    if len(expected) < 2 or costs.shape != (len(expected),):
        return None
    return bool(np.allclose(costs, expected[0]))


def _twice_the_gradient(got, expected, case):
    """For right gradients (a tiny expected difference) the answer is 1/3: g~ = 2 g."""
    if expected > 1e-4:
        return None
    return bool(np.isclose(got, 1 / 3, rtol=1e-2))


MISTAKES = [
    # --- initialize_parameters_deep --------------------------------------------------------
    Mistake(
        "initialize_parameters_deep",
        "deep_init_uniform",
        "the weights are not centred on 0: np.random.randn draws from the normal "
        "distribution, np.random.rand from [0, 1)",
        every("W", part(("mean / std",), fits(lambda g, e, c: abs(g) > 0.5))),
    ),
    Mistake(
        "initialize_parameters_deep",
        "deep_init_times_001",
        "the weights are far too small for a deep network: divide by √n_prev "
        "(np.sqrt(layer_dims[l - 1])) instead of multiplying by 0.01",
        fits(_spread_is(lambda layer, dims: round(0.01 * np.sqrt(dims[layer - 1]), 1))),
    ),
    Mistake(
        "initialize_parameters_deep",
        "deep_init_own_size",
        "the weights are divided by √n of their own layer: divide by the square root of "
        "layer_dims[l - 1], the size of the layer below",
        fits(_spread_is(lambda layer, dims: round(np.sqrt(dims[layer - 1] / dims[layer]), 1))),
    ),
    Mistake(
        "initialize_parameters_deep",
        "deep_init_transposed",
        "the weights have the transposed shape: W_l is (layer_dims[l], layer_dims[l - 1])",
        every("W", part(("shape",), fits(lambda g, e, c: tuple(g) == tuple(e)[::-1]))),
    ),
    Mistake(
        "initialize_parameters_deep",
        "deep_init_one_short",
        "the last layer is missing: loop over l = 1 ... len(layer_dims) - 1, "
        "range(1, len(layer_dims))",
        fits(_one_layer_short),
    ),
    Mistake(
        "initialize_parameters_deep",
        "deep_init_flat_biases",
        "the biases are 1-D: make them columns, np.zeros((layer_dims[l], 1))",
        every("b", shaped(lambda s: (s[0],))),
    ),
    # --- L_model_forward -------------------------------------------------------------------
    Mistake(
        "L_model_forward",
        "forward_output_relu",
        "the output layer used relu: the last layer (l = L) takes the sigmoid",
        fits(_output_relu),
    ),
    Mistake(
        "L_model_forward",
        "forward_one_layer_short",
        "one layer is missing: loop over l = 1 ... L, range(1, L + 1), the output layer included",
        part((1,), fits(lambda g, e, c: len(g) == len(e) - 1)),
    ),
    Mistake(
        "L_model_forward",
        "forward_only_last_cache",
        "only one cache came back: append every layer's cache to the list",
        fits(_one_cache),
    ),
    Mistake(
        "L_model_forward",
        "forward_X_everywhere",
        "a layer's shapes do not line up: feed each layer the previous layer's output A, not X",
        raised(*MATMUL),
    ),
    # --- L_model_backward ------------------------------------------------------------------
    Mistake(
        "L_model_backward",
        "backward_dAL_sign",
        "every gradient has the wrong sign: dAL = -(Y / AL - (1 - Y) / (1 - AL))",
        every("d", negated()),
    ),
    Mistake(
        "L_model_backward",
        "backward_dAL_averaged",
        "every gradient is exactly m times too small: dAL has no 1/m (linear_backward "
        "divides by m)",
        fits(_gradients_scaled_by_1_over_m),
    ),
    Mistake(
        "L_model_backward",
        "backward_dA_one_off",
        "the dA entries are one layer off: layer l's backward step returns dA{l-1}, "
        "so grads['dA0'] comes out of layer 1",
        fits(_dA_one_layer_off),
    ),
    Mistake(
        "L_model_backward",
        "backward_numbered_from_0",
        "the gradients are numbered from 0: layer l's are dW{l} and db{l}, l = 1 ... L",
        fits(_grads_numbered_from(-1)),
    ),
    Mistake(
        "L_model_backward",
        "backward_wrong_direction",
        "the shapes do not line up going backwards: walk the layers from L down to 1, "
        "layer l with caches[l - 1]",
        raised(*SHAPES),
    ),
    # --- L_layer_model ---------------------------------------------------------------------
    Mistake(
        "L_layer_model",
        "deep_costs_after_update",
        "your costs are one iteration late: costs[k] is the cost before update k, so "
        "append it before updating",
        part((1,), shifted(1)),
    ),
    Mistake(
        "L_layer_model",
        "deep_costs_every_100",
        "record the cost at every iteration, not every 100",
        part((1,), fits(_costs_every_100)),
    ),
    Mistake(
        "L_layer_model",
        "deep_parameters_never_updated",
        "the parameters never changed: keep what update_parameters returns",
        part((0,), unchanged(lambda c: c.args[0])),
    ),
    Mistake(
        "L_layer_model",
        "deep_init_every_iteration",
        "every cost is the first one: initialise the parameters once, before the loop",
        part((1,), fits(_costs_all_the_first)),
    ),
    Mistake(
        "L_layer_model",
        "deep_learning_rate_ignored",
        "only the runs with a learning rate other than 0.0075 go wrong: use the "
        "learning_rate argument",
        fits(lambda g, e, c: c.kwargs.get("learning_rate") != 0.0075 and len(g[1]) == len(e[1])),
    ),
    # --- gradient_check_n ------------------------------------------------------------------
    Mistake(
        "gradient_check_n",
        "check_one_epsilon",
        "for right gradients you report 1/3: your numerical gradient is twice the real "
        "one, divide J+ - J- by 2 epsilon",
        fits(_twice_the_gradient),
    ),
]
