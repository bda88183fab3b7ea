"""The OIDC test provider and its helpers work, end to end, without the forum.

Node.js missing: these tests skip, or fail when MOIN_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import secrets
import signal
import subprocess
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import authlib.deprecate  # noqa: F401 -- first: it sets an "always" filter of its own
import httpx
import pytest
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey

from tests.login.oidc_provider import (
    LoginFlowError,
    OIDCClient,
    ProviderProcess,
    ProviderUnavailable,
    complete_login,
    complete_login_sync,
    ensure_provider_installed,
    expected_claims,
    expected_sub,
    require_or_skip,
    unsigned_token,
)

with warnings.catch_warnings():
    # Authlib 1.9 warns on import that it would rather use httpx2 than httpx.
    # The project uses httpx; under filterwarnings=error this must not break.
    warnings.filterwarnings("ignore", "The httpx module is deprecated", DeprecationWarning)
    from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError

# The marker is registered in pyproject.toml: `-m "not oidc"` leaves these out.
pytestmark = pytest.mark.oidc

# The redirect URIs are never requested: complete_login stops at them.
APP_CALLBACK = "http://127.0.0.1:8765/auth/callback"
PUBLIC_CALLBACK = "http://localhost:8766/cb"
APP = OIDCClient("harness-app", "harness-secret", [APP_CALLBACK])
PUBLIC = OIDCClient("harness-public", None, [PUBLIC_CALLBACK])
SCOPE = "openid email profile"


def _provider_or_skip(**options: Any) -> ProviderProcess:
    reason = ensure_provider_installed()
    if reason:
        require_or_skip(reason)
    try:
        return ProviderProcess([APP, PUBLIC], **options).start()
    except ProviderUnavailable as exc:
        require_or_skip(str(exc))


@pytest.fixture(scope="module")
def provider() -> Iterator[ProviderProcess]:
    process = _provider_or_skip()
    print(f"oidc provider at {process.issuer}, up in {process.startup_seconds:.2f} s")
    yield process
    process.stop()


@pytest.fixture
async def metadata(provider: ProviderProcess) -> dict[str, Any]:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{provider.issuer}/.well-known/openid-configuration")
        response.raise_for_status()
        return response.json()


@pytest.fixture
async def browser() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


def _oauth(client: OIDCClient, **kwargs: Any) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=client.client_id,
        client_secret=client.client_secret,
        scope=SCOPE,
        redirect_uri=client.redirect_uris[0],
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic" if client.client_secret else "none",
        **kwargs,
    )


async def _jwks(metadata: dict[str, Any]) -> KeySet:
    async with httpx.AsyncClient() as http:
        response = await http.get(metadata["jwks_uri"])
        response.raise_for_status()
        return KeySet.import_key_set(response.json())


def _validate_id_token(
    id_token: str,
    keys: KeySet,
    *,
    issuer: str,
    client_id: str,
    nonce: str,
    access_token: str | None = None,
) -> CodeIDToken:
    decoded = jwt.decode(id_token, keys, algorithms=["RS256"])
    claims = CodeIDToken(
        decoded.claims,
        decoded.header,
        {
            "iss": {"essential": True, "value": issuer},
            "aud": {"essential": True, "value": client_id},
        },
        {"nonce": nonce, "client_id": client_id, "access_token": access_token},
    )
    claims.validate()
    return claims


class SignIn:
    """One authorization-code sign-in with PKCE, as the forum will do it."""

    def __init__(self, metadata: dict[str, Any], client: OIDCClient = APP) -> None:
        self.metadata = metadata
        self.client = client
        self.oauth = _oauth(client)
        self.verifier = secrets.token_urlsafe(48)
        self.nonce = secrets.token_urlsafe(16)
        self.url, self.state = self.oauth.create_authorization_url(
            metadata["authorization_endpoint"], code_verifier=self.verifier, nonce=self.nonce
        )

    async def exchange(self, callback_url: str, *, code_verifier: str | None = None) -> dict:
        return await self.oauth.fetch_token(
            self.metadata["token_endpoint"],
            authorization_response=callback_url,
            state=self.state,
            code_verifier=self.verifier if code_verifier is None else code_verifier,
        )

    async def aclose(self) -> None:
        await self.oauth.aclose()


# ------------------------------------------------------------------ the provider


async def test_discovery_describes_a_pkce_only_code_flow_provider(
    provider: ProviderProcess, metadata: dict[str, Any]
) -> None:
    assert provider.issuer == f"http://127.0.0.1:{provider.port}"
    assert metadata["issuer"] == provider.issuer
    for endpoint in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"):
        assert metadata[endpoint].startswith(provider.issuer + "/")
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert {"openid", "email", "profile"} <= set(metadata["scopes_supported"])
    assert {"sub", "email", "email_verified", "name"} <= set(metadata["claims_supported"])
    assert metadata["id_token_signing_alg_values_supported"] == ["RS256"]


async def test_sign_in_gives_a_valid_id_token_with_profile_claims(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        callback = await complete_login(sign_in.url, "alice@acme.example", client=browser)
        assert callback.startswith(APP_CALLBACK + "?")
        params = parse_qs(urlsplit(callback).query)
        assert params["state"] == [sign_in.state]
        assert params["iss"] == [provider.issuer]  # RFC 9207
        assert "code" in params

        token = await sign_in.exchange(callback)
        keys = await _jwks(metadata)
        claims = _validate_id_token(
            token["id_token"],
            keys,
            issuer=provider.issuer,
            client_id=APP.client_id,
            nonce=sign_in.nonce,
            access_token=token["access_token"],
        )
        assert claims["sub"] == expected_sub("alice@acme.example")
        assert claims["email"] == "alice@acme.example"
        assert claims["email_verified"] is True
        assert claims["name"] == "Alice"

        userinfo = (await sign_in.oauth.get(metadata["userinfo_endpoint"])).json()
        assert userinfo == expected_claims("alice@acme.example")
    finally:
        await sign_in.aclose()


async def test_unverified_login_and_public_client(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    login = "unverified-bob.smith@acme.example"
    sign_in = SignIn(metadata, PUBLIC)
    try:
        callback = await complete_login(sign_in.url, login, client=browser)
        assert callback.startswith(PUBLIC_CALLBACK + "?")
        token = await sign_in.exchange(callback)
        claims = _validate_id_token(
            token["id_token"],
            await _jwks(metadata),
            issuer=provider.issuer,
            client_id=PUBLIC.client_id,
            nonce=sign_in.nonce,
        )
        assert claims["email"] == login
        assert claims["email_verified"] is False
        assert claims["name"] == "Bob Smith"
        # One login, one sub, whatever the client.
        assert claims["sub"] == expected_sub(login)
    finally:
        await sign_in.aclose()


async def test_login_without_at_sign_has_no_email(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        token = await sign_in.exchange(await complete_login(sign_in.url, "dave", client=browser))
        claims = jwt.decode(token["id_token"], await _jwks(metadata)).claims
        assert "email" not in claims
        assert "email_verified" not in claims
        assert claims["name"] == "Dave"
    finally:
        await sign_in.aclose()


async def test_same_browser_signs_in_again_without_forms(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    first, second = SignIn(metadata), SignIn(metadata)
    try:
        await complete_login(first.url, "erin@acme.example", client=browser)
        # The login name given now is ignored: the provider's session decides.
        callback = await complete_login(second.url, "someone-else@acme.example", client=browser)
        token = await second.exchange(callback)
        claims = jwt.decode(token["id_token"], await _jwks(metadata)).claims
        assert claims["sub"] == expected_sub("erin@acme.example")
    finally:
        await first.aclose()
        await second.aclose()


def test_sync_login(provider: ProviderProcess) -> None:
    with httpx.Client() as http:
        metadata = http.get(f"{provider.issuer}/.well-known/openid-configuration").json()
    sign_in = SignIn(metadata)
    with httpx.Client() as browser:
        callback = complete_login_sync(sign_in.url, "frank@acme.example", client=browser)
    assert "code" in parse_qs(urlsplit(callback).query)


# ------------------------------------------------------------------ refusals


async def test_wrong_code_verifier_is_refused(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        callback = await complete_login(sign_in.url, "alice@acme.example", client=browser)
        with pytest.raises(OAuthError) as refused:
            await sign_in.exchange(callback, code_verifier=secrets.token_urlsafe(48))
        assert refused.value.error == "invalid_grant"
        assert "code_verifier does not match code_challenge" in provider.log_text()
    finally:
        await sign_in.aclose()


async def test_missing_code_verifier_is_refused(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        callback = await complete_login(sign_in.url, "alice@acme.example", client=browser)
        with pytest.raises(OAuthError) as refused:
            await sign_in.exchange(callback, code_verifier="")
        assert refused.value.error == "invalid_grant"
    finally:
        await sign_in.aclose()


async def test_authorization_without_pkce_challenge_is_refused(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    oauth = _oauth(APP)
    try:
        url, _state = oauth.create_authorization_url(
            metadata["authorization_endpoint"], nonce="n"
        )  # no code_verifier: no code_challenge
        callback = await complete_login(url, "alice@acme.example", client=browser)
        params = parse_qs(urlsplit(callback).query)
        assert params["error"] == ["invalid_request"]
        assert "PKCE" in params["error_description"][0]
    finally:
        await oauth.aclose()


async def test_code_is_single_use(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        callback = await complete_login(sign_in.url, "alice@acme.example", client=browser)
        await sign_in.exchange(callback)
        with pytest.raises(OAuthError) as refused:
            await sign_in.exchange(callback)
        assert refused.value.error == "invalid_grant"
    finally:
        await sign_in.aclose()


async def test_unregistered_redirect_uri_shows_an_error_page(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    oauth = _oauth(APP)
    try:
        url, _state = oauth.create_authorization_url(
            metadata["authorization_endpoint"],
            code_verifier=secrets.token_urlsafe(48),
            redirect_uri="http://127.0.0.1:8765/evil",
        )
        with pytest.raises(LoginFlowError, match="redirect_uri"):
            await complete_login(url, "alice@acme.example", client=browser)
    finally:
        await oauth.aclose()


async def test_id_token_checks_catch_nonce_issuer_audience_and_forgeries(
    provider: ProviderProcess, metadata: dict[str, Any], browser: httpx.AsyncClient
) -> None:
    sign_in = SignIn(metadata)
    try:
        token = await sign_in.exchange(
            await complete_login(sign_in.url, "alice@acme.example", client=browser)
        )
    finally:
        await sign_in.aclose()
    keys = await _jwks(metadata)
    good = {"issuer": provider.issuer, "client_id": APP.client_id, "nonce": sign_in.nonce}
    _validate_id_token(token["id_token"], keys, **good)

    for bad in ({"nonce": "other"}, {"issuer": "http://127.0.0.1:1"}, {"client_id": "other"}):
        with pytest.raises(JoseError):
            _validate_id_token(token["id_token"], keys, **{**good, **bad})

    # A token signed by a key the provider does not publish, under its kid.
    decoded = jwt.decode(token["id_token"], keys)
    stranger = RSAKey.generate_key(2048, parameters={"kid": decoded.header["kid"]})
    forged = jwt.encode({"alg": "RS256", "kid": decoded.header["kid"]}, decoded.claims, stranger)
    with pytest.raises(JoseError):
        _validate_id_token(forged, keys, **good)
    with pytest.raises(JoseError):
        _validate_id_token(unsigned_token(decoded.claims), keys, **good)


async def test_provider_can_sign_with_a_key_the_test_holds(browser: httpx.AsyncClient) -> None:
    """With ``jwks=`` the test owns the provider's key and can mint tokens the
    provider's JWKS vouches for (expired, other audience...); ``ttl=`` makes
    the provider's own tokens expire quickly."""
    key = RSAKey.generate_key(2048, parameters={"kid": "test-held", "use": "sig", "alg": "RS256"})
    process = _provider_or_skip(jwks={"keys": [key.as_dict(private=True)]}, ttl={"IdToken": 1})
    try:
        async with httpx.AsyncClient() as http:
            metadata = (await http.get(f"{process.issuer}/.well-known/openid-configuration")).json()
        keys = await _jwks(metadata)
        assert [k.kid for k in keys.keys] == ["test-held"]
        sign_in = SignIn(metadata)
        try:
            token = await sign_in.exchange(
                await complete_login(sign_in.url, "alice@acme.example", client=browser)
            )
        finally:
            await sign_in.aclose()
        decoded = jwt.decode(token["id_token"], keys)
        assert decoded.header["kid"] == "test-held"
        assert decoded.claims["exp"] - decoded.claims["iat"] == 1

        minted = jwt.encode(
            {"alg": "RS256", "kid": "test-held"},
            {**decoded.claims, "iat": 1_000_000_000, "exp": 1_000_000_600},
            key,
        )
        good = {"issuer": process.issuer, "client_id": APP.client_id, "nonce": sign_in.nonce}
        with pytest.raises(JoseError, match="expired"):
            _validate_id_token(minted, keys, **good)
    finally:
        process.stop()


# ------------------------------------------------------------------ the process


@pytest.mark.parametrize("how", ["stdin closed", "SIGTERM"])
def test_provider_exits_when_told(how: str) -> None:
    process = _provider_or_skip()
    proc = process.process
    assert proc is not None and proc.stdin is not None
    try:
        if how == "stdin closed":
            proc.stdin.close()
        else:
            proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert f"stopping ({how})" in process.log_text()
    except subprocess.TimeoutExpired:
        pytest.fail(f"the provider kept running after {how}")
    finally:
        process.stop()


# ------------------------------------------------------------------ pure helpers


def test_require_or_skip_skips_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOIN_REQUIRE_SERVICES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no node"):
        require_or_skip("no node")


def test_require_or_skip_fails_when_services_are_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOIN_REQUIRE_SERVICES", "1")
    with pytest.raises(pytest.fail.Exception, match="no node"):
        require_or_skip("no node")


def test_expected_claims() -> None:
    assert expected_claims("bob.smith@acme.example") == {
        "sub": expected_sub("bob.smith@acme.example"),
        "name": "Bob Smith",
        "email": "bob.smith@acme.example",
        "email_verified": True,
    }
    assert expected_claims("unverified-carol@x.example")["email_verified"] is False
    assert expected_claims("unverified-carol@x.example")["name"] == "Carol"
    assert "email" not in expected_claims("dave")
    assert expected_sub("a@b.example") == expected_sub("a@b.example") != expected_sub("c@b.example")
