"""The ASGI application: GraphQL, sign-in routes, health checks and the web client."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from server import background, embed, ics, markdown, migrate, persisted
from server.auth import routes as auth_routes
from server.auth import sessions
from server.auth.apikeys import PARTNER_SOCKET, PartnerCORS, PartnerDirectory, PartnerKeys
from server.auth.oidc import OpenIDSignIn
from server.auth.ratelimit import InProcessRateLimiter, RateLimiter, RedisRateLimiter
from server.config import Settings
from server.db import Database
from server.feeds import Feeds
from server.http import CancelOnDisconnect, Failures, GraphQLGuard, SecurityHeaders, parse_json
from server.http_cache import CacheableGets, EarlyHits, PublicAnswers
from server.http_text import AddressText
from server.oembed import OEmbed
from server.pages import Pages
from server.persisted_http import PersistedQueries
from server.pubsub import Broadcaster, RedisBroadcaster
from server.redis_link import RedisLink
from server.response_cache import AnonymousResponseCache, ResponseCache
from server.schema import build_schema, live
from server.schema.budgets import Expense, VisitorBudgets
from server.schema.context import Context
from server.schema.loaders import Loaders
from server.schema.sockets import SocketLookups
from server.services.viewer import VISITOR, Viewer
from server.websocket import ForumTransportWS

log = logging.getLogger(__name__)


class ForumGraphQL(GraphQL):
    """Strawberry's ASGI app, with our context and WebSocket limits."""

    graphql_transport_ws_handler_class = ForumTransportWS

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        broadcaster: Broadcaster,
        budgets: VisitorBudgets,
    ) -> None:
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql",
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=10),
            max_subscriptions_per_connection=20,
            allowed_origins=[settings.public_origin],
        )
        self.db = db
        self.settings = settings
        self.broadcaster = broadcaster
        self.budgets = budgets
        self.sockets = SocketLookups(
            db, functools.partial(sessions.viewers_for_cookies, db, settings)
        )

    def decode_json(self, data: str | bytes) -> object:
        # Socket messages too: JSON nested deeper than the API needs is not a message.
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        value, problem = parse_json(text, "The message")
        if problem is not None:
            raise json.JSONDecodeError(problem, text[:0], 0)
        return value

    def is_websocket_origin_allowed(self, request: WebSocket, origin: str) -> bool:
        # Another site's page may open a socket only with a partner key for its origin,
        # and then runs as the partner, without cookies (PartnerKeys).
        if request.scope.get("state", {}).get(PARTNER_SOCKET):
            return True
        return super().is_websocket_origin_allowed(request, origin)

    async def render_graphql_ide(self, request: Request) -> Response:
        # GraphiQL from the forum's own files (web/graphiql/), under the pages' CSP: it
        # needs no CDN, so it works on a network without internet.
        page = Path(self.settings.web_dir) / "graphiql" / "index.html"
        return FileResponse(page, media_type="text/html")

    async def execute_single(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().execute_single(*args, **kwargs)
        except HTTPException as exc:
            # A mutation sent with GET: the method is what is wrong (SECURITY.md wants 405).
            if exc.status_code == 400 and "not allowed when using GET" in exc.reason:
                raise HTTPException(405, exc.reason) from exc
            raise

    async def get_context(  # type: ignore[override]  # strawberry types it as None
        self, request: Request | WebSocket, response: Any
    ) -> Context:
        cookie = request.cookies.get(sessions.COOKIE_NAME)
        # A partner's API key (checked by PartnerKeys) wins over any cookie: it only reads.
        partner_id = request.scope.get("state", {}).get("partner_id")
        if partner_id is not None:
            viewer = Viewer(partner_id=partner_id)
        else:
            viewer = (
                await sessions.viewer_for_cookie(self.db, self.settings, cookie)
                if cookie
                else VISITOR
            )
        is_socket = isinstance(request, WebSocket)
        return Context(
            request=request,
            response=None if is_socket else response,
            db=self.db,
            settings=self.settings,
            broadcaster=self.broadcaster,
            viewer=viewer,
            # A socket lives long: its subscriptions use each event's own loaders
            # (see schema.live), so no row is kept stale.
            loaders=Loaders(self.db),
            request_id=request.scope.get("state", {}).get("request_id", "ws"),
            sockets=self.sockets,
            session_cookie=cookie,
            budgets=self.budgets,
        )


def create_app(
    settings: Settings, db: Database | None = None, *, sign_in: OpenIDSignIn | None = None
) -> Starlette:
    """Build the forum's ASGI application (`sign_in`: the OpenID client, for tests)."""
    db = db or Database.from_url(
        settings.database_url,
        pool_size=settings.db_pool_size,
        pool_timeout=settings.db_pool_timeout_seconds,
        statement_timeout_ms=settings.statement_timeout_ms,
    )
    renderer = markdown.configure(
        workers=settings.markdown_workers, budget_seconds=settings.markdown_budget_ms / 1000
    )
    response_cache = ResponseCache(settings.response_cache_seconds)
    db.after_commit.append(lambda _session: response_cache.clear())
    partners = PartnerDirectory(db, default_per_minute=settings.partner_rate_limit_per_minute)
    # A write may have revoked a key: look keys up again (see apikeys.KEYS_TTL_SECONDS).
    db.after_commit.append(lambda _session: partners.forget())
    link: RedisLink | None = None
    broadcaster: Broadcaster
    limiter: RateLimiter
    if settings.redis_url is None:
        broadcaster = Broadcaster()
        limiter = InProcessRateLimiter()
    else:
        link = RedisLink(settings.redis_url.get_secret_value(), prefix=settings.redis_prefix)
        broadcaster, limiter = _share_through_redis(link, db, response_cache, partners)
    budgets = VisitorBudgets(
        limiter,
        {
            Expense.PREVIEW: settings.visitor_previews_per_minute,
            Expense.SEARCH: settings.visitor_searches_per_minute,
            Expense.SEARCH_COUNT: settings.visitor_search_counts_per_minute,
            Expense.APPLICATION: settings.applications_per_hour,
        },
    )
    graphql = ForumGraphQL(db=db, settings=settings, broadcaster=broadcaster, budgets=budgets)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await migrate.check_schema_current(db)
        renderer.start()  # the first post need not wait for the workers to start
        if link is not None:
            await link.start()
        if settings.demo_sign_in_enabled:
            log.warning(
                "DEMO MODE: anyone who can reach %s can sign in as any member through "
                "/auth/demo. Never run --demo on a shared machine.",
                settings.public_url,
            )
        try:
            async with background.embedded_worker(settings, db, broadcaster, link):
                yield
        finally:
            await broadcaster.close()
            if link is not None:
                await link.close()
            await db.dispose()
            await asyncio.to_thread(renderer.close)

    async def healthz(_request: Request) -> Response:
        return PlainTextResponse("ok")

    async def readyz(_request: Request) -> Response:
        try:
            await db.ping()
        except Exception as exc:  # any failure means "not ready", and why goes to the log
            log.warning("readiness check failed: %r", exc)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    routes: list[Any] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        *auth_routes.routes(settings, db, sign_in or OpenIDSignIn(settings)),
        *Feeds(db, settings.public_url).routes(),
        *ics.routes(settings, db),
    ]
    web_dir = Path(settings.web_dir)
    if web_dir.is_dir():
        routes.append(Mount("/web", StaticFiles(directory=web_dir), name="web"))
        routes.extend(embed.routes(web_dir))
        routes.append(Route("/oembed", OEmbed(db, public_url=settings.public_url).answer))
        pages = Pages(db, public_url=settings.public_url, web_dir=web_dir)
        routes.append(Route("/{path:path}", pages.page, methods=["GET"]))

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.db = db
    app.state.settings = settings
    app.state.broadcaster = broadcaster
    # The graphql-core schema, whose extensions hold the compiled plans and their counters.
    app.state.schema = graphql.schema._schema  # type: ignore[attr-defined]  # a strawberry Schema
    app.state.response_cache = response_cache
    app.state.redis_link = link
    # The web client's and the widget's documents, by SHA-256 (persisted queries).
    documents = persisted.from_web_client(Path(settings.web_dir))
    app.state.persisted_documents = documents
    # Innermost: it sees only bodies GraphQLGuard has checked and read whole.
    app.add_middleware(AnonymousResponseCache, cache=response_cache)
    answers = PublicAnswers(
        response_cache,
        max_age_seconds=settings.http_max_age_seconds,
        stale_while_revalidate_seconds=settings.http_stale_while_revalidate_seconds,
    )
    app.add_middleware(CacheableGets, answers=answers)
    # Outside the GET cache: a persisted-only key never gets a cached answer to another
    # document.
    app.add_middleware(PersistedQueries, documents=documents)
    app.add_middleware(
        GraphQLGuard,
        max_body_bytes=settings.max_body_bytes,
        site_origin=settings.public_origin,
    )
    # A GET the cache holds is answered before the two above parse it (after the key's
    # checks): the widget's cached feed and its 304s.
    app.add_middleware(EarlyHits, answers=answers)
    app.state.partners = partners
    app.add_middleware(
        PartnerKeys,
        directory=partners,
        limiter=limiter,
        site_origin=settings.public_origin,
        keyless_per_minute=settings.keyless_cross_origin_per_minute,
    )
    app.add_middleware(PartnerCORS, directory=partners, site_origin=settings.public_origin)
    # The widget's script and the modules it imports, readable by partners' pages.
    app.add_middleware(embed.PublicScripts)
    app.add_middleware(AddressText)
    # Around everything that may touch the database: a failure is answered, not a bare 500.
    app.add_middleware(Failures)
    app.add_middleware(CancelOnDisconnect)
    app.add_middleware(SecurityHeaders)
    return app


# The kind of link message that says "something was committed": cached answers are stale.
WRITE = "write"


def _share_through_redis(
    link: RedisLink, db: Database, response_cache: ResponseCache, partners: PartnerDirectory
) -> tuple[Broadcaster, RateLimiter]:
    """Join this process to the others: live updates, rate limits, cache invalidation."""

    def forget_written() -> None:
        response_cache.clear()
        partners.forget()  # a key may have been revoked

    async def clear_cache(_body: dict[str, Any]) -> None:
        forget_written()

    db.after_commit.append(lambda _session: link.publish(WRITE))
    link.on(WRITE, clear_cache)
    background.announce_jobs(db, link)
    # After an outage, writes of other processes may have gone unannounced.
    link.on_connected(forget_written)
    return RedisBroadcaster(link, load_rows=live.rows_loader(db)), RedisRateLimiter(link)
