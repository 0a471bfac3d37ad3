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
