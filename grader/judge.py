"""Judge the recorded hidden-test outputs outside the student's kernel.

Runs in nbgrader's autograde pipeline right after `Execute`. For each test cell that calls
`record_cases("<function>", ...)` in its (restored, locked) source, it

- takes the record the kernel displayed and removes it from the cell's outputs, so no
  hidden input or output reaches the autograded notebook or the feedback;
- regenerates the same cases, runs the reference on them and compares with
  `course.compare.mismatch`;
- appends an error output when a case fails or the record is missing or malformed (nbgrader
  then scores the cell 0), or a short "passed" line when every case matches.

Warnings printed to stderr in a judged cell do not cost a correct answer: they are kept as
ordinary output. Tampering found by `grader.tamper` is reported in every judged cell and
in the log; the points are decided by the comparison alone.
"""

import ast

import nbformat
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

from course.compare import mismatch
from course.mistakes import Raised, catalogue, diagnose
from course.recording import (
    RECORD_MIME,
    cases_for,
    decode,
    load_case_module,
    recorded_callable,
    run_cases,
)
from grader.paths import cases_path, notebook_path, seed_for
from grader.reference import load_reference
from grader.tamper import find_tampering


class HiddenTestsUnavailable(RuntimeError):
    """The grader itself could not run the hidden tests (a course problem, not a student's)."""


class JudgeRecords(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        assignment, student = info["assignment"], info["student"]
        self._cases = load_case_module(cases_path(self.config, assignment))
        self._reference = load_reference(notebook_path(self.config, assignment, info["notebook"]))
        self._seed = seed_for(assignment, student)
        self._mistakes = catalogue(info["notebook"])
        self._tampering = find_tampering(nb)
        for finding in self._tampering:
            self.log.warning("Tampering reported for %s/%s: %s", student, assignment, finding)
        resources.setdefault("backprop_course", {})["tampering"] = self._tampering
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        functions = recorded_functions(cell.source) if cell.cell_type == "code" else []
        if not functions or not utils.is_grade(cell):
            return cell, resources
        records = [o for o in cell.outputs if RECORD_MIME in o.get("data", {})]
        cell.outputs = [_quiet(o) for o in cell.outputs if o not in records]
        failures = [self._judge(name, records) for name in functions]
        failures = [f for f in failures if f]
        if self._tampering:
            report = "\n".join(["Tampering reported (judged outside your kernel):"]
                               + [f"  {t}" for t in self._tampering])  # fmt: skip
            cell.outputs.append(_stream(report))
        already_failed = any(o.output_type == "error" for o in cell.outputs)
        if failures and not (already_failed and all(f.startswith("no record") for f in failures)):
            cell.outputs.append(_error("\n".join(failures)))
        elif not failures:
            cell.outputs.append(_stream(f"Hidden tests passed: {', '.join(functions)}."))
        return cell, resources

    def _judge(self, name, records):
        """None if the recorded outputs of `name` match the reference, else a message."""
        record = next((r["data"][RECORD_MIME] for r in records
                       if _function_of(r["data"][RECORD_MIME]) == name), None)  # fmt: skip
        if record is None:
            return f"no record of the hidden tests of {name}: the test cell did not finish."
        return judge_outcomes(self._cases, name, self._reference[name], self._seed,
                              record.get("outcomes"), self._mistakes)  # fmt: skip


def judge_outcomes(cases_module, name, reference, seed, outcomes, mistakes=()):
    """None if `outcomes` (recorded on the cases of `name`) match the reference, else a message.

    cases_module: the assignment's hidden case module; reference: the reference `name`;
    outcomes: what `course.recording.run_cases` returned for the student's `name`;
    mistakes: the notebook's catalogue of known mistakes (`course.mistakes`), whose entry
    is named when the failures have its signature.
    Raises HiddenTestsUnavailable when the reference itself fails: a course problem.
    """
    try:
        cases = cases_for(cases_module, name, seed)
        expected = run_cases(recorded_callable(cases_module, name, reference), cases)
    except Exception as error:
        raise HiddenTestsUnavailable(f"reference for {name} failed: {error!r}") from error
    broken = [o["error"] for o in expected if "error" in o]
    if broken:
        raise HiddenTestsUnavailable(f"reference for {name} raised {broken[0]}")
    if not isinstance(outcomes, list) or len(outcomes) != len(cases):
        return f"{name}: the record of the hidden tests is malformed (was it tampered with?)."
    tolerance = getattr(cases_module, "TOLERANCES", {}).get(name, {})
    names = getattr(cases_module, "OUTPUT_NAMES", {}).get(name)
    problems, failing = [], []
    for case, want, got in zip(cases, expected, outcomes, strict=True):
        wanted = decode(want["value"])
        problem = _compare(name, got, wanted, tolerance, names)
        if problem:
            problems.append((case.label, problem))
            if isinstance(got, dict) and "error" in got:
                failing.append((Raised(got["error"]), wanted, case))
            elif isinstance(got, dict) and "value" in got:
                failing.append((_decoded(got), wanted, case))
    if not problems:
        return None
    label, problem = problems[0]
    message = (f"{name} failed {len(problems)} of {len(cases)} hidden cases. "
               f"First failure, on {label}:\n  {problem}")  # fmt: skip
    mistake = diagnose(mistakes, name, failing) if len(failing) == len(problems) else None
    return f"{message}\nLikely mistake: {mistake.says}" if mistake else message


def _decoded(outcome):
    try:
        return decode(outcome["value"])
    except (ValueError, TypeError, KeyError):
        return None


def recorded_functions(source):
    """Names passed to record_cases("...") in a test cell's source, in order."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "record_cases"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def _compare(name, outcome, expected, tolerance, names=None):
    """None if the recorded `outcome` matches `expected`, else a message.

    names: what the items of a tuple output are called (the case module's OUTPUT_NAMES),
    so that a message says "two_layer_model → costs[0]" rather than "two_layer_model[1][0]".
    """
    if not isinstance(outcome, dict):
        return "the record is malformed"
    if "error" in outcome:
        return f"{name} raised {str(outcome['error'])[:300]}"
    try:
        got = decode(outcome.get("value"))
    except (ValueError, TypeError, KeyError) as error:
        return f"the recorded output could not be read ({error})"
    named = names and isinstance(expected, tuple) and len(names) == len(expected)
    if named and isinstance(got, tuple | list) and len(got) == len(expected):
        for item, want, label in zip(got, expected, names, strict=True):
            problem = mismatch(item, want, where=f"{name} → {label}", **tolerance)
            if problem:
                return problem
        return None
    return mismatch(got, expected, where=name, **tolerance)


def _function_of(record):
    return record.get("function") if isinstance(record, dict) else None


def _quiet(output):
    """stderr (warnings) in a judged cell is shown as ordinary output: the judge decides."""
    if output.output_type == "stream" and output.name == "stderr":
        return _stream(output.text)
    return output


def _stream(text):
    return nbformat.v4.new_output("stream", name="stdout", text=text.rstrip("\n") + "\n")


def _error(message):
    return nbformat.v4.new_output(
        "error", ename="HiddenTestFailed", evalue=message, traceback=message.splitlines()
    )
