"""Hidden cases for 02_chain_rule (grader only: listed in nbgrader's ignore, never released).

One generator per graded function, named like it, yielding `Case(label, args, kwargs)`.
Labels describe the kind of case, never its numbers. `Value` is a class, so its cases are
small programs that the `ADAPTERS` entry runs with whichever `Value` it is given (the
student's in the kernel, the reference in the grader).
"""

import numpy as np

from course.recording import Case

TOLERANCES = {"numerical_gradient": {"rtol": 1e-6, "atol": 1e-8}}
# What the items of tuple outputs are called, for the failure messages.
OUTPUT_NAMES = {
    "forward_222": ("out", "cache"),
    "Value": ("data of the result", "grad of each leaf"),
}

PUBLISHED_X = np.array([[0.05], [0.10]])
PUBLISHED_Y = np.array([[0.01], [0.99]])
PUBLISHED = {
    "W1": np.array([[0.15, 0.20], [0.25, 0.30]]),
    "b1": np.array([[0.35], [0.35]]),
    "W2": np.array([[0.40, 0.45], [0.50, 0.55]]),
    "b2": np.array([[0.60], [0.60]]),
}


def _params(rng):
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": rng.normal(0, 1, (2, 1)),
        "W2": rng.normal(0, 1, (2, 2)),
        "b2": rng.normal(0, 1, (2, 1)),
    }


def _forward(x, params):
    """The 2-2-2 forward pass, to build caches that are consistent (h = σ(z1), …)."""
    z1 = params["W1"] @ x + params["b1"]
    h = 1 / (1 + np.exp(-z1))
    z2 = params["W2"] @ h + params["b2"]
    return {"x": x, "z1": z1, "h": h, "z2": z2, "out": 1 / (1 + np.exp(-z2))}


def graph_forward(rng):
    yield Case("whole numbers", (5, 3, 2))
    for label in ("random inputs", "negative inputs", "a zero input"):
        a, b, c = rng.normal(0, 3, 3)
        if label == "negative inputs":
            a, b, c = -abs(a), -abs(b), -abs(c)
        if label == "a zero input":
            b = 0.0
        yield Case(label, (a, b, c))


def graph_backward(rng):
    yield from graph_forward(rng)


def sigmoid(rng):
    yield Case("z = 0", (0.0,))
    yield Case("a random number", (float(rng.normal(0, 3)),))
    yield Case("a vector", (rng.normal(0, 3, 5),))
    yield Case("a (2, 3) matrix", (rng.normal(0, 3, (2, 3)),))
    yield Case("large positive and negative z", (np.array([-30.0, -12.0, 12.0, 30.0]),))


def sigmoid_derivative(rng):
    yield from sigmoid(rng)


def _wiggly(rng):
    """f: array -> number with large second and third derivatives (shortcuts show)."""
    k = rng.uniform(2.0, 4.0)
    return lambda x: float(np.sum(np.sin(k * x)) + 0.5 * np.sum(x**3) + np.prod(x[:2]))


def numerical_gradient(rng):
    for shape in ((3,), (2, 3), (4, 1), (1,)):
        x = rng.normal(0, 1, shape)
        yield Case(f"an array of shape {shape}", (_wiggly(rng), x))
    yield Case("a cubic, eps=0.01", (lambda x: float(np.sum(x**3)), rng.normal(0, 1, 3)),
               {"eps": 1e-2})  # fmt: skip
    yield Case(
        "E of the 2-2-2 net as a function of W2", (_error_of_w2(rng), rng.normal(0, 1, (2, 2)))
    )


def _error_of_w2(rng):
    x, y, params = rng.normal(0, 1, (2, 1)), rng.uniform(0, 1, (2, 1)), _params(rng)

    def error(w2):
        out = _forward(x, {**params, "W2": w2})["out"]
        return float(0.5 * np.sum((y - out) ** 2))

    return error


def forward_222(rng):
    yield Case("the published example", (PUBLISHED_X, PUBLISHED))
    for label in ("random weights", "large weights"):
        scale = 4.0 if label == "large weights" else 1.0
        params = {k: scale * v for k, v in _params(rng).items()}
        yield Case(label, (rng.normal(0, 1, (2, 1)), params))


def backward_222(rng):
    yield Case("the published example", (PUBLISHED_Y, PUBLISHED, _forward(PUBLISHED_X, PUBLISHED)))
    for label in ("random weights", "random weights, other targets", "asymmetric weights"):
        params = _params(rng)
        if label == "asymmetric weights":
            params["W2"] = np.array([[3.0, -0.5], [0.2, -2.0]]) * rng.uniform(0.5, 1.5)
        x, y = rng.normal(0, 1, (2, 1)), rng.uniform(0, 1, (2, 1))
        yield Case(label, (y, params, _forward(x, params)))


def sgd_step(rng):
    for lr in (0.5, 0.01, 1.7):
        params = _params(rng)
        grads = {f"d{k}": rng.normal(0, 1, v.shape) for k, v in params.items()}
        yield Case(f"learning rate {lr}", (params, grads, lr))


# --- Value: programs over a few leaves --------------------------------------------------


def _run_program(Value):
    """The callable the Value cases call: build the program's graph, back-propagate."""

    def run(leaves, ops):
        nodes = [Value(x) for x in leaves]
        for op, i, j in ops:
            a = nodes[i]
            if op == "add":
                nodes.append(a + nodes[j])
            elif op == "mul":
                nodes.append(a * nodes[j])
            elif op == "add_number":
                nodes.append(a + j)
            elif op == "mul_number":
                nodes.append(a * j)
            else:
                nodes.append(a.sigmoid())
        nodes[-1].backward()
        return nodes[-1].data, [leaf.grad for leaf in nodes[: len(leaves)]]

    return run


ADAPTERS = {"Value": _run_program}


def Value(rng):  # noqa: N802 (named like the graded class)
    seed_graph = [("mul", 1, 2), ("add", 0, 3), ("mul_number", 4, 3.0)]
    yield Case("J = 3(a + bc)", ([5.0, 3.0, 2.0], seed_graph))
    yield Case(
        "a node used twice: a·a + a", ([float(rng.normal())], [("mul", 0, 0), ("add", 1, 0)])
    )
    # a leaf added to itself: both of the sum's gradients land on one node (= instead of +=
    # in __add__ alone shows here); a fixed number, so the cases after it draw the same ones
    yield Case("a node added to itself: a + a", ([1.5], [("add", 0, 0)]))
    shared = [("mul", 0, 1), ("add", 2, 0), ("mul", 2, 3), ("sigmoid", 4, None)]
    yield Case("a shared inner node", ([float(v) for v in rng.normal(0, 1, 2)], shared))
    inner = [("mul", 0, 1), ("sigmoid", 3, None), ("add", 4, 2), ("sigmoid", 5, None)]
    yield Case("a sigmoid inside the graph", ([float(v) for v in rng.normal(0, 1, 3)], inner))
    for k in range(3):
        yield Case(f"a random expression ({k + 1})", _random_program(rng))
    # one operation alone shows its local derivative: a product's two factors trade places,
    # and the slope of a sigmoid is positive (an input below 0 tells s (1 - s) from x (1 - x))
    yield Case(
        "a product of two leaves", ([float(v) for v in rng.normal(0, 1, 2)], [("mul", 0, 1)])
    )
    yield Case(
        "the sigmoid of one leaf", ([-1.5 - abs(float(rng.normal()))], [("sigmoid", 0, None)])
    )


def _random_program(rng):
    """A few leaves and 6–9 operations on earlier nodes, reusing nodes freely."""
    n_leaves = int(rng.integers(2, 4))
    leaves = [float(v) for v in rng.normal(0, 1, n_leaves)]
    ops = []
    for _ in range(int(rng.integers(6, 10))):
        count = n_leaves + len(ops)
        i, j = (int(v) for v in rng.integers(0, count, 2))
        op = ["add", "mul", "add_number", "mul_number", "sigmoid"][int(rng.integers(0, 5))]
        if op in ("add_number", "mul_number"):
            j = float(np.round(rng.normal(0, 1), 3))
        ops.append((op, i, j if op != "sigmoid" else None))
    ops.append(("sigmoid", n_leaves + len(ops) - 1, None))  # keep the output bounded
    return leaves, ops
