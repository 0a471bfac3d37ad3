"""Recorded outputs survive the trip as data, and a forged record cannot run code."""

import base64
import io
import json
import pickle

import numpy as np
import pytest

from course.recording import Case, cases_for, decode, encode, recorded_callable, run_cases


@pytest.mark.parametrize(
    "value",
    [
        1.5,
        float("inf"),
        3,
        True,
        None,
        "text",
        np.arange(6.0).reshape(2, 3),
        (1.0, [2.0, np.ones(2)]),
        {"dW1": np.ones((2, 3)), "db1": np.zeros((2, 1))},
    ],
)
def test_encode_then_decode_gives_the_value_back(value):
    back = decode(encode(value))
    assert type(back) is type(value)
    assert repr(back) == repr(value)


@pytest.mark.parametrize(
    "value", [np.array(2.0), np.int64(7), np.float32(0.5), np.float64("inf"), np.float64("nan")]
)
def test_numpy_scalars_and_0d_arrays_stay_single_numbers_through_json(value):
    back = decode(json.loads(json.dumps(encode(value))))
    assert np.shape(back) == ()
    assert np.array_equal(back, value, equal_nan=True)


def test_nan_round_trips_and_unrecordable_values_are_described():
    assert np.isnan(decode(encode(float("nan"))))
    assert repr(decode(encode(lambda: 0))) == "a value of type function"


def test_a_forged_pickle_is_refused():
    payload = base64.b64encode(pickle.dumps(np.array([object()], dtype=object))).decode()
    with pytest.raises(ValueError):
        decode({"array": payload})
    buffer = io.BytesIO()
    np.save(buffer, np.array([object()], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError):
        decode({"array": base64.b64encode(buffer.getvalue()).decode()})
    with pytest.raises(ValueError):
        decode({"exec": "print('hi')"})


def test_cases_depend_only_on_seed_and_name():
    class Module:
        @staticmethod
        def f(rng):
            yield Case("one", (rng.normal(),))

    assert cases_for(Module, "f", 1) == cases_for(Module, "f", 1)
    assert cases_for(Module, "f", 1) != cases_for(Module, "f", 2)


def test_run_cases_hands_copies_and_records_errors():
    data = np.zeros(3)

    def mutate(a):
        a += 1
        return a.sum()

    def fail(a):
        raise ValueError("shapes do not align")

    case = Case("c", (data,))
    assert decode(run_cases(mutate, [case])[0]["value"]) == 3.0
    assert data.sum() == 0
    assert run_cases(fail, [case]) == [{"error": "ValueError: shapes do not align"}]


def test_adapters_turn_a_graded_class_into_the_callable_the_cases_call():
    class Module:
        ADAPTERS = {"Counter": lambda cls: lambda n: cls(n).value}

    class Counter:
        def __init__(self, n):
            self.value = 2 * n

    assert recorded_callable(Module, "Counter", Counter)(3) == 6
    assert recorded_callable(Module, "other", len)([1, 2]) == 2


SUITE_CHECK = """
import json, os, pickle, sys
from course.recording import encode, run_cases
sys.path.remove(os.getcwd()) if os.getcwd() in sys.path else None
with open(sys.argv[1], "rb") as f:
    suite = pickle.load(f)
print(json.dumps({name: [[c.label, encode((c.args, c.kwargs))] for c in cases]
                  for name, (cases, adapter) in suite.items()}, default=repr))
"""


@pytest.mark.parametrize("assignment", ["01_gradient_descent", "02_chain_rule", "03_two_layer_cat"])
def test_a_suite_holds_the_cases_the_judge_regenerates_without_the_case_module(
    assignment, tmp_path
):
    """What the sandboxed kernel gets instead of hidden_cases.py: the same cases, loadable
    where the case module is not (functions and adapters are pickled by value)."""
    import subprocess
    import sys
    from inspect import isfunction

    from course.recording import load_case_module, write_suite
    from grader.reference import load_reference
    from tests.nbgrader_course import REPO

    folder = REPO / "source" / assignment
    module = load_case_module(folder / "hidden_cases.py")
    reference = load_reference(next(folder.glob("*.ipynb")))
    names = [n for n in reference if not n.startswith("_") and isfunction(getattr(module, n, None))]
    suite = tmp_path / "suite.pkl"
    write_suite(module, names, 1234, suite)
    # not the module: only cases, and the code of functions they hand over (by value)
    assert module.__doc__.splitlines()[0].encode() not in suite.read_bytes()
    shown = subprocess.run(
        [sys.executable, "-c", SUITE_CHECK, str(suite)],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert sorted(json.loads(shown)) == sorted(names)
    with open(suite, "rb") as f:
        loaded = pickle.load(f)
    for name in names:
        cases, adapter = loaded[name]
        regenerated = cases_for(module, name, 1234)
        assert [c.label for c in cases] == [c.label for c in regenerated]
        expected = run_cases(recorded_callable(module, name, reference[name]), regenerated)
        got = run_cases(adapter(reference[name]) if adapter else reference[name], cases)
        assert got == expected, name
