"""Seconds to execute every source notebook top to bottom, as `tests/test_notebooks.py` does.

Each notebook runs in a fresh `python3` kernel (nbclient), in its source folder, with the
full training demos (nbgrader is not running, so `course.runmode` shortens nothing). The
time includes starting the kernel. Prints a Markdown fragment.

    python benchmarks/notebook_times.py
"""

import os
import sys
import time
from pathlib import Path

import nbformat
import numpy  # noqa: F401 (loaded so that blas() can name NumPy's BLAS)
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import blas  # noqa: E402


def main():
    notebooks = sorted((ROOT / "source").glob("*/*.ipynb"))
    threads = os.environ.get("OPENBLAS_NUM_THREADS", f"unset ({os.cpu_count()} cores)")
    lines = [
        f"{blas()}; OPENBLAS_NUM_THREADS={threads}.",
        "",
        "| source notebook | seconds |",
        "|---|---:|",
    ]
    total = 0.0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": path.parent}}
        ).execute()
        seconds = time.perf_counter() - start
        total += seconds
        lines.append(f"| `{path.parent.name}/{path.name}` | {seconds:.1f} |")
        print(f"  {path.parent.name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    lines.append(f"| **all {len(notebooks)}** | **{total:.1f}** |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
