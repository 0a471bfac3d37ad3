"""grader.autograde.new_gradebook: the empty gradebook nbgrader makes, without its subprocess.

nbgrader stamps a new gradebook with the revision `alembic heads` prints, run in a subprocess
(2.5 s). The grader reads the same revision from nbgrader's migration scripts in-process;
these tests hold it to what nbgrader itself makes.
"""

import sqlite3

from nbgrader import api as nbgrader_api
from nbgrader.api import Gradebook

from grader import autograde
from tests.nbgrader_course import nbgrader_env


def _contents(db):
    with sqlite3.connect(db) as conn:
        schema = sorted(conn.execute("select type, name, sql from sqlite_master").fetchall())
        version = conn.execute("select version_num from alembic_version").fetchall()
        courses = conn.execute("select id from course").fetchall()
    return schema, version, courses


def test_the_revision_is_the_one_alembic_prints(monkeypatch):
    monkeypatch.setenv("PATH", nbgrader_env()["PATH"])  # nbgrader runs the venv's `alembic`
    assert autograde.alembic_head() == nbgrader_api.get_alembic_version()


def test_an_empty_gradebook_is_the_one_nbgrader_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", nbgrader_env()["PATH"])
    original = nbgrader_api.get_alembic_version
    Gradebook(f"sqlite:///{tmp_path / 'nbgrader.db'}", course_id="backprop-course").close()
    autograde.new_gradebook(tmp_path / "ours.db", "backprop-course")
    autograde.new_gradebook(tmp_path / "again.db", "backprop-course")  # the kept copy
    expected = _contents(tmp_path / "nbgrader.db")
    assert expected[1] == [(original(),)] and expected[2] == [("backprop-course",)]
    assert _contents(tmp_path / "ours.db") == expected
    assert _contents(tmp_path / "again.db") == expected
    assert nbgrader_api.get_alembic_version is original  # nbgrader is left as it was
    with Gradebook(f"sqlite:///{tmp_path / 'ours.db'}", course_id="backprop-course") as gb:
        gb.add_assignment("a1")
        assert [a.name for a in gb.assignments] == ["a1"]
