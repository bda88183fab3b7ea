"""The forum's configuration: settings from `MOIN_` environment variables, checked at start."""

from server.config.settings import (
    DEFAULT_DATABASE_URL,
    MIN_SECRET_LENGTH,
    ConfigError,
    Settings,
    load_settings,
)

__all__ = ["DEFAULT_DATABASE_URL", "MIN_SECRET_LENGTH", "ConfigError", "Settings", "load_settings"]
