"""A PostgreSQL server of the test's own, and the forum served against it in its own process.

Fault tests stop and restart PostgreSQL, so they never touch the machine's shared server
on 5432: they make a cluster with `initdb` in a temporary directory on a free port and
drive it with `pg_ctl`. PostgreSQL refuses to run as root, so as root the binaries run
as the `postgres` user through `runuser`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy.engine import URL

from tests.conftest import TEST_SECRET
from tests.support import free_port

PG_USER = "postgres"
# A forum process starts in about a second; a machine busy with other test workers takes far longer.
START_TIMEOUT_SECONDS = 120


def find_postgres_bin() -> Path | None:
    """The directory of `initdb` and `pg_ctl`: $MOIN_TEST_PG_BIN, Debian's newest, or PATH."""
    configured = os.environ.get("MOIN_TEST_PG_BIN")
    if configured:
        return Path(configured)
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if debian:
        return Path(debian[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def why_no_cluster() -> str | None:
    """Why this machine cannot run a private cluster, or None if it can."""
    bin_dir = find_postgres_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists() or not (bin_dir / "pg_ctl").exists():
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    return None


class PostgresCluster:
    """A throwaway PostgreSQL server: `start`, `stop(mode)`, gone with `destroy`."""

    def __init__(self) -> None:
        bin_dir = find_postgres_bin()
        assert bin_dir is not None
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="moin-faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            entry = pwd.getpwnam(PG_USER)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", PG_USER, "-A", "trust", "-E", "UTF8",
                  "--no-sync")  # fmt: skip

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self._as_root:
            command = ["runuser", "-u", PG_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        if result.returncode != 0:
            raise RuntimeError(
                f"{tool} failed ({result.returncode}): {result.stderr.strip()}\n"
                f"{self.server_log()[-2000:]}"
            )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` ends sessions cleanly, `immediate` is a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return URL.create(
            "postgresql+asyncpg", username=PG_USER, host="127.0.0.1", port=self.port,
            database=database,
        ).render_as_string(hide_password=False)  # fmt: skip

    def server_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""


class ForumProcess:
    """`moin-forum serve` in a process of its own, on a free loopback port."""

    def __init__(self, database_url: str, log_path: Path, **settings: str) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOIN_")}
        env.update(
            MOIN_DATABASE_URL=database_url,
            MOIN_SECRET_KEY=TEST_SECRET,
            MOIN_BASE_URL=self.base_url,
            MOIN_LOG_LEVEL="warning",
            MOIN_RESPONSE_CACHE_SECONDS="0",
        )
        env.update({f"MOIN_{k.upper()}": v for k, v in settings.items()})
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from server.cli import main; main()", "serve",
             "--port", str(self.port)],
            env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the forum exited at start:\n{self.log()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(
            f"the forum did not start within {START_TIMEOUT_SECONDS} s:\n{self.log()}"
        )

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._log.close()
