"""Known mistakes and correct variants for notebook 03 (the two-layer cat network).

Every bug replaces the solution cell of one graded function and must lose that function's
points on every seed, and no points of a function that does not call it. In the reference,
`linear_activation_forward` calls `linear_forward`; `linear_activation_backward` calls
`relu_backward`, `sigmoid_backward` and `linear_backward`; `two_layer_model` calls
`initialize_parameters`, the forward and backward blocks, `compute_cost` and
`update_parameters`; `predict` calls `linear_activation_forward`. Every variant replaces one
or more solution cells with a correct but different solution and must get full marks.

`sigmoid` and `relu` are given functions of the notebook; the setup cell imports numpy as np.
"""

from tests.corpus import Bug, Variant

ASSIGNMENT = "03_two_layer_cat"
NOTEBOOK = "two_layer_cat"

# The signature of two_layer_model, wrapped as a formatter would wrap it.
_SIGNATURE = """def two_layer_model(
    X, Y, layers_dims, learning_rate=0.0075, num_iterations=2500, print_cost=False
):
"""

# The reference training loop, in pieces, so each two_layer_model bug changes one piece.
_MODEL_HEAD = (
    _SIGNATURE
    + """    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
"""
)
_MODEL_FORWARD = """        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
"""
_MODEL_COST = """        cost = compute_cost(A2, Y)
        costs.append(cost)
"""
_MODEL_DA2 = """        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
"""
_MODEL_BACKWARD = """        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
"""
_MODEL_UPDATE = """        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
"""
_MODEL_TAIL = """        if print_cost and i % 100 == 0:
            print(f"Cost after iteration {i}: {cost:.4f}")
    return parameters, costs
"""


def _model(
    head=_MODEL_HEAD,
    forward=_MODEL_FORWARD,
    cost=_MODEL_COST,
    da2=_MODEL_DA2,
    backward=_MODEL_BACKWARD,
    update=_MODEL_UPDATE,
    tail=_MODEL_TAIL,
):
    """The whole two_layer_model cell, with one or more of its pieces replaced."""
    return head + forward + cost + da2 + backward + update + tail


BUGS = [
    # --- compute_cost -----------------------------------------------------------------------
    Bug(
        function="compute_cost",
        mistake="forgot to divide by m: returns the sum of the losses, not their mean",
        code="""def compute_cost(AL, Y):
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)
""",
        diagnosis="cost_not_averaged",
    ),
    Bug(
        function="compute_cost",
        mistake="left out the minus sign in front of the sum (the cost is negative)",
        code="""def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)
""",
        diagnosis="cost_sign",
    ),
    Bug(
        function="compute_cost",
        mistake="summed with np.dot and forgot np.squeeze: returns a (1, 1) array",
        code="""def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return cost
""",
        diagnosis="cost_not_a_number",
    ),
    Bug(
        function="compute_cost",
        mistake="kept only the y log(a) term, so the non-cats cost nothing",
        code="""def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return float(cost)
""",
        diagnosis="cost_no_non_cat_term",
    ),
    Bug(
        function="compute_cost",
        mistake="took m from Y.shape[0], which is always 1",
        code="""def compute_cost(AL, Y):
    m = Y.shape[0]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)
""",
        diagnosis="cost_not_averaged",
    ),
    Bug(
        function="compute_cost",
        mistake="swapped the logs: y log(1 - a) + (1 - y) log(a)",
        code="""def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / m
    return float(cost)
""",
    ),
    # --- initialize_parameters --------------------------------------------------------------
    Bug(
        function="initialize_parameters",
        mistake="scaled the weights by 0.1 instead of 0.01",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.1
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.1
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_times_01",
    ),
    Bug(
        function="initialize_parameters",
        mistake="forgot the * 0.01: standard normal weights",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_not_scaled",
    ),
    Bug(
        function="initialize_parameters",
        mistake="np.random.rand (uniform on [0, 1)) instead of np.random.randn",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.rand(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.rand(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_uniform",
    ),
    Bug(
        function="initialize_parameters",
        mistake="started the weights at zero like the biases",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.zeros((n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.zeros((n_y, n_h))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_not_random",
    ),
    Bug(
        function="initialize_parameters",
        mistake="gave the weights the shape (n_prev, n) instead of (n, n_prev)",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_transposed",
    ),
    Bug(
        function="initialize_parameters",
        mistake="scaled W1 by 0.01 but forgot it on W2",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_W2_not_scaled",
    ),
    Bug(
        function="initialize_parameters",
        mistake="made the biases 1-D with np.zeros(n_h) instead of columns (n_h, 1)",
        code="""def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="init_flat_biases",
    ),
    # --- linear_forward ---------------------------------------------------------------------
    Bug(
        function="linear_forward",
        mistake="multiplied by the transposed weights: Z = W.T @ A + b",
        code="""def linear_forward(A, W, b):
    Z = W.T @ A + b
    return Z, (A, W, b)
""",
        diagnosis="forward_matmul_shapes",
    ),
    Bug(
        function="linear_forward",
        mistake="wrote the product the other way round: Z = A @ W + b",
        code="""def linear_forward(A, W, b):
    Z = np.dot(A, W) + b
    return Z, (A, W, b)
""",
        diagnosis="forward_matmul_shapes",
    ),
    Bug(
        function="linear_forward",
        mistake="forgot to add the bias",
        code="""def linear_forward(A, W, b):
    Z = W @ A
    return Z, (A, W, b)
""",
        diagnosis="forward_no_bias",
    ),
    Bug(
        function="linear_forward",
        mistake="used the entry-by-entry product W * A instead of the matrix product",
        code="""def linear_forward(A, W, b):
    Z = W * A + b
    return Z, (A, W, b)
""",
        diagnosis="forward_elementwise",
    ),
    Bug(
        function="linear_forward",
        mistake="kept the cache in the wrong order (W, A, b)",
        code="""def linear_forward(A, W, b):
    Z = W @ A + b
    return Z, (W, A, b)
""",
        diagnosis="forward_cache_order",
    ),
    Bug(
        function="linear_forward",
        mistake="subtracted the bias instead of adding it",
        code="""def linear_forward(A, W, b):
    Z = W @ A - b
    return Z, (A, W, b)
""",
        diagnosis="forward_minus_bias",
    ),
    # --- linear_activation_forward ----------------------------------------------------------
    Bug(
        function="linear_activation_forward",
        mistake="swapped the activations: sigmoid for relu and relu for sigmoid",
        code="""def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = sigmoid(Z)
    else:
        A = relu(Z)
    return A, (linear_cache, Z)
""",
    ),
    Bug(
        function="linear_activation_forward",
        mistake="kept the activation A in the cache instead of Z",
        code="""def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (linear_cache, A)
""",
        diagnosis="layer_cache_holds_A",
    ),
    Bug(
        function="linear_activation_forward",
        mistake="only applied the sigmoid: returns Z itself for relu",
        code="""def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = Z
    if activation == "sigmoid":
        A = sigmoid(Z)
    return A, (linear_cache, Z)
""",
        diagnosis="layer_relu_returns_Z",
    ),
    Bug(
        function="linear_activation_forward",
        mistake="flattened the cache into (A_prev, W, b, Z)",
        code="""def linear_activation_forward(A_prev, W, b, activation):
    Z, (A_prev, W, b) = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return A, (A_prev, W, b, Z)
""",
        diagnosis="layer_flat_cache",
    ),
    Bug(
        function="linear_activation_forward",
        mistake="returned (cache, A) instead of (A, cache)",
        code="""def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A = relu(Z)
    else:
        A = sigmoid(Z)
    return (linear_cache, Z), A
""",
        diagnosis="layer_returns_swapped",
    ),
    # --- sigmoid_backward -------------------------------------------------------------------
    Bug(
        function="sigmoid_backward",
        mistake="computed the slope from Z instead of sigmoid(Z): dA * Z * (1 - Z)",
        code="""def sigmoid_backward(dA, cache):
    Z = cache
    return dA * Z * (1 - Z)
""",
    ),
    Bug(
        function="sigmoid_backward",
        mistake="forgot to multiply by dA: returns the slope s (1 - s) only",
        code="""def sigmoid_backward(dA, cache):
    s = sigmoid(cache)
    return s * (1 - s)
""",
        diagnosis="sigmoid_backward_no_dA",
    ),
    Bug(
        function="sigmoid_backward",
        mistake="forgot the (1 - s) factor: dA * s",
        code="""def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s
""",
    ),
    Bug(
        function="sigmoid_backward",
        mistake="used the tanh derivative 1 - s**2 instead of s (1 - s)",
        code="""def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * (1 - s**2)
""",
    ),
    Bug(
        function="sigmoid_backward",
        mistake="divided dA by the slope instead of multiplying",
        code="""def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA / (s * (1 - s))
""",
        diagnosis="sigmoid_backward_divides",
    ),
    # --- relu_backward ----------------------------------------------------------------------
    Bug(
        function="relu_backward",
        mistake="masked by the sign of dA instead of the sign of Z",
        code="""def relu_backward(dA, cache):
    return dA * (dA > 0)
""",
        diagnosis="relu_mask_from_dA",
    ),
    Bug(
        function="relu_backward",
        mistake="applied the ReLU to dA: np.maximum(0, dA)",
        code="""def relu_backward(dA, cache):
    return np.maximum(0, dA)
""",
        diagnosis="relu_mask_from_dA",
    ),
    Bug(
        function="relu_backward",
        mistake="returned the 0/1 mask without multiplying by dA",
        code="""def relu_backward(dA, cache):
    Z = cache
    return (Z > 0).astype(float)
""",
        diagnosis="relu_mask_alone",
    ),
    Bug(
        function="relu_backward",
        mistake="kept dA where Z < 0 and zeroed it where Z > 0 (mask the wrong way round)",
        code="""def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache > 0] = 0
    return dZ
""",
        diagnosis="relu_mask_inverted",
    ),
    Bug(
        function="relu_backward",
        mistake="multiplied dA by relu(Z) instead of the ReLU's slope (0 or 1)",
        code="""def relu_backward(dA, cache):
    return dA * relu(cache)
""",
        diagnosis="relu_times_relu",
    ),
    # --- linear_backward --------------------------------------------------------------------
    Bug(
        function="linear_backward",
        mistake="forgot the 1/m in dW",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
""",
        diagnosis="dW_not_averaged",
    ),
    Bug(
        function="linear_backward",
        mistake="summed db without keepdims=True: shape (n,) instead of (n, 1)",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
""",
        diagnosis="db_no_keepdims",
    ),
    Bug(
        function="linear_backward",
        mistake="summed db over axis 0 (the units) instead of axis 1 (the examples)",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=0, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
""",
        diagnosis="db_wrong_axis",
    ),
    Bug(
        function="linear_backward",
        mistake="divided dA_prev by m as well",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ / m
    return dA_prev, dW, db
""",
        diagnosis="dA_prev_averaged",
    ),
    Bug(
        function="linear_backward",
        mistake="forgot to transpose W in dA_prev: np.dot(W, dZ)",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W, dZ)
    return dA_prev, dW, db
""",
        diagnosis="dA_prev_no_transpose",
    ),
    Bug(
        function="linear_backward",
        mistake="db = np.sum(dZ) / m: summed over every entry, one number for all units",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
""",
        diagnosis="db_one_number",
    ),
    Bug(
        function="linear_backward",
        mistake="took m from A_prev.shape[0] (the number of inputs, not of examples)",
        code="""def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[0]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
""",
        diagnosis="m_from_rows",
    ),
    # --- linear_activation_backward ---------------------------------------------------------
    Bug(
        function="linear_activation_backward",
        mistake="swapped the activations: sigmoid_backward for relu and relu_backward for sigmoid",
        code="""def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
""",
    ),
    Bug(
        function="linear_activation_backward",
        mistake="skipped the activation: passed dA straight to linear_backward",
        code="""def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    return linear_backward(dA, linear_cache)
""",
    ),
    Bug(
        function="linear_activation_backward",
        mistake="always used sigmoid_backward, whatever the activation",
        code="""def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
""",
        diagnosis="layer_backward_relu_branch",
    ),
    Bug(
        function="linear_activation_backward",
        mistake="unpacked the cache the wrong way round: Z, linear_cache = cache",
        code="""def linear_activation_backward(dA, cache, activation):
    Z, linear_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
""",
        diagnosis="layer_backward_cache_order",
    ),
    Bug(
        function="linear_activation_backward",
        mistake="returned (dW, db, dA_prev) instead of (dA_prev, dW, db)",
        code="""def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dW, db, dA_prev
""",
        diagnosis="layer_backward_order",
    ),
    # --- update_parameters ------------------------------------------------------------------
    Bug(
        function="update_parameters",
        mistake="added the gradients instead of subtracting them",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return updated
""",
        diagnosis="update_uphill",
    ),
    Bug(
        function="update_parameters",
        mistake="looped over range(1, L), which stops before the last layer",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    parameters = dict(parameters)
    for l in range(1, L):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters
""",
        diagnosis="update_missing_last_layer",
    ),
    Bug(
        function="update_parameters",
        mistake="counted the layers as len(parameters), which counts W and b separately",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(parameters)
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated
""",
        diagnosis="update_too_many_layers",
    ),
    Bug(
        function="update_parameters",
        mistake="counted the layers as len(grads) // 2, but grads also hold the dA",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(grads) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated
""",
        diagnosis="update_too_many_layers",
    ),
    Bug(
        function="update_parameters",
        mistake="forgot the learning rate: W - dW",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - grads[f"db{l}"]
    return updated
""",
        diagnosis="update_no_rate",
    ),
    Bug(
        function="update_parameters",
        mistake="wrote out W1, b1, W2, b2 by hand instead of looping over the layers",
        code="""def update_parameters(parameters, grads, learning_rate):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        diagnosis="update_two_layers_only",
    ),
    Bug(
        function="update_parameters",
        mistake="updated the weights but forgot the biases",
        code="""def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    updated = dict(parameters)
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
    return updated
""",
        diagnosis="update_no_biases",
    ),
    # --- two_layer_model --------------------------------------------------------------------
    Bug(
        function="two_layer_model",
        mistake="recorded the cost after the update (the cost of the new parameters)",
        code=_model(
            cost="",
            tail="""        A2_new, _ = linear_activation_forward(
            linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")[0],
            parameters["W2"], parameters["b2"], "sigmoid",
        )
        cost = compute_cost(A2_new, Y)
        costs.append(cost)
"""
            + _MODEL_TAIL,
        ),
        diagnosis="costs_after_update",
    ),
    Bug(
        function="two_layer_model",
        mistake="put the activations in the wrong order: sigmoid hidden layer, relu output",
        code=_model(
            forward="""        A1, cache1 = linear_activation_forward(X, W1, b1, "sigmoid")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "relu")
""",
            backward="""        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "relu")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "sigmoid")
""",
        ),
    ),
    Bug(
        function="two_layer_model",
        mistake="flipped the sign of dA2: Y / A2 - (1 - Y) / (1 - A2) without the minus",
        code=_model(
            da2="""        dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)
"""
        ),
    ),
    Bug(
        function="two_layer_model",
        mistake="called update_parameters without keeping what it returns",
        code=_model(
            update="""        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        update_parameters(parameters, grads, learning_rate)
"""
        ),
        diagnosis="parameters_never_updated",
    ),
    Bug(
        function="two_layer_model",
        mistake="appended the cost only every 100 iterations, as when printing",
        code=_model(
            cost="""        cost = compute_cost(A2, Y)
        if i % 100 == 0:
            costs.append(cost)
"""
        ),
        diagnosis="costs_every_100",
    ),
    Bug(
        function="two_layer_model",
        mistake="hard-coded the learning rate 0.0075 in the update",
        code=_model(
            update="""        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, 0.0075)
"""
        ),
        diagnosis="learning_rate_ignored",
    ),
    Bug(
        function="two_layer_model",
        mistake="went back through the output layer with relu instead of sigmoid",
        code=_model(
            backward="""        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "relu")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
"""
        ),
    ),
    # --- predict ----------------------------------------------------------------------------
    Bug(
        function="predict",
        mistake="returned the probabilities A2 instead of 0/1 answers",
        code="""def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return A2
""",
        diagnosis="predict_probabilities",
    ),
    Bug(
        function="predict",
        mistake="used sigmoid for the hidden layer too",
        code="""def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "sigmoid")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return (A2 > 0.5).astype(float)
""",
    ),
    Bug(
        function="predict",
        mistake="thresholded the wrong way round: 1 where the output is below 0.5",
        code="""def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return (A2 < 0.5).astype(float)
""",
        diagnosis="predict_inverted",
    ),
    Bug(
        function="predict",
        mistake="returned a flat array of m answers instead of shape (1, m)",
        code="""def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return (A2[0] > 0.5).astype(float)
""",
        diagnosis="predict_flat",
    ),
    Bug(
        function="predict",
        mistake="compared Z2 (before the sigmoid) with 0.5 instead of A2",
        code="""def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    Z2, _ = linear_forward(A1, parameters["W2"], parameters["b2"])
    return (Z2 > 0.5).astype(float)
""",
    ),
]

VARIANTS = [
    Variant(
        name="compute_cost with np.dot and np.squeeze; linear_forward with np.dot",
        cells={
            "compute_cost": """def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)
""",
            "linear_forward": """def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache
""",
        },
    ),
    Variant(
        name="compute_cost with np.mean and a list of per-example losses; loops in linear_forward",
        cells={
            "compute_cost": """def compute_cost(AL, Y):
    losses = []
    for a, y in zip(AL[0], Y[0]):
        losses.append(-(y * np.log(a) + (1 - y) * np.log(1 - a)))
    return float(np.mean(losses))
""",
            "linear_forward": """def linear_forward(A, W, b):
    n, m = W.shape[0], A.shape[1]
    Z = np.zeros((n, m))
    for j in range(m):
        Z[:, j] = W @ A[:, j] + b[:, 0]
    return Z, (A, W, b)
""",
        },
    ),
    Variant(
        name="initialize_parameters drawing W2 before W1, with np.random.normal(0, 0.01, size)",
        cells={
            "initialize_parameters": """def initialize_parameters(n_x, n_h, n_y):
    parameters = {}
    parameters["W2"] = np.random.normal(0, 0.01, size=(n_y, n_h))
    parameters["b2"] = np.zeros((n_y, 1))
    parameters["W1"] = np.random.normal(0, 0.01, size=(n_h, n_x))
    parameters["b1"] = np.zeros((n_h, 1))
    return parameters
""",
        },
    ),
    Variant(
        name="initialize_parameters with randn / 100 in a loop over the layers",
        cells={
            "initialize_parameters": """def initialize_parameters(n_x, n_h, n_y):
    sizes = [n_x, n_h, n_y]
    parameters = {}
    for l in range(1, 3):
        parameters["W" + str(l)] = np.random.randn(sizes[l], sizes[l - 1]) / 100
        parameters["b" + str(l)] = np.zeros((sizes[l], 1), dtype=np.float64)
    return parameters
""",
        },
    ),
    Variant(
        name="linear_activation_forward with a dict of activations and linear_forward inlined",
        cells={
            "linear_activation_forward": """def linear_activation_forward(A_prev, W, b, activation):
    g = {"relu": relu, "sigmoid": sigmoid}[activation]
    Z = W @ A_prev + b
    A = g(Z)
    cache = ((A_prev, W, b), Z)
    return A, cache
""",
        },
    ),
    Variant(
        name="sigmoid_backward as exp(-Z) / (1 + exp(-Z))**2; relu_backward with np.where",
        cells={
            "sigmoid_backward": """def sigmoid_backward(dA, cache):
    Z = cache
    e = np.exp(-Z)
    return dA * e / (1 + e) ** 2
""",
            "relu_backward": """def relu_backward(dA, cache):
    return np.where(cache > 0, dA, 0.0)
""",
        },
    ),
    Variant(
        name="sigmoid_backward with the given sigmoid; relu_backward with np.heaviside",
        cells={
            "sigmoid_backward": """def sigmoid_backward(dA, cache):
    s = sigmoid(cache)
    dZ = dA * s * (1 - s)
    return dZ
""",
            "relu_backward": """def relu_backward(dA, cache):
    return dA * np.heaviside(cache, 0.0)
""",
        },
    ),
    Variant(
        name="relu_backward by boolean indexing on a copy of dA",
        cells={
            "relu_backward": """def relu_backward(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ
""",
        },
    ),
    Variant(
        name="linear_backward with np.dot, db from a loop over the examples",
        cells={
            "linear_backward": """def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    db = np.zeros((dZ.shape[0], 1))
    for i in range(m):
        db += dZ[:, i : i + 1]
    db = db / m
    dW = np.dot(dZ, A_prev.T) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
""",
        },
    ),
    Variant(
        name="linear_backward with np.einsum and np.mean; linear_activation_backward with a dict",
        cells={
            "linear_backward": """def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.einsum("im,jm->ij", dZ, A_prev) / m
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev = np.einsum("ji,jm->im", W, dZ)
    return dA_prev, dW, db
""",
            "linear_activation_backward": """def linear_activation_backward(dA, cache, activation):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    linear_cache, activation_cache = cache
    dZ = backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
""",
        },
    ),
    Variant(
        name="update_parameters in place, looping over the keys of parameters",
        cells={
            "update_parameters": """def update_parameters(parameters, grads, learning_rate):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""",
        },
    ),
    Variant(
        name="update_parameters as a dict comprehension, layers in reverse order",
        cells={
            "update_parameters": """def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in reversed(range(1, L + 1)):
        for p in ("W", "b"):
            new[p + str(l)] = parameters[p + str(l)] - learning_rate * grads["d" + p + str(l)]
    return {k: new[k] for k in sorted(new)}
""",
        },
    ),
    Variant(
        name="two_layer_model with dZ2 = A2 - Y and linear_backward called directly",
        cells={
            "two_layer_model": _model(
                da2="",
                backward="""        dZ2 = A2 - Y
        dA1, dW2, db2 = linear_backward(dZ2, cache2[0])
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
""",
            ),
        },
    ),
    Variant(
        name="two_layer_model with dA2 = (A2 - Y) / (A2 (1 - A2)), extra grads, a while loop",
        cells={
            "two_layer_model": _SIGNATURE
            + """    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    i = 0
    while i < num_iterations:
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        costs.append(compute_cost(A2, Y))
        dA2 = (A2 - Y) / (A2 * (1 - A2))
        grads = {}
        grads["dA1"], grads["dW2"], grads["db2"] = linear_activation_backward(
            dA2, cache2, "sigmoid"
        )
        grads["dA0"], grads["dW1"], grads["db1"] = linear_activation_backward(
            grads["dA1"], cache1, "relu"
        )
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration", i, ":", costs[-1])
        i += 1
    return parameters, costs
""",
        },
    ),
    Variant(
        name="two_layer_model with its own forward pass and its own in-place update",
        cells={
            "two_layer_model": _SIGNATURE
            + """    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        Z1, linear_cache1 = linear_forward(X, parameters["W1"], parameters["b1"])
        A1 = relu(Z1)
        Z2, linear_cache2 = linear_forward(A1, parameters["W2"], parameters["b2"])
        A2 = sigmoid(Z2)
        cost = compute_cost(A2, Y)
        dA2 = -Y / A2 + (1 - Y) / (1 - A2)
        dA1, dW2, db2 = linear_activation_backward(dA2, (linear_cache2, Z2), "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, (linear_cache1, Z1), "relu")
        parameters = {key: value.copy() for key, value in parameters.items()}
        parameters["W1"] -= learning_rate * dW1
        parameters["b1"] -= learning_rate * db1
        parameters["W2"] -= learning_rate * dW2
        parameters["b2"] -= learning_rate * db2
        costs.append(cost)
        if print_cost and i % 100 == 0:
            print(f"iteration {i}: cost {cost}")
    return parameters, costs
""",
        },
    ),
    Variant(
        name="predict with np.where on A2, integer answers",
        cells={
            "predict": """def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return np.where(A2 > 0.5, 1, 0)
""",
        },
    ),
    Variant(
        name="predict thresholding Z2 at 0 (the same as A2 at 0.5), one example at a time",
        cells={
            "predict": """def predict(X, parameters):
    m = X.shape[1]
    p = np.zeros((1, m))
    A1 = relu(parameters["W1"] @ X + parameters["b1"])
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    for i in range(m):
        if Z2[0, i] > 0:
            p[0, i] = 1
    return p
""",
        },
    ),
    Variant(
        name="predict returning the booleans A2 > 0.5",
        cells={
            "predict": """def predict(X, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return A2 > 0.5
""",
        },
    ),
]
