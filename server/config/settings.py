"""Settings of the forum, read from `MOIN_`-prefixed environment variables."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from server.config.providers import OIDCProvider, ProviderConfigError, parse_providers
from server.mail import SmtpServer, check_sender
from server.resources import web_folder

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./moin-forum.db"
MIN_SECRET_LENGTH = 32


class ConfigError(Exception):
    """A setting is missing or wrong; the message names the variable."""


class Settings(BaseSettings):
    """Everything the forum reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="MOIN_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    secret_key: SecretStr | None = None
    base_url: str | None = None
    # Set: live updates, rate limits and cache invalidations are shared through Redis.
    redis_url: SecretStr | None = None  # may hold a password
    # Namespace of the keys and channels, so that several forums can share one Redis.
    redis_prefix: str = Field(default="moin", pattern=r"^[A-Za-z0-9_.-]{1,40}$")
    # Turned on by `serve --demo` only: demo sign-in and a throwaway secret.
    demo: bool = False
    # Where `serve` listens; used for MOIN_BASE_URL's default and the loopback check.
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"
    # Bounds of the GraphQL endpoint (see SECURITY.md).
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    max_query_depth: int = Field(default=10, ge=2)
    max_aliases: int = Field(default=30, ge=1)
    max_tokens: int = Field(default=5000, ge=100)
    max_query_cost: int = Field(default=10_000, ge=10)
    # How long an anonymous GraphQL answer may be shared (0: never). See response_cache.
    response_cache_seconds: float = Field(default=1.0, ge=0, le=60)
    # Queries run on compiled plans (server.schema.plans); off: graphql-core's generic
    # execution for every operation (for comparing the two).
    compiled_plans: bool = True
    statement_timeout_ms: int = Field(default=5000, ge=100)
    # Markdown is rendered in worker processes, each render within this budget.
    markdown_workers: int = Field(default=2, ge=1, le=64)
    markdown_budget_ms: int = Field(default=2000, ge=100, le=60_000)
    db_pool_size: int = Field(default=10, ge=1)
    # How long a request waits for a free connection before it is answered UNAVAILABLE.
    db_pool_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    session_max_age_days: int = Field(default=30, ge=1)
    web_dir: Path = Field(default_factory=web_folder)
    # Sign-in: a JSON list of OpenID providers (see server/config/providers.py, README "Sign-in").
    oidc_providers: Annotated[tuple[OIDCProvider, ...], NoDecode] = ()
    # Requests per minute of a partner API key that has no limit of its own.
    partner_rate_limit_per_minute: int = Field(default=300, ge=1)
    # What one address may read a minute from a page of another site without a key.
    keyless_cross_origin_per_minute: int = Field(default=60, ge=1)
    # Cache-Control of public GraphQL GETs (server/http_cache.py): how long browsers and
    # proxies may keep an answer, and serve it stale while they ask again.
    http_max_age_seconds: int = Field(default=15, ge=0, le=3600)
    http_stale_while_revalidate_seconds: int = Field(default=60, ge=0, le=86_400)
    # Webhooks (server/webhook_delivery.py): private addresses only for tests on loopback.
    webhooks_allow_private: bool = False
    webhooks_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    # How long a failing delivery is retried before its endpoint is disabled.
    webhooks_retry_hours: float = Field(default=24.0, gt=0, le=24 * 7)
    # What one visitor's address may ask for a minute (server/schema/budgets.py).
    visitor_previews_per_minute: int = Field(default=20, ge=1)
    visitor_searches_per_minute: int = Field(default=60, ge=1)
    visitor_search_counts_per_minute: int = Field(default=30, ge=1)
    # The proxies whose X-Forwarded-For names the client (uvicorn's forwarded_allow_ips:
    # addresses or networks, comma-separated, or *). Unset: the peer is the client.
    forwarded_allow_ips: str | None = None
    # Background work (README "Background work"): `embedded` runs the worker inside `serve`;
    # `off` leaves it to `moin-forum worker` processes.
    worker: Literal["embedded", "off"] = "embedded"
    worker_poll_seconds: float = Field(default=2.0, gt=0, le=60)
    # How long a claimed job is held without news from its worker before others take it.
    worker_lease_seconds: float = Field(default=60.0, ge=1, le=3600)
    jobs_retry_seconds: float = Field(default=30.0, gt=0, le=3600)
    jobs_max_age_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    jobs_retention_days: float = Field(default=7.0, gt=0, le=365)
    # E-mail: unset, the forum sends none. May hold a password.
    smtp_url: SecretStr | None = None
    mail_from: str | None = None
    smtp_timeout_seconds: float = Field(default=30.0, gt=0, le=300)
    # Joining the network: applications an hour from one client address, and the Terms of
    # Reference (Markdown) a deployment may put in place of the forum's own.
    applications_per_hour: int = Field(default=5, ge=1)
    terms_of_reference_path: Path | None = None

    @field_validator("oidc_providers", mode="before")
    @classmethod
    def _parse_providers(cls, value: Any) -> tuple[OIDCProvider, ...]:
        try:
            return parse_providers(value)
        except ProviderConfigError as exc:
            raise PydanticCustomError("oidc_providers", str(exc)) from None

    @field_validator("terms_of_reference_path")
    @classmethod
    def _check_terms(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"{value} is not a readable file")
        return value

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("redis_url", mode="before")
    @classmethod
    def _check_redis_url(cls, value: Any) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if text is None or text == "":
            return None  # an empty variable means no Redis, as an unset one does
        if not str(text).startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("smtp_url", mode="before")
    @classmethod
    def _check_smtp_url(cls, value: Any) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if text is None or text == "":
            return None
        SmtpServer.parse(str(text))  # its errors never repeat the URL (it may hold a password)
        return value

    @field_validator("mail_from")
    @classmethod
    def _check_mail_from(cls, value: str | None) -> str | None:
        return check_sender(value) if value else None

    @property
    def smtp_server(self) -> SmtpServer | None:
        """The SMTP server e-mail goes through, or None when e-mail is off."""
        if self.smtp_url is None:
            return None
        return SmtpServer.parse(self.smtp_url.get_secret_value())

    @property
    def public_url(self) -> str:
        """The forum's absolute base URL (MOIN_BASE_URL, or where `serve` listens)."""
        if self.base_url:
            return self.base_url
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def public_origin(self) -> str:
        """The origin (scheme://host[:port], lower-case) of `public_url`: what browsers send."""
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def is_loopback(self) -> bool:
        return self.host in {"127.0.0.1", "localhost", "::1"} or self.host.startswith("127.")

    @property
    def demo_sign_in_enabled(self) -> bool:
        """The demo sign-in exists only under --demo on a loopback address."""
        return self.demo and self.is_loopback

    def secret(self) -> str:
        assert self.secret_key is not None, "load_settings() guarantees a key"
        return self.secret_key.get_secret_value()


def load_settings(**overrides: object) -> Settings:
    """Read and check the settings; raise ConfigError naming the variable at fault."""
    try:
        # Values of any type on purpose: pydantic checks them and says which is wrong.
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"MOIN_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(problems) from None
    if settings.secret_key is None:
        if not settings.demo_sign_in_enabled:
            raise ConfigError(
                "MOIN_SECRET_KEY is not set: set it to a random string of at least "
                f"{MIN_SECRET_LENGTH} characters (or run with --demo on a loopback address "
                "to try the forum)."
            )
        settings.secret_key = SecretStr(secrets.token_urlsafe(48))
    elif len(settings.secret()) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"MOIN_SECRET_KEY is too short: it needs at least {MIN_SECRET_LENGTH} characters."
        )
    if settings.smtp_url is not None and settings.mail_from is None:
        raise ConfigError(
            "MOIN_MAIL_FROM is not set: with MOIN_SMTP_URL the forum needs the address its "
            "e-mail comes from, e.g. 'MOIN Forum <forum@example.org>'."
        )
    if settings.oidc_providers and settings.base_url is None and not settings.is_loopback:
        raise ConfigError(
            "MOIN_BASE_URL is not set: the providers in MOIN_OIDC_PROVIDERS send people back to "
            "<MOIN_BASE_URL>/auth/callback/<name>, so the forum needs its public URL."
        )
    return settings
