"""The Dockerfile read as Docker reads it (the `dockerfile` package wraps Docker's own parser).

Docker cannot run on the test machines, so the image is checked through what it is made of:
the build stage's COPY instructions, which tests/packaging/test_wheel.py replays to build the
wheel the image would install.
"""

from __future__ import annotations

import fnmatch
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import dockerfile

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"


@dataclass
class Stage:
    """One FROM … and the instructions up to the next FROM."""

    name: str | None
    base: str
    commands: list[dockerfile.Command] = field(default_factory=list)

    def all(self, instruction: str) -> list[dockerfile.Command]:
        return [c for c in self.commands if c.cmd == instruction.upper()]

    def workdir(self) -> PurePosixPath:
        # Each WORKDIR before a COPY applies to it; the build stage has one, at its top.
        [command] = self.all("WORKDIR")
        return PurePosixPath(command.value[0])


def stages(path: Path = DOCKERFILE) -> list[Stage]:
    found: list[Stage] = []
    for command in dockerfile.parse_file(str(path)):
        if command.cmd == "FROM":
            base, *rest = command.value
            name = rest[1] if len(rest) == 2 and rest[0].upper() == "AS" else None
            found.append(Stage(name=name, base=base))
        elif found:
            found[-1].commands.append(command)
    return found


def flag(command: dockerfile.Command, name: str) -> str | None:
    """The value of `--name=value` on an instruction, or None."""
    for given in command.flags:
        key, _, value = given.partition("=")
        if key == f"--{name}":
            return value
    return None


def context_copies(stage: Stage) -> list[tuple[str, PurePosixPath]]:
    """(source in the build context, destination in the image) of each COPY that reads the
    build context, with a destination folder ("./", "server/") resolved per source."""
    copies = []
    for command in stage.all("COPY"):
        if flag(command, "from") is not None:
            continue
        *sources, destination = command.value
        target = stage.workdir() / destination
        for source in sources:
            into_folder = destination.endswith("/") or len(sources) > 1
            copies.append((source, target / PurePosixPath(source).name if into_folder else target))
    return copies


def ignored(path: str) -> bool:
    """Whether .dockerignore keeps `path` (relative to the context) out of the build."""
    if not DOCKERIGNORE.is_file():
        return False
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return any(
        fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.removeprefix("**/"))
        for pattern in patterns
    )


def replay_build_context(stage: Stage, into: Path) -> Path:
    """Copy what `stage`'s COPY instructions take from the repository into `into`, laid out
    as in the image; returns the folder that stands for the stage's WORKDIR."""
    workdir = stage.workdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules")
    for source, target in context_copies(stage):
        destination = into / target.relative_to(workdir)
        origin = ROOT / source
        if origin.is_dir():
            shutil.copytree(origin, destination, ignore=skip)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, destination)
    return into
