"""The API doc pages, /docs (Swagger UI) and /redoc, with their assets served locally.

FastAPI's stock pages load Swagger UI and ReDoc from a CDN, which these machines cannot reach;
the fastapi-offline wheel carries the assets. The pages are FastAPI's own, each with a
Content-Security-Policy that admits its inline set-up script by hash (`security.docs_csp`), so
the strict policy of the rest of the app needs no exception.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse

from .security import docs_csp

__all__ = ["STATIC_URL", "add_doc_pages"]

# Where fastapi-offline mounts its assets (FastAPIOffline(static_url=...)'s default).
STATIC_URL = "/static-offline-docs"


def add_doc_pages(app: FastAPI) -> None:
    """Add GET /docs, /docs/oauth2-redirect and /redoc to an app made by `FastAPIOffline`
    with `docs_url=None, redoc_url=None` (which then mounts only the assets)."""
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _with_policy(
            get_swagger_ui_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{app.title} - Swagger UI",
                oauth2_redirect_url=redirect_url,
                swagger_js_url=f"{root}{STATIC_URL}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{STATIC_URL}/swagger-ui.css",
                swagger_favicon_url=f"{root}{STATIC_URL}/favicon.png",
                swagger_ui_parameters=app.swagger_ui_parameters,
            )
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_redirect() -> HTMLResponse:
        return _with_policy(get_swagger_ui_oauth2_redirect_html())

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _with_policy(
            get_redoc_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{app.title} - ReDoc",
                redoc_js_url=f"{root}{STATIC_URL}/redoc.standalone.js",
                redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
                with_google_fonts=False,
            )
        )


def _with_policy(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = docs_csp(bytes(page.body).decode())
    return page
