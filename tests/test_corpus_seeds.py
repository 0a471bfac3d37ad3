"""Every known bug is caught, and every correct variant passes, whatever the student's seed.

A bug that declares a diagnosis (its `course.mistakes` entry) is named by it on every seed;
a bug that declares none is never given a diagnosis (which would be a misleading one).

Real grading gives each student their own cases (a seed per student). tests/test_grading.py
proves the corpus through nbgrader with one seed per submission; this proves, in-process
and for many seeds, that no student is lucky (a bug that slips through on some cases) or
unlucky (a correct answer that fails on some cases).
"""

import pytest

from tests.corpus import diagnosis_sentence
from tests.in_process import Submission
from tests.nbgrader_course import REPO
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
    says = diagnosis_sentence(corpus, bug)
    for seed in SEEDS:
        verdicts = submission.verdicts(seed)
        message = verdicts[bug.function]
        assert message, f"seed {seed}: not caught: {bug.name}"
        wrongly = {f: v for f, v in verdicts.items() if v and f not in may_fail}
        assert not wrongly, f"seed {seed}: {bug.name} fails functions that do not call it"
        named = message.split("Likely mistake: ")[1] if "Likely mistake: " in message else None
        assert named == says, f"seed {seed}: {bug.name}: diagnosed as {named!r}, not {says!r}"


def test_most_known_bugs_are_diagnosed_by_name():
    bugs = [bug for corpus in CORPORA.values() for bug in corpus.BUGS]
    diagnosed = [bug for bug in bugs if bug.diagnosis]
    assert len(diagnosed) >= 0.8 * len(bugs), f"{len(diagnosed)} of {len(bugs)} bugs diagnosed"


def test_the_readme_states_the_diagnosis_figure_of_the_corpora():
    counts = []
    for corpus in sorted(CORPORA.values(), key=lambda corpus: corpus.ASSIGNMENT):
        number = corpus.ASSIGNMENT[:2]
        named = sum(bug.diagnosis is not None for bug in corpus.BUGS)
        counts.append(f"{number}: {named}/{len(corpus.BUGS)}")
    bugs = [bug for corpus in CORPORA.values() for bug in corpus.BUGS]
    named = sum(bug.diagnosis is not None for bug in bugs)
    variants = sum(len(corpus.VARIANTS) for corpus in CORPORA.values())
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    figure = f"Of the {len(bugs)} bugs in the five corpora, **{named} ({named / len(bugs):.0%})"
    assert figure in readme
    assert f"({', '.join(counts)})" in readme
    assert f"the {len(bugs) - named} undiagnosed bugs and the {variants} correct variants" in readme


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
