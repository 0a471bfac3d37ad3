"""`make lab` starts a headless JupyterLab on the student notebooks, ready to use.

This runs the README's command itself (on a free port), reads the URL it prints, and asks
the server what a student's browser would: the release notebooks, a python3 kernel that
imports `course`, and nbgrader's Validate working on a release notebook. It serves the
repo's own `release/` (the default `LAB_ROOT`); `test_browser.py` drives a real browser.
"""

import json

from tests.lab_server import api, make_lab
from tests.submissions import notebooks


def test_make_lab_serves_the_release_notebooks_headless(tmp_path):
    with make_lab(tmp_path) as url:
        status, _ = api(url, "/lab")
        assert status == 200
        listing = json.loads(api(url, "/api/contents")[1])
        assert {a for a, _ in notebooks()} <= {item["name"] for item in listing["content"]}
        specs = json.loads(api(url, "/api/kernelspecs")[1])
        assert specs["default"] == "python3" and "python3" in specs["kernelspecs"]
        assignment, notebook = notebooks()[0]
        path = f"{assignment}/{notebook}.ipynb"
        body = json.dumps({"path": path}).encode()
        status, reply = api(url, "/assignments/validate", data=body)
        result = json.loads(reply)
        assert result["success"], result
        assert "NotImplementedError" in json.dumps(result["value"]), "Validate ran no test"
