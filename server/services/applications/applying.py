"""Applying to join the network: the form's checks, the duplicates refused, the receipt.

Anyone may apply (the schema bounds how often per client address); every field is
checked and all problems are reported together; an application for an organisation
whose name or website the network already has (as a member, or as an application
waiting for a decision) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from server import countries, mail
from server.db import utcnow
from server.domain import ApplicationStatus, OrganisationType
from server.models import MembershipApplication, Organisation
from server.services import invitations, network_fanout, network_mail, organisations
from server.services.errors import InvalidInput, UserErrorCode
from server.services.idempotency import fingerprint
from server.services.validation import Collector
from server.weburl import split_url

NAME_MAX = organisations.NAME_MAX
CONTACT_NAME_MAX = 120
MOTIVATION_MAX = 5000
_ONE_LINE = re.compile(r"[\r\n\t\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ApplicationForm:
    """What an applicant sends (ApplyForMembershipInput), field by field."""

    organisation_name: str
    organisation_type: OrganisationType
    country: str
    website: str | None
    contact_name: str
    contact_email: str
    motivation: str
    accepts_terms_of_reference: bool
    idempotency_key: str | None = None


def _one_line(check: Collector, field: str, value: str, label: str, max_length: int) -> str:
    text = check.text(field, value, label=label, max_length=max_length)
    if _ONE_LINE.search(text):
        check.add(field, f"{label} must be one line of text.", UserErrorCode.INVALID)
    return text


def check_form(form: ApplicationForm) -> ApplicationForm:
    """The form with its text tidied, or InvalidInput listing every field at fault."""
    check = Collector()
    name = _one_line(check, "organisation_name", form.organisation_name, "The name", NAME_MAX)
    country = countries.normalise(form.country)
    if country is None:
        check.add(
            "country",
            "A country is an ISO 3166-1 alpha-2 code such as DE or KE.",
            UserErrorCode.INVALID,
        )
    website = organisations.check_website(check, form.website)
    contact = _one_line(
        check, "contact_name", form.contact_name, "The contact's name", CONTACT_NAME_MAX
    )
    email = invitations.check_email("contact_email", form.contact_email)
    if isinstance(email, InvalidInput):
        check.errors.extend(email.errors)
        email = form.contact_email
    motivation = check.text(
        "motivation", form.motivation, label="The motivation", max_length=MOTIVATION_MAX
    )
    if not form.accepts_terms_of_reference:
        check.add(
            "accepts_terms_of_reference",
            "Read the Terms of Reference and accept them to apply.",
            UserErrorCode.REQUIRED,
        )
    key = check.idempotency_key("idempotency_key", form.idempotency_key)
    check.raise_if_any()
    return ApplicationForm(
        organisation_name=name,
        organisation_type=form.organisation_type,
        country=country or "",
        website=website,
        contact_name=contact,
        contact_email=email,
        motivation=motivation,
        accepts_terms_of_reference=True,
        idempotency_key=key,
    )


def _host(website: str | None) -> str | None:
    if not website:
        return None
    parts = split_url(website.strip())  # None for a website stored before it was checked so
    host = (parts.hostname or "").lower() if parts is not None else ""
    return host.removeprefix("www.") or None


async def _already_known(session: AsyncSession, form: ApplicationForm) -> list[str]:
    """The fields whose value the network has already: as a member, or in a pending application."""
    name = form.organisation_name.lower()
    host = _host(form.website)
    taken: list[str] = []
    known = (
        await session.execute(
            sa.union_all(
                sa.select(Organisation.name, Organisation.website),
                sa.select(
                    MembershipApplication.organisation_name, MembershipApplication.website
                ).where(MembershipApplication.status == ApplicationStatus.PENDING),
            )
        )
    ).all()
    if any(row[0].lower() == name for row in known):
        taken.append("organisation_name")
    if host is not None and any(_host(row[1]) == host for row in known):
        taken.append("website")
    return taken


async def apply(
    session: AsyncSession, form: ApplicationForm, *, honeypot: str | None = None
) -> MembershipApplication | None:
    """Record an application (checked with `check_form` first) and e-mail its receipt.

    None, with nothing written, when the honeypot field is filled in: only robots see it.
    With an idempotency key, a repeat of the same application returns the first one.
    """
    form = check_form(form)
    if honeypot:
        return None
    print_ = fingerprint("apply_for_membership", form.__dict__)
    if form.idempotency_key is not None:
        first = await _by_key(session, form.idempotency_key)
        if first is not None:
            return _repeat(first, print_)
    taken = await _already_known(session, form)
    if taken:
        raise InvalidInput(
            [
                InvalidInput.of(
                    field,
                    f"The network already has an organisation with this "
                    f"{'name' if field == 'organisation_name' else 'website'}, or an "
                    "application for one waiting for a decision. If it is yours, ask its "
                    "lead contact or the secretariat to invite you.",
                    UserErrorCode.DUPLICATE,
                ).errors[0]
                for field in taken
            ]
        )
    values = {
        "organisation_name": form.organisation_name,
        "organisation_type": form.organisation_type,
        "country": form.country,
        "website": form.website,
        "contact_name": form.contact_name,
        "contact_email": form.contact_email,
        "motivation": form.motivation,
        "status": ApplicationStatus.PENDING,
        "submitted_at": utcnow(),
        "idempotency_key": form.idempotency_key,
        "fingerprint": print_,
    }
    # With a key, two requests at once insert one row: on PostgreSQL the second waits on
    # the unique index for the first to commit, then finds its row.
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(MembershipApplication).values(**values)
    if form.idempotency_key is not None:
        statement = statement.on_conflict_do_nothing(index_elements=["idempotency_key"])
    new_id = (await session.execute(statement.returning(MembershipApplication.id))).scalar()
    if new_id is None:
        assert form.idempotency_key is not None
        first = await _by_key(session, form.idempotency_key)
        assert first is not None
        return _repeat(first, print_)
    application = await session.get(MembershipApplication, new_id)
    assert application is not None
    await network_fanout.queue_application(session, application.id)
    await mail.queue(
        session,
        network_mail.application_received(
            to=form.contact_email,
            contact_name=form.contact_name,
            organisation_name=form.organisation_name,
        ),
    )
    return application


async def _by_key(session: AsyncSession, key: str) -> MembershipApplication | None:
    return await session.scalar(
        sa.select(MembershipApplication).where(MembershipApplication.idempotency_key == key)
    )


def _repeat(first: MembershipApplication, print_: str) -> MembershipApplication:
    if first.fingerprint != print_:
        raise InvalidInput.of(
            "idempotency_key",
            "This idempotency key was already used for a different application.",
            UserErrorCode.DUPLICATE,
        )
    return first
