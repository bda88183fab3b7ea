"""Persisted queries on /graphql: Apollo's automatic persisted queries protocol (APQ).

A client sends `extensions: {"persistedQuery": {"version": 1, "sha256Hash": "…"}}` with
no `query` (as a GET: `/graphql?operationName=…&variables=…&extensions=…`). A known hash
runs its document; an unknown one answers `PersistedQueryNotFound`, and the client sends
the hash again with the text, which is checked and remembered. A partner key limited to
persisted documents (`moin-forum partners create … --persisted-only`) runs only the
documents registered at start-up, whether named by hash or sent as text.

This runs after GraphQLGuard (the body is read whole and is a JSON object, the GET
parameters are valid JSON) and after PartnerKeys (which marks a persisted-only key).
"""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import urlencode

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.apikeys import PERSISTED_ONLY
from server.persisted import (
    SENT_QUERY_STRING,
    PersistedDocuments,
    is_sha256,
    sha256_of,
)
from server.querystring import query_pairs

GRAPHQL_PATH = "/graphql"

NOT_FOUND = "PersistedQueryNotFound"
PERSISTED_ONLY_MESSAGE = (
    "This API key may run only the forum's persisted documents: send "
    "`extensions.persistedQuery.sha256Hash` of a document the forum registered (see the "
    'README, "For partner sites"), not a document of your own.'
)


class PersistedQueries:
    """Resolve `extensions.persistedQuery` into the `query` strawberry reads."""

    def __init__(self, app: ASGIApp, *, documents: PersistedDocuments) -> None:
        self.app = app
        self.documents = documents

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != GRAPHQL_PATH
            or scope["method"] not in ("GET", "POST")
        ):
            await self.app(scope, receive, send)
            return
        persisted_only = bool(scope.get("state", {}).get(PERSISTED_ONLY))
        if scope["method"] == "GET":
            fields = dict(query_pairs(scope))
            data: dict[str, Any] = {
                "query": fields.get("query"),
                "extensions": _json_object(fields.get("extensions")),
            }
            message: Message | None = None
        else:
            message = await receive()  # GraphQLGuard hands over the whole body at once
            data = json.loads(message.get("body", b"") or b"{}")
        outcome = self._resolve(data, persisted_only)
        if isinstance(outcome, JSONResponse):
            await outcome(scope, receive, send)
            return
        if outcome is not None and scope["method"] == "GET":
            # The document joins the parameters strawberry reads; the rest stay as sent
            # (a request naming a document by its hash has no `query` of its own).
            sent = scope.get("query_string", b"")
            scope.setdefault("state", {})[SENT_QUERY_STRING] = sent
            scope = {**scope, "query_string": sent + b"&" + _query_parameter(outcome)}
        elif outcome is not None:
            assert message is not None
            message = {**message, "body": json.dumps({**data, "query": outcome}).encode()}
        if message is None:
            await self.app(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                assert message is not None
                return message
            return await receive()

        await self.app(scope, replay, send)

    def _resolve(self, data: dict[str, Any], persisted_only: bool) -> str | JSONResponse | None:
        """The document to run in place of `query` (None: run the request as it is), or
        the answer that ends the request here."""
        query = data.get("query")
        extensions = data.get("extensions") or {}
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        if persisted is None:
            if persisted_only and not (
                isinstance(query, str) and self.documents.is_pinned(sha256_of(query))
            ):
                return _error(403, "PERSISTED_QUERY_REQUIRED", PERSISTED_ONLY_MESSAGE)
            return None
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            return _error(
                400,
                "BAD_REQUEST",
                "`extensions.persistedQuery` must be an object with `version` 1 and `sha256Hash`.",
            )
        digest = persisted.get("sha256Hash")
        if not is_sha256(digest):
            return _error(
                400,
                "BAD_REQUEST",
                "`extensions.persistedQuery.sha256Hash` must be the document's SHA-256 as 64 "
                "lower-case hexadecimal digits.",
            )
        assert isinstance(digest, str)
        if persisted_only and not self.documents.is_pinned(digest):
            return _error(403, "PERSISTED_QUERY_REQUIRED", PERSISTED_ONLY_MESSAGE)
        if isinstance(query, str):
            if sha256_of(query) != digest:
                return _error(
                    400,
                    "BAD_REQUEST",
                    "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of `query`.",
                )
            self.documents.remember(digest, query)
            return None
        document = self.documents.lookup(digest)
        if document is None:
            # APQ's answer: the client sends the document with its hash next. Status 200 as
            # Apollo's clients expect; never cached.
            return _error(200, "PERSISTED_QUERY_NOT_FOUND", NOT_FOUND)
        return document


# Documents kept encoded. A cached answer is served before this layer (EarlyHits), so only
# answers being made need one: the busiest few. Each may be 20,000 characters and three
# times that encoded; a bound of MAX_AUTOMATIC + 256 let one client fill 100 MB.
ENCODED_KEPT = 64


@functools.lru_cache(maxsize=ENCODED_KEPT)
def _query_parameter(document: str) -> bytes:
    """`query=<the document, %-encoded>`: encoded once per document, not per request (the
    text is long; a cached feed's whole answer costs less than encoding it)."""
    return urlencode([("query", document)]).encode("latin-1")


def _json_object(raw: str | None) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)  # GraphQLGuard has checked it is a JSON object or null
    except ValueError:
        return None


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )
