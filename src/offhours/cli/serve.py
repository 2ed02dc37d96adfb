"""`offhours serve`: the local web dashboard (FastAPI behind uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from offhours.cli.common import console


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (local only by default).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8765,
) -> None:
    """Serve the web dashboard and its JSON API (OpenAPI at /docs)."""
    import uvicorn

    from offhours.web import create_app

    console.print(f"offhours on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops it.")
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")
