"""Sign-in options for the sign-in page."""

from __future__ import annotations

import strawberry

from server.config.providers import sign_in_options
from server.schema.context import Context

Info = strawberry.Info[Context, None]


@strawberry.type(description="A way to sign in: a button on the sign-in page.")
class SignInOption:
    name: str = strawberry.field(description="The provider's name, e.g. `acme` (or `demo`).")
    title: str = strawberry.field(description="What the button says, e.g. the organisation.")
    login_url: str = strawberry.field(
        description="Where the button leads, relative to the forum: `/auth/login/<name>`. "
        "Add `?next=/path` to come back to a page of the forum after signing in."
    )


@strawberry.type
class AuthQueries:
    @strawberry.field(description="The ways to sign in, in the order the operators configured.")
    def sign_in_options(self, info: Info) -> list[SignInOption]:
        settings = info.context.settings
        return [
            SignInOption(name=o.name, title=o.title, login_url=o.login_url)
            for o in sign_in_options(settings.oidc_providers, demo=settings.demo_sign_in_enabled)
        ]
