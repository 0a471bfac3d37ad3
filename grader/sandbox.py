"""Run the student's kernel in a bubblewrap sandbox: nbgrader's kernel manager, wrapped.

Plain nbgrader starts the student's kernel as the grader's user in the autograded folder:
its code could read `source/` (the reference), overwrite `gradebook.db`, read other
students' work and reach the network. Here the kernel command that jupyter_client builds
(`python -m ipykernel_launcher -f <connection file>`) runs inside `bwrap` instead, with

- a fresh, empty filesystem: read-only binds of `/usr`, the Python installation, the venv,
  the `course` package and its `datasets/` (what a student has), a few files of `/etc`;
- the student's folder as a *copy* in a size-capped tmpfs (its working directory), `/tmp`
  a size-capped tmpfs, and `/grading` (read-only) for what the grader hands the kernel;
- new PID, network (no network at all), IPC, UTS and cgroup namespaces; a cleared
  environment; killed with the grader (`--die-with-parent`);
- as root: an unprivileged uid of its own (one per grading worker, so a fork bomb cannot
  starve the next worker's kernel) with no capabilities and `no_new_privs`; and `prlimit`
  caps on memory, file size, processes and open files.

The kernel talks to nbgrader over ZeroMQ *ipc* sockets in a private folder (TCP would need
the network); once the kernel is up, that folder is no longer writable by the kernel.
Interrupts are sent as messages (a signal would reach bwrap, not the kernel).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import DEVNULL

from jupyter_client.manager import AsyncKernelManager

BWRAP = "bwrap"
SETPRIV = "/usr/bin/setpriv"
PRLIMIT = "/usr/bin/prlimit"
HOME = "/home/student"
WORK = f"{HOME}/work"  # the kernel's working directory: a copy of the student's folder
GRADING = "/grading"  # read-only: what the grader hands the kernel (the case suite)
SUBMISSION = f"{GRADING}/submission"  # read-only original of the student's folder
PRIVATE_PREFIX = "bpc-kernel-"  # the kernel's private folder (sockets), in the host's temp dir
MPLCONFIGDIR = "/tmp/matplotlib"  # matplotlib's cache, in the sandbox's own /tmp
FIRST_UID = 62000  # sandbox uids: FIRST_UID + slot (only when the grader runs as root)
ETC_FILES = ["ld.so.cache", "passwd", "group", "localtime", "nsswitch.conf", "hosts"]


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces here: a grader problem."""


@dataclass(frozen=True)
class Limits:
    memory: int = 3 << 30  # address space: a memory hog gets MemoryError, not the machine
    file_size: int = 256 << 20  # largest file the kernel may write (in its tmpfs)
    processes: int = 256  # per sandbox uid, threads included (root only: see module doc)
    open_files: int = 512
    work_size: int = 512 << 20  # tmpfs for the copy of the student's folder
    tmp_size: int = 256 << 20  # tmpfs for /tmp


@dataclass
class Sandbox:
    """One kernel's sandbox.

    folder: the student's folder on the host (copied into the sandbox, never written);
    files: {name: host path} handed to the kernel read-only as /grading/<name>;
    env: the kernel's whole environment, on top of a few fixed variables;
    slot: which sandbox uid to use (grading workers pass their number);
    bwrap: the bubblewrap command.
    """

    folder: Path
    files: dict = field(default_factory=dict)
    env: dict = field(default_factory=dict)
    slot: int | None = None
    limits: Limits = field(default_factory=Limits)
    bwrap: str = BWRAP

    def __post_init__(self):
        self.private = Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX))  # sockets, connection file
        self.as_root = os.geteuid() == 0
        slot = self.slot if self.slot is not None else os.getpid() % 1000
        self.uid = FIRST_UID + slot if self.as_root else os.getuid()
        if self.as_root:
            os.chown(self.private, self.uid, self.uid)
        os.chmod(self.private, 0o700)

    @property
    def connection_file(self):
        return self.private / "kernel.json"

    def command(self, kernel_cmd):
        """The bwrap command line that runs `kernel_cmd` (jupyter_client's) in the sandbox."""
        bwrap = shutil.which(self.bwrap)
        if bwrap is None:
            raise SandboxUnavailable(MISSING_BWRAP)
        args = [bwrap, "--die-with-parent", "--new-session", "--clearenv"]
        if self.as_root:  # bwrap mounts as root; setpriv below drops to the sandbox uid
            args += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
            args += ["--unshare-cgroup-try"]
        else:  # an unprivileged grader: bwrap makes a user namespace
            args += ["--unshare-all", "--disable-userns"]
        args += ["--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev"]
        for name in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
            target = Path("/", name)
            if target.is_symlink():
                args += ["--symlink", os.readlink(target), str(target)]
            elif target.is_dir():
                args += ["--ro-bind", str(target), str(target)]
        for name in ETC_FILES:
            if Path("/etc", name).exists():
                args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        args += ["--perms", "1777", "--size", str(self.limits.tmp_size), "--tmpfs", "/tmp"]
        args += ["--perms", "0777", "--size", str(self.limits.work_size), "--tmpfs", HOME]
        mounted = {"/", "/usr", "/tmp", HOME}
        for path in read_only_paths():
            args += _directories(path, mounted) + ["--ro-bind", str(path), str(path)]
        args += _directories(self.private, mounted)
        args += ["--bind", str(self.private), str(self.private)]
        args += ["--dir", GRADING, "--ro-bind", str(self.folder), SUBMISSION]
        for name, host_path in self.files.items():
            args += ["--ro-bind", str(host_path), f"{GRADING}/{name}"]
        args += ["--chdir", HOME]
        for key, value in self.environment().items():
            args += ["--setenv", key, value]
        args.append("--")
        if self.as_root:
            args += [SETPRIV, f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                     "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]  # fmt: skip
        args += [PRLIMIT, f"--as={self.limits.memory}", f"--fsize={self.limits.file_size}",
                 f"--nofile={self.limits.open_files}"]  # fmt: skip
        if self.as_root:  # counted per uid: without a uid of its own it would count ours
            args.append(f"--nproc={self.limits.processes}")
        # copy the student's folder into the tmpfs, then become the kernel
        copy = f"mkdir -p {WORK} && cp -R {SUBMISSION}/. {WORK}/ 2>/dev/null; cd {WORK}"
        copy += ' && exec "$@"'
        return args + ["--", "/bin/sh", "-c", copy, "sh", *kernel_cmd]

    def environment(self):
        venv_bin = str(Path(sys.executable).parent)
        fixed = {
            "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
            "HOME": HOME,
            "LANG": "C.UTF-8",
            "MPLBACKEND": "agg",
            "MPLCONFIGDIR": MPLCONFIGDIR,
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONNOUSERSITE": "1",
        }
        return {**fixed, **{k: str(v) for k, v in self.env.items()}}

    def seal(self):
        """The kernel is up: it may no longer create files next to its sockets."""
        if self.as_root:
            os.chown(self.private, 0, 0)
            os.chmod(self.private, 0o755)

    def cleanup(self):
        shutil.rmtree(self.private, ignore_errors=True)


def read_only_paths():
    """What the kernel may read: Python, the venv, the `course` package and its data."""
    import course  # the student's package, installed in the venv (editable in the repo)
    from course.data import SHIPPED

    paths = [Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()]
    paths += [Path(course.__file__).resolve().parent, Path(SHIPPED).resolve()]
    unique = []
    for path in paths:
        if path.exists() and not any(path == p or p in path.parents for p in unique):
            unique = [p for p in unique if path not in p.parents] + [path]
    return sorted(unique)


def _directories(path, mounted):
    """bwrap arguments creating the parents of `path` world-traversable (0755).

    bwrap would otherwise copy each parent's mode, and a parent like /root (0700) would
    keep the sandbox uid out of a Python installed under it.
    """
    args = []
    for parent in reversed(Path(path).parents):
        if str(parent) not in mounted:
            mounted.add(str(parent))
            args += ["--perms", "0755", "--dir", str(parent)]
    mounted.add(str(path))
    return args


class SandboxedKernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager, launching the kernel in `self.sandbox`."""

    sandbox: Sandbox | None = None

    async def _async_pre_start_kernel(self, **kw):
        self.transport = "ipc"
        self.cache_ports = False  # the port cache binds TCP ports
        self.connection_file = str(self.sandbox.connection_file)
        self.ip = str(self.sandbox.private / "k")
        self.kernel_spec.interrupt_mode = "message"  # a signal would hit bwrap
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        if self.sandbox.as_root:
            os.chown(self.connection_file, self.sandbox.uid, self.sandbox.uid)
        kw.update(
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            cwd=str(self.sandbox.private),
            stdout=DEVNULL,  # the kernel's own stdout/stderr: never the grader's terminal
            stderr=DEVNULL,
        )
        return await super()._async_launch_kernel(self.sandbox.command(kernel_cmd), **kw)

    def exit_status(self):
        """The sandbox's exit status once the kernel has died, else None."""
        process = getattr(self.provisioner, "process", None)
        return process.poll() if process is not None else None


ESCAPE = (
    "(To grade without a sandbox, trusting every submission, set c.Execute.sandbox = False "
    "in nbgrader_config.py.)"
)
MISSING_BWRAP = (
    "The grader runs each student's kernel in a bubblewrap sandbox, and `bwrap` is not "
    "installed. On Debian or Ubuntu: sudo apt-get install bubblewrap (or make bubblewrap). "
    + ESCAPE
)


_WORKS = set()  # bwrap commands that ran a sandboxed Python in this process


def check_available(bwrap=BWRAP):
    """Raise SandboxUnavailable unless Python runs in the sandbox here (checked once)."""
    if bwrap in _WORKS:
        return
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        sandbox = Sandbox(Path(folder), bwrap=bwrap)
        try:
            command = sandbox.command([sys.executable, "-c", "import numpy, course"])
            result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        finally:
            sandbox.cleanup()
    if result.returncode != 0:
        raise SandboxUnavailable(
            "bubblewrap could not run the student's kernel here (are user namespaces "
            f"disabled?): {result.stderr.strip()[-1500:]}\n{ESCAPE}"
        )
    _WORKS.add(bwrap)


if __name__ == "__main__":  # make bubblewrap
    try:
        check_available()
    except SandboxUnavailable as error:
        sys.exit(str(error))
    print("bubblewrap runs the student's kernel in a sandbox here.")
