"""The course in a real JupyterLab, driven by a real browser (headless Debian chromium).

The server is the student's command: `make lab`, started by `tests.lab_server.make_lab` on
a free port (`LAB_ARGS`, no port retries) with fresh per-user Jupyter folders. It serves a
throw-away copy of the course (`LAB_ROOT=<copy>`, holding `source/` with each
`hidden_cases.py`, and `release/`) instead of the repo's `release/`: JupyterLab saves what a
test types and Validate saves first, so the repo is never written, and a source notebook's
kernel starts in its own folder, as `course.recording` needs. Everything else is the
Makefile's recipe as a student runs it (the venv's jupyter with nbgrader's extensions,
127.0.0.1, a token, `--allow-root` as root); `make lab` on the repo itself is
`test_lab.py`. (A second `--ServerApp.root_dir` in `LAB_ARGS` is refused by the server, not
taken as an override, hence the `LAB_ROOT` variable.) The browser gets two user settings:
no news fetching, and no notebook windowing, so every cell is in the page.

JupyterLab is loaded once, in one page, and the notebooks are opened in it one after the
other with File > Open from Path… (the previous one closed, its kernel shut down), as a
student moves from notebook to notebook: loading JupyterLab for each notebook took half of
the run. The release notebooks are used in a second `make lab`, from a thread with its own
Chromium, at the same time as the source notebooks: nbgrader's Validate holds its whole
server while it runs, and the two halves each leave a core mostly idle.

For each row of NOTEBOOKS:
- source notebook: run all; every cell executes with no error or stderr output; every cell
  that calls `plt.show()` shows a loaded image; every cell showing a `course.widgets` widget
  renders it; each slider of the key widget, moved one step with the keyboard, moves its
  readout and redraws the output, and moved back brings back the first drawing. The key
  widget is saved to `build/screenshots/<assignment>.png`.
- release notebook, opened as a student: Validate reports every test cell failing with
  NotImplementedError (not a crash); after typing the reference solution of one exercise
  into its cell, Validate passes that exercise's tests and still fails the others.
- both: the notebook opens on its kernel without asking which kernel to use.

The controls prove the checks catch what they are for: a notebook that does not name the
python3 kernel (no metadata, or a kernel this lab lacks), a widget whose output never
updates, a plot that is not drawn, and a JupyterLab with nbgrader's Validate extension
disabled each fail them.

Needs /usr/bin/chromium (Debian's `chromium`; `make test` installs it as root) and the
`playwright` package, which drives that browser and never downloads one.
"""

import ast
import json
import re
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader import utils

from tests.lab_server import api, make_lab
from tests.nbgrader_course import REPO, Course
from tests.submissions import notebooks, reference_code, source_notebook

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "build" / "screenshots"


@dataclass(frozen=True)
class Row:
    assignment: str  # the folder in source/ and release/
    widget: str  # grade_id of the cell that shows the notebook's key widget (sliders)
    exercise: str  # graded function typed in before the second Validate; calls no other one


# One row per notebook: adding a notebook to the course is adding its row here.
NOTEBOOKS = [
    Row("01_gradient_descent", widget="explorer", exercise="numerical_derivative"),
    Row("02_chain_rule", widget="graph_explorer", exercise="graph_forward"),
    Row("03_two_layer_cat", widget="picture_explorer", exercise="sigmoid_backward"),
    Row("04_deep_cat", widget="signal_explorer", exercise="initialize_parameters_deep"),
    Row("05_optimizers", widget="race_widget", exercise="update_lr"),
]
# The training demos of 03-05 run a few iterations (course.runmode): these tests are about
# what the browser shows; tests/test_notebooks.py runs every notebook in full.
QUICK_DEMOS = {"BACKPROP_COURSE_QUICK": "1"}

CELL_TIMEOUT = 300  # s, the longest one cell may run (03/04 train networks in some cells)
OPEN_TIMEOUT = 120  # s, from the URL to a notebook whose kernel is idle
VALIDATE_TIMEOUT = 900  # s, nbgrader runs the whole notebook
SLIDER_TIMEOUT = 120  # s, from a key press on a slider to the redrawn output
RELEASE_TIMEOUT = 1800  # s, for every release notebook's checks together
VIEWPORT = {"width": 1400, "height": 1000}
SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
IDLE = "(ipykernel) | Idle"  # the status bar once the notebook's kernel is ready
STDERR = "application/vnd.jupyter.stderr"  # stream stderr and error outputs alike
NOT_DRAWN = re.compile(r"^(<Figure size|<Axes|<matplotlib\.)")  # a plot's repr, not the plot
WIDGET_NOT_SHOWN = re.compile(
    r"^(Error displaying widget|Error rendering|Loading widget|[A-Z]\w*\((children|value)=)"
)
NAMES = {a: n for a, n in notebooks()}


def test_every_notebook_of_the_course_has_a_row():
    assert sorted(r.assignment for r in NOTEBOOKS) == sorted(NAMES), (
        "add a Row for each notebook in source/ to NOTEBOOKS in tests/test_browser.py"
    )


# ---------------------------------------------------------------------------------------
# the server and the browser: one of each for the whole file


@contextmanager
def course_lab(tmp):
    """`make lab` on a copy of the course made in `tmp`: the Lab the tests drive."""
    root = Course.copy_of_repo(tmp / "course").root
    with make_lab(tmp, root=root, settings=SETTINGS, environment=QUICK_DEMOS) as url:
        yield Lab(url, root, tmp / "config")


@contextmanager
def headless_chromium():
    """Debian's chromium, headless: one browser context."""
    assert CHROMIUM.exists(), (
        f"the browser tests need {CHROMIUM}: install Debian's package 'chromium' "
        "(`make test` does, as root: apt-get update && apt-get install chromium)"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            # one context: its pages share the HTTP cache, so JupyterLab loads faster each time
            yield chromium.new_context(viewport=VIEWPORT)
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with course_lab(tmp_path_factory.mktemp("lab")) as lab:
        yield lab


@pytest.fixture(scope="module")
def browser():
    with headless_chromium() as context:
        yield context


@pytest.fixture(scope="module")
def page(lab, browser):
    """The JupyterLab page every notebook is opened in, one after the other, as a student
    opens them (File > Open from Path…): JupyterLab loads once, not once per notebook."""
    page = lab.new_page(browser, "course")
    yield page
    page.close()


@dataclass
class Lab:
    url: str
    root: Path  # the served copy of the course
    config: Path  # the server's JUPYTER_CONFIG_DIR
    # page -> [its workspace, the notebook open in it or None]
    pages: dict = field(default_factory=dict)

    def new_page(self, browser, workspace):
        """A new browser page on JupyterLab, loaded, on an empty workspace of its own."""
        page = browser.new_page()
        page.set_default_timeout(30_000)
        self.pages[page] = [workspace, None]
        self._load(page)
        return page

    def _load(self, page):
        base, token = self.url.split("/lab?token=")
        workspace = self.pages[page][0]
        page.goto(f"{base}/lab/workspaces/{workspace}?reset&token={token}")
        page.locator(".jp-DirListing").wait_for(timeout=OPEN_TIMEOUT * 1000)
        self.pages[page][1] = None

    def open(self, page, path):
        """Open notebook `path` (relative to root) in `page`, and check that it opened on
        its kernel without asking for one."""
        self.show(page, path)
        self.check_kernel(page, path)

    def show(self, page, path):
        """Open notebook `path` in `page` (File > Open from Path…), closing the one open
        there; return once its kernel is idle or a dialog shows."""
        if self.pages[page][1]:
            self.close(page, self.pages[page][1])
        if page.locator(".jp-NotebookPanel, .jp-Dialog").count():
            self._load(page)  # a test failed half-way: start from an empty JupyterLab again
        _menu(page, "File", "filebrowser:open-path")
        ask = page.locator(".jp-Dialog", has=page.locator("#jp-dialog-input-id"))
        ask.locator("input").fill(path)
        ask.locator(".jp-Dialog-button.jp-mod-accept").click()
        ask.wait_for(state="detached")
        self.pages[page][1] = path
        page.locator(".jp-NotebookPanel").wait_for(timeout=OPEN_TIMEOUT * 1000)
        idle = page.locator(".jp-StatusBar-TextItem", has_text=IDLE)
        idle.or_(page.locator(".jp-Dialog")).first.wait_for(timeout=OPEN_TIMEOUT * 1000)

    def check_kernel(self, page, path):
        """The notebook opened on the kernel it names, without asking for one."""
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            text = dialog.first.inner_text()
            raise AssertionError(f"opening {path} asks the student to pick a kernel:\n{text}")
        nb = nbformat.read(self.root / path, as_version=4)
        named = nb.metadata.get("kernelspec", {}).get("name")
        started = [s["kernel"]["name"] for s in self.sessions() if s["path"] == path]
        if started != [named]:
            raise AssertionError(
                f"{path} names the kernel {named!r}; JupyterLab fell back to {started}: "
                "with other kernels installed, a student is asked to pick one"
            )
        cells = page.locator(".jp-Notebook .jp-Cell")
        assert cells.count() == len(nb.cells), f"{path}: {cells.count()} of {len(nb.cells)} cells"

    def sessions(self):
        return json.loads(api(self.url, "/api/sessions")[1])

    def close(self, page, path):
        """Shut the notebook's kernel down and close its tab, discarding unsaved outputs.

        Nothing to do if `path` is no longer open in `page` (the next notebook closed it).
        """
        if self.pages[page][1] != path:
            return
        self.pages[page][1] = None
        for session in self.sessions():
            if session["path"] == path:
                api(self.url, f"/api/sessions/{session['id']}", method="DELETE")
        for _ in range(3):  # a dialog a failed test left open
            if not page.locator(".jp-Dialog").count():
                break
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
        tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=Path(path).name)
        tab.locator(".lm-TabBar-tabCloseIcon").click()
        page.wait_for_function(
            "() => !document.querySelector('.jp-NotebookPanel')"
            " || document.querySelector('.jp-Dialog .jp-mod-warn')"
        )
        discard = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-warn")  # "Save your work?"
        if discard.count():
            discard.click()
        page.locator(".jp-NotebookPanel").wait_for(state="detached")


# ---------------------------------------------------------------------------------------
# source notebooks: run all, then look at what the student sees


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda r: r.assignment)
def ran(request, lab, page):
    """(page, notebook, row): the source notebook after Run All has finished."""
    row = request.param
    path = f"source/{row.assignment}/{NAMES[row.assignment]}.ipynb"
    lab.open(page, path)
    run_all(page)
    yield page, nbformat.read(lab.root / path, as_version=4), row
    lab.close(page, path)


def test_every_cell_runs_without_an_error(ran):
    page, nb, _ = ran
    shown = _cells(page)
    errors, not_run = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in shown[i]["stderr"]:
            errors.append(f"cell {i} ({_name(cell)}):\n{output[:2000]}")
        if not re.fullmatch(r"\[\d+\]:", shown[i]["prompt"]):
            not_run.append(f"{i} ({_name(cell)})")
    assert errors == [], "\n\n".join(errors)
    assert not_run == [], f"cells Run All did not execute: {', '.join(not_run)}"


def test_every_plot_is_an_image(ran):
    page, nb, _ = ran
    check_plots(page, nb)


def test_every_widget_renders(ran):
    page, nb, _ = ran
    check_widgets(page, nb)


def test_each_slider_redraws_the_key_widget(ran):
    page, nb, row = ran
    cell = _cell(page, _index(nb, row.widget))
    cell.locator(".widget-slider").first.wait_for()
    cell.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    cell.locator(".jp-Cell-outputArea").screenshot(path=SCREENSHOTS / f"{row.assignment}.png")
    check_sliders(page, cell)


# ---------------------------------------------------------------------------------------
# release notebooks: what a student gets, checked with nbgrader's Validate button.
# Validate runs the notebook inside the server's request handler, which holds the whole
# server for those seconds; so the release notebooks get a `make lab` and a Chromium of their
# own, used from a thread while the source notebooks are checked, and the tests below read
# what the thread saw.


@dataclass
class StudentRun:
    """A release notebook as a student uses it: opened, Validate, one exercise solved,
    Validate again. Filled in by `_use_release_notebooks`; `done` is set when it is over."""

    row: Row
    done: threading.Event = field(default_factory=threading.Event)
    tests: dict | None = None  # {source: grade_id} of the released notebook's test cells
    before: dict | None = None  # Validate's {failed cell source: error}, as released
    code: str = ""  # the exercise's solution, typed into its cell
    saved: str | None = None  # that cell's source once Validate has saved the notebook
    after: dict | None = None  # Validate's {failed cell source: error}, exercise solved
    failure: str = ""  # what went wrong, with its traceback

    def wait(self, what):
        """The run once it is over; fails with the thread's error if `what` was not seen."""
        assert self.done.wait(RELEASE_TIMEOUT), f"{self.row.assignment}: still running"
        if getattr(self, what) is None:
            raise AssertionError(f"{self.row.assignment}: {self.failure or 'not run'}")
        return self


@pytest.fixture(scope="module", autouse=True)
def students(request, tmp_path_factory):
    """{assignment: StudentRun}: the release notebooks, used in the background from the
    start of this file (only when a test below is selected)."""
    runs = {row.assignment: StudentRun(row) for row in NOTEBOOKS}
    if not any(item.name.startswith("test_validate_") for item in request.session.items):
        yield runs
        return
    tmp = tmp_path_factory.mktemp("release-lab")
    thread = threading.Thread(target=_use_release_notebooks, args=(tmp, runs), daemon=True)
    thread.start()
    yield runs
    thread.join(RELEASE_TIMEOUT)


def _use_release_notebooks(tmp, runs):
    """Thread: a `make lab` and a Chromium of its own; each release notebook in turn."""
    try:
        with course_lab(tmp) as lab, headless_chromium() as browser:
            page = lab.new_page(browser, "release")
            for run in runs.values():
                try:
                    _use_release_notebook(lab, page, run)
                except Exception:
                    run.failure = traceback.format_exc()
                finally:
                    run.done.set()
    except Exception:
        failure = traceback.format_exc()
        for run in runs.values():
            if not run.done.is_set():
                run.failure = failure
                run.done.set()


def _use_release_notebook(lab, page, run):
    row = run.row
    path = f"release/{row.assignment}/{NAMES[row.assignment]}.ipynb"
    lab.open(page, path)
    released = nbformat.read(lab.root / path, as_version=4)
    run.tests = _test_cells(released)
    run.before = validate(page, screenshot=f"{row.assignment}-validate")
    run.code = reference_code(source_notebook(row.assignment, NAMES[row.assignment]))[row.exercise]
    index = _index(released, row.exercise)
    type_into_cell(page, index, run.code)
    after = validate(page, screenshot=f"{row.assignment}-validate-solved")
    run.saved = nbformat.read(lab.root / path, as_version=4).cells[index].source
    run.after = after
    lab.close(page, path)


@pytest.mark.parametrize("row", NOTEBOOKS, ids=lambda r: r.assignment)
def test_validate_reports_every_failing_exercise(students, row):
    run = students[row.assignment].wait("before")
    tests, failed = run.tests, run.before
    assert sorted(tests[s] for s in failed if s in tests) == sorted(tests.values())
    for source, error in failed.items():
        if source in tests:
            assert "NotImplementedError" in error, f"{tests[source]} failed otherwise:\n{error}"


@pytest.mark.parametrize("row", NOTEBOOKS, ids=lambda r: r.assignment)
def test_validate_passes_an_exercise_once_it_is_solved(students, row):
    run = students[row.assignment].wait("after")
    assert run.saved == run.code.strip("\n"), "the typed solution was not saved"
    tests = run.tests
    mine = {s: t for s, t in tests.items() if t.startswith(f"test_{row.exercise}")}
    assert mine, f"no test cell for {row.exercise}"
    still_failing = sorted(tests[s] for s in run.after if s in tests)
    assert still_failing == sorted(t for s, t in tests.items() if s not in mine)


# ---------------------------------------------------------------------------------------
# controls: each check fails on the defect it is for


def control_notebook(lab, name, metadata):
    """A small notebook in the served copy: a slider whose output is drawn once, and a plot
    under a non-inline backend, with the notebook `metadata`; its lab path."""
    nb = nbformat.v4.new_notebook(metadata=metadata)
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import ipywidgets as widgets\n"
            "slider = widgets.IntSlider(value=3)\n"
            "output = widgets.Output()\n"
            "with output:\n"
            "    print('drawn once, for value', slider.value)\n"
            "widgets.VBox([slider, output])"
        ),
        nbformat.v4.new_code_cell(
            "import matplotlib\nimport matplotlib.pyplot as plt\n\n"
            "matplotlib.use('agg')  # no inline backend: plt.show() draws nothing\n"
            "plt.plot([1, 2])\nplt.show()"
        ),
    ]
    nbformat.write(nb, lab.root / f"{name}.ipynb")
    return f"{name}.ipynb"


@pytest.fixture(scope="module")
def control_page(lab, browser):
    """A JupyterLab page where nbgrader's Validate plugin is disabled (what `jupyter
    labextension disable` writes, read when a page loads)."""
    page_config = lab.config / "labconfig" / "page_config.json"
    page_config.parent.mkdir(parents=True, exist_ok=True)
    disabled = {"disabledExtensions": {"@jupyter/nbgrader:validate-assignment": True}}
    page_config.write_text(json.dumps(disabled))
    try:
        page = lab.new_page(browser, "controls")
    finally:
        page_config.unlink()
    yield page
    page.close()


def test_control_an_unknown_kernel_a_frozen_widget_and_an_undrawn_plot_fail(lab, control_page):
    # a kernel this lab lacks: JupyterLab falls back to python3 by language here, and asks a
    # student who has more than one Python kernel to pick one
    page = control_page
    kernelspec = {"name": "python3-course", "display_name": "Course", "language": "python"}
    metadata = {"kernelspec": kernelspec, "language_info": {"name": "python"}}
    path = control_notebook(lab, "control_kernel", metadata)
    lab.show(page, path)
    with pytest.raises(AssertionError, match="fell back to"):
        lab.check_kernel(page, path)
    run_all(page)  # on the python3 it fell back to
    with pytest.raises(AssertionError, match="did not redraw"):
        check_sliders(page, _cell(page, 0), timeout=2)
    with pytest.raises(AssertionError, match="shows no image"):
        check_plots(page, nbformat.read(lab.root / path, as_version=4))
    lab.close(page, path)


def test_control_no_kernel_and_no_nbgrader_extension_fail(lab, control_page):
    # a notebook saved with no metadata, in the JupyterLab without nbgrader's Validate
    page = control_page
    path = control_notebook(lab, "control_no_kernel", {})
    lab.show(page, path)
    with pytest.raises(AssertionError, match="pick a kernel"):
        lab.check_kernel(page, path)
    page.keyboard.press("Escape")  # no kernel, as the dialog offers
    page.locator(".jp-Dialog").wait_for(state="detached")
    with pytest.raises(AssertionError, match="no Validate button"):
        validate(page)
    lab.close(page, path)


# ---------------------------------------------------------------------------------------
# what a student does in the page


def _menu(page, menu, command):
    """Click menu `menu` of the menu bar, then its item that runs `command`."""
    page.locator(".lm-MenuBar-item", has_text=menu).click()
    page.locator(f".lm-Menu-item[data-command='{command}']").click()


def run_all(page):
    """Run > Run All Cells, then wait until every code cell has run or the run stopped."""
    _menu(page, "Run", "runmenu:run-all")
    done = -1
    while True:
        # returns the number of executed code cells once it grew, or "finished"
        state = page.wait_for_function(
            """([done, stderr, idleText]) => {
              const prompts = [...document.querySelectorAll(
                  '.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim());
              const ran = prompts.filter(p => /^\\[\\d+\\]:$/.test(p)).length;
              const idle = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
                  .some(s => s.textContent.includes(idleText));
              if (ran === prompts.length && idle) return 'finished';
              // Run All stops at an error: nothing is queued any more
              const stopped = document.querySelector(`.jp-Notebook [data-mime-type="${stderr}"]`)
                  && !prompts.includes('[*]:') && idle;
              if (stopped) return 'finished';
              return ran > done ? String(ran) : false;
            }""",
            arg=[done, STDERR, IDLE],
            timeout=CELL_TIMEOUT * 1000,
            polling=250,
        ).json_value()
        if state == "finished":
            return
        done = int(state)


def check_plots(page, nb):
    """Every cell that calls plt.show() shows an image; every image loaded; no figure repr."""
    shown, broken = _cells(page), []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        loaded, texts = shown[i]["images"], shown[i]["outputs"]
        where = f"cell {i} ({_name(cell)})"
        if re.search(r"\bplt\.show\(\)", cell.source) and not loaded:
            broken.append(f"{where} calls plt.show() and shows no image")
        if not all(loaded):
            broken.append(f"{where} shows an image that did not load")
        broken += [f"{where} shows {t[:80]!r}" for t in texts if NOT_DRAWN.match(t.strip())]
    assert broken == [], "\n".join(broken)


def check_widgets(page, nb, timeout=10):
    """Every cell showing a course.widgets widget renders it; no output is a widget's repr.

    Placeholders ("Loading widget...") get `timeout` seconds to go.
    """
    widget_cells = _widget_cells(nb)
    assert widget_cells, "no cell shows a course.widgets widget"
    deadline = time.monotonic() + timeout
    while True:
        shown, problems = _cells(page), []
        for i, cell in enumerate(nb.cells):
            where = f"cell {i} ({_name(cell)})"
            problems += [
                f"{where} shows {t[:80]!r}"
                for t in shown[i]["outputs"]
                if WIDGET_NOT_SHOWN.match(t.strip())
            ]
            if i in widget_cells and not shown[i]["widgets"]:
                problems.append(f"{where} shows no widget")
        if not problems or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert problems == [], "\n".join(problems)


def check_sliders(page, cell, timeout=SLIDER_TIMEOUT):
    """Each slider of the widget in `cell`, one step away and back, redraws its output."""
    sliders = cell.locator(".widget-slider")
    assert sliders.count(), "the key widget has no slider"
    assert cell.locator(".widget-output").count(), "the key widget has no output"
    for k in range(sliders.count()):
        slider = sliders.nth(k)
        name = slider.locator(".widget-label").inner_text()
        handle = slider.locator(".noUi-handle")
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        away, back = ("ArrowLeft", "ArrowRight") if at_max else ("ArrowRight", "ArrowLeft")
        first = _widget_state(page, cell, k)
        handle.focus()
        page.keyboard.press(away)
        moved = _wait_for_state(page, cell, k, timeout, lambda s, first=first: _differs(s, first))
        if not moved:
            raise AssertionError(f"slider {name!r}: the output did not redraw after {away}")
        handle.press(back)
        returned = _wait_for_state(page, cell, k, timeout, lambda s, first=first: _same(s, first))
        if not returned:
            raise AssertionError(f"slider {name!r}: moved back, the first drawing did not return")


def type_into_cell(page, index, code):
    """Replace the text of cell `index` with `code`, as if typed, and leave edit mode."""
    editor = _cell(page, index).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code.strip("\n"))
    page.keyboard.press("Escape")


def validate(page, screenshot=None):
    """Click Validate; {failed cell source: its error} from the results dialog, then close it."""
    page.locator(".jp-NotebookPanel-toolbar [data-jp-item-name='save']").wait_for()
    button = page.locator(".jp-NotebookPanel-toolbar [data-jp-item-name='runAll'] .validate-button")
    if not button.count():
        raise AssertionError("no Validate button in the notebook toolbar (nbgrader's extension)")
    button.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=VALIDATE_TIMEOUT * 1000)
    title = dialog.locator(".jp-Dialog-header").inner_text()
    message = dialog.locator("#validation-message")
    kind = message.get_attribute("class") if message.count() else ""
    texts = message.locator(".jp-RenderedText pre").all_inner_texts()  # source, error, ...
    shown = dialog.inner_text()[:3000]
    if screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        dialog.locator(".jp-Dialog-content").screenshot(path=SCREENSHOTS / f"{screenshot}.png")
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()  # close it whatever it says
    dialog.wait_for(state="detached")
    assert title == "Validation Results", f"Validate did not run the tests:\n{shown}"
    assert "validation-failed" in kind or "validation-success" in kind, shown
    return {texts[i].strip(): texts[i + 1] for i in range(0, len(texts), 2)}


# ---------------------------------------------------------------------------------------
# helpers


def _cell(page, index):
    return page.locator(".jp-Notebook .jp-Cell").nth(index)


def _name(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id") or cell.source.split("\n")[0][:50]


def _index(nb, grade_id):
    found = [i for i, c in enumerate(nb.cells) if _name(c) == grade_id]
    assert len(found) == 1, f"no single cell with grade_id {grade_id!r}"
    return found[0]


def _test_cells(nb):
    """{source: grade_id} of the test cells (nbgrader's autograder tests)."""
    return {
        c.source.strip(): _name(c) for c in nb.cells if utils.is_grade(c) and c.cell_type == "code"
    }


def _widget_cells(nb):
    """Indices of the code cells whose last line shows a `course.widgets` widget."""
    names = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.ImportFrom) and node.module == "course.widgets":
                    names |= {alias.asname or alias.name for alias in node.names}
    shown = set()
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source.strip():
            last = ast.parse(cell.source).body[-1]
            call = getattr(last, "value", None) if isinstance(last, ast.Expr) else None
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) in names:
                shown.add(i)
    return shown


def _cells(page):
    """What the page shows of each cell, in one look: [{prompt, stderr, outputs, images,
    widgets}] with the texts of its stderr outputs and of all its outputs, whether each
    image loaded, and how many widgets it shows."""
    return page.evaluate(
        """stderr => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map(cell => ({
          prompt: (cell.querySelector('.jp-InputArea-prompt') || {}).textContent?.trim() ?? '',
          stderr: [...cell.querySelectorAll(`[data-mime-type="${stderr}"]`)]
              .map(o => o.innerText),
          outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText),
          images: [...cell.querySelectorAll('.jp-OutputArea-output img')]
              .map(i => i.complete && i.naturalWidth > 0),
          widgets: cell.querySelectorAll('.jp-OutputArea .jupyter-widgets').length,
        }))""",
        STDERR,
    )


def _widget_state(page, cell, k):
    return cell.evaluate(
        """(cell, [k, idle]) => {
          const slider = cell.querySelectorAll('.widget-slider')[k];
          const outputs = [...cell.querySelectorAll('.widget-output')];
          const images = outputs.flatMap(o => [...o.querySelectorAll('img')]);
          return {
            readout: slider.querySelector('.widget-readout').textContent,
            // what the student sees: the text and the pictures
            output: JSON.stringify(outputs.map(
                o => [o.textContent, ...[...o.querySelectorAll('img')].map(i => i.src)])),
            images: images.length,
            drawn: images.every(i => i.complete && i.naturalWidth > 0),
            stderr: outputs.some(o => o.querySelector('[data-mime-type$="stderr"]')),
            idle: [...document.querySelectorAll('.jp-StatusBar-TextItem')]
                .some(s => s.textContent.includes(idle)),
          };
        }""",
        [k, IDLE],
    )


def _differs(state, first):
    """The output was redrawn for a new value: readout and output changed, drawn like before."""
    return (
        state["readout"] != first["readout"]
        and state["output"] != first["output"]
        and state["images"] == first["images"]
        and not state["stderr"]
    )


def _same(state, first):
    return state["readout"] == first["readout"] and state["output"] == first["output"]


def _wait_for_state(page, cell, k, timeout, condition):
    """The widget's state once `condition` holds with the kernel idle and images loaded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = _widget_state(page, cell, k)
        if state["idle"] and state["drawn"] and condition(state):
            return state
        page.wait_for_timeout(50)
    return None
