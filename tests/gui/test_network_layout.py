"""The network diagram's geometry and its atlas of neuron maps."""

import numpy as np
import pytest

from playground.views.network_layout import (
    MIN_TILE,
    Metrics,
    edge_segments,
    fit_labels,
    layout_network,
    nearest_segment,
    strongest_edges,
    tile_at,
)
from playground.views.network_style import NEGATIVE, POSITIVE, SIGN_LUT, map_levels

METRICS = Metrics(line=16, input_caption=24, class_label=20, loss_box=100)


def _rects_overlap(a, b, size) -> bool:
    return abs(a[0] - b[0]) < size and abs(a[1] - b[1]) < size


@pytest.mark.parametrize("sizes", [(2, 2), (2, 8, 8, 2), (9, 3, 5), (2, 64, 3), (2, *[64] * 6, 3)])
@pytest.mark.parametrize("width, height", [(640, 180), (400, 170), (1500, 300)])
def test_tiles_fit_without_overlapping(sizes, width, height):
    layout = layout_network(sizes, width, height, METRICS)
    assert [column.size for column in layout.columns] == list(sizes)
    assert layout.tile >= MIN_TILE
    slots = np.concatenate([column.slots for column in layout.columns])
    assert slots.min() >= 0 and slots[:, 1].max() + layout.tile <= height
    assert layout.loss_box[0] + layout.loss_box[2] <= width
    for i in range(len(slots)):
        for j in range(i):
            assert not _rects_overlap(slots[i], slots[j], layout.tile)
    xs = [column.x for column in layout.columns]
    assert xs == sorted(xs)
    assert layout.columns[0].more == layout.columns[-1].more == 0  # inputs and scores always whole


def test_small_networks_show_every_neuron_and_wide_ones_say_how_many_more():
    small = layout_network((2, 8, 8, 2), 640, 180, METRICS)
    assert all(column.more == 0 for column in small.columns)
    wide = layout_network((2, *[64] * 6, 3), 640, 180, METRICS)
    hidden = wide.columns[1:-1]
    assert all(column.more > 0 and len(column.slots) + column.more == 64 for column in hidden)
    assert wide.tile >= 18  # readable, not a smear


def test_edges_join_every_shown_pair_and_hover_finds_them():
    layout = layout_network((2, 3, 2), 640, 180, METRICS)
    shown = [np.arange(2), np.array([0, 2, 1]), np.arange(2)]
    parts = edge_segments(layout, shown)
    assert [len(segments) for segments, _ in parts] == [6, 6]
    segments, index = parts[0]
    assert sorted(map(tuple, index)) == [(to, frm) for to in (0, 1, 2) for frm in (0, 1)]
    e = int(np.flatnonzero((index[:, 0] == 2) & (index[:, 1] == 1))[0])
    x0, y0, x1, y1 = segments[e]
    source, target = layout.columns[0].slots[1], layout.columns[1].slots[1]  # neuron 2 sits in slot 1
    half = layout.tile / 2
    assert (x0, y0) == (source[0] + layout.tile, source[1] + half)
    assert (x1, y1) == (target[0], target[1] + half)
    assert nearest_segment(segments, x0 + (x1 - x0) / 4, y0 + (y1 - y0) / 4 + 1, 4) == e
    assert nearest_segment(segments, x0, -100, 4) is None


def test_tile_at_finds_the_slot_under_a_point():
    layout = layout_network((2, 4, 2), 640, 180, METRICS)
    x, y = layout.columns[1].slots[3]
    assert tile_at(layout, x + 1, y + layout.tile - 1) == (1, 3)
    assert tile_at(layout, layout.columns[1].x - 5, y) is None


def test_map_levels_white_at_zero_and_the_sign_colours_at_the_ends():
    maps = np.array([[[-1.0, 0.0, 1.0]]])
    levels = map_levels(maps, "tanh")
    colours = [tuple(SIGN_LUT[k][:3]) for k in levels[0, 0]]
    assert colours[1] == (255, 255, 255)
    assert colours[0] == tuple(int(NEGATIVE[i:i + 2], 16) for i in (1, 3, 5))
    assert colours[2] == tuple(int(POSITIVE[i:i + 2], 16) for i in (1, 3, 5))
    assert map_levels(np.array([[[0.0, 1.0]]]), "sigmoid")[0, 0, 0] == 0  # sigmoid 0 is its low end
    relu = map_levels(np.array([[[0.0, 4.0]]]), "relu")  # unbounded: scaled by the map's largest value
    assert relu[0, 0, 0] == 127 and relu[0, 0, 1] == 254


def test_the_atlas_puts_each_map_in_its_tile_with_y_up(qtbot):
    from playground.views.neuron_atlas import NeuronAtlas

    layout = layout_network((2, 2), 300, 150, METRICS)
    atlas = NeuronAtlas(layout, 300, 150, samples=4)
    levels = np.full((4, 4, 4), 127)  # four tiles, white
    levels[1, -1, :] = 254            # tile 1: its top row of samples (y_max) blue
    atlas.paint(levels)
    x, y = layout.columns[0].slots[1].astype(int)
    assert tuple(atlas.image[y, x + 1, :3]) == tuple(SIGN_LUT[254][:3])  # the tile's top row
    assert tuple(atlas.image[y + layout.tile - 1, x + 1, :3]) == (255, 255, 255)  # its bottom row
    assert atlas.image[0, 0, 3] == 0  # outside the tiles: transparent


def test_labels_shorten_then_vanish_rather_than_overlap():
    width = len  # a pixel per character
    labels = [(0, "inputs", "x", width, False), (8, "W1", "W1", width, True),
              (20, "sigmoid", "s", width, False), (30, "W2", "W2", width, True),
              (200, "loss", "L", width, False)]
    assert fit_labels(labels) == ["x", "W1", "s", "W2", "loss"]
    crowded = [(0, "W1", "W1", width, True), (4, "sigmoid", "s", width, False), (8, "W2", "W2", width, True)]
    assert fit_labels(crowded) == ["W1", "", "W2"]  # the W labels stay whole


def test_strongest_edges_per_layer():
    strength = np.array([5.0, 1.0, 3.0, 2.0, 0.5, 9.0, 0.1])
    layer = np.array([1, 1, 1, 1, 2, 2, 2])
    assert strongest_edges(strength, layer, cap=2).tolist() == [0, 2, 4, 5]
    assert strongest_edges(strength, layer, cap=4).tolist() == list(range(7))
