"""Where each node of a computational graph goes: columns left to right, rows within them.

The column of an operation is its depth, the longest path from the inputs; a
leaf goes just before the first node that reads it, so its edge is short.
An edge that spans several columns gets a waypoint in each column it passes,
which takes a place there like a node, so that it runs in a lane of its own
instead of through the nodes on its way. Within a column the nodes and
waypoints are ordered by the barycenter of their neighbours, sweeping left and
right a few times (Sugiyama's heuristic), which removes the crossings of small
graphs; then each moves towards the mean height of its neighbours, keeping its
order and one row of space (a least-squares fit). Pure Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.trace import CONST, Trace

SWEEPS = 4


@dataclass(frozen=True)
class Layout:
    """``column[i]`` and ``row[i]`` of node i: whole columns, rows in row units (min 0).
    ``waypoints[consumer, slot]``: the (column, row) an edge passes on its way, left to right.
    ``hidden``: nodes not drawn (the number in x ** 2, written in its node as x²)."""

    column: tuple[int, ...]
    row: tuple[float, ...]
    waypoints: dict[tuple[int, int], tuple[tuple[int, float], ...]]
    hidden: frozenset[int] = frozenset()


def layout(trace: Trace) -> Layout:
    hidden = folded_exponents(trace)
    consumers = [[c for c, _ in uses] for uses in trace.uses]
    column = _columns(trace, consumers)  # nodes first, then the waypoints
    neighbours: list[list[int]] = [[] for _ in trace.nodes]
    chains: dict[tuple[int, int], list[int]] = {}
    for node in trace.nodes:
        for slot, parent in enumerate(node.inputs):
            if parent in hidden:
                continue
            previous, chain = parent, []
            for c in range(column[parent] + 1, column[node.id]):
                column.append(c)
                neighbours.append([previous])
                neighbours[previous].append(len(column) - 1)
                previous = len(column) - 1
                chain.append(previous)
            neighbours[previous].append(node.id)
            neighbours[node.id].append(previous)
            chains[node.id, slot] = chain
    columns: list[list[int]] = [[] for _ in range(max(column) + 1)]
    for vertex, c in enumerate(column):
        if vertex not in hidden:
            columns[c].append(vertex)
    position = {i: float(k) for members in columns for k, i in enumerate(members)}
    for _ in range(SWEEPS):  # left to right, then back
        for c in [*range(1, len(columns)), *range(len(columns) - 2, -1, -1)]:
            _order(columns[c], neighbours, column, position)
    row = _rows(columns, neighbours, position)
    low = min(row.values())
    row.update({i: low for i in hidden})
    return Layout(tuple(column[:len(trace.nodes)]), tuple(row[i] - low for i in range(len(trace.nodes))),
                  {edge: tuple((column[v], row[v] - low) for v in chain) for edge, chain in chains.items()},
                  hidden)


def folded_exponents(trace: Trace) -> frozenset[int]:
    """The constant exponents of the pow nodes: drawn inside their node (x²), not as inputs."""
    return frozenset(node.inputs[1] for node in trace.nodes
                     if node.op == "pow" and trace.nodes[node.inputs[1]].op == CONST)


def _columns(trace: Trace, consumers: list[list[int]]) -> list[int]:
    column = [0] * len(trace.nodes)
    for node in trace.nodes:  # forward order: inputs come first
        if node.inputs:
            column[node.id] = 1 + max(column[i] for i in node.inputs)
    for node in trace.nodes:
        if not node.inputs and consumers[node.id]:
            column[node.id] = min(column[c] for c in consumers[node.id]) - 1
    return column


def _order(members: list[int], neighbours, column, position) -> None:
    """Sort one column by the mean position of each node's neighbours (those in other columns)."""
    def key(i):
        others = [position[j] for j in neighbours[i] if column[j] != column[i]]
        return sum(others) / len(others) if others else position[i]

    members.sort(key=lambda i: (key(i), position[i]))
    for k, i in enumerate(members):
        position[i] = float(k)


def _rows(columns: list[list[int]], neighbours, position) -> dict[int, float]:
    """Heights: start stacked and centred, then pull each node towards its neighbours' mean."""
    row = {}
    for members in columns:
        for k, i in enumerate(members):
            row[i] = k - (len(members) - 1) / 2
    for _ in range(SWEEPS * 2):
        for members in columns:
            wanted = [sum(row[j] for j in neighbours[i]) / len(neighbours[i]) if neighbours[i] else row[i]
                      for i in members]
            for i, y in zip(members, spaced_fit(wanted)):
                row[i] = y
    return row


def spaced_fit(wanted: list[float], gap: float = 1.0) -> list[float]:
    """The heights y closest to ``wanted`` (least squares) with y[k+1] >= y[k] + gap.

    Subtracting k * gap turns it into an isotonic regression, solved by pooling
    adjacent violators.
    """
    blocks: list[list[float]] = []  # [mean, weight]
    for k, w in enumerate(wanted):
        blocks.append([w - k * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight = blocks.pop()
            blocks[-1][0] = (blocks[-1][0] * blocks[-1][1] + mean * weight) / (blocks[-1][1] + weight)
            blocks[-1][1] += weight
    fitted = [mean for mean, weight in blocks for _ in range(int(weight))]
    return [y + k * gap for k, y in enumerate(fitted)]


def crossings(trace: Trace, result: Layout) -> int:
    """How many pairs of edge pieces cross between two neighbouring columns.

    Every edge is a chain of pieces one column wide (through its waypoints); two
    pieces cross when their ends swap order. Pieces sharing an end do not count.
    """
    pieces: dict[int, list[tuple[tuple[int, float], tuple[int, float]]]] = {}
    for node in trace.nodes:
        for slot, parent in enumerate(node.inputs):
            if parent in result.hidden:
                continue
            points = [(result.column[parent], result.row[parent]), *result.waypoints[node.id, slot],
                      (result.column[node.id], result.row[node.id])]
            for a, b in zip(points, points[1:]):
                pieces.setdefault(a[0], []).append((a, b))
    count = 0
    for gap in pieces.values():
        for k, (a0, a1) in enumerate(gap):
            for b0, b1 in gap[k + 1:]:
                if a0 != b0 and a1 != b1:
                    count += (a0[1] - b0[1]) * (a1[1] - b1[1]) < 0
    return count
