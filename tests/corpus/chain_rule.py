"""Known mistakes and correct variants for notebook 02 (the chain rule).

Every bug replaces the solution cell of one graded function (or, for `Value`, the whole
class) and must lose that function's points on every seed, and no points of a function
that does not call it (in the reference, `forward_222` and `sigmoid_derivative` call
`sigmoid`). Every variant replaces one or more solution cells with a correct but different
solution and must get full marks.
"""

from tests.corpus import Bug, Variant

ASSIGNMENT = "02_chain_rule"
NOTEBOOK = "chain_rule"

# A correct micrograd-style Value; the Value bugs below each change one piece of it.
_VALUE_HEAD = """import math


class Value:
    def __init__(self, data, _children=()):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
"""

_VALUE_ADD = """
    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out
"""

_VALUE_MUL = """
    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out
"""

_VALUE_SIGMOID = """
    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        out = Value(s, (self,))

        def _backward():
            self.grad += s * (1 - s) * out.grad

        out._backward = _backward
        return out
"""

_VALUE_BACKWARD = """
    def backward(self):
        topo = []
        visited = set()

        def build(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build(child)
                topo.append(v)

        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()
"""


def _value(
    head=_VALUE_HEAD, add=_VALUE_ADD, mul=_VALUE_MUL, sig=_VALUE_SIGMOID, bwd=_VALUE_BACKWARD
):
    """The whole Value cell, with one or more of its pieces replaced."""
    return head + add + mul + sig + bwd


BUGS = [
    # --- graph_forward ----------------------------------------------------------------------
    Bug(
        function="graph_forward",
        mistake="multiplied u by 3 instead of v (J = 3u, a is lost)",
        code="""def graph_forward(a, b, c):
    u = b * c
    v = a + u
    J = 3 * u
    return {"u": u, "v": v, "J": J}
""",
        diagnosis="J_from_u",
    ),
    Bug(
        function="graph_forward",
        mistake="multiplied a and u instead of adding them (v = a·u)",
        code="""def graph_forward(a, b, c):
    u = b * c
    v = a * u
    J = 3 * v
    return {"u": u, "v": v, "J": J}
""",
        diagnosis="v_wrong",
    ),
    Bug(
        function="graph_forward",
        mistake="added b and c instead of multiplying them (u = b + c)",
        code="""def graph_forward(a, b, c):
    u = b + c
    v = a + u
    J = 3 * v
    return {"u": u, "v": v, "J": J}
""",
        diagnosis="u_wrong",
    ),
    Bug(
        function="graph_forward",
        mistake="forgot the factor 3 (J = v)",
        code="""def graph_forward(a, b, c):
    u = b * c
    v = a + u
    J = v
    return {"u": u, "v": v, "J": J}
""",
        diagnosis="J_without_3",
    ),
    Bug(
        function="graph_forward",
        mistake="wrote J = 3 * a + b * c without brackets, so only a is tripled",
        code="""def graph_forward(a, b, c):
    u = b * c
    v = a + u
    J = 3 * a + b * c
    return {"u": u, "v": v, "J": J}
""",
        diagnosis="J_without_brackets",
    ),
    # --- graph_backward ---------------------------------------------------------------------
    Bug(
        function="graph_backward",
        mistake="forgot the outer factor 3 on the b·c branch (dJ_db = c, dJ_dc = b)",
        code="""def graph_backward(a, b, c):
    return {"dJ_da": 3, "dJ_db": c, "dJ_dc": b}
""",
        diagnosis="db_dc_without_3",
    ),
    Bug(
        function="graph_backward",
        mistake="swapped dJ_db and dJ_dc (dJ_db = 3b, dJ_dc = 3c)",
        code="""def graph_backward(a, b, c):
    return {"dJ_da": 3, "dJ_db": 3 * b, "dJ_dc": 3 * c}
""",
        diagnosis="db_dc_swapped",
    ),
    Bug(
        function="graph_backward",
        mistake="kept only the local derivative dv/da = 1 for dJ_da",
        code="""def graph_backward(a, b, c):
    dJ_dv = 3
    return {"dJ_da": 1, "dJ_db": dJ_dv * c, "dJ_dc": dJ_dv * b}
""",
        diagnosis="da_local_only",
    ),
    Bug(
        function="graph_backward",
        mistake="added the local derivatives along the path instead of multiplying them",
        code="""def graph_backward(a, b, c):
    dJ_dv = 3
    return {"dJ_da": dJ_dv + 1, "dJ_db": dJ_dv + c, "dJ_dc": dJ_dv + b}
""",
        diagnosis="derivatives_added",
    ),
    # --- sigmoid ----------------------------------------------------------------------------
    Bug(
        function="sigmoid",
        mistake="used exp(z) instead of exp(-z)",
        code="""def sigmoid(z):
    return 1 / (1 + np.exp(z))
""",
        diagnosis="sigmoid_mirrored",
    ),
    Bug(
        function="sigmoid",
        mistake="subtracted in the denominator: 1 / (1 - exp(-z))",
        code="""def sigmoid(z):
    return 1 / (1 - np.exp(-z))
""",
        diagnosis="sigmoid_outside_0_1",
    ),
    Bug(
        function="sigmoid",
        mistake="used math.exp, which only works on single numbers, not arrays",
        code="""import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))
""",
        diagnosis="sigmoid_math_exp",
    ),
    Bug(
        function="sigmoid",
        mistake="wrote 1 / 1 + np.exp(-z) without brackets around the denominator",
        code="""def sigmoid(z):
    return 1 / 1 + np.exp(-z)
""",
        diagnosis="sigmoid_denominator_only",
    ),
    Bug(
        function="sigmoid",
        mistake="misremembered the formula as exp(-z) / (1 + exp(-z)), which is 1 - σ(z)",
        code="""def sigmoid(z):
    return np.exp(-z) / (1 + np.exp(-z))
""",
        diagnosis="sigmoid_mirrored",
    ),
    # --- sigmoid_derivative -----------------------------------------------------------------
    Bug(
        function="sigmoid_derivative",
        mistake="treated z as if it were already σ(z): returned z (1 - z)",
        code="""def sigmoid_derivative(z):
    s = z
    return s * (1 - s)
""",
        diagnosis="slope_of_z",
    ),
    Bug(
        function="sigmoid_derivative",
        mistake="wrote σ(z) (1 + σ(z)) instead of σ(z) (1 - σ(z))",
        code="""def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 + s)
""",
        diagnosis="slope_plus",
    ),
    Bug(
        function="sigmoid_derivative",
        mistake="mixed σ(z) and z: returned σ(z) (1 - z)",
        code="""def sigmoid_derivative(z):
    return sigmoid(z) * (1 - z)
""",
        diagnosis="slope_mixes_z",
    ),
    Bug(
        function="sigmoid_derivative",
        mistake="forgot to square the denominator: exp(-z) / (1 + exp(-z))",
        code="""def sigmoid_derivative(z):
    return np.exp(-z) / (1 + np.exp(-z))
""",
        diagnosis="slope_denominator_not_squared",
    ),
    Bug(
        function="sigmoid_derivative",
        mistake="applied the sigmoid twice: s = σ(σ(z)), then s (1 - s)",
        code="""def sigmoid_derivative(z):
    s = sigmoid(sigmoid(z))
    return s * (1 - s)
""",
        diagnosis="slope_sigmoid_twice",
    ),
    # --- numerical_gradient -----------------------------------------------------------------
    Bug(
        function="numerical_gradient",
        mistake="forward difference (f(x + eps e_i) - f(x)) / eps instead of the central one",
        code="""def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    f_x = f(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_x) / eps
    return grad
""",
        diagnosis="gradient_one_sided",
    ),
    Bug(
        function="numerical_gradient",
        mistake="never put x[i] back after nudging it, so later entries see a shifted x",
        code="""def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x[idx] += eps
        f_plus = f(x)
        x[idx] -= 2 * eps
        f_minus = f(x)
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad
""",
        diagnosis="gradient_x_not_restored",
    ),
    Bug(
        function="numerical_gradient",
        mistake="divided the central difference by eps instead of 2 * eps",
        code="""def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x)
        x[idx] = old - eps
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / eps
    return grad
""",
        diagnosis="gradient_times_two",
    ),
    Bug(
        function="numerical_gradient",
        mistake="hard-coded the step 1e-5 and ignored the eps argument",
        code="""def numerical_gradient(f, x, eps=1e-5):
    h = 1e-5
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
""",
        diagnosis="gradient_eps_ignored",
    ),
    Bug(
        function="numerical_gradient",
        mistake="returned a flat gradient of x.size entries instead of one shaped like x",
        code="""def numerical_gradient(f, x, eps=1e-5):
    flat = x.reshape(-1)
    grad = np.zeros(x.size)
    for i in range(x.size):
        old = flat[i]
        flat[i] = old + eps
        f_plus = f(x)
        flat[i] = old - eps
        f_minus = f(x)
        flat[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
""",
        diagnosis="gradient_flat",
    ),
    Bug(
        function="numerical_gradient",
        mistake="looped over range(len(x)), which nudges whole rows of a 2-D x at once",
        code="""def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for i in range(len(x)):
        old = x[i].copy()
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
""",
        diagnosis="gradient_whole_rows",
    ),
    Bug(
        function="numerical_gradient",
        mistake="wrote x_plus = x and x_minus = x without .copy(), so both nudges cancel",
        code="""def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x_plus = x
        x_plus[idx] += eps
        x_minus = x
        x_minus[idx] -= eps
        grad[idx] = (f(x_plus) - f(x_minus)) / (2 * eps)
    return grad
""",
        diagnosis="gradient_all_zero",
    ),
    # --- forward_222 ------------------------------------------------------------------------
    Bug(
        function="forward_222",
        mistake="used W1 transposed in the first layer (z1 = W1ᵀ x + b1)",
        code="""def forward_222(x, params):
    z1 = params["W1"].T @ x + params["b1"]
    h = sigmoid(z1)
    z2 = params["W2"] @ h + params["b2"]
    out = sigmoid(z2)
    return out, {"x": x, "z1": z1, "h": h, "z2": z2, "out": out}
""",
        diagnosis="forward_W1_transposed",
    ),
    Bug(
        function="forward_222",
        mistake="added the bias after the sigmoid (h = σ(W1 x) + b1)",
        code="""def forward_222(x, params):
    z1 = params["W1"] @ x
    h = sigmoid(z1) + params["b1"]
    z2 = params["W2"] @ h
    out = sigmoid(z2) + params["b2"]
    return out, {"x": x, "z1": z1, "h": h, "z2": z2, "out": out}
""",
        diagnosis="forward_bias_after_sigmoid",
    ),
    Bug(
        function="forward_222",
        mistake="forgot the sigmoid on the output layer (out = z2)",
        code="""def forward_222(x, params):
    z1 = params["W1"] @ x + params["b1"]
    h = sigmoid(z1)
    z2 = params["W2"] @ h + params["b2"]
    out = z2
    return out, {"x": x, "z1": z1, "h": h, "z2": z2, "out": out}
""",
        diagnosis="forward_out_is_z2",
    ),
    Bug(
        function="forward_222",
        mistake='stored the pre-activation z1 under "h" in the cache',
        code="""def forward_222(x, params):
    z1 = params["W1"] @ x + params["b1"]
    h = sigmoid(z1)
    z2 = params["W2"] @ h + params["b2"]
    out = sigmoid(z2)
    return out, {"x": x, "z1": z1, "h": z1, "z2": z2, "out": out}
""",
        diagnosis="forward_cache_h_is_z1",
    ),
    Bug(
        function="forward_222",
        mistake="multiplied element-wise (W1 * x) instead of the matrix product W1 @ x",
        code="""def forward_222(x, params):
    z1 = params["W1"] * x + params["b1"]
    h = sigmoid(z1)
    z2 = params["W2"] * h + params["b2"]
    out = sigmoid(z2)
    return out, {"x": x, "z1": z1, "h": h, "z2": z2, "out": out}
""",
        diagnosis="forward_elementwise",
    ),
    # --- backward_222 -----------------------------------------------------------------------
    Bug(
        function="backward_222",
        mistake="used W2 instead of W2ᵀ to send δ2 back to the hidden layer",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (out - y) * out * (1 - out)
    delta1 = (params["W2"] @ delta2) * h * (1 - h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": delta2 @ h.T, "db2": delta2}
""",
        diagnosis="backward_W2_not_transposed",
    ),
    Bug(
        function="backward_222",
        mistake="took the sigmoid's derivative from z (z (1 - z)) instead of from σ(z)",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    z1, z2 = cache["z1"], cache["z2"]
    delta2 = (out - y) * z2 * (1 - z2)
    delta1 = (params["W2"].T @ delta2) * z1 * (1 - z1)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": delta2 @ h.T, "db2": delta2}
""",
        diagnosis="backward_delta2_wrong",
    ),
    Bug(
        function="backward_222",
        mistake="used (y - out) instead of (out - y), which flips every gradient's sign",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (y - out) * out * (1 - out)
    delta1 = (params["W2"].T @ delta2) * h * (1 - h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": delta2 @ h.T, "db2": delta2}
""",
        diagnosis="backward_sign",
    ),
    Bug(
        function="backward_222",
        mistake="wrote dW2 = h δ2ᵀ, the transpose of δ2 hᵀ",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (out - y) * out * (1 - out)
    delta1 = (params["W2"].T @ delta2) * h * (1 - h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": h @ delta2.T, "db2": delta2}
""",
        diagnosis="backward_dW2_transposed",
    ),
    Bug(
        function="backward_222",
        mistake="summed the bias gradients into single numbers",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (out - y) * out * (1 - out)
    delta1 = (params["W2"].T @ delta2) * h * (1 - h)
    return {
        "dW1": delta1 @ x.T,
        "db1": np.sum(delta1),
        "dW2": delta2 @ h.T,
        "db2": np.sum(delta2),
    }
""",
        diagnosis="backward_biases_summed",
    ),
    Bug(
        function="backward_222",
        mistake="updated W2 first, then computed δ1 with the new W2 (W2 - 0.5 dW2)",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (out - y) * out * (1 - out)
    dW2 = delta2 @ h.T
    W2 = params["W2"] - 0.5 * dW2
    delta1 = (W2.T @ delta2) * h * (1 - h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": dW2, "db2": delta2}
""",
        diagnosis="backward_W2_updated_first",
    ),
    Bug(
        function="backward_222",
        mistake="passed h to sigmoid_derivative, which wants z1 (σ is applied twice)",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = (out - y) * out * (1 - out)
    delta1 = (params["W2"].T @ delta2) * sigmoid_derivative(h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": delta2 @ h.T, "db2": delta2}
""",
        diagnosis="backward_hidden_slope",
    ),
    Bug(
        function="backward_222",
        mistake="left out the output sigmoid's derivative: δ2 = out - y",
        code="""def backward_222(y, params, cache):
    x, h, out = cache["x"], cache["h"], cache["out"]
    delta2 = out - y
    delta1 = (params["W2"].T @ delta2) * h * (1 - h)
    return {"dW1": delta1 @ x.T, "db1": delta1, "dW2": delta2 @ h.T, "db2": delta2}
""",
        diagnosis="backward_delta2_no_slope",
    ),
    # --- sgd_step ---------------------------------------------------------------------------
    Bug(
        function="sgd_step",
        mistake="added the gradients instead of subtracting them (gradient ascent)",
        code="""def sgd_step(params, grads, learning_rate):
    return {name: p + learning_rate * grads["d" + name] for name, p in params.items()}
""",
        diagnosis="sgd_uphill",
    ),
    Bug(
        function="sgd_step",
        mistake="updated only the weights W1 and W2 and left the biases as they were",
        code="""def sgd_step(params, grads, learning_rate):
    new_params = dict(params)
    for name in ("W1", "W2"):
        new_params[name] = params[name] - learning_rate * grads["d" + name]
    return new_params
""",
        diagnosis="sgd_biases_kept",
    ),
    Bug(
        function="sgd_step",
        mistake='looked up grads[name] instead of grads["d" + name]',
        code="""def sgd_step(params, grads, learning_rate):
    return {name: p - learning_rate * grads[name] for name, p in params.items()}
""",
        diagnosis="sgd_grad_keys",
    ),
    Bug(
        function="sgd_step",
        mistake="forgot the learning rate in the update",
        code="""def sgd_step(params, grads, learning_rate):
    return {name: p - grads["d" + name] for name, p in params.items()}
""",
        diagnosis="sgd_no_rate",
    ),
    Bug(
        function="sgd_step",
        mistake="updated params in place but forgot to return them",
        code="""def sgd_step(params, grads, learning_rate):
    for name in params:
        params[name] -= learning_rate * grads["d" + name]
""",
        diagnosis="sgd_returns_none",
    ),
    # --- Value ------------------------------------------------------------------------------
    Bug(
        function="Value",
        mistake="overwrote the gradients (=) instead of accumulating them (+=)",
        code=_value(
            add=_VALUE_ADD.replace("grad += ", "grad = "),
            mul=_VALUE_MUL.replace("grad += ", "grad = "),
            sig=_VALUE_SIGMOID.replace("grad += ", "grad = "),
        ),
        diagnosis="value_grads_overwritten",
    ),
    Bug(
        function="Value",
        mistake="overwrote the gradients (=) in __add__ only; * and sigmoid accumulate (+=)",
        code=_value(add=_VALUE_ADD.replace("grad += ", "grad = ")),
        diagnosis="value_grads_overwritten",
    ),
    Bug(
        function="Value",
        mistake="back-propagated recursively without a topological order (shared nodes twice)",
        code=_value(
            bwd="""
    def backward(self):
        self.grad = 1.0
        self._propagate()

    def _propagate(self):
        self._backward()
        for child in self._prev:
            child._propagate()
"""
        ),
        diagnosis="value_shared_node_twice",
    ),
    Bug(
        function="Value",
        mistake="swapped the local derivatives of *: self got self.data · out.grad",
        code=_value(
            mul=_VALUE_MUL.replace(
                "self.grad += other.data * out.grad", "self.grad += self.data * out.grad"
            ).replace("other.grad += self.data * out.grad", "other.grad += other.data * out.grad")
        ),
        diagnosis="value_product_swapped",
    ),
    Bug(
        function="Value",
        mistake="used the input x instead of σ(x) in the sigmoid's backward: x (1 - x)",
        code=_value(
            sig=_VALUE_SIGMOID.replace(
                "self.grad += s * (1 - s) * out.grad",
                "self.grad += self.data * (1 - self.data) * out.grad",
            )
        ),
        diagnosis="value_sigmoid_slope",
    ),
    Bug(
        function="Value",
        mistake="forgot to set the output's grad to 1 before back-propagating",
        code=_value(bwd=_VALUE_BACKWARD.replace("        self.grad = 1.0\n", "")),
        diagnosis="value_output_grad_not_1",
    ),
    Bug(
        function="Value",
        mistake="did not wrap plain numbers in Value, so a + 2 and a * 3.0 fail",
        code=_value(
            add=_VALUE_ADD.replace(
                "        other = other if isinstance(other, Value) else Value(other)\n", ""
            ),
            mul=_VALUE_MUL.replace(
                "        other = other if isinstance(other, Value) else Value(other)\n", ""
            ),
        ),
        diagnosis="value_numbers_not_wrapped",
    ),
    Bug(
        function="Value",
        mistake="ran the _backward steps in topological order instead of reversed order",
        code=_value(bwd=_VALUE_BACKWARD.replace("reversed(topo)", "topo")),
        diagnosis="value_topological_order",
    ),
]

VARIANTS = [
    Variant(
        name="2-2-2 forward and backward with explicit formulas for w1..w8",
        cells={
            "forward_222": """def forward_222(x, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    w1, w2, w3, w4 = W1[0, 0], W1[0, 1], W1[1, 0], W1[1, 1]
    w5, w6, w7, w8 = W2[0, 0], W2[0, 1], W2[1, 0], W2[1, 1]
    x1, x2 = x[0, 0], x[1, 0]
    z1 = np.array([[w1 * x1 + w2 * x2 + b1[0, 0]], [w3 * x1 + w4 * x2 + b1[1, 0]]])
    h1, h2 = sigmoid(z1[0, 0]), sigmoid(z1[1, 0])
    h = np.array([[h1], [h2]])
    z2 = np.array([[w5 * h1 + w6 * h2 + b2[0, 0]], [w7 * h1 + w8 * h2 + b2[1, 0]]])
    out = np.array([[sigmoid(z2[0, 0])], [sigmoid(z2[1, 0])]])
    return out, {"x": x, "z1": z1, "h": h, "z2": z2, "out": out}
""",
            "backward_222": """def backward_222(y, params, cache):
    W2 = params["W2"]
    w5, w6, w7, w8 = W2[0, 0], W2[0, 1], W2[1, 0], W2[1, 1]
    x1, x2 = cache["x"][0, 0], cache["x"][1, 0]
    h1, h2 = cache["h"][0, 0], cache["h"][1, 0]
    o1, o2 = cache["out"][0, 0], cache["out"][1, 0]
    d_o1 = (o1 - y[0, 0]) * o1 * (1 - o1)
    d_o2 = (o2 - y[1, 0]) * o2 * (1 - o2)
    d_h1 = (w5 * d_o1 + w7 * d_o2) * h1 * (1 - h1)
    d_h2 = (w6 * d_o1 + w8 * d_o2) * h2 * (1 - h2)
    return {
        "dW1": np.array([[d_h1 * x1, d_h1 * x2], [d_h2 * x1, d_h2 * x2]]),
        "db1": np.array([[d_h1], [d_h2]]),
        "dW2": np.array([[d_o1 * h1, d_o1 * h2], [d_o2 * h1, d_o2 * h2]]),
        "db2": np.array([[d_o1], [d_o2]]),
    }
""",
        },
    ),
    Variant(
        name="sigmoid as exp(-logaddexp(0, -z)), derivative with exp written out",
        cells={
            "sigmoid": """def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))
""",
            "sigmoid_derivative": """def sigmoid_derivative(z):
    e = np.exp(-z)
    return e / (1 + e) ** 2
""",
        },
    ),
    Variant(
        name="overflow-free sigmoid with exp(-|z|) and np.where, derivative as σ(z) σ(-z)",
        cells={
            "sigmoid": """def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)
""",
            "sigmoid_derivative": """def sigmoid_derivative(z):
    return sigmoid(z) * sigmoid(-z)
""",
        },
    ),
    Variant(
        name="sigmoid through tanh, derivative as 1 / (4 cosh²(z / 2))",
        cells={
            "sigmoid": """def sigmoid(z):
    return 0.5 * (1 + np.tanh(z / 2))
""",
            "sigmoid_derivative": """def sigmoid_derivative(z):
    return 1 / (4 * np.cosh(z / 2) ** 2)
""",
        },
    ),
    Variant(
        name="numerical_gradient with np.nditer and a multi-index",
        cells={
            "numerical_gradient": """def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        i = it.multi_index
        saved = float(x[i])
        x[i] = saved + eps
        up = f(x)
        x[i] = saved - eps
        down = f(x)
        x[i] = saved
        grad[i] = (up - down) / (2 * eps)
        it.iternext()
    return grad
""",
        },
    ),
    Variant(
        name="numerical_gradient building a unit vector e_i for each entry (x + eps e_i)",
        cells={
            "numerical_gradient": """def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.shape, dtype=float)
    for i in range(x.size):
        e = np.zeros(x.shape)
        e.flat[i] = 1.0
        grad.flat[i] = (f(x + eps * e) - f(x - eps * e)) / (2 * eps)
    return grad
""",
        },
    ),
    Variant(
        name="numerical_gradient on a flat copy with flat indices, reshaped at the end",
        cells={
            "numerical_gradient": """def numerical_gradient(f, x, eps=1e-5):
    flat = np.array(x, dtype=float).ravel()
    grads = []
    for i in range(flat.size):
        plus = flat.copy()
        plus[i] += eps
        minus = flat.copy()
        minus[i] -= eps
        grads.append((f(plus.reshape(x.shape)) - f(minus.reshape(x.shape))) / (2 * eps))
    return np.array(grads).reshape(x.shape)
""",
        },
    ),
    Variant(
        name="forward_222 with np.dot and an inline sigmoid, backward_222 with np.outer",
        cells={
            "forward_222": """def forward_222(x, params):
    z1 = np.dot(params["W1"], x) + params["b1"]
    h = 1.0 / (1.0 + np.exp(-z1))
    z2 = np.dot(params["W2"], h) + params["b2"]
    out = 1.0 / (1.0 + np.exp(-z2))
    cache = dict(x=x, z1=z1, h=h, z2=z2, out=out)
    return out, cache
""",
            "backward_222": """def backward_222(y, params, cache):
    delta2 = (cache["out"] - y) * sigmoid_derivative(cache["z2"])
    delta1 = params["W2"].T.dot(delta2) * sigmoid_derivative(cache["z1"])
    grads = {}
    grads["dW2"] = np.outer(delta2, cache["h"])
    grads["db2"] = delta2.reshape(2, 1)
    grads["dW1"] = np.outer(delta1, cache["x"])
    grads["db1"] = delta1.reshape(-1, 1)
    return grads
""",
        },
    ),
    Variant(
        name="forward_222 with row vectors (xᵀ W1ᵀ), backward_222 with explicit loops",
        cells={
            "forward_222": """def forward_222(x, params):
    z1 = (x.T @ params["W1"].T + params["b1"].T).T
    h = sigmoid(z1)
    z2 = (h.T @ params["W2"].T + params["b2"].T).T
    out = sigmoid(z2)
    return out, {"out": out, "z2": z2, "h": h, "z1": z1, "x": x}
""",
            "backward_222": """def backward_222(y, params, cache):
    x, h, out, W2 = cache["x"], cache["h"], cache["out"], params["W2"]
    delta2 = np.zeros((2, 1))
    for k in range(2):
        delta2[k, 0] = (out[k, 0] - y[k, 0]) * out[k, 0] * (1 - out[k, 0])
    delta1 = np.zeros((2, 1))
    for j in range(2):
        back = 0.0
        for k in range(2):
            back += W2[k, j] * delta2[k, 0]
        delta1[j, 0] = back * h[j, 0] * (1 - h[j, 0])
    dW2 = np.zeros((2, 2))
    dW1 = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            dW2[i, j] = delta2[i, 0] * h[j, 0]
            dW1[i, j] = delta1[i, 0] * x[j, 0]
    return {"dW1": dW1, "db1": delta1.copy(), "dW2": dW2, "db2": delta2.copy()}
""",
        },
    ),
    Variant(
        name="sgd_step updating the arrays in place and returning the same dict",
        cells={
            "sgd_step": """def sgd_step(params, grads, learning_rate):
    for name in params:
        params[name] -= learning_rate * grads["d" + name]
    return params
""",
        },
    ),
    Variant(
        name="sgd_step looping over the grads, building a new dict",
        cells={
            "sgd_step": """def sgd_step(params, grads, learning_rate):
    new_params = {}
    for grad_name, grad in grads.items():
        name = grad_name[1:]
        new_params[name] = params[name] - learning_rate * grad
    return new_params
""",
        },
    ),
    Variant(
        name="graph_forward and graph_backward written as a chain of local derivatives",
        cells={
            "graph_forward": """def graph_forward(a, b, c):
    values = {}
    values["u"] = b * c
    values["v"] = a + values["u"]
    values["J"] = 3.0 * values["v"]
    return values
""",
            "graph_backward": """def graph_backward(a, b, c):
    dJ_dv = 3.0
    dv_da, dv_du = 1.0, 1.0
    du_db, du_dc = c, b
    dJ_du = dJ_dv * dv_du
    return {"dJ_da": dJ_dv * dv_da, "dJ_db": dJ_du * du_db, "dJ_dc": dJ_du * du_dc}
""",
        },
    ),
    Variant(
        name="Value with an iterative (stack-based) topological sort",
        cells={
            "Value": _value(
                bwd="""
    def backward(self):
        topo = []
        visited = set()
        stack = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                topo.append(node)
                continue
            if node in visited:
                continue
            visited.add(node)
            stack.append((node, True))
            for child in node._prev:
                if child not in visited:
                    stack.append((child, False))
        self.grad = 1.0
        for node in reversed(topo):
            node._backward()
"""
            )
        },
    ),
    Variant(
        name="Value with __radd__, __rmul__, __neg__, __sub__, tuple children and np.exp",
        cells={
            "Value": """class Value:
    def __init__(self, data, children=(), op=""):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._children = tuple(children)
        self._op = op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad

        out._backward = _backward
        return out

    def __radd__(self, other):
        return self + other

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def sigmoid(self):
        t = float(1 / (1 + np.exp(-self.data)))
        out = Value(t, (self,), "sigmoid")

        def _backward():
            self.grad += t * (1 - t) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        order = []
        seen = set()

        def visit(node):
            if id(node) in seen:
                return
            seen.add(id(node))
            for child in node._children:
                visit(child)
            order.append(node)

        visit(self)
        self.grad = 1.0
        for node in order[::-1]:
            node._backward()
""",
        },
    ),
    Variant(
        name="Value dispatching on the operation name, processed in Kahn's order",
        cells={
            "Value": """import math


class Value:
    def __init__(self, data, parents=(), op=None):
        self.data = data
        self.grad = 0.0
        self.parents = parents
        self.op = op

    def __add__(self, other):
        if not isinstance(other, Value):
            other = Value(other)
        return Value(self.data + other.data, (self, other), "add")

    def __mul__(self, other):
        if not isinstance(other, Value):
            other = Value(other)
        return Value(self.data * other.data, (self, other), "mul")

    def sigmoid(self):
        return Value(1.0 / (1.0 + math.exp(-self.data)), (self,), "sigmoid")

    def _push_grad(self):
        if self.op == "add":
            for parent in self.parents:
                parent.grad += self.grad
        elif self.op == "mul":
            a, b = self.parents
            a.grad += b.data * self.grad
            b.grad += a.data * self.grad
        elif self.op == "sigmoid":
            (a,) = self.parents
            a.grad += self.data * (1.0 - self.data) * self.grad

    def backward(self):
        # count, for every node, how many times it is used as an input
        uses = {}
        stack = [self]
        seen = {id(self)}
        while stack:
            node = stack.pop()
            for parent in node.parents:
                uses[id(parent)] = uses.get(id(parent), 0) + 1
                if id(parent) not in seen:
                    seen.add(id(parent))
                    stack.append(parent)
        self.grad = 1.0
        ready = [self]
        while ready:
            node = ready.pop()
            node._push_grad()
            for parent in node.parents:
                uses[id(parent)] -= 1
                if uses[id(parent)] == 0:
                    ready.append(parent)
""",
        },
    ),
]
