"""Tests for the wine API: plain test_ functions (run them with `python test_api.py` or pytest).

Each test trains a model into a temporary folder, starts the server on a free loopback port in a thread,
and talks to it over HTTP only, as a client would.
"""

import contextlib
import json
import os
import pickle
import socket
import tempfile
import threading
import urllib.error
import urllib.request

import numpy as np
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

import serve
import train

X, y = load_wine(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)


@contextlib.contextmanager
def running_api():
    """Yield (base URL, the fitted model the server loaded); stop the server afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.pkl")
        train.train(path, X_train, y_train)
        with open(path, "rb") as handle:
            model = pickle.load(handle)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = serve.make_server(path, port)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}", model
        finally:
            server.shutdown()
            server.server_close()


def call(url, body=None):
    """(status, JSON answer); body may be a Python object (sent as JSON) or raw bytes."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="GET" if data is None else "POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_health():
    with running_api() as (url, _):
        assert call(url + "/health") == (200, {"status": "ok"})


def test_batch_predictions_match_the_model():
    with running_api() as (url, model):
        status, answer = call(url + "/predict", {"rows": X_test.tolist()})
    assert status == 200
    assert answer["predictions"] == model.predict(X_test).tolist()
    proba = np.array(answer["probabilities"])
    assert proba.shape == (len(X_test), 3)
    assert np.allclose(proba, model.predict_proba(X_test), atol=1e-9)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert np.mean(np.array(answer["predictions"]) == y_test) >= 0.9


def test_single_row():
    with running_api() as (url, model):
        status, answer = call(url + "/predict", {"rows": [X_test[5].tolist()]})
    assert status == 200 and answer["predictions"] == model.predict(X_test[5:6]).tolist()


def test_bad_input_is_a_400_with_an_error_message():
    bad = [b"not json", {"data": []}, {"rows": []}, {"rows": "x"}, {"rows": X_test[0].tolist()},
           {"rows": [X_test[0].tolist()[:12]]}, {"rows": [X_test[0].tolist() + [0.0]]},
           {"rows": [["a"] * 13]}, {"rows": [[None] * 13]}, {"rows": [[True] * 13]},
           b'{"rows": [[NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]}']
    with running_api() as (url, _):
        for body in bad:
            status, answer = call(url + "/predict", body)
            assert status == 400, (body, status)
            assert isinstance(answer.get("error"), str) and answer["error"], body
        # and the server still works afterwards
        assert call(url + "/predict", {"rows": X_test[:2].tolist()})[0] == 200


def test_unknown_path_is_a_404():
    with running_api() as (url, _):
        assert call(url + "/nope")[0] == 404
        assert call(url + "/nope", {"rows": []})[0] == 404


if __name__ == "__main__":
    tests = [(name, fn) for name, fn in sorted(globals().items()) if name.startswith("test_")]
    failed = 0
    for name, fn in tests:
        try:
            fn()
            print(f"ok    {name}")
        except Exception as exc:  # report and go on
            failed += 1
            print(f"FAIL  {name}: {exc!r}")
    print(f"{len(tests) - failed} passed, {failed} failed")
    raise SystemExit(1 if failed else 0)
