import numpy as np
from submission import adam_step, momentum_step, sgd_step

A = np.array([[6.51637233, -10.09765182], [-10.09765182, 19.48362767]])  # eigenvalues 1 and 25: a narrow valley
B = np.array([1.0, -2.0])


def _quadratic_run(step, n, **kwargs):
    """Minimise 0.5 x^T A x - B^T x from 0; returns the distances to the minimum after every step."""
    target = np.linalg.solve(A, B)
    state, params, distances = {}, {"x": np.zeros(2)}, []
    for _ in range(n):
        params = step(params, {"x": A @ params["x"] - B}, state, **kwargs)
        distances.append(np.linalg.norm(np.asarray(params["x"]) - target))
    return np.array(distances)


def _run(step, grads_sequence, start, **kwargs):
    state, params = {}, {name: np.array(value, dtype=float) for name, value in start.items()}
    for grads in grads_sequence:
        params = step(params, grads, state, **kwargs)
    return params, state


def test_example_from_the_task():
    g = {"w": np.array([0.5, -1.0])}
    got = sgd_step({"w": np.array([1.0, -2.0])}, g, {}, lr=0.1)
    assert set(got) == {"w"} and np.allclose(got["w"], [0.95, -1.9]), f"expected {{'w': [0.95, -1.9]}}, got {got}"
    got, _ = _run(momentum_step, [g] * 3, {"w": [1.0, -2.0]}, lr=0.1)
    assert np.allclose(got["w"], [0.7195, -1.439]), (
        f"after 3 momentum steps expected w = [0.7195, -1.439] (velocity g, 1.9g, 2.71g), got {got['w']}")
    got, state = _run(adam_step, [g] * 3, {"w": [1.0, -2.0]}, lr=0.1)
    assert np.allclose(got["w"], [0.700000006, -1.700000003], rtol=0, atol=1e-8), (
        f"after 3 Adam steps expected w = [0.7, -1.7], got {got['w']}")
    assert state.get("t") == 3, f"state['t'] should count Adam's steps: expected 3, got {state.get('t')}"


def test_sgd_step_on_several_parameters():
    rng = np.random.default_rng(0)
    params = {"W": rng.normal(size=(3, 2)), "b": rng.normal(size=2), "scale": 2.0}
    grads = {"W": rng.normal(size=(3, 2)), "b": rng.normal(size=2), "scale": -0.5}
    state = {}
    got = sgd_step(params, grads, state, lr=0.05)
    assert set(got) == set(params), f"the result should have the keys {sorted(params)}, got {sorted(got)}"
    for name in params:
        want = np.asarray(params[name]) - 0.05 * np.asarray(grads[name])
        assert np.shape(got[name]) == np.shape(params[name]) and np.allclose(got[name], want), (
            f"{name}: expected {np.round(want, 5).tolist()}, got {np.round(np.asarray(got[name]), 5).tolist()}")
    assert state == {}, "SGD has no memory: it should leave state empty"


def test_momentum_steps_with_changing_gradients():
    grads = [{"w": np.array([0.5, -1.0])}, {"w": np.array([0.1, 0.2])}, {"w": np.array([-0.3, 0.0])}]
    got, state = _run(momentum_step, grads, {"w": [1.0, -2.0]}, lr=0.1)
    assert np.allclose(got["w"], [0.8755, -1.767]), (
        f"expected w = [0.8755, -1.767] after 3 steps (velocities [0.5, -1], [0.55, -0.7], [0.195, -0.63]), "
        f"got {got['w']}. The rule is v <- beta*v + g, then w <- w - lr*v")
    assert np.allclose(state["velocity"]["w"], [0.195, -0.63]), (
        f"state['velocity']['w'] should hold the last velocity [0.195, -0.63], got {state['velocity']['w']}")
    coast, _ = _run(momentum_step, [grads[0], {"w": np.zeros(2)}], {"w": [1.0, -2.0]}, lr=0.1)
    assert np.allclose(coast["w"], [0.905, -1.81]), (
        f"with a zero gradient momentum keeps moving (v = 0.9 * previous v): expected [0.905, -1.81], got {coast['w']}")


def test_adam_steps_with_changing_gradients():
    grads = [{"w": np.array([0.5, -1.0])}, {"w": np.array([0.1, 0.2])}, {"w": np.array([-0.3, 0.0])}]
    got, state = _run(adam_step, grads, {"w": [1.0, -2.0]}, lr=0.1)
    want = [0.7986246118, -1.8093949308]
    assert np.allclose(got["w"], want, rtol=0, atol=1e-7), f"after 3 Adam steps expected w = {want}, got {got['w']}"
    assert state["t"] == 3, f"state['t'] should be 3 after three steps, got {state['t']}"
    m, v = state["m"]["w"], state["v"]["w"]
    assert np.allclose(m, [0.0195, -0.063]) and np.allclose(v, [0.00034949, 0.00103796], atol=1e-8), (
        f"expected state['m']['w'] = [0.0195, -0.063] and state['v']['w'] = [0.00034949, 0.00103796] (the raw "
        f"averages, before bias correction), got {state['m']['w']} and {state['v']['w']}")


def test_adam_first_step_is_lr_times_sign():
    params = {"w": np.array([0.0, 0.0, 0.0, 0.0])}
    grads = {"w": np.array([1e-3, -50.0, 0.0, 2.0])}
    got = adam_step(params, grads, {}, lr=0.01)
    assert np.allclose(got["w"], [-0.01, 0.01, 0.0, -0.01], rtol=0, atol=1e-7), (
        f"the first bias-corrected Adam step moves every entry by lr against its gradient's sign (0 for a zero "
        f"gradient): expected [-0.01, 0.01, 0, -0.01], got {got['w']}. Without bias correction it would be about "
        "3.16 times larger: divide m by (1 - beta1**t) and v by (1 - beta2**t)")


def test_each_parameter_has_its_own_state():
    rng = np.random.default_rng(1)
    start = {"a": rng.normal(size=3), "b": rng.normal(size=(2, 2))}
    seq = [{"a": rng.normal(size=3), "b": rng.normal(size=(2, 2))} for _ in range(4)]
    for step in (momentum_step, adam_step):
        together, _ = _run(step, seq, start, lr=0.1)
        alone, _ = _run(step, [{"a": g["a"]} for g in seq], {"a": start["a"]}, lr=0.1)
        assert np.allclose(together["a"], alone["a"]), (
            f"{step.__name__}: parameter 'a' must follow the same path whether or not 'b' is optimised too: "
            "keep one velocity or moment array per parameter name")


def test_separate_states_are_independent_optimisers():
    g = {"w": np.array([0.3, -0.2])}
    for step in (momentum_step, adam_step):
        first, _ = _run(step, [g], {"w": [0.0, 0.0]}, lr=0.1)
        _run(step, [g] * 5, {"w": [0.0, 0.0]}, lr=0.1)  # another optimiser, with its own state dict
        again, _ = _run(step, [g], {"w": [0.0, 0.0]}, lr=0.1)
        assert np.allclose(first["w"], again["w"]), (
            f"{step.__name__}: a fresh state dict must start a fresh optimiser; keep nothing in global variables")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(2)
    params = {"W": rng.normal(size=(2, 3)), "b": rng.normal(size=3)}
    grads = {"W": rng.normal(size=(2, 3)), "b": rng.normal(size=3)}
    before_p = {k: v.copy() for k, v in params.items()}
    before_g = {k: v.copy() for k, v in grads.items()}
    for step in (sgd_step, momentum_step, adam_step):
        state = {}
        got = step(params, grads, state, lr=0.1)
        got = step(got, grads, state, lr=0.1)
        for name in params:
            assert np.array_equal(params[name], before_p[name]), (
                f"{step.__name__} changed params['{name}'] in place: return new arrays instead")
            assert np.array_equal(grads[name], before_g[name]), (
                f"{step.__name__} changed grads['{name}']: the state must not share memory with the gradients")


def test_converge_on_an_ill_conditioned_quadratic():
    sgd = _quadratic_run(sgd_step, 600, lr=0.03)
    momentum = _quadratic_run(momentum_step, 600, lr=0.03, beta=0.9)
    adam = _quadratic_run(adam_step, 1000, lr=0.05)
    for name, distances in (("SGD", sgd), ("momentum", momentum), ("Adam", adam)):
        assert distances[-1] < 1e-6, (
            f"{name} should reach the minimum of the quadratic, but ended {distances[-1]:.2e} away from it")
    first_sgd, first_momentum = np.argmax(sgd < 1e-6) + 1, np.argmax(momentum < 1e-6) + 1
    assert first_momentum < first_sgd, (
        f"momentum should get within 1e-6 of the minimum sooner than SGD with the same lr in this narrow valley "
        f"(about 196 against 372 steps), got {first_momentum} against {first_sgd}")


def test_bad_arguments_raise_value_error():
    p = {"w": np.zeros(2), "b": np.zeros(1)}
    cases = (("a missing gradient", p, {"w": np.zeros(2)}, {}),
             ("an extra gradient", p, {"w": np.zeros(2), "b": np.zeros(1), "c": np.zeros(1)}, {}),
             ("a gradient of the wrong shape", p, {"w": np.zeros(3), "b": np.zeros(1)}, {}),
             ("lr=0", p, {"w": np.zeros(2), "b": np.zeros(1)}, {"lr": 0.0}),
             ("a negative lr", p, {"w": np.zeros(2), "b": np.zeros(1)}, {"lr": -0.1}))
    for step in (sgd_step, momentum_step, adam_step):
        for what, params, grads, kwargs in cases:
            try:
                step(params, grads, {}, **kwargs)
            except ValueError:
                continue
            except Exception as exc:
                raise AssertionError(f"{step.__name__} with {what} should raise ValueError, not "
                                     f"{type(exc).__name__}: {exc}")
            raise AssertionError(f"{step.__name__} with {what} should raise ValueError")
