# The forum's server image: `moin-forum serve` on port 8000.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY server ./server
COPY migrations ./migrations
COPY web ./web
RUN pip install --no-cache-dir -e . && useradd --system forum
USER forum
ENV MOIN_HOST=0.0.0.0
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["moin-forum", "serve", "--host", "0.0.0.0", "--port", "8000"]
