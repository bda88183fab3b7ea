"""npm packages the tests need, installed on first use.

`ensure_npm_packages(directory)` runs `npm ci` in a folder with a `package.json` and a
`package-lock.json` when its `node_modules` does not hold what the lock file pins (absent,
or installed from an older lock file), once, under a file lock so that parallel test
processes do not install at once. A fresh clone thus needs no separate `npm ci`.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

MIN_NODE_MAJOR = 20


def find_node() -> str | None:
    return shutil.which("node")


def node_major(node: str) -> int | None:
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        return int(out.lstrip("v").split(".")[0])
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _packages(lockfile: Path) -> dict[str, Any] | None:
    try:
        packages = json.loads(lockfile.read_text())["packages"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return packages if isinstance(packages, dict) else None


def is_installed(directory: Path) -> bool:
    """True when node_modules holds every package the lock file pins, at its version.

    npm writes what it installed to node_modules/.package-lock.json; optional packages
    for other platforms (TypeScript's native binaries) are never installed, so they are
    not asked for.
    """
    wanted = _packages(directory / "package-lock.json")
    have = _packages(directory / "node_modules" / ".package-lock.json")
    if wanted is None or have is None:
        return False
    for path, entry in wanted.items():
        if not path or entry.get("optional"):
            continue
        if have.get(path, {}).get("version") != entry.get("version"):
            return False
        if not (directory / path / "package.json").is_file():
            return False
    return True


def ensure_npm_packages(directory: Path, *, timeout: float = 600) -> str | None:
    """Make `directory/node_modules` match its lock file; None when ready, else why not."""
    node = find_node()
    if node is None:
        return f"Node.js (`node`) is not on PATH: {directory} needs Node.js >= {MIN_NODE_MAJOR}"
    major = node_major(node)
    if major is None or major < MIN_NODE_MAJOR:
        return (
            f"Node.js >= {MIN_NODE_MAJOR} is needed for {directory}; `node --version` gave {major}"
        )
    if is_installed(directory):
        return None
    npm = shutil.which("npm")
    if npm is None:
        return f"npm is not on PATH: cannot install {directory / 'node_modules'}"
    name = "moin-npm-" + hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_installed(directory):  # another process installed it meanwhile
            return None
        try:
            result = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=directory,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"`npm ci` in {directory} took longer than {timeout:.0f} s"
        except OSError as exc:
            return f"`npm ci` in {directory} could not run: {exc}"
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip()[-2000:]
            return f"`npm ci` in {directory} failed (exit {result.returncode}): {tail}"
        if not is_installed(directory):
            return (
                f"`npm ci` in {directory} succeeded but node_modules does not match the lock file"
            )
    return None
