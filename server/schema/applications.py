"""Joining the network: applying, the admins' queue and decisions, invitations, the Terms."""

from __future__ import annotations

import functools
from datetime import datetime

import strawberry

from server.ids import row_id, to_global_id
from server.links import InvitationLinks
from server.models import MembershipApplication as ApplicationRow
from server.schema.budgets import Expense
from server.schema.context import Context
from server.schema.enums import ApplicationStatus, OrganisationType
from server.schema.errors import UserError, user_errors
from server.schema.mutation import mutate
from server.schema.node import Node
from server.schema.organisations import Organisation
from server.schema.pagination import Connection, connection
from server.services import applications, invitations, terms
from server.services.errors import InvalidInput
from server.services.viewer import Viewer, for_admins

Info = strawberry.Info[Context, None]


def invitation_links(context: Context) -> InvitationLinks:
    """The signed invitation links of this forum (its secret key and public URL)."""
    return InvitationLinks(context.settings.secret(), context.settings.public_url)


@strawberry.type(
    description="An organisation's application to join the network, as its contact submitted it."
)
class MembershipApplication(Node):
    organisation_name: str = strawberry.field(description="The organisation's name.")
    organisation_type: OrganisationType = strawberry.field(description="What kind it is.")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2.")
    website: str | None = strawberry.field(description="Its website, if given.")
    contact_name: str = strawberry.field(description="The person who applied.")
    contact_email: str | None = strawberry.field(
        description="Shown to admins only; null for everyone else."
    )
    motivation: str = strawberry.field(
        description="Why the organisation wants to join and what it would bring (Markdown)."
    )
    status: ApplicationStatus = strawberry.field(description="Where it stands.")
    submitted_at: datetime = strawberry.field(description="When it was sent.")
    decided_at: datetime | None = strawberry.field(description="When it was decided, if it was.")
    decision_reason: str | None = strawberry.field(
        description="The reason given with a rejection (shown to admins and in the e-mail to "
        "the contact)."
    )
    organisation_id: strawberry.Private[int | None]

    @strawberry.field(description="The organisation created when the application was approved.")
    async def organisation(self, info: Info) -> Organisation | None:
        if self.organisation_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.organisation_id)
        return Organisation.from_row(row) if row is not None else None

    @classmethod
    def from_row(cls, row: ApplicationRow, viewer: Viewer) -> MembershipApplication:
        """The application as `viewer` may see it (the address and reason for admins only)."""
        return cls(
            id=strawberry.ID(to_global_id("MembershipApplication", row.id)),
            organisation_name=row.organisation_name,
            organisation_type=row.organisation_type,
            country=row.country,
            website=row.website,
            contact_name=row.contact_name,
            contact_email=for_admins(viewer, row.contact_email),
            motivation=row.motivation,
            status=row.status,
            submitted_at=row.submitted_at,
            decided_at=row.decided_at,
            decision_reason=for_admins(viewer, row.decision_reason),
            organisation_id=row.organisation_id,
        )


@strawberry.input(description="An organisation's application to join the network.")
class ApplyForMembershipInput:
    organisation_name: str = strawberry.field(description="The organisation's name.")
    organisation_type: OrganisationType = strawberry.field(description="What kind it is.")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2.")
    website: str | None = strawberry.field(default=None, description="Its website (https://…).")
    contact_name: str = strawberry.field(description="Who applies: the future lead contact.")
    contact_email: str = strawberry.field(
        description="Where the receipt, the decision and the invitation go."
    )
    motivation: str = strawberry.field(
        description="Why the organisation wants to join and what it would bring (Markdown)."
    )
    accepts_terms_of_reference: bool = strawberry.field(
        description="Must be true: the contact has read and accepts the network's Terms of "
        "Reference."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Sent again with the same application, returns the first."
    )
    honeypot: str | None = strawberry.field(
        default=None,
        description="Leave empty. Forms hide this field from people; an application with it "
        "filled in is taken for a robot's and dropped (the answer looks the same).",
    )


@strawberry.type(description="The application as recorded, or what to fix.")
class ApplyForMembershipPayload:
    application: MembershipApplication | None = strawberry.field(
        description="The application (null when nothing was recorded)."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="An admin's decision on an application.")
class DecideMembershipApplicationInput:
    application_id: strawberry.ID = strawberry.field(description="The application's global ID.")
    approve: bool = strawberry.field(description="True approves, false rejects.")
    reason: str | None = strawberry.field(default=None, description="Required when rejecting.")
    slug: str | None = strawberry.field(
        default=None,
        description="The slug of the organisation an approval creates; derived from the name "
        "when omitted.",
    )


@strawberry.type(description="The application as decided, or what to fix.")
class DecideMembershipApplicationPayload:
    application: MembershipApplication | None = strawberry.field(
        description="The application, decided."
    )
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.input(description="Someone to invite, by e-mail, to an organisation.")
class InviteMemberInput:
    organisation: strawberry.ID = strawberry.field(description="The organisation's global ID.")
    email: str = strawberry.field(description="Where the invitation goes; never shown to others.")


@strawberry.type(description="When the invitation expires, or what to fix.")
class InviteMemberPayload:
    expires_at: datetime | None = strawberry.field(description="When the invitation expires.")
    errors: list[UserError] = strawberry.field(description="Problems with the input.")


@strawberry.type
class ApplicationQueries:
    @strawberry.field(
        description="Applications to join, newest first: admins only (FORBIDDEN otherwise)."
    )
    async def membership_applications(
        self,
        info: Info,
        status: ApplicationStatus | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[MembershipApplication]:
        viewer = info.context.viewer
        page = await info.context.read(
            applications.list_applications,
            viewer,
            status=status,
            first=20 if first is None else first,
            after=after,
        )
        count = functools.partial(applications.count_applications, actor=viewer, status=status)
        return connection(page, lambda row: MembershipApplication.from_row(row, viewer), count)

    @strawberry.field(description="The network's Terms of Reference, rendered and sanitised HTML.")
    async def terms_of_reference_html(self, info: Info) -> str:
        return await terms.terms_of_reference_html(info.context.settings.terms_of_reference_path)


@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(
        description="Anyone, signed in or not, may apply; rate-limited per client address."
    )
    async def apply_for_membership(
        self, info: Info, input: ApplyForMembershipInput
    ) -> ApplyForMembershipPayload:
        ctx = info.context
        form = applications.ApplicationForm(
            organisation_name=input.organisation_name,
            organisation_type=input.organisation_type,
            country=input.country,
            website=input.website,
            contact_name=input.contact_name,
            contact_email=input.contact_email,
            motivation=input.motivation,
            accepts_terms_of_reference=input.accepts_terms_of_reference,
            idempotency_key=input.idempotency_key,
        )
        # Checked before it is counted: a typo costs no attempt; a valid application does.
        try:
            checked = applications.check_form(form)
        except InvalidInput as error:
            return ApplyForMembershipPayload(application=None, errors=user_errors(error, input))
        await ctx.spend_address(Expense.APPLICATION)
        application, errors = await mutate(
            ctx,
            input,
            lambda session: applications.apply(session, checked, honeypot=input.honeypot),
            lambda row: MembershipApplication.from_row(row, ctx.viewer) if row else None,
        )
        return ApplyForMembershipPayload(
            application=application if application else None, errors=errors
        )

    @strawberry.mutation(
        description="Approve an application (creates the organisation and e-mails its contact "
        "an invitation) or reject it with a reason (e-mailed). Admins only; a decision is final."
    )
    async def decide_membership_application(
        self, info: Info, input: DecideMembershipApplicationInput
    ) -> DecideMembershipApplicationPayload:
        ctx = info.context
        application, errors = await mutate(
            ctx,
            input,
            lambda session: applications.decide(
                session,
                ctx.viewer,
                application_id=row_id(input.application_id, "MembershipApplication"),
                approve=input.approve,
                reason=input.reason,
                slug=input.slug,
                links=invitation_links(ctx),
            ),
            lambda row: MembershipApplication.from_row(row, ctx.viewer),
        )
        return DecideMembershipApplicationPayload(application=application, errors=errors)

    @strawberry.mutation(
        description="Invite someone by e-mail to an organisation: a single-use link, valid for "
        "14 days, that attaches them when they sign in through it. Admins, and the "
        "organisation's lead contact."
    )
    async def invite_member(self, info: Info, input: InviteMemberInput) -> InviteMemberPayload:
        ctx = info.context
        expires_at, errors = await mutate(
            ctx,
            input,
            lambda session: invitations.invite_member(
                session,
                ctx.viewer,
                organisation_id=row_id(input.organisation, "Organisation") or 0,
                email=input.email,
                links=invitation_links(ctx),
            ),
            lambda invitation: invitation.expires_at,
        )
        return InviteMemberPayload(expires_at=expires_at, errors=errors)
