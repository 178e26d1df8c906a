"""Run ``-m MODULE ARGS`` or ``SCRIPT ARGS`` or ``-c CODE`` and report its own peak RSS.

    python benchmarks/peak.py OUT_FILE -m bot ask "..."

The peak is VmHWM from /proc/self/status, read at exit and written to OUT_FILE in KiB.
A parent's ``wait4``/``ru_maxrss`` cannot be used: Linux carries the forking parent's
high-water mark over ``exec`` into the child's figure, so every child would look as big
as the benchmark process that started it.
"""

import atexit
import runpy
import sys


def _write_peak(path: str) -> None:
    with open("/proc/self/status") as f:
        kib = next(line.split()[1] for line in f if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(kib)


def main() -> None:
    out, args = sys.argv[1], sys.argv[2:]
    atexit.register(_write_peak, out)
    if args[0] == "-c":
        sys.argv = ["-c", *args[2:]]
        exec(compile(args[1], "<string>", "exec"), {"__name__": "__main__"})
    elif args[0] == "-m":
        sys.argv = [args[1], *args[2:]]
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = args
        runpy.run_path(args[0], run_name="__main__")


if __name__ == "__main__":
    main()
