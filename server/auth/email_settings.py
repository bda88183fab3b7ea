"""The page behind the link in every notification e-mail: change how often one is
e-mailed, or unsubscribe, without signing in.

GET /auth/email/<token> shows the choice; a POST to the same address saves it. The same
address is the e-mail's `List-Unsubscribe`: a mail program's one-click POST (RFC 8058,
body `List-Unsubscribe=One-Click`) turns e-mail off. A GET never changes anything (mail
scanners open links). A forged or expired link gets a page that says so and changes
nothing.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from server.auth.pages import link_page
from server.config import Settings
from server.db import Database
from server.domain import EmailFrequency
from server.links import EMAIL_SETTINGS_DAYS, EMAIL_SETTINGS_PATH, EmailSettingsLinks
from server.services import notifications
from server.tokens import TokenError

# A form of four choices is far smaller; anything larger is not ours.
MAX_FORM_BYTES = 2048
_CHOICES = {
    EmailFrequency.IMMEDIATELY: "One e-mail for each notification, as it happens",
    EmailFrequency.DAILY: "A daily digest (none when nothing happened)",
    EmailFrequency.WEEKLY: "A weekly digest (none when nothing happened)",
    EmailFrequency.NEVER: "No e-mail (unsubscribe)",
}
_REFUSED = {
    "invalid": (
        400,
        "This link is not valid: it may have been altered or copied incompletely. Open it "
        "from the e-mail again, or change your settings in the forum after signing in.",
    ),
    "expired": (
        410,
        f"This link has expired (they work for {EMAIL_SETTINGS_DAYS} days). Use the link of a "
        "recent e-mail, or change your settings in the forum after signing in.",
    ),
}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return link_page(title, body, status, kind="email-settings")


def _refused(reason: str) -> HTMLResponse:
    status, message = _REFUSED.get(reason, _REFUSED["invalid"])
    return _page("This link cannot be used", f"<p>{html.escape(message)}</p>", status)


def _form(token: str, current: EmailFrequency) -> str:
    options = "".join(
        f'<p><label><input type=radio name=frequency value="{value.value}"'
        f"{' checked' if value is current else ''}> {html.escape(label)}</label></p>"
        for value, label in _CHOICES.items()
    )
    action = html.escape(f"{EMAIL_SETTINGS_PATH}/{token}")
    return (
        f'<form method=post action="{action}"><fieldset><legend>How often should the forum '
        f"e-mail you about your notifications?</legend>{options}</fieldset>"
        "<p><button type=submit>Save</button></p></form>"
    )


def email_settings_routes(settings: Settings, db: Database) -> list[Route]:
    """The e-mail settings page and its one-click unsubscribe."""
    links = EmailSettingsLinks(settings.secret(), settings.public_url)

    async def page(request: Request) -> Response:
        token = request.path_params["token"]
        try:
            member_id = links.read(token)
        except TokenError as error:
            return _refused(error.reason)
        async with db.read() as session:
            current = await notifications.settings_of(session, member_id)
        if current is None:
            return _refused("invalid")
        return _page("Your e-mail from MOIN Forum", _form(token, current.email_frequency))

    async def save(request: Request) -> Response:
        token = request.path_params["token"]
        try:
            member_id = links.read(token)
        except TokenError as error:
            return _refused(error.reason)
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return _page("Not saved", "<p>That form is not one of ours.</p>", 413)
        form = parse_qs(body.decode("utf-8", "replace"))
        chosen = form.get("frequency", [None])[0]
        if chosen is None and form.get("List-Unsubscribe") == ["One-Click"]:
            chosen = EmailFrequency.NEVER.value
        if chosen is None or chosen not in EmailFrequency.__members__:
            return _page(
                "Not saved",
                "<p>Choose one of the options: "
                + ", ".join(html.escape(f.value) for f in EmailFrequency)
                + ".</p>",
                400,
            )
        frequency = EmailFrequency(chosen)
        async with db.write() as session:
            saved = await notifications.set_email_frequency(session, member_id, frequency)
        if not saved:
            return _refused("invalid")
        return _page(
            "Saved",
            f"<p>{html.escape(_CHOICES[frequency])}: saved.</p>" + _form(token, frequency),
        )

    path = EMAIL_SETTINGS_PATH + "/{token}"
    return [Route(path, page, methods=["GET"]), Route(path, save, methods=["POST"])]
