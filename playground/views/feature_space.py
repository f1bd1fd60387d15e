"""Feature space: the points plotted against two chosen features, and the model's regions there.

When every feature the model uses is on the two axes, its decision regions are drawn in
that plane (a linear model's boundary is then a straight line): circles with x1^2 and
x2^2 become two groups a line separates. Otherwise the page says why it cannot draw them.
The axes follow the model's features when those change; the dropdowns pick any two.

Listens to: session.points_changed, session.stats_changed (regions, on the plot's own
clock), session.settings_changed (the model's features). Says its words again on
QEvent.LanguageChange. Emits nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from engine.features import FEATURES
from engine.spaces import draws_in_plane, feature_range
from playground import messages, style
from playground.panels.controls import choice_box, name_rows, quiet, select
from playground.session import Session
from playground.views.space_plot import REGION_RESOLUTION, SpacePlot, beside, padded


def default_axes(features: tuple[str, ...]) -> tuple[str, str]:
    """The model's first two features; with one, that one against x1 (or x2)."""
    if len(features) >= 2:
        return features[0], features[1]
    return features[0], "x2" if features[0] == "x1" else "x1"


class FeaturePlot(SpacePlot):
    """The points at their feature coordinates ``coordinates`` (2, N) for ``axes``, over the regions
    when the model draws in that plane. ``clock.refreshed`` is emitted after each redraw."""

    def __init__(self, session: Session, axes: tuple[str, str], parent=None):
        super().__init__(lock_aspect=False, parent=parent)
        self.session = session
        self.axes = axes
        self.coordinates = session.feature_coordinates(axes)
        self._points_moved = True  # the points, or the axes, changed since they were drawn
        self._bounds = self.bounds()
        session.points_changed.connect(self._points_changed)
        session.stats_changed.connect(self.clock.request)  # the regions only: training moves no point

    def set_axes(self, axes: tuple[str, str]) -> None:
        if tuple(axes) != self.axes:
            self.axes = tuple(axes)
            self._points_changed()

    def _points_changed(self) -> None:
        self._points_moved = True
        self.clock.request()

    def bounds(self) -> tuple[float, float, float, float]:
        """Each feature's range over the points, padded (over the canvas's plane while there are
        fewer than two different values)."""
        ranges = []
        for name, values in zip(self.axes, self.coordinates):
            if values.size and values.max() > values.min():
                ranges.extend(padded(float(values.min()), float(values.max())))
            else:
                ranges.extend(padded(*feature_range(name, style.PLANE)))
        return tuple(ranges)

    def refresh(self) -> None:
        s = self.session
        if self._points_moved:
            self._points_moved = False
            self.coordinates = s.feature_coordinates(self.axes)
            self.show_points(self.coordinates, s.labels, s.is_test)
            self._bounds = x_min, x_max, y_min, y_max = self.bounds()
            self.getViewBox().setRange(xRange=(x_min, x_max), yRange=(y_min, y_max), padding=0)
            self.show_labels(messages.FEATURE_LABELS[self.axes[0]], messages.FEATURE_LABELS[self.axes[1]])
        self.show_regions(s.feature_plane_grid(self.axes, self._bounds, REGION_RESOLUTION), self._bounds)


class FeatureSpaceView(QWidget):
    """The feature plot, two dropdowns for its axes, and a line on what can be drawn."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._features = session.settings.model.features
        self.plot = FeaturePlot(session, default_axes(self._features))
        labels = {name: messages.FEATURE_LABELS[name] for name in FEATURES}
        self.x_axis = choice_box(labels)
        self.y_axis = choice_box(labels)
        self.note = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.form = form = QFormLayout()
        for text, field in self._rows():
            form.addRow(text, field)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.note, 1)
        self.setLayout(beside(self.plot, side))
        for box in (self.x_axis, self.y_axis):
            box.currentIndexChanged.connect(self._axes_chosen)
        session.settings_changed.connect(self._model_changed)
        self._show_axes()
        self.retranslate()

    def _rows(self) -> list[tuple[str, QWidget]]:
        return [(self.tr("Horizontal"), self.x_axis), (self.tr("Vertical"), self.y_axis)]

    def retranslate(self) -> None:
        name_rows(self.form, self._rows())
        self.x_axis.setToolTip(self.tr("The feature along the horizontal axis"))
        self.y_axis.setToolTip(self.tr("The feature along the vertical axis"))
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _axes_chosen(self) -> None:
        self.plot.set_axes((self.x_axis.currentData(), self.y_axis.currentData()))
        self._show_note()

    def _model_changed(self) -> None:
        """New model features: the axes follow them (the dropdowns can still pick any two)."""
        features = self.session.settings.model.features
        if features != self._features:
            self._features = features
            self.plot.set_axes(default_axes(features))
            self._show_axes()
        else:
            self._show_note()

    def _show_axes(self) -> None:
        with quiet(self.x_axis, self.y_axis):
            select(self.x_axis, self.plot.axes[0])
            select(self.y_axis, self.plot.axes[1])
        self._show_note()

    def _show_note(self) -> None:
        self.note.setText(feature_note(self.session.settings.model, self.plot.axes))


def feature_note(model, axes: tuple[str, str]) -> str:
    """What the plot shows of a model (``ModelSettings``) in the plane of ``axes``."""
    if draws_in_plane(model.features, axes):
        if model.kind == "linear":
            return QCoreApplication.translate(
                "FeatureSpace", "The linear model sees only these features: in this plane its boundary "
                                "is a straight line.")
        return QCoreApplication.translate(
            "FeatureSpace", "The model sees only these features: its regions are drawn in this plane.")
    others = [messages.FEATURE_LABELS[name] for name in model.features if name not in axes]
    return QCoreApplication.translate(
        "FeatureSpace", "The model also uses {others}: its boundary lives in {count} dimensions, so it "
                        "cannot be drawn in this plane.").format(others=", ".join(others),
                                                                 count=len(model.features))
