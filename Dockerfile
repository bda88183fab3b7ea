# syntax=docker/dockerfile:1
# The forum's server image: `moin-forum serve` on port 8000.
# Stage 1 builds the wheel from the sources; stage 2 installs only that wheel (and its
# dependencies) and runs it as an unprivileged user. tests/packaging/ builds the wheel
# from exactly what stage 1 copies and checks that it migrates, loads the demo and serves.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY server ./server
COPY migrations ./migrations
COPY web ./web
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim AS runtime
# The wheel is mounted for the install only, so no layer of the image keeps a copy of it.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir /wheels/*.whl \
    && useradd --system --create-home --home-dir /var/lib/moin-forum forum
USER forum
# The working directory holds the embedded SQLite database when MOIN_DATABASE_URL is unset.
WORKDIR /var/lib/moin-forum
ENV MOIN_HOST=0.0.0.0
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["moin-forum", "serve", "--host", "0.0.0.0", "--port", "8000"]
