"""The e-mails of joining the network: receipt, decision, invitation. Built here, queued by
the service whose write causes them (see `server.mail`)."""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup

from server.mail import Mail, html_document


def _date(moment: datetime) -> str:
    return moment.strftime("%d %B %Y")


def application_received(*, to: str, contact_name: str, organisation_name: str) -> Mail:
    """To the contact: their application has arrived and what happens next."""
    subject = f"Your application for {organisation_name} has arrived"
    text = (
        f"Dear {contact_name},\n\n"
        f"thank you for applying for {organisation_name} to join the Mission-Oriented "
        "Innovation Network. The network's secretariat reviews every application and will "
        "write to you at this address with its decision.\n\n"
        "If you did not apply, you may ignore this message.\n"
    )
    body = Markup(
        "<p>Dear {},</p><p>thank you for applying for <strong>{}</strong> to join the "
        "Mission-Oriented Innovation Network. The network's secretariat reviews every "
        "application and will write to you at this address with its decision.</p>"
    ).format(contact_name, organisation_name)
    footer = "If you did not apply, you may ignore this message."
    return Mail(
        to=to,
        subject=subject,
        text=text,
        html=html_document(title=subject, body=body, footer=footer),
    )


def application_approved(
    *, to: str, contact_name: str, organisation_name: str, link: str, expires_at: datetime
) -> Mail:
    """To the contact: approved, with the link that signs them in as the lead contact."""
    subject = f"Welcome to the network: {organisation_name} has been approved"
    text = (
        f"Dear {contact_name},\n\n"
        f"{organisation_name} is now a member of the Mission-Oriented Innovation Network. "
        "Open this link to sign in to the forum; you will join as your organisation's lead "
        f"contact and can then invite your colleagues:\n\n{link}\n\n"
        f"The link works once, until {_date(expires_at)}.\n"
    )
    body = Markup(
        "<p>Dear {},</p><p><strong>{}</strong> is now a member of the Mission-Oriented "
        "Innovation Network. Sign in to the forum through this link; you will join as your "
        "organisation's lead contact and can then invite your colleagues:</p>"
        '<p><a href="{}">Accept the invitation and sign in</a></p>'
        "<p>The link works once, until {}.</p>"
    ).format(contact_name, organisation_name, link, _date(expires_at))
    return Mail(to=to, subject=subject, text=text, html=html_document(title=subject, body=body))


def application_rejected(
    *, to: str, contact_name: str, organisation_name: str, reason: str
) -> Mail:
    """To the contact: not approved, and why."""
    subject = f"Your application for {organisation_name}"
    text = (
        f"Dear {contact_name},\n\n"
        f"the network's secretariat has decided not to admit {organisation_name} to the "
        f"Mission-Oriented Innovation Network at this time. The reason given:\n\n{reason}\n\n"
        "You are welcome to write to the secretariat with any questions.\n"
    )
    body = Markup(
        "<p>Dear {},</p><p>the network's secretariat has decided not to admit <strong>{}"
        "</strong> to the Mission-Oriented Innovation Network at this time. The reason "
        "given:</p><blockquote>{}</blockquote><p>You are welcome to write to the secretariat "
        "with any questions.</p>"
    ).format(contact_name, organisation_name, reason)
    return Mail(to=to, subject=subject, text=text, html=html_document(title=subject, body=body))


def invitation(
    *, to: str, organisation_name: str, inviter_name: str, link: str, expires_at: datetime
) -> Mail:
    """To a colleague: an invitation to join an organisation in the forum."""
    subject = f"{inviter_name} invites you to join {organisation_name} in the MOIN Forum"
    text = (
        f"{inviter_name} invites you to join {organisation_name} in the forum of the "
        "Mission-Oriented Innovation Network, where public organisations learn from each "
        f"other. Open this link to sign in and join:\n\n{link}\n\n"
        f"The link works once, until {_date(expires_at)}. If you did not expect it, ignore "
        "this message.\n"
    )
    body = Markup(
        "<p>{} invites you to join <strong>{}</strong> in the forum of the Mission-Oriented "
        "Innovation Network, where public organisations learn from each other.</p>"
        '<p><a href="{}">Accept the invitation and sign in</a></p>'
        "<p>The link works once, until {}.</p>"
    ).format(inviter_name, organisation_name, link, _date(expires_at))
    footer = "If you did not expect this invitation, you may ignore it."
    return Mail(
        to=to,
        subject=subject,
        text=text,
        html=html_document(title=subject, body=body, footer=footer),
    )
