"""Grading, proven through the real `nbgrader autograde` on every notebook's corpus.

For each notebook (discovered from `tests/corpus/`), one autograde run grades, side by side:
the reference solution, the untouched release, every known bug, every correct variant and a
tampering submission. The tests below then read the gradebook and the autograded notebooks.
Adding a notebook means adding its corpus module; nothing here changes.
"""

import importlib
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import nbformat
import pytest

from course.recording import RECORD_MIME
from tests.corpus import diagnosis_sentence
from tests.nbgrader_course import REPO, autograde_in_parallel
from tests.submissions import (
    callers,
    fill,
    reference_code,
    release_notebook,
    solution_regions,
    source_notebook,
)


def _corpora():
    modules = [
        importlib.import_module(f"tests.corpus.{p.stem}")
        for p in sorted(Path(REPO, "tests", "corpus").glob("*.py"))
        if p.stem != "__init__"
    ]
    return {m.ASSIGNMENT: m for m in modules}


CORPORA = _corpora()
BUGS = [(a, i) for a, m in CORPORA.items() for i in range(len(m.BUGS))]
VARIANTS = [(a, i) for a, m in CORPORA.items() for i in range(len(m.VARIANTS))]
TAMPERING = """
import numpy
import numpy.testing
import course.checks

numpy.allclose = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None
course.checks.check = lambda *args, **kwargs: None
check = check_that = check_shape = lambda *args, **kwargs: None


class Anything(float):  # a wrong answer public tests can index, measure and iterate

    def __getitem__(self, key):
        return self

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())
"""


def _tampering_submission(function):
    """A wrong `function` that disables every check it can reach from its solution cell."""
    return f"def {function}(*args, **kwargs):\n    return Anything(0.0)\n{TAMPERING}"


@dataclass
class GradingRun:
    courses: dict  # student -> the Course copy that graded them
    corpus: object
    functions: list
    callers: dict

    def scores(self, student):
        """{graded function: (score, max)}, summing the test cells of each function."""
        by_function = {f: [0.0, 0.0] for f in self.functions}
        for grade_id, (score, max_score) in (
            self.courses[student]
            .scores(self.corpus.ASSIGNMENT, self.corpus.NOTEBOOK, student)
            .items()
        ):
            function = _function_of_test(grade_id, self.functions)
            by_function[function][0] += score
            by_function[function][1] += max_score
        return {f: tuple(v) for f, v in by_function.items()}

    def outputs_text(self, student, function):
        """Everything the test cells of `function` show in the autograded notebook."""
        nb = self.autograded(student)
        texts = []
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if grade_id.startswith("test_") and _function_of_test(grade_id, self.functions) == (
                function
            ):
                for output in cell.outputs:
                    texts.append(output.get("text", "") + output.get("evalue", ""))
        return "\n".join(texts)

    def errors(self, student, function):
        """The error messages shown in the test cells of `function`."""
        return [
            output.get("evalue", "")
            for cell in self.autograded(student).cells
            if _is_test_cell(cell)
            and _function_of_test(cell.metadata.nbgrader["grade_id"], self.functions) == function
            for output in cell.outputs
            if output.output_type == "error"
        ]

    def autograded(self, student):
        return self.courses[student].autograded(
            student, self.corpus.ASSIGNMENT, self.corpus.NOTEBOOK
        )


def _function_of_test(grade_id, functions):
    """The graded function a test cell belongs to: the longest name `grade_id` starts with."""
    matches = [f for f in functions if grade_id.startswith(f"test_{f}")]
    assert matches, f"test cell {grade_id} names no graded function"
    return max(matches, key=len)


@pytest.fixture(scope="session")
def grading_run(tmp_path_factory):
    runs = {}

    def get(assignment):
        if assignment not in runs:
            runs[assignment] = _grade_corpus(tmp_path_factory.mktemp(assignment), assignment)
        return runs[assignment]

    return get


def _grade_corpus(root, assignment):
    corpus = CORPORA[assignment]
    source = source_notebook(assignment, corpus.NOTEBOOK)
    release = release_notebook(assignment, corpus.NOTEBOOK)
    reference = reference_code(source)
    first = next(iter(reference))
    submissions = {
        "reference": fill(release, reference),
        "untouched": release,
        "tampering": fill(release, {**reference, first: _tampering_submission(first)}),
    }
    deleted = fill(release, {**reference, corpus.BUGS[0].function: corpus.BUGS[0].code})
    deleted.cells = [c for c in deleted.cells if not _is_test_cell(c)]
    submissions["deleted-tests"] = deleted
    for i, bug in enumerate(corpus.BUGS):
        submissions[f"bug-{i:02d}"] = fill(release, {**reference, bug.function: bug.code})
    for i, variant in enumerate(corpus.VARIANTS):
        submissions[f"variant-{i:02d}"] = fill(release, {**reference, **variant.cells})
    courses = autograde_in_parallel(root, assignment, corpus.NOTEBOOK, submissions)
    return GradingRun(courses, corpus, list(reference), callers(source))


def _is_test_cell(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id", "").startswith("test_")


def _full(scores):
    return {f: s for f, (s, m) in scores.items() if s != m}


@pytest.mark.parametrize("assignment", CORPORA)
def test_reference_solution_gets_full_marks(grading_run, assignment):
    run = grading_run(assignment)
    scores = run.scores("reference")
    assert _full(scores) == {}, f"reference lost points: {scores}"
    assert all(m > 0 for _, m in scores.values())
    for function in run.functions:
        assert f"Hidden tests passed: {function}" in run.outputs_text("reference", function)


@pytest.mark.parametrize("assignment", CORPORA)
def test_untouched_release_gets_zero(grading_run, assignment):
    scores = grading_run(assignment).scores("untouched")
    assert sum(s for s, _ in scores.values()) == 0, scores


@pytest.mark.parametrize(("assignment", "index"), BUGS, ids=lambda x: str(x))
def test_bug_loses_points_on_its_function_only(grading_run, assignment, index):
    run = grading_run(assignment)
    bug = run.corpus.BUGS[index]
    scores = run.scores(f"bug-{index:02d}")
    score, max_score = scores[bug.function]
    assert score < max_score, f"not caught: {bug.name}"
    may_lose = {bug.function} | run.callers[bug.function]
    wrongly_lost = {f: s for f, s in _full(scores).items() if f not in may_lose}
    assert wrongly_lost == {}, f"{bug.name} cost points on functions that do not call it"
    errors = run.errors(f"bug-{index:02d}", bug.function)
    assert errors and all(e.strip() for e in errors), f"no failure message for {bug.name}"
    named = [e.split("Likely mistake: ")[1] for e in errors if "Likely mistake: " in e]
    says = diagnosis_sentence(run.corpus, bug)
    assert named == ([says] if says else []), f"{bug.name}: diagnosed as {named}, not {says!r}"


@pytest.mark.parametrize(("assignment", "index"), VARIANTS, ids=lambda x: str(x))
def test_correct_variant_gets_full_marks(grading_run, assignment, index):
    run = grading_run(assignment)
    scores = run.scores(f"variant-{index:02d}")
    assert _full(scores) == {}, f"{run.corpus.VARIANTS[index].name} lost points: {scores}"
    for function in run.functions:
        assert "Likely mistake" not in run.outputs_text(f"variant-{index:02d}", function)


@pytest.mark.parametrize("assignment", CORPORA)
def test_tampering_earns_nothing_and_is_reported(grading_run, assignment):
    run = grading_run(assignment)
    first = run.functions[0]
    scores = run.scores("tampering")
    assert scores[first][0] == 0, "patched checks earned points"
    untouched = {f for f in run.functions if f != first and f not in run.callers[first]}
    assert not set(_full(scores)) & untouched
    text = run.outputs_text("tampering", first)
    assert f"{first}: public tests passed" in text, "the in-kernel checks were not fooled"
    assert "Tampering reported" in text and "numpy.allclose" in text


@pytest.mark.parametrize("assignment", CORPORA)
def test_deleted_test_cells_are_restored_and_graded(grading_run, assignment):
    run = grading_run(assignment)
    bug = run.corpus.BUGS[0]
    scores = run.scores("deleted-tests")
    assert scores[bug.function][0] < scores[bug.function][1], "deleting the tests saved a bug"
    restored = [c for c in run.autograded("deleted-tests").cells if _is_test_cell(c)]
    assert len(restored) == len(run.functions) and all(c.outputs for c in restored)


@pytest.mark.parametrize("assignment", CORPORA)
def test_autograded_notebooks_hold_no_hidden_record(grading_run, assignment):
    run = grading_run(assignment)
    for student in ("reference", "bug-00", "tampering"):
        nb = run.autograded(student)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                assert RECORD_MIME not in output.get("data", {})
    folder = run.courses["reference"].root / "autograded" / "reference" / assignment
    assert not (folder / "hidden_cases.py").exists()


@pytest.mark.parametrize("assignment", CORPORA)
def test_feedback_reveals_no_reference_and_no_hidden_input(grading_run, assignment):
    run = grading_run(assignment)
    for course in set(run.courses.values()):
        course.nbgrader("generate_feedback", assignment)
    for student in ("untouched", "bug-00", "tampering"):
        folder = run.courses[student].root / "feedback" / student / assignment
        assert sorted(p.name for p in folder.iterdir()) == [f"{run.corpus.NOTEBOOK}.html"]
        html = _visible_text((folder / f"{run.corpus.NOTEBOOK}.html").read_text())
        leaked = [s for s in _secrets(run, student) if s in html]
        assert leaked == [], f"feedback of {student} shows {leaked}"


def _secrets(run, student):
    """Reference lines (inside the solution markers) this student neither saw nor wrote.

    A line the release shows elsewhere (a hint, the text) or that the student's own
    submission contains is no secret; the record format and the case module are.
    """
    assignment, notebook = run.corpus.ASSIGNMENT, run.corpus.NOTEBOOK
    regions = solution_regions(source_notebook(assignment, notebook))
    submitted = run.courses[student].root / "submitted" / student / assignment
    cells = nbformat.read(submitted / f"{notebook}.ipynb", as_version=4).cells
    known = "\n".join(cell.source for cell in cells)
    lines = {line.strip() for r in regions.values() for line in r.splitlines()}
    secret_lines = [line for line in lines if len(line) > 12 and line not in known]
    hidden_code = ["record_cases", "BEGIN HIDDEN TESTS"]  # the hidden part of a test cell
    return sorted(secret_lines) + [
        RECORD_MIME,
        "TOLERANCES",
        "ADAPTERS",
        "hidden_cases",
        *hidden_code,
    ]


def _visible_text(html):
    """The text a student reads in feedback HTML (code is split into highlighted spans)."""
    return unescape(re.sub(r"<[^>]+>", "", html))
