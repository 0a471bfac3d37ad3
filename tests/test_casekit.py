"""Adapters that make random initialisations and training loops comparable."""

import types

import numpy as np
import pytest

from course.casekit import initialization_summary, starting_from
from course.compare import mismatch
from course.recording import Case
from grader.judge import judge_outcomes


def _init(draw_order, scale=0.01):
    rng = np.random.default_rng(len(draw_order))
    params = {}
    for key, shape in draw_order:
        params[key] = rng.standard_normal(shape) * scale
    params["b1"] = np.zeros((params["W1"].shape[0], 1))
    return params


def test_two_correct_initialisations_in_another_order_have_one_summary():
    first = _init([("W1", (120, 150)), ("W2", (100, 120))])
    second = _init([("W2", (100, 120)), ("W1", (120, 150))])
    summary = initialization_summary(first, lambda W: 0.01, "0.01")
    assert mismatch(initialization_summary(second, lambda W: 0.01, "0.01"), summary) is None
    assert summary["W1"] == {"shape": (120, 150), "dtype": "float64", "mean / std": 0.0,
                             "std / 0.01": 1.0}  # fmt: skip


def test_a_wrong_scale_shows_as_a_ratio_and_small_matrices_only_by_shape():
    summary = initialization_summary(_init([("W1", (200, 100))], 0.1), lambda W: 0.01, "0.01")
    assert abs(summary["W1"]["std / 0.01"] - 10.0) < 0.2
    small = initialization_summary({"W1": np.ones((2, 3))}, lambda W: 0.01, "0.01")
    assert small == {"W1": {"shape": (2, 3), "dtype": "float64"}}
    assert initialization_summary("not a dict", lambda W: 0.01, "0.01") == "not a dict"


def _module(source):
    namespace = {}
    exec(source, namespace)
    return namespace


def test_a_training_loop_starts_from_the_given_parameters_and_the_name_is_restored():
    namespace = _module(
        "def initialize():\n    return {'w': 0.0}\n\n"
        "def train(steps):\n    p = initialize()\n    return p['w'] + steps\n"
    )
    run = starting_from(namespace["train"], "initialize")
    assert run({"w": 10.0}, 2) == 12.0
    assert namespace["initialize"]() == {"w": 0.0}


def test_a_loop_that_never_calls_the_initialiser_is_told_so():
    namespace = _module("def train(steps):\n    return steps\n")
    with pytest.raises(RuntimeError, match="train never called initialize"):
        starting_from(namespace["train"], "initialize")({"w": 1.0}, 3)
    assert "initialize" not in namespace


def test_failure_messages_name_the_items_of_a_tuple_output():
    cases = types.SimpleNamespace(
        fit=lambda rng: iter([Case("one case", (2.0,))]),
        OUTPUT_NAMES={"fit": ("w", "costs")},
    )
    reference = lambda x: (x, [x, x / 2])  # noqa: E731
    outcomes = [{"value": {"tuple": [2.0, [2.0, 3.0]]}}]
    message = judge_outcomes(cases, "fit", reference, 0, outcomes)
    assert "fit → costs[1]: expected 1, got 3" in message, message
