"""What machine a benchmark ran on, and how busy the rest of it was just before.

A timing is only worth recording on a quiet machine. `others_busy()` samples /proc/stat
while this process sleeps, so what it sees is everyone else: 0.0 is an idle machine, 1.0 one
core fully taken by others. `wait_until_quiet()` waits for a quiet spell before a timed run.
"""

import os
import platform
import sys
import time
from datetime import UTC, datetime


def _cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields[:8]), idle


def others_busy(seconds=3.0):
    """Cores' worth of CPU used by other processes over `seconds` (we sleep meanwhile)."""
    if not os.path.exists("/proc/stat"):
        return float("nan")
    total0, idle0 = _cpu_times()
    time.sleep(seconds)
    total1, idle1 = _cpu_times()
    if total1 == total0:
        return 0.0
    return (1 - (idle1 - idle0) / (total1 - total0)) * (os.cpu_count() or 1)


def load():
    """'load 0.12 / 0.30, others 0.05 cores': the 1- and 5-minute load and a fresh sample."""
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} / {five:.2f}, others {others_busy():.2f} cores"


def wait_until_quiet(threshold=0.5, timeout=1800, log=sys.stderr):
    """Wait (up to `timeout` s) until others use under `threshold` cores; the load then.

    Returns the load text, marked NOT QUIET when the machine never calmed down.
    """
    deadline = time.monotonic() + timeout
    while True:
        busy = others_busy(5.0)
        if busy < threshold:
            return load()
        if time.monotonic() > deadline:
            return load() + " (NOT QUIET: timed anyway)"
        print(f"  machine busy ({busy:.2f} cores used by others): waiting", file=log, flush=True)
        time.sleep(30)


def description():
    """One line: CPU, cores, memory, OS, Python, date."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
        memory = f", {kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    system = platform.platform(terse=True)
    try:
        with open("/etc/os-release") as f:
            system = next(line.split("=", 1)[1].strip().strip('"') for line in f
                          if line.startswith("PRETTY_NAME="))  # fmt: skip
    except (OSError, StopIteration):
        pass
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{cpu}, {os.cpu_count()} cores{memory}, {system}, "
            f"Python {platform.python_version()}; {date}")  # fmt: skip


def blas():
    """'OpenBLAS 0.3.31 (Haswell kernels), 2 threads' for NumPy's BLAS in this process."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "BLAS unknown (threadpoolctl not installed)"
    infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not infos:
        return "BLAS unknown"
    info = infos[0]
    name = {"openblas": "OpenBLAS", "mkl": "MKL"}.get(info["internal_api"], info["internal_api"])
    arch = f" ({info['architecture']} kernels)" if info.get("architecture") else ""
    return f"{name} {info.get('version', '')}{arch}"
