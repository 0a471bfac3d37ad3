"""nbgrader's Execute, with the hidden case module and the seed in the kernel's environment.

Figures are drawn but not rendered when grading (matplotlib's Agg backend): nothing graded
depends on them, and rendering PNGs was half of a notebook's grading time.

When a notebook cannot be run to the end (the kernel died, or a cell kept running after the
timeout's interrupt), nbclient raises and nbgrader gives up on that submission. `Execute`
changes nothing about that: it only notes the reason in `INCIDENTS` first, so that a grader
running nbgrader in its own process (`grader.autograde`) can say why in an instructor's words.
"""

import os
from contextlib import contextmanager

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute as NbgraderExecute

from course.recording import CASES_ENV, SEED_ENV
from grader.paths import cases_path, seed_for

# {"kind": "timeout" | "kernel died", "message": ...} of each notebook that could not be run.
INCIDENTS = []


class Execute(NbgraderExecute):
    def preprocess(self, nb, resources, *args, **kwargs):
        info = resources["nbgrader"]
        env = {
            CASES_ENV: str(cases_path(self.config, info["assignment"])),
            SEED_ENV: str(seed_for(info["assignment"], info["student"])),
            "MPLBACKEND": "agg",
        }
        with _environ(env):  # the kernel inherits the environment it is started in
            try:
                return super().preprocess(nb, resources, *args, **kwargs)
            except DeadKernelError:
                _note(info, "kernel died", "the kernel died while running the notebook")
                raise
            except CellTimeoutError:
                _note(info, "timeout", f"a cell still ran after {self.timeout} s and an interrupt")
                raise


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
