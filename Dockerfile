# Tandem's container image: `tandem serve` on port 3978, as a non-root user.
#
#   docker build -t tandem .
#   docker run --rm -p 127.0.0.1:3978:3978 -v tandem-data:/home/tandem/.local/share/tandem tandem
#
# Without TANDEM_DATABASE_URL it serves the demo organisation from a SQLite file in
# that volume (one process only); compose.yaml runs replicas on PostgreSQL.

FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY tandem ./tandem
# Our wheel, then a virtual environment with it and only prebuilt wheels of its
# dependencies (this stage has no compiler either), and no pip of its own.
RUN pip wheel --no-deps --wheel-dir /wheels . \
    && python -m venv --without-pip /opt/tandem \
    && pip --python /opt/tandem/bin/python install --only-binary=:all: /wheels/tandem-*.whl

FROM python:3.12-slim
RUN groupadd --system --gid 10001 tandem \
    && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/tandem tandem
COPY --from=build /opt/tandem /opt/tandem
ENV PATH=/opt/tandem/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    TANDEM_HOST=0.0.0.0 \
    TANDEM_PORT=3978 \
    TANDEM_LOG_FORMAT=json
USER 10001:10001
WORKDIR /home/tandem
EXPOSE 3978
# No curl in the image: Python's urllib. Exit 0 when /healthz answers 2xx, 1 otherwise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('TANDEM_PORT', '3978') + '/healthz', timeout=4)"]
ENTRYPOINT ["tandem"]
CMD ["serve"]
