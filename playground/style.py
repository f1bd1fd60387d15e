"""Colours and sizes shared by every view.

Class colours come from the Okabe-Ito palette, chosen to stay distinct for
the common forms of colour blindness; the boundary tints the plane towards
the winning class, never as strongly as the points themselves.
"""

from __future__ import annotations

import numpy as np

# Okabe & Ito (2008): blue, orange, bluish green, reddish purple, vermillion.
CLASS_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00")
CLASS_RGB = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLORS], dtype=np.float32)

BACKGROUND = "#FFFFFF"
INK = "#202020"          # text, point outlines, the boundary line
MUTED = "#6B6B6B"        # secondary text, axes
GRID = "#D8D8D8"

PLANE = (-1.25, 1.25, -1.25, 1.25)  # the canvas's fixed view: x_min, x_max, y_min, y_max
BOUNDARY_RESOLUTION = 200           # grid cells along the longer side of the boundary heatmap
MAX_TINT = 0.55                     # how far a fully confident cell moves from white to its class colour

POINT_SIZE = 10                     # pixels
TEST_POINT_PEN = 2.2                # outline width of hollow test points
BOUNDARY_PEN = 2.0
