"""S7: many `replyAdded` subscribers on one thread; time from a reply's response to delivery.

The subscribers live in a child process (graphql-transport-ws over the
`websockets` client); the parent posts the replies over HTTP. Both read
CLOCK_MONOTONIC (`time.monotonic`, system-wide on Linux), so a delivery's
latency is its receipt time in the child minus the moment the parent had the
`reply` response. A delivery that beats the response counts as 0 ms, so the
time from the reply's request to delivery is reported too. The
child's own work (1,000 sockets, one event loop) is inside the measurement: it
is the load generator's share and is small next to the target.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from multiprocessing.connection import Connection as Pipe
from typing import Any

import numpy as np

from bench.loadgen import Connection, http_request, is_error
from bench.queries import REPLY, REPLY_ADDED


def _subscriber_process(
    ws_url: str,
    origin: str,
    thread_id: str,
    count: int,
    cookies: list[str],
    document: str,
    pipe: Pipe,
) -> None:
    asyncio.run(_subscribers(ws_url, origin, thread_id, count, cookies, document, pipe))


async def _subscribers(
    ws_url: str,
    origin: str,
    thread_id: str,
    count: int,
    cookies: list[str],
    document: str,
    pipe: Pipe,
) -> None:
    """`count` subscribers; the i-th signs in with cookies[i] (a Cookie header) if given."""
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    received: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    ready = 0
    all_reported = asyncio.Event()
    opening = asyncio.Semaphore(50)
    sockets: list[Any] = []

    async def one(i: int) -> None:
        nonlocal ready
        try:
            async with opening:
                ws = await connect(
                    ws_url,
                    subprotocols=[Subprotocol("graphql-transport-ws")],
                    origin=origin,
                    additional_headers={"Cookie": cookies[i]} if cookies else None,
                    open_timeout=30,
                    ping_interval=None,  # type: ignore[arg-type]
                    max_queue=None,
                )
                sockets.append(ws)
                await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
                ack = json.loads(await ws.recv())
                if ack.get("type") != "connection_ack":
                    raise RuntimeError(f"no ack: {ack}")
                await ws.send(
                    json.dumps(
                        {
                            "id": "1",
                            "type": "subscribe",
                            "payload": {"query": document, "variables": {"threadId": thread_id}},
                        }
                    )
                )
            ready += 1
            if ready + len(errors) >= count:
                all_reported.set()
            async for raw in ws:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "next":
                    payload = message["payload"]
                    if payload.get("errors"):
                        errors.append(json.dumps(payload["errors"])[:300])
                    else:
                        received[_post_id(payload["data"])].append(now)
                elif kind == "ping":
                    await ws.send(json.dumps({"type": "pong"}))
                elif kind in ("error", "complete"):
                    errors.append(json.dumps(message)[:300])
                    return
        except Exception as exc:  # every failure of a subscriber is reported, not raised
            errors.append(f"subscriber {i}: {exc!r}"[:300])
            if ready + len(errors) >= count:
                all_reported.set()

    tasks = [asyncio.create_task(one(i)) for i in range(count)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_reported.wait(), 120)
    pipe.send(("ready", ready, list(errors)))
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, pipe.recv)  # "stop"
    for ws in list(sockets):
        await ws.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    pipe.send(("done", dict(received), errors))


async def _post_replies(
    host: str,
    port: int,
    headers: dict[str, str],
    thread_id: str,
    count: int,
    interval: float,
    tag: str,
) -> list[dict[str, Any]]:
    acks: list[dict[str, Any]] = []
    for n in range(count):
        body = json.dumps(
            {
                "query": REPLY,
                "operationName": "Reply",
                "variables": {
                    "input": {
                        "threadId": thread_id,
                        "body": f"Live update check {tag}-{n}: the subscribers should see "
                        "this reply at once. Public investment and mission-oriented procurement.",
                    }
                },
            }
        ).encode()
        # A fresh connection per reply: no keep-alive race with the server's idle timeout,
        # and a mutation is never sent twice.
        sent = time.monotonic()
        entry: dict[str, Any] = {"sent": sent}
        conn = None
        try:
            conn = await Connection.open(host, port)
            status, raw = await asyncio.wait_for(
                conn.send(http_request(host, port, "/graphql", body, headers)), 60
            )
            entry.update(acked=time.monotonic(), status=status)
            if is_error(status, raw):
                entry["error"] = f"{status} {raw[:300].decode(errors='replace')}"
            else:
                entry["post_id"] = json.loads(raw)["data"]["reply"]["post"]["id"]
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as exc:
            entry.update(acked=time.monotonic(), error=repr(exc))
        finally:
            if conn is not None:
                conn.close()
        acks.append(entry)
        await asyncio.sleep(interval)
    return acks


def run_live(
    host: str,
    port: int,
    *,
    thread_id: str,
    cookie: tuple[str, str],
    subscribers: int,
    replies: int,
    interval: float = 0.5,
    settle: float = 2.0,
    drain: float = 5.0,
    subscribe_port: int | None = None,
    subscriber_cookies: list[tuple[str, str]] | None = None,
    document: str = REPLY_ADDED,
    replying: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> dict[str, Any]:
    """Replies go to the forum on `port`; subscribers to `subscribe_port` (default the same:
    another port is another process, which hears of the replies through Redis).

    With `subscriber_cookies` (one per subscriber) each subscriber is a distinct signed-in
    member; without, every subscriber is a visitor. `replying` is entered while the measured
    replies are sent (a profiler of the server, say, which then sees no connecting)."""
    if subscriber_cookies is not None and len(subscriber_cookies) != subscribers:
        raise ValueError("one cookie per subscriber")
    cookie_headers = [f"{name}={value}" for name, value in subscriber_cookies or ()]
    origin = f"http://{host}:{port}"
    ws_port = subscribe_port or port
    parent, child = multiprocessing.get_context("spawn").Pipe()
    proc = multiprocessing.get_context("spawn").Process(
        target=_subscriber_process,
        args=(
            f"ws://{host}:{ws_port}/graphql",
            f"http://{host}:{ws_port}",
            thread_id,
            subscribers,
            cookie_headers,
            document,
            child,
        ),
        daemon=True,
    )
    proc.start()
    started = time.monotonic()
    try:
        if not parent.poll(180):
            raise RuntimeError("the subscribers did not report")
        _, ready, setup_errors = parent.recv()
        connect_seconds = time.monotonic() - started
        time.sleep(settle)
        headers = {"Origin": origin, "Cookie": f"{cookie[0]}={cookie[1]}"}
        tag = f"s7-{int(time.time())}"
        # One reply to warm the path up, not measured; then the measured ones.
        warm = asyncio.run(_post_replies(host, port, headers, thread_id, 1, settle, tag + "w"))
        with replying():
            acks = asyncio.run(
                _post_replies(host, port, headers, thread_id, replies, interval, tag)
            )
        time.sleep(drain)
        parent.send("stop")
        if not parent.poll(60):
            raise RuntimeError("the subscribers did not finish")
        _, received, errors = parent.recv()
    finally:
        proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()

    latencies: list[float] = []
    # From when the reply was sent: a server that fans out before it answers the
    # writer would otherwise look instant (deliveries before the response count as 0).
    from_send: list[float] = []
    raw_min = None
    delivered = 0
    reply_errors = [a["error"] for a in warm + acks if "error" in a]
    # Per reply: its first, median and last delivery (ms from its response), in order, to
    # tell a slow event (all its deliveries late) from a long fan-out (the last ones late).
    per_reply: list[list[float]] = []
    for ack in acks:
        times = received.get(ack.get("post_id", ""), [])
        delivered += len(times)
        if times:
            spread = (np.array(sorted(times)) - ack["acked"]) * 1000
            per_reply.append([round(float(np.percentile(spread, q)), 1) for q in (0, 50, 100)])
        for t in times:
            value = (t - ack["acked"]) * 1000
            raw_min = value if raw_min is None else min(raw_min, value)
            latencies.append(max(0.0, value))
            from_send.append((t - ack["sent"]) * 1000)
    expected = ready * len([a for a in acks if "post_id" in a])
    missing = expected - delivered
    reply_ms = [(a["acked"] - a["sent"]) * 1000 for a in acks]
    arr = np.array(latencies) if latencies else np.array([np.nan])
    sent_arr = np.array(from_send) if from_send else np.array([np.nan])
    all_errors = list(setup_errors) + list(errors) + reply_errors
    return {
        "subscribers": subscribers,
        "signed_in_subscribers": len(cookie_headers),
        "subscribed": ready,
        "connect_seconds": round(connect_seconds, 2),
        "replies": len(acks),
        "expected_deliveries": expected,
        "delivered": delivered,
        "missing": missing,
        "errors": (subscribers - ready) + missing + len(reply_errors) + len(errors),
        "delivery_p50_ms": _r(np.percentile(arr, 50)),
        "delivery_p95_ms": _r(np.percentile(arr, 95)),
        "delivery_p99_ms": _r(np.percentile(arr, 99)),
        "delivery_max_ms": _r(np.max(arr)),
        "delivery_min_raw_ms": None if raw_min is None else round(raw_min, 2),
        "delivery_from_send_p50_ms": _r(np.percentile(sent_arr, 50)),
        "delivery_from_send_p99_ms": _r(np.percentile(sent_arr, 99)),
        "reply_p50_ms": _r(np.percentile(reply_ms, 50)) if reply_ms else None,
        "reply_max_ms": _r(max(reply_ms)) if reply_ms else None,
        "per_reply_first_median_last_ms": per_reply,
        "error_samples": sorted(set(all_errors), key=all_errors.index)[:5],
        "subscriber_errors": len(setup_errors) + len(errors),
    }


def _post_id(data: dict[str, Any]) -> str:
    """The id of the post an event is about: `replyAdded`'s own (S7), or the post of a
    `notificationAdded` (S8)."""
    if "replyAdded" in data:
        return str(data["replyAdded"]["id"])
    return str((data["notificationAdded"].get("post") or {}).get("id"))


def _r(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 2)
