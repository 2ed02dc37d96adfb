"""Hidden check for model-api-deploy.

Trains the learner's model through train.py into a temporary folder, serves it with their make_server on a
free loopback port, and talks to it over HTTP with urllib, the way any client would. Then runs the
learner's own test_api.py: against their server, against a correct server of ours (their tests must not
depend on wording or internals), and against three broken servers (their tests must catch each).
"""

import contextlib
import inspect
import json
import math
import os
import pickle
import re
import shutil
import socket
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer

import numpy as np
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

X, y = load_wine(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=11)
ACCURACY_MIN = 0.90
TIMEOUT = 10
_state = {}


# ---- helpers ---------------------------------------------------------------------------------------------------

def _folder():
    if "folder" not in _state:
        _state["folder"] = tempfile.mkdtemp(prefix="model-api-")
    return _state["folder"]


def _trained_path():
    """Train through the learner's train.py once; return the path of the pickle it wrote."""
    if "model_path" not in _state:
        import train
        path = os.path.join(_folder(), "model.pkl")
        train.train(path, X_train.copy(), y_train.copy())
        assert os.path.isfile(path), f"train.train(model_path, X, y) must write the model to model_path ({path})"
        _state["model_path"] = path
    return _state["model_path"]


def _model():
    if "model" not in _state:
        with open(_trained_path(), "rb") as handle:
            model = pickle.load(handle)
        assert hasattr(model, "predict") and hasattr(model, "predict_proba"), \
            "the pickle must hold the fitted estimator itself (with predict and predict_proba)"
        _state["model"] = model
    return _state["model"]


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _serving(factory, model_path):
    """Call factory(model_path, port) without letting it block, serve in a thread, always shut down."""
    box = {}

    def build():
        try:
            box["server"] = factory(model_path, _free_port())
        except BaseException as exc:  # reported below
            box["error"] = exc

    blocking = ("make_server did not return within 10 s: it must build and return the server, not call "
                "serve_forever() itself")
    assert not _state.get("blocking"), blocking
    worker = threading.Thread(target=build, daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    _state["blocking"] = worker.is_alive()
    assert not _state["blocking"], blocking
    if "error" in box:
        raise box["error"]
    server = box["server"]
    assert isinstance(server, HTTPServer), f"make_server must return an http.server.HTTPServer, not {type(server)}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


def _call(url, method="GET", body=None):
    """(status, parsed JSON or None, content type) for one request."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data is not None else {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            status, raw, kind = response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers.get("Content-Type", "")
    except OSError as exc:  # refused, reset, closed without an answer, timed out
        raise AssertionError(f"{method} {url.split('/', 3)[-1]!r} got no HTTP answer ({exc!r}); did the handler "
                             "raise an exception, or read more of the body than Content-Length?") from None
    try:
        payload = json.loads(raw.decode("utf-8"))
    except ValueError:
        payload = None
    return status, payload, kind


def _learner_server():
    import serve
    return serve.make_server


# ---- the check's own server: correct, or broken on purpose --------------------------------------------------

def _our_server(bug=None):
    def make_server(model_path, port):
        with open(model_path, "rb") as handle:
            model = pickle.load(handle)
        width = getattr(model, "n_features_in_", X.shape[1])

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, payload):
                raw = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self):
                if self.path.split("?")[0] == "/health":
                    self._send(200, {"status": "ok"})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self):
                if self.path.split("?")[0] != "/predict":
                    self._send(404, {"error": "not found"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    rows = json.loads(body)["rows"]
                    if bug != "500 on bad input":
                        ok = (isinstance(rows, list) and rows and all(
                            isinstance(r, list) and len(r) == width and all(
                                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                                for v in r) for r in rows))
                        if not ok:
                            self._send(400, {"error": "rows must be a non-empty list of lists of numbers"})
                            return
                    features = np.asarray(rows, dtype=float)
                    if bug == "columns reversed":
                        features = features[:, ::-1]
                    if bug == "first row only":
                        features = features[:1]
                    self._send(200, {"predictions": model.predict(features).tolist(),
                                     "probabilities": model.predict_proba(features).tolist()})
                except Exception as exc:
                    if bug == "500 on bad input":
                        self._send(500, {"error": f"internal error: {type(exc).__name__}"})
                    else:
                        self._send(400, {"error": "body must be JSON with a rows key"})

        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        return server

    return make_server


BUGS = {"500 on bad input": "answers 500 instead of 400 to bad input",
        "columns reversed": "feeds the features to the model in reverse order",
        "first row only": "answers only the first row of a batch"}


def _learner_tests():
    if "tests" not in _state:
        import test_api
        tests = [(name, fn) for name, fn in vars(test_api).items()
                 if name.startswith("test_") and inspect.isfunction(fn) and fn.__module__ == "test_api"]
        _state["tests"] = tests
    return _state["tests"]


def _run_learner_tests(factory=None):
    """Run every test_ function of test_api.py, with make_server swapped for `factory` wherever it was
    imported; return {test name: failure message} for the ones that fail."""
    assert not _state.get("blocking"), "your tests were not run: make_server blocks (see the tests above)"
    original = _learner_server()
    patched = []
    if factory is not None:
        for module in list(sys.modules.values()):
            found = None
            with contextlib.suppress(Exception):
                found = getattr(module, "make_server", None)
            if found is original:
                patched.append(module)
                module.make_server = factory
    failures = {}
    try:
        for name, fn in _learner_tests():
            try:
                with contextlib.redirect_stdout(sys.stderr):
                    fn()
            except BaseException as exc:  # a failing learner test, whatever it raised
                line = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                failures[name] = line[:200]
    finally:
        for module in patched:
            module.make_server = original
    return failures


# ---- the tests ---------------------------------------------------------------------------------------------------

def test_train_writes_a_pickled_model_that_generalises():
    model = _model()
    accuracy = float(np.mean(model.predict(X_test) == y_test))
    assert accuracy >= ACCURACY_MIN, (f"the pickled model's accuracy on {len(y_test)} held-out wines is "
                                      f"{accuracy:.3f}; the project asks for at least {ACCURACY_MIN}")


def test_health_answers_ok():
    with _serving(_learner_server(), _trained_path()) as (url, server):
        assert server.server_address[0] == "127.0.0.1", "bind the server to 127.0.0.1 (loopback only)"
        status, payload, kind = _call(url + "/health")
    assert status == 200, f"GET /health answered {status}, expected 200"
    assert payload == {"status": "ok"}, f'GET /health should answer {{"status": "ok"}}, got {payload}'
    assert "application/json" in kind, f"answers should have Content-Type application/json, got {kind!r}"


def test_predictions_match_the_model_on_held_out_rows():
    model = _model()
    with _serving(_learner_server(), _trained_path()) as (url, _):
        status, payload, kind = _call(url + "/predict", "POST", {"rows": X_test.tolist()})
        one_status, one, _ = _call(url + "/predict", "POST", {"rows": [X_test[0].tolist()]})
    assert status == 200, f"POST /predict with {len(X_test)} valid rows answered {status}: {payload}"
    assert "application/json" in kind, f"answers should have Content-Type application/json, got {kind!r}"
    assert isinstance(payload, dict) and {"predictions", "probabilities"} <= set(payload), \
        f'the answer needs "predictions" and "probabilities", got {payload if payload is None else list(payload)}'
    expected = model.predict(X_test).tolist()
    assert payload["predictions"] == expected, "the served predictions differ from the pickled model's predict()"
    proba = np.asarray(payload["probabilities"], dtype=float)
    assert proba.shape == (len(X_test), len(model.classes_)), \
        f"probabilities should be one list of {len(model.classes_)} per row; got shape {proba.shape}"
    assert np.allclose(proba, model.predict_proba(X_test), atol=1e-6), \
        "the served probabilities differ from predict_proba (same order as model.classes_)"
    accuracy = float(np.mean(np.asarray(payload["predictions"]) == y_test))
    assert accuracy >= ACCURACY_MIN, f"accuracy through the API is {accuracy:.3f} (need {ACCURACY_MIN})"
    assert one_status == 200 and one["predictions"] == expected[:1], "a single-row request should work too"


BAD_BODIES = {
    "a body that is not JSON": b"rows=1,2,3",
    'no "rows" key': {"data": X_test[:2].tolist()},
    '"rows" that is not a list': {"rows": "all of them"},
    "an empty list of rows": {"rows": []},
    "a flat list instead of a list of rows": {"rows": X_test[0].tolist()},
    "a row with 12 features": {"rows": [X_test[0].tolist(), X_test[1].tolist()[:12]]},
    "a row with 14 features": {"rows": [X_test[0].tolist() + [1.0]]},
    "a text value": {"rows": [["high"] + X_test[0].tolist()[1:]]},
    "a null value": {"rows": [[None] + X_test[0].tolist()[1:]]},
    "a NaN value": ('{"rows": [[NaN' + ", 1.0" * 12 + "]]}").encode(),
}


def test_bad_input_gets_a_400_with_a_json_error():
    problems = []
    with _serving(_learner_server(), _trained_path()) as (url, _):
        for what, body in BAD_BODIES.items():
            status, payload, _ = _call(url + "/predict", "POST", body)
            if status != 400:
                problems.append(f"{what} got {status}")
            elif not (isinstance(payload, dict) and isinstance(payload.get("error"), str) and payload["error"]):
                problems.append(f'{what} got 400 but no JSON {{"error": "..."}} message')
        status, payload, _ = _call(url + "/predict", "POST", {"rows": X_test[:3].tolist()})
        assert status == 200, f"after bad requests a good one answered {status}: the server must keep working"
    assert not problems, "expected 400 with a JSON error for: " + "; ".join(problems)


def test_unknown_paths_get_404():
    with _serving(_learner_server(), _trained_path()) as (url, _):
        get_status, _, _ = _call(url + "/nothing-here")
        post_status, _, _ = _call(url + "/predictions", "POST", {"rows": X_test[:1].tolist()})
    assert get_status == 404 and post_status == 404, \
        f"unknown paths should answer 404; GET got {get_status}, POST got {post_status}"


def test_model_is_loaded_once_and_requests_are_fast():
    path = os.path.join(_folder(), "moved.pkl")
    shutil.copy(_trained_path(), path)
    with _serving(_learner_server(), path) as (url, _):
        os.remove(path)  # a server that reads the file per request breaks here
        started = time.perf_counter()
        for i in range(100):
            hint = "; load the model once in make_server, not on every request (the check removed the file)"
            try:
                status, payload, _ = _call(url + "/predict", "POST", {"rows": [X_test[i % len(X_test)].tolist()]})
            except AssertionError as exc:
                raise AssertionError(f"request {i + 1}: {exc}{hint}") from None
            assert status == 200, f"request {i + 1} answered {status} {payload}{hint}"
        seconds = time.perf_counter() - started
    assert seconds < 10, f"100 single-row requests took {seconds:.1f} s; expected well under 10 s"


def test_own_tests_exist_and_pass():
    tests = _learner_tests()
    assert len(tests) >= 3, f"test_api.py should hold at least 3 test_ functions; found {len(tests)}"
    needing = [name for name, fn in tests if inspect.signature(fn).parameters]
    assert not needing, f"test functions must take no arguments (no pytest fixtures): {needing}"
    failures = _run_learner_tests()
    assert not failures, f"your own tests fail against your server: {failures}"
    failures = _run_learner_tests(_our_server())
    assert not failures, ("your tests fail against a correct server written by the check; test behaviour over "
                          "HTTP (status codes, JSON keys and values), not message wording or internals: "
                          f"{failures}")


def test_own_tests_catch_broken_servers():
    # A broken server counts as caught when a test that passes against the correct one fails against it.
    trusted = {name for name, _ in _learner_tests()} - set(_run_learner_tests(_our_server()))
    assert trusted, "none of your tests passes against a correct server yet, so none can catch a broken one"
    missed = [f"a server that {what}" for bug, what in BUGS.items()
              if not trusted & set(_run_learner_tests(_our_server(bug)))]
    assert not missed, "every one of your passing tests also passed against " + "; and against ".join(missed)


def _section(text, name):
    match = re.search(rf"^#+\s*{name}[^\n]*\n(.*?)(?=^#+\s|\Z)", text, re.M | re.I | re.S)
    return match.group(1) if match else None


def test_report_documents_the_service():
    with open("REPORT.md", encoding="utf-8") as handle:
        text = handle.read()
    assert "TODO" not in text, "REPORT.md still has TODO placeholders"
    for name in ("Model", "API", "Tests", "Before production"):
        assert _section(text, name) is not None, f"REPORT.md needs a '{name}' section"
    assert re.search(r"0\.\d{2}|1\.00", _section(text, "Model")), \
        "the Model section should give the held-out accuracy as a number (e.g. 0.97)"
    api = _section(text, "API")
    assert "/predict" in api and "/health" in api and "400" in api, \
        "the API section should document /predict, /health and the 400 answer, with an example"
