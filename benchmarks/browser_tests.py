"""Seconds for the browser tests (`tests/test_browser.py`), several runs in a row.

Each run is a fresh `python -m pytest tests/test_browser.py` (a new `make lab` server, a new
headless Chromium), as `make test` runs it; the time is the command's wall time, pytest's
start-up included, and each run must pass. Prints a Markdown fragment.

    python benchmarks/browser_tests.py [--runs 3]
"""

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run():
    """(wall seconds, pytest's summary line) of one run of the browser tests."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_browser.py", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    summary = re.findall(r"^=*\s*(\d+ (?:passed|failed).*?)\s*=*$", result.stdout, re.M)
    if result.returncode != 0:
        raise RuntimeError(f"the browser tests failed:\n{result.stdout[-4000:]}")
    return seconds, summary[-1] if summary else "?"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    lines = ["| run | wall: s | pytest says |", "|---:|---:|---|"]
    for k in range(1, args.runs + 1):
        seconds, summary = one_run()
        print(f"  run {k}: {seconds:.1f} s", file=sys.stderr, flush=True)
        lines.append(f"| {k} | {seconds:.1f} | {summary} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
