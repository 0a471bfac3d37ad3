"""The comparator names where and how an output differs, and accepts equivalent ones."""

import numpy as np
import pytest

from course.checks import CheckFailed, check, check_shape, check_that
from course.compare import mismatch


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (1.0 + 1e-12, 1.0),
        (np.float64(2.0), 2.0),
        (np.array(3.0), 3.0),
        ([1.0, 2.0], np.array([1.0, 2.0])),
        (np.array([1.0, 2.0]), [1.0, 2.0]),
        ((1.0, [2.0]), (1.0, [2.0])),
        ([1.0, (2.0,)], (1.0, (2.0,))),
        ({"a": np.ones((2, 1))}, {"a": np.ones((2, 1))}),
        (np.array([np.nan, np.inf]), np.array([np.nan, np.inf])),
        (np.array([1, 2]), np.array([1.0, 2.0])),
        (np.empty(0), []),
    ],
)
def test_equivalent_outputs_match(got, expected):
    assert mismatch(got, expected) is None


@pytest.mark.parametrize(
    ("got", "expected", "says"),
    [
        (2.0, 1.0, "expected 1, got 2 (got = 2 × expected)"),
        (np.ones((1, 1)), 1.0, "expected a single number, got an array of shape (1, 1)"),
        (np.ones((1, 7)), np.ones((7, 1)), "the transpose of the expected shape"),
        (np.ones(3), np.ones(4), "expected shape (4,), got shape (3,)"),
        (None, 1.0, "None (did the function forget to return?)"),
        ({"a": 1.0}, {"a": 1.0, "b": 2.0}, "missing key(s) ['b']"),
        ({"a": 1.0, "c": 1}, {"a": 1.0}, "unexpected key(s) ['c']"),
        ({"a": 1.0, "b": 3.0}, {"a": 1.0, "b": 2.0}, "out['b']: expected 2, got 3"),
        ((1.0, 2.0), (1.0, 2.0, 3.0), "expected 3 values, got 2"),
        (
            np.array([1.0, 5.0, 3.0]),
            np.array([1.0, 2.0, 3.0]),
            "1 of 3 entries differ; first at index 1",
        ),
        (np.array([2.0, 4.0]), np.array([1.0, 2.0]), "2 × expected everywhere"),
        (np.array(["a"]), np.array([1.0]), "expected numbers"),
        ("1.0", 1.0, "a value of type str"),
        (False, True, "expected True, got False"),
    ],
)
def test_mismatch_says_where_and_how(got, expected, says):
    problem = mismatch(got, expected, where="out")
    assert problem is not None and says in problem, problem


def test_check_raises_with_the_hint_and_passes_silently():
    check("f(1)", 1.0, 1.0, hint="never shown")
    with pytest.raises(CheckFailed, match=r"f\(1\): expected 1, got 2[^\n]*\nHint: halve it"):
        check("f(1)", 2.0, 1.0, hint="halve it")
    with pytest.raises(CheckFailed, match="len: should be 3\nHint: count w0"):
        check_that("len", False, "should be 3", hint="count w0")


@pytest.mark.parametrize(
    ("got", "expected"),
    [
        (np.array([1.0, 0.0, 4.0]), np.array([0.0, 0.0, 2.0])),  # a 0 became 1: no factor
        (np.array([-1.0, 2.0]), np.array([-0.0, 2.0])),
    ],
)
def test_no_constant_factor_is_claimed_when_a_zero_became_something_else(got, expected):
    problem = mismatch(got, expected)
    assert "×" not in problem and "-0" not in problem, problem


def test_a_negative_zero_prints_as_zero():
    assert "expected 0, got -1" in mismatch(np.array([-1.0]), np.array([-0.0]))


def test_check_shape_names_the_shape_and_the_transpose():
    check_shape("dW", np.zeros((2, 3)), (2, 3))
    with pytest.raises(CheckFailed, match=r"dW: expected shape \(2, 3\), got shape \(3, 2\) "
                       r"\(the transpose of the expected shape\)\nHint: like W"):  # fmt: skip
        check_shape("dW", np.zeros((3, 2)), (2, 3), hint="like W")
    with pytest.raises(CheckFailed, match=r"db: expected an array of shape \(1, 1\), got the num"):
        check_shape("db", 2.0, (1, 1))
