"""Hidden check for pytorch-digits-mlp.

The check splits scikit-learn's bundled digits with its own seed, hands the learner's train() only the
training part, and scores the returned network on the held-out part. While the learner's code runs,
load_digits is replaced by a function that refuses, so train() cannot quietly reload the full dataset.
"""

import re
import time

import numpy as np
import sklearn.datasets
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.set_num_threads(1)  # one thread: stable timings, and the same arithmetic order on every run

SPLIT_SEED = 2718
HELD_OUT_SHARE = 0.3
SEEDS = (11, 29)  # two training seeds: a good score must not hinge on one lucky initialisation
ACCURACY_MIN = 0.94
MAX_PARAMETERS = 200_000
TRAIN_SECONDS_MAX = 60

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=HELD_OUT_SHARE, stratify=y,
                                                    random_state=SPLIT_SEED)


def _hidden(*args, **kwargs):
    raise RuntimeError("train() must learn only from the X_train and y_train it is given; the check hides "
                       "load_digits while your code runs")


sklearn.datasets.load_digits = _hidden
sklearn.datasets._base.load_digits = _hidden

import model  # noqa: E402  (the learner's modules are imported after the data is put away)
from train import predict, train  # noqa: E402

_runs = {}


def _trained(seed, again=False):
    """Train on a fresh copy of the training split (so in-place edits cannot leak between runs)."""
    key = (seed, again)
    if key not in _runs:
        torch.set_num_threads(1)
        started = time.perf_counter()
        net = train(X_train.copy(), y_train.copy(), seed)
        _runs[key] = (net, time.perf_counter() - started)
    return _runs[key][0]


def _predict(net, X_part):
    out = np.asarray(predict(net, X_part.copy()))
    assert out.shape == (len(X_part),), \
        f"predict must return one label per row: shape ({len(X_part)},), got {out.shape}"
    return out


def test_train_returns_a_small_torch_net():
    net = _trained(SEEDS[0])
    assert isinstance(net, torch.nn.Module), f"train() must return a torch.nn.Module, got {type(net).__name__}"
    assert isinstance(net, model.Net), "train() must return an instance of the Net class from model.py"
    n_params = sum(p.numel() for p in net.parameters())
    assert 0 < n_params < MAX_PARAMETERS, \
        f"your Net has {n_params:,} parameters; keep it under {MAX_PARAMETERS:,} (8x8 digits need far fewer)"
    print(f"{n_params:,} parameters")


def test_predict_returns_one_digit_per_row():
    net = _trained(SEEDS[0])
    out = _predict(net, X_test)
    assert np.issubdtype(out.dtype, np.integer), f"predict must return integer class labels, got dtype {out.dtype}"
    assert set(np.unique(out)) <= set(range(10)), f"labels must be digits 0-9, got {sorted(set(out.tolist()))}"
    assert _predict(net, X_test[:1]).shape == (1,), "predict must also work on a single image"


def test_held_out_accuracy():
    scores = {seed: float((_predict(_trained(seed), X_test) == y_test).mean()) for seed in SEEDS}
    text = ", ".join(f"seed {s}: {a:.3f}" for s, a in scores.items())
    print(f"held-out accuracy on {len(y_test)} digits: {text}")
    worst = min(scores.values())
    assert worst >= ACCURACY_MIN, (f"held-out accuracy on {len(y_test)} digits your code never saw ({text}); "
                                   f"the project asks for at least {ACCURACY_MIN} with every seed")


def test_same_seed_gives_the_same_model():
    first = _predict(_trained(SEEDS[0]), X_test)
    second = _predict(_trained(SEEDS[0], again=True), X_test)
    differ = int((first != second).sum())
    assert differ == 0, (f"two runs of train(..., seed={SEEDS[0]}) disagree on {differ} of {len(first)} digits; "
                         "seed torch (weights, dropout), the DataLoader's shuffling and your validation split "
                         "from the seed you are given")
    a = torch.nn.utils.parameters_to_vector(_trained(SEEDS[0]).parameters()).detach()
    b = torch.nn.utils.parameters_to_vector(_trained(SEEDS[1]).parameters()).detach()
    assert a.shape != b.shape or not torch.equal(a, b), \
        f"seeds {SEEDS[0]} and {SEEDS[1]} give identical weights: train() must use the seed it is given"


def test_training_is_quick_on_a_cpu():
    _trained(SEEDS[0])
    slowest = max(seconds for _, seconds in _runs.values())
    print(f"slowest train() call: {slowest:.1f} s")
    assert slowest < TRAIN_SECONDS_MAX, \
        f"train() took {slowest:.0f} s on one CPU thread; keep it under {TRAIN_SECONDS_MAX} s (fewer epochs?)"


def _section(text, name):
    match = re.search(rf"^#+\s*{name}[^\n]*\n(.*?)(?=^#+\s|\Z)", text, re.M | re.I | re.S)
    return match.group(1) if match else None


def test_report_has_the_sections_and_numbers():
    with open("REPORT.md", encoding="utf-8") as handle:
        text = handle.read()
    assert "TODO" not in text, "REPORT.md still has TODO placeholders"
    for name in ("Data", "Model", "Training", "Results"):
        assert _section(text, name) is not None, f"REPORT.md needs a '{name}' section"
    assert re.search(r"\d", _section(text, "Model")), \
        "the Model section should give the layer sizes and the number of parameters"
    training = _section(text, "Training")
    losses = re.findall(r"\b\d\.\d{2,}\b", training)
    assert re.search(r"epoch", training, re.I) and len(losses) >= 4, \
        ("the Training section should describe the loss curve in numbers: training and validation loss at "
         "several epochs (e.g. 'epoch 1: 1.77 / 0.86') and the epoch early stopping kept")
    assert re.search(r"0\.9\d|9\d(\.\d+)?\s*%", _section(text, "Results")), \
        "the Results section should give your accuracy as a number (e.g. 0.97 or 97%)"
