"""Partner API keys on /graphql: looking them up, their origins and rate budgets, CORS.

A partner site reads PUBLIC content through GraphQL with a key in the
`Authorization: Bearer` header (or, on a GET, the `key` parameter: a widget's request
then needs no CORS preflight). A key is a public identifier, not a secret: it sits in
the partner's page source, so what protects it is its list of origins and its rate
budget. A key never writes: its requests run as a viewer with `partner_id` set and no
member. Each key has a rate limit; partners' listed origins get credential-less CORS on
/graphql, and a key used from a browser on any other origin is refused. Keys are issued
and revoked by `server.services.partners`.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass

import sqlalchemy as sa
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.ratelimit import RateLimiter
from server.db import Database
from server.models import Partner
from server.querystring import query_value
from server.services.partners import KEY_PREFIX, hash_key

# How long the list of partner origins (for CORS) is cached in a process: a new partner
# waits this long at most; the query it saves is one small read.
ORIGINS_TTL_SECONDS = 5.0
# How long a valid key is remembered in a process. A key looked up in the database on
# every request made a cached feed cost a query: a partner's persisted GET answered 113
# requests a second against 670 without a key (SQLite, 16 connections; 46 against 708 for
# S1 on PostgreSQL in bench S10). Every commit of this process, and every write another
# process announces through Redis, forgets the keys (PartnerDirectory.forget), so a key
# revoked through the API or in this process stops at once; one revoked by the command
# line, another process without Redis, stops within these seconds.
KEYS_TTL_SECONDS = 5.0
# Keys remembered at most (the least recently used go first).
MAX_REMEMBERED_KEYS = 1000
GRAPHQL_PATH = "/graphql"
# The GET parameter that may carry a key, and the request state naming a key limited to
# persisted documents (read by server.persisted_http).
KEY_PARAM = "key"
PERSISTED_ONLY = "partner_persisted_only"
# Request state: a refusal of a key, which the page that used it may read (CORS), so that
# a widget can say why instead of showing nothing.
READABLE_REFUSAL = "partner_readable_refusal"
# Socket state: a page of a partner's origin opened this socket with the partner's key.
PARTNER_SOCKET = "partner_socket"


@dataclass(frozen=True)
class PartnerKey:
    """What a valid key lets through: whose it is, from where, how often."""

    partner_id: int
    name: str
    origins: frozenset[str]
    per_minute: int
    # Only the documents the forum registered at start-up (server.persisted).
    persisted_only: bool = False


class PartnerDirectory:
    """Looks keys up, remembering valid ones for a moment (KEYS_TTL_SECONDS), and caches
    the partners' origins."""

    def __init__(self, db: Database, *, default_per_minute: int) -> None:
        self.db = db
        self.default_per_minute = default_per_minute
        self._origins: frozenset[str] = frozenset()
        self._origins_loaded_at = float("-inf")
        self._keys: OrderedDict[str, tuple[float, PartnerKey]] = OrderedDict()

    async def authenticate(self, key: str) -> PartnerKey | None:
        """The partner whose live key this is, or None."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        digest = hash_key(key)
        remembered = self._keys.get(digest)
        now = time.monotonic()
        if remembered is not None and now - remembered[0] <= KEYS_TTL_SECONDS:
            self._keys.move_to_end(digest)
            return remembered[1]
        async with self.db.read() as session:
            partner = (
                await session.execute(
                    sa.select(Partner).where(
                        Partner.key_hash == digest, Partner.revoked_at.is_(None)
                    )
                )
            ).scalar_one_or_none()
        if partner is None:
            self._keys.pop(digest, None)
            return None
        found = PartnerKey(
            partner_id=partner.id,
            name=partner.name,
            origins=frozenset(partner.origins or ()),
            per_minute=partner.rate_limit_per_minute or self.default_per_minute,
            persisted_only=partner.persisted_only,
        )
        self._keys[digest] = (now, found)
        self._keys.move_to_end(digest)
        while len(self._keys) > MAX_REMEMBERED_KEYS:
            self._keys.popitem(last=False)
        return found

    async def origins(self) -> frozenset[str]:
        """The origins of every partner with a live key (cached for ORIGINS_TTL_SECONDS)."""
        now = time.monotonic()
        if now - self._origins_loaded_at > ORIGINS_TTL_SECONDS:
            async with self.db.read() as session:
                rows = (
                    await session.execute(
                        sa.select(Partner.origins).where(Partner.revoked_at.is_(None))
                    )
                ).scalars()
                self._origins = frozenset(o for origins in rows for o in (origins or ()))
            self._origins_loaded_at = now
        return self._origins

    def forget(self) -> None:
        """Look keys and origins up again (something was written: a key may be revoked)."""
        self._keys.clear()
        self._origins_loaded_at = float("-inf")


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    extensions: dict[str, object] = {"code": code}
    if headers and "Retry-After" in headers:
        extensions["retryAfter"] = int(headers["Retry-After"])
    return JSONResponse(
        {"errors": [{"message": message, "extensions": extensions}]},
        status_code=status,
        headers=headers,
    )


class PartnerKeys:
    """Authenticate `Authorization: Bearer <key>` on /graphql and apply the key's rate limit.

    A valid key puts `partner_id` in the request's state, where the GraphQL context
    reads it; the request then runs as the partner, never as a member, even if it
    also carries a session cookie.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        directory: PartnerDirectory,
        limiter: RateLimiter,
        site_origin: str,
        keyless_per_minute: int = 60,
    ) -> None:
        self.app = app
        self.directory = directory
        self.limiter = limiter
        self.site_origin = site_origin
        self.keyless_per_minute = keyless_per_minute

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == GRAPHQL_PATH:
            await self._socket(scope, receive, send)
            return
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        authorization = headers.get("authorization")
        if authorization is None and scope["method"] == "GET":
            # A widget's GET carries the key as a parameter: a header would cost a CORS
            # preflight, and the key is public anyway (it sits in the partner's page).
            key = query_value(scope, KEY_PARAM)
            if key is not None:
                authorization = f"Bearer {key}"
        if authorization is None:
            response = await self._keyless(headers, scope)
            if response is not None:
                await response(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        response = await self._check(headers, authorization, scope)
        if response is not None:
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _check(self, headers: Headers, authorization: str, scope: Scope) -> Response | None:
        scheme, _, key = authorization.partition(" ")
        partner = None
        if scheme.lower() == "bearer" and key.strip():
            partner = await self.directory.authenticate(key.strip())
        refusal = await self._refusal(partner, headers.get("origin"))
        if refusal is not None:
            # The page that sent the key may read why it was refused (PartnerCORS).
            scope.setdefault("state", {})[READABLE_REFUSAL] = True
            return refusal
        assert partner is not None
        state = scope.setdefault("state", {})
        state["partner_id"] = partner.partner_id
        state[PERSISTED_ONLY] = partner.persisted_only
        return None

    async def _refusal(self, partner: PartnerKey | None, origin: str | None) -> Response | None:
        """Why a key may not be used now (unknown, another origin, over budget), or None."""
        if partner is None:
            return _error(
                401,
                "UNAUTHENTICATED",
                "The API key is not valid or was revoked. Send `Authorization: Bearer <key>` "
                "with a partner key; sign-in sessions use the cookie, not this header.",
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        if origin is not None and origin.lower() not in partner.origins | {self.site_origin}:
            return _error(
                403,
                "FORBIDDEN",
                f"This API key is not registered for the origin of this page ({origin}): "
                "ask the forum's operator to add it to the key's origins.",
            )
        decision = await self.limiter.hit(
            f"partner:{partner.partner_id}", per_minute=partner.per_minute
        )
        if not decision.allowed:
            return _error(
                429,
                "RATE_LIMITED",
                f"This API key may make {partner.per_minute} requests a minute; "
                f"retry in {decision.retry_after} s.",
                {"Retry-After": str(decision.retry_after)},
            )
        return None

    async def _socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A socket opened with `?key=`: a partner's widget, live.

        Its page is on the partner's origin, which the socket's own check of the Origin
        (cross-site WebSocket hijacking, SECURITY.md) refuses unless it is marked here.
        So that a foreign page can never act with a member's session, the socket then
        runs as the partner, whose viewer reads public threads only, and its cookies are
        dropped. A key that is not valid for the page's origin closes the handshake (403).
        """
        key = query_value(scope, KEY_PARAM)
        if key is None:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        partner = await self.directory.authenticate(key.strip())
        if await self._refusal(partner, headers.get("origin")) is not None:
            await send({"type": "websocket.close", "code": 1008, "reason": ""})
            return
        assert partner is not None
        state = scope.setdefault("state", {})
        state["partner_id"] = partner.partner_id
        state[PARTNER_SOCKET] = True
        without_cookies = [(k, v) for k, v in scope["headers"] if k.lower() != b"cookie"]
        await self.app({**scope, "headers": without_cookies}, receive, send)

    async def _keyless(self, headers: Headers, scope: Scope) -> Response | None:
        """A browser page of another site reading without a key: a budget per address."""
        origin = headers.get("origin")
        if origin is None or origin.lower() == self.site_origin:
            return None
        client = scope.get("client")
        address = client[0] if client else "unknown"
        decision = await self.limiter.hit(
            f"keyless-origin:{address}", per_minute=self.keyless_per_minute
        )
        if decision.allowed:
            return None
        return _error(
            429,
            "RATE_LIMITED",
            f"Pages of other sites may read {self.keyless_per_minute} times a minute from one "
            f"address without an API key; retry in {decision.retry_after} s, or embed with a "
            "partner key.",
            {"Retry-After": str(decision.retry_after)},
        )


class PartnerCORS:
    """Credential-less CORS on /graphql for the origins of partners with a live key.

    Never `*`, never `Access-Control-Allow-Credentials`: a partner page reads public
    feeds with its key, not with anybody's session.
    """

    ALLOW_METHODS = "GET, POST"
    ALLOW_HEADERS = "Authorization, Content-Type"
    EXPOSE_HEADERS = "Retry-After, X-Request-Id"

    def __init__(self, app: ASGIApp, *, directory: PartnerDirectory, site_origin: str) -> None:
        self.app = app
        self.directory = directory
        self.site_origin = site_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None or origin.lower() == self.site_origin:
            await self.app(scope, receive, send)
            return
        allowed = origin.lower() in await self.directory.origins()
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await self._preflight(origin, allowed)(scope, receive, send)
            return
        state = scope.setdefault("state", {})

        async def send_with_cors(message: Message) -> None:
            # Another origin reads only the refusal of the key it sent (PartnerKeys).
            if message["type"] == "http.response.start" and (
                allowed or state.get(READABLE_REFUSAL)
            ):
                response_headers = MutableHeaders(scope=message)
                response_headers["Access-Control-Allow-Origin"] = origin
                response_headers["Access-Control-Expose-Headers"] = self.EXPOSE_HEADERS
                response_headers.add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_with_cors)

    def _preflight(self, origin: str, allowed: bool) -> Response:
        if not allowed:
            return Response(
                "This origin may not call the API from a browser.", 403, headers={"Vary": "Origin"}
            )
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": self.ALLOW_METHODS,
                "Access-Control-Allow-Headers": self.ALLOW_HEADERS,
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )
