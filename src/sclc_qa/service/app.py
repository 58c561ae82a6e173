"""The FastAPI app: the library's `Engine` behind JSON endpoints, an OpenAI-compatible chat
endpoint and a chat page, with one error shape for every failure (see `http_errors`).

The engine loads once, on a background thread at start-up, so `/healthz` answers at once and
`/readyz` turns 200 when the index and model are loaded. Questions run on worker threads (as
many as `settings.service.threads`), never on the event loop.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from .. import __version__
from ..config import Settings
from ..engine import Engine
from ..errors import SclcQaError
from ..models import Answer, DocumentMeta, Excerpt, SectionSummary, Verification
from . import chat
from .docs import STATIC_URL, add_doc_pages
from .http_errors import add_error_handlers, invalid, text_field
from .middleware import RequestContextMiddleware
from .schemas import (
    AskRequest,
    ChatCompletion,
    ChatRequest,
    ErrorResponse,
    Health,
    ModelCard,
    ModelList,
    Readiness,
    SearchRequest,
    SearchResponse,
    VerifyRequest,
    request_models,
)

__all__ = ["app_from_environment", "create_app", "preload"]

LOG = logging.getLogger("sclc_qa.service")
STATIC = resources.files("sclc_qa.service") / "static"
_T = TypeVar("_T")
_F = TypeVar("_F", bound=Callable[..., Any])


def _documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the error statuses an endpoint can return."""
    return {code: {"model": ErrorResponse, "description": _WHY[code]} for code in codes}


_WHY = {
    404: "No such document (a path's `doc`, or an id in `docs`).",
    413: "The body is larger than the limit (64 KB by default).",
    415: "The body is not sent as JSON (Content-Type: application/json).",
    422: "The body is not valid JSON, or a field is missing, mistyped or out of range.",
    503: "The index is still loading (see /readyz); retry shortly.",
}
_POSTED = _documented(404, 413, 415, 422, 503)


@dataclass
class _Runtime:
    """What the app holds between requests: the engine once loaded, or why it failed."""

    engine: Engine | None = None
    error: str | None = None
    ready: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    created: int = field(default_factory=lambda: int(time.time()))


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    load: Callable[[], Engine] | None = None,
    on_load_error: Callable[[str], None] | None = None,
) -> FastAPI:
    """The app. Give it a loaded `engine` (tests, embedding), or let it `load` one at start-up
    (default `Engine.load(settings)`); `on_load_error` hears why loading failed."""
    settings = settings or Settings()
    bodies = request_models(settings.answer)  # the settings' limits, as the engine's
    runtime = _Runtime()
    limiter = anyio.CapacityLimiter(settings.service.threads)
    if engine is not None:
        runtime.engine = engine
        runtime.ready.set()

    def load_engine() -> None:
        try:
            runtime.engine = (load or partial(load_pinned, settings))()
            LOG.info("ready in %.1f s", time.monotonic() - runtime.started)
        except Exception as exc:  # any failure: report it on /readyz and to the caller
            runtime.error = str(exc) if isinstance(exc, SclcQaError) else repr(exc)
            LOG.error("cannot load the engine: %s", runtime.error)
            if on_load_error is not None:
                on_load_error(runtime.error)
        finally:
            runtime.ready.set()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if not runtime.ready.is_set():
            threading.Thread(target=load_engine, name="sclc-qa-load", daemon=True).start()
        yield

    # FastAPI's /docs and /redoc pages load Swagger UI and ReDoc from a CDN; these machines
    # have no internet, so the same pages are served with assets from the fastapi-offline wheel
    # (mounted by FastAPIOffline; the pages themselves come from `docs`, with their own CSP).
    app = FastAPIOffline(
        docs_url=None,
        redoc_url=None,
        static_url=STATIC_URL,
        title="sclc-qa",
        version=__version__,
        summary="Extractive, cited answers from the small-cell lung cancer immunotherapy review.",
        description=(
            "Every answer is a verbatim span of the review; every citation carries the section "
            "and character offsets, so `text[start:end] == quote` can be checked (POST /verify). "
            "When the review does not answer, the reply abstains and says why."
        ),
        lifespan=lifespan,
    )
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.service.max_body_bytes,
        log_questions=settings.service.log_questions,
        allowed_hosts=settings.service.allowed_hosts,
        max_headers=settings.service.max_headers,
        max_header_bytes=settings.service.max_header_bytes,
    )
    add_error_handlers(app)
    add_doc_pages(app)

    def ready() -> Engine:
        if runtime.engine is None:
            why = runtime.error or "the index is still loading; retry shortly"
            raise HTTPException(503, why, headers={"Retry-After": "1"})
        return runtime.engine

    async def off_loop(fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=limiter)

    def note_question(request: Request, text: str) -> None:
        request.scope.setdefault("state", {})["question"] = text

    @app.post("/ask", response_model=Answer, tags=["answers"], responses=_POSTED)
    @_body(bodies.ask)
    async def ask(body: AskRequest, request: Request) -> Answer:
        """Answer a question with the shortest verbatim span and its citations, or abstain."""
        note_question(request, body.question)
        return await off_loop(ready().ask, body.question, top_k=body.top_k, docs=body.docs)

    @app.post("/search", response_model=SearchResponse, tags=["answers"], responses=_POSTED)
    @_body(bodies.search)
    async def search(body: SearchRequest, request: Request) -> SearchResponse:
        """The passages that best match a query, best first."""
        note_question(request, body.query)
        with text_field("query"):
            results = await off_loop(
                ready().search, body.query, top_k=body.top_k, mode=body.mode, docs=body.docs
            )
        return SearchResponse(query=" ".join(body.query.split()), results=results)

    @app.get(
        "/sections",
        response_model=list[SectionSummary],
        tags=["corpus"],
        responses=_documented(503),
    )
    async def sections() -> list[SectionSummary]:
        """Every section of every document, with its offsets."""
        return ready().sections()

    @app.get(
        "/documents",
        response_model=list[DocumentMeta],
        tags=["corpus"],
        responses=_documented(503),
    )
    async def documents() -> list[DocumentMeta]:
        """The corpus: title, authors, journal, DOI and licence of each document."""
        return ready().documents()

    @app.get(
        "/documents/{doc}/context",
        response_model=Excerpt,
        tags=["corpus"],
        responses=_documented(404, 422, 503),
    )
    async def context(
        doc: str,
        start: Annotated[int, Query(ge=0)],
        end: Annotated[int, Query(ge=0)],
    ) -> Excerpt:
        """The paragraph, table row or glossary entry around `[start:end]` (a quote's setting)."""
        return ready().context(doc, start, end)

    @app.post(
        "/verify",
        response_model=Verification,
        tags=["corpus"],
        responses=_documented(404, 413, 415, 422, 503),
    )
    async def verify(body: VerifyRequest) -> Verification:
        """Check a citation: is `quote` exactly the document's text at `[start:end]`?"""
        return ready().verify(body.doc, body.start, body.end, body.quote)

    @app.get("/healthz", response_model=Health, tags=["operations"])
    async def healthz() -> Health:
        """200 while the process lives."""
        return Health()

    @app.get(
        "/readyz",
        response_model=Readiness,
        tags=["operations"],
        responses={503: {"model": Readiness, "description": "Loading, or loading failed."}},
    )
    async def readyz() -> JSONResponse:
        """200 with the index manifest once the engine is loaded; 503 before, or if it failed."""
        if runtime.engine is not None:
            manifest = runtime.engine.manifest.model_dump(mode="json", exclude={"files"})
            body = Readiness(status="ready", build=build_of(runtime.engine), manifest=manifest)
            return JSONResponse(body.model_dump(mode="json"))
        status = "failed" if runtime.error else "loading"
        body = Readiness(status=status, error=runtime.error)
        return JSONResponse(body.model_dump(mode="json"), status_code=503)

    @app.get("/v1/models", response_model=ModelList, tags=["openai"])
    async def models() -> ModelList:
        """The one model this server answers as: `sclc-qa`."""
        return ModelList(data=[ModelCard(created=runtime.created)])

    @app.post(
        "/v1/chat/completions",
        response_model=ChatCompletion,
        tags=["openai"],
        responses={200: {"content": {"text/event-stream": {}}}, **_POSTED},
    )
    @_body(bodies.chat)
    async def chat_completions(body: ChatRequest, request: Request) -> Any:
        """OpenAI-compatible chat. The last user message is the question; a follow-up such as
        "and what about its PFS?" is resolved against the earlier user turns. With
        `"stream": true` the reply comes as Server-Sent Events ending with `[DONE]`."""
        turns = chat.user_turns(body.messages)
        if not turns:
            raise invalid("messages", "messages hold no user message with text")
        if len(turns[-1]) > bodies.max_question_chars:
            limit = bodies.max_question_chars
            raise invalid("messages", f"the last user message is over {limit} characters")
        note_question(request, turns[-1])
        engine = ready()
        with text_field("messages"):
            question = await off_loop(engine.resolve, turns)
            answer = await off_loop(engine.ask, question, top_k=body.top_k, docs=body.docs)
        rewritten = question != " ".join(turns[-1].split())
        prompt = "\n".join(m.text() for m in body.messages)
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            events = chat.stream(answer, prompt, rewritten=rewritten, include_usage=include_usage)
            return StreamingResponse(
                events,
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        return chat.completion(answer, prompt, rewritten=rewritten)

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (`sclc-qa serve --workers N`): uvicorn
    imports it by name in each process, so its settings come from SCLC_QA_* variables.

    The engine loads before the process takes any connection, so every process that answers
    is ready and serves the build the supervisor pinned. A process that cannot load exits
    (status 1) and the supervisor restarts it later, rather than answering 503 for ever."""
    import os
    import sys

    from .middleware import configure_logging

    configure_logging()
    settings = Settings()
    try:
        engine = _warm_preloaded() or load_pinned(settings)
    except Exception as exc:  # any failure: one line in the log, then the supervisor's turn
        why = str(exc) if isinstance(exc, SclcQaError) else repr(exc)
        LOG.error("worker process %d cannot serve: %s", os.getpid(), why)
        sys.exit(1)
    LOG.info("worker process %d serves index %s", os.getpid(), build_of(engine))
    return create_app(settings, engine=engine)


# The engine the supervisor loaded for the worker processes it forks (at most one).
_preloaded: list[Engine] = []


def preload(settings: Settings) -> str:
    """Load the engine in the supervisor of several worker processes, which are then forked
    with it (loaded once, its pages shared), and pin its build; the encoder's runtime starts
    in each worker. On failure the engine loaded before, if any, stays. Returns the build."""
    engine = Engine.load(settings, warm=False)
    _preloaded[:] = [engine]
    return build_of(engine)


def _warm_preloaded() -> Engine | None:
    """The engine this worker was forked with, its encoder runtime started; None if there is
    none, or if its build's encoder is gone (a rebuild removed it): loading afresh then says
    what to do."""
    if not _preloaded:
        return None
    try:
        _preloaded[0].warm_up()
    except SclcQaError:
        return None
    return _preloaded[0]


def load_pinned(settings: Settings) -> Engine:
    """`Engine.load`, refusing an index build other than `settings.service.build` when that
    is set: a worker restarted after a rebuild must not answer from the new build beside
    workers still on the old one."""
    engine = Engine.load(settings)
    pinned = settings.service.build
    if pinned is not None and build_of(engine) != pinned:
        raise SclcQaError(
            f"{settings.index_dir}/ now holds {build_of(engine)}, but this server serves "
            f"{pinned}; send the server SIGHUP (or restart `sclc-qa serve`) to serve the new build"
        )
    return engine


def build_of(engine: Engine) -> str:
    """The build folder's name, `build-<12 hex>`: what index/CURRENT named when it loaded."""
    return engine.index.path.name


def _body(model: type[Any]) -> Callable[[_F], _F]:
    """Make an endpoint's `body` parameter `model`, a request model built for this app's
    settings (FastAPI reads the parameter's annotation to parse and document the body)."""

    def use(endpoint: _F) -> _F:
        endpoint.__annotations__["body"] = model
        return endpoint

    return use
