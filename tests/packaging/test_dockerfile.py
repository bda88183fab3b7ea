"""The Dockerfile, checked without Docker (which cannot run here): two stages, the runtime
one installs only the wheel the build stage made and runs it as an unprivileged user, and
everything the build stage copies is in the repository and reaches the build."""

from __future__ import annotations

from tests.packaging.dockerfile import ROOT, context_copies, flag, ignored, stages


def test_the_image_builds_the_wheel_in_one_stage_and_installs_only_the_wheel_in_the_next():
    build, runtime = stages()
    assert build.name == "build"
    [wheel] = [c for c in build.all("RUN") if "pip wheel" in c.value[0]]
    assert "--no-deps" in wheel.value[0] and "--wheel-dir /wheels" in wheel.value[0]

    # Nothing of the sources reaches the runtime stage: only the build stage's wheel.
    assert runtime.all("COPY") == [] and runtime.all("ADD") == []
    [install] = runtime.all("RUN")
    assert "--mount=type=bind,from=build,source=/wheels,target=/wheels" in install.flags
    assert "pip install --no-cache-dir /wheels/*.whl" in install.value[0]
    assert "-e " not in install.value[0], "an editable install needs the source tree"


def test_the_server_runs_as_an_unprivileged_user():
    runtime = stages()[-1]
    [user] = runtime.all("USER")
    assert user.value[0] not in ("root", "0")
    assert (
        f"useradd --system --create-home --home-dir {runtime.workdir()} {user.value[0]}"
        in (runtime.all("RUN")[0].value[0])
    ), "the user owns the working directory (the SQLite database is written there)"
    [cmd] = runtime.all("CMD")
    assert cmd.value[:2] == ("moin-forum", "serve")
    # The instructions after USER run as that user: it comes before the command.
    assert runtime.commands.index(user) < runtime.commands.index(cmd)


def test_everything_the_build_stage_copies_is_in_the_repository_and_not_dockerignored():
    build = stages()[0]
    copies = context_copies(build)
    assert {source for source, _ in copies} >= {"pyproject.toml", "setup.py", "server"}
    for source, _ in copies:
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, which does not exist"
        assert not ignored(source), f".dockerignore keeps {source} out of the build"
    assert all(flag(c, "from") is None for c in build.all("COPY"))
