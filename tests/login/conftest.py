"""Fixtures for signing in to the forum at a real OpenID provider on loopback.

The forum runs in-process behind httpx.ASGITransport; the provider is
provider/provider.mjs. The "browser" is one httpx client with one cookie jar that
reaches the forum in-process and the provider over HTTP, so the provider only
ever meets the forum through the browser's redirects, while the forum talks to the
provider (discovery, token, JWKS, userinfo) over real HTTP.

The provider signs with a key the tests hold, so refusal tests can mint tokens
its JWKS vouches for (expired, another audience...).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest
import sqlalchemy as sa
from joserfc import jwt
from joserfc.jwk import RSAKey

from server.app import create_app
from server.auth.oidc import OpenIDSignIn
from server.config import Settings, load_settings
from server.db import Database
from server.models import AuthSession, Member, Organisation
from tests.conftest import BASE_URL, TEST_SECRET
from tests.login.oidc_provider import (
    OIDCClient,
    ProviderProcess,
    ProviderUnavailable,
    ensure_provider_installed,
    require_or_skip,
)

KID = "forum-test-key"
HTTPS_BASE_URL = "https://forum.example"
ACME = OIDCClient("forum-acme", "acme-secret", [f"{BASE_URL}/auth/callback/acme"])
# The same provider for a forum behind https (one host per client: pairwise subjects).
ACME_HTTPS = OIDCClient(
    "forum-acme-https", "https-secret", [f"{HTTPS_BASE_URL}/auth/callback/acme"]
)
SHARED = OIDCClient("forum-shared", "shared-secret", [f"{BASE_URL}/auth/callback/shared"])


def provider_entries(issuer: str) -> list[dict[str, Any]]:
    """MOIN_OIDC_PROVIDERS for the tests: one organisation's provider, one shared."""
    return [
        {
            "name": "acme",
            "title": "Acme Agency",
            "issuer": issuer,
            "client_id": ACME.client_id,
            "client_secret": ACME.client_secret,
            "organisation": "acme-agency",
        },
        {
            "name": "shared",
            "title": "MOIN network login",
            "issuer": issuer,
            "client_id": SHARED.client_id,
            "client_secret": SHARED.client_secret,
            "scopes": "openid email profile",
            "email_domains": {"acme.example": "acme-agency", "city.example": "city-of-x"},
        },
    ]


def start_provider(**options: Any) -> ProviderProcess:
    reason = ensure_provider_installed()
    if reason:
        require_or_skip(reason)
    try:
        return ProviderProcess([ACME, SHARED, ACME_HTTPS], **options).start()
    except ProviderUnavailable as exc:
        require_or_skip(str(exc))


@pytest.fixture(scope="session")
def signing_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": KID, "use": "sig", "alg": "RS256"})


@pytest.fixture(scope="session")
def provider(signing_key: RSAKey) -> Iterator[ProviderProcess]:
    process = start_provider(jwks={"keys": [signing_key.as_dict(private=True)]})
    yield process
    process.stop()


def forum_settings(database_url: str, issuer: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "secret_key": TEST_SECRET,
        "base_url": BASE_URL,
        "oidc_providers": json.dumps(provider_entries(issuer)),
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture
def oidc_settings(database_url: str, provider: ProviderProcess) -> Settings:
    return forum_settings(database_url, provider.issuer)


class BrowserTransport(httpx.AsyncBaseTransport):
    """The forum in-process, anything else (the provider) over the network."""

    def __init__(self, app: Any, forum_url: str) -> None:
        self.forum = httpx.ASGITransport(app=app)
        self.forum_origin = (httpx.URL(forum_url).host, httpx.URL(forum_url).port)
        self.network = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if (request.url.host, request.url.port) == self.forum_origin:
            return await self.forum.handle_async_request(request)
        return await self.network.handle_async_request(request)

    async def aclose(self) -> None:
        await self.network.aclose()


class ProviderTraffic(httpx.AsyncBaseTransport):
    """The forum's own HTTP to the provider, with hooks to tamper with the token exchange.

    `token_request(form)` may change the token request's form fields; `token_response(body)`
    may change the token endpoint's JSON answer (e.g. put a forged ID token in it), or
    return a whole other httpx.Response.
    """

    def __init__(self) -> None:
        self.network = httpx.AsyncHTTPTransport()
        self.token_request: Callable[[dict[str, str]], dict[str, str]] | None = None
        self.token_response: Callable[[dict[str, Any]], Any] | None = None
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        is_token = request.url.path == "/token"
        if is_token and self.token_request is not None:
            from urllib.parse import parse_qsl, urlencode

            form = dict(parse_qsl((await request.aread()).decode()))
            body = urlencode(self.token_request(form)).encode()
            headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
            request = httpx.Request(request.method, request.url, headers=headers, content=body)
        response = await self.network.handle_async_request(request)
        if is_token and self.token_response is not None and response.status_code == 200:
            changed = self.token_response(json.loads(await response.aread()))
            if isinstance(changed, httpx.Response):
                return changed
            return httpx.Response(200, json=changed)
        return response

    async def aclose(self) -> None:
        """Authlib closes its short-lived clients; the test closes the connections."""

    async def close_for_real(self) -> None:
        await self.network.aclose()


@pytest.fixture
async def traffic() -> AsyncIterator[ProviderTraffic]:
    transport = ProviderTraffic()
    yield transport
    await transport.close_for_real()


@pytest.fixture
def forum(oidc_settings: Settings, db: Database, traffic: ProviderTraffic) -> Any:
    return create_app(oidc_settings, db, sign_in=OpenIDSignIn(oidc_settings, transport=traffic))


async def open_browser(app: Any, base_url: str = BASE_URL) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=BrowserTransport(app, base_url), base_url=base_url, timeout=15
    )


@pytest.fixture
async def browser(forum: Any) -> AsyncIterator[httpx.AsyncClient]:
    """One person's browser (one cookie jar): a fresh one per test."""
    async with await open_browser(forum) as client:
        yield client


@pytest.fixture
async def organisations(db: Database) -> dict[str, Organisation]:
    made = {}
    async with db.write() as session:
        for slug, name, kind in [
            ("acme-agency", "Acme Agency", "STRATEGIC_DESIGN_AGENCY"),
            ("city-of-x", "City of X", "LOCAL_REGIONAL_GOVERNMENT"),
        ]:
            made[slug] = Organisation(slug=slug, name=name, type=kind, country="DE")
            session.add(made[slug])
    return made


# ---------------------------------------------------------------- helpers


async def count(db: Database, model: Any) -> int:
    async with db.read() as session:
        return int(
            (await session.execute(sa.select(sa.func.count()).select_from(model))).scalar_one()
        )


async def nothing_was_created(db: Database) -> bool:
    return await count(db, Member) == 0 and await count(db, AuthSession) == 0


def claims_of(token: str) -> dict[str, Any]:
    """The payload of a JWT, unverified (to copy and alter in refusal tests)."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def sign(claims: dict[str, Any], key: RSAKey) -> str:
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


async def deny_at_provider(authorize_url: str, client: httpx.AsyncClient) -> str:
    """Click the provider's Cancel link; return where it sends the browser back to."""
    url = authorize_url
    for _ in range(10):
        response = await client.get(url, follow_redirects=False)
        if response.status_code in (302, 303):
            url = urljoin(url, response.headers["location"])
            if url.startswith(BASE_URL):
                return url
            continue
        match = re.search(r'href="([^"]*/abort)"', response.text)
        assert match, f"no Cancel link on the provider's page: {response.text[:500]}"
        url = urljoin(url, match.group(1))
    raise AssertionError("the provider never sent the browser back")
