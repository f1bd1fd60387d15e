"""The boundary pictures on probability grids of known geometry (plain NumPy, no Qt).

Each tie between classes must be drawn once, as continuous polylines that meet
at the points where three or more classes tie, and nowhere else; the heatmap is
white exactly where two classes tie.
"""

from collections import Counter

import numpy as np
import pytest

from playground.style import CLASS_RGB, MAX_TINT
from playground.views.boundary import colorize, tie_lines

BOUNDS = (-1.0, 1.0, -1.0, 1.0)
N = 40                      # grid nodes along each side
CELL = 2.0 / N
EDGE = 1.0 - CELL / 2       # the outermost nodes: lines end there
CENTRE = np.array([0.13, -0.07])  # off the grid's lines, so no node ties exactly


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=0))
    return (e / e.sum(axis=0)).astype(np.float32)


def sectors(directions_deg, centre=CENTRE, sharpness=6.0) -> np.ndarray:
    """probs (K, N, N): class k wins the sector around direction k from centre.

    The ties are rays from centre along the bisectors between neighbouring directions.
    """
    nodes = -1 + (np.arange(N) + 0.5) * CELL
    x, y = np.meshgrid(nodes - centre[0], nodes - centre[1])
    phi = np.radians(directions_deg)[:, None, None]
    return softmax(sharpness * (x * np.cos(phi) + y * np.sin(phi)))


def rays(angles_deg) -> np.ndarray:
    return np.stack([np.cos(np.radians(angles_deg)), np.sin(np.radians(angles_deg))], axis=1)


# Classes pointing up, lower left and lower right: the ties form a Y.
Y_DIRECTIONS, Y_RAYS = (90, 210, 330), rays([150, 270, 30])


def segments(probs) -> np.ndarray:
    """tie_lines as (S, 2, 2): segment, end, (x, y)."""
    x, y = tie_lines(probs, BOUNDS)
    return np.stack([x, y], axis=-1).reshape(-1, 2, 2)


def distance_to_rays(points: np.ndarray, directions: np.ndarray, centre=CENTRE) -> np.ndarray:
    """(P,) distance of each point to the nearest ray from centre; (P, R) to each."""
    rel = points - centre
    along = np.maximum(rel @ directions.T, 0)  # (P, R)
    each = np.linalg.norm(rel[:, None, :] - along[..., None] * directions[None], axis=-1)
    return each.min(axis=1), each


def on_border(point) -> bool:
    return bool(np.isclose(np.abs(point), EDGE, atol=1e-9).any())


def graph(segs: np.ndarray):
    """End points merged up to float tolerance: degree of each, and neighbours."""
    key = [tuple(np.round(p, 9)) for p in segs.reshape(-1, 2)]
    degree = Counter(key)
    neighbours = {k: [] for k in degree}
    for a, b in zip(key[0::2], key[1::2]):
        neighbours[a].append(b)
        neighbours[b].append(a)
    return degree, neighbours


def same_segments(segs, expected) -> bool:
    """The same segments up to order, direction and float tolerance."""
    def canonical(s):
        return sorted(tuple(np.round(np.sort(np.asarray(seg, float), axis=0).ravel(), 6)) for seg in s)
    return len(segs) == len(expected) and np.allclose(canonical(segs), canonical(expected), atol=1e-6)


def ray_length_inside(centre, direction) -> float:
    """Length of the ray from centre to the square of outermost nodes."""
    with np.errstate(divide="ignore"):
        steps = (np.sign(direction) * EDGE - centre) / direction
    return float(steps[np.isfinite(steps)].min())


# ------------------------------------------------------------ three classes
def test_the_tie_lines_of_three_sectors_lie_on_the_three_rays():
    segs = segments(sectors(Y_DIRECTIONS))
    assert len(segs)
    nearest, _ = distance_to_rays(segs.reshape(-1, 2), Y_RAYS)
    assert nearest.max() < CELL / 2


def test_each_tie_is_drawn_once():
    segs = segments(sectors(Y_DIRECTIONS))
    drawn = np.linalg.norm(segs[:, 1] - segs[:, 0], axis=1).sum()
    true = sum(ray_length_inside(CENTRE, d) for d in Y_RAYS)
    assert drawn == pytest.approx(true, rel=0.03)
    canonical = {tuple(np.round(np.sort(s, axis=0).ravel(), 9)) for s in segs}
    assert len(canonical) == len(segs)  # no segment twice


def test_the_lines_are_continuous_and_meet_at_one_triple_point():
    segs = segments(sectors(Y_DIRECTIONS))
    degree, neighbours = graph(segs)
    ends = [p for p, d in degree.items() if d == 1]
    junctions = [p for p, d in degree.items() if d == 3]
    assert all(on_border(p) for p in ends) and len(ends) == 3
    assert len(junctions) == 1
    assert all(d == 2 for p, d in degree.items() if p not in ends + junctions)
    junction = np.array(junctions[0])
    assert np.linalg.norm(junction - CENTRE) < CELL / 2

    # Walking away from the triple point along each of its three lines reaches
    # the border, each time on a different ray.
    reached = set()
    for step in neighbours[junctions[0]]:
        previous, here = junctions[0], step
        while degree[here] == 2:
            previous, here = here, next(n for n in neighbours[here] if n != previous)
        assert here in ends
        _, each = distance_to_rays(np.array([here]), Y_RAYS)
        reached.add(int(each.argmin()))
    assert reached == {0, 1, 2}


def test_four_sectors_meet_at_one_point_with_four_lines():
    directions = (45, 135, 225, 315)
    segs = segments(sectors(directions))
    nearest, _ = distance_to_rays(segs.reshape(-1, 2), rays([0, 90, 180, 270]))
    assert nearest.max() < CELL / 2
    degree, _ = graph(segs)
    assert sorted(d for d in degree.values() if d != 2) == [1, 1, 1, 1, 4]


def test_no_line_where_one_class_wins_everywhere():
    probs = np.empty((3, N, N), np.float32)
    probs[:] = np.array([0.2, 0.5, 0.3], np.float32)[:, None, None]
    assert len(segments(probs)) == 0
    # a runner-up that comes close along a ridge but never wins draws nothing either
    nodes = -1 + (np.arange(N) + 0.5) * CELL
    ridge = 0.45 * np.exp(-(nodes[None, :] - 0.3) ** 2 / 0.01)
    probs[0], probs[1], probs[2] = 0.45 - ridge, 0.55, ridge
    assert (probs.argmax(axis=0) == 1).all()
    assert len(segments(probs)) == 0


def test_a_close_third_class_neither_moves_nor_doubles_the_line():
    """Classes 0 and 1 tie along x = 0.1; class 2 is second beside the tie but never wins."""
    nodes = -1 + (np.arange(N) + 0.5) * CELL
    x, _ = np.meshgrid(nodes, nodes)
    d = x - 0.1
    probs = softmax(np.stack([-4 * d, 4 * d, 3.5 * np.abs(d) - 0.05]))
    assert set(np.unique(probs.argmax(axis=0))) == {0, 1}
    beside = np.abs(d[0]) < CELL
    assert (np.sort(probs[:, 0, beside], axis=0)[1] == probs[2, 0, beside]).all()
    segs = segments(probs)
    assert np.allclose(segs[..., 0], 0.1, atol=1e-6)  # the one vertical line x = 0.1
    assert len(segs) == N - 1


def test_a_saddle_of_three_classes_cuts_off_the_two_losing_corners():
    """One cell: class 0 on the diagonal and at the centre, classes 1 and 2 on the other corners."""
    probs = np.zeros((3, 2, 2), np.float32)
    probs[:, 0, 0] = probs[:, 1, 1] = (0.6, 0.2, 0.2)  # bottom-left, top-right
    probs[:, 0, 1] = (0.4, 0.5, 0.1)                     # bottom-right
    probs[:, 1, 0] = (0.4, 0.1, 0.5)                     # top-left
    x, y = tie_lines(probs, (0, 2, 0, 2))  # nodes at 0.5 and 1.5
    # p0 - p1 runs 0.4 -> -0.1 from the bottom-left corner to the bottom-right one, and
    # 0.4 -> -0.1 from the top-right one down to it; likewise p0 - p2 around the top-left one.
    assert same_segments(np.stack([x, y], axis=-1).reshape(-1, 2, 2),
                         [[(1.3, 0.5), (1.5, 0.7)], [(0.5, 1.3), (0.7, 1.5)]])


# ------------------------------------------------------------ two classes
def test_two_classes_cross_each_edge_where_the_probabilities_are_equal():
    """One cell, corners p1 - p0 = -0.4 (bottom-left), 0.2 (bottom-right), -0.2 (top-left), 0.6."""
    d = np.array([[-0.4, 0.2], [-0.2, 0.6]])
    probs = np.stack([(1 - d) / 2, (1 + d) / 2]).astype(np.float32)
    x, y = tie_lines(probs, (0, 2, 0, 2))  # nodes at 0.5 and 1.5
    # bottom edge: 0.4 / 0.6 of the way along; top edge: 0.2 / 0.8
    assert np.allclose(np.c_[x, y], [(0.5 + 0.4 / 0.6, 0.5), (0.5 + 0.2 / 0.8, 1.5)], atol=1e-6)


def test_a_two_class_saddle_follows_the_centre():
    """Class 1 on the bottom-left/top-right diagonal, and at the centre (mean p1 - p0 = 0.15)."""
    d = np.array([[0.5, -0.2], [-0.2, 0.5]])
    probs = np.stack([(1 - d) / 2, (1 + d) / 2]).astype(np.float32)
    x, y = tie_lines(probs, (0, 2, 0, 2))
    far, near = 0.5 + 0.5 / 0.7, 0.5 + 0.2 / 0.7  # crossings from a class-1 / class-0 corner
    assert same_segments(np.stack([x, y], axis=-1).reshape(-1, 2, 2),
                         [[(far, 0.5), (1.5, near)],    # the bottom-right corner cut off
                          [(0.5, far), (near, 1.5)]])   # and the top-left one


def test_a_class_that_never_competes_leaves_the_two_class_line_unchanged():
    nodes = -1 + (np.arange(N) + 0.5) * CELL
    x, y = np.meshgrid(nodes, nodes)
    z2 = np.stack([np.zeros_like(x), 5 * (x ** 2 + y ** 2 - 0.4) + 2 * x])  # a closed curve
    two = segments(softmax(z2))
    three = segments(softmax(np.concatenate([z2, np.full((1, N, N), -30.0)])))
    assert len(two) and len(two) == len(three)
    assert np.allclose(two, three, atol=1e-6)
    degree, _ = graph(two)
    assert set(degree.values()) == {2}  # one closed loop


# ------------------------------------------------------------ tint
def pixel(p) -> np.ndarray:
    return colorize(np.array(p, np.float32).reshape(-1, 1, 1))[0, 0]


def test_a_clear_winner_is_tinted_by_its_lead():
    expected = 255 - (255 - CLASS_RGB[0]) * MAX_TINT * 0.4
    assert np.allclose(pixel([0.6, 0.2, 0.2]), expected, atol=1)
    assert np.allclose(pixel([0.2, 0.6, 0.2, 0.0]), 255 - (255 - CLASS_RGB[1]) * MAX_TINT * 0.4, atol=1)


@pytest.mark.parametrize("p", [[0.45, 0.45, 0.1], [0.5, 0.5, 0.0], [0.1, 0.4, 0.4, 0.1],
                               [1 / 3, 1 / 3, 1 / 3], [0.5, 0.5]])
def test_a_tie_between_the_two_best_classes_is_white(p):
    assert (pixel(p) == 255).all()


def test_two_classes_keep_their_tint():
    # lead 0.8 - 0.2 = 2 p_max - 1, whichever class wins
    assert np.allclose(pixel([0.2, 0.8]), 255 - (255 - CLASS_RGB[1]) * MAX_TINT * 0.6, atol=1)
    assert np.allclose(pixel([0.8, 0.2]), 255 - (255 - CLASS_RGB[0]) * MAX_TINT * 0.6, atol=1)
