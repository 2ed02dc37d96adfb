"""Reference: the wine model behind a small JSON API, standard library only.

    POST /predict  {"rows": [[13 numbers], ...]} -> {"predictions": [...], "probabilities": [[...], ...]}
    GET  /health   -> {"status": "ok"}
Bad input answers 400 {"error": "..."}; unknown paths 404.
"""

import json
import math
import pickle
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from urllib.parse import urlsplit

import numpy as np

MAX_BODY_BYTES = 1_000_000
MAX_ROWS = 1_000


class BadRequest(ValueError):
    """The client sent something we cannot score; the message is sent back to them."""


def load_model(model_path: str):
    with open(model_path, "rb") as handle:
        return pickle.load(handle)


def parse_rows(body: bytes, n_features: int) -> np.ndarray:
    """Turn a request body into a float matrix, or raise BadRequest saying what is wrong."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("the body must be JSON") from None
    if not isinstance(payload, dict) or "rows" not in payload:
        raise BadRequest('expected a JSON object with a "rows" key')
    rows = payload["rows"]
    if not isinstance(rows, list) or not rows:
        raise BadRequest('"rows" must be a non-empty list of rows')
    if len(rows) > MAX_ROWS:
        raise BadRequest(f"at most {MAX_ROWS} rows per request")
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != n_features:
            raise BadRequest(f"row {i} must be a list of {n_features} numbers")
        for j, value in enumerate(row):
            # bool is a subclass of int in Python; true/false are not measurements.
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise BadRequest(f"row {i}, feature {j}: {value!r} is not a finite number")
    return np.asarray(rows, dtype=float)


def make_server(model_path: str, port: int) -> HTTPServer:
    model = load_model(model_path)  # once, at start-up: not on every request
    n_features = int(model.n_features_in_)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # keep test output quiet
            pass

        def _send(self, status: int, payload: dict) -> None:
            raw = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self):
            if urlsplit(self.path).path == "/health":
                self._send(200, {"status": "ok"})
            else:
                self._send(404, {"error": f"no such endpoint: GET {self.path}"})

        def do_POST(self):
            if urlsplit(self.path).path != "/predict":
                self._send(404, {"error": f"no such endpoint: POST {self.path}"})
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if not 0 < length <= MAX_BODY_BYTES:
                self._send(400 if length <= 0 else 413, {"error": f"send a JSON body of 1 to {MAX_BODY_BYTES} bytes"})
                return
            try:
                features = parse_rows(self.rfile.read(length), n_features)
            except BadRequest as problem:
                self._send(400, {"error": str(problem)})
                return
            probabilities = model.predict_proba(features)
            self._send(200, {"predictions": model.predict(features).tolist(),
                             "probabilities": probabilities.tolist()})

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    return server


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
