"""Load generators: wrk for closed-loop throughput, an asyncio client for the rest.

Closed loop (throughput): C connections, each sending its next request as soon
as the previous answer arrives. Debian's `wrk` does this in C with a Lua script
(`wrk_closed_loop`), so that the generator takes as little of the two cores as
possible; `closed_loop` is the pure-Python fallback, and the only way when each
connection needs its own request (S6: one signed-in member per connection).

Open loop (latency): requests are scheduled on a clock at a fixed rate,
wrk2-style, and each latency is measured from the request's *scheduled* time,
so that a stalled server cannot hide its latency by slowing the generator
down (coordinated omission). A request that finds no idle connection opens a
new one.

A response counts as an error when its status is not 200 or its body carries
GraphQL `errors` (top-level, or a mutation payload's non-empty `errors`).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

IDLE_REUSE_SECONDS = 2.0
ERRORS_RE = re.compile(rb'"errors"\s*:\s*\[\s*\{')
# The same test in Lua's patterns, for wrk.
LUA_ERRORS_PATTERN = '"errors"%s*:%s*%[%s*{'


def is_error(status: int, body: bytes, ok_status: int = 200) -> bool:
    """Whether an answer failed (`ok_status`: what a good answer is, 304 for revalidations)."""
    return status != ok_status or ERRORS_RE.search(body) is not None


@dataclass
class Result:
    """What one measurement saw."""

    mode: str  # "closed" or "open"
    duration_s: float
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    generator: str = "python"
    # wrk reports its own percentiles (from its histogram).
    percentiles_ms: dict[str, float] | None = None
    error_samples: list[str] = field(default_factory=list)
    # Measured around the run: CPU per request of the server and of PostgreSQL, load.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    def percentile(self, p: float) -> float | None:
        if self.percentiles_ms is not None:
            return self.percentiles_ms.get(f"p{p:g}")
        if not self.latencies_ms:
            return None
        return float(np.percentile(np.array(self.latencies_ms), p))

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "mode": self.mode,
            "generator": self.generator,
            "duration_s": round(self.duration_s, 2),
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.rps, 1),
        }
        for p in (50, 95, 99):
            value = self.percentile(p)
            out[f"p{p}_ms"] = None if value is None else round(value, 2)
        if self.latencies_ms:
            out["max_ms"] = round(max(self.latencies_ms), 2)
        out.update(self.extra)
        if self.error_samples:
            out["error_samples"] = self.error_samples[:3]
        return out


# --- a minimal HTTP/1.1 keep-alive client ---------------------------------------


def http_request(
    host: str,
    port: int,
    path: str,
    body: bytes,
    headers: dict[str, str] | None = None,
    method: str = "POST",
) -> bytes:
    """The bytes of one POST request (or a GET of `path`, with its query string, no body)."""
    if method == "GET":
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Accept: application/json"]
        body = b""
    else:
        lines = [
            f"POST {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Content-Type: application/json",
            "Accept: application/json",
            f"Content-Length: {len(body)}",
        ]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port, limit=2**22)
        return cls(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        chunked = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readuntil(b"\r\n")
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            return status, b"".join(parts)
        return status, await self.reader.readexactly(length or 0)

    def close(self) -> None:
        self.writer.close()


RequestFactory = Callable[[int, int], bytes]  # (sequence number, connection number) -> bytes
ResponseHook = Callable[[int, int, bytes], None]  # (sequence number, status, body)


async def closed_loop(
    host: str,
    port: int,
    make_request: RequestFactory,
    *,
    connections: int,
    duration: float,
    on_response: ResponseHook | None = None,
    request_timeout: float = 30.0,
    ok_status: int = 200,
) -> Result:
    result = Result(mode="closed", duration_s=duration)
    seq = 0
    deadline = 0.0

    async def worker(conn_no: int) -> None:
        nonlocal seq
        conn = await Connection.open(host, port)
        try:
            while time.perf_counter() < deadline:
                n, seq = seq, seq + 1
                request = make_request(n, conn_no)
                started = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(conn.send(request), request_timeout)
                except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                    result.requests += 1
                    result.errors += 1
                    result.error_samples.append(repr(exc))
                    conn.close()
                    conn = await Connection.open(host, port)
                    continue
                result.latencies_ms.append((time.perf_counter() - started) * 1000)
                result.requests += 1
                if is_error(status, body, ok_status):
                    result.errors += 1
                    result.error_samples.append(f"{status} {body[:300]!r}")
                if on_response is not None:
                    on_response(n, status, body)
        finally:
            conn.close()

    started = time.perf_counter()
    deadline = started + duration
    await asyncio.gather(*(worker(i) for i in range(connections)))
    result.duration_s = time.perf_counter() - started
    return result


async def open_loop(
    host: str,
    port: int,
    make_request: RequestFactory,
    *,
    rate: float,
    duration: float,
    on_response: ResponseHook | None = None,
    request_timeout: float = 30.0,
    max_in_flight: int | None = None,
    drain: float = 10.0,
) -> Result:
    """Send `rate` requests per second for `duration` seconds, whatever the answers do.

    When `max_in_flight` requests (default: two seconds' worth) are already waiting,
    a request due is not sent: the server is overloaded, its latency would only say
    how long the queue is, and a long queue would go on loading the server after the
    measurement. Such a request is an error ("shed"), with the time from its schedule
    to the end of the measurement counted as its latency (a lower bound).
    """
    result = Result(mode="open", duration_s=duration)
    total = max(1, int(rate * duration))
    limit = max_in_flight if max_in_flight is not None else max(32, int(rate * 2))
    # Idle connections with when they were last used: the server closes a keep-alive
    # connection idle for a while (uvicorn: 5 s), and a request sent on one it is closing
    # fails through no fault of the server's; such connections are not reused.
    idle: list[tuple[Connection, float]] = []

    def take_idle() -> Connection | None:
        while idle:
            conn, last_used = idle.pop()
            if time.perf_counter() - last_used < IDLE_REUSE_SECONDS and not conn.reader.at_eof():
                return conn
            conn.close()
        return None

    opened = 0
    in_flight = 0
    shed: list[float] = []

    async def one(n: int, scheduled: float) -> None:
        nonlocal opened, in_flight
        try:
            conn = take_idle()
            try:
                if conn is None:
                    opened += 1
                    conn = await Connection.open(host, port)
                status, body = await asyncio.wait_for(
                    conn.send(make_request(n, 0)), request_timeout
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                result.requests += 1
                result.errors += 1
                result.error_samples.append(repr(exc))
                if conn is not None:
                    conn.close()
                return
            result.latencies_ms.append((time.perf_counter() - scheduled) * 1000)
            result.requests += 1
            if is_error(status, body):
                result.errors += 1
                result.error_samples.append(f"{status} {body[:300]!r}")
            if on_response is not None:
                on_response(n, status, body)
            idle.append((conn, time.perf_counter()))
        finally:
            in_flight -= 1

    tasks: list[asyncio.Task[None]] = []
    scheduled_of: dict[asyncio.Task[None], float] = {}
    t0 = time.perf_counter() + 0.01
    for n in range(total):
        scheduled = t0 + n / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if in_flight >= limit:
            shed.append(scheduled)
            continue
        in_flight += 1
        task = asyncio.create_task(one(n, scheduled))
        scheduled_of[task] = scheduled
        tasks.append(task)
    # What has not come back `drain` seconds after the last send is given up: an error,
    # and its latency so far still counts (a lower bound), so the tail is not hidden.
    pending: set[asyncio.Task[None]] = set()
    if tasks:
        _done, pending = await asyncio.wait(tasks, timeout=drain)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    given_up = time.perf_counter()
    for task in pending:
        result.requests += 1
        result.errors += 1
        result.latencies_ms.append((given_up - scheduled_of[task]) * 1000)
    for scheduled in shed:
        result.requests += 1
        result.errors += 1
        result.latencies_ms.append((given_up - scheduled) * 1000)
    if pending:
        result.error_samples.append(f"{len(pending)} requests unanswered {drain}s after the last")
    if shed:
        result.error_samples.append(f"{len(shed)} requests not sent: {limit} already in flight")
    result.extra["shed"] = len(shed)
    result.extra["unanswered"] = len(pending)
    result.duration_s = time.perf_counter() - t0
    for conn, _ in idle:
        conn.close()
    return result


# --- wrk ------------------------------------------------------------------------

WRK_SCRIPT = """
wrk.method = "{method}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
{extra_headers}
wrk.body = [==[{body}]==]

local threads = {{}}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  gql_errors = 0
  gql_sample = ""
end

function response(status, headers, body)
  if status ~= {ok_status} or string.find(body, '{pattern}') then
    gql_errors = gql_errors + 1
    if gql_sample == "" then gql_sample = status .. " " .. string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local errors = 0
  local sample = ""
  for _, t in ipairs(threads) do
    errors = errors + t:get("gql_errors")
    local s = t:get("gql_sample")
    if s ~= nil and s ~= "" then sample = s end
  end
  local e = summary.errors
  io.write(string.format(
    "WRKJSON {{\\"requests\\": %d, \\"duration_us\\": %d, \\"gql_errors\\": %d, " ..
    "\\"connect\\": %d, \\"read\\": %d, \\"write\\": %d, \\"status\\": %d, \\"timeout\\": %d, " ..
    "\\"p50_us\\": %d, \\"p95_us\\": %d, \\"p99_us\\": %d, \\"max_us\\": %d, " ..
    "\\"mean_us\\": %f}}\\n",
    summary.requests, summary.duration, errors, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
  io.write("WRKSAMPLE " .. string.gsub(sample, "\\n", " ") .. "\\n")
end
"""


def have_wrk() -> bool:
    return shutil.which("wrk") is not None and os.environ.get("MOIN_BENCH_NO_WRK") != "1"


def wrk_closed_loop(
    url: str,
    body: bytes,
    *,
    connections: int,
    duration: float,
    headers: dict[str, str] | None = None,
    threads: int = 1,
    method: str = "POST",
    ok_status: int = 200,
) -> Result:
    """`connections` connections sending the same request for `duration` seconds (a GET
    sends `url` with its query string and no body; `ok_status` is a good answer's status)."""
    if b"]==]" in body:
        raise ValueError("the body must not contain the Lua long-bracket terminator")
    # Long brackets: a value may hold quotes (an ETag does).
    extra = "\n".join(f'wrk.headers["{k}"] = [==[{v}]==]' for k, v in (headers or {}).items())
    script = WRK_SCRIPT.format(
        body="" if method == "GET" else body.decode(),
        extra_headers=extra,
        pattern=LUA_ERRORS_PATTERN,
        method=method,
        ok_status=ok_status,
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
        path = f.name
    try:
        proc = subprocess.run(
            [
                "wrk",
                "-t",
                str(threads),
                "-c",
                str(connections),
                "-d",
                f"{max(1, round(duration))}s",
                "--timeout",
                "30s",
                "-s",
                path,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
            check=False,
        )
    finally:
        os.unlink(path)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {proc.stdout}\n{proc.stderr}")
    data = json.loads(line[len("WRKJSON ") :])
    sample = next((ln[10:] for ln in proc.stdout.splitlines() if ln.startswith("WRKSAMPLE ")), "")
    transport = data["connect"] + data["read"] + data["write"] + data["timeout"]
    result = Result(
        mode="closed",
        duration_s=data["duration_us"] / 1e6,
        requests=data["requests"],
        # Non-200 statuses are counted in `gql_errors` too (response() sees every answer).
        errors=data["gql_errors"] + transport,
        generator="wrk",
        percentiles_ms={
            "p50": data["p50_us"] / 1000,
            "p95": data["p95_us"] / 1000,
            "p99": data["p99_us"] / 1000,
        },
    )
    if sample.strip():
        result.error_samples.append(sample.strip())
    return result
