"""The processes under test: the forum (`moin-forum serve`) and the baseline.

Each runs as one uvicorn worker in its own process group, its output in a log file.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / ".data"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def console_script(name: str) -> str:
    """The console script installed beside this interpreter (the venv's), else from PATH."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime are the 14th and 15th fields of stat; fields[0] here is the 3rd.
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


class ServerProcess:
    """A server started in its own process group, with its output in a log file."""

    def __init__(
        self, name: str, argv: list[str], port: int, env: dict[str, str], log_dir: Path
    ) -> None:
        self.name = name
        self.argv = argv
        self.port = port
        self.env = env
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 60.0) -> None:
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            self.argv,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.proc.returncode}: "
                    f"{self.log_path.read_text()[-2000:]}"
                )
            if self.ready():
                return
            time.sleep(0.2)
        raise RuntimeError(
            f"{self.name} did not answer within {timeout}s: {self.log_path.read_text()[-2000:]}"
        )

    def ready(self) -> bool:
        """Whether it answers (a trivial GraphQL query)."""
        body = json.dumps({"query": "{ __typename }"}).encode()
        try:
            request = urllib.request.Request(
                f"{self.base_url}/graphql", data=body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=2) as response:
                response.read()
            return True
        except urllib.error.HTTPError:
            return True  # it answers: the baseline refuses unknown operations with 400
        except OSError:
            return False

    def pids(self) -> list[int]:
        """The server's process and its descendants."""
        if self.proc is None:
            return []
        found = [self.proc.pid]
        for pid_dir in Path("/proc").iterdir():
            if not pid_dir.name.isdigit():
                continue
            try:
                stat = (pid_dir / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid in found:
                found.append(int(pid_dir.name))
        return found

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process tree so far."""
        return sum(process_cpu_seconds(pid) for pid in self.pids())

    def memory_mb(self) -> dict[str, float]:
        """Resident memory now and at its peak, summed over the process tree, in MB."""
        rss = hwm = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        hwm += int(line.split()[1])
            except OSError:
                continue
        return {"rss_mb": round(rss / 1024, 1), "peak_rss_mb": round(hwm / 1024, 1)}

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)


UNBUDGETED = (
    "MOIN_VISITOR_PREVIEWS_PER_MINUTE",
    "MOIN_VISITOR_SEARCHES_PER_MINUTE",
    "MOIN_VISITOR_SEARCH_COUNTS_PER_MINUTE",
)


def forum_server(
    database_url: str,
    secret: str,
    port: int,
    log_dir: Path,
    *,
    name: str = "forum",
    extra_env: dict[str, str] | None = None,
) -> ServerProcess:
    """`moin-forum serve` with production settings: only the database and the secret are set,
    and the visitors' budgets lifted."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOIN_")}
    env.update(MOIN_DATABASE_URL=database_url, MOIN_SECRET_KEY=secret)
    # The load generator is one visitor's address: with the visitors' budgets of searches
    # and previews, S5 would measure the budget (RATE_LIMITED), not the server.
    env.update({name: "1000000000" for name in UNBUDGETED})
    env.update(extra_env or {})
    argv = [console_script("moin-forum"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return ServerProcess(name, argv, port, env, log_dir)


class WorkerProcess(ServerProcess):
    """`moin-forum worker`: no port; ready when its log says it started."""

    def ready(self) -> bool:
        return " started: " in self.log_path.read_text()


def worker_process(
    database_url: str,
    secret: str,
    log_dir: Path,
    *,
    name: str = "worker",
    extra_env: dict[str, str] | None = None,
) -> WorkerProcess:
    """`moin-forum worker` with the settings `forum_server` gives the forum."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOIN_")}
    env.update(MOIN_DATABASE_URL=database_url, MOIN_SECRET_KEY=secret)
    env.update(extra_env or {})
    return WorkerProcess(name, [console_script("moin-forum"), "worker"], 0, env, log_dir)


def baseline_server(database_url: str, port: int, log_dir: Path) -> ServerProcess:
    env = dict(os.environ)
    env["MOIN_DATABASE_URL"] = database_url
    root = str(BENCH_DIR.parent)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    argv = [sys.executable, "-m", "bench.baseline", "--host", "127.0.0.1", "--port", str(port)]
    return ServerProcess("baseline", argv, port, env, log_dir)
