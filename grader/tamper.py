"""Spot student code that tampers with the checking machinery (a tripwire, not the defence).

The defence is that the grader judges outside the kernel, so a patched `np.allclose` cannot
earn a point. This tripwire exists to *report* the attempt: it reads the code of the cells a
student may edit and flags changes to numpy, the `course` package or the kernel itself.
Honest solutions never do any of this; the patterns are precise to avoid false alarms.
"""

import ast

from nbgrader import utils

GUARDED_MODULES = {"numpy", "course", "math", "builtins", "sys", "IPython", "warnings", "nbgrader"}
# Attribute names of the checking machinery: assigning one is tampering whatever the object.
CHECK_NAMES = {
    "allclose", "isclose", "array_equal", "array_equiv", "testing", "assert_allclose",
    "assert_array_equal", "assert_almost_equal", "assert_array_almost_equal", "assert_equal",
    "check", "check_that", "mismatch", "record_cases", "run_cases", "encode", "CheckFailed",
}  # fmt: skip
KERNEL_HOOKS = {"input_transformers_post", "input_transformers_cleanup", "ast_transformers",
                "events", "showtraceback", "set_custom_exc"}  # fmt: skip
FORBIDDEN_CALLS = {"setattr", "delattr", "exec", "eval", "compile", "__import__", "globals"}


def find_tampering(nb):
    """One line per suspicious statement in the cells a student may edit."""
    aliases = _guarded_aliases(nb)
    findings = []
    for cell in nb.cells:
        if cell.cell_type != "code" or _is_locked(cell):
            continue
        try:
            tree = ast.parse(_strip_magics(cell.source))
        except SyntaxError:
            continue
        name = cell.metadata.get("nbgrader", {}).get("grade_id", "a cell you added")
        findings += [f"cell '{name}', line {line}: {what}" for line, what in _scan(tree, aliases)]
    return findings


def _is_locked(cell):
    return utils.is_locked(cell) or (utils.is_grade(cell) and not utils.is_solution(cell))


def _strip_magics(source):
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())  # fmt: skip


def _guarded_aliases(nb):
    """Names that refer to a guarded module, or to a function imported from `course`."""
    modules, helpers = set(), set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(_strip_magics(cell.source))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in GUARDED_MODULES:
                        modules.add((alias.asname or alias.name).split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.module:
                root = node.module.split(".")[0]
                if root in GUARDED_MODULES:
                    for alias in node.names:
                        (helpers if root == "course" else modules).add(alias.asname or alias.name)
    return modules | {"np", "numpy", "course"}, helpers


def _scan(tree, aliases):
    modules, helpers = aliases
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            what = _tampering_target(target, modules, helpers)
            if what:
                yield node.lineno, what
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in helpers:
            yield node.lineno, f"redefines {node.name}, a checking helper from course"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                yield node.lineno, f"calls {node.func.id}(), which can rewrite the checks"
        if isinstance(node, ast.Attribute) and node.attr in KERNEL_HOOKS | {"modules", "__dict__"}:
            if node.attr != "modules" or _root_name(node) == "sys":
                yield node.lineno, f"uses .{node.attr}, which can change how the tests run"
        if isinstance(node, ast.Name) and node.id in {"__builtins__", "get_ipython"}:
            yield node.lineno, f"uses {node.id}, which can change how the tests run"


def _tampering_target(target, modules, helpers):
    if isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            what = _tampering_target(element, modules, helpers)
            if what:
                return what
        return None
    if isinstance(target, ast.Attribute):
        if _root_name(target) in modules or target.attr in CHECK_NAMES:
            return f"assigns {ast.unparse(target)}, changing numpy or the checks"
    if isinstance(target, ast.Subscript) and _root_name(target) in modules:
        return f"assigns {ast.unparse(target)}, changing numpy or the checks"
    if isinstance(target, ast.Name) and (target.id in helpers or target.id in {"np", "numpy"}):
        return f"rebinds {target.id}, which the checks rely on"
    return None


def _root_name(node):
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None
