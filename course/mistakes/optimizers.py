"""Known mistakes in notebook 05 (mini-batches, momentum, RMSprop, Adam, decay), by signatures.

The optimizers' cases run several steps in a row and record, after every step, the state
(v, s) and the parameters (`_steps` in the hidden cases). Their signatures are relations of
the state with the expected state (a constant factor after the first step from a zero
state, the input state returned unchanged), or of the steps the parameters took with the
expected steps: a constant factor, or the denominator a step implies (the learning rate ×
the right numerator, divided by the step) against the expected average, which tells where
epsilon went. No signature computes a wrong update from the case's inputs.
"""

import numpy as np

from course.mistakes import (
    Mistake,
    Raised,
    both,
    equal_to_item,
    every,
    fits,
    keys_renamed,
    missing_keys,
    only_differs,
    part,
    raised,
    scaled,
    shaped,
)
from course.mistakes.updates import biases_unchanged, last_layer_unchanged, steps_relate

# --- update_parameters_with_gd -----------------------------------------------------------


def _gd_two_layers(got, expected, case):
    """A KeyError for one layer, right on layers 1 and 2 and nothing deeper for more."""
    L = len(case.args[0]) // 2
    if isinstance(got, Raised):
        return L < 2 and any(f"KeyError: '{p}2'" in got.message for p in ("W", "b", "dW", "db"))
    if L <= 2:
        return None
    first_two = {"W1", "b1", "W2", "b2"}
    return set(got) == first_two and all(np.allclose(got[k], expected[k]) for k in first_two)


_gd_two_layers.reads_errors = True


# --- random_mini_batches (its cases record a summary of properties) ----------------------

X_SHAPES = "shapes of the mini_batch_X"
Y_SHAPES = "shapes of the mini_batch_Y"
ONCE = "every column exactly once"
WHOLE = "X columns kept whole"
PAIRED = "each Y still with its X"
SHUFFLED = "shuffled"
SAME_SEED = "the same seed gives the same mini-batches"
OTHER_SEED = "another seed gives other mini-batches"


def _sizes(summary):
    return [int(shape[1]) for shape in summary[X_SHAPES]]


def _last_dropped(got, expected, case):
    mine, right = _sizes(got), _sizes(expected)
    return (mine == right[:-1]) if right else None


def _last_full_size(got, expected, case):
    size = case.args[2]
    mine, right = _sizes(got), _sizes(expected)
    if not right or right[-1] >= size:
        return None
    return len(mine) == len(right) and mine[:-1] == right[:-1] and mine[-1] == size


def _one_column_too_many(got, expected, case):
    mine, right = _sizes(got), _sizes(expected)
    if len(right) < 2:
        return None
    return (
        len(mine) == len(right)
        and mine[:-1] == [n + 1 for n in right[:-1]]
        and mine[-1] == right[-1]
    )


def _as_many_columns_as_rows(got, expected, case):
    n_x, m = np.shape(case.args[0])
    if n_x == m:
        return None
    return sum(_sizes(got)) == n_x


def _columns_broken(got, expected, case):
    """Right shapes, but the columns are not X's own columns, each once (rows shuffled)."""
    if list(got[X_SHAPES]) != list(expected[X_SHAPES]):
        return False
    if not got[ONCE] or not got[WHOLE]:
        return True
    # the rows' shuffle may have left X as it was: that case cannot tell
    intact = {ONCE, WHOLE, PAIRED, SAME_SEED}
    return None if all(got[k] == expected[k] for k in intact) else False


# --- the initialisations -----------------------------------------------------------------


def _values_all(test):
    """Every array of a dict output passes test(array, expected array); same keys."""

    def relation(got, expected, case):
        if not isinstance(got, dict) or set(got) != set(expected):
            return False
        return all(test(got[k], np.asarray(expected[k])) for k in expected)

    return relation


def _all_zero_numbers(got, expected, case):
    if not isinstance(got, dict) or set(got) != set(expected):
        return False
    return all(np.ndim(got[k]) == 0 and got[k] == 0 for k in expected)


def _db_shaped_like_W(got, expected, case):
    parameters = case.args[0]
    L = len(parameters) // 2
    layers = range(1, L + 1)
    if all(parameters[f"W{n}"].shape == parameters[f"b{n}"].shape for n in layers):
        return None
    if set(got) != set(expected):
        return False
    return all(
        np.shape(got[f"db{n}"]) == parameters[f"W{n}"].shape
        and np.shape(got[f"dW{n}"]) == parameters[f"W{n}"].shape
        for n in layers
    )


def _last_layer_missing(got, expected, case):
    L = len(case.args[0]) // 2
    last = {f"dW{L}", f"db{L}"}
    if not isinstance(got, dict) or set(expected) - set(got) != last:
        return False
    return set(got) == set(expected) - last and all(
        np.array_equal(got[k], expected[k]) for k in got
    )


def _same_dict(a, b):
    return (
        isinstance(a, dict)
        and set(a) == set(b)
        and all(np.shape(a[k]) == np.shape(b[k]) and np.allclose(a[k], b[k]) for k in b)
    )


def _a_pair_of(got, expected, case):
    return (
        isinstance(got, tuple | list)
        and len(got) == 2
        and all(_same_dict(x, expected) for x in got)
    )


def _state_entries(function, noun):
    """The mistakes shared by initialize_velocity and initialize_rmsprop."""
    return [
        Mistake(
            function,
            f"{function}_keys_like_parameters",
            f'the {noun} are named like the parameters: their keys are "dW1", "db1", ... '
            '("d" + the parameter\'s name)',
            keys_renamed(lambda k: k[1:]),
        ),
        Mistake(
            function,
            f"{function}_db_like_W",
            'the "db" entries are shaped like W: make each one np.zeros_like(parameters["b" + '
            "str(l)])",
            fits(_db_shaped_like_W),
        ),
        Mistake(
            function,
            f"{function}_number_zero",
            f"the {noun} are the number 0: make arrays of zeros shaped like the parameters "
            "(np.zeros_like)",
            fits(_all_zero_numbers),
        ),
        Mistake(
            function,
            f"{function}_missing_last_layer",
            f"the last layer has no {noun}: loop over the layers 1 ... L, range(1, L + 1)",
            fits(_last_layer_missing),
        ),
        Mistake(
            function,
            f"{function}_flat",
            f"the {noun} are 1-D: shape each like its parameter, np.zeros_like(parameters[key]) "
            "(a W is 2-D and a b is a column)",
            every("d", shaped(lambda s: (s[0],))),
        ),
        Mistake(
            function,
            f"{function}_transposed",
            f"the {noun} have the transposed shapes: shape each like its parameter, not like "
            "its transpose",
            every("d", shaped(lambda s: tuple(s)[::-1])),
        ),
    ]


def _s_changed_with_v(got, expected, case):
    if not (len(case.args) > 1 and case.args[1]):
        return None
    s = got[1]
    return isinstance(s, dict) and set(s) == set(expected[1]) and all(np.all(s[k] == 1) for k in s)


def _small_constant(got, expected, case):
    """Every array holds one and the same small positive number."""
    if not isinstance(got, dict) or set(got) != set(expected):
        return False
    values = [np.asarray(got[k], dtype=float) for k in expected]
    if any(v.shape != np.shape(expected[k]) for v, k in zip(values, expected, strict=True)):
        return False
    c = values[0].flat[0]
    return 0 < c < 1e-4 and all(np.all(v == c) for v in values)


# --- the optimizers: records of several steps --------------------------------------------


def _after(record, k):
    return record[f"after step {k}"]


def _n_steps(case):
    return len(case.args[1])


def _grad(case, k, key):
    return np.asarray(case.args[1][k - 1][f"d{key}"], dtype=float)


def _params_before(record, case, k):
    return case.args[0] if k == 1 else _after(record, k - 1)["parameters"]


def _state_before(record, case, k, name, index):
    return case.args[2][index] if k == 1 else _after(record, k - 1)[name]


def _zero_start(case):
    return all(np.all(np.asarray(x) == 0) for state in case.args[2] for x in state.values())


def _states_right(got, expected, case, names):
    """The state (v and/or s) the student returned is the expected one after every step."""
    for k in range(1, _n_steps(case) + 1):
        for name in names:
            mine, right = _after(got, k)[name], _after(expected, k)[name]
            if set(mine) != set(right):
                return False
            if not all(np.allclose(mine[d], right[d], rtol=1e-6, atol=1e-12) for d in right):
                return False
    return True


def _first_state(name, relation, zero_start=True):
    """relation(mine, right, case) holds for every entry of state `name` after step 1."""

    def test(got, expected, case):
        if zero_start and not _zero_start(case):
            return None
        mine, right = _after(got, 1)[name], _after(expected, 1)[name]
        if set(mine) != set(right):
            return False
        verdicts = [relation(np.asarray(mine[d]), np.asarray(right[d]), case) for d in right]
        if any(v is False for v in verdicts):
            return False
        return True if any(v is True for v in verdicts) else None

    return test


def _times(factor):
    """mine = factor(case) × right, for a factor that is not 1 (None: the case cannot tell)."""

    def relation(mine, right, case):
        k = factor(case)
        if k is None or not np.isfinite(k) or k <= 0 or np.isclose(k, 1.0):
            return None
        if mine.shape != right.shape or not np.any(right != 0):
            return None
        return bool(np.allclose(mine, k * right, rtol=1e-6, atol=1e-12))

    return relation


def _same(mine, right, case):
    return mine.shape == right.shape and bool(np.allclose(mine, right, rtol=1e-6, atol=1e-12))


def _squared_is(k, beta_of):
    """mine² = k (1 - beta) × right: the average grew with the gradient, not its square."""

    def relation(mine, right, case):
        weight = 1 - beta_of(case)
        if mine.shape != right.shape or not np.any(right != 0) or weight <= 0:
            return None
        return bool(np.allclose(mine**2, k * weight * right, rtol=1e-6, atol=1e-15))

    return relation


# --- momentum ----------------------------------------------------------------------------


def _beta(case):
    return case.args[3][0]


def _momentum_first_step_times(factor):
    """From a zero velocity, v and the step after step 1 are factor(case) × the expected."""

    def test(got, expected, case):
        state = _first_state("v", _times(factor))(got, expected, case)
        if state is not True:
            return state
        before = case.args[0]
        mine, right = _after(got, 1)["parameters"], _after(expected, 1)["parameters"]
        k = factor(case)
        return set(mine) == set(right) and all(
            np.allclose(before[p] - mine[p], k * (before[p] - right[p]), rtol=1e-6, atol=1e-12)
            for p in right
        )

    return test


def _momentum_stepped_with(direction):
    """v is right; every step is learning_rate × direction(got, case, k, key)."""

    def test(got, expected, case):
        if not _states_right(got, expected, case, ("v",)):
            return False
        rate = case.args[3][1]
        for k in range(1, _n_steps(case) + 1):
            before, after = _params_before(got, case, k), _after(got, k)["parameters"]
            if set(after) != set(before):
                return False
            for key in before:
                step = np.asarray(before[key]) - np.asarray(after[key])
                if not np.allclose(step, rate * direction(got, case, k, key), atol=1e-12):
                    return False
        return True

    return test


def _the_gradient(got, case, k, key):
    return _grad(case, k, key)


def _the_old_velocity(got, case, k, key):
    return np.asarray(_state_before(got, case, k, "v", 0)[f"d{key}"])


def _velocity_never_changes(got, expected, case):
    v0 = case.args[2][0]
    changed = False
    for k in range(1, _n_steps(case) + 1):
        mine, right = _after(got, k)["v"], _after(expected, k)["v"]
        if set(mine) != set(v0) or not all(np.allclose(mine[d], v0[d]) for d in v0):
            return False
        changed |= not all(np.allclose(right[d], v0[d]) for d in v0)
    return True if changed else None


# --- RMSprop: the denominator a step implies ---------------------------------------------


def _rmsprop_hyper(case):
    beta2, rate, epsilon = (*case.args[3], 1e-8)[:3]
    return beta2, rate, epsilon


def _rmsprop_denominators(got, expected, case):
    """(D, s, s_before) per step, for the entries that moved: D = learning_rate × dW / step.

    None when the returned s is not the expected one (the step cannot be read then).
    """
    if not _states_right(got, expected, case, ("s",)):
        return None
    _, rate, _ = _rmsprop_hyper(case)
    rows = []
    for k in range(1, _n_steps(case) + 1):
        before, after = _params_before(got, case, k), _after(got, k)["parameters"]
        s, s_before = _after(expected, k)["s"], _state_before(got, case, k, "s", 0)
        for key in before:
            grad = _grad(case, k, key)
            step = np.asarray(before[key], dtype=float) - np.asarray(after[key], dtype=float)
            moved = (grad != 0) & (step != 0) & np.isfinite(step)
            if not np.all(np.isfinite(step)):
                return None
            D = rate * grad[moved] / step[moved]
            rows.append(
                (D, np.asarray(s[f"d{key}"])[moved], np.asarray(s_before[f"d{key}"])[moved])
            )
    return rows


def _rmsprop_denominator(test):
    """test(D, s, s_before, epsilon) holds for every entry of every step."""

    def signature(got, expected, case):
        rows = _rmsprop_denominators(got, expected, case)
        if rows is None:
            return False
        epsilon = _rmsprop_hyper(case)[2]
        verdicts = [test(D, s, s_before, epsilon) for D, s, s_before in rows if D.size]
        if any(v is False for v in verdicts):
            return False
        return True if any(v is True for v in verdicts) else None

    return signature


def _close_to(value, target, epsilon, scale, rounding=1e-11):
    """|value - target| is far below epsilon (and the rounding of `scale`)."""
    return bool(np.all(np.abs(value - target) <= 1e-3 * epsilon + rounding * np.abs(scale)))


def _root_holds_epsilon(D, s, epsilon):
    """D² - s is epsilon, judged on the entries where D (read back from the parameters to
    about 10 digits) resolves epsilon; None when none does."""
    readable = 1e-9 * D**2 < 1e-2 * epsilon
    if not np.any(readable):
        return None
    D2 = D[readable] ** 2
    return _close_to(D2 - s[readable], epsilon, epsilon, D2, rounding=1e-9)


def _epsilon_in_root(D, s, s_before, epsilon):
    return _root_holds_epsilon(D, s, epsilon)


def _no_root(D, s, s_before, epsilon):
    # D is read back from a small step off a large parameter: it keeps ~10 digits, not 16
    return _close_to(D - s, epsilon, epsilon, D, rounding=1e-9)


def _old_average(D, s, s_before, epsilon):
    if np.allclose(s, s_before):
        return None
    return _close_to(D - np.sqrt(s_before), epsilon, epsilon, D)


def _epsilon_ignored(D, s, s_before, epsilon):
    if epsilon < 1e-6:
        return None
    return bool(np.all(np.abs(D - np.sqrt(s)) <= epsilon / 10))


# --- Adam --------------------------------------------------------------------------------

_ADAM_DEFAULTS = (0.01, 0.9, 0.999, 1e-8)


def _adam_hyper(case):
    given = tuple(case.args[3])
    return given + _ADAM_DEFAULTS[len(given) :]


def _t0(case):
    return case.kwargs.get("t0", 1)


def _adam_steps(got, expected, case):
    """Per step: t, and per parameter the student's step, the expected step, v̂ and ŝ.

    None when the returned v or s is not the expected one. Stops at the first step whose
    parameters before are not finite (what comes after cannot be read).
    """
    if not _states_right(got, expected, case, ("v", "s")):
        return None
    _, beta1, beta2, _ = _adam_hyper(case)
    steps = []
    for k in range(1, _n_steps(case) + 1):
        t = _t0(case) + k - 1
        mine_before, right_before = _params_before(got, case, k), _params_before(expected, case, k)
        if not all(np.all(np.isfinite(mine_before[p])) for p in mine_before):
            break
        mine_after, right_after = _after(got, k)["parameters"], _after(expected, k)["parameters"]
        v, s = _after(expected, k)["v"], _after(expected, k)["s"]
        rows = []
        for p in right_after:
            rows.append(
                (
                    np.asarray(mine_before[p], dtype=float)
                    - np.asarray(mine_after[p], dtype=float),
                    np.asarray(right_before[p], dtype=float)
                    - np.asarray(right_after[p], dtype=float),
                    np.asarray(v[f"d{p}"]) / (1 - beta1**t),
                    np.asarray(s[f"d{p}"]) / (1 - beta2**t),
                )
            )
        steps.append((t, rows))
    return steps


def _adam_corrected_with(v_divisor, s_divisor):
    """The steps are those of v and s corrected by other divisors (functions of t, β1, β2).

    Where the student's divisors are the right ones the step is right; where one is 0 (or
    s's is negative) the parameters are not numbers; elsewhere each step is a constant
    factor times the expected step, judged where epsilon is negligible against √ŝ.
    """

    def test(got, expected, case):
        steps = _adam_steps(got, expected, case)
        if steps is None:
            return False
        _, beta1, beta2, epsilon = _adam_hyper(case)
        told = False
        for t, rows in steps:
            right1, right2 = 1 - beta1**t, 1 - beta2**t
            mine1, mine2 = v_divisor(t, beta1, beta2), s_divisor(t, beta1, beta2)
            if mine1 == 0 or mine2 <= 0:
                if not all(np.all(~np.isfinite(mine)) for mine, _, _, _ in rows):
                    return False
                told = True
                continue
            factor = (right1 / mine1) * np.sqrt(mine2 / right2)
            for mine, right, _, s_hat in rows:
                if np.isclose(factor, 1.0):
                    if not np.allclose(mine, right, rtol=1e-6, atol=1e-12):
                        return False
                    continue
                clear = (epsilon <= 1e-6 * np.sqrt(s_hat)) & (right != 0)
                if not np.any(clear):
                    continue
                if not np.allclose(mine[clear], factor * right[clear], rtol=1e-4, atol=0):
                    return False
                told = True
        return True if told else None

    return test


def _adam_denominator(relation):
    """relation(D, ŝ, epsilon) holds where the step moved; D = learning_rate × v̂ / step."""

    def test(got, expected, case):
        steps = _adam_steps(got, expected, case)
        if steps is None:
            return False
        rate, _, _, epsilon = _adam_hyper(case)
        verdicts = []
        for _, rows in steps:
            for mine, _, v_hat, s_hat in rows:
                moved = (v_hat != 0) & (mine != 0)
                if not np.all(np.isfinite(mine)):
                    return False
                if np.any(moved):
                    verdicts.append(
                        relation(rate * v_hat[moved] / mine[moved], s_hat[moved], epsilon)
                    )
        if any(v is False for v in verdicts):
            return False
        return True if any(v is True for v in verdicts) else None

    return test


def _adam_epsilon_in_root(D, s_hat, epsilon):
    return _root_holds_epsilon(D, s_hat, epsilon)


def _adam_epsilon_ignored(D, s_hat, epsilon):
    if epsilon < 1e-6:
        return None
    return bool(np.all(np.abs(D - np.sqrt(s_hat)) <= epsilon / 10))


def _adam_betas(case):
    return _adam_hyper(case)[1:3]


def _default_betas_used(got, expected, case):
    """Only cases with other betas fail, and the first averages weigh dW as 0.9, 0.999 do."""
    beta1, beta2 = _adam_betas(case)
    if (beta1, beta2) == (0.9, 0.999):
        return False
    if not _zero_start(case):
        return None
    v_ok = _first_state("v", _times(lambda c: 0.1 / (1 - beta1)))(got, expected, case)
    s_ok = _first_state("s", _times(lambda c: 0.001 / (1 - beta2)))(got, expected, case)
    if beta1 == 0.9:
        v_ok = _first_state("v", _same)(got, expected, case)
    if beta2 == 0.999:
        s_ok = _first_state("s", _same)(got, expected, case)
    return v_ok is True and s_ok is True


def _correction(case, which):
    """The right bias correction 1 - beta ** t of the case's first step (which: 1 or 2)."""
    return 1 - _adam_hyper(case)[which] ** _t0(case)


# --- update_lr and schedule_lr_decay -----------------------------------------------------


def _lr_divisor_one_short(got, expected, case):
    """lr0 / got is lr0 / expected - 1; at epoch 0 that divides by zero."""
    lr0, epoch, decay = case.args
    if isinstance(got, Raised):
        return epoch * decay == 0 and "ZeroDivisionError" in got.message
    return bool(np.isclose(lr0 / expected - lr0 / got, 1.0, rtol=1e-9))


_lr_divisor_one_short.reads_errors = True


def _lr_zero_at_start(got, expected, case):
    lr0, epoch, decay = case.args
    if epoch == 0:
        return got == 0
    return got > expected


def _lr_exponential(got, expected, case):
    lr0, epoch, decay = case.args
    if epoch == 0:
        return None
    if decay == 1:
        return bool(np.isclose(got, lr0, rtol=1e-9))
    return got < expected if decay < 1 else got > lr0


def _drops(rate, case):
    """How many drops a rate implies: lr0 / rate = 1 + decay_rate × drops."""
    lr0, _, decay = case.args
    return (lr0 / rate - 1) / decay


def _interval(case):
    return case.kwargs.get("time_interval", 1000)


def _whole(x):
    return abs(x - round(x)) < 1e-6


def _drops_relation(test):
    def signature(got, expected, case):
        if case.args[2] == 0 or not got > 0:
            return None if case.args[2] == 0 else False
        return test(_drops(got, case), _drops(expected, case), case)

    return signature


def _one_drop_early(mine, right, case):
    return bool(np.isclose(mine, right + 1, rtol=1e-9))


def _not_floored(mine, right, case):
    return not _whole(mine) and int(np.floor(mine + 1e-9)) == round(right)


def _drops_every_epoch(mine, right, case):
    return bool(np.isclose(mine, case.args[1], rtol=1e-9))


def _interval_ignored(mine, right, case):
    if _interval(case) == 1000:
        return False
    return _whole(mine) and round(mine) != round(right)


def _remainder(mine, right, case):
    epoch, interval = case.args[1], _interval(case)
    if epoch > 0 and epoch % interval == 0:
        return bool(np.isclose(mine, 0, atol=1e-9))
    return None if _whole(mine) and 0 <= round(mine) < interval else False


MISTAKES = [
    # --- update_parameters_with_gd ---------------------------------------------------------
    Mistake(
        "update_parameters_with_gd",
        "gd_two_layers_only",
        "your update works for exactly two layers: loop over l = 1 ... L, with L = "
        "len(parameters) // 2",
        _gd_two_layers,
    ),
    Mistake(
        "update_parameters_with_gd",
        "gd_over_grads_keys",
        "grads also holds dA0, dA1, ...: loop over the layers l = 1 ... L (L = len(parameters) "
        "// 2), not over the keys of grads",
        raised("KeyError: 'A"),
    ),
    Mistake(
        "update_parameters_with_gd",
        "gd_uphill",
        "the parameters moved uphill: subtract learning_rate × gradient, do not add it",
        fits(steps_relate(lambda mine, right, rate: mine + right)),
    ),
    Mistake(
        "update_parameters_with_gd",
        "gd_no_rate",
        "the step is not scaled by the learning rate: W - learning_rate * dW",
        fits(steps_relate(lambda mine, right, rate: mine * rate - right)),
    ),
    Mistake(
        "update_parameters_with_gd",
        "gd_missing_last_layer",
        "the last layer was not updated: loop over the layers 1 ... L, range(1, L + 1)",
        fits(last_layer_unchanged),
    ),
    Mistake(
        "update_parameters_with_gd",
        "gd_no_biases",
        "the biases were not updated: update every b as well as every W",
        fits(biases_unchanged),
    ),
    # --- random_mini_batches ---------------------------------------------------------------
    Mistake(
        "random_mini_batches",
        "batches_last_dropped",
        "the last mini-batch is missing: when m is not a multiple of mini_batch_size, keep "
        "the smaller last one with the columns left over",
        fits(_last_dropped),
    ),
    Mistake(
        "random_mini_batches",
        "batches_last_full_size",
        "the last mini-batch has mini_batch_size columns: it should hold only the columns "
        "left over (m % mini_batch_size), so that every column appears exactly once",
        fits(_last_full_size),
    ),
    Mistake(
        "random_mini_batches",
        "batches_overlap",
        "each mini-batch but the last has one column too many, shared with the next: slice "
        "k * mini_batch_size : (k + 1) * mini_batch_size (the end is left out)",
        fits(_one_column_too_many),
    ),
    Mistake(
        "random_mini_batches",
        "batches_m_from_rows",
        "your mini-batches hold as many columns as X has rows: m is X.shape[1], the number "
        "of examples",
        fits(_as_many_columns_as_rows),
    ),
    Mistake(
        "random_mini_batches",
        "batches_labels_parted",
        "the labels left their examples: shuffle X and Y with one and the same permutation",
        only_differs(lambda k: k == PAIRED),
    ),
    Mistake(
        "random_mini_batches",
        "batches_not_shuffled",
        "the columns are in their original order: shuffle them first, with "
        "np.random.default_rng(seed).permutation(m)",
        both(
            only_differs(lambda k: k in (SHUFFLED, OTHER_SEED)),
            fits(lambda g, e, c: not g[SHUFFLED]),
        ),
    ),
    Mistake(
        "random_mini_batches",
        "batches_seed_ignored",
        "the same seed gives other mini-batches: draw the permutation from a generator "
        "seeded with the seed argument, np.random.default_rng(seed)",
        only_differs(lambda k: k == SAME_SEED),
    ),
    Mistake(
        "random_mini_batches",
        "batches_seed_fixed",
        "every seed gives the same mini-batches: seed the shuffle with the seed argument, "
        "not a number of your own",
        only_differs(lambda k: k == OTHER_SEED),
    ),
    Mistake(
        "random_mini_batches",
        "batches_rows_shuffled",
        "the mini-batches' columns are not X's columns: shuffle the order of the columns, "
        "X[:, permutation] with permutation = rng.permutation(m) (rng.shuffle(X) shuffles "
        "the rows)",
        fits(_columns_broken),
    ),
    # --- initialize_velocity, initialize_rmsprop ---------------------------------------------
    *_state_entries("initialize_velocity", "velocities"),
    Mistake(
        "initialize_rmsprop",
        "rmsprop_init_ones",
        "s starts at ones: start it at zeros (epsilon, in the step, keeps the division safe)",
        _values_all(lambda g, e: np.shape(g) == e.shape and bool(np.all(np.asarray(g) == 1))),
    ),
    Mistake(
        "initialize_rmsprop",
        "rmsprop_init_pair",
        "you returned a pair of dicts: RMSprop has one state, return s alone",
        fits(_a_pair_of),
    ),
    Mistake(
        "initialize_rmsprop",
        "rmsprop_init_no_biases",
        'the biases have no average: make a "db" entry for every b as well as a "dW" for every W',
        missing_keys(lambda k: k.startswith("db")),
    ),
    *_state_entries("initialize_rmsprop", "averages"),
    # --- initialize_adam -------------------------------------------------------------------
    Mistake(
        "initialize_adam",
        "adam_init_shared",
        "v and s are one dict (or share their arrays): updating v in place changes s too; "
        "make two separate dicts of zeros",
        fits(_s_changed_with_v),
    ),
    Mistake(
        "initialize_adam",
        "adam_init_one_dict",
        "you returned one dict: return the pair v, s (two dicts of zeros)",
        fits(lambda g, e, c: isinstance(g, dict) and equal_to_item(0)(g, e, c)),
    ),
    Mistake(
        "initialize_adam",
        "adam_init_dict_of_both",
        'you returned a dict {"v": ..., "s": ...}: return the tuple v, s',
        fits(lambda g, e, c: isinstance(g, dict) and set(g) == {"v", "s"}),
    ),
    Mistake(
        "initialize_adam",
        "adam_init_s_keys",
        's is named like the parameters: its keys are "dW1", "db1", ..., like v\'s',
        both(
            part((1,), keys_renamed(lambda k: k[1:])),
            part((0,), fits(lambda g, e, c: _same_dict(g, e))),
        ),
    ),
    Mistake(
        "initialize_adam",
        "adam_init_s_epsilon",
        "s starts at a small number: start it at zeros (epsilon belongs in the step's "
        "denominator, not in s)",
        part((1,), fits(_small_constant)),
    ),
    # --- update_parameters_with_momentum ---------------------------------------------------
    Mistake(
        "update_parameters_with_momentum",
        "momentum_betas_swapped",
        "beta and 1 - beta are swapped: v = beta * v + (1 - beta) * dW, beta weighs the old "
        "velocity",
        fits(_momentum_first_step_times(lambda c: _beta(c) / (1 - _beta(c)))),
    ),
    Mistake(
        "update_parameters_with_momentum",
        "momentum_no_one_minus_beta",
        "v grows 1 / (1 - beta) times too large: weigh the gradient by (1 - beta), v = beta "
        "* v + (1 - beta) * dW",
        fits(_momentum_first_step_times(lambda c: 1 / (1 - _beta(c)))),
    ),
    Mistake(
        "update_parameters_with_momentum",
        "momentum_v_not_returned",
        "the velocity you return never changes: return the new v, not the v you were given",
        fits(_velocity_never_changes),
    ),
    Mistake(
        "update_parameters_with_momentum",
        "momentum_step_with_gradient",
        "v is right but the step uses the raw gradient: step with the new velocity, W - "
        "learning_rate * v",
        fits(_momentum_stepped_with(_the_gradient)),
    ),
    Mistake(
        "update_parameters_with_momentum",
        "momentum_step_with_old_v",
        "the step used the velocity from before this step: update v first, then step with "
        "the new v",
        fits(_momentum_stepped_with(_the_old_velocity)),
    ),
    # --- update_parameters_with_rmsprop ----------------------------------------------------
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_not_squared",
        "s grows with dW, not dW²: square the gradient, (1 - beta2) * dW ** 2",
        fits(_first_state("s", _squared_is(1, lambda c: _rmsprop_hyper(c)[0]))),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_doubled",
        "s grows with 2 dW, not dW²: dW * 2 doubles the gradient, dW ** 2 squares it",
        fits(_first_state("s", _squared_is(4, lambda c: _rmsprop_hyper(c)[0]))),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_betas_swapped",
        "beta2 and 1 - beta2 are swapped: s = beta2 * s + (1 - beta2) * dW ** 2, beta2 "
        "weighs the old average",
        fits(
            _first_state("s", _times(lambda c: _rmsprop_hyper(c)[0] / (1 - _rmsprop_hyper(c)[0])))
        ),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_epsilon_in_root",
        "epsilon went inside the square root: divide by np.sqrt(s) + epsilon",
        fits(_rmsprop_denominator(_epsilon_in_root)),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_no_root",
        "the step divides by s itself: divide by its square root, np.sqrt(s) + epsilon",
        fits(_rmsprop_denominator(_no_root)),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_old_s",
        "the step divided by the root of the old s: update s first, then step with the new s",
        fits(_rmsprop_denominator(_old_average)),
    ),
    Mistake(
        "update_parameters_with_rmsprop",
        "rmsprop_epsilon_ignored",
        "the step does not use the epsilon argument: divide by np.sqrt(s) + epsilon, with "
        "the epsilon passed in",
        fits(_rmsprop_denominator(_epsilon_ignored)),
    ),
    # --- update_parameters_with_adam -------------------------------------------------------
    Mistake(
        "update_parameters_with_adam",
        "adam_corrected_in_place",
        "v and s were bias-corrected in place: return them raw, and correct copies "
        "(v_corrected, s_corrected) for the step",
        both(
            part(("after step 1", "v"), every("d", scaled(lambda c: 1 / _correction(c, 1)))),
            part(("after step 1", "s"), every("d", scaled(lambda c: 1 / _correction(c, 2)))),
            part(("after step 1", "parameters"), fits(lambda g, e, c: _same_dict(g, e))),
        ),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_default_betas",
        "only the cases with betas other than 0.9 and 0.999 go wrong: use the beta1 and "
        "beta2 arguments",
        fits(_default_betas_used),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_v_betas_swapped",
        "beta1 and 1 - beta1 are swapped: v = beta1 * v + (1 - beta1) * dW, beta1 weighs the "
        "old average",
        both(
            fits(_first_state("v", _times(lambda c: _adam_betas(c)[0] / (1 - _adam_betas(c)[0])))),
            fits(_first_state("s", _same)),
        ),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_not_squared",
        "s grows with |dW|, not dW²: square the gradient, (1 - beta2) * dW ** 2",
        both(
            fits(_first_state("s", _squared_is(1, lambda c: _adam_betas(c)[1]))),
            fits(_first_state("v", _same)),
        ),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_no_correction",
        "the step is not bias-corrected: divide v by (1 - beta1 ** t) and s by (1 - beta2 "
        "** t) before the step",
        fits(_adam_corrected_with(lambda t, b1, b2: 1.0, lambda t, b1, b2: 1.0)),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_t_plus_one",
        "the corrections use t + 1: t is already the number of this update (1 for the first), "
        "so divide by 1 - beta ** t",
        fits(
            _adam_corrected_with(
                lambda t, b1, b2: 1 - b1 ** (t + 1), lambda t, b1, b2: 1 - b2 ** (t + 1)
            )
        ),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_t_minus_one",
        "the corrections use t - 1, so the first step divides by 1 - beta ** 0 = 0: t is "
        "already the number of this update, divide by 1 - beta ** t",
        fits(
            _adam_corrected_with(
                lambda t, b1, b2: 1 - b1 ** (t - 1), lambda t, b1, b2: 1 - b2 ** (t - 1)
            )
        ),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_times_t",
        "the step is right at t = 1 and not a number from t = 2: the corrections are "
        "1 - beta ** t (a power), not 1 - beta * t",
        fits(_adam_corrected_with(lambda t, b1, b2: 1 - b1 * t, lambda t, b1, b2: 1 - b2 * t)),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_s_corrected_with_beta1",
        "s was corrected with beta1: s_corrected = s / (1 - beta2 ** t)",
        fits(_adam_corrected_with(lambda t, b1, b2: 1 - b1**t, lambda t, b1, b2: 1 - b1**t)),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_epsilon_in_root",
        "epsilon went inside the square root: add it to the root of s_corrected, not under it",
        fits(_adam_denominator(_adam_epsilon_in_root)),
    ),
    Mistake(
        "update_parameters_with_adam",
        "adam_epsilon_ignored",
        "the step does not use the epsilon argument: add the epsilon passed in to the root "
        "of s_corrected",
        fits(_adam_denominator(_adam_epsilon_ignored)),
    ),
    # --- update_lr -------------------------------------------------------------------------
    Mistake(
        "update_lr",
        "lr_no_one",
        "the divisor lacks its 1: learning_rate0 / (1 + decay_rate * epoch_num), so that "
        "epoch 0 keeps learning_rate0",
        _lr_divisor_one_short,
    ),
    Mistake(
        "update_lr",
        "lr_multiplied",
        "the rate was multiplied by 1 + decay_rate * epoch_num: divide learning_rate0 by it",
        fits(lambda g, e, c: bool(np.isclose(g * e, c.args[0] ** 2, rtol=1e-9))),
    ),
    Mistake(
        "update_lr",
        "lr_grows",
        "your rate grows above learning_rate0: the whole 1 + decay_rate * epoch_num divides "
        "it, learning_rate0 / (1 + decay_rate * epoch_num), in parentheses",
        fits(lambda g, e, c: e < c.args[0] < g),
    ),
    Mistake(
        "update_lr",
        "lr_parenthesis_early",
        "your rate is 0 at epoch 0 and grows with the epoch: close the parenthesis after "
        "the epoch, learning_rate0 / (1 + decay_rate * epoch_num)",
        fits(_lr_zero_at_start),
    ),
    Mistake(
        "update_lr",
        "lr_exponential",
        "your rate decays exponentially (decay_rate ** epoch_num): the inverse decay is "
        "learning_rate0 / (1 + decay_rate * epoch_num)",
        fits(_lr_exponential),
    ),
    # --- schedule_lr_decay -----------------------------------------------------------------
    Mistake(
        "schedule_lr_decay",
        "schedule_rounded",
        "the rate has one drop too many, as if epoch_num / time_interval were rounded up: "
        "take its floor, epoch_num // time_interval",
        fits(_drops_relation(_one_drop_early)),
    ),
    Mistake(
        "schedule_lr_decay",
        "schedule_no_floor",
        "the rate drops a little at every epoch: it drops only every time_interval epochs, "
        "so take the floor of epoch_num / time_interval",
        fits(_drops_relation(_not_floored)),
    ),
    Mistake(
        "schedule_lr_decay",
        "schedule_every_epoch",
        "the rate drops at every epoch: it drops once every time_interval epochs, "
        "epoch_num // time_interval times",
        fits(_drops_relation(_drops_every_epoch)),
    ),
    Mistake(
        "schedule_lr_decay",
        "schedule_interval_ignored",
        "only the cases with a time_interval other than 1000 go wrong: use the "
        "time_interval argument",
        fits(_drops_relation(_interval_ignored)),
    ),
    Mistake(
        "schedule_lr_decay",
        "schedule_remainder",
        "your rate jumps back to learning_rate0 at every multiple of time_interval: count "
        "the drops with the quotient epoch_num // time_interval, not the remainder %",
        fits(_drops_relation(_remainder)),
    ),
]
