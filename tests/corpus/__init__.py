"""Known student mistakes and correct variants, one module per notebook.

Each notebook's module (e.g. `gradient_descent.py`) defines:

- ``ASSIGNMENT`` and ``NOTEBOOK``: the notebook is ``source/<ASSIGNMENT>/<NOTEBOOK>.ipynb``;
- ``BUGS``: realistic mistakes; each replaces the solution cell of one graded function and
  must lose that function's points (and no points of a function that does not call it);
  a bug whose wrong answer has a known signature names its `course.mistakes` entry
  (``diagnosis``), and grading must then name that mistake;
- ``VARIANTS``: correct but different solutions (loops, equivalent formulas, in-place
  updates); each replaces one or more solution cells and must get full marks.

The corpus tests grade every entry through the real ``nbgrader autograde``.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bug:
    """A known mistake in graded function `function`: `code` replaces its solution cell."""

    function: str
    mistake: str  # what the student did wrong, in a student's words
    code: str
    diagnosis: str | None = None  # the key of its course.mistakes entry, if it has one

    @property
    def name(self):
        return f"{self.function}: {self.mistake}"


@dataclass(frozen=True)
class Variant:
    """A correct alternative: `cells` maps graded function names to replacement code."""

    name: str
    cells: dict = field(default_factory=dict)


def diagnosis_sentence(corpus, bug):
    """The sentence of `bug`'s `course.mistakes` entry in `corpus`'s notebook, or None."""
    from course.mistakes import catalogue

    if bug.diagnosis is None:
        return None
    entries = {m.key: m for m in catalogue(corpus.NOTEBOOK) if m.function == bug.function}
    if bug.diagnosis not in entries:
        raise KeyError(f"{bug.name}: no {bug.diagnosis!r} entry for {bug.function}")
    return entries[bug.diagnosis].says
