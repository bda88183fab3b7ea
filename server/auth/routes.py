"""The sign-in routes: OpenID Connect providers, sign-out, and the demo sign-in.

GET /auth/providers lists the ways to sign in; GET /auth/login/<name> starts the
authorisation-code flow at a provider and GET /auth/callback/<name> completes it;
POST /auth/logout ends the session. The demo sign-in exists only under --demo on
a loopback address.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import logging

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from server.auth import sessions
from server.auth.email_settings import email_settings_routes
from server.auth.invitations import accept_pending, invitation_routes
from server.auth.oidc import FLOW_COOKIE, FLOW_MAX_AGE_SECONDS, OpenIDSignIn, SignInError
from server.config import Settings
from server.config.providers import sign_in_options
from server.db import Database
from server.ids import row_id, to_global_id
from server.models import Member, Organisation
from server.services import members
from server.services.viewer import banned_message

log = logging.getLogger(__name__)


def safe_next(target: str | None) -> str:
    """A redirect target within this site only: a path, never `//host` or `/\\host`."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ch in target for ch in "\\\r\n\t") or len(target) > 1000:
        return "/"
    return target


def _same_origin(request: Request, settings: Settings) -> bool:
    origin = request.headers.get("origin")
    return origin is None or origin.lower() == settings.public_origin


class RedactSignInCallbacks(logging.Filter):
    """uvicorn's access log shows query strings: keep sign-in codes and states out of logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path, _, query = args[2].partition("?")
            if path.startswith("/auth/callback/") and query:
                record.args = (*args[:2], f"{path}?[redacted]", *args[3:])
        return True


def _redact_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSignInCallbacks) for f in access.filters):
        access.addFilter(RedactSignInCallbacks())


def routes(settings: Settings, db: Database, sign_in: OpenIDSignIn) -> list[Route]:
    _redact_access_log()

    async def providers(_request: Request) -> Response:
        options = sign_in_options(settings.oidc_providers, demo=settings.demo_sign_in_enabled)
        listed = [{"name": o.name, "title": o.title, "loginUrl": o.login_url} for o in options]
        return JSONResponse({"providers": listed})

    async def logout(request: Request) -> Response:
        if not _same_origin(request, settings):
            return JSONResponse({"error": "cross-origin sign-out refused"}, status_code=403)
        async with db.write() as session:
            await sessions.end_session(session, settings, request.cookies.get(sessions.COOKIE_NAME))
        if "application/json" in request.headers.get("accept", ""):
            response: Response = JSONResponse({"signedIn": False})
        else:
            response = RedirectResponse(safe_next(request.query_params.get("next")), 303)
        sessions.clear_session_cookie(response, settings)
        return response

    result = [
        Route("/auth/providers", providers, methods=["GET"]),
        *_openid_routes(settings, db, sign_in),
        Route("/auth/logout", logout, methods=["POST"]),
    ]
    if settings.demo_sign_in_enabled:
        result += _demo_routes(settings, db)
    return result


def _flow_secret(settings: Settings) -> str:
    """A key of its own for the sign-in flow's cookie, derived from MOIN_SECRET_KEY."""
    return hmac.new(settings.secret().encode(), b"moin-sign-in-flow", hashlib.sha256).hexdigest()


def _openid_routes(settings: Settings, db: Database, sign_in: OpenIDSignIn) -> list[Route]:
    """/auth/login/<name> and /auth/callback/<name>, with the flow's short-lived cookie."""
    flow_cookie = [
        Middleware(
            SessionMiddleware,
            secret_key=_flow_secret(settings),
            session_cookie=FLOW_COOKIE,
            max_age=FLOW_MAX_AGE_SECONDS,
            path="/auth",
            same_site="lax",
            https_only=settings.public_url.startswith("https://"),
        )
    ]

    async def login(request: Request) -> Response:
        try:
            provider = sign_in.provider(request.path_params["name"])
            url = await sign_in.start(
                request, provider, safe_next(request.query_params.get("next"))
            )
        except SignInError as error:
            return _failure(request, error)
        return RedirectResponse(url, 302, headers={"Cache-Control": "no-store"})

    async def callback(request: Request) -> Response:
        try:
            provider = sign_in.provider(request.path_params["name"])
            completed = await sign_in.finish(request, provider)
            identity = completed.identity
            async with db.write() as session:
                member = await members.record_sign_in(
                    session,
                    provider=identity.provider,
                    subject=identity.subject,
                    display_name=identity.display_name,
                    email=identity.email,
                    organisation_slug=identity.organisation_slug,
                )
                if member.banned_reason is not None:
                    # Raising rolls the sign-in back: a banned member gets no session.
                    raise _banned(member.banned_reason)
                # Signing in through an invitation link joins its organisation.
                await accept_pending(request, session, settings, member)
                # A new session at every sign-in; the browser's old one (if any) ends.
                await sessions.end_session(
                    session, settings, request.cookies.get(sessions.COOKIE_NAME)
                )
                cookie = await sessions.create_session(session, member.id, settings)
        except SignInError as error:
            return _failure(request, error)
        except IntegrityError:
            log.warning("sign-in: a concurrent sign-in of the same person; asked to retry")
            conflict = SignInError("conflict", "Signing in collided with another attempt.", 409)
            return _failure(request, conflict)
        response = RedirectResponse(safe_next(completed.next_path), 303)
        response.headers["Cache-Control"] = "no-store"
        sessions.set_session_cookie(response, settings, cookie)
        return response

    return [
        Route("/auth/login/{name}", login, methods=["GET"], middleware=flow_cookie),
        Route("/auth/callback/{name}", callback, methods=["GET"], middleware=flow_cookie),
        *invitation_routes(settings, db, flow_cookie),
        *email_settings_routes(settings, db),
    ]


def _banned(reason: str) -> SignInError:
    return SignInError("banned", banned_message(reason), 403)


def _failure(request: Request, error: SignInError) -> Response:
    """A sign-in that failed: a page for people, JSON for programs; never a session."""
    headers = {"Cache-Control": "no-store"}
    if _wants_json(request):
        response: Response = JSONResponse(
            {"error": error.code, "message": error.message}, error.status, headers=headers
        )
    else:
        name = request.path_params.get("name", "")
        retry = ""
        if error.code not in ("unknown_provider", "banned"):
            retry = f'<p><a href="/auth/login/{html.escape(name)}">Sign in again</a></p>'
        response = HTMLResponse(
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width, initial-scale=1">'
            "<title>Not signed in — MOIN Forum</title>"
            '<link rel=stylesheet href="/web/style.css"></head>'
            "<body><main class=signin-error><h1>You are not signed in</h1>"
            f"<p>{html.escape(error.message)}</p>{retry}"
            '<p><a href="/">Back to the forum</a></p>'
            f"<p><small>Error: {html.escape(error.code)}</small></p></main></body></html>",
            error.status,
            headers=headers,
        )
    # Whatever cookie the browser had stays as it was: a failure never signs anyone in or out.
    return response


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _demo_routes(settings: Settings, db: Database) -> list[Route]:
    async def picker(request: Request) -> Response:
        async with db.read() as session:
            rows = (
                await session.execute(
                    sa.select(Member.id, Member.display_name, Member.role, Organisation.name)
                    .outerjoin(Organisation, Organisation.id == Member.organisation_id)
                    .order_by(Organisation.name, Member.display_name)
                )
            ).all()
        next_path = html.escape(safe_next(request.query_params.get("next")))
        items = "\n".join(
            f'<li><button type="submit" name="member_id" value="{to_global_id("Member", r.id)}">'
            f"{html.escape(r.display_name)}</button> {html.escape(r.name or 'no organisation')}"
            f"{' — ' + r.role.lower() if r.role != 'MEMBER' else ''}</li>"
            for r in rows
        )
        return HTMLResponse(
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width, initial-scale=1">'
            '<title>Demo sign-in — MOIN Forum</title><link rel=stylesheet href="/web/style.css">'
            "</head><body><main class=demo-signin><h1>Demo sign-in</h1>"
            "<p>This forum runs with demo data. Pick a member to act as them. "
            "This page exists only in demo mode on a loopback address.</p>"
            '<form method=post action="/auth/demo">'
            f'<input type=hidden name=next value="{next_path}">'
            f"<ul>{items}</ul></form></main></body></html>"
        )

    async def sign_in(request: Request) -> Response:
        if not _same_origin(request, settings):
            return JSONResponse({"error": "cross-origin sign-in refused"}, status_code=403)
        form = await request.form()
        member_id = row_id(str(form.get("member_id", "")), "Member")
        async with db.write() as session:
            member = await session.get(Member, member_id) if member_id is not None else None
            if member is None:
                return JSONResponse({"error": "member_id is not a demo member"}, status_code=400)
            if member.banned_reason is not None:
                return _failure(request, _banned(member.banned_reason))
            assert member_id is not None
            value = await sessions.create_session(session, member_id, settings)
        response = RedirectResponse(safe_next(str(form.get("next", "/"))), 303)
        sessions.set_session_cookie(response, settings, value)
        return response

    return [
        Route("/auth/demo", picker, methods=["GET"]),
        Route("/auth/demo", sign_in, methods=["POST"]),
    ]
