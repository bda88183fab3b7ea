"""The signed links the forum mails that work without signing in: invitations.

A link carries the invitation's id only (never the address: a token is readable by
whoever holds it), is signed for one purpose with MOIN_SECRET_KEY and expires with the
invitation. Services make links through the `InvitationLinks` they are given, so that
they need know nothing of signing.
"""

from __future__ import annotations

from datetime import datetime

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
