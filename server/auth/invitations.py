"""Invitation links: the page a link opens, and accepting it when its holder signs in.

GET /auth/invitation/<token> checks the link (forged, expired or used links get a page
that says so, and change nothing), keeps the token in the short-lived sign-in flow cookie
and offers the ways to sign in. When the sign-in completes (`accept_pending`, called by the
callback in the same transaction as the sign-in), the token is spent and the member joins
the organisation. Under --demo a new demo member can accept it without a provider.
"""

from __future__ import annotations

import html
import logging
from typing import Any
from urllib.parse import quote

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from server import tokens
from server.auth import sessions
from server.auth.pages import link_page
from server.config import Settings
from server.config.providers import sign_in_options
from server.db import Database
from server.links import INVITATION_PATH, InvitationLinks
from server.models import Member, Organisation
from server.services import invitations, members
from server.tokens import TokenError

log = logging.getLogger(__name__)

# The key of the pending invitation's token in the sign-in flow cookie.
PENDING = "invitation"

_WHY = {
    "invalid": (
        400,
        "This invitation link is not valid. It may have been copied incompletely: open it "
        "from the e-mail again, or ask whoever invited you to send a new one.",
    ),
    "expired": (
        410,
        f"This invitation has expired (links work for {invitations.INVITATION_DAYS} days). "
        "Ask whoever invited you to send a new one.",
    ),
    "used": (
        410,
        "This invitation has been used already. If it was you, sign in as usual; otherwise "
        "ask whoever invited you to send a new one.",
    ),
}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return link_page(title, body, status, kind="invitation")


def _refused(reason: str) -> HTMLResponse:
    status, message = _WHY.get(reason, _WHY["invalid"])
    page = _page("This invitation cannot be used", f"<p>{html.escape(message)}</p>", status)
    page.headers["X-Invitation"] = reason
    return page


async def _check(
    db: Database, links: InvitationLinks, token: str
) -> tuple[int, tokens.Token, Organisation] | str:
    """The invitation id, token and organisation of a usable link; else why not."""
    try:
        invitation_id, checked = links.read(token)
    except TokenError as error:
        return error.reason
    async with db.read() as session:
        found = await invitations.open_invitation(session, invitation_id)
    if found is None:
        return "used"
    return invitation_id, checked, found[1]


def invitation_routes(settings: Settings, db: Database, flow_cookie: list[Any]) -> list[Route]:
    """The invitation page (with the flow cookie) and, under --demo, its demo acceptance."""
    links = InvitationLinks(settings.secret(), settings.public_url)

    async def landing(request: Request) -> Response:
        token = request.path_params["token"]
        checked = await _check(db, links, token)
        if isinstance(checked, str):
            return _refused(checked)
        _invitation_id, _token, organisation = checked
        request.session[PENDING] = token
        next_path = quote(f"/o/{organisation.slug}")
        options = [o for o in sign_in_options(settings.oidc_providers, demo=False)]
        buttons = "".join(
            f'<li><a class=button href="{html.escape(o.login_url)}?next={next_path}">'
            f"Sign in with {html.escape(o.title)}</a></li>"
            for o in options
        )
        demo = ""
        if settings.demo_sign_in_enabled:
            demo = (
                f'<form method=post action="{INVITATION_PATH}/{html.escape(token)}/demo">'
                "<p><label>Demo: join as a new member named "
                '<input name=display_name required maxlength=120 value="Invited Member">'
                "</label> <button type=submit>Join</button></p></form>"
            )
        if not buttons and not demo:
            buttons = "<li>No way to sign in is configured: tell the secretariat.</li>"
        return _page(
            f"Join {organisation.name}",
            f"<p>You are invited to join <strong>{html.escape(organisation.name)}</strong> "
            "in the forum of the Mission-Oriented Innovation Network. Sign in to accept; "
            f"you will then write as a member of {html.escape(organisation.name)}.</p>"
            f"<ul class=providers>{buttons}</ul>{demo}",
        )

    result = [
        Route(f"{INVITATION_PATH}/{{token}}", landing, methods=["GET"], middleware=flow_cookie)
    ]
    if settings.demo_sign_in_enabled:
        result.append(
            Route(f"{INVITATION_PATH}/{{token}}/demo", _demo(settings, db, links), methods=["POST"])
        )
    return result


def _demo(settings: Settings, db: Database, links: InvitationLinks) -> Any:
    async def accept_as_new_demo_member(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin is not None and origin.lower() != settings.public_origin:
            return _page("Not accepted", "<p>Cross-origin requests are refused.</p>", 403)
        form = await request.form()
        name = members.clean_display_name(str(form.get("display_name", ""))) or "Invited Member"
        try:
            invitation_id, checked = links.read(request.path_params["token"])
        except TokenError as error:
            return _refused(error.reason)
        async with db.write() as session:
            member = Member(display_name=name)
            session.add(member)
            await session.flush()
            organisation = await _accept(session, invitation_id, checked, member)
            if organisation is None:
                await session.rollback()
                return _refused("used")
            cookie = await sessions.create_session(session, member.id, settings)
        response = RedirectResponse(f"/o/{quote(organisation.slug)}", 303)
        sessions.set_session_cookie(response, settings, cookie)
        return response

    return accept_as_new_demo_member


async def _accept(
    session: AsyncSession, invitation_id: int, token: tokens.Token, member: Member
) -> Organisation | None:
    """Spend the token and attach `member`; None (nothing changed) when it is taken."""
    if await invitations.open_invitation(session, invitation_id) is None:
        return None
    try:
        await tokens.spend(session, token)
    except TokenError:
        return None
    return await invitations.accept(session, invitation_id=invitation_id, member=member)


async def accept_pending(
    request: Request, session: AsyncSession, settings: Settings, member: Member
) -> Organisation | None:
    """At the end of a sign-in: accept the invitation the browser brought, if any."""
    token = request.session.pop(PENDING, None)
    if not isinstance(token, str):
        return None
    links = InvitationLinks(settings.secret(), settings.public_url)
    try:
        invitation_id, checked = links.read(token)
    except TokenError as error:
        log.info("sign-in of member %s with an invitation that is %s", member.id, error.reason)
        return None
    organisation = await _accept(session, invitation_id, checked, member)
    if organisation is None:
        log.info("sign-in of member %s with an invitation used meanwhile", member.id)
    else:
        log.info("member %s accepted an invitation to organisation %s", member.id, organisation.id)
    return organisation
