"""The signed links the forum mails that work without signing in: invitations, and the
pages where a member changes how often they are e-mailed (unsubscribe).

A link carries the invitation's id only (never the address: a token is readable by
whoever holds it), is signed for one purpose with MOIN_SECRET_KEY and expires with the
invitation. Services make links through the `InvitationLinks` they are given, so that
they need know nothing of signing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from server.db import utcnow
from server.tokens import Signer, Token, TokenError

INVITATION = "invitation"
INVITATION_PATH = "/auth/invitation"


class InvitationLinks:
    """Makes and reads invitation links of the forum at `base_url`."""

    def __init__(self, secret: str, base_url: str) -> None:
        self._signer = Signer(secret)
        self.base_url = base_url.rstrip("/")

    def link(self, invitation_id: int, expires_at: datetime) -> str:
        """The absolute link that accepts invitation `invitation_id` until `expires_at`."""
        token = self._signer.sign(
            INVITATION, {"invitation": invitation_id}, valid_for=expires_at - utcnow()
        )
        return f"{self.base_url}{INVITATION_PATH}/{token}"

    def read(self, token: str) -> tuple[int, Token]:
        """The invitation id of a link's token, and the token (TokenError if it is no good)."""
        checked = self._signer.read(INVITATION, token)
        invitation_id = checked.data.get("invitation")
        if not isinstance(invitation_id, int):
            raise TokenError("invalid")
        return invitation_id, checked


EMAIL_SETTINGS = "email-settings"
EMAIL_SETTINGS_PATH = "/auth/email"
# Long enough that a digest kept for months still unsubscribes; the link changes nothing
# but the member's e-mail frequency, so it need not be single-use.
EMAIL_SETTINGS_DAYS = 365


class EmailSettingsLinks:
    """Makes and reads the links in notification e-mails that change how often a member is
    e-mailed (and unsubscribe them in one click, RFC 8058) without signing in."""

    def __init__(self, secret: str, base_url: str) -> None:
        self._signer = Signer(secret)
        self.base_url = base_url.rstrip("/")

    def link(self, member_id: int) -> str:
        """The absolute link of `member_id`'s e-mail settings page (and one-click unsubscribe)."""
        token = self._signer.sign(
            EMAIL_SETTINGS, {"member": member_id}, valid_for=timedelta(days=EMAIL_SETTINGS_DAYS)
        )
        return f"{self.base_url}{EMAIL_SETTINGS_PATH}/{token}"

    def read(self, token: str) -> int:
        """The member id of a link's token (TokenError if it is no good)."""
        member_id = self._signer.read(EMAIL_SETTINGS, token).data.get("member")
        if not isinstance(member_id, int):
            raise TokenError("invalid")
        return member_id
