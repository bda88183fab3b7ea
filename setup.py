"""The packages of the distribution (everything else is in pyproject.toml).

Besides `server` and its subpackages, the wheel carries the top-level `migrations/` and
`web/` folders as the packages `server.migrations` and `server.web`, so that an installed
forum finds its Alembic scripts and its web client with importlib.resources (see
server/resources.py); `pip install -e .` maps them to the same folders. pyproject.toml
cannot say this itself: its package discovery and a package-dir mapping exclude each other.
"""

from setuptools import find_packages, setup

SHIPPED_FOLDERS = {"server.migrations": "migrations", "server.web": "web"}

setup(
    packages=[*find_packages(include=["server", "server.*"]), *SHIPPED_FOLDERS],
    package_dir=SHIPPED_FOLDERS,
)
