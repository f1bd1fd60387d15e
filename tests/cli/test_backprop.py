"""`python -m playground backprop`: the graph node by node, as text and as JSON, and clean refusals."""

import json
import subprocess
import sys

import numpy as np
import pytest

from playground.cli import main

LECTURE = ["(x + y) * z", "--at", "x=-2,y=5,z=-4"]


def run(capsys, *argv: str) -> str:
    assert main(["backprop", *argv]) == 0
    return capsys.readouterr().out


def refused(capsys, *argv: str) -> str:
    assert main(["backprop", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    return captured.err


def test_text_shows_the_forward_pass_the_backward_steps_and_the_gradients(capsys):
    out = run(capsys, *LECTURE)
    assert out.splitlines()[:8] == [
        "f = (x + y) * z  at x=-2,y=5,z=-4",
        "",
        "forward pass: id, operation, inputs, value, gradient",
        "  n0   x                  value -2  grad -4",
        "  n1   y                  value 5  grad -4",
        "  n2   add      n0 n1     value 3  grad -4  = (x + y)",
        "  n3   z                  value -4  grad 3",
        "  n4   mul      n2 n3     value -12  grad 1  = (x + y) * z",
    ]
    backward = out[out.index("backward pass"):]
    assert backward.index("n4 mul (swaps)") < backward.index("n2 add (distributes)")
    for line in ["to n2 (x + y): upstream 1 × local -4 = -4", "to n3 (z): upstream 1 × local 3 = 3",
                 "to n0 (x): upstream -4 × local 1 = -4", "to n1 (y): upstream -4 × local 1 = -4"]:
        assert f"    {line}\n" in backward
    assert out.endswith("gradients of f\n  df/dx = -4\n  df/dy = -4\n  df/dz = 3\n")


def test_json_is_one_object_with_value_gradients_nodes_and_steps(capsys):
    result = json.loads(run(capsys, *LECTURE, "--json"))
    assert result["value"] == -12 and result["gradients"] == {"x": -4, "y": -4, "z": 3}
    assert [(n["id"], n["op"], n["inputs"], n["value"], n["grad"]) for n in result["nodes"]] == [
        (0, "input", [], -2, -4), (1, "input", [], 5, -4), (2, "add", [0, 1], 3, -4),
        (3, "input", [], -4, 3), (4, "mul", [2, 3], -12, 1)]
    assert result["steps"] == [
        {"node": 4, "upstream": 1, "local": [-4, 3], "downstream": [-4, 3]},
        {"node": 2, "upstream": -4, "local": [1, 1], "downstream": [-4, -4]},
    ]


def test_a_variable_used_twice_shows_its_copy_gate_adding(capsys):
    out = run(capsys, "x * y + x", "--at", "x=3,y=-4")
    assert "n1 copy (adds)\n    upstream = -4 + 1 = -3: the gradients from its 2 uses add up" in out
    assert "df/dx = -3" in out


def test_the_sigmoid_neuron_as_json(capsys):
    gates = json.loads(run(capsys, "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))", "--at",
                           "w0=2,x0=-1,w1=-3,x1=-2,w2=-3", "--json"))
    expected = {"w0": -0.197, "x0": 0.393, "w1": -0.393, "x1": -0.590, "w2": 0.197}
    assert gates["gradients"] == pytest.approx(expected, abs=1e-3)
    constant = next(n for n in gates["nodes"] if n["op"] == "const")
    assert constant["grad"] is None and constant["value"] == 1
    div = gates["steps"][0]
    assert div["downstream"][0] is None  # the constant 1 takes no gradient


def test_model_json_carries_shapes_and_nested_lists(capsys):
    result = json.loads(run(capsys, "--model", "--hidden", "8,8", "--point", "3", "--json"))
    assert result["point"]["index"] == 3 and result["step"] == 0
    for node in result["nodes"]:
        assert np.shape(node["value"]) == tuple(node["shape"])
        assert node["grad"] is None or np.shape(node["grad"]) == tuple(node["shape"])
    shapes = {node["name"]: node["shape"] for node in result["nodes"] if node["name"]}
    assert shapes["W1"] == [8, 2] and shapes["x"] == [2, 1] and shapes["scores"] == [2, 1]
    assert set(result["gradients"]) == {"W1", "b1", "W2", "b2", "W3", "b3", "x"}
    matmul = next(s for s in result["steps"] if result["nodes"][s["node"]]["op"] == "matmul")
    assert matmul["local"] is None
    w, x = (result["nodes"][i] for i in result["nodes"][matmul["node"]]["inputs"])
    np.testing.assert_allclose(matmul["downstream"][0], np.array(matmul["upstream"]) @ np.array(x["value"]).T)


def test_model_text_states_the_matrix_rules(capsys):
    out = run(capsys, "--model", "--hidden", "8", "--point", "0")
    assert "input 2, output 8 → upstream 8, local (Jacobian) 2×8, downstream 2" in out
    assert "to n0 (W1): dW1 = upstream · xᵀ: 8×1 · 1×2 = 8×2" in out
    assert "to n1 (x): dx = W1ᵀ · upstream: 2×8 · 8×1 = 2×1" in out
    assert "gradients of L\n  dL/dW1 = [[" in out


def test_training_steps_change_the_graph_and_the_kind_can_ride_on_model(capsys):
    before = json.loads(run(capsys, "--model", "linear", "--point", "0", "--json"))
    after = json.loads(run(capsys, "--model", "linear", "--point", "0", "--steps", "20", "--json"))
    assert after["step"] == 20 and after["value"] < before["value"]
    assert [n["op"] for n in before["nodes"]].count("matmul") == 1  # linear: one layer


@pytest.mark.parametrize("argv, start", [
    (["x + * y", "--at", "x=1,y=2"], "playground: EXPR, character 5: expected a number"),
    (["__import__('os')"], "playground: EXPR, character 12: unexpected character"),
    (["x.__class__", "--at", "x=1"], "playground: EXPR, character 2: unexpected character"),
    (["lambda: 0"], "playground: EXPR, character 7:"),
    (["(x + 1", "--at", "x=1"], "playground: EXPR, character 1: this ( is never closed"),
    (["foo(x)", "--at", "x=1"], "playground: EXPR, character 1: unknown function foo"),
    (["x * q", "--at", "x=1"], "playground: EXPR, character 5: q has no value"),
    (["", "--at", "x=1"], "playground: EXPR, character 1: type a formula"),
    (["(" * 10_000 + "x" + ")" * 10_000], "playground: EXPR, character 501: the formula is too long"),
    (["log(x)", "--at", "x=-1"], "playground: EXPR, character 1: log(x) cannot be computed"),
    (["x", "--at", "x=1,y"], "playground: --at, character 5: write values as name=number"),
    (["x", "--at", "x=1,y=2"], "playground: --at, character 5: y has a value but is not in the formula"),
    ([], "playground: backprop: give a formula, or --model"),
    (["x", "--at", "x=1", "--model"], "playground: backprop: give a formula, or --model"),
    (["x", "--at", "x=1", "--hidden", "8"], "playground: --hidden: only with --model"),
    (["x", "--at", "x=1", "--point", "2"], "playground: --point: only with --model"),
    (["--model"], "playground: --point: which point?"),
    (["--model", "--point", "200"], "playground: --point: must be between 0 and 199, not 200"),
    (["--model", "--point", "0", "--hidden", "8,0"], "playground: --hidden: must be between 1 and 64"),
    (["--model", "cubic", "--point", "0"], "playground: --model: must be one of linear, mlp"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_code_2(capsys, argv, start):
    assert refused(capsys, *argv).startswith(start)


def test_the_command_needs_no_qt_and_leaves_no_traceback():
    code = ("import sys; from playground.cli import main; main(['backprop', 'x*y', '--at', 'x=1,y=2']); "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.rstrip().endswith("False")
    bad = subprocess.run([sys.executable, "-m", "playground", "backprop", "-" * 100_000 + "x"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
