"""The OpenID providers people sign in with: MOIN_OIDC_PROVIDERS, parsed and checked.

MOIN_OIDC_PROVIDERS is a JSON list; each entry is one provider:

    {"name": "acme", "title": "Acme Agency", "issuer": "https://login.acme.example",
     "client_id": "...", "client_secret": "...", "scopes": "openid email profile",
     "organisation": "acme-agency"}

`organisation` (a slug) makes everyone who signs in there a member of that
organisation; `email_domains` ({"acme.example": "acme-agency", ...}) instead maps
people with a verified e-mail address in a domain to an organisation. With
neither, people get an account without organisation (they read, an admin can
attach them). A malformed entry stops the server at start with a message that
names the entry and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr

from server.domain import ORGANISATION_SLUG

DEFAULT_SCOPES = "openid email profile"
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
DOMAIN_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
AUTH_METHODS = ("client_secret_basic", "client_secret_post")
# `demo` is the demo sign-in's name in the list of sign-in options.
RESERVED_NAMES = {"demo"}
FIELDS = {
    "name",
    "title",
    "issuer",
    "client_id",
    "client_secret",
    "scopes",
    "organisation",
    "email_domains",
    "token_endpoint_auth_method",
}


@dataclass(frozen=True)
class OIDCProvider:
    """One configured provider. The client secret hides in reprs and logs."""

    name: str
    title: str
    issuer: str
    client_id: str
    client_secret: SecretStr
    scopes: str = DEFAULT_SCOPES
    organisation: str | None = None
    email_domains: Mapping[str, str] = field(default_factory=dict)
    token_endpoint_auth_method: str = "client_secret_basic"

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    @property
    def login_path(self) -> str:
        return f"/auth/login/{self.name}"

    def organisation_for(self, email: str | None, email_verified: bool) -> str | None:
        """The slug of the organisation a person belongs to by this provider's rules, if any."""
        if self.organisation is not None:
            return self.organisation
        if email is None or not email_verified or "@" not in email:
            return None
        return self.email_domains.get(email.rsplit("@", 1)[1].lower())


@dataclass(frozen=True)
class SignInOption:
    """A button on the sign-in page."""

    name: str
    title: str
    login_url: str


class ProviderConfigError(ValueError):
    """MOIN_OIDC_PROVIDERS is malformed; the message names the entry and the field."""


def parse_providers(raw: str | list[Any] | tuple[Any, ...] | None) -> tuple[OIDCProvider, ...]:
    """Parse MOIN_OIDC_PROVIDERS (JSON text, or an already decoded list)."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        if not raw.strip():
            return ()
        try:
            raw = json.loads(raw)
        except ValueError as exc:
            raise ProviderConfigError(f"is not valid JSON ({exc})") from None
    if isinstance(raw, tuple) and all(isinstance(p, OIDCProvider) for p in raw):
        return raw
    if not isinstance(raw, list):
        raise ProviderConfigError("must be a JSON list of provider objects")
    providers = tuple(_parse_entry(n, entry) for n, entry in enumerate(raw, start=1))
    seen: set[str] = set()
    for n, provider in enumerate(providers, start=1):
        if provider.name in seen:
            raise ProviderConfigError(
                f'entry {n} ("{provider.name}"): field "name": another entry has this name'
            )
        seen.add(provider.name)
    return providers


def _parse_entry(n: int, entry: Any) -> OIDCProvider:
    if not isinstance(entry, dict):
        raise ProviderConfigError(f"entry {n}: must be a JSON object")
    label = f"entry {n}"
    if isinstance(entry.get("name"), str):
        label += f' ("{entry["name"]}")'

    def fail(field_name: str, problem: str) -> ProviderConfigError:
        return ProviderConfigError(f'{label}: field "{field_name}": {problem}')

    unknown = sorted(set(entry) - FIELDS)
    if unknown:
        raise fail(unknown[0], "is not a known field (known: " + ", ".join(sorted(FIELDS)) + ")")

    def text(field_name: str, *, required: bool = True, max_length: int = 500) -> str | None:
        value = entry.get(field_name)
        if value is None:
            if required:
                raise fail(field_name, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(field_name, "must be a non-empty string")
        if len(value) > max_length:
            raise fail(field_name, f"must be at most {max_length} characters")
        return value.strip()

    name = text("name")
    assert name is not None
    if not NAME_PATTERN.match(name):
        raise fail("name", "must be 1-40 lower-case letters, digits, '-' or '_' (it goes in URLs)")
    if name in RESERVED_NAMES:
        raise fail("name", f'"{name}" is reserved')
    title = text("title", max_length=100)
    issuer = _issuer(text("issuer"), fail)
    client_id = text("client_id")
    client_secret = text("client_secret", max_length=2000)
    scopes = _scopes(entry.get("scopes", DEFAULT_SCOPES), fail)
    organisation = text("organisation", required=False, max_length=80)
    if organisation is not None and not ORGANISATION_SLUG.match(organisation):
        raise fail("organisation", "must be an organisation slug (lower-case letters, digits, '-')")
    email_domains = _email_domains(entry.get("email_domains"), fail)
    if organisation is not None and email_domains:
        raise fail(
            "email_domains",
            'cannot be combined with "organisation": a provider either belongs to one '
            "organisation or maps e-mail domains to organisations",
        )
    method = text("token_endpoint_auth_method", required=False) or "client_secret_basic"
    if method not in AUTH_METHODS:
        raise fail("token_endpoint_auth_method", "must be one of " + ", ".join(AUTH_METHODS))
    assert title is not None and client_id is not None and client_secret is not None
    return OIDCProvider(
        name=name,
        title=title,
        issuer=issuer,
        client_id=client_id,
        client_secret=SecretStr(client_secret),
        scopes=scopes,
        organisation=organisation,
        email_domains=email_domains,
        token_endpoint_auth_method=method,
    )


def _issuer(value: str | None, fail: Any) -> str:
    assert value is not None
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise fail("issuer", "must be an absolute https:// URL")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise fail("issuer", "must use https:// (http:// only on a loopback address, for tests)")
    if parts.query or parts.fragment:
        raise fail("issuer", "must not have a query or fragment")
    return value


def _scopes(value: Any, fail: Any) -> str:
    if isinstance(value, list) and all(isinstance(s, str) for s in value):
        value = " ".join(value)
    if not isinstance(value, str) or not value.strip():
        raise fail("scopes", 'must be a space-separated string such as "openid email profile"')
    scopes = value.split()
    if "openid" not in scopes:
        raise fail("scopes", 'must include "openid"')
    return " ".join(scopes)


def _email_domains(value: Any, fail: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not value:
        raise fail("email_domains", 'must be an object such as {"acme.example": "acme-agency"}')
    domains: dict[str, str] = {}
    for domain, slug in value.items():
        key = str(domain).strip().lower()
        if not DOMAIN_PATTERN.match(key):
            raise fail("email_domains", f'"{domain}" is not an e-mail domain')
        if not isinstance(slug, str) or not ORGANISATION_SLUG.match(slug):
            raise fail("email_domains", f'"{domain}" must map to an organisation slug')
        domains[key] = slug
    return domains


def sign_in_options(providers: tuple[OIDCProvider, ...], *, demo: bool) -> list[SignInOption]:
    """The sign-in page's buttons: every provider in order, then the demo sign-in if on."""
    options = [SignInOption(p.name, p.title, p.login_path) for p in providers]
    if demo:
        options.append(SignInOption("demo", "Demo sign-in", "/auth/demo"))
    return options
