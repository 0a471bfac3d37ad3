"""Milliseconds per training iteration: the reference networks against PyTorch, and DGEMM.

In one process, on the shipped cat pictures (X: 12288 × 209 float64) and from the same
initial weights (`np.random.seed(1)` then the reference `initialize_parameters_deep`):

- the reference `L_layer_model` [12288, 20, 7, 5, 1] (notebook 04) and `two_layer_model`
  [12288, 7, 1] (notebook 03), taken from the source notebooks as the grader takes them;
- the same 4-layer network in PyTorch CPU, float64, autograd for the gradients and the same
  plain gradient-descent update (an optional dependency: `requirements-bench.txt`), as it is
  usually written (no gradient for the input X) and also computing the gradient for X, which
  is the dA0 that the reference's `L_model_backward` must return;
- a diagnostic loop, never graded: the reference blocks with the one GEMM nothing uses
  (dA0 = W1ᵀ dZ1, which `L_model_backward` must return) left out;
- NumPy's DGEMM rate on square matrices (n = 2048) and on the loop's three big GEMMs.

FLOPs count the matrix products (2·n·k·m each); the element-wise work adds under 1%.
Runs are interleaved (each repeat times every candidate once) and the median is kept.
Prints a Markdown fragment.

    python benchmarks/training_speed.py [--iterations 100] [--repeats 5] [--threads 1,2]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import blas  # noqa: E402
from course.data import flatten, load_cat_data  # noqa: E402
from grader.reference import load_reference  # noqa: E402

DEEP = [12288, 20, 7, 5, 1]
TWO = (12288, 7, 1)
LEARNING_RATE = 0.0075
SEED = 1


def gemm_flops(dims, m, with_dA0=True):
    """FLOPs of one iteration's matrix products: forward W A, backward dZ Aᵀ and Wᵀ dZ."""
    layer = [2 * n * n_prev * m for n_prev, n in zip(dims[:-1], dims[1:], strict=True)]
    return 3 * sum(layer) - (0 if with_dA0 else layer[0])


def dgemm_rate(n=2048, repeats=3):
    """GFLOP/s of NumPy's a @ b on n × n float64 matrices (best of `repeats`)."""
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    a @ b  # warm-up
    best = min(_seconds(lambda: a @ b) for _ in range(repeats))
    return 2 * n**3 / best / 1e9


def big_gemms_ms(X, W1, repeats=20):
    """ms for the loop's three big products alone: W1 X, dZ1 Xᵀ and W1ᵀ dZ1 (dA0)."""
    dZ1 = np.random.default_rng(0).standard_normal((W1.shape[0], X.shape[1]))
    products = {
        "W1 X": lambda: W1 @ X,
        "dZ1 Xᵀ": lambda: dZ1 @ X.T,
        "W1ᵀ dZ1 (dA0)": lambda: W1.T @ dZ1,
    }
    for product in products.values():
        product()
    return {name: 1000 * min(_seconds(p) for _ in range(repeats)) for name, p in products.items()}


def _seconds(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def reference_loops(ns2, ns4):
    """{name: train(X, Y, iterations) -> costs}, each from the seed-1 initial weights."""

    def deep(X, Y, iterations):
        np.random.seed(SEED)
        return ns4["L_layer_model"](X, Y, DEEP, LEARNING_RATE, iterations)[1]

    def two(X, Y, iterations):
        np.random.seed(SEED)
        return ns2["two_layer_model"](X, Y, TWO, LEARNING_RATE, iterations)[1]

    def deep_without_dA0(X, Y, iterations):
        np.random.seed(SEED)
        parameters = ns4["initialize_parameters_deep"](DEEP)
        costs = []
        for _ in range(iterations):
            AL, caches = ns4["L_model_forward"](X, parameters)
            costs.append(ns4["compute_cost"](AL, Y))
            grads = _backward_without_dA0(ns4, AL, Y, caches)
            parameters = ns4["update_parameters"](parameters, grads, LEARNING_RATE)
        return costs

    return {"deep": deep, "two": two, "deep_without_dA0": deep_without_dA0}


def _backward_without_dA0(ns, AL, Y, caches):
    """The reference L_model_backward, except that layer 1 skips dA0 = W1ᵀ dZ1."""
    L = len(caches)
    grads = {}
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for layer in range(L, 1, -1):
        activation = "sigmoid" if layer == L else "relu"
        dA, grads[f"dW{layer}"], grads[f"db{layer}"] = ns["linear_activation_backward"](
            dA, caches[layer - 1], activation
        )
    (A_prev, _W, _b), Z = caches[0]
    dZ = ns["relu_backward"](dA, Z)
    m = A_prev.shape[1]
    grads["dW1"] = dZ @ A_prev.T / m
    grads["db1"] = np.sum(dZ, axis=1, keepdims=True) / m
    return grads


def torch_loop(ns4, input_gradient=False):
    """train(X, Y, iterations) -> costs: the 4-layer net in PyTorch, float64, autograd.

    input_gradient: also have autograd compute the gradient for X, the dA0 that the
    reference's `L_model_backward` returns by contract (PyTorch skips it by default).
    """
    import torch

    def train(X, Y, iterations):
        np.random.seed(SEED)
        initial = ns4["initialize_parameters_deep"](DEEP)
        params = [torch.tensor(initial[k], dtype=torch.float64, requires_grad=True)
                  for i in range(1, len(DEEP)) for k in (f"W{i}", f"b{i}")]  # fmt: skip
        Xt = torch.from_numpy(X)  # the same memory, same layout (samples are columns)
        if input_gradient:
            Xt.requires_grad_()
        Yt = torch.from_numpy(np.asarray(Y, dtype=np.float64))
        m = X.shape[1]
        costs = []
        for _ in range(iterations):
            A = Xt
            for i in range(0, len(params), 2):
                Z = params[i] @ A + params[i + 1]
                A = torch.sigmoid(Z) if i == len(params) - 2 else torch.relu(Z)
            cost = -torch.sum(Yt * torch.log(A) + (1 - Yt) * torch.log(1 - A)) / m
            costs.append(cost.item())
            cost.backward()
            with torch.no_grad():
                for p in params:
                    p -= LEARNING_RATE * p.grad
                    p.grad = None
            Xt.grad = None  # dA0 is computed afresh each iteration, never accumulated
        return costs

    return train


def set_threads(threads):
    from threadpoolctl import threadpool_limits

    limits = threadpool_limits(threads, user_api="blas")
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:
        pass
    return limits


def measure(iterations, repeats, threads):
    train_x_orig, train_y, _, _, _ = load_cat_data()
    X = flatten(train_x_orig)
    Y = train_y.reshape(1, -1)
    m = X.shape[1]
    ns2 = load_reference(ROOT / "source/03_two_layer_cat/two_layer_cat.ipynb")
    ns4 = load_reference(ROOT / "source/04_deep_cat/deep_cat.ipynb")
    loops = reference_loops(ns2, ns4)
    try:
        loops["torch"] = torch_loop(ns4)
        loops["torch_dA0"] = torch_loop(ns4, input_gradient=True)
        import torch

        torch_version = torch.__version__
    except ImportError:
        torch_version = None
    np.random.seed(SEED)
    W1 = ns4["initialize_parameters_deep"](DEEP)["W1"]

    results = {}
    for n in threads:
        limits = set_threads(n)
        try:
            rate = dgemm_rate()
            gemms = big_gemms_ms(X, W1)
            for train in loops.values():
                train(X, Y, 3)  # warm-up: BLAS threads, caches
            times = {name: [] for name in loops}
            costs = {}
            for _ in range(repeats):
                for name, train in loops.items():
                    start = time.perf_counter()
                    costs[name] = train(X, Y, iterations)
                    times[name].append(1000 * (time.perf_counter() - start) / iterations)
            results[n] = {
                "dgemm": rate,
                "gemms": gemms,
                "ms": {name: statistics.median(t) for name, t in times.items()},
                "costs": costs,
            }
        finally:
            limits.restore_original_limits()
    return results, m, torch_version


def report(results, m, torch_version, iterations, repeats):
    threads = list(results)
    flops = {
        "deep": gemm_flops(DEEP, m),
        "torch": gemm_flops(DEEP, m, with_dA0=False),  # autograd computes no gradient for X
        "torch_dA0": gemm_flops(DEEP, m),
        "deep_without_dA0": gemm_flops(DEEP, m, with_dA0=False),
        "two": gemm_flops(TWO, m),
    }
    names = {
        "deep": f"reference `L_layer_model` {DEEP}",
        "torch": f"PyTorch {torch_version} autograd, same net, float64" if torch_version else None,
        "torch_dA0": (
            "PyTorch, the same, also computing the gradient for X (the contract's dA0)"
            if torch_version
            else None
        ),
        "deep_without_dA0": "reference blocks without the unused dA0 (diagnostic, not graded)",
        "two": f"reference `two_layer_model` {list(TWO)}",
    }
    env = {k: os.environ.get(k, "unset") for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    lines = [
        f"NumPy {np.__version__}, {blas()}; OPENBLAS_CORETYPE={env['OPENBLAS_CORETYPE']}, "
        f"OPENBLAS_L2_SIZE={env['OPENBLAS_L2_SIZE']}; {iterations} iterations, median of "
        f"{repeats} interleaved repeats.",
        "",
        "| loop | GEMM MFLOP / it. | "
        + " | ".join(f"{n} thr.: ms / it. | {n} thr.: GFLOP/s (% of DGEMM)" for n in threads)
        + " |",
        "|---|---:|" + "---:|---:|" * len(threads),
        "| DGEMM, NumPy, 2048 × 2048 | — | "
        + " | ".join(f"— | {results[n]['dgemm']:.1f} (100%)" for n in threads)
        + " |",
    ]
    for key, label in names.items():
        if not label or key not in results[threads[0]]["ms"]:
            continue
        cells = []
        for n in threads:
            ms = results[n]["ms"][key]
            gflops = flops[key] / (ms / 1000) / 1e9
            cells.append(f"{ms:.2f} | {gflops:.1f} ({100 * gflops / results[n]['dgemm']:.0f}%)")
        lines.append(f"| {label} | {flops[key] / 1e6:.1f} | " + " | ".join(cells) + " |")
    for n in threads:
        gemms = results[n]["gemms"]
        parts = ", ".join(f"{name} {ms:.2f} ms" for name, ms in gemms.items())
        lines.append("")
        lines.append(
            f"{n} thread(s): the three big GEMMs alone take {sum(gemms.values()):.2f} ms "
            f"per iteration ({parts})."
        )
        costs = results[n]["costs"]
        if "torch" in costs:
            gap = max(abs(a - b) for a, b in zip(costs["deep"], costs["torch"], strict=True))
            gap_dA0 = max(
                abs(a - b) for a, b in zip(costs["deep"], costs["torch_dA0"], strict=True)
            )
            lines.append(
                f"Same computation: the PyTorch costs differ from the reference's by at most "
                f"{gap:.1e} ({gap_dA0:.1e} with the gradient for X) over {iterations} "
                f"iterations (cost {costs['deep'][-1]:.6f} at the end)."
            )
        gap = max(abs(a - b) for a, b in zip(costs["deep"], costs["deep_without_dA0"], strict=True))
        lines.append(f"Without dA0 the costs are unchanged (largest difference {gap:.1e}).")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", default="1,2")
    args = parser.parse_args(argv)
    threads = [int(t) for t in args.threads.split(",")]
    results, m, torch_version = measure(args.iterations, args.repeats, threads)
    print(report(results, m, torch_version, args.iterations, args.repeats))


if __name__ == "__main__":
    main()
