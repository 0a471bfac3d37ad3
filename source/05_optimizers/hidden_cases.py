"""Hidden cases for 05_optimizers (grader only: listed in nbgrader's ignore, never released).

One generator per graded function, named like it, yielding `Case(label, args, kwargs)`.
Labels describe the kind of case, never its numbers. Parameters have random depths (one to
four layers) and small random shapes; gradients may carry extra `dA` entries, as a backward
pass returns them.

Optimizers keep state, so their cases run **several steps in a row** (the `ADAPTERS` below
feed each step the parameters and state the previous step returned, with Adam's t counting
from the case's first step) and record the parameters and the state after every step: a
state that is not updated, not returned, or corrected in place shows at step 2.
`random_mini_batches` is random: its adapter records what every correct shuffle has in
common (the sizes, every column once, X and Y columns still paired, shuffled, reproducible
from the seed, another seed giving another shuffle), never the order itself.
`initialize_adam` must return two separate states: its adapter can change v's arrays in place
before recording s, as an in-place Adam step would.
"""

import copy

import numpy as np

from course.recording import Case

OUTPUT_NAMES = {"initialize_adam": ("v", "s")}


# --- adapters ----------------------------------------------------------------------------


def _steps(update, state_names):
    """Run `update` once per gradient dict; record the parameters and state after each step.

    The callable takes (parameters, grads_per_step, state, *hyper, t0=None): state is a
    tuple of dicts (v, or s, or v and s); with t0, step k passes t = t0 + k.
    """

    def run(parameters, grads_per_step, state, hyper, t0=None):
        record = {}
        for k, grads in enumerate(grads_per_step):
            args = (parameters, grads, *state)
            if t0 is not None:
                args += (t0 + k,)
            result = update(*args, *hyper)
            if not isinstance(result, tuple) or len(result) != 1 + len(state_names):
                return {f"after step {k + 1}": result}
            parameters, *state = result
            # the state first: a wrong average shows as itself, not only through the step
            step = {**dict(zip(state_names, state, strict=True)), "parameters": parameters}
            record[f"after step {k + 1}"] = copy.deepcopy(step)
        return record

    return run


def _batches_summary(random_mini_batches):
    """What every correct split of (X, Y) into mini-batches has, whatever its shuffle.

    Every summary has the same keys (False where a property cannot hold), so a message names
    the first property that differs, in this order, never a "missing key".
    """

    def run(X, Y, mini_batch_size, seed):
        summary = dict.fromkeys(_PROPERTIES, False)
        batches = random_mini_batches(X, Y, mini_batch_size, seed)
        if not isinstance(batches, list | tuple) or not all(
            isinstance(b, list | tuple) and len(b) == 2 for b in batches
        ):
            return summary
        X_parts = [np.asarray(b[0]) for b in batches]
        Y_parts = [np.asarray(b[1]) for b in batches]
        summary["a list of (mini_batch_X, mini_batch_Y) pairs"] = True
        summary["shapes of the mini_batch_X"] = [x.shape for x in X_parts]
        summary["shapes of the mini_batch_Y"] = [y.shape for y in Y_parts]
        if any(x.ndim != 2 or x.shape[0] != X.shape[0] for x in X_parts) or any(
            y.ndim != 2 or y.shape[0] != 1 or y.shape[1] != x.shape[1]
            for x, y in zip(X_parts, Y_parts, strict=True)
        ):
            return summary  # the shapes already tell what is wrong
        m = X.shape[1]
        ids = np.concatenate([x[0] for x in X_parts]) if X_parts else np.array([])
        # row 0 of X holds each column's number, so the columns can be followed
        summary["every column exactly once"] = sorted(ids.tolist()) == list(range(m))
        if np.all((ids == np.round(ids)) & (ids >= 0) & (ids < m)):
            order = ids.astype(int)
            summary["X columns kept whole"] = bool(
                np.array_equal(np.concatenate(X_parts, axis=1), X[:, order])
            )
            summary["each Y still with its X"] = bool(
                np.array_equal(np.concatenate(Y_parts, axis=1), Y[:, order])
            )
            summary["shuffled"] = m < 8 or not np.array_equal(order, np.arange(order.size))
        again = random_mini_batches(X, Y, mini_batch_size, seed)
        summary["the same seed gives the same mini-batches"] = _same(batches, again)
        # m >= 8 columns have over 40 000 orders: two seeds giving the same one is no accident
        other = random_mini_batches(X, Y, mini_batch_size, seed + 1)
        summary["another seed gives other mini-batches"] = m < 8 or not _same(batches, other)
        return summary

    return run


_PROPERTIES = (
    "a list of (mini_batch_X, mini_batch_Y) pairs",
    "shapes of the mini_batch_X",
    "shapes of the mini_batch_Y",
    "every column exactly once",
    "X columns kept whole",
    "each Y still with its X",
    "shuffled",
    "the same seed gives the same mini-batches",
    "another seed gives other mini-batches",
)


def _same(batches, others):
    return len(batches) == len(others) and all(
        np.array_equal(np.asarray(a[0]), np.asarray(b[0]))
        for a, b in zip(batches, others, strict=True)
    )


def _separate_states(initialize_adam):
    """initialize_adam's (v, s); with change_v, s is recorded after v's arrays were changed.

    An Adam step that updates v in place (v[key] *= beta1 ...) would then change s too if
    the two share their arrays, or are one dict: that shows as an s that is not zero.
    """

    def run(parameters, change_v=False):
        result = initialize_adam(parameters)
        if not change_v or not isinstance(result, tuple) or len(result) != 2:
            return result
        v, s = result
        recorded_v = copy.deepcopy(v)
        for value in v.values() if isinstance(v, dict) else ():
            if isinstance(value, np.ndarray) and value.flags.writeable:
                value[...] = 1  # what an in-place update of v does to its arrays
        return recorded_v, s

    return run


ADAPTERS = {
    "random_mini_batches": _batches_summary,
    "initialize_adam": _separate_states,
    "update_parameters_with_momentum": lambda fn: _steps(fn, ("v",)),
    "update_parameters_with_rmsprop": lambda fn: _steps(fn, ("s",)),
    "update_parameters_with_adam": lambda fn: _steps(fn, ("v", "s")),
}


# --- inputs ------------------------------------------------------------------------------


def _parameters(rng, depth, smallest=1):
    sizes = [int(n) for n in rng.integers(smallest, 6, depth + 1)]
    parameters = {}
    for layer in range(1, depth + 1):
        parameters[f"W{layer}"] = rng.normal(0, 1, (sizes[layer], sizes[layer - 1]))
        parameters[f"b{layer}"] = rng.normal(0, 1, (sizes[layer], 1))
    return parameters


def _grads(rng, parameters, scale=1.0, with_dA=True):
    grads = {f"d{key}": rng.normal(0, scale, value.shape) for key, value in parameters.items()}
    if with_dA:
        for layer in range(len(parameters) // 2):
            grads[f"dA{layer}"] = rng.normal(0, 1, (3, 2))
    return grads


def _state(rng, parameters, squared=False):
    """A state dict from earlier steps (not zero); s is never negative."""
    state = {f"d{key}": rng.normal(0, 0.5, value.shape) for key, value in parameters.items()}
    return {key: value**2 for key, value in state.items()} if squared else state


def _zeros(parameters):
    return {f"d{key}": np.zeros_like(value) for key, value in parameters.items()}


def _depth_label(parameters):
    depth = len(parameters) // 2
    return f"{depth} layer{'s' if depth > 1 else ''}"


# --- the cases ---------------------------------------------------------------------------


def update_parameters_with_gd(rng):
    for depth, learning_rate in ((1, 0.1), (2, 0.0075), (3, 1.3), (4, 0.5)):
        parameters = _parameters(rng, depth)
        label = f"{_depth_label(parameters)}, learning rate {learning_rate}"
        yield Case(label, (parameters, _grads(rng, parameters), learning_rate))


def random_mini_batches(rng):
    for n_x, m, size in (
        (3, 148, 64),
        (2, 128, 64),
        (4, 50, 16),
        (2, 10, 64),
        (3, 37, 5),
        (2, 9, 1),
    ):
        X = np.vstack([np.arange(m, dtype=float), rng.normal(0, 1, (n_x - 1, m))])
        Y = (rng.random((1, m)) < 0.5).astype(float)
        label = f"m={m}, mini_batch_size={size}"
        yield Case(label, (X, Y, size, int(rng.integers(0, 1000))))


def initialize_velocity(rng):
    for depth in (1, 2, 4):
        yield Case(f"{depth} layer{'s' if depth > 1 else ''}", (_parameters(rng, depth),))
    # no layer of one unit: every W is shaped unlike its b, and every b unlike its transpose
    yield Case("3 layers of several units", (_parameters(rng, 3, smallest=2),))


def initialize_rmsprop(rng):
    yield from initialize_velocity(rng)


def initialize_adam(rng):
    yield from initialize_velocity(rng)
    yield Case("2 layers, then v's arrays changed in place", (_parameters(rng, 2), True))


def update_parameters_with_momentum(rng):
    runs = ((1, 0.9, 0.1, "zero"), (2, 0.5, 0.01, "zero"), (3, 0.9, 0.3, "earlier"),
            (2, 0.0, 0.1, "earlier"))  # fmt: skip
    for depth, beta, learning_rate, start in runs:
        parameters = _parameters(rng, depth)
        v = _zeros(parameters) if start == "zero" else _state(rng, parameters)
        steps = [_grads(rng, parameters) for _ in range(3)]
        label = (f"{_depth_label(parameters)}, 3 steps from a {start} velocity, beta {beta}, "
                 f"learning rate {learning_rate}")  # fmt: skip
        yield Case(label, (parameters, steps, (v,), (beta, learning_rate)))


def update_parameters_with_rmsprop(rng):
    for depth, beta2, learning_rate, start in ((1, 0.9, 0.01, "zero"), (2, 0.999, 0.001, "zero"),
                                               (3, 0.99, 0.01, "earlier")):  # fmt: skip
        parameters = _parameters(rng, depth)
        s = _zeros(parameters) if start == "zero" else _state(rng, parameters, squared=True)
        steps = [_grads(rng, parameters, scale=rng.choice([0.01, 1.0, 10.0])) for _ in range(3)]
        label = (f"{_depth_label(parameters)}, 3 steps from a {start} average, beta2 {beta2}, "
                 f"learning rate {learning_rate}")  # fmt: skip
        yield Case(label, (parameters, steps, (s,), (beta2, learning_rate)))
    parameters = _parameters(rng, 2)
    steps = [_grads(rng, parameters) for _ in range(2)]
    steps[0]["db1"] = np.zeros_like(steps[0]["db1"])  # a zero gradient on a zero average
    yield Case("a zero gradient, epsilon 1e-4", (parameters, steps, (_zeros(parameters),),
                                                 (0.9, 0.01, 1e-4)))  # fmt: skip


def update_parameters_with_adam(rng):
    # first, gradients not much larger than epsilon: where epsilon goes, and which one, shows
    parameters = _parameters(rng, 2)
    steps = [_grads(rng, parameters, scale=0.01) for _ in range(3)]
    state = (_zeros(parameters), _zeros(parameters))
    yield Case("small gradients, 3 steps from t=1, epsilon 1e-4",
               (parameters, steps, state, (0.01, 0.9, 0.999, 1e-4)), {"t0": 1})  # fmt: skip
    runs = ((1, 1, (0.01, 0.9, 0.999)), (2, 1, (0.001, 0.8, 0.99)), (3, 7, (0.01, 0.9, 0.999)),
            (2, 1, (0.1, 0.5, 0.9)))  # fmt: skip
    for depth, t0, hyper in runs:
        parameters = _parameters(rng, depth)
        if t0 == 1:
            state = (_zeros(parameters), _zeros(parameters))
        else:
            state = (_state(rng, parameters), _state(rng, parameters, squared=True))
        steps = [_grads(rng, parameters) for _ in range(3)]
        label = (f"{_depth_label(parameters)}, 3 steps from t={t0}, learning rate {hyper[0]}, "
                 f"beta1 {hyper[1]}, beta2 {hyper[2]}")  # fmt: skip
        yield Case(label, (parameters, steps, state, hyper), {"t0": t0})
    parameters = _parameters(rng, 1)
    steps = [_grads(rng, parameters) for _ in range(2)]
    state = (_zeros(parameters), _zeros(parameters))
    yield Case("default hyper-parameters, 2 steps from t=1", (parameters, steps, state, ()),
               {"t0": 1})  # fmt: skip


def update_lr(rng):
    for epoch, decay_rate in ((0, 1.0), (1, 1.0), (7, 0.3), (100, 0.01), (None, 2.0)):
        learning_rate0 = float(rng.uniform(0.001, 0.5))
        label = f"epoch {epoch}" if epoch is not None else "a random epoch"
        epoch = int(rng.integers(2, 50)) if epoch is None else epoch
        yield Case(f"{label}, decay rate {decay_rate}", (learning_rate0, epoch, decay_rate))


def schedule_lr_decay(rng):
    cases = ((0, 1.0, 1000), (999, 1.0, 1000), (1000, 1.0, 1000), (2500, 0.5, 1000), (35, 0.3, 10),
             (7, 2.0, 3))  # fmt: skip
    for epoch, decay_rate, interval in cases:
        learning_rate0 = float(rng.uniform(0.001, 0.5))
        label = f"epoch {epoch}, decay rate {decay_rate}, every {interval} epochs"
        yield Case(label, (learning_rate0, epoch, decay_rate), {"time_interval": interval})
    yield Case("default time_interval, epoch 3000", (0.1, 3000, 1.0))
