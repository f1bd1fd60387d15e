"""The data panel: the point generator and the classes.

Changing a generator control regenerates the points at once (consecutive
changes are one undo step); the class list picks the class new points get and
adds or removes classes.

Listens to: session.settings_changed, points_changed, current_class_changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from engine.datasets import DATASETS, MAX_CLASSES
from engine.settings import MAX_GENERATED_POINTS, DataSettings
from playground import messages
from playground.panels.controls import choice_box, float_box, form, int_box, quiet, select
from playground.session import Session
from playground.style import CLASS_COLORS


class DataPanel(QGroupBox):
    def __init__(self, session: Session, parent=None):
        super().__init__("Data", parent)
        self.session = session
        self.dataset = choice_box(messages.DATASETS, "Which toy problem to generate")
        for i, description in enumerate(messages.DATASET_DESCRIPTIONS.values()):
            self.dataset.setItemData(i, description, Qt.ItemDataRole.ToolTipRole)
        self.points = int_box(1, MAX_GENERATED_POINTS, 50, "How many points to generate")
        self.noise = float_box(0.0, 1.0, 0.05, 2, "Jitter added to every point (plane units)")
        self.classes = int_box(2, MAX_CLASSES, 1, "How many classes the generator makes")
        self.seed = int_box(0, 99_999, 1, "Change it for another sample of the same problem")
        self.test_percent = int_box(0, 90, 5, "Share of the points held out to test the model")
        self.test_percent.setSuffix(" %")
        self.regenerate = QPushButton("Regenerate")
        self.regenerate.setToolTip("Replace the points with freshly generated ones")

        self.class_list = QListWidget()
        self.class_list.setToolTip("New points get the selected class (keys 1-5)")
        self.add_class = QPushButton("Add class")
        self.remove_class = QPushButton("Remove class")

        layout = form()
        layout.addRow("Dataset", self.dataset)
        layout.addRow("Points", self.points)
        layout.addRow("Noise", self.noise)
        layout.addRow("Classes", self.classes)
        layout.addRow("Seed", self.seed)
        layout.addRow("Test split", self.test_percent)
        layout.addRow(self.regenerate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_class)
        buttons.addWidget(self.remove_class)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.class_list)
        outer.addLayout(buttons)

        self._generator_controls = (self.dataset, self.points, self.noise, self.classes, self.seed,
                                    self.test_percent)
        self.dataset.currentIndexChanged.connect(self._dataset_chosen)
        for box in self._generator_controls[1:]:
            box.valueChanged.connect(self._generator_changed)
        self.regenerate.clicked.connect(lambda: session.regenerate())
        self.class_list.currentRowChanged.connect(self._class_chosen)
        self.add_class.clicked.connect(session.add_class)
        self.remove_class.clicked.connect(lambda: session.remove_class(session.current_class))
        session.settings_changed.connect(self.show_settings)
        session.points_changed.connect(self.show_classes)
        session.current_class_changed.connect(self.show_current_class)
        self.show_settings()
        self.show_classes()

    # ---------------------------------------------------- widget -> session
    def _dataset_chosen(self) -> None:
        info = DATASETS[self.dataset.currentData()]
        with quiet(self.classes):  # a fixed-class dataset (xor, moons) sets the count itself
            self.classes.setValue(min(max(self.classes.value(), info.min_classes), info.max_classes))
        self._generator_changed()

    def _generator_changed(self) -> None:
        self.session.regenerate(DataSettings(
            dataset=self.dataset.currentData(), points=self.points.value(), noise=self.noise.value(),
            classes=self.classes.value(), seed=self.seed.value(),
            test_fraction=self.test_percent.value() / 100))

    def _class_chosen(self, row: int) -> None:
        if row >= 0:
            self.session.set_current_class(row)

    # ---------------------------------------------------- session -> widget
    def show_settings(self) -> None:
        d = self.session.settings.data
        info = DATASETS[d.dataset]
        with quiet(*self._generator_controls):
            select(self.dataset, d.dataset)
            self.points.setValue(d.points)
            self.noise.setValue(d.noise)
            self.classes.setValue(d.classes)
            self.classes.setEnabled(info.min_classes != info.max_classes)
            self.seed.setValue(d.seed)
            self.test_percent.setValue(round(d.test_fraction * 100))

    def show_classes(self) -> None:
        s = self.session.scenario
        with quiet(self.class_list):
            self.class_list.clear()
            for k, name in enumerate(s.class_names):
                of_class = s.labels == k
                text = f"{k + 1}  {name}    {int((of_class & ~s.is_test).sum())} train · " \
                       f"{int((of_class & s.is_test).sum())} test"
                self.class_list.addItem(QListWidgetItem(_swatch(CLASS_COLORS[k]), text))
            self.class_list.setCurrentRow(self.session.current_class)
        self.add_class.setEnabled(s.n_classes < MAX_CLASSES)
        self.remove_class.setEnabled(s.n_classes > 2)
        self.class_list.setFixedHeight(self.class_list.sizeHintForRow(0) * MAX_CLASSES + 6)

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
