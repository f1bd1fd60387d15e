"""The lecture's spaces in one dock: feature space, hidden space, and the templates / still-linear page.

A tab each; a page that is not showing does no work (each redraws on its own clock, and
only while visible). The dock opens on the hidden space for a network, else on the
feature space.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget

from playground.session import Session
from playground.views.feature_space import FeatureSpaceView
from playground.views.hidden_space import HiddenSpaceView
from playground.views.linear_map import LinearMapView


class SpacesView(QTabWidget):
    """``features``, ``hidden`` and ``linear``: the three pages."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self.features = FeatureSpaceView(session)
        self.hidden = HiddenSpaceView(session)
        self.linear = LinearMapView(session)
        for page in (self.features, self.hidden, self.linear):
            self.addTab(page, "")
        self.retranslate()
        self.setCurrentWidget(self.hidden if session.model_info().kind == "mlp" else self.features)

    def retranslate(self) -> None:
        for index, title in enumerate((self.tr("Feature space"), self.tr("Hidden space"),
                                       self.tr("Templates and W"))):
            self.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(36 * em, 15 * em)
