"""MOIN_OIDC_PROVIDERS: what is accepted, and a malformed entry stops start-up by name."""

from __future__ import annotations

import json

import pytest

from server.config import ConfigError, load_settings

GOOD = {
    "name": "acme",
    "title": "Acme Agency",
    "issuer": "https://login.acme.example",
    "client_id": "forum",
    "client_secret": "s3cret-value",
    "scopes": "openid email profile",
    "organisation": "acme-agency",
}


def settings_with(*entries, **overrides):
    values = {"secret_key": "x" * 40, "oidc_providers": json.dumps(list(entries))}
    values.update(overrides)
    return load_settings(**values)


def test_a_provider_entry_is_parsed():
    shared = {
        **{k: v for k, v in GOOD.items() if k != "organisation"},
        "name": "shared",
        "email_domains": {"ACME.example": "acme-agency"},
    }
    settings = settings_with(GOOD, shared)

    acme, network = settings.oidc_providers
    assert acme.discovery_url == "https://login.acme.example/.well-known/openid-configuration"
    assert acme.organisation_for("x@anywhere.example", email_verified=False) == "acme-agency"
    assert network.organisation_for("bob@acme.example", email_verified=True) == "acme-agency"
    assert network.organisation_for("bob@acme.example", email_verified=False) is None
    assert network.organisation_for("bob@sub.acme.example", email_verified=True) is None


def test_the_client_secret_never_shows_in_reprs():
    settings = settings_with(GOOD)

    assert "s3cret-value" not in repr(settings)
    assert "s3cret-value" not in str(settings.oidc_providers)


def test_the_environment_variable_is_read(monkeypatch):
    monkeypatch.setenv("MOIN_OIDC_PROVIDERS", json.dumps([GOOD]))

    assert [p.name for p in load_settings(secret_key="x" * 40).oidc_providers] == ["acme"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"issuer": None}, 'entry 1 ("acme"): field "issuer": is required'),
        ({"issuer": "http://login.acme.example"}, 'field "issuer": must use https://'),
        ({"issuer": "login.acme.example"}, 'field "issuer": must be an absolute https:// URL'),
        ({"client_secret": ""}, 'field "client_secret": must be a non-empty string'),
        ({"scopes": "email profile"}, 'field "scopes": must include "openid"'),
        ({"name": "Acme Agency"}, 'field "name": must be 1-40 lower-case'),
        ({"name": "demo"}, 'field "name": "demo" is reserved'),
        ({"organization": "acme-agency"}, 'field "organization": is not a known field'),
        ({"organisation": "Acme Agency"}, 'field "organisation": must be an organisation slug'),
        ({"email_domains": {"acme.example": "x"}}, 'field "email_domains": cannot be combined'),
        (
            {"organisation": None, "email_domains": {"not a domain": "acme-agency"}},
            'field "email_domains": "not a domain" is not an e-mail domain',
        ),
        ({"token_endpoint_auth_method": "none"}, 'field "token_endpoint_auth_method"'),
    ],
)
def test_a_malformed_entry_stops_start_up_naming_the_entry_and_field(change, message):
    entry = {k: v for k, v in {**GOOD, **change}.items() if v is not None}

    with pytest.raises(ConfigError) as refused:
        settings_with(entry)

    assert str(refused.value).startswith("MOIN_OIDC_PROVIDERS: ")
    assert message in str(refused.value)


def test_the_second_entry_is_named_by_its_place_and_duplicates_are_refused():
    with pytest.raises(ConfigError, match=r'entry 2 \("acme"\): field "name": another entry'):
        settings_with(GOOD, GOOD)
    with pytest.raises(ConfigError, match="entry 2: must be a JSON object"):
        settings_with(GOOD, "acme")


@pytest.mark.parametrize("raw", ["not json", '{"name": "acme"}'])
def test_the_variable_must_be_a_json_list(raw):
    with pytest.raises(ConfigError, match="MOIN_OIDC_PROVIDERS"):
        load_settings(secret_key="x" * 40, oidc_providers=raw)


def test_a_public_server_with_providers_needs_its_base_url():
    with pytest.raises(ConfigError, match="MOIN_BASE_URL"):
        settings_with(GOOD, host="0.0.0.0")
    assert settings_with(GOOD, host="0.0.0.0", base_url="https://forum.example").oidc_providers


def test_the_secret_key_may_be_omitted_only_for_demo_on_loopback(monkeypatch):
    monkeypatch.delenv("MOIN_SECRET_KEY", raising=False)
    assert load_settings(demo=True).secret()
    with pytest.raises(ConfigError, match="MOIN_SECRET_KEY"):
        load_settings(demo=True, host="0.0.0.0")
