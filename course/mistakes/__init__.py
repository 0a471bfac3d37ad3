"""Name the likely mistake behind a wrong answer, from how it relates to the right one.

Every course says "wrong output"; this package says which mistake the wrong output looks
like. A catalogue (one module per notebook, named like it: `course.mistakes.two_layer_cat`)
lists, for each graded function, the known mistakes as `Mistake` entries: a key, the
sentence that names the mistake, and its *signature*, a relation between the student's
output and the expected one on a hidden case:

- a constant factor (`scaled`: dW is exactly m times too large; `negated`: the sign is
  flipped),
- a transpose, a shape (`transposed`, `shaped`: (7,) instead of (7, 1)),
- a shift or a length (`shifted`, `length_off`: one step too few),
- which items or entries differ (`swapped`, `only_differs`, `unchanged`, `keys_renamed`).

Relations only: no entry re-computes the wrong answer from the inputs, so nothing here is
code a student could repair into a solution, and no entry reveals the expected values.

A signature is a function (got, expected, case) -> True (the relation holds), False (it does
not) or None (this case cannot tell). `diagnose` names an entry when its signature holds on
at least one failing hidden case and fails on none; the first such entry of the function's
list wins, so put the most specific entries first. Each entry is also what a bug of the test
corpus (`tests/corpus/`) names, so one entry both proves the grader catches the mistake and
diagnoses it.
"""

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

RTOL, ATOL = 1e-6, 1e-9


@dataclass(frozen=True)
class Mistake:
    """A known mistake in graded function `function`, recognised by `signature`."""

    function: str
    key: str  # short and stable: what a corpus bug names
    says: str  # the sentence shown to the student
    signature: Callable  # (got, expected, case) -> True / False / None


def catalogue(notebook):
    """The Mistake entries of `notebook` (e.g. "two_layer_cat"), or [] if it has none."""
    try:
        module = importlib.import_module(f"course.mistakes.{notebook}")
    except ModuleNotFoundError:
        return []
    return list(module.MISTAKES)


def diagnose(mistakes, function, failing):
    """The first entry of `function` whose signature fits every failing case it can judge.

    failing: list of (got, expected, case) for the hidden cases that failed; got is a
        `Raised` when the function raised an error on that case.
    Returns the Mistake, or None when no known signature fits.
    """
    for mistake in mistakes:
        if mistake.function != function:
            continue
        verdicts = [
            _safe(mistake.signature, got, expected, case) for got, expected, case in failing
        ]
        if any(v is True for v in verdicts) and not any(v is False for v in verdicts):
            return mistake
    return None


def _safe(signature, got, expected, case):
    if isinstance(got, Raised) and not _reads_errors(signature):
        return False
    try:
        with np.errstate(all="ignore"):
            result = signature(got, expected, case)
    except Exception:  # a signature that cannot read this output cannot tell
        return None
    return None if result is None else bool(result)


# --- where in the output ---------------------------------------------------------------


def _reads_errors(signature):
    return getattr(signature, "reads_errors", False)


def part(path, relation):
    """The relation applied to one part of the outputs: path is a sequence of keys/indices."""

    def signature(got, expected, case):
        for step in path:
            if not _has(expected, step):
                return None
            if not _has(got, step):
                return False
            got, expected = got[step], expected[step]
        return relation(got, expected, case)

    return signature


def every(prefix, relation):
    """The relation on every item of a dict output whose key starts with `prefix`."""

    def signature(got, expected, case):
        if not isinstance(expected, Mapping) or not isinstance(got, Mapping):
            return None
        keys = [k for k in expected if str(k).startswith(prefix)]
        if not keys or any(k not in got for k in keys):
            return None
        verdicts = [relation(got[k], expected[k], case) for k in keys]
        if any(v is False for v in verdicts):
            return False
        return True if any(v is True for v in verdicts) else None

    return signature


def both(*signatures):
    """All the signatures hold (None if one cannot tell and none fails)."""

    def signature(got, expected, case):
        verdicts = [s(got, expected, case) for s in signatures]
        if any(v is False for v in verdicts):
            return False
        return True if all(v is True for v in verdicts) else None

    return signature


def _has(container, step):
    if isinstance(container, Mapping):
        return step in container
    if isinstance(container, list | tuple):
        return isinstance(step, int) and -len(container) <= step < len(container)
    return False


# --- relations between a part of the output and the expected part -----------------------


def scaled(factor):
    """got = factor × expected everywhere; factor is a number or a function of the case."""

    def relation(got, expected, case):
        e, g = _arrays(got, expected)
        if e is None or g.shape != e.shape or not np.any(np.abs(e) > ATOL):
            return None
        k = factor(case) if callable(factor) else factor
        if np.isclose(k, 1.0):
            return None
        return bool(np.allclose(g, k * e, rtol=RTOL, atol=ATOL))

    return relation


def negated():
    """got = -expected everywhere: the sign is flipped."""
    return scaled(-1.0)


def transposed():
    """got is the expected matrix transposed (and the shapes differ)."""

    def relation(got, expected, case):
        e, g = _arrays(got, expected)
        if e is None or e.ndim != 2 or e.shape[0] == e.shape[1]:
            return None
        return g.shape == e.T.shape and bool(np.allclose(g, e.T, rtol=RTOL, atol=ATOL))

    return relation


def shaped(expected_to_got):
    """got has the shape expected_to_got(expected.shape), where the two shapes differ."""

    def relation(got, expected, case):
        e, g = _arrays(got, expected)
        if e is None:
            return None
        wrong = tuple(expected_to_got(e.shape))
        if wrong == e.shape:
            return None
        return g.shape == wrong

    return relation


def a_number_wanted():
    """The expected output is one number and got is an array of several or of shape (1, 1)."""

    def relation(got, expected, case):
        if not _is_number(expected):
            return None
        return isinstance(got, np.ndarray) and got.ndim > 0

    return relation


def length_off(difference):
    """got is a sequence with len(expected) + difference items."""

    def relation(got, expected, case):
        if not _is_sequence(expected) or len(expected) + difference < 0:
            return None
        return _is_sequence(got) and len(got) == len(expected) + difference

    return relation


def shifted(offset):
    """got's items are expected's moved by offset: got[i] = expected[i + offset]."""

    def relation(got, expected, case):
        if not _is_sequence(expected) or not _is_sequence(got) or len(expected) < 2:
            return None
        n = min(len(got), len(expected)) - abs(offset)
        if n < 1:
            return None
        if offset >= 0:
            pairs = zip(got[:n], expected[offset : offset + n], strict=True)
        else:
            pairs = zip(got[-offset : -offset + n], expected[:n], strict=True)
        return all(_close(g, e) for g, e in pairs)

    return relation


def only_last():
    """A sequence in which got is the last expected item alone."""

    def relation(got, expected, case):
        if not _is_sequence(expected) or len(expected) < 2:
            return None
        return _close(got, expected[-1])

    return relation


def swapped(i, j):
    """A tuple output with items i and j exchanged (and the two differ)."""

    def relation(got, expected, case):
        if not _is_sequence(expected) or not _is_sequence(got) or len(got) != len(expected):
            return None
        if _close(expected[i], expected[j]):
            return None
        others = [k for k in range(len(expected)) if k not in (i, j)]
        return (
            _close(got[i], expected[j])
            and _close(got[j], expected[i])
            and all(_close(got[k], expected[k]) for k in others)
        )

    return relation


def only_differs(keys):
    """A dict output that matches except at `keys` (a function key -> bool), where it differs."""

    def relation(got, expected, case):
        if not isinstance(expected, Mapping) or not isinstance(got, Mapping):
            return None
        if set(got) != set(expected):
            return False
        wrong = {k for k in expected if not _close(got[k], expected[k])}
        if not wrong:
            return None
        return all(keys(k) for k in wrong)

    return relation


def unchanged(from_input):
    """got equals an input of the case (from_input(case)): the function changed nothing."""

    def relation(got, expected, case):
        original = from_input(case)
        if _close(original, expected):
            return None
        return _close(got, original)

    return relation


def keys_renamed(rename):
    """A dict output whose keys are rename(expected key), with the expected values."""

    def relation(got, expected, case):
        if not isinstance(expected, Mapping) or not isinstance(got, Mapping):
            return None
        renamed = {rename(k): v for k, v in expected.items()}
        if set(renamed) == set(expected) or set(got) != set(renamed):
            return False
        return all(_close(got[k], v) for k, v in renamed.items())

    return relation


def missing_keys(which):
    """A dict output that lacks exactly the expected keys for which which(key) is true."""

    def relation(got, expected, case):
        if not isinstance(expected, Mapping) or not isinstance(got, Mapping):
            return None
        missing = set(expected) - set(got)
        return bool(missing) and missing == {k for k in expected if which(k)}

    return relation


def equal_to_item(index):
    """got is the expected output's item `index` (e.g. a dict where a pair was wanted)."""

    def relation(got, expected, case):
        if not _is_sequence(expected):
            return None
        return _close(got, expected[index])

    return relation


def near(value, rtol=0.15):
    """got is a number within rtol of `value` (for summaries such as a measured spread)."""

    def relation(got, expected, case):
        if not _is_number(got):
            return False
        return bool(np.isclose(float(got), value, rtol=rtol, atol=rtol * 0.1))

    return relation


def fits(test):
    """A relation given as test(got, expected, case) -> bool or None, for one function's needs.

    Use it for relations between outputs and inputs (which entries were kept, what an output
    adds up to), never to re-compute the wrong answer from the inputs.
    """

    def relation(got, expected, case):
        if isinstance(got, Raised):
            return False
        return test(got, expected, case)

    return relation


def raised(*patterns):
    """The function raised an error whose message contains one of `patterns`."""

    def relation(got, expected, case):
        if not isinstance(got, Raised):
            return False
        return any(p in got.message for p in patterns)

    relation.reads_errors = True
    return relation


class Raised:
    """Stands for the error a function raised on a case (its "ExceptionName: message")."""

    def __init__(self, message):
        self.message = str(message)


# --- helpers -------------------------------------------------------------------------------


def _is_number(x):
    return isinstance(x, int | float | np.number) and not isinstance(x, bool | np.bool_)


def _is_sequence(x):
    return isinstance(x, list | tuple) or (isinstance(x, np.ndarray) and x.ndim == 1)


def _arrays(got, expected):
    """Both as float arrays, or (None, None) when they are not numeric."""
    try:
        e = np.asarray(expected, dtype=float)
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None, None
    return e, g


def _close(got, expected):
    """The same value, compared structurally (dicts, tuples, arrays, numbers)."""
    from course.compare import mismatch

    return mismatch(got, expected, rtol=RTOL, atol=ATOL) is None
