"""Fonts scaled from the widget's own, so text follows the window's font (and its size)."""

from __future__ import annotations

from PySide6.QtGui import QFont


def scaled_font(font: QFont, scale: float, bold: bool = False) -> QFont:
    """A copy of ``font``, ``scale`` times its size (in points, or in pixels if it was set so)."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * scale)
    else:
        result.setPixelSize(round(font.pixelSize() * scale))
    if bold:
        result.setBold(True)
    return result
