"""The lesson caption: the open lesson's title and caption, laid over the top of the canvas.

Like the divergence banner it floats over the page it is on instead of taking a row of the
layout, so the plane does not move when a lesson opens or closes; ``follow`` keeps it on
the current centre tab, over the widget named ``STAGE`` if the page has one (the part of
the page with room to spare: the backprop explorer's graph), else over the whole page. It opens
unfolded, and folds to its title alone (over the plane's margin) once work starts, so what it
covered shows: ``fold`` (the window calls it when training starts), or a click or a key
anywhere else on the page. ▾ or a click on the card unfolds it again. × hides it until the
next lesson, and ``action`` (View → Lesson caption) brings it back. ``set_large`` makes it
projector-sized (presentation mode). Texts follow the interface's language.

Listens to: session.lesson_changed. Emits nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.fonts import scaled_font
from playground.lesson_words import lesson_caption, lesson_title
from playground.session import Session

MARGIN = 8            # pixels between the card and the edges of what it lies over
STAGE = "lesson_stage"  # the object name of the widget of a page the caption lies over
WORK = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)  # on the page: the caption folds
BACKGROUND = QColor(255, 255, 255, 235)
BORDER, ACCENT = "#B8B8B8", "#0072B2"
ACCENT_WIDTH = 5
TITLE_SCALE, TEXT_SCALE = 1.15, 1.0            # of the window font
LARGE_TITLE_SCALE, LARGE_TEXT_SCALE = 1.5, 1.25  # in presentation mode


class LessonCaption(QFrame):
    """``title`` and ``text`` (labels), ``fold_button`` (▴/▾), ``close_button`` (×) and ``action``
    for tests and menus; ``folded``: only the title shows."""

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.large = False
        self.folded = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.fold_button = QToolButton()
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(lambda: self.fold(not self.folded))
        self.close_button = QToolButton()
        self.close_button.setText("\u00d7")
        self.close_button.setAutoRaise(True)
        self.action = QAction(self, checkable=True, enabled=False)
        self.action.toggled.connect(self._show_card)
        self.close_button.clicked.connect(lambda: self.action.setChecked(False))
        self._name_parts()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.fold_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(ACCENT_WIDTH + 10, 6, 6, 8)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.text)
        self.hide()
        self._page = parent
        parent.installEventFilter(self)
        session.lesson_changed.connect(self.show_lesson)
        self._apply_fonts()
        self.show_lesson(session.lesson)  # a lesson opened before the window was made

    def show_lesson(self, lesson) -> None:
        """A lesson was opened (show its texts, unfolded) or closed (None: hide)."""
        self.folded = False
        self.action.setEnabled(lesson is not None)
        self._fill()
        self.action.setChecked(lesson is not None)
        self._show_card(lesson is not None)

    def follow(self, tabs: QTabWidget) -> None:
        """Lie over the current page of ``tabs``, whichever it is."""
        tabs.currentChanged.connect(lambda: self._host(tabs.currentWidget()))
        self._host(tabs.currentWidget())

    def _host(self, page: QWidget) -> None:
        self._page = page
        stage = page.findChild(QWidget, STAGE) or page
        if stage is not self.parentWidget():
            self.parentWidget().removeEventFilter(self)
            self.setParent(stage)  # (hides it)
            stage.installEventFilter(self)
            self._show_card(self.action.isChecked())

    def fold(self, folded: bool = True) -> None:
        """Show the title alone (True) or the caption too (False)."""
        if folded != self.folded:
            self.folded = folded
            self._fill()
            if self.isVisible():
                self._place()
            self._watch_for_work()

    def set_large(self, on: bool) -> None:
        self.large = on
        self._apply_fonts()

    def _name_parts(self) -> None:
        """The words on the card's parts, in the interface's language."""
        self.close_button.setToolTip(self.tr("Hide the caption (View \u2192 Lesson caption shows it again)"))
        self.action.setText(self.tr("Lesson caption"))
        self.action.setToolTip(self.tr("Show the open lesson's title and caption over the canvas"))
        self.setToolTip(self.tr("Click to fold or unfold the caption"))

    def _fill(self) -> None:
        lesson = self.session.lesson
        if lesson is not None:
            self.title.setText(lesson_title(lesson))
            self.text.setText(lesson_caption(lesson))
        self.text.setVisible(bool(self.text.text()) and not self.folded)
        self.fold_button.setText("\u25be" if self.folded else "\u25b4")
        self.fold_button.setToolTip(self.tr("Show the caption") if self.folded else
                                    self.tr("Show the title only"))
        self.fold_button.setVisible(bool(self.text.text()))

    def _show_card(self, on: bool) -> None:
        self.setVisible(on and self.session.lesson is not None)
        if self.isVisible():
            self._place()
            self.raise_()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place()  # (the window may have been shown after the card)
        self._watch_for_work()

    def hideEvent(self, event) -> None:  # (also when the window closes)
        super().hideEvent(event)
        self._watch_for_work()

    def _watch_for_work(self) -> None:
        """Watch the app's clicks and keys (for one on the page) only while that would fold the card:
        an application's event filter sees every event."""
        app = QApplication.instance()
        if self.isVisible() and not self.folded:
            app.installEventFilter(self)  # (once, however often installed)
        else:
            app.removeEventFilter(self)

    # ---------------------------------------------------------------- look
    def paintEvent(self, _event) -> None:
        """A white card with a blue edge (painted, so the window's font reaches the labels)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(BORDER))
        painter.setBrush(BACKGROUND)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT))
        painter.drawRoundedRect(QRectF(1, 1, ACCENT_WIDTH, self.height() - 2), 2, 2)

    def _apply_fonts(self) -> None:
        """The labels' fonts from the widget's own (the window's, scaled with the screen)."""
        title_scale, text_scale = (LARGE_TITLE_SCALE, LARGE_TEXT_SCALE) if self.large else \
            (TITLE_SCALE, TEXT_SCALE)
        self.title.setFont(scaled_font(self.font(), title_scale, bold=True))
        self.text.setFont(scaled_font(self.font(), text_scale))
        for button in (self.fold_button, self.close_button):
            button.setFont(scaled_font(self.font(), title_scale))
        if self.isVisible():
            self._place()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "close_button"):
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self._name_parts()
            self._fill()
            self._place()
        super().changeEvent(event)

    # ------------------------------------------------------------ placing
    def mousePressEvent(self, event) -> None:
        event.accept()  # the card takes the click (not the canvas under it), and folds on release

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.fold(not self.folded)
        super().mouseReleaseEvent(event)

    def _place(self) -> None:
        """Across the top of the parent, as tall as the wrapped texts need."""
        width = self.parentWidget().width() - 2 * MARGIN
        self.layout().activate()
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry(MARGIN, MARGIN, width, max(height, self.minimumSizeHint().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.parentWidget() and kind == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif kind in WORK and self.isVisible() and not self.folded and isinstance(watched, QWidget) \
                and self._page.isAncestorOf(watched) and not (watched is self or self.isAncestorOf(watched)):
            self.fold()
        return super().eventFilter(watched, event)

