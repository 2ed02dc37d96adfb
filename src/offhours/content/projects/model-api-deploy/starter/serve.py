"""Serve the pickled wine model over HTTP with the standard library. See BRIEF.md.

    POST /predict  {"rows": [[13 numbers], ...]} -> {"predictions": [...], "probabilities": [[...], ...]}
    GET  /health   -> {"status": "ok"}
Bad input answers 400 with {"error": "..."}; unknown paths 404.
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer


def make_server(model_path: str, port: int) -> HTTPServer:
    """Load the model at `model_path` once and return an HTTPServer (ThreadingHTTPServer is one) bound to
    ("127.0.0.1", port), ready but not yet serving: the caller runs serve_forever() and shutdown()."""
    raise NotImplementedError("milestones 2 and 3")


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "model.pkl"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    server = make_server(path, port)
    print(f"serving {path} on http://127.0.0.1:{port} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
