"""The data panel: the point generator and the classes.

Each generator control asks the session to change its one field, which
regenerates the points at once (consecutive changes are one undo step) -- after
asking, when the points were placed or edited by hand; the class list picks the
class new points get and adds or removes classes.

Listens to: session.settings_changed, points_changed, current_class_changed.
Says its words again on QEvent.LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from engine.datasets import DATASETS, MAX_CLASSES
from engine.settings import LIMITS
from playground import messages
from playground.panels.controls import (
    PANEL_MARGINS,
    NumberBox,
    choice_box,
    form,
    may_replace_points,
    name_rows,
    quiet,
    rename_items,
    select,
)
from playground.session import Session
from playground.style import CLASS_COLORS


class DataPanel(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.dataset = choice_box(messages.DATASETS)
        self.points = NumberBox(LIMITS["data.points"], 50)
        self.noise = NumberBox(LIMITS["data.noise"], 0.05)
        self.classes = NumberBox(LIMITS["data.classes"], 1)
        self.seed = NumberBox(LIMITS["data.seed"], 1)
        self.test_percent = NumberBox(LIMITS["data.test_fraction"], 5, scale=100)
        self.test_percent.setSuffix(" %")
        self.regenerate = QPushButton()
        self.class_list = QListWidget()
        self.add_class = QPushButton()
        self.remove_class = QPushButton()

        self.form = layout = form()
        for text, field in self._rows():
            layout.addRow(text, field)
        layout.addRow(self.regenerate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_class)
        buttons.addWidget(self.remove_class)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PANEL_MARGINS)
        outer.addLayout(layout)
        outer.addWidget(self.class_list)
        outer.addLayout(buttons)

        self.numbers = {"points": self.points, "noise": self.noise, "classes": self.classes,
                        "seed": self.seed, "test_fraction": self.test_percent}
        self.dataset.currentIndexChanged.connect(
            lambda _: self._change("dataset", self.dataset.currentData()))
        for name, box in self.numbers.items():
            box.edited.connect(lambda value, name=name: self._change(name, value))
        self.regenerate.clicked.connect(self._regenerate)
        self.class_list.currentRowChanged.connect(self._class_chosen)
        self.add_class.clicked.connect(session.add_class)
        self.remove_class.clicked.connect(lambda: session.remove_class(session.current_class))
        session.settings_changed.connect(self.show_settings)
        session.points_changed.connect(self.show_classes)
        session.points_changed.connect(self.show_settings)
        session.current_class_changed.connect(self.show_current_class)
        self.retranslate()
        self.show_settings()

    def _rows(self) -> list[tuple[str, QWidget]]:
        return [(self.tr("Dataset"), self.dataset), (self.tr("Points"), self.points),
                (self.tr("Noise"), self.noise), (self.tr("Classes"), self.classes),
                (self.tr("Seed"), self.seed), (self.tr("Test split"), self.test_percent)]

    def retranslate(self) -> None:
        """Every word of the panel in the interface's language."""
        name_rows(self.form, self._rows())
        rename_items(self.dataset, messages.named(messages.DATASETS, "Datasets"),
                     messages.named(messages.DATASET_DESCRIPTIONS, "Datasets"))
        self.dataset.setToolTip(self.tr("Which toy problem to generate"))
        self.points.setToolTip(self.tr("How many points to generate"))
        self.noise.setToolTip(self.tr("Jitter added to every point (plane units)"))
        self.classes.setToolTip(self.tr("How many classes the generator makes"))
        self.seed.setToolTip(self.tr("Change it for another sample of the same problem"))
        self.test_percent.setToolTip(self.tr("Share of the points held out to test the model"))
        self.regenerate.setText(self.tr("Regenerate"))
        self.regenerate.setToolTip(self.tr("Replace the points with freshly generated ones"))
        self.class_list.setToolTip(self.tr("New points get the selected class (keys 1-5)"))
        self.add_class.setText(self.tr("Add class"))
        self.remove_class.setText(self.tr("Remove class"))
        self.show_classes()

    # ---------------------------------------------------- widget -> session
    def _change(self, name: str, value) -> None:
        """A generator setting: new points, once the person agrees to lose any placed by hand."""
        if may_replace_points(self.session, self.window()):
            self.session.set_data_field(name, value)
        else:
            self.show_settings()  # the widget goes back to what the points are

    def _regenerate(self) -> None:
        if may_replace_points(self.session, self.window()):
            self.session.regenerate()

    def _class_chosen(self, row: int) -> None:
        if row >= 0:
            self.session.set_current_class(row)

    # ---------------------------------------------------- session -> widget
    def show_settings(self) -> None:
        d = self.session.settings.data
        info = DATASETS[d.dataset]
        with quiet(self.dataset, *self.numbers.values()):
            select(self.dataset, d.dataset)
            for name, box in self.numbers.items():
                box.show_value(getattr(d, name))
            self.classes.show_value(self.session.n_classes)  # classes added by hand count too
        self.classes.setEnabled(info.min_classes != info.max_classes)

    def show_classes(self) -> None:
        s = self.session
        labels, is_test = s.labels, s.is_test
        with quiet(self.class_list):
            self.class_list.clear()
            for k, name in enumerate(s.class_names):
                of_class = labels == k
                text = self.tr("{number}  {name}    {train} train · {test} test").format(
                    number=k + 1, name=name, train=int((of_class & ~is_test).sum()),
                    test=int((of_class & is_test).sum()))
                self.class_list.addItem(QListWidgetItem(_swatch(CLASS_COLORS[k]), text))
            self.class_list.setCurrentRow(s.current_class)
        self.add_class.setEnabled(s.n_classes < MAX_CLASSES)
        self.remove_class.setEnabled(s.n_classes > 2)
        self._size_class_list()

    def _size_class_list(self) -> None:
        """As many rows as classes: no empty rows taking the panel's room."""
        self.class_list.setFixedHeight(self.class_list.sizeHintForRow(0) * self.class_list.count()
                                       + 2 * self.class_list.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_class_list()  # taller rows
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_current_class(self, k: int) -> None:
        with quiet(self.class_list):
            self.class_list.setCurrentRow(k)


def _swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
