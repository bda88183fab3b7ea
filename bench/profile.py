"""Sampling profiles of the forum server under a scenario's load (py-spy), summarised.

`python -m bench.run --profile` attaches `py-spy record` (non-blocking, raw
collapsed stacks) to the forum process during each scenario's throughput
measurement (S7: while the replies fan out), keeps the stacks in
bench/.data/profiles/<scenario>.txt and puts a summary in the results: the share
of samples whose innermost frame is in each top-level package (SQLAlchemy runs its
sync parts in greenlets, which py-spy shows as separate stacks: they count under
sqlalchemy too), and the inclusive share of the forum's own functions. Profiled
runs are for finding where time goes, not for the figures: py-spy takes CPU too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

_LOCATION = re.compile(r"\(([^()]*?):\d+\)$")


def have_py_spy() -> bool:
    return shutil.which("py-spy") is not None or _venv_py_spy().exists()


def _venv_py_spy() -> Path:
    import sys

    return Path(sys.executable).parent / "py-spy"


class Profiler:
    """py-spy recording one process for a while, in the background."""

    def __init__(self, pid: int, out: Path, rate: int = 100) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        executable = str(_venv_py_spy()) if _venv_py_spy().exists() else "py-spy"
        self.out = out
        self.proc = subprocess.Popen(
            [
                executable,
                "record",
                "-p",
                str(pid),
                "-r",
                str(rate),
                "-f",
                "raw",
                "-o",
                str(out),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> dict[str, Any]:
        import signal

        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        return summarise(self.out) if self.out.exists() else {}


def _package(frame: str) -> str:
    match = _LOCATION.search(frame)
    path = match.group(1) if match else frame
    top = path.split("/")[0]
    if top.endswith(".py"):
        return "stdlib:" + top[:-3]
    return top or "?"


def summarise(path: Path, top: int = 12) -> dict[str, Any]:
    own: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        stack, _, count = line.rpartition(" ")
        frames = [f for f in stack.split(";") if f.strip()]
        if not frames or not count.isdigit():
            continue
        n = int(count)
        total += n
        packages[_package(frames[-1])] += n
        for frame in {re.sub(r":\d+\)$", ")", f) for f in frames if "(server/" in f}:
            own[frame] += n
    if not total:
        return {}
    return {
        "samples": total,
        "self_by_package_pct": {k: round(100 * v / total, 1) for k, v in packages.most_common(top)},
        "forum_functions_inclusive_pct": {
            k: round(100 * v / total, 1)
            for k, v in own.most_common(top)
            if not k.startswith(("main (", "serve ("))
        },
        "stacks": str(path),
    }
