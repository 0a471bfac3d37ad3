"""nbgrader's Execute, with the hidden case module and the seed in the kernel's environment.

Figures are drawn but not rendered when grading (matplotlib's Agg backend): nothing graded
depends on them, and rendering PNGs was half of a notebook's grading time.
"""

import os
from contextlib import contextmanager

from nbgrader.preprocessors import Execute as NbgraderExecute

from course.recording import CASES_ENV, SEED_ENV
from grader.paths import cases_path, seed_for


class Execute(NbgraderExecute):
    def preprocess(self, nb, resources, *args, **kwargs):
        info = resources["nbgrader"]
        env = {
            CASES_ENV: str(cases_path(self.config, info["assignment"])),
            SEED_ENV: str(seed_for(info["assignment"], info["student"])),
            "MPLBACKEND": "agg",
        }
        with _environ(env):  # the kernel inherits the environment it is started in
            return super().preprocess(nb, resources, *args, **kwargs)


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
