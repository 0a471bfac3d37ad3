"""Known mistakes and correct variants for notebook 01 (gradient descent).

Every bug replaces the solution cell of one graded function and must lose that function's
points on every seed (and no points of a function that does not call it: only
`gradient_descent_2d` calls `linear_cost` and `linear_gradients`). Every variant replaces
one or more solution cells with a correct but different solution and must get full marks.
"""

from tests.corpus import Bug, Variant

ASSIGNMENT = "01_gradient_descent"
NOTEBOOK = "gradient_descent"

BUGS = [
    # --- numerical_derivative ---------------------------------------------------------------
    Bug(
        function="numerical_derivative",
        mistake="forward difference (f(w + eps) - f(w)) / eps instead of the central one",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w + eps) - f(w)) / eps
""",
        diagnosis="derivative_one_sided",
    ),
    Bug(
        function="numerical_derivative",
        mistake="backward difference (f(w) - f(w - eps)) / eps instead of the central one",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w) - f(w - eps)) / eps
""",
        diagnosis="derivative_one_sided",
    ),
    Bug(
        function="numerical_derivative",
        mistake="divided the central difference by eps instead of 2 * eps",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w + eps) - f(w - eps)) / eps
""",
        diagnosis="derivative_times_two",
    ),
    Bug(
        function="numerical_derivative",
        mistake="wrote / 2 * eps, which multiplies by eps instead of dividing by 2 * eps",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w + eps) - f(w - eps)) / 2 * eps
""",
        diagnosis="derivative_times_eps",
    ),
    Bug(
        function="numerical_derivative",
        mistake="hard-coded the step 1e-5 and ignored the eps argument",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w + 1e-5) - f(w - 1e-5)) / (2 * 1e-5)
""",
        diagnosis="derivative_eps_ignored",
    ),
    Bug(
        function="numerical_derivative",
        mistake="subtracted the wrong way round: (f(w - eps) - f(w + eps)) / (2 * eps)",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return (f(w - eps) - f(w + eps)) / (2 * eps)
""",
        diagnosis="derivative_sign",
    ),
    Bug(
        function="numerical_derivative",
        mistake="nudged the output f(w) by eps instead of nudging the input w",
        code="""def numerical_derivative(f, w, eps=1e-5):
    return ((f(w) + eps) - (f(w) - eps)) / (2 * eps)
""",
        diagnosis="derivative_nudged_output",
    ),
    # --- gradient_descent_1d ----------------------------------------------------------------
    Bug(
        function="gradient_descent_1d",
        mistake="added the gradient instead of subtracting it (gradient ascent)",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = [w0]
    w = w0
    for _ in range(num_steps):
        w = w + learning_rate * grad(w)
        ws.append(w)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_uphill",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="left out the starting point w0 (returns num_steps values)",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = []
    w = w0
    for _ in range(num_steps):
        w = w - learning_rate * grad(w)
        ws.append(w)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_no_start",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="appended w before updating it, so the last visited w is missing",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = []
    w = w0
    for _ in range(num_steps):
        ws.append(w)
        w = w - learning_rate * grad(w)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_no_last",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="looped num_steps + 1 times (returns num_steps + 2 values)",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = [w0]
    w = w0
    for _ in range(num_steps + 1):
        w = w - learning_rate * grad(w)
        ws.append(w)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_extra_step",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="returned only the final w instead of every visited w",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    w = w0
    for _ in range(num_steps):
        w = w - learning_rate * grad(w)
    return w
""",
        diagnosis="descent_1d_only_final",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="evaluated the gradient at w0 on every step instead of at the current w",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = [w0]
    w = w0
    for _ in range(num_steps):
        w = w - learning_rate * grad(w0)
        ws.append(w)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_gradient_at_w0",
    ),
    Bug(
        function="gradient_descent_1d",
        mistake="stored the new w in another variable and never updated w",
        code="""def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = [w0]
    w = w0
    for _ in range(num_steps):
        w_new = w - learning_rate * grad(w)
        ws.append(w_new)
    return np.array(ws, dtype=float)
""",
        diagnosis="descent_1d_w_not_updated",
    ),
    # --- linear_cost ------------------------------------------------------------------------
    Bug(
        function="linear_cost",
        mistake="forgot the 1/2 (mean squared error instead of 1/(2m) times the sum)",
        code="""def linear_cost(w, b, x, y):
    m = x.shape[0]
    return float(np.sum((w * x + b - y) ** 2) / m)
""",
        diagnosis="cost_no_half",
    ),
    Bug(
        function="linear_cost",
        mistake="forgot to divide by m (half the sum of squared errors)",
        code="""def linear_cost(w, b, x, y):
    return float(np.sum((w * x + b - y) ** 2) / 2)
""",
        diagnosis="cost_not_averaged",
    ),
    Bug(
        function="linear_cost",
        mistake="wrote / 2 * m, which multiplies by m instead of dividing by 2m",
        code="""def linear_cost(w, b, x, y):
    m = x.shape[0]
    return float(np.sum((w * x + b - y) ** 2) / 2 * m)
""",
        diagnosis="cost_times_m",
    ),
    Bug(
        function="linear_cost",
        mistake="used the absolute errors instead of the squared errors",
        code="""def linear_cost(w, b, x, y):
    m = x.shape[0]
    return float(np.sum(np.abs(w * x + b - y)) / (2 * m))
""",
        diagnosis="cost_not_squared",
    ),
    Bug(
        function="linear_cost",
        mistake="squared the sum of the errors instead of summing the squared errors",
        code="""def linear_cost(w, b, x, y):
    m = x.shape[0]
    return float(np.sum(w * x + b - y) ** 2 / (2 * m))
""",
    ),
    Bug(
        function="linear_cost",
        mistake="took the square root of the mean squared error (RMSE-style cost)",
        code="""def linear_cost(w, b, x, y):
    return float(np.sqrt(np.mean((w * x + b - y) ** 2)) / 2)
""",
        diagnosis="cost_square_root",
    ),
    Bug(
        function="linear_cost",
        mistake="forgot to sum: returns the per-example costs as an array",
        code="""def linear_cost(w, b, x, y):
    m = x.shape[0]
    return (w * x + b - y) ** 2 / (2 * m)
""",
        diagnosis="cost_per_example",
    ),
    # --- linear_gradients -------------------------------------------------------------------
    Bug(
        function="linear_gradients",
        mistake="dw without the factor x (the same formula as db)",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = w * x + b - y
    return float(np.sum(error) / m), float(np.sum(error) / m)
""",
        diagnosis="dw_without_x",
    ),
    Bug(
        function="linear_gradients",
        mistake="multiplied db by x as well (the same formula as dw)",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = w * x + b - y
    return float(np.dot(error, x) / m), float(np.dot(error, x) / m)
""",
        diagnosis="db_with_x",
    ),
    Bug(
        function="linear_gradients",
        mistake="returned (db, dw) instead of (dw, db)",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = w * x + b - y
    return float(np.sum(error) / m), float(np.dot(error, x) / m)
""",
        diagnosis="gradients_swapped",
    ),
    Bug(
        function="linear_gradients",
        mistake="used the error y - (w x + b), which flips the sign of both gradients",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = y - (w * x + b)
    return float(np.dot(error, x) / m), float(np.sum(error) / m)
""",
        diagnosis="gradients_sign",
    ),
    Bug(
        function="linear_gradients",
        mistake="kept the 1/(2m) of the cost in the gradients",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = w * x + b - y
    return float(np.dot(error, x) / (2 * m)), float(np.sum(error) / (2 * m))
""",
        diagnosis="gradients_half",
    ),
    Bug(
        function="linear_gradients",
        mistake="differentiated the mean squared error without the 1/2 (factor 2/m)",
        code="""def linear_gradients(w, b, x, y):
    m = x.shape[0]
    error = w * x + b - y
    return float(2 * np.dot(error, x) / m), float(2 * np.sum(error) / m)
""",
        diagnosis="gradients_double",
    ),
    Bug(
        function="linear_gradients",
        mistake="forgot to divide the gradients by m",
        code="""def linear_gradients(w, b, x, y):
    error = w * x + b - y
    return float(np.dot(error, x)), float(np.sum(error))
""",
        diagnosis="gradients_not_averaged",
    ),
    # --- gradient_descent_2d ----------------------------------------------------------------
    Bug(
        function="gradient_descent_2d",
        mistake="updated w before computing b's gradient (sequential, not simultaneous)",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, _ = linear_gradients(w, b, x, y)
        w = w - learning_rate * dw
        _, db = linear_gradients(w, b, x, y)
        b = b - learning_rate * db
    return w, b, costs
""",
        diagnosis="descent_2d_sequential",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="recorded the cost after each update instead of before it",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * db
        costs.append(linear_cost(w, b, x, y))
    return w, b, costs
""",
        diagnosis="descent_2d_cost_after_update",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="also recorded the final cost (num_iterations + 1 costs)",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * db
    costs.append(linear_cost(w, b, x, y))
    return w, b, costs
""",
        diagnosis="descent_2d_extra_cost",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="forgot the learning rate in the update",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - dw, b - db
    return w, b, costs
""",
        diagnosis="descent_2d_no_rate",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="returned (b, w, costs) instead of (w, b, costs)",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return b, w, costs
""",
        diagnosis="descent_2d_returns_swapped",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="copy-paste slip: updated b with dw instead of db",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * dw
    return w, b, costs
""",
        diagnosis="descent_2d_b_with_dw",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="added the gradients instead of subtracting them (gradient ascent)",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    costs = []
    for _ in range(num_iterations):
        costs.append(linear_cost(w, b, x, y))
        dw, db = linear_gradients(w, b, x, y)
        w, b = w + learning_rate * dw, b + learning_rate * db
    return w, b, costs
""",
        diagnosis="descent_2d_uphill",
    ),
    Bug(
        function="gradient_descent_2d",
        mistake="kept only the last cost instead of the list of costs",
        code="""def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w, b = w0, b0
    cost = linear_cost(w, b, x, y)
    for _ in range(num_iterations):
        cost = linear_cost(w, b, x, y)
        dw, db = linear_gradients(w, b, x, y)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, cost
""",
        diagnosis="descent_2d_only_last_cost",
    ),
]

VARIANTS = [
    Variant(
        name="explicit Python loops instead of vectorised sums",
        cells={
            "linear_cost": """def linear_cost(w, b, x, y):
    m = len(x)
    total = 0.0
    for i in range(m):
        total += (w * x[i] + b - y[i]) ** 2
    return total / (2 * m)
""",
            "linear_gradients": """def linear_gradients(w, b, x, y):
    m = len(x)
    dw = 0.0
    db = 0.0
    for xi, yi in zip(x, y):
        error = w * xi + b - yi
        dw += error * xi
        db += error
    return dw / m, db / m
""",
        },
    ),
    Variant(
        name="np.mean instead of sum / m, returning NumPy scalars",
        cells={
            "linear_cost": """def linear_cost(w, b, x, y):
    return 0.5 * np.mean((w * x + b - y) ** 2)
""",
            "linear_gradients": """def linear_gradients(w, b, x, y):
    error = w * x + b - y
    return np.mean(error * x), np.mean(error)
""",
        },
    ),
    Variant(
        name="dot products and x.size instead of np.sum and x.shape[0]",
        cells={
            "linear_cost": """def linear_cost(w, b, x, y):
    r = w * x + b - y
    return r @ r / (2 * x.size)
""",
            "linear_gradients": """def linear_gradients(w, b, x, y):
    r = w * x + b - y
    return x @ r / x.size, r.sum() / x.size
""",
        },
    ),
    Variant(
        name="central difference as the average of the forward and backward differences",
        cells={
            "numerical_derivative": """def numerical_derivative(f, w, eps=1e-5):
    forward = (f(w + eps) - f(w)) / eps
    backward = (f(w) - f(w - eps)) / eps
    return 0.5 * (forward + backward)
""",
        },
    ),
    Variant(
        name="central difference with the step in a variable, halved separately",
        cells={
            "numerical_derivative": """def numerical_derivative(f, w, eps=1e-5):
    h = eps
    slope = f(w + h) - f(w - h)
    slope = slope / h
    return slope / 2
""",
        },
    ),
    Variant(
        name="gradient_descent_1d returning a Python list",
        cells={
            "gradient_descent_1d": """def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    history = [w0]
    for step in range(num_steps):
        history.append(history[-1] - learning_rate * grad(history[-1]))
    return history
""",
        },
    ),
    Variant(
        name="gradient_descent_1d filling a preallocated np.empty(num_steps + 1)",
        cells={
            "gradient_descent_1d": """def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    ws = np.empty(num_steps + 1)
    ws[0] = w0
    for k in range(num_steps):
        ws[k + 1] = ws[k] - learning_rate * grad(ws[k])
    return ws
""",
        },
    ),
    Variant(
        name="gradient_descent_1d with a while loop, in-place update and np.append",
        cells={
            "gradient_descent_1d": """def gradient_descent_1d(grad, w0, learning_rate, num_steps):
    w = float(w0)
    ws = np.array([w])
    step = 0
    while step < num_steps:
        w -= learning_rate * grad(w)
        ws = np.append(ws, w)
        step += 1
    return ws
""",
        },
    ),
    Variant(
        name="gradient_descent_2d with inlined cost and gradients, in-place updates, array costs",
        cells={
            "gradient_descent_2d": (
                """def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    m = len(x)
    w = w0
    b = b0
    costs = np.zeros(num_iterations)
    for i in range(num_iterations):
        error = w * x + b - y
        costs[i] = np.sum(error**2) / (2 * m)
        dw = np.sum(error * x) / m
        db = np.sum(error) / m
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b, costs
"""
            ),
        },
    ),
    Variant(
        name="gradient_descent_2d in matrix form with a parameter vector, costs as a tuple",
        cells={
            "gradient_descent_2d": (
                """def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    X = np.column_stack([x, np.ones_like(x)])
    theta = np.array([w0, b0], dtype=float)
    m = X.shape[0]
    costs = []
    for _ in range(num_iterations):
        residual = X @ theta - y
        costs.append(residual @ residual / (2 * m))
        theta = theta - learning_rate * (X.T @ residual) / m
    return theta[0], theta[1], tuple(costs)
"""
            ),
        },
    ),
    Variant(
        name="gradient_descent_2d calling the helpers, temporaries for the update, np.float64",
        cells={
            "gradient_descent_2d": (
                """def gradient_descent_2d(x, y, w0, b0, learning_rate, num_iterations):
    w = np.float64(w0)
    b = np.float64(b0)
    costs = []
    for _ in range(num_iterations):
        costs.append(np.float64(linear_cost(w, b, x, y)))
        dw, db = linear_gradients(w, b, x, y)
        new_w = w - learning_rate * dw
        new_b = b - learning_rate * db
        w = new_w
        b = new_b
    return w, b, costs
"""
            ),
        },
    ),
]
