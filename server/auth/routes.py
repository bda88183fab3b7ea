"""Sign-out, and the demo sign-in that exists only under --demo on loopback."""

from __future__ import annotations

import html
import logging

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from server.auth import sessions
from server.config import Settings
from server.db import Database
from server.http import origin_of
from server.models import Member, Organisation
from server.schema.ids import row_id, to_global_id

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
    return origin is None or origin.lower() == origin_of(settings.public_url)


def routes(settings: Settings, db: Database) -> list[Route]:
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

    result = [Route("/auth/logout", logout, methods=["POST"])]
    if settings.demo_sign_in_enabled:
        result += _demo_routes(settings, db)
    return result


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
            exists = member_id is not None and await session.get(Member, member_id) is not None
            if not exists:
                return JSONResponse({"error": "member_id is not a demo member"}, status_code=400)
            assert member_id is not None
            value = await sessions.create_session(session, member_id, settings)
        response = RedirectResponse(safe_next(str(form.get("next", "/"))), 303)
        sessions.set_session_cookie(response, settings, value)
        return response

    return [
        Route("/auth/demo", picker, methods=["GET"]),
        Route("/auth/demo", sign_in, methods=["POST"]),
    ]
