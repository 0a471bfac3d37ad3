"""Known mistakes and correct variants for notebook 04 (the deep network).

Callers, from the reference: `L_layer_model` calls `initialize_parameters_deep` (but the
hidden cases hand it its starting parameters), `L_model_forward` and `L_model_backward`;
`gradient_check_n` calls `L_model_forward`. So a bug in `L_model_forward` may also cost
`L_layer_model` and `gradient_check_n` points, and nothing else.
"""

from tests.corpus import Bug, Variant

ASSIGNMENT = "04_deep_cat"
NOTEBOOK = "deep_cat"

INIT = "def initialize_parameters_deep(layer_dims):\n"
FORWARD = "def L_model_forward(X, parameters):\n"
BACKWARD = "def L_model_backward(AL, Y, caches):\n"
MODEL = (
    "def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=2500,"
    " print_cost=False):\n"
)
CHECK = "def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):\n"

BUGS = [
    # --- initialize_parameters_deep ---------------------------------------------------------
    Bug(
        "initialize_parameters_deep",
        "kept notebook 03's * 0.01 instead of / sqrt(n_prev)",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        diagnosis="deep_init_times_001",
    ),
    Bug(
        "initialize_parameters_deep",
        "divided by sqrt of the layer's own size n_l instead of n_{l-1}",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n, n_prev) / np.sqrt(n)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
""",
        diagnosis="deep_init_own_size",
    ),
    Bug(
        "initialize_parameters_deep",
        "transposed the weights: W_l of shape (n_{l-1}, n_l)",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n_prev, n) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
""",
        diagnosis="deep_init_transposed",
    ),
    Bug(
        "initialize_parameters_deep",
        "looped one layer short: range(1, len(layer_dims) - 1)",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
""",
        diagnosis="deep_init_one_short",
    ),
    Bug(
        "initialize_parameters_deep",
        "used np.random.rand (uniform on [0, 1)) instead of randn",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.rand(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
""",
        diagnosis="deep_init_uniform",
    ),
    Bug(
        "initialize_parameters_deep",
        "made the biases of shape (n_l,) instead of (n_l, 1)",
        INIT
        + """    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f"b{l}"] = np.zeros(n)
    return parameters
""",
        diagnosis="deep_init_flat_biases",
    ),
    # --- L_model_forward --------------------------------------------------------------------
    Bug(
        "L_model_forward",
        "used relu for the output layer too",
        FORWARD
        + """    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches
""",
        diagnosis="forward_output_relu",
    ),
    Bug(
        "L_model_forward",
        "looped over range(1, L) and forgot the output layer",
        FORWARD
        + """    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches
""",
        diagnosis="forward_one_layer_short",
    ),
    Bug(
        "L_model_forward",
        "fed X into every layer instead of the previous layer's output",
        FORWARD
        + """    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(X, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches
""",
        diagnosis="forward_X_everywhere",
    ),
    Bug(
        "L_model_forward",
        "took the number of layers as len(parameters) instead of len(parameters) // 2",
        FORWARD
        + """    L = len(parameters)
    caches = []
    A = X
    for l in range(1, L // 2 + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches
""",
        diagnosis="forward_output_relu",
    ),
    Bug(
        "L_model_forward",
        "kept only the last layer's cache",
        FORWARD
        + """    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
    return A, [cache]
""",
        diagnosis="forward_only_last_cache",
    ),
    # --- L_model_backward -------------------------------------------------------------------
    Bug(
        "L_model_backward",
        "flipped the sign of dAL: (Y / AL - (1 - Y) / (1 - AL))",
        BACKWARD
        + """    L = len(caches)
    grads = {}
    dA = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads
""",
        diagnosis="backward_dAL_sign",
    ),
    Bug(
        "L_model_backward",
        "walked the caches forwards (layer 1 first) instead of from layer L down",
        BACKWARD
        + """    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads
""",
        diagnosis="backward_wrong_direction",
    ),
    Bug(
        "L_model_backward",
        "used the sigmoid for every layer on the way back",
        BACKWARD
        + """    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "sigmoid")
        grads[f"dA{l - 1}"] = dA
    return grads
""",
    ),
    Bug(
        "L_model_backward",
        "named the gradients one layer off: dA{l} instead of dA{l-1}",
        BACKWARD
        + """    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l}"] = dA
    return grads
""",
        diagnosis="backward_dA_one_off",
    ),
    Bug(
        "L_model_backward",
        "counted the layers from 0: keys dW0 ... dW{L-1} instead of dW1 ... dWL",
        BACKWARD
        + """    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L - 1 else "relu"
        dA_prev, dW, db = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)], grads["dW" + str(l)], grads["db" + str(l)] = dA_prev, dW, db
        dA = dA_prev
    return grads
""",
        diagnosis="backward_numbered_from_0",
    ),
    Bug(
        "L_model_backward",
        "divided dAL by m, so every gradient is m times too small",
        BACKWARD
        + """    L = len(caches)
    m = AL.shape[1]
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads
""",
        diagnosis="backward_dAL_averaged",
    ),
    # --- L_layer_model ----------------------------------------------------------------------
    Bug(
        "L_layer_model",
        "appended the cost after the update instead of before it",
        MODEL
        + """    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        AL, _ = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
    return parameters, costs
""",
        diagnosis="deep_costs_after_update",
    ),
    Bug(
        "L_layer_model",
        "ignored the learning_rate argument (always 0.0075)",
        MODEL
        + """    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
    return parameters, costs
""",
        diagnosis="deep_learning_rate_ignored",
    ),
    Bug(
        "L_layer_model",
        "recorded the cost only every 100 iterations",
        MODEL
        + """    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        if i % 100 == 0:
            costs.append(cost)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
""",
        diagnosis="deep_costs_every_100",
    ),
    Bug(
        "L_layer_model",
        "forgot to keep the updated parameters (update_parameters' result is thrown away)",
        MODEL
        + """    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
    return parameters, costs
""",
        diagnosis="deep_parameters_never_updated",
    ),
    Bug(
        "L_layer_model",
        "initialised the parameters inside the loop, every iteration",
        MODEL
        + """    costs = []
    parameters = None
    for i in range(num_iterations):
        parameters = initialize_parameters_deep(layers_dims)
        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
""",
        diagnosis="deep_init_every_iteration",
    ),
    # --- gradient_check_n -------------------------------------------------------------------
    Bug(
        "gradient_check_n",
        "used the forward difference (J(theta + eps) - J(theta)) / eps",
        CHECK
        + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    J = compute_cost(L_model_forward(X, parameters)[0], Y)
    approx = np.zeros_like(theta)
    for i in range(theta.size):
        plus = theta.copy()
        plus[i] += epsilon
        approx[i] = (compute_cost(L_model_forward(X, vector_to_parameters(plus, parameters))[0], Y)
                     - J) / epsilon
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx)))
""",
    ),
    Bug(
        "gradient_check_n",
        "divided by epsilon instead of 2 * epsilon",
        CHECK
        + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    approx = np.zeros_like(theta)
    for i in range(theta.size):
        plus, minus = theta.copy(), theta.copy()
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus = compute_cost(L_model_forward(X, vector_to_parameters(plus, parameters))[0], Y)
        J_minus = compute_cost(L_model_forward(X, vector_to_parameters(minus, parameters))[0], Y)
        approx[i] = (J_plus - J_minus) / epsilon
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx)))
""",
        diagnosis="check_one_epsilon",
    ),
    Bug(
        "gradient_check_n",
        "returned the plain distance ||g - g~|| without dividing by the sizes",
        CHECK
        + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    approx = np.zeros_like(theta)
    for i in range(theta.size):
        plus, minus = theta.copy(), theta.copy()
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus = compute_cost(L_model_forward(X, vector_to_parameters(plus, parameters))[0], Y)
        J_minus = compute_cost(L_model_forward(X, vector_to_parameters(minus, parameters))[0], Y)
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - approx))
""",
    ),
    Bug(
        "gradient_check_n",
        "nudged theta itself without copying, so every nudge stays for the next entries",
        CHECK
        + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    approx = np.zeros_like(theta)
    for i in range(theta.size):
        theta[i] += epsilon
        J_plus = compute_cost(L_model_forward(X, vector_to_parameters(theta, parameters))[0], Y)
        theta[i] -= 2 * epsilon
        J_minus = compute_cost(L_model_forward(X, vector_to_parameters(theta, parameters))[0], Y)
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx)))
""",
    ),
    Bug(
        "gradient_check_n",
        "divided by the product of the norms instead of their sum",
        CHECK
        + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    approx = np.zeros_like(theta)
    for i in range(theta.size):
        plus, minus = theta.copy(), theta.copy()
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus = compute_cost(L_model_forward(X, vector_to_parameters(plus, parameters))[0], Y)
        J_minus = compute_cost(L_model_forward(X, vector_to_parameters(minus, parameters))[0], Y)
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) * np.linalg.norm(approx)))
""",
    ),
]

VARIANTS = [
    Variant(
        "initialize_parameters_deep: np.random.normal with scale 1/sqrt(n_prev), last layer first",
        {
            "initialize_parameters_deep": INIT
            + """    parameters = {}
    for l in reversed(range(1, len(layer_dims))):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters["b" + str(l)] = np.zeros((n, 1))
        parameters["W" + str(l)] = np.random.normal(0.0, 1.0 / np.sqrt(n_prev), size=(n, n_prev))
    return parameters
"""
        },
    ),
    Variant(
        "initialize_parameters_deep: randn * np.sqrt(1 / n_prev), a default_rng of its own",
        {
            "initialize_parameters_deep": INIT
            + """    rng = np.random.default_rng()
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W%d" % l] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * np.sqrt(
            1.0 / layer_dims[l - 1]
        )
        parameters["b%d" % l] = np.zeros((layer_dims[l], 1))
    return parameters
"""
        },
    ),
    Variant(
        "L_model_forward: the hidden layers in a loop, the output layer after it (deeplearning.ai style)",
        {
            "L_model_forward": FORWARD
            + """    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)],
                                             parameters["b" + str(l)], activation="relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)],
                                          activation="sigmoid")
    caches.append(cache)
    return AL, caches
"""
        },
    ),
    Variant(
        "L_model_forward: its own linear step and activations, caches built by hand",
        {
            "L_model_forward": FORWARD
            + """    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.dot(W, A) + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.where(Z > 0, Z, 0.0)
    return A, caches
"""
        },
    ),
    Variant(
        "L_model_backward: dZ = AL - Y for the output layer, then linear_backward (the shortcut)",
        {
            "L_model_backward": BACKWARD
            + """    L = len(caches)
    grads = {}
    linear_cache, _ = caches[L - 1]
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(AL - Y, linear_cache)
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(1, L)):
        dA, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
    return grads
"""
        },
    ),
    Variant(
        "L_model_backward: dAL as (AL - Y) / (AL (1 - AL)), and an extra dA{L} entry",
        {
            "L_model_backward": BACKWARD
            + """    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = (AL - Y) / (AL * (1 - AL))
    grads = {f"dA{L}": dAL}
    current = dAL
    for l in range(L, 0, -1):
        current, dW, db = linear_activation_backward(
            current, caches[l - 1], "sigmoid" if l == L else "relu"
        )
        grads.update({f"dA{l - 1}": current, f"dW{l}": dW, f"db{l}": db})
    return grads
"""
        },
    ),
    Variant(
        "L_layer_model: update in place and print with a different format",
        {
            "L_layer_model": MODEL
            + """    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        for key in parameters:
            parameters[key] -= learning_rate * grads["d" + key]
        costs.append(cost)
        if print_cost and i % 100 == 0 or i == num_iterations - 1 and print_cost:
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
    return parameters, costs
"""
        },
    ),
    Variant(
        "gradient_check_n: loops over the parameter arrays directly, no vector helpers",
        {
            "gradient_check_n": CHECK
            + """    def J(params):
        return compute_cost(L_model_forward(X, params)[0], Y)

    grad, approx = [], []
    for key in sorted(parameters):
        for index in np.ndindex(parameters[key].shape):
            plus = {k: v.copy() for k, v in parameters.items()}
            minus = {k: v.copy() for k, v in parameters.items()}
            plus[key][index] += epsilon
            minus[key][index] -= epsilon
            approx.append((J(plus) - J(minus)) / (2 * epsilon))
            grad.append(gradients["d" + key][index])
    grad, approx = np.array(grad), np.array(approx)
    numerator = np.linalg.norm(grad - approx)
    return numerator / (np.linalg.norm(grad) + np.linalg.norm(approx))
"""
        },
    ),
    Variant(
        "gradient_check_n: nudges theta in place and restores it, np.sqrt of sums of squares",
        {
            "gradient_check_n": CHECK
            + """    theta = parameters_to_vector(parameters)
    grad = gradients_to_vector(gradients, parameters)
    approx = np.empty(theta.shape)
    for i in range(len(theta)):
        old = theta[i]
        theta[i] = old + epsilon
        J_plus = compute_cost(L_model_forward(X, vector_to_parameters(theta.copy(), parameters))[0], Y)
        theta[i] = old - epsilon
        J_minus = compute_cost(L_model_forward(X, vector_to_parameters(theta.copy(), parameters))[0], Y)
        theta[i] = old
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    top = np.sqrt(np.sum((grad - approx) ** 2))
    return float(top / (np.sqrt(np.sum(grad**2)) + np.sqrt(np.sum(approx**2))))
"""
        },
    ),
]
