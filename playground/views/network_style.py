"""How the network diagram encodes numbers as colours and widths (shared by its legend,
the gradient charts and the neuron map shown on the canvas).

- Sign: blue for positive, vermillion for negative (Okabe-Ito, told apart with the common
  kinds of colour blindness): the weights on the edges and every neuron's map, white at 0.
- Weight magnitude: five width classes of |w|.
- Gradient magnitude: five classes, one decade each, ending at the decade of the largest
  gradient shown; a sequential ramp from faint grey to dark purple (pyqtgraph's magma),
  darker and wider where the gradient is stronger.
- Layers: weight layer l of L in plasma's colours, dark (first) to orange (last).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"
WEIGHT_LIMITS = (0.25, 0.5, 1.0, 2.0)          # |w| class boundaries
WIDTHS = (0.7, 1.3, 2.1, 3.1, 4.3)             # pixels, per class (weight or gradient)
WEIGHT_ALPHAS = (110, 150, 190, 225, 255)
DECADES = len(WIDTHS) - 1                      # gradient classes 1..4 span a decade each; 0 is below
GRADIENT_COLORS = ("#E2E2E2", *(c.name() for c in pg.colormap.get("magma").map(
    [0.85, 0.65, 0.45, 0.2], mode="qcolor")))


def paled(colour: str, strength: float) -> QColor:
    """``colour`` mixed with white: all of it at strength 1, white at 0 (opaque either way)."""
    rgb = np.array(pg.mkColor(colour).getRgb()[:3], float)
    return QColor(*np.round(255 - strength * (255 - rgb)).astype(int))


def layer_colors(n_layers: int) -> list[str]:
    """One colour per weight layer, first to last."""
    spots = [0.0] if n_layers == 1 else np.linspace(0.0, 0.8, n_layers)
    return [c.name() for c in pg.colormap.get("plasma").map(spots, mode="qcolor")]


def weight_classes(w: np.ndarray) -> np.ndarray:
    """0..4 by |w| (WEIGHT_LIMITS), same shape as w."""
    return np.searchsorted(WEIGHT_LIMITS, np.abs(w), side="right")


def gradient_top(values) -> int:
    """The exponent e of the decade 10^e just above the largest finite value (0 if none)."""
    finite = [float(np.max(v, initial=0.0)) for v in values]
    largest = max([v for v in finite if math.isfinite(v)], default=0.0)
    return math.ceil(math.log10(largest)) if largest > 0 else 0


def gradient_classes(g: np.ndarray, top: int) -> np.ndarray:
    """0..4: class k >= 1 holds 10^(top-5+k) <= |g| < 10^(top-4+k); class 0 everything smaller."""
    with np.errstate(divide="ignore", invalid="ignore"):
        exponent = np.floor(np.log10(np.abs(g)) - top)
    return np.clip(np.nan_to_num(exponent, nan=-DECADES - 1, neginf=-DECADES - 1) + DECADES + 1,
                   0, DECADES).astype(np.intp)


def power_of_ten(e: int) -> str:
    """'10⁻³' for -3."""
    return "10" + str(e).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _diverging_lut() -> np.ndarray:
    """(255, 4) uint8: index 0 full vermillion (-1), 127 white (0), 254 full blue (+1)."""
    t = np.linspace(-1.0, 1.0, 255)[:, None]
    white = np.full(3, 255.0)
    pos, neg = (np.array(pg.mkColor(c).getRgb()[:3], float) for c in (POSITIVE, NEGATIVE))
    rgb = np.where(t >= 0, white + t * (pos - white), white - t * (neg - white))
    return np.column_stack([np.round(rgb), np.full(255, 255)]).astype(np.uint8)


SIGN_LUT = _diverging_lut()

# A column's maps are scaled to -1..1 by the range its activation can reach; unbounded ones
# (inputs, ReLU, leaky ReLU, linear, class scores) by each map's own largest |value|.
_FIXED_RANGE = {"tanh": (0.0, 1.0), "sigmoid": (0.5, 0.5)}  # (centre, half range)


def map_levels(maps: np.ndarray, kind: str) -> np.ndarray:
    """maps (n, ny, nx) of one column -> LUT indices (n, ny, nx) into SIGN_LUT. ``kind``: the
    column's activation name, or anything else for an unbounded column."""
    if kind in _FIXED_RANGE:
        centre, half = _FIXED_RANGE[kind]
        t = (maps - centre) / half
    else:
        scale = np.abs(maps).max(axis=(1, 2), keepdims=True)
        t = maps / np.maximum(scale, 1e-12)
    t = np.nan_to_num(t, nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(np.rint((t + 1.0) * 127), 0, 254).astype(np.intp)
