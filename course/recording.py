"""Record what a function returns on the grader's cases, as plain data.

The grader never trusts a check that runs in the student's kernel (a solution cell can
replace `np.allclose` or any helper). So a hidden test only *records*: it runs the
student's function on each case the grader's case module yields, and displays the outputs
as JSON under `RECORD_MIME`. Outside the kernel, the grader regenerates the same cases,
runs the reference solution on them and judges the recorded outputs (`grader.judge`).

A case module (``source/<assignment>/hidden_cases.py``, never released) has one generator
per graded function, named like the function: ``def linear_cost(rng): yield Case(...)``.
Where the graded object is not called directly (a class, say), the module's ``ADAPTERS``
dict maps its name to a function that turns it into the callable the cases call.
When grading, the case module never enters the kernel: the grader generates the student's
cases itself and hands the kernel only a *suite* file (`SUITE_ENV`): for each function, its
cases (the inputs a graded function receives anyway) and its adapter. Outside grading (the
instructor running the source notebook) the module next to the notebook (or at
`CASES_ENV`) and the seed in `SEED_ENV` (default 0) are used.

Encoding is safe to decode in the grader: JSON plus arrays in NumPy's ``.npy`` format,
loaded with ``allow_pickle=False``, so a forged record cannot run code there.
"""

import base64
import copy
import importlib.util
import io
import math
import os
import pickle
import warnings
import zlib
from typing import Any, NamedTuple

import numpy as np

RECORD_MIME = "application/vnd.backprop-course.record+json"
CASES_ENV = "BACKPROP_COURSE_CASES"
SEED_ENV = "BACKPROP_COURSE_SEED"
SUITE_ENV = "BACKPROP_COURSE_SUITE"
MAX_RECORD_BYTES = 2_000_000


class Case(NamedTuple):
    """One call of a graded function: `fn(*args, **kwargs)`; `label` names it in messages."""

    label: str
    args: tuple
    kwargs: dict = {}


def load_case_module(path=None):
    """Import the case module at `path` (default: `CASES_ENV`, else ./hidden_cases.py)."""
    path = path or os.environ.get(CASES_ENV) or "hidden_cases.py"
    spec = importlib.util.spec_from_file_location("hidden_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cases_for(module, name, seed):
    """The cases of function `name`: the same list for the same module, name and seed."""
    rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
    return list(getattr(module, name)(rng))


def recorded_callable(module, name, graded):
    """What the cases of `name` call: the graded object, or the module's adapter of it."""
    adapt = getattr(module, "ADAPTERS", {}).get(name)
    return adapt(graded) if adapt else graded


def run_cases(fn, cases):
    """Call `fn` on a deep copy of each case; return one outcome dict per case."""
    outcomes = []
    for case in cases:
        args, kwargs = copy.deepcopy((case.args, case.kwargs))
        try:
            # The judge decides on values; a warning must not cost a correct answer.
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                value = fn(*args, **kwargs)
            outcomes.append({"value": encode(value)})
        except Exception as error:  # the student's error is the outcome
            outcomes.append({"error": f"{type(error).__name__}: {error}"})
    return outcomes


def record_cases(name, fn):
    """Hidden-test entry point: run `fn` on the grader's cases for `name`, display the record."""
    from IPython.display import display

    cases, target = _cases_and_callable(name, fn)
    record = {"function": name, "outcomes": run_cases(target, cases)}
    summary = f"{name}: outputs on {len(cases)} grader cases recorded; the grader judges them."
    display({RECORD_MIME: record, "text/plain": summary}, raw=True)


def _cases_and_callable(name, fn):
    """The cases of `name` and what they call: from the grader's suite, else the module."""
    suite_path = os.environ.get(SUITE_ENV)
    if suite_path:
        with open(suite_path, "rb") as f:  # written by the grader (trusted), read-only here
            cases, adapter = pickle.load(f)[name]
        return cases, (adapter(fn) if adapter else fn)
    module = load_case_module()
    cases = cases_for(module, name, int(os.environ.get(SEED_ENV, "0")))
    return cases, recorded_callable(module, name, fn)


def write_suite(module, names, seed, path):
    """Write the cases of functions `names` of case `module` for `seed`, with their adapters.

    Run by the grader; the kernel reads the file in `record_cases`. Functions (adapters, and
    functions handed to graded functions as inputs) are pickled by value with cloudpickle,
    so the kernel needs neither the case module nor its file.
    """
    import cloudpickle

    adapters = getattr(module, "ADAPTERS", {})
    suite = {n: (cases_for(module, n, seed), adapters.get(n)) for n in names}
    with open(path, "wb") as f:
        cloudpickle.dump(suite, f)


# --- safe encoding -------------------------------------------------------------------------


def encode(value: Any):
    """Turn a function's output into JSON-safe data (see `decode`)."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):  # np.float64 too: it is a float
        value = float(value)
        return value if math.isfinite(value) else {"float": repr(value)}
    if isinstance(value, np.generic):
        return {"scalar": _npy(np.asarray(value))}
    if isinstance(value, np.ndarray):
        return {"array": _npy(value)}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"dict": [[encode(k), encode(v)] for k, v in value.items()]}
    return {"unsupported": type(value).__name__}


def decode(data: Any):
    """Inverse of `encode`; raises ValueError on anything `encode` cannot have produced."""
    if data is None or isinstance(data, bool | str | int | float):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict) and len(data) == 1:
        ((kind, payload),) = data.items()
        if kind == "float":
            return float(payload)
        if kind == "scalar":
            return _from_npy(payload)[()]
        if kind == "array":
            return _from_npy(payload)
        if kind == "tuple":
            return tuple(decode(v) for v in payload)
        if kind == "dict":
            return {decode(k): decode(v) for k, v in payload}
        if kind == "unsupported":
            return Unsupported(str(payload))
    raise ValueError(f"not a recorded value: {str(data)[:80]}")


class Unsupported:
    """Stands for an output whose type cannot be recorded (e.g. a function or a generator)."""

    def __init__(self, type_name):
        self.description = f"a value of type {type_name}"

    def __repr__(self):
        return self.description


def _npy(array):
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(array), allow_pickle=False)  # keeps 0-d arrays 0-d
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _from_npy(text):
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) > MAX_RECORD_BYTES:
        raise ValueError("recorded array too large")
    return np.load(io.BytesIO(raw), allow_pickle=False)
