"""Known mistakes in notebook 02 (the chain rule), by their signatures."""

import numpy as np

from course.mistakes import (
    Mistake,
    both,
    every,
    fits,
    negated,
    only_differs,
    part,
    raised,
    scaled,
    shaped,
)
from course.mistakes.gradient_descent import one_sided, step_ignored


def _close(a, b):
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), 1e-6, 1e-9))


def _array(x):
    return np.asarray(x, dtype=float)


# --- graph_forward / graph_backward -----------------------------------------------------


def _only(*keys):
    return only_differs(lambda k: k in keys)


def _forward_follows(got):
    """The student's own J is 3 × their v (the last step, J = 3v, done right)."""
    return _close(got["J"], 3 * got["v"])


def _u_wrong(got, expected, case):
    """u is wrong, and v = a + u and J = 3v follow from it."""
    return (
        not _close(got["u"], expected["u"])
        and _close(got["v"] - got["u"], expected["v"] - expected["u"])
        and _forward_follows(got)
    )


def _v_wrong(got, expected, case):
    """u is right, v is wrong, J = 3v follows from it."""
    return (
        _close(got["u"], expected["u"])
        and not _close(got["v"], expected["v"])
        and _forward_follows(got)
    )


def _derivatives_added(got, expected, case):
    """Each derivative is dJ/dv = 3 plus the local derivative (expected / 3)."""
    return all(_close(got[k] - 3, expected[k] / 3) for k in expected)


def _db_dc_swapped(got, expected, case):
    if _close(expected["dJ_db"], expected["dJ_dc"]):
        return None
    return (
        _close(got["dJ_da"], expected["dJ_da"])
        and _close(got["dJ_db"], expected["dJ_dc"])
        and _close(got["dJ_dc"], expected["dJ_db"])
    )


# --- sigmoid / sigmoid_derivative -------------------------------------------------------


def _outside_0_1(got, expected, case):
    """Every wrong entry lies outside (0, 1) (or is not finite), where σ never is."""
    g, e = np.atleast_1d(_array(got)), np.atleast_1d(_array(expected))
    if g.shape != e.shape:
        return False
    with np.errstate(invalid="ignore"):
        wrong = ~np.isclose(g, e, rtol=1e-6, atol=1e-9)
        inside = (g > 0) & (g < 1)
    return bool(np.any(wrong) and not np.any(inside & wrong))


def _with_z(test):
    """test(g, e, z) on flat float arrays of the same shape, z the case's input."""

    def relation(got, expected, case):
        g, e = np.atleast_1d(_array(got)), np.atleast_1d(_array(expected))
        z = np.atleast_1d(_array(case.args[0]))
        if g.shape != e.shape or g.shape != z.shape:
            return False
        return test(g.ravel(), e.ravel(), z.ravel())

    return relation


def _slope_of_z(g, e, z):
    """0 at z = 0, negative for z < 0 and z > 1, positive between: z (1 - z)'s signs."""
    at_zero, negative, positive = z == 0, (z < 0) | (z > 1), (z > 0) & (z < 1)
    if not np.any(at_zero | negative):
        return None
    return bool(
        np.allclose(g[at_zero], 0.0, atol=1e-12)
        and np.all(g[negative] < 0)
        and np.all(g[positive] > 0)
    )


def _slope_with_z(g, e, z):
    """Twice the slope at z = 0, negative for z > 1, positive for z < 1: σ(z) (1 - z)'s signs."""
    at_zero, below, above = z == 0, (z < 1) & (z != 0), z > 1
    if not np.any(at_zero | above):
        return None
    return bool(
        np.allclose(g[at_zero], 2 * e[at_zero], rtol=1e-6)
        and np.all(g[above] < 0)
        and np.all(g[below] > 0)
    )


def _one_minus_sigma(g, e, z):
    """got (1 - got) = expected with got < 1/2 where z > 0: got is 1 - σ(z)."""
    return bool(np.allclose(g * (1 - g), e, rtol=1e-6, atol=1e-12) and np.all((g - 0.5) * z <= 0))


def _plus_instead_of_minus(g, e, z):
    """got = s (1 + s) where expected = s (1 - s): got - expected = (got + expected)² / 2."""
    return bool(np.allclose(g - e, (g + e) ** 2 / 2, rtol=1e-6, atol=1e-12))


SLOPE_AT_ONE = 0.19661193324148185  # σ'(1): the least slope at an input in (0, 1)


def _slope_of_a_sigmoid(g, e, z):
    """Every slope lies in [σ'(1), 1/4]: the slope was taken at σ(z), inside (0, 1)."""
    return bool(np.all((g >= SLOPE_AT_ONE * (1 - 1e-9)) & (g <= 0.25 + 1e-12)))


# --- numerical_gradient -----------------------------------------------------------------


def _all_zero(got, expected, case):
    if np.allclose(_array(expected), 0.0):
        return None
    return bool(np.all(_array(got) == 0.0))


def _row_sums(got, expected, case):
    """Each row of got holds the sum of the expected row: whole rows were nudged at once."""
    g, e = _array(got), _array(expected)
    if e.ndim != 2 or e.shape[1] < 2 or g.shape != e.shape:
        return None
    return bool(np.allclose(g, e.sum(axis=1, keepdims=True) + 0 * e, rtol=1e-5, atol=1e-7))


def _not_restored(got, expected, case):
    """The first entry is right, later ones are off by about eps: x was left shifted."""
    g, e = _array(got).ravel(), _array(expected).ravel()
    if e.size < 2 or g.shape != e.shape:
        return None
    eps = case.kwargs.get("eps", 1e-5)
    return bool(np.isclose(g[0], e[0], rtol=1e-6, atol=1e-9) and np.all(np.abs(g - e) <= 50 * eps))


# --- forward_222 ------------------------------------------------------------------------


def _params(case, index=1):
    return case.args[index]


def _cache_right(got, expected, keys):
    return all(_close(got[1][k], expected[1][k]) for k in keys)


def _out_is_z2(got, expected, case):
    return _close(got[0], expected[1]["z2"]) and _cache_right(got, expected, ("x", "z1", "h", "z2"))


def _h_holds_z1(got, expected, case):
    return (
        _close(got[0], expected[0])
        and _close(got[1]["h"], expected[1]["z1"])
        and _cache_right(got, expected, ("x", "z1", "z2", "out"))
    )


def _bias_after_sigmoid(got, expected, case):
    """z1 lacks b1, and h - b1 and out - b2 are sigmoid values (in [0, 1]: large weights
    saturate a sigmoid to exactly 0 or 1 in floating point)."""
    params, cache = _params(case), got[1]
    h, out = _array(cache["h"]) - params["b1"], _array(got[0]) - params["b2"]
    return (
        _close(cache["z1"], _array(expected[1]["z1"]) - params["b1"])
        and bool(np.all((h >= 0) & (h <= 1)))
        and bool(np.all((out >= 0) & (out <= 1)))
    )


def _W1_transposed(got, expected, case):  # noqa: N802
    """z1 is wrong, but x · z1 is right: xᵀ W1ᵀ x = xᵀ W1 x, the transpose's mark."""
    x = _array(case.args[0]).ravel()
    mine, right = _array(got[1]["z1"]).ravel(), _array(expected[1]["z1"]).ravel()
    if mine.shape != right.shape or _close(mine, right) or not _close(got[1]["x"], case.args[0]):
        return False
    scale = np.abs(x) @ (np.abs(mine) + np.abs(right))
    return bool(abs(x @ (mine - right)) <= 1e-9 + 1e-7 * scale)


# --- backward_222 -----------------------------------------------------------------------


def _output_layer_right(got, expected):
    return _close(got["dW2"], expected["dW2"]) and _close(got["db2"], expected["db2"])


def _rows_follow(got, expected, w, b):
    """got[w]'s rows are expected[w]'s times got[b] / expected[b]: dW = δ · (input)ᵀ holds."""
    gw, ew = _array(got[w]), _array(expected[w])
    gb, eb = _array(got[b]), _array(expected[b])
    return bool(np.allclose(gw * eb, ew * gb, rtol=1e-6, atol=1e-12))


def _hidden_slope(case):
    h = _array(case.args[2]["h"])
    return h * (1 - h)


def _delta1(relation):
    """The output layer right, δ1 (= db1) wrong, and relation(mine, right, case) holds."""

    def test(got, expected, case):
        mine, right = _array(got["db1"]), _array(expected["db1"])
        if not _output_layer_right(got, expected) or mine.shape != right.shape:
            return False
        if _close(mine, right):
            return False
        return bool(relation(mine, right, case))

    return test


def _sent_back_with_W2(got, expected, case):  # noqa: N802
    """δ2 · (δ1 / slope) is right: δ2ᵀ W2 δ2 = δ2ᵀ W2ᵀ δ2, the transpose's mark."""

    def relation(mine, right, c):
        delta2 = _array(expected["db2"]).ravel()
        slope = _hidden_slope(c).ravel()
        difference = (mine - right).ravel() / slope
        scale = np.abs(delta2) @ (np.abs(mine.ravel() / slope) + np.abs(right.ravel() / slope))
        return abs(delta2 @ difference) <= 1e-12 + 1e-7 * scale

    return _delta1(relation)(got, expected, case)


def _updated_W2(mine, right, case):  # noqa: N802
    """δ1 - right is along h ⊙ h (1 - h): (W2 - η dW2)ᵀ δ2 = W2ᵀ δ2 - η |δ2|² h."""
    h = _array(case.args[2]["h"]).ravel()
    ratio = (mine - right).ravel() / (h * h * (1 - h))
    return bool(np.allclose(ratio, ratio[0], rtol=1e-6, atol=0))


def _same_signs(mine, right, case):
    return bool(np.all(mine * right > 0))


def _dW2_transposed(got, expected, case):  # noqa: N802
    mine, right = _array(got["dW2"]), _array(expected["dW2"])
    if right.ndim != 2 or _close(right, right.T):
        return None
    return _close(mine, right.T)


def _biases_summed(got, expected, case):
    return all(
        np.ndim(got[k]) == 0 and np.ndim(expected[k]) == 2 and _close(got[k], np.sum(expected[k]))
        for k in ("db1", "db2")
    )


def _delta2_without_slope(got, expected, case):
    out = _array(case.args[2]["out"])
    return _close(_array(got["db2"]) * out * (1 - out), expected["db2"])


def _delta2_wrong(got, expected, case):
    """δ2 (= db2) is wrong and dW2 follows from it."""
    if _close(got["db2"], expected["db2"]):
        return False
    return _rows_follow(got, expected, "dW2", "db2")


# --- sgd_step ---------------------------------------------------------------------------


def _steps(relation):
    """relation(mine, right, rate) between the student's step and the right one, per key."""

    def test(got, expected, case):
        before, rate = case.args[0], case.args[2]
        if not isinstance(got, dict) or set(got) != set(expected):
            return False
        return all(
            np.allclose(relation(before[k] - got[k], before[k] - expected[k], rate), 0, atol=1e-9)
            for k in expected
        )

    return test


def _biases_kept(got, expected, case):
    before = case.args[0]
    if not isinstance(got, dict) or set(got) != set(expected):
        return False
    return all(_close(got[k], before[k] if k.startswith("b") else expected[k]) for k in expected)


# --- Value ------------------------------------------------------------------------------


class _Graph:
    """The graph of a Value case's program: which nodes feed which, which are shared."""

    def __init__(self, case):
        leaves, ops = case.args
        self.n_leaves = len(leaves)
        self.inputs = [[] for _ in leaves]
        self.kinds = [None for _ in leaves]
        for op, i, j in ops:
            self.inputs.append([i, j] if op in ("add", "mul") else [i])
            self.kinds.append(op)
        self.output = len(self.inputs) - 1
        self.live = self._upstream([self.output], include=True)
        uses = [0] * len(self.inputs)
        for node in self.live:
            for i in self.inputs[node]:
                uses[i] += 1
        self.shared = {k for k in self.live if uses[k] >= 2}

    def _upstream(self, nodes, include):
        seen, stack = set(nodes) if include else set(), list(nodes)
        while stack:
            for i in self.inputs[stack.pop()]:
                if i not in seen:
                    seen.add(i)
                    stack.append(i)
        return seen

    def leaves_under(self, nodes):
        """The leaves that feed any of `nodes` (a node that is a leaf feeds itself)."""
        return {k for k in self._upstream(list(nodes), include=True) if k < self.n_leaves}

    def operands_of_output(self):
        return set(self.inputs[self.output])

    def sigmoids(self):
        return {k for k in self.live if self.kinds[k] == "sigmoid"}


def _value_test(test):
    """test(mine, right, graph) on the leaves' gradients, once the output's data is right."""

    def relation(got, expected, case):
        if not _close(got[0], expected[0]) or len(got[1]) != len(expected[1]):
            return False
        return test(_array(got[1]), _array(expected[1]), _Graph(case))

    return relation


def _wrong_leaves(mine, right):
    return {k for k in range(len(right)) if not np.isclose(mine[k], right[k], 1e-6, 1e-9)}


def _wrong_only_under(nodes_of):
    def test(mine, right, graph):
        wrong = _wrong_leaves(mine, right)
        return bool(wrong) and wrong <= graph.leaves_under(nodes_of(graph))

    return test


def _grads_all_zero(mine, right, graph):
    if np.allclose(right, 0.0):
        return None
    return bool(np.all(mine == 0.0))


def _stops_at_output(mine, right, graph):
    """Only the output's own inputs got a gradient: the others stayed 0."""
    far = [k for k in range(len(right)) if k not in graph.operands_of_output()]
    if not any(not np.isclose(right[k], 0.0) for k in far):
        return None
    return bool(all(mine[k] == 0.0 for k in far))


def _one_op(kind):
    def single(graph):
        return graph.n_leaves + 1 == len(graph.inputs) and graph.kinds[-1] == kind

    return single


def _product_swapped(mine, right, graph):
    """On a lone product a · b the two gradients trade places; elsewhere it cannot tell."""
    if not _one_op("mul")(graph) or graph.n_leaves != 2:
        return None
    return bool(np.isclose(mine[0], right[1]) and np.isclose(mine[1], right[0]))


def _sigmoid_slope_negative(mine, right, graph):
    """On a lone sigmoid the slope is negative; elsewhere only leaves under a sigmoid are wrong."""
    if _one_op("sigmoid")(graph):
        return bool(mine[0] < 0 < right[0])
    if not _wrong_only_under(lambda g: g.sigmoids())(mine, right, graph):
        return False
    return None


MISTAKES = [
    # --- graph_forward ---------------------------------------------------------------------
    Mistake(
        "graph_forward",
        "J_without_3",
        "J is exactly 3 times too small: J = 3 * v",
        both(_only("J"), part(("J",), scaled(1 / 3))),
    ),
    Mistake(
        "graph_forward",
        "J_from_u",
        "J is 3 × u, so a is lost: J = 3 * v, with v = a + u",
        both(_only("J"), fits(lambda g, e, c: _close(g["J"], 3 * e["u"]))),
    ),
    Mistake(
        "graph_forward",
        "J_without_brackets",
        "only a was tripled: J = 3 * (a + b * c), with brackets (or simply 3 * v)",
        both(_only("J"), fits(lambda g, e, c: _close(e["J"] - g["J"], 2 * e["u"]))),
    ),
    Mistake(
        "graph_forward",
        "u_wrong",
        "u is wrong (v and J follow from it): u is the product b * c",
        fits(_u_wrong),
    ),
    Mistake(
        "graph_forward",
        "v_wrong",
        "u is right but v is not: v is the sum a + u",
        fits(_v_wrong),
    ),
    # --- graph_backward --------------------------------------------------------------------
    Mistake(
        "graph_backward",
        "db_dc_without_3",
        "dJ_db and dJ_dc are exactly 3 times too small: multiply the local derivatives c and b "
        "by dJ/dv = 3",
        both(
            _only("dJ_db", "dJ_dc"),
            part(("dJ_db",), scaled(1 / 3)),
            part(("dJ_dc",), scaled(1 / 3)),
        ),
    ),
    Mistake(
        "graph_backward",
        "da_local_only",
        "dJ_da is only the local derivative dv/da = 1: multiply it by dJ/dv = 3",
        both(_only("dJ_da"), part(("dJ_da",), scaled(1 / 3))),
    ),
    Mistake(
        "graph_backward",
        "db_dc_swapped",
        "dJ_db and dJ_dc are swapped: u = b·c, so du/db = c and du/dc = b",
        fits(_db_dc_swapped),
    ),
    Mistake(
        "graph_backward",
        "derivatives_added",
        "you added the derivatives along the path: the chain rule multiplies them, "
        "dJ/db = dJ/dv · dv/du · du/db",
        fits(_derivatives_added),
    ),
    # --- sigmoid ---------------------------------------------------------------------------
    Mistake(
        "sigmoid",
        "sigmoid_denominator_only",
        "you computed 1 + exp(-z), the denominator alone: bracket it, 1 / (1 + np.exp(-z))",
        fits(lambda g, e, c: _close(_array(g) * _array(e), np.ones(np.shape(e)))),
    ),
    Mistake(
        "sigmoid",
        "sigmoid_mirrored",
        "you computed 1 - σ(z) = σ(-z): σ(z) = 1 / (1 + np.exp(-z)) is above 1/2 for z > 0",
        fits(lambda g, e, c: _close(_array(g) + _array(e), np.ones(np.shape(e)))),
    ),
    Mistake(
        "sigmoid",
        "sigmoid_outside_0_1",
        "your values leave (0, 1), where σ always lies: the denominator is 1 + np.exp(-z), a sum",
        fits(_outside_0_1),
    ),
    Mistake(
        "sigmoid",
        "sigmoid_math_exp",
        "math.exp takes one number only: use np.exp, which works on whole arrays",
        raised("only 0-dimensional arrays", "only size-1 arrays", "only length-1 arrays"),
    ),
    # --- sigmoid_derivative ----------------------------------------------------------------
    Mistake(
        "sigmoid_derivative",
        "slope_sigmoid_twice",
        "your slope never falls below 0.19, even where σ is flat: you applied σ twice — "
        "take σ(z) once, then σ(z)(1 − σ(z))",
        fits(_with_z(_slope_of_a_sigmoid)),
    ),
    Mistake(
        "sigmoid_derivative",
        "slope_plus",
        "you wrote σ(z) (1 + σ(z)): the slope is σ(z) (1 - σ(z)), with a minus",
        fits(_with_z(_plus_instead_of_minus)),
    ),
    Mistake(
        "sigmoid_derivative",
        "slope_denominator_not_squared",
        "your slope is 1 - σ(z) = exp(-z) / (1 + exp(-z)): square the denominator, "
        "exp(-z) / (1 + exp(-z))**2",
        fits(_with_z(_one_minus_sigma)),
    ),
    Mistake(
        "sigmoid_derivative",
        "slope_of_z",
        "your slope is 0 at z = 0 and negative for z < 0: you used z where σ(z) belongs — "
        "the slope is σ(z)(1 − σ(z))",
        fits(_with_z(_slope_of_z)),
    ),
    Mistake(
        "sigmoid_derivative",
        "slope_mixes_z",
        "your slope is negative for z > 1: you mixed σ(z) and z — use σ(z) in both "
        "factors, σ(z)(1 − σ(z))",
        fits(_with_z(_slope_with_z)),
    ),
    # --- numerical_gradient ----------------------------------------------------------------
    Mistake(
        "numerical_gradient",
        "gradient_flat",
        "your gradient is flat: give it x's shape (np.zeros_like(x), filled entry by entry)",
        shaped(lambda s: (int(np.prod(s)),) if len(s) > 1 else s),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_all_zero",
        "your gradient is all zeros: x_plus = x does not copy x, so both nudges land on the "
        "same array — use x.copy(), or nudge x[i] and put it back",
        fits(_all_zero),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_times_two",
        "the gradient is exactly 2 times too large: divide the central difference by 2 * eps",
        part((), scaled(2.0)),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_whole_rows",
        "each entry of a row holds the row's total: you nudged whole rows at once — loop over "
        "every entry, for idx in np.ndindex(x.shape)",
        fits(_row_sums),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_eps_ignored",
        "only the case that passes an eps fails, and by little: use the eps argument, not a "
        "fixed step",
        fits(step_ignored),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_x_not_restored",
        "the first entry is right but later ones are off by about eps: put x[i] back after "
        "nudging it",
        fits(_not_restored),
    ),
    Mistake(
        "numerical_gradient",
        "gradient_one_sided",
        "the entries are off by amounts of the order of eps, as a one-sided difference is: use "
        "the central difference (f(x + eps e_i) - f(x - eps e_i)) / (2 * eps)",
        fits(one_sided(0.001)),
    ),
    # --- forward_222 -----------------------------------------------------------------------
    Mistake(
        "forward_222",
        "forward_elementwise",
        "out has shape (2, 2), not (2, 1): W1 * x multiplies entry by entry — use the matrix "
        "product W1 @ x (and W2 @ h)",
        part((0,), shaped(lambda s: (s[0], s[0]))),
    ),
    Mistake(
        "forward_222",
        "forward_out_is_z2",
        "out is z2: apply the sigmoid to the output layer too, out = σ(z2)",
        fits(_out_is_z2),
    ),
    Mistake(
        "forward_222",
        "forward_cache_h_is_z1",
        'cache["h"] holds z1: store the activation h = σ(z1) there',
        fits(_h_holds_z1),
    ),
    Mistake(
        "forward_222",
        "forward_bias_after_sigmoid",
        "the biases are added after the sigmoid: add them before it, z1 = W1 x + b1 and "
        "h = σ(z1) (and likewise for z2 and out)",
        fits(_bias_after_sigmoid),
    ),
    Mistake(
        "forward_222",
        "forward_W1_transposed",
        "z1 uses W1 transposed: z1 = W1 @ x + b1, row i of W1 holding the weights into hidden "
        "unit i",
        fits(_W1_transposed),
    ),
    # --- backward_222 ----------------------------------------------------------------------
    Mistake(
        "backward_222",
        "backward_sign",
        "every gradient has the wrong sign: the error term is out - y, not y - out",
        every("d", negated()),
    ),
    Mistake(
        "backward_222",
        "backward_biases_summed",
        "the bias gradients are single numbers: db1 = δ1 and db2 = δ2 are (2, 1) columns, do "
        "not sum them",
        both(_only("db1", "db2"), fits(_biases_summed)),
    ),
    Mistake(
        "backward_222",
        "backward_dW2_transposed",
        "dW2 is transposed: dW2 = δ2 @ h.T, one row per output unit",
        both(_only("dW2"), fits(_dW2_transposed)),
    ),
    Mistake(
        "backward_222",
        "backward_delta2_no_slope",
        "δ2 lacks the output sigmoid's slope: δ2 = (out - y) * out * (1 - out)",
        fits(_delta2_without_slope),
    ),
    Mistake(
        "backward_222",
        "backward_W2_not_transposed",
        "you sent δ2 back through W2, not its transpose: δ1 = (W2.T @ δ2) * h * (1 - h)",
        fits(_sent_back_with_W2),
    ),
    Mistake(
        "backward_222",
        "backward_W2_updated_first",
        "δ1 was computed with an already updated W2: back-propagate with the W2 of the forward "
        "pass, and update only once every gradient is known",
        fits(_delta1(_updated_W2)),
    ),
    Mistake(
        "backward_222",
        "backward_hidden_slope",
        "δ1 has the right signs but not the right sizes: the hidden sigmoid's slope is "
        "h * (1 - h) (h is already σ(z1): do not apply σ again)",
        both(
            fits(_delta1(_same_signs)),
            fits(lambda g, e, c: _rows_follow(g, e, "dW1", "db1")),
        ),
    ),
    Mistake(
        "backward_222",
        "backward_delta2_wrong",
        "δ2 = db2 is already wrong (the other gradients follow from it): "
        "δ2 = (out - y) * out * (1 - out), the slope taken from the cached out, not z2",
        fits(_delta2_wrong),
    ),
    # --- sgd_step --------------------------------------------------------------------------
    Mistake(
        "sgd_step",
        "sgd_returns_none",
        "sgd_step returned nothing: return the updated parameters",
        fits(lambda g, e, c: g is None),
    ),
    Mistake(
        "sgd_step",
        "sgd_grad_keys",
        'the gradients are stored as "dW1", "db1", ...: look up grads["d" + name]',
        raised("KeyError: 'W", "KeyError: 'b"),
    ),
    Mistake(
        "sgd_step",
        "sgd_uphill",
        "the parameters moved uphill: subtract learning_rate × gradient, do not add it",
        fits(_steps(lambda mine, right, rate: mine + right)),
    ),
    Mistake(
        "sgd_step",
        "sgd_no_rate",
        "the step is not scaled by the learning rate: p - learning_rate * grads['d' + name]",
        fits(_steps(lambda mine, right, rate: mine * rate - right)),
    ),
    Mistake(
        "sgd_step",
        "sgd_biases_kept",
        "the biases were not updated: update b1 and b2 as well as W1 and W2",
        fits(_biases_kept),
    ),
    # --- Value -----------------------------------------------------------------------------
    Mistake(
        "Value",
        "value_numbers_not_wrapped",
        "a + 2 or a * 3.0 fails: wrap a plain number in a Value in __add__ and __mul__ before "
        "reading its .data",
        raised("object has no attribute 'data'"),
    ),
    Mistake(
        "Value",
        "value_output_grad_not_1",
        "every gradient is 0: set the output's grad to 1.0 before running the _backward steps",
        fits(_value_test(_grads_all_zero)),
    ),
    Mistake(
        "Value",
        "value_topological_order",
        "the gradients stop at the output's own inputs: run the _backward steps in reversed "
        "topological order, the output first",
        fits(_value_test(_stops_at_output)),
    ),
    Mistake(
        "Value",
        "value_product_swapped",
        "in a · b the two gradients trade places: d(a·b)/da = b, so a's gradient grows by "
        "b's data times the output's gradient",
        fits(_value_test(_product_swapped)),
    ),
    Mistake(
        "Value",
        "value_sigmoid_slope",
        "the sigmoid's gradient came out negative: its local derivative is s * (1 - s) with "
        "s its output, between 0 and 1, not the input x",
        fits(_value_test(_sigmoid_slope_negative)),
    ),
    Mistake(
        "Value",
        "value_shared_node_twice",
        "the leaves under an inner node used twice are wrong: that node passed its gradient on "
        "more than once — call each node's _backward exactly once, in reversed topological "
        "order",
        fits(_value_test(_wrong_only_under(lambda g: g.shared - set(range(g.n_leaves))))),
    ),
    Mistake(
        "Value",
        "value_grads_overwritten",
        "only the leaves that feed a node used more than once are wrong: accumulate the "
        "gradients (+=), do not overwrite them (=)",
        fits(_value_test(_wrong_only_under(lambda g: g.shared))),
    ),
]
