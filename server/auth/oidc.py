"""Signing in through OpenID Connect: the authorisation-code flow with PKCE, by Authlib.

`start` sends the browser to the provider with a fresh state, nonce and PKCE
(S256) verifier, kept in a short-lived signed cookie (Starlette's
SessionMiddleware on the sign-in routes only; it never holds tokens). `finish`
takes the browser back: it checks the state, exchanges the code (with the
verifier), validates the ID token (signature against the provider's JWKS, iss,
aud, exp, nonce; asymmetric algorithms only), reads the profile at the userinfo
endpoint, and returns who the provider vouches for. Anything that goes wrong
becomes a SignInError with a message a person can act on.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import authlib.deprecate  # noqa: F401 -- before the filter below: it installs one of its own
import httpx
from joserfc.errors import JoseError
from starlette.requests import Request

from server.config import Settings
from server.config.providers import OIDCProvider
from server.services.members import clean_display_name

with warnings.catch_warnings():
    # Authlib 1.9.10 warns that it would rather use httpx2 than httpx. We use httpx; the
    # warning says nothing an operator can act on, so it is silenced where it is raised.
    warnings.filterwarnings("ignore", "The httpx module is deprecated", DeprecationWarning)
    from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
    from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App

log = logging.getLogger(__name__)

# ID tokens signed with a provider's published public keys only: never "none", never HMAC.
ASYMMETRIC_ALGS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
)
HTTP_TIMEOUT_SECONDS = 10.0
# Discovery documents (and with them the JWKS) are fetched again after a day.
METADATA_MAX_AGE_SECONDS = 24 * 3600
CLOCK_LEEWAY_SECONDS = 60
# The sign-in flow's cookie: state, nonce, PKCE verifier and where to go next.
FLOW_COOKIE = "moin_signin"
FLOW_MAX_AGE_SECONDS = 600


class SignInError(Exception):
    """A sign-in that did not happen; `message` is for the person, `code` for programs."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Identity:
    """Who the provider vouches for, and what it says about them."""

    provider: str
    subject: str
    display_name: str
    email: str | None
    email_verified: bool
    organisation_slug: str | None


@dataclass(frozen=True)
class Completed:
    identity: Identity
    next_path: str


class OpenIDSignIn:
    """The configured providers, each an Authlib client registered for code + PKCE."""

    def __init__(
        self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.public_url = settings.public_url
        self.providers: dict[str, OIDCProvider] = {p.name: p for p in settings.oidc_providers}
        self.oauth = OAuth()
        for provider in self.providers.values():
            client_kwargs: dict[str, Any] = {
                "scope": provider.scopes,
                # Authlib sends a PKCE challenge only when asked for one.
                "code_challenge_method": "S256",
                "token_endpoint_auth_method": provider.token_endpoint_auth_method,
                "timeout": HTTP_TIMEOUT_SECONDS,
            }
            if transport is not None:
                client_kwargs["transport"] = transport
            self.oauth.register(
                name=provider.name,
                client_id=provider.client_id,
                client_secret=provider.client_secret.get_secret_value(),
                server_metadata_url=provider.discovery_url,
                client_kwargs=client_kwargs,
            )

    def provider(self, name: str) -> OIDCProvider:
        provider = self.providers.get(name)
        if provider is None:
            raise SignInError("unknown_provider", "There is no such way to sign in.", 404)
        return provider

    def redirect_uri(self, provider: OIDCProvider) -> str:
        return f"{self.public_url}/auth/callback/{provider.name}"

    def _client(self, provider: OIDCProvider) -> StarletteOAuth2App:
        client = self.oauth.create_client(provider.name)
        assert isinstance(client, StarletteOAuth2App)
        return client

    async def _metadata(self, provider: OIDCProvider, client: StarletteOAuth2App) -> dict[str, Any]:
        """The provider's discovery document, checked (and refreshed once a day)."""
        loaded_at = client.server_metadata.get("_loaded_at")
        if loaded_at is not None and time.time() - loaded_at > METADATA_MAX_AGE_SECONDS:
            client.server_metadata.clear()
        try:
            metadata: dict[str, Any] = await client.load_server_metadata()
        except (httpx.HTTPError, ValueError) as exc:
            client.server_metadata.clear()
            log.warning("sign-in through %s: discovery failed: %r", provider.name, exc)
            raise _unavailable(provider) from None
        if metadata.get("issuer") != provider.issuer:
            # OpenID Connect Discovery 4.3: the document must name the issuer it was asked for.
            client.server_metadata.clear()
            log.error(
                "sign-in through %s: the discovery document names issuer %r, not %r",
                provider.name,
                metadata.get("issuer"),
                provider.issuer,
            )
            raise SignInError(
                "provider_misconfigured",
                f"Signing in through {provider.title} is misconfigured; the forum's operators "
                "have been told.",
                502,
            )
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        metadata["id_token_signing_alg_values_supported"] = [
            alg for alg in offered if alg in ASYMMETRIC_ALGS
        ] or ["RS256"]
        return metadata

    async def start(self, request: Request, provider: OIDCProvider, next_path: str) -> str:
        """Begin signing in: remember state, nonce and verifier; return the provider's URL."""
        client = self._client(provider)
        await self._metadata(provider, client)
        authorisation = await client.create_authorization_url(self.redirect_uri(provider))
        url = authorisation.pop("url")
        await client.save_authorize_data(
            request, redirect_uri=self.redirect_uri(provider), next=next_path, **authorisation
        )
        return str(url)

    async def finish(self, request: Request, provider: OIDCProvider) -> Completed:
        """Complete signing in at the callback; the flow's state is used up either way."""
        client = self._client(provider)
        try:
            return await self._finish(request, provider, client)
        finally:
            _forget_flows(request, provider)

    async def _finish(
        self, request: Request, provider: OIDCProvider, client: StarletteOAuth2App
    ) -> Completed:
        params = request.query_params
        if "error" in params:
            raise _refused_at_provider(provider, params.get("error", ""))
        state = params.get("state")
        flow = await client.framework.get_state_data(request.session, state) if state else None
        if not flow:
            raise SignInError(
                "invalid_state",
                "This sign-in link has expired, was already used, or was started in another "
                "browser. Please start again.",
                400,
            )
        if not params.get("code"):
            raise SignInError("invalid_request", f"{provider.title} sent no sign-in code.", 400)
        metadata = await self._metadata(provider, client)
        issuer = params.get("iss")
        if (issuer is not None and issuer != provider.issuer) or (
            issuer is None and metadata.get("authorization_response_iss_parameter_supported")
        ):
            # RFC 9207: an answer from another provider than the one we asked (mix-up attack).
            raise SignInError(
                "issuer_mismatch", "The answer did not come from the provider you chose.", 400
            )
        try:
            token = await client.authorize_access_token(
                request,
                claims_options={
                    "iss": {"essential": True, "value": provider.issuer},
                    "aud": {"essential": True, "value": provider.client_id},
                },
                leeway=CLOCK_LEEWAY_SECONDS,
            )
        except MismatchingStateError:
            raise SignInError(
                "invalid_state", "This sign-in link has expired or was already used.", 400
            ) from None
        except OAuthError as exc:
            log.warning(
                "sign-in through %s: the token request failed: %s", provider.name, exc.error
            )
            raise SignInError(
                "code_refused",
                f"{provider.title} did not accept the sign-in code (it may have been used "
                "already, or have expired). Please start again.",
                400,
            ) from None
        except JoseError as exc:
            log.warning("sign-in through %s: ID token refused: %r", provider.name, exc)
            raise _bad_token(provider) from None
        except (httpx.HTTPError, ValueError) as exc:
            # Unreachable, or an answer that is not OAuth (e.g. a gateway's error page).
            log.warning("sign-in through %s: token request failed: %r", provider.name, exc)
            raise _unavailable(provider) from None
        claims = token.get("userinfo")
        if not claims or not claims.get("sub"):
            log.warning("sign-in through %s: the token response had no ID token", provider.name)
            raise _bad_token(provider)
        profile = await self._userinfo(provider, client, metadata, token, claims)
        next_path = flow.get("next") if isinstance(flow.get("next"), str) else "/"
        return Completed(identity=self._identity(provider, profile), next_path=next_path)

    async def _userinfo(
        self,
        provider: OIDCProvider,
        client: StarletteOAuth2App,
        metadata: Mapping[str, Any],
        token: Mapping[str, Any],
        claims: Mapping[str, Any],
    ) -> dict[str, Any]:
        """The ID token's claims, completed by the userinfo endpoint's profile claims."""
        profile = dict(claims)
        if not metadata.get("userinfo_endpoint"):
            return profile
        try:
            userinfo = await client.userinfo(token=token)
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("sign-in through %s: userinfo failed: %r", provider.name, exc)
            raise _unavailable(provider) from None
        if userinfo.get("sub") != claims["sub"]:
            # OpenID Connect Core 5.3.2: userinfo must be about the ID token's subject.
            log.warning("sign-in through %s: userinfo is about another subject", provider.name)
            raise _bad_token(provider)
        profile.update({k: v for k, v in userinfo.items() if v is not None})
        profile["sub"] = claims["sub"]
        return profile

    @staticmethod
    def _identity(provider: OIDCProvider, profile: Mapping[str, Any]) -> Identity:
        def text(key: str) -> str | None:
            value = profile.get(key)
            return value if isinstance(value, str) else None

        raw_email = (text("email") or "").strip().lower()
        email = raw_email if "@" in raw_email else None
        verified = profile.get("email_verified") is True
        # An organisation's own provider vouches for its people's addresses unless it says
        # otherwise; the shared provider's addresses count only when verified.
        trusted = verified or (
            provider.organisation is not None and "email_verified" not in profile
        )
        display_name = (
            clean_display_name(text("name"))
            or clean_display_name(" ".join(filter(None, (text("given_name"), text("family_name")))))
            or clean_display_name(text("preferred_username"))
            or clean_display_name(email.split("@")[0] if email else None)
            or "Member"
        )
        return Identity(
            provider=provider.name,
            subject=str(profile["sub"]),
            display_name=display_name,
            email=email if trusted else None,
            email_verified=verified,
            organisation_slug=provider.organisation_for(email, verified),
        )


def _forget_flows(request: Request, provider: OIDCProvider) -> None:
    """Drop every pending flow of this provider from the flow cookie."""
    prefix = f"_state_{provider.name}_"
    for key in [k for k in request.session if k.startswith(prefix)]:
        request.session.pop(key)


def _unavailable(provider: OIDCProvider) -> SignInError:
    return SignInError(
        "provider_unavailable",
        f"{provider.title}'s sign-in service cannot be reached just now. Please try again in a "
        "few minutes.",
        502,
    )


def _bad_token(provider: OIDCProvider) -> SignInError:
    return SignInError(
        "invalid_id_token",
        f"The forum could not verify who {provider.title} says you are, so you are not signed "
        "in. Please try again; if it keeps happening, tell the forum's operators.",
        401,
    )


def _refused_at_provider(provider: OIDCProvider, error: str) -> SignInError:
    if error == "access_denied":
        return SignInError(
            "access_denied",
            f"Signing in was cancelled at {provider.title}. You are not signed in.",
            403,
        )
    safe = "".join(ch for ch in error if ch.isalnum() or ch == "_")[:60]
    return SignInError(
        "provider_error",
        f"{provider.title} refused the sign-in ({safe or 'no reason given'}).",
        400,
    )
