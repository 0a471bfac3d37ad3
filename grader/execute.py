"""nbgrader's Execute: the student's kernel sandboxed and handed its cases, not the case module.

- **Cases, not the case module.** The grader generates the student's hidden cases itself (one
  seed per student, so a regrade gives the same ones) and hands the kernel a *suite* file of
  their inputs and adapters (`course.recording.write_suite`): `hidden_cases.py` and the
  reference never enter the kernel. The judge (`grader.judge`) regenerates the same cases
  from `hidden_cases.py` in nbgrader's process, exactly as before.
- **Sandbox** (`sandbox = True`, the default): the kernel runs in bubblewrap
  (`grader.sandbox`): no course folder, no gradebook, no other student, no network. When
  bubblewrap is missing or cannot run here, grading stops with `SandboxUnavailable` (say
  `c.Execute.sandbox = False` to grade unsandboxed, trusting every submission).

Figures are drawn but not rendered when grading (matplotlib's Agg backend): nothing graded
depends on them, and rendering PNGs was half of a notebook's grading time.

When a notebook cannot be run to the end (the kernel died, or a cell kept running after the
timeout's interrupt), nbclient raises and nbgrader gives up on that submission. `Execute`
changes nothing about that: it only notes the reason in `INCIDENTS` first, so that a grader
running nbgrader in its own process (`grader.autograde`) can say why in an instructor's words.
"""

import inspect
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader import utils
from nbgrader.preprocessors import Execute as NbgraderExecute
from traitlets import Bool, Unicode

from course.recording import SEED_ENV, SUITE_ENV, load_case_module, write_suite
from grader import sandbox as sandboxing
from grader.paths import cases_path, seed_for
from grader.sandbox import GRADING, Sandbox, SandboxedKernelManager, SandboxUnavailable

SUITE_FILE = "suite.pkl"
SLOT_ENV = "BACKPROP_GRADER_SLOT"  # a grading worker's number: its sandbox uid

# {"kind": "timeout" | "kernel died" | "sandbox", "message": ...} of each notebook that could
# not be run.
INCIDENTS = []


class Execute(NbgraderExecute):
    sandbox = Bool(
        True,
        help="Run the student's kernel in a bubblewrap sandbox (grader.sandbox). False trusts "
        "every submission: its code can read the reference and write the gradebook.",
    ).tag(config=True)
    bwrap = Unicode(
        sandboxing.BWRAP, help="The bubblewrap command (a name on PATH or a path)."
    ).tag(config=True)

    def preprocess(self, nb, resources, *args, **kwargs):
        info = resources["nbgrader"]
        assignment, student = info["assignment"], info["student"]
        seed = seed_for(assignment, student)
        folder = Path(tempfile.mkdtemp(prefix="bpc-grading-"))
        self._sandbox = None
        try:
            suite = folder / SUITE_FILE
            module = load_case_module(cases_path(self.config, assignment))
            write_suite(module, _recorded_functions(nb, module), seed, suite)
            env = {SEED_ENV: str(seed), "MPLBACKEND": "agg"}
            env["NBGRADER_EXECUTION"] = os.environ.get("NBGRADER_EXECUTION", "autograde")
            if self.sandbox:
                try:
                    self.check_sandbox()
                except SandboxUnavailable as error:
                    _note(info, "sandbox", str(error))
                    raise
                slot = os.environ.get(SLOT_ENV)
                os.chmod(folder, 0o755)  # the sandbox uid reads the suite (read-only bind)
                os.chmod(suite, 0o644)
                self._sandbox = Sandbox(
                    folder=Path(resources["metadata"]["path"]).resolve(),
                    files={SUITE_FILE: suite},
                    env={**env, SUITE_ENV: f"{GRADING}/{SUITE_FILE}"},
                    slot=int(slot) if slot else None,
                    bwrap=self.bwrap,
                )
                environ = {}
            else:
                environ = {**env, SUITE_ENV: str(suite)}  # the kernel inherits it
            with _environ(environ):
                try:
                    return super().preprocess(nb, resources, *args, **kwargs)
                except DeadKernelError:
                    _note(info, "kernel died", "the kernel died while running the notebook")
                    raise
                except CellTimeoutError:
                    message = f"a cell still ran after {self.timeout} s and an interrupt"
                    _note(info, "timeout", message)
                    raise
        finally:
            if self._sandbox:
                self._sandbox.cleanup()
            shutil.rmtree(folder, ignore_errors=True)

    def check_sandbox(self):
        """Raise SandboxUnavailable unless the sandbox, if configured, runs here (a success
        is remembered by `grader.sandbox`)."""
        if not self.sandbox:
            return
        if shutil.which(self.bwrap) is None:
            raise SandboxUnavailable(sandboxing.MISSING_BWRAP)
        sandboxing.check_available(self.bwrap)

    def create_kernel_manager(self):
        if self._sandbox:
            self.kernel_manager_class = SandboxedKernelManager
        km = super().create_kernel_manager()
        if self._sandbox:
            km.sandbox = self._sandbox
        return km

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        if self._sandbox:
            self._sandbox.seal()
        return kc


def _recorded_functions(nb, module):
    """The functions the notebook's test cells record that the case module has cases for."""
    from grader.judge import recorded_functions

    names = []
    for cell in nb.cells:
        if cell.cell_type == "code" and utils.is_grade(cell):
            names += [n for n in recorded_functions(cell.source) if n not in names]
    return [
        n for n in names if not n.startswith("_") and inspect.isfunction(getattr(module, n, None))
    ]


def _note(info, kind, message):
    notebook = info.get("notebook", "")
    where = f" ({notebook}.ipynb)" if notebook else ""
    INCIDENTS.append({"kind": kind, "message": message + where})


@contextmanager
def _environ(values):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
