"""The web face: a FastAPI app (JSON API and server-rendered pages) over the same coach as the CLI."""

from offhours.web.app import create_app

__all__ = ["create_app"]
