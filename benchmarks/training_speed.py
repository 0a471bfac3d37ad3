"""Milliseconds per training iteration of the reference networks on the shipped cat data.

Runs the reference `two_layer_model` (notebook 03) and `L_layer_model` (notebook 04), taken
from the source notebooks the way the grader takes them, for a few iterations after a warm-up,
and prints one Markdown table row per network. Set OPENBLAS_NUM_THREADS before starting
Python to choose the number of BLAS threads (it cannot change once NumPy is loaded).

    OPENBLAS_NUM_THREADS=2 python benchmarks/training_speed.py [ITERATIONS]
"""

import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course.data import flatten, load_cat_data  # noqa: E402
from grader.reference import load_reference  # noqa: E402

NETWORKS = [  # (notebook, training function, layer sizes)
    ("03_two_layer_cat/two_layer_cat.ipynb", "two_layer_model", (12288, 7, 1)),
    ("04_deep_cat/deep_cat.ipynb", "L_layer_model", [12288, 20, 7, 5, 1]),
]


def ms_per_iteration(train, X, Y, dims, iterations):
    np.random.seed(1)
    train(X, Y, dims, num_iterations=3)  # warm-up: BLAS threads, caches
    np.random.seed(1)
    start = time.perf_counter()
    train(X, Y, dims, num_iterations=iterations)
    return 1000 * (time.perf_counter() - start) / iterations


def main(iterations=100):
    train_x_orig, train_y, _, _, _ = load_cat_data()
    X = flatten(train_x_orig)
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    print(f"# {machine}, NumPy {np.__version__}, OPENBLAS_NUM_THREADS={threads}, {iterations} it.")
    print("| network | ms per iteration | 2500 iterations (s) |")
    print("|---|---:|---:|")
    for notebook, name, dims in NETWORKS:
        train = load_reference(ROOT / "source" / notebook)[name]
        ms = ms_per_iteration(train, X, train_y, dims, iterations)
        print(f"| {name} {list(dims)} | {ms:.2f} | {ms * 2.5:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
