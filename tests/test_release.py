"""release/ is exactly what nbgrader makes from source/ now, and gives nothing away."""

import json

import nbformat
import pytest

from course.mistakes import catalogue
from tests.nbgrader_course import REPO, Course
from tests.submissions import notebooks, solution_regions, source_notebook

NOTEBOOKS = notebooks()


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """A copy of the course whose release/ nbgrader has just regenerated from source/."""
    course = Course.copy_of_repo(tmp_path_factory.mktemp("release"))
    for assignment in sorted({a for a, _ in NOTEBOOKS}):
        course.nbgrader("generate_assignment", assignment, "--force")
    return course


def _canonical(path):
    return json.dumps(nbformat.read(path, as_version=4), sort_keys=True, indent=1)


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_release_is_up_to_date_with_source(regenerated, assignment, notebook):
    name = f"{assignment}/{notebook}.ipynb"
    committed = REPO / "release" / name
    assert committed.exists(), f"release/{name} is missing: run `make release`"
    fresh = regenerated.root / "release" / name
    assert _canonical(committed) == _canonical(fresh), f"release/{name} is stale: `make release`"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_release_holds_no_solution_and_no_hidden_test(assignment, notebook):
    folder = REPO / "release" / assignment
    assert sorted(p.name for p in folder.iterdir()) == [f"{notebook}.ipynb"]
    text = (folder / f"{notebook}.ipynb").read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "record_cases"):
        assert marker not in text
    released = nbformat.reads(text, as_version=4)
    released_code = "\n".join(c.source for c in released.cells)
    source = source_notebook(assignment, notebook)
    regions = solution_regions(source)
    # a line the instructor also wrote outside every solution region (given code from an
    # earlier notebook, a hint) is public on purpose; any other solution line must not show
    public = _outside_solutions(source, regions)
    for function, region in regions.items():
        lines = [line.strip() for line in region.splitlines() if len(line.strip()) > 12]
        shown = [line for line in lines if line in released_code and line not in public]
        assert not shown, f"release shows the solution of {function}: {shown}"


def _outside_solutions(nb, regions):
    """The text of `nb` with every solution region taken out."""
    text = "\n".join(c.source for c in nb.cells)
    for region in regions.values():
        text = text.replace(region, "")
    return text


def test_course_package_holds_no_solution_or_hidden_case():
    course_code = "\n".join(p.read_text() for p in (REPO / "course").rglob("*.py"))
    for assignment, notebook in NOTEBOOKS:
        for region in solution_regions(source_notebook(assignment, notebook)).values():
            for line in region.splitlines():
                if len(line.strip()) > 24:
                    assert line.strip() not in course_code
    assert "hidden_cases" not in {p.stem for p in (REPO / "course").rglob("*.py")}


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_no_mistake_sentence_shows_a_solution_line(assignment, notebook):
    """A diagnosis names the mistake; it never hands over a line the release keeps secret."""
    released = nbformat.read(REPO / "release" / assignment / f"{notebook}.ipynb", as_version=4)
    public = "\n".join(c.source for c in released.cells)
    regions = solution_regions(source_notebook(assignment, notebook)).values()
    lines = {line.strip() for region in regions for line in region.splitlines()}
    secret = [line for line in lines if len(line) > 12 and line not in public]
    for mistake in catalogue(notebook):
        shown = [line for line in secret if line in mistake.says]
        assert not shown, f"{mistake.key} says {mistake.says!r}, which shows {shown}"
