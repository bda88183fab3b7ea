"""How many SQL statements each scenario's operation issues, counted in-process.

The forum's app runs in this process (Starlette's TestClient, lifespan included)
against the benchmark database; a SQLAlchemy `before_cursor_execute` listener
on every Engine counts the statements sent while one operation runs. BEGIN and
COMMIT are not statements here (asyncpg issues them outside the cursor). Each
operation runs once to warm up, then once counted; feeds and thread pages are
counted at two page sizes to show whether the count grows with the page.

For S7 the count is per delivered event: a reply is posted with one and with
four subscribers open, and the difference divided by three is what one more
subscriber costs per event.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []
        self._lock = threading.Lock()
        self.active = False

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.active:
            with self._lock:
                self.statements.append(" ".join(statement.split())[:160])

    @contextmanager
    def counting(self) -> Iterator[list[str]]:
        with self._lock:
            self.statements = []
        self.active = True
        try:
            yield self.statements
        finally:
            self.active = False


@contextmanager
def listening() -> Iterator[StatementCounter]:
    counter = StatementCounter()
    event.listen(Engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(Engine, "before_cursor_execute", counter)


def count_statements(
    database_url: str,
    secret: str,
    operations: dict[str, dict[str, Any]],
    *,
    cookie: tuple[str, str] | None = None,
    live: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Count the statements of each named operation ({"body": {...}, "signed_in": bool}).

    `live`, if given, is {"thread_id": global id, "reply_body": {...}} for the S7 count.
    """
    import warnings

    from starlette.testclient import TestClient

    from server.app import create_app
    from server.config import Settings, load_settings

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    overrides: dict[str, Any] = {}
    if "response_cache_seconds" in Settings.model_fields:
        # A cached answer issues no SQL at all: count what an answer costs to make.
        overrides["response_cache_seconds"] = 0
    settings = load_settings(database_url=database_url, secret_key=secret, **overrides)
    origin = settings.public_url
    app = create_app(settings)
    results: dict[str, Any] = {}
    with listening() as counter, TestClient(app, base_url=origin) as client:

        def post(body: dict[str, Any], signed_in: bool) -> dict[str, Any]:
            headers = {"Origin": origin}
            cookies = {cookie[0]: cookie[1]} if (signed_in and cookie) else None
            if cookies:
                client.cookies.update(cookies)
            else:
                client.cookies.clear()
            response = client.post("/graphql", json=body, headers=headers)
            payload: dict[str, Any] = response.json()
            return payload

        for name, op in operations.items():
            post(op["body"], op.get("signed_in", False))
            with counter.counting() as statements:
                payload = post(op["body"], op.get("signed_in", False))
            results[name] = {
                "statements": len(statements),
                "sql": list(statements),
                "errors": payload.get("errors"),
            }

        if live is not None:
            results["S7"] = _count_live(client, counter, origin, cookie, live)
    return results


def _count_live(
    client: Any,
    counter: StatementCounter,
    origin: str,
    cookie: tuple[str, str] | None,
    live: dict[str, Any],
) -> dict[str, Any]:
    from contextlib import ExitStack

    from bench.queries import REPLY_ADDED

    per_size: dict[int, int] = {}
    sql: dict[int, list[str]] = {}
    for size in (1, 4):
        with ExitStack() as stack:
            sockets = []
            for i in range(size):
                ws = stack.enter_context(
                    client.websocket_connect(
                        "/graphql",
                        subprotocols=["graphql-transport-ws"],
                        headers={"Origin": origin},
                    )
                )
                ws.send_text(json.dumps({"type": "connection_init", "payload": {}}))
                assert json.loads(ws.receive_text())["type"] == "connection_ack"
                ws.send_text(
                    json.dumps(
                        {
                            "id": str(i),
                            "type": "subscribe",
                            "payload": {
                                "query": REPLY_ADDED,
                                "variables": {"threadId": live["thread_id"]},
                            },
                        }
                    )
                )
                sockets.append(ws)
            if cookie:
                client.cookies.update({cookie[0]: cookie[1]})
            # Let every subscription reach its wait before the reply is published.
            import time

            time.sleep(0.5)
            with counter.counting() as statements:
                client.post("/graphql", json=live["reply_body"], headers={"Origin": origin})
                for ws in sockets:
                    message = json.loads(ws.receive_text())
                    assert message["type"] == "next", message
            per_size[size] = len(statements)
            sql[size] = list(statements)
            for i, ws in enumerate(sockets):
                ws.send_text(json.dumps({"id": str(i), "type": "complete"}))
    per_subscriber = (per_size[4] - per_size[1]) / 3
    return {
        "statements": per_subscriber,
        "statements_reply_and_1_subscriber": per_size[1],
        "statements_reply_and_4_subscribers": per_size[4],
        "statements_per_event_1000_subscribers": per_size[1] + per_subscriber * 999,
        "sql": sql[4],
    }
