"""Known mistakes and correct variants for notebook 05 (mini-batches and optimizers).

No graded function of this notebook calls another in the reference (the given training loop
and the race call them, but they are not graded), so every bug may cost its own function's
points and nothing else. The optimizers are judged over several steps in a row, so a state
that is corrected in place, not returned, or built from the wrong step shows at step 2;
`random_mini_batches` is judged by what every correct shuffle has in common, never by its
order, so any seeded permutation is right.

The setup cell imports numpy as np; a cell that needs `math` imports it itself.
"""

from tests.corpus import Bug, Variant

ASSIGNMENT = "05_optimizers"
NOTEBOOK = "optimizers"

GD = "def update_parameters_with_gd(parameters, grads, learning_rate):\n"
BATCHES = "def random_mini_batches(X, Y, mini_batch_size=64, seed=0):\n"
VELOCITY = "def initialize_velocity(parameters):\n"
MOMENTUM = "def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):\n"
INIT_RMSPROP = "def initialize_rmsprop(parameters):\n"
RMSPROP = (
    "def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate,"
    " epsilon=1e-8):\n"
)
INIT_ADAM = "def initialize_adam(parameters):\n"
ADAM = (
    "def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,"
    " beta1=0.9, beta2=0.999, epsilon=1e-8):\n"
)
UPDATE_LR = "def update_lr(learning_rate0, epoch_num, decay_rate):\n"
SCHEDULE = "def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):\n"


def _momentum(v_line, step_line):
    """update_parameters_with_momentum with its velocity and step lines replaced."""
    return (
        MOMENTUM
        + """    L = len(parameters) // 2
    new_parameters, new_v = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
"""
        + f"            {v_line}\n            {step_line}\n"
        + "    return new_parameters, new_v\n"
    )


_V = "new_v[dp] = beta * v[dp] + (1 - beta) * grads[dp]"
_STEP = "new_parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * new_v[dp]"


def _rmsprop(s_line=None, step_line=None):
    """update_parameters_with_rmsprop with its average or step line replaced."""
    s_line = s_line or "new_s[dp] = beta2 * s[dp] + (1 - beta2) * grads[dp] ** 2"
    step_line = step_line or (
        "new_parameters[p + str(l)] = parameters[p + str(l)]"
        " - learning_rate * grads[dp] / (np.sqrt(new_s[dp]) + epsilon)"
    )
    return (
        RMSPROP
        + """    L = len(parameters) // 2
    new_parameters, new_s = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
"""
        + f"            {s_line}\n            {step_line}\n"
        + "    return new_parameters, new_s\n"
    )


# The reference Adam step, in pieces, so each Adam bug changes one piece.
_ADAM_V = "v[dp] = beta1 * v[dp] + (1 - beta1) * grads[dp]"
_ADAM_S = "s[dp] = beta2 * s[dp] + (1 - beta2) * grads[dp] ** 2"
_ADAM_V_HAT = "v_hat = v[dp] / (1 - beta1**t)"
_ADAM_S_HAT = "s_hat = s[dp] / (1 - beta2**t)"
_ADAM_STEP = (
    "parameters[p + str(l)] = parameters[p + str(l)]"
    " - learning_rate * v_hat / (np.sqrt(s_hat) + epsilon)"
)


def _adam(v=_ADAM_V, s=_ADAM_S, v_hat=_ADAM_V_HAT, s_hat=_ADAM_S_HAT, step=_ADAM_STEP):
    """update_parameters_with_adam (on copies of the dicts) with one or more lines replaced."""
    lines = "".join(f"            {line}\n" for line in (v, s, v_hat, s_hat, step))
    return (
        ADAM
        + """    parameters, v, s = dict(parameters), dict(v), dict(s)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
"""
        + lines
        + "    return parameters, v, s\n"
    )


BUGS = [
    # --- update_parameters_with_gd ----------------------------------------------------------
    Bug(
        "update_parameters_with_gd",
        "added the gradient instead of subtracting it (walked uphill)",
        GD
        + """    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return updated
""",
        diagnosis="gd_uphill",
    ),
    Bug(
        "update_parameters_with_gd",
        "forgot to multiply the gradient by the learning rate",
        GD
        + """    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - grads["db" + str(l)]
    return updated
""",
        diagnosis="gd_no_rate",
    ),
    Bug(
        "update_parameters_with_gd",
        "looped over range(1, L) and left the last layer out",
        GD
        + """    L = len(parameters) // 2
    updated = dict(parameters)
    for l in range(1, L):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated
""",
        diagnosis="gd_missing_last_layer",
    ),
    Bug(
        "update_parameters_with_gd",
        "updated the weights but forgot the biases",
        GD
        + """    L = len(parameters) // 2
    updated = dict(parameters)
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    return updated
""",
        diagnosis="gd_no_biases",
    ),
    Bug(
        "update_parameters_with_gd",
        "looped over the keys of grads, which also hold dA0, dA1, ... (not parameters)",
        GD
        + """    updated = dict(parameters)
    for key in grads:
        updated[key[1:]] = parameters[key[1:]] - learning_rate * grads[key]
    return updated
""",
        diagnosis="gd_over_grads_keys",
    ),
    Bug(
        "update_parameters_with_gd",
        "wrote out W1, b1, W2, b2 by hand: only right for exactly two layers",
        GD
        + """    return {
        "W1": parameters["W1"] - learning_rate * grads["dW1"],
        "b1": parameters["b1"] - learning_rate * grads["db1"],
        "W2": parameters["W2"] - learning_rate * grads["dW2"],
        "b2": parameters["b2"] - learning_rate * grads["db2"],
    }
""",
        diagnosis="gd_two_layers_only",
    ),
    # --- random_mini_batches ----------------------------------------------------------------
    Bug(
        "random_mini_batches",
        "kept only the complete mini-batches and dropped the smaller last one",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    for k in range(m // mini_batch_size):
        start = k * mini_batch_size
        end = start + mini_batch_size
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
    return mini_batches
""",
    ),
    Bug(
        "random_mini_batches",
        "shuffled X and Y with two different permutations, so labels left their pictures",
        BATCHES
        + """    m = X.shape[1]
    rng = np.random.default_rng(seed)
    shuffled_X = X[:, rng.permutation(m)]
    shuffled_Y = Y[:, rng.permutation(m)]
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_labels_parted",
    ),
    Bug(
        "random_mini_batches",
        "forgot to shuffle: cut the columns in their original order",
        BATCHES
        + """    m = X.shape[1]
    return [
        (X[:, k : k + mini_batch_size], Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_not_shuffled",
    ),
    Bug(
        "random_mini_batches",
        "ignored the seed: np.random.permutation(m) gives another shuffle at every call",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_seed_ignored",
    ),
    Bug(
        "random_mini_batches",
        "hard-coded the seed 0, so every epoch gets the same shuffle whatever seed is passed",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.default_rng(0).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_seed_fixed",
    ),
    Bug(
        "random_mini_batches",
        "shuffled the rows of X (rng.shuffle works along axis 0) instead of its columns",
        BATCHES
        + """    m = X.shape[1]
    rng = np.random.default_rng(seed)
    shuffled_X, shuffled_Y = X.copy(), Y.copy()
    rng.shuffle(shuffled_X)
    rng.shuffle(shuffled_Y)
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_rows_shuffled",
    ),
    Bug(
        "random_mini_batches",
        "took m from X.shape[0], the number of features, instead of X.shape[1]",
        BATCHES
        + """    m = X.shape[0]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]
""",
        diagnosis="batches_m_from_rows",
    ),
    Bug(
        "random_mini_batches",
        "sliced one column too many (end + 1), so neighbouring mini-batches overlap",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    for k in range(0, m, mini_batch_size):
        end = k + mini_batch_size + 1
        mini_batches.append((shuffled_X[:, k:end], shuffled_Y[:, k:end]))
    return mini_batches
""",
        diagnosis="batches_overlap",
    ),
    Bug(
        "random_mini_batches",
        "made the last mini-batch full size by taking the last mini_batch_size columns",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    for k in range(0, m, mini_batch_size):
        start = min(k, max(m - mini_batch_size, 0))
        end = start + mini_batch_size
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
    return mini_batches
""",
        diagnosis="batches_last_full_size",
    ),
    Bug(
        "random_mini_batches",
        "padded the last mini-batch to full size with columns from the start",
        BATCHES
        + """    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = []
    for k in range(0, m, mini_batch_size):
        columns = np.arange(k, k + mini_batch_size) % m
        mini_batches.append((shuffled_X[:, columns], shuffled_Y[:, columns]))
    return mini_batches
""",
        diagnosis="batches_last_full_size",
    ),
    # --- initialize_velocity ----------------------------------------------------------------
    Bug(
        "initialize_velocity",
        'named the velocities like the parameters ("W1") instead of "dW1"',
        VELOCITY
        + """    return {key: np.zeros_like(value) for key, value in parameters.items()}
""",
        diagnosis="initialize_velocity_keys_like_parameters",
    ),
    Bug(
        "initialize_velocity",
        "copied the W line for the bias: db shaped like W",
        VELOCITY
        + """    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return v
""",
        diagnosis="initialize_velocity_db_like_W",
    ),
    Bug(
        "initialize_velocity",
        "started every velocity at the number 0 instead of an array of zeros",
        VELOCITY
        + """    return {"d" + key: 0.0 for key in parameters}
""",
        diagnosis="initialize_velocity_number_zero",
    ),
    Bug(
        "initialize_velocity",
        "looped over range(1, L) and left the last layer out",
        VELOCITY
        + """    L = len(parameters) // 2
    v = {}
    for l in range(1, L):
        v["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
        v["db" + str(l)] = np.zeros_like(parameters["b" + str(l)])
    return v
""",
        diagnosis="initialize_velocity_missing_last_layer",
    ),
    Bug(
        "initialize_velocity",
        "made 1-D zeros of the layer's size: np.zeros(n) for both W and b",
        VELOCITY
        + """    return {"d" + key: np.zeros(value.shape[0]) for key, value in parameters.items()}
""",
        diagnosis="initialize_velocity_flat",
    ),
    # --- update_parameters_with_momentum ----------------------------------------------------
    Bug(
        "update_parameters_with_momentum",
        "swapped beta and 1 - beta: v = (1 - beta) v + beta dW",
        _momentum("new_v[dp] = (1 - beta) * v[dp] + beta * grads[dp]", _STEP),
        diagnosis="momentum_betas_swapped",
    ),
    Bug(
        "update_parameters_with_momentum",
        "updated v but stepped with the new gradient instead of v",
        _momentum(
            _V,
            "new_parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * grads[dp]",
        ),
        diagnosis="momentum_step_with_gradient",
    ),
    Bug(
        "update_parameters_with_momentum",
        "stepped with the old velocity (updated the parameters before v)",
        _momentum(
            "new_parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[dp]",
            _V,
        ),
        diagnosis="momentum_step_with_old_v",
    ),
    Bug(
        "update_parameters_with_momentum",
        "forgot the (1 - beta) in front of the gradient: v = beta v + dW",
        _momentum("new_v[dp] = beta * v[dp] + grads[dp]", _STEP),
        diagnosis="momentum_no_one_minus_beta",
    ),
    Bug(
        "update_parameters_with_momentum",
        "computed the new velocities but returned the old v",
        MOMENTUM
        + """    L = len(parameters) // 2
    new_parameters, new_v = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
            new_v[dp] = beta * v[dp] + (1 - beta) * grads[dp]
            new_parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * new_v[dp]
    return new_parameters, v
""",
        diagnosis="momentum_v_not_returned",
    ),
    # --- initialize_rmsprop -----------------------------------------------------------------
    Bug(
        "initialize_rmsprop",
        "started s at ones, to stay clear of dividing by zero",
        INIT_RMSPROP
        + """    return {"d" + key: np.ones_like(value) for key, value in parameters.items()}
""",
        diagnosis="rmsprop_init_ones",
    ),
    Bug(
        "initialize_rmsprop",
        'named the averages like the parameters ("W1") instead of "dW1"',
        INIT_RMSPROP
        + """    s = {}
    for key, value in parameters.items():
        s[key] = np.zeros(value.shape)
    return s
""",
        diagnosis="initialize_rmsprop_keys_like_parameters",
    ),
    Bug(
        "initialize_rmsprop",
        "made zeros for the weights only and forgot the biases",
        INIT_RMSPROP
        + """    L = len(parameters) // 2
    s = {}
    for l in range(1, L + 1):
        s["dW" + str(l)] = np.zeros_like(parameters["W" + str(l)])
    return s
""",
        diagnosis="rmsprop_init_no_biases",
    ),
    Bug(
        "initialize_rmsprop",
        "copied initialize_adam and returned the pair (v, s) instead of s alone",
        INIT_RMSPROP
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    return v, s
""",
        diagnosis="rmsprop_init_pair",
    ),
    Bug(
        "initialize_rmsprop",
        "gave the zeros the transposed shape of each parameter",
        INIT_RMSPROP
        + """    return {"d" + key: np.zeros(value.shape[::-1]) for key, value in parameters.items()}
""",
        diagnosis="initialize_rmsprop_transposed",
    ),
    # --- update_parameters_with_rmsprop -----------------------------------------------------
    Bug(
        "update_parameters_with_rmsprop",
        "forgot to square the gradient: s = beta2 s + (1 - beta2) dW",
        _rmsprop(s_line="new_s[dp] = beta2 * s[dp] + (1 - beta2) * grads[dp]"),
        diagnosis="rmsprop_not_squared",
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "wrote dW * 2 instead of dW ** 2 in the average",
        _rmsprop(s_line="new_s[dp] = beta2 * s[dp] + (1 - beta2) * grads[dp] * 2"),
        diagnosis="rmsprop_doubled",
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "put epsilon inside the square root: sqrt(s + epsilon)",
        _rmsprop(
            step_line="new_parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * grads[dp] / np.sqrt(new_s[dp] + epsilon)"
        ),
        diagnosis="rmsprop_epsilon_in_root",
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "divided by s + epsilon: forgot the square root",
        _rmsprop(
            step_line="new_parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * grads[dp] / (new_s[dp] + epsilon)"
        ),
        diagnosis="rmsprop_no_root",
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "swapped beta2 and 1 - beta2: s = (1 - beta2) s + beta2 dW ** 2",
        _rmsprop(s_line="new_s[dp] = (1 - beta2) * s[dp] + beta2 * grads[dp] ** 2"),
        diagnosis="rmsprop_betas_swapped",
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "divided by the root of the old s (stepped before updating s)",
        _rmsprop(
            step_line="new_parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * grads[dp] / (np.sqrt(s[dp]) + epsilon)"
        ),
    ),
    Bug(
        "update_parameters_with_rmsprop",
        "wrote the number 1e-8 in the step instead of using the epsilon argument",
        _rmsprop(
            step_line="new_parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * grads[dp] / (np.sqrt(new_s[dp]) + 1e-8)"
        ),
        diagnosis="rmsprop_epsilon_ignored",
    ),
    # --- initialize_adam --------------------------------------------------------------------
    Bug(
        "initialize_adam",
        "built one dict of zeros and returned it twice: v is s",
        INIT_ADAM
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = v
    return v, s
""",
        diagnosis="adam_init_shared",
    ),
    Bug(
        "initialize_adam",
        "returned v only and forgot s",
        INIT_ADAM
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    return v
""",
        diagnosis="adam_init_one_dict",
    ),
    Bug(
        "initialize_adam",
        'returned one dict {"v": v, "s": s} instead of the pair (v, s)',
        INIT_ADAM
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    return {"v": v, "s": s}
""",
        diagnosis="adam_init_dict_of_both",
    ),
    Bug(
        "initialize_adam",
        'forgot the "d" in the keys of s: "W1", "b1", ...',
        INIT_ADAM
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {key: np.zeros_like(value) for key, value in parameters.items()}
    return v, s
""",
        diagnosis="adam_init_s_keys",
    ),
    Bug(
        "initialize_adam",
        "started s at epsilon (1e-8) instead of zeros",
        INIT_ADAM
        + """    v = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    s = {"d" + key: np.full(value.shape, 1e-8) for key, value in parameters.items()}
    return v, s
""",
        diagnosis="adam_init_s_epsilon",
    ),
    # --- update_parameters_with_adam --------------------------------------------------------
    Bug(
        "update_parameters_with_adam",
        "left out the bias correction: stepped with v / (sqrt(s) + epsilon)",
        _adam(v_hat="v_hat = v[dp]", s_hat="s_hat = s[dp]"),
        diagnosis="adam_no_correction",
    ),
    Bug(
        "update_parameters_with_adam",
        "put epsilon inside the square root: sqrt(s_hat + epsilon)",
        _adam(
            step="parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * v_hat / np.sqrt(s_hat + epsilon)"
        ),
        diagnosis="adam_epsilon_in_root",
    ),
    Bug(
        "update_parameters_with_adam",
        "corrected v and s in place, so the returned averages are the corrected ones",
        _adam(
            v_hat="v[dp] = v[dp] / (1 - beta1**t)\n            v_hat = v[dp]",
            s_hat="s[dp] = s[dp] / (1 - beta2**t)\n            s_hat = s[dp]",
        ),
        diagnosis="adam_corrected_in_place",
    ),
    Bug(
        "update_parameters_with_adam",
        "corrected with t + 1, counting the steps from 0",
        _adam(
            v_hat="v_hat = v[dp] / (1 - beta1 ** (t + 1))",
            s_hat="s_hat = s[dp] / (1 - beta2 ** (t + 1))",
        ),
        diagnosis="adam_t_plus_one",
    ),
    Bug(
        "update_parameters_with_adam",
        "corrected with t - 1 (so the first step divides by zero)",
        _adam(
            v_hat="v_hat = v[dp] / (1 - beta1 ** (t - 1))",
            s_hat="s_hat = s[dp] / (1 - beta2 ** (t - 1))",
        ),
        diagnosis="adam_t_minus_one",
    ),
    Bug(
        "update_parameters_with_adam",
        "swapped beta1 and 1 - beta1 in the average of the gradients",
        _adam(v="v[dp] = (1 - beta1) * v[dp] + beta1 * grads[dp]"),
        diagnosis="adam_v_betas_swapped",
    ),
    Bug(
        "update_parameters_with_adam",
        "forgot to square the gradient in s",
        _adam(s="s[dp] = beta2 * s[dp] + (1 - beta2) * np.abs(grads[dp])"),
        diagnosis="adam_not_squared",
    ),
    Bug(
        "update_parameters_with_adam",
        "copied the v line for s: corrected s with beta1 ** t instead of beta2 ** t",
        _adam(s_hat="s_hat = s[dp] / (1 - beta1**t)"),
        diagnosis="adam_s_corrected_with_beta1",
    ),
    Bug(
        "update_parameters_with_adam",
        "wrote 1 - beta1 * t instead of 1 - beta1 ** t in the corrections",
        _adam(
            v_hat="v_hat = v[dp] / (1 - beta1 * t)",
            s_hat="s_hat = s[dp] / (1 - beta2 * t)",
        ),
        diagnosis="adam_times_t",
    ),
    Bug(
        "update_parameters_with_adam",
        "hard-coded beta1 = 0.9 and beta2 = 0.999 instead of using the arguments",
        _adam(
            v="v[dp] = 0.9 * v[dp] + 0.1 * grads[dp]",
            s="s[dp] = 0.999 * s[dp] + 0.001 * grads[dp] ** 2",
            v_hat="v_hat = v[dp] / (1 - 0.9**t)",
            s_hat="s_hat = s[dp] / (1 - 0.999**t)",
        ),
        diagnosis="adam_default_betas",
    ),
    Bug(
        "update_parameters_with_adam",
        "wrote the number 1e-8 in the step instead of using the epsilon argument",
        _adam(
            step="parameters[p + str(l)] = parameters[p + str(l)]"
            " - learning_rate * v_hat / (np.sqrt(s_hat) + 1e-8)"
        ),
        diagnosis="adam_epsilon_ignored",
    ),
    # --- update_lr --------------------------------------------------------------------------
    Bug(
        "update_lr",
        "forgot the 1 +: learning_rate0 / (decay_rate * epoch_num)",
        UPDATE_LR
        + """    return learning_rate0 / (decay_rate * epoch_num)
""",
        diagnosis="lr_no_one",
    ),
    Bug(
        "update_lr",
        "left out the parentheses: learning_rate0 / 1 + decay_rate * epoch_num",
        UPDATE_LR
        + """    return learning_rate0 / 1 + decay_rate * epoch_num
""",
        diagnosis="lr_grows",
    ),
    Bug(
        "update_lr",
        "decayed exponentially: learning_rate0 * decay_rate ** epoch_num",
        UPDATE_LR
        + """    return learning_rate0 * decay_rate**epoch_num
""",
        diagnosis="lr_exponential",
    ),
    Bug(
        "update_lr",
        "closed the parenthesis too early: learning_rate0 / (1 + decay_rate) * epoch_num",
        UPDATE_LR
        + """    return learning_rate0 / (1 + decay_rate) * epoch_num
""",
        diagnosis="lr_parenthesis_early",
    ),
    Bug(
        "update_lr",
        "multiplied by (1 + decay_rate * epoch_num) instead of dividing",
        UPDATE_LR
        + """    return learning_rate0 * (1 + decay_rate * epoch_num)
""",
        diagnosis="lr_multiplied",
    ),
    # --- schedule_lr_decay ------------------------------------------------------------------
    Bug(
        "schedule_lr_decay",
        "forgot the floor: the rate drops a little every epoch, not every time_interval",
        SCHEDULE
        + """    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)
""",
        diagnosis="schedule_no_floor",
    ),
    Bug(
        "schedule_lr_decay",
        "did not divide by time_interval: the rate drops every epoch, like update_lr",
        SCHEDULE
        + """    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num))
""",
        diagnosis="schedule_every_epoch",
    ),
    Bug(
        "schedule_lr_decay",
        "hard-coded 1000 instead of using time_interval",
        SCHEDULE
        + """    return learning_rate0 / (1 + decay_rate * (epoch_num // 1000))
""",
        diagnosis="schedule_interval_ignored",
    ),
    Bug(
        "schedule_lr_decay",
        "rounded epoch_num / time_interval instead of taking its floor",
        SCHEDULE
        + """    return learning_rate0 / (1 + decay_rate * round(epoch_num / time_interval))
""",
        diagnosis="schedule_rounded",
    ),
    Bug(
        "schedule_lr_decay",
        "used the remainder epoch_num % time_interval instead of the quotient",
        SCHEDULE
        + """    return learning_rate0 / (1 + decay_rate * (epoch_num % time_interval))
""",
        diagnosis="schedule_remainder",
    ),
]

VARIANTS = [
    Variant(
        name="update_parameters_with_gd in place, looping over the keys of parameters",
        cells={
            "update_parameters_with_gd": GD
            + """    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""",
        },
    ),
    Variant(
        name="update_parameters_with_gd as a dict comprehension over the parameters' items",
        cells={
            "update_parameters_with_gd": GD
            + """    return {key: W - learning_rate * grads[f"d{key}"] for key, W in parameters.items()}
""",
        },
    ),
    Variant(
        name="random_mini_batches with np.random.seed(seed) and np.random.permutation, a while loop",
        cells={
            "random_mini_batches": BATCHES
            + """    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    mini_batches = []
    start = 0
    while start < m:
        end = min(start + mini_batch_size, m)
        mini_batches.append((shuffled_X[:, start:end], shuffled_Y[:, start:end]))
        start = end
    return mini_batches
""",
        },
    ),
    Variant(
        name="random_mini_batches in the textbook style: math.floor complete batches, then the rest",
        cells={
            "random_mini_batches": BATCHES
            + """    import math

    m = X.shape[1]
    permutation = np.random.RandomState(seed).permutation(m)
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size :]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size :]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches
""",
        },
    ),
    Variant(
        name="random_mini_batches shuffling an index array in place, cut with np.split and zip",
        cells={
            "random_mini_batches": BATCHES
            + """    m = X.shape[1]
    order = np.arange(m)
    np.random.default_rng(seed).shuffle(order)
    cuts = list(range(mini_batch_size, m, mini_batch_size))
    X_parts = np.split(X[:, order], cuts, axis=1)
    Y_parts = np.split(Y[:, order], cuts, axis=1)
    return list(zip(X_parts, Y_parts))
""",
        },
    ),
    Variant(
        name="random_mini_batches shuffling X and Y stacked together, so they cannot part",
        cells={
            "random_mini_batches": BATCHES
            + """    n_x, m = X.shape
    both = np.vstack([X, Y])
    both = np.random.default_rng(seed).permutation(both, axis=1)
    mini_batches = []
    for k in range(-(-m // mini_batch_size)):
        part = both[:, k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batches.append((part[:n_x], part[n_x:]))
    return mini_batches
""",
        },
    ),
    Variant(
        name="the initialisations as loops over the layers with np.zeros(shape); "
        "initialize_adam calling initialize_velocity twice",
        cells={
            "initialize_velocity": VELOCITY
            + """    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v
""",
            "initialize_rmsprop": INIT_RMSPROP
            + """    return initialize_velocity(parameters)
""",
            "initialize_adam": INIT_ADAM
            + """    return initialize_velocity(parameters), initialize_velocity(parameters)
""",
        },
    ),
    Variant(
        name="the initialisations with parameters[key] * 0 and a deep copy for s",
        cells={
            "initialize_velocity": VELOCITY
            + """    v = {}
    for key in parameters:
        v["d" + key] = parameters[key] * 0.0
    return v
""",
            "initialize_rmsprop": INIT_RMSPROP
            + """    s = dict()
    for key, value in parameters.items():
        s[f"d{key}"] = np.zeros_like(value, dtype=np.float64)
    return s
""",
            "initialize_adam": INIT_ADAM
            + """    import copy

    v = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}
    s = copy.deepcopy(v)
    return (v, s)
""",
        },
    ),
    Variant(
        name="momentum updating v and the parameters in place and returning the same dicts",
        cells={
            "update_parameters_with_momentum": MOMENTUM
            + """    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
            v[dp] *= beta
            v[dp] += (1 - beta) * grads[dp]
            parameters[p + str(l)] -= learning_rate * v[dp]
    return parameters, v
""",
        },
    ),
    Variant(
        name="momentum looping over the keys of parameters, the average as a convex combination",
        cells={
            "update_parameters_with_momentum": MOMENTUM
            + """    new_parameters, new_v = {}, {}
    for key, W in parameters.items():
        dkey = "d" + key
        new_v[dkey] = v[dkey] + (1 - beta) * (grads[dkey] - v[dkey])
        new_parameters[key] = W - learning_rate * new_v[dkey]
    return new_parameters, new_v
""",
        },
    ),
    Variant(
        name="RMSprop with np.square, epsilon added to the root before dividing, in place",
        cells={
            "update_parameters_with_rmsprop": RMSPROP
            + """    for key in parameters:
        dkey = "d" + key
        s[dkey] = beta2 * s[dkey] + (1 - beta2) * np.square(grads[dkey])
        denominator = np.sqrt(s[dkey]) + epsilon
        parameters[key] = parameters[key] - learning_rate * grads[dkey] / denominator
    return parameters, s
""",
        },
    ),
    Variant(
        name="RMSprop with np.power and ** 0.5, layers in reverse order",
        cells={
            "update_parameters_with_rmsprop": RMSPROP
            + """    L = len(parameters) // 2
    new_parameters, new_s = {}, {}
    for l in reversed(range(1, L + 1)):
        for p in ("b", "W"):
            g = grads[f"d{p}{l}"]
            new_s[f"d{p}{l}"] = beta2 * s[f"d{p}{l}"] + (1 - beta2) * np.power(g, 2)
            root = new_s[f"d{p}{l}"] ** 0.5
            new_parameters[f"{p}{l}"] = parameters[f"{p}{l}"] - learning_rate * (g / (root + epsilon))
    return new_parameters, new_s
""",
        },
    ),
    Variant(
        name="Adam in the textbook style: v_corrected and s_corrected dicts, np.power",
        cells={
            "update_parameters_with_adam": ADAM
            + """    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            dp = "d" + p + str(l)
            v[dp] = beta1 * v[dp] + (1 - beta1) * grads[dp]
            v_corrected[dp] = v[dp] / (1 - np.power(beta1, t))
            s[dp] = beta2 * s[dp] + (1 - beta2) * np.power(grads[dp], 2)
            s_corrected[dp] = s[dp] / (1 - np.power(beta2, t))
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v_corrected[dp] / (
                np.sqrt(s_corrected[dp]) + epsilon
            )
    return parameters, v, s
""",
        },
    ),
    Variant(
        name="Adam with the arrays of v and s updated in place (*=, +=), keys of parameters",
        cells={
            "update_parameters_with_adam": ADAM
            + """    for key in parameters:
        g = grads["d" + key]
        m1, m2 = v["d" + key], s["d" + key]
        m1 *= beta1
        m1 += (1 - beta1) * g
        m2 *= beta2
        m2 += (1 - beta2) * g * g
        m1_hat = m1 / (1 - beta1**t)
        m2_hat = m2 / (1 - beta2**t)
        parameters[key] = parameters[key] - learning_rate * m1_hat / (m2_hat**0.5 + epsilon)
    return parameters, v, s
""",
        },
    ),
    Variant(
        name="Adam with the corrections folded into the step size (epsilon scaled to match)",
        cells={
            "update_parameters_with_adam": ADAM
            + """    import math

    step = learning_rate * math.sqrt(1 - beta2**t) / (1 - beta1**t)
    eps_hat = epsilon * math.sqrt(1 - beta2**t)
    new_parameters, new_v, new_s = {}, {}, {}
    for key in parameters:
        dkey = "d" + key
        new_v[dkey] = beta1 * v[dkey] + (1 - beta1) * grads[dkey]
        new_s[dkey] = beta2 * s[dkey] + (1 - beta2) * grads[dkey] ** 2
        new_parameters[key] = parameters[key] - step * new_v[dkey] / (
            np.sqrt(new_s[dkey]) + eps_hat
        )
    return new_parameters, new_v, new_s
""",
        },
    ),
    Variant(
        name="update_lr with a negative power; schedule_lr_decay with math.floor",
        cells={
            "update_lr": UPDATE_LR
            + """    return learning_rate0 * (1 + decay_rate * epoch_num) ** -1
""",
            "schedule_lr_decay": SCHEDULE
            + """    import math

    drops = math.floor(epoch_num / time_interval)
    return learning_rate0 / (1 + decay_rate * drops)
""",
        },
    ),
    Variant(
        name="update_lr as np.float64; schedule_lr_decay with // and update_lr's formula inlined",
        cells={
            "update_lr": UPDATE_LR
            + """    learning_rate = np.float64(learning_rate0) / (1.0 + decay_rate * epoch_num)
    return learning_rate
""",
            "schedule_lr_decay": SCHEDULE
            + """    learning_rate = learning_rate0 / (1 + decay_rate * (epoch_num // time_interval))
    return learning_rate
""",
        },
    ),
    Variant(
        name="schedule_lr_decay counting the drops in a while loop",
        cells={
            "schedule_lr_decay": SCHEDULE
            + """    drops = 0
    epoch = time_interval
    while epoch <= epoch_num:
        drops += 1
        epoch += time_interval
    return learning_rate0 / (1 + decay_rate * drops)
""",
        },
    ),
]
