"""Folders the forum ships inside its package: the Alembic migrations and the web client.

They live at the top of the repository (`migrations/`, `web/`); setup.py installs them as
the packages `server.migrations` and `server.web`, in a wheel and in an editable install
alike, so they are found the same way wherever the forum runs.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _folder(package: str) -> Path:
    found = files(package)
    # Alembic and StaticFiles read real files; a zip import would give a zipfile.Path.
    if not isinstance(found, Path):
        raise RuntimeError(f"{package} is not installed as files on disk ({found!r})")
    return found


def migrations_folder() -> Path:
    """Alembic's script folder (env.py, versions/)."""
    return _folder("server.migrations")


def web_folder() -> Path:
    """The web client's static files (index.html, app.js, lib/, views/)."""
    return _folder("server.web")
