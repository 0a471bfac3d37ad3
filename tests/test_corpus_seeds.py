"""Every known bug is caught, and every correct variant passes, whatever the student's seed.

Real grading gives each student their own cases (a seed per student). tests/test_grading.py
proves the corpus through nbgrader with one seed per submission; this proves, in-process
and for many seeds, that no student is lucky (a bug that slips through on some cases) or
unlucky (a correct answer that fails on some cases).
"""

import pytest

from tests.in_process import Submission
from tests.submissions import callers, reference_code, source_notebook
from tests.test_grading import BUGS, CORPORA, VARIANTS

SEEDS = range(10)


def _callers(corpus):
    return callers(source_notebook(corpus.ASSIGNMENT, corpus.NOTEBOOK))


@pytest.mark.parametrize(("assignment", "index"), BUGS, ids=lambda x: str(x))
def test_bug_is_caught_on_every_seed_and_costs_nothing_else(assignment, index):
    corpus = CORPORA[assignment]
    bug = corpus.BUGS[index]
    submission = Submission(assignment, corpus.NOTEBOOK, {bug.function: bug.code})
    may_fail = {bug.function} | _callers(corpus)[bug.function]
    for seed in SEEDS:
        verdicts = submission.verdicts(seed)
        assert verdicts[bug.function], f"seed {seed}: not caught: {bug.name}"
        wrongly = {f: v for f, v in verdicts.items() if v and f not in may_fail}
        assert not wrongly, f"seed {seed}: {bug.name} fails functions that do not call it"


@pytest.mark.parametrize(("assignment", "index"), VARIANTS, ids=lambda x: str(x))
def test_variant_passes_on_every_seed(assignment, index):
    corpus = CORPORA[assignment]
    variant = corpus.VARIANTS[index]
    submission = Submission(assignment, corpus.NOTEBOOK, variant.cells)
    for seed in SEEDS:
        failed = {f: v for f, v in submission.verdicts(seed).items() if v}
        assert not failed, f"seed {seed}: {variant.name} failed: {failed}"


@pytest.mark.parametrize("assignment", CORPORA)
def test_reference_passes_on_every_seed(assignment):
    corpus = CORPORA[assignment]
    nb = source_notebook(assignment, corpus.NOTEBOOK)
    submission = Submission(assignment, corpus.NOTEBOOK, reference_code(nb))
    for seed in SEEDS:
        assert not any(submission.verdicts(seed).values())
