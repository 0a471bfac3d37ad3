"""Say exactly how an output differs from the expected one.

One comparator serves both the public checks in the notebooks (`course.checks`) and the
grader, which judges recorded outputs outside the student's kernel. It returns a sentence
naming *where* (which output, key or entry), *what* (type, shape or value) and, for values,
expected versus got; `None` means the outputs match.

Containers are compared structurally: a dict key by key, a tuple or list item by item, an
array by shape then entries. Numbers are compared with `np.isclose(rtol, atol)`, NaN equal
to NaN, so an equivalent formula or a loop instead of vectorised code still matches.
"""

from collections.abc import Mapping

import numpy as np

RTOL = 1e-7
ATOL = 1e-10


def mismatch(got, expected, *, where="output", rtol=RTOL, atol=ATOL):
    """Return None if `got` matches `expected`, else a sentence saying how it differs."""
    if isinstance(expected, Mapping):
        return _mismatch_mapping(got, expected, where, rtol, atol)
    if isinstance(expected, tuple | list):
        return _mismatch_sequence(got, expected, where, rtol, atol)
    if expected is None or isinstance(expected, str | bool | np.bool_):
        if _same_plain(got, expected):
            return None
        return f"{where}: expected {expected!r}, got {describe(got)}"
    if _is_number(expected) or (isinstance(expected, np.ndarray) and expected.ndim == 0):
        return _mismatch_scalar(got, expected, where, rtol, atol)
    if isinstance(expected, np.ndarray):
        return _mismatch_array(got, expected, where, rtol, atol)
    return None if got == expected else f"{where}: expected {expected!r}, got {describe(got)}"


def _mismatch_mapping(got, expected, where, rtol, atol):
    if not isinstance(got, Mapping):
        return f"{where}: expected a dict with keys {sorted(expected)}, got {describe(got)}"
    missing = [k for k in expected if k not in got]
    if missing:
        return f"{where}: missing key(s) {missing} (expected keys {sorted(expected)})"
    extra = [k for k in got if k not in expected]
    if extra:
        return f"{where}: unexpected key(s) {extra} (expected keys {sorted(expected)})"
    for key, value in expected.items():
        problem = mismatch(got[key], value, where=f"{where}[{key!r}]", rtol=rtol, atol=atol)
        if problem:
            return problem
    return None


def _mismatch_sequence(got, expected, where, rtol, atol):
    if isinstance(got, np.ndarray) and all(_is_number(e) for e in expected):
        return _mismatch_array(got, np.asarray(expected, dtype=float), where, rtol, atol)
    if not isinstance(got, tuple | list):
        kind = type(expected).__name__
        return f"{where}: expected a {kind} of {len(expected)} values, got {describe(got)}"
    if len(got) != len(expected):
        return f"{where}: expected {len(expected)} values, got {len(got)}"
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        problem = mismatch(g, e, where=f"{where}[{i}]", rtol=rtol, atol=atol)
        if problem:
            return problem
    return None


def _mismatch_scalar(got, expected, where, rtol, atol):
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    if not _is_number(got):
        return f"{where}: expected a single number, got {describe(got)}"
    e, g = float(np.real(expected)), float(np.real(got))
    if np.isclose(g, e, rtol=rtol, atol=atol, equal_nan=True):
        return None
    return f"{where}: expected {_fmt(e)}, got {_fmt(g)}{_ratio(np.array(g), np.array(e))}"


def _mismatch_array(got, expected, where, rtol, atol):
    if isinstance(got, list | tuple):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return f"{where}: expected an array of shape {expected.shape}, got {describe(got)}"
    if not isinstance(got, np.ndarray):
        return f"{where}: expected an array of shape {expected.shape}, got {describe(got)}"
    if got.shape != expected.shape:
        note = " (the transpose of the expected shape)" if got.shape == expected.T.shape else ""
        return f"{where}: expected shape {expected.shape}, got shape {got.shape}{note}"
    if not (np.issubdtype(got.dtype, np.number) or got.dtype == bool):
        return f"{where}: expected numbers, got an array of dtype {got.dtype}"
    g, e = got.astype(float), expected.astype(float)
    close = np.isclose(g, e, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    bad = np.argwhere(~close)
    first = tuple(int(i) for i in bad[0])
    index = first[0] if len(first) == 1 else first
    return (
        f"{where}: {len(bad)} of {e.size} entries differ; first at index {index}: "
        f"expected {_fmt(e[first])}, got {_fmt(g[first])}{_ratio(g, e)}"
    )


def _ratio(got, expected):
    """' (got = 2 × expected everywhere)' when the two differ by one constant factor."""
    if np.any((expected == 0) & (got != 0)):
        return ""  # no factor turns 0 into something else
    with np.errstate(all="ignore"):
        r = got / expected
    r = r[np.isfinite(r) & (expected != 0)]
    if r.size == 0 or not np.allclose(r, r.flat[0], rtol=1e-6) or np.isclose(r.flat[0], 1):
        return ""
    if np.isclose(r.flat[0], 0):  # "0 × expected" says less than "got 0"
        return ""
    return f" (got = {_fmt(r.flat[0])} × expected{' everywhere' if r.size > 1 else ''})"


def _is_number(x):
    return isinstance(x, int | float | complex | np.number) and not isinstance(x, bool | np.bool_)


def _same_plain(got, expected):
    if isinstance(expected, bool | np.bool_):
        return isinstance(got, bool | np.bool_) and bool(got) == bool(expected)
    return type(got) is type(expected) and got == expected


def _fmt(x):
    return f"{float(x) + 0.0:.10g}"  # + 0.0 prints -0.0 as 0


def describe(x):
    """A short description of a value's kind: its type and, for arrays, its shape."""
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape}"
    if isinstance(x, tuple | list):
        return f"a {type(x).__name__} of {len(x)} values"
    if isinstance(x, Mapping):
        return f"a dict with keys {sorted(map(str, x))}"
    if x is None:
        return "None (did the function forget to return?)"
    if isinstance(x, bool | np.bool_):
        return repr(bool(x))
    if _is_number(x):
        return f"the number {_fmt(x)}"
    return getattr(x, "description", f"a value of type {type(x).__name__}")
