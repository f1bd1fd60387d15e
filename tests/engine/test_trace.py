"""The record of a graph: the lecture's examples node by node, the gate patterns, upstream x local."""

import numpy as np
import pytest

from engine.expression_graph import LECTURE_EXAMPLES, trace_expression
from engine.tensor import Tensor, _unbroadcast
from engine.trace import CONST, INPUT, record


def example(key):
    return trace_expression(*LECTURE_EXAMPLES[key])


def by_source(trace):
    return {node.source: node for node in trace.nodes}


def assert_nodes(trace, expected, abs_tol=1e-12):
    """expected: {source text: (value, gradient)} for every node of the trace."""
    nodes = by_source(trace)
    assert set(nodes) == set(expected)
    for source, (value, grad) in expected.items():
        assert float(nodes[source].value) == pytest.approx(value, abs=abs_tol), source
        if grad is None:
            assert nodes[source].grad is None, source
        else:
            assert float(nodes[source].grad) == pytest.approx(grad, abs=abs_tol), source


def assert_upstream_times_local(trace):
    """Every step: downstream = upstream x local (summed back to the input's shape)."""
    for step in trace.steps:
        node = trace.nodes[step.node]
        assert len(step.downstream) == len(node.inputs)
        for slot, parent in enumerate(node.inputs):
            sent, shape = step.downstream[slot], trace.nodes[parent].shape
            if trace.nodes[parent].op == CONST:
                assert sent is None
                continue
            assert sent.shape == shape
            if step.local is not None:
                np.testing.assert_allclose(sent, _unbroadcast(step.upstream * step.local[slot], shape),
                                           rtol=1e-12)
        np.testing.assert_allclose(step.upstream, node.grad, rtol=1e-12)


# ---------------------------------------------------------------- the lecture
def test_add_mul_example():
    trace = example("add_mul")
    assert_nodes(trace, {"x": (-2, -4), "y": (5, -4), "z": (-4, 3), "(x + y)": (3, -4),
                         "(x + y) * z": (-12, 1)})
    assert [n.op for n in trace.nodes] == [INPUT, INPUT, "add", INPUT, "mul"]
    assert [n.inputs for n in trace.nodes] == [(), (), (0, 1), (), (2, 3)]
    mul, add = trace.steps
    assert (mul.node, float(mul.upstream), [float(v) for v in mul.local]) == (4, 1, [-4, 3])
    assert (add.node, float(add.upstream), [float(v) for v in add.downstream]) == (2, -4, [-4, -4])
    assert_upstream_times_local(trace)


NEURON_LEAVES = {"w0": (2, -0.20), "x0": (-1, 0.39), "w1": (-3, -0.39), "x1": (-2, -0.59), "w2": (-3, 0.20)}


def test_sigmoid_neuron_as_the_primitive_chain():
    """The CS231n figure, to its two decimals: every gate's value above and gradient below."""
    trace = example("neuron_gates")
    chain = "(w0*x0 + w1*x1 + w2)"
    assert_nodes(trace, {
        **NEURON_LEAVES,
        "w0*x0": (-2, 0.20), "w1*x1": (6, 0.20), "w0*x0 + w1*x1": (4, 0.20), chain: (1, 0.20),
        f"-{chain}": (-1, -0.20), f"exp(-{chain})": (0.37, -0.53), f"(1 + exp(-{chain}))": (1.37, -0.53),
        f"1 / (1 + exp(-{chain}))": (0.73, 1.0), "1": (1, None),
    }, abs_tol=0.005)
    assert [trace.nodes[s.node].op for s in trace.steps] == ["div", "add", "exp", "neg", "add", "add",
                                                              "mul", "mul"]
    assert_upstream_times_local(trace)


def test_the_sigmoid_gate_gives_the_same_gradients_in_fewer_steps():
    gates, fused = example("neuron_gates"), example("neuron_sigmoid")
    assert len(fused.steps) == 5 < len(gates.steps) == 8
    for name in NEURON_LEAVES:
        assert float(by_source(fused)[name].grad) == pytest.approx(float(by_source(gates)[name].grad),
                                                                   rel=1e-12)
    assert float(fused.output.value) == pytest.approx(float(gates.output.value), rel=1e-12)
    sigmoid = fused.steps[0]
    s = float(fused.output.value)
    assert float(sigmoid.local[0]) == pytest.approx(s * (1 - s))  # sigma (1 - sigma) = 0.20
    assert_upstream_times_local(fused)


def test_gate_patterns_example():
    """2 (x y + max(z, w)) at x=3, y=-4, z=2, w=-1."""
    trace = example("patterns")
    assert_nodes(trace, {"x": (3, -8), "y": (-4, 6), "z": (2, 2), "w": (-1, 0), "x*y": (-12, 2),
                         "max(z, w)": (2, 2), "(x*y + max(z, w))": (-10, 2), "2": (2, None),
                         "2 * (x*y + max(z, w))": (-20, 1)})
    assert_upstream_times_local(trace)


def step_for(trace, op):
    return next(s for s in trace.steps if trace.nodes[s.node].op == op)


def test_add_distributes_its_upstream_to_both_inputs():
    step = step_for(example("patterns"), "add")
    assert [float(g) for g in step.downstream] == [float(step.upstream)] * 2 == [2, 2]


def test_max_routes_its_upstream_to_the_larger_input_only():
    step = step_for(example("patterns"), "max")
    assert [float(g) for g in step.downstream] == [2, 0]  # z = 2 > w = -1


def test_mul_swaps_its_inputs():
    trace = example("patterns")
    step = next(s for s in trace.steps if trace.nodes[s.node].source == "x*y")
    assert [float(g) for g in step.local] == [-4, 3]  # d/dx = y, d/dy = x
    assert [float(g) for g in step.downstream] == [2 * -4, 2 * 3]


def test_a_variable_used_twice_meets_its_uses_in_a_copy_gate_that_adds():
    trace = trace_expression("x * y + x", {"x": 3.0, "y": -4.0})
    (x,) = [n for n in trace.nodes if n.op == INPUT and n.name == "x"]
    (copy,) = [n for n in trace.nodes if n.op == "copy"]
    assert copy.inputs == (x.id,) and len(trace.uses[copy.id]) == 2
    received = [float(g) for _, g in trace.received(copy.id)]
    assert sorted(received) == [-4, 1]  # from x * y: y; from + x: 1
    step = trace.step_of[copy.id]
    assert float(step.upstream) == sum(received) == float(copy.grad) == float(x.grad) == -3
    assert float(step.local[0]) == 1 and float(step.downstream[0]) == -3
    assert_upstream_times_local(trace)


def test_x_times_x_goes_through_one_copy_gate_to_both_inputs_of_the_mul():
    trace = trace_expression("x * x", {"x": 3.0})
    assert [n.op for n in trace.nodes] == [INPUT, "copy", "mul"]
    assert trace.uses[1] == ((2, 0), (2, 1))
    assert float(trace.nodes[0].grad) == 6


def test_a_formula_of_numbers_alone_has_a_value_and_no_steps():
    trace = trace_expression("2 * 3 + 1", {})
    assert float(trace.output.value) == 7 and trace.steps == () and trace.output.grad is None


def test_a_lone_variable_is_its_own_output():
    trace = trace_expression("x", {"x": 2.0})
    assert len(trace.nodes) == 1 and trace.steps == () and float(trace.output.grad) == 1


def test_the_record_is_a_copy_later_passes_cannot_change():
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True, name="x")
    y = (x * x).sum()
    trace = record(y)
    x.data[0] = 100.0
    y.backward()
    assert trace.nodes[0].value[0] == 1.0
    np.testing.assert_array_equal(trace.nodes[0].grad, [2.0, 4.0])


def test_broadcasting_steps_still_multiply_upstream_by_local():
    a = Tensor(np.arange(6.0).reshape(2, 3), requires_grad=True)
    b = Tensor(np.array([[1.0], [2.0]]), requires_grad=True)
    trace = record(((a * b).exp() / 50).sum())
    assert_upstream_times_local(trace)
