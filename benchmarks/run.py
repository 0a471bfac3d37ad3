"""Run the benchmarks and write their results into BENCHMARKS.md (`make bench` calls this).

Each benchmark runs in its own Python process, after waiting for a quiet machine (other
processes using under half a core, up to BENCH_WAIT seconds, default 1800), and its Markdown
fragment replaces the block between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in
BENCHMARKS.md, headed by the machine it ran on and the load before and after. The prose
around the blocks is written by hand.

    python benchmarks/run.py [training] [notebooks] [browser] [grading]   (default: all)
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import description, load, wait_until_quiet  # noqa: E402

BENCHMARKS_MD = ROOT / "BENCHMARKS.md"
OPENBLAS_TUNING = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")

# name -> [(label, script arguments, environment changes)]
RUNS = {
    "training": [
        ("with this machine's environment", ["benchmarks/training_speed.py"], {}),
        (
            "with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (OpenBLAS picks its kernels)",
            ["benchmarks/training_speed.py"],
            dict.fromkeys(OPENBLAS_TUNING),
        ),
    ],
    "notebooks": [("", ["benchmarks/notebook_times.py"], {})],
    "browser": [("", ["benchmarks/browser_tests.py"], {})],
    # BENCH_STUDENTS: the size of the synthetic class (default 50)
    "grading": [
        (
            "",
            ["benchmarks/grading_speed.py", "--students", os.environ.get("BENCH_STUDENTS", "50")],
            {},
        )
    ],
}


def run_one(label, args, changes):
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    before = wait_until_quiet(timeout=float(os.environ.get("BENCH_WAIT", 1800)))
    print(f"running {' '.join(args)} {label}".rstrip(), file=sys.stderr, flush=True)
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    after = load()
    head = f"**{label[0].upper()}{label[1:]}.** " if label else ""
    return f"{head}Before: {before}; after: {after}.\n\n{result.stdout.strip()}"


def replace_block(text, name, body):
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{body}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text)
    return f"{text.rstrip()}\n\n{block}\n"


def main(argv):
    names = argv or list(RUNS)
    unknown = set(names) - set(RUNS)
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {sorted(unknown)}; choose from {list(RUNS)}")
    for name in names:
        parts = [run_one(*run) for run in RUNS[name]]
        body = f"Machine: {description()}.\n\n" + "\n\n".join(parts)
        BENCHMARKS_MD.write_text(replace_block(BENCHMARKS_MD.read_text(), name, body))
        print(f"BENCHMARKS.md: {name} updated", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
