"""Help → Keyboard Shortcuts and Help → About.

The shortcut list is made from the window's own actions each time it opens, so it
never drifts from what the keys do: every action of the window with a shortcut,
under the menu it is in (actions in no menu, such as the keys 1-5 beyond the
classes there are, under "Other keys"), with all its keys; then every QShortcut
of the window that says what it does (its whatsThis), and the keys that are
neither (``EXTRA_KEYS``: Esc leaving presentation mode). The dialogs take the
window's font, so they grow with it on a projector.
"""

from __future__ import annotations

import re
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from playground.messages import QT_TRANSLATE_NOOP
from playground.presentation import LEAVE_KEY

DISTRIBUTION = "decision-playground"
LECTURE = QT_TRANSLATE_NOOP("Help", "Neural Networks & Backpropagation (시각적 이해를 위한 머신러닝 4강)")
EXTRA_KEYS = ((QT_TRANSLATE_NOOP("Help", "View"), QT_TRANSLATE_NOOP("Help", "Leave presentation mode"),
               LEAVE_KEY),)
OTHER = QT_TRANSLATE_NOOP("Help", "Other keys")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def _plain(text: str) -> str:
    """A menu text as people read it: no & mnemonics (nor "(&F)", as Korean writes them), no trailing …"""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(section, what, keys) for every action of ``window`` with a shortcut, menu by menu."""
    rows, listed = [], set()

    def walk(menu: QMenu, section: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), section)
            elif action.shortcuts() and id(action) not in listed:
                listed.add(id(action))
                rows.append((section, _plain(action.text()), _keys(action.shortcuts())))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    for action in window.findChildren(QAction):
        if action.shortcuts() and id(action) not in listed:
            listed.add(id(action))
            rows.append((_tr(OTHER), _plain(action.text()), _keys(action.shortcuts())))
    rows += [(_tr(OTHER), shortcut.whatsThis(), _keys([shortcut.key()]))
             for shortcut in window.findChildren(QShortcut) if shortcut.whatsThis()]
    rows += [(_tr(section), _tr(what), _keys([key])) for section, what, key in EXTRA_KEYS]
    return rows


class ShortcutsDialog(QDialog):
    """The rows of ``shortcut_rows`` as a tree: one branch per menu."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setFont(window.font())  # a dialog is a window of its own: it takes no font from its parent
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        sections: dict[str, QTreeWidgetItem] = {}
        for section, what, keys in shortcut_rows(window):
            if section not in sections:
                sections[section] = QTreeWidgetItem(self.tree, [section])
                font = sections[section].font(0)
                font.setBold(True)
                sections[section].setFont(0, font)
                sections[section].setFirstColumnSpanned(True)
            QTreeWidgetItem(sections[section], [what, keys])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tree)
        column.addWidget(buttons)
        rows = self.tree.topLevelItemCount() + sum(item.childCount() for item in sections.values())
        tree = self.tree
        width = sum(tree.sizeHintForColumn(i) for i in range(2)) + 2 * tree.frameWidth() \
            + tree.verticalScrollBar().sizeHint().width()
        height = tree.header().sizeHint().height() + rows * tree.sizeHintForRow(0) + 2 * tree.frameWidth()
        margins = column.contentsMargins()
        self.resize(width + margins.left() + margins.right(),
                    min(height + column.spacing() + buttons.sizeHint().height() + margins.top()
                        + margins.bottom(), round(0.9 * window.height())))


def show_shortcuts(window: QMainWindow) -> None:
    ShortcutsDialog(window).exec()


def version() -> str:
    """The installed package's version, or "unknown" when running from sources never installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("Help", "unknown")


def about_text() -> str:
    return QCoreApplication.translate("Help", "<h3>Decision Boundary Playground {version}</h3>"
               "<p>See how neural networks learn: place points, pick a model, and watch the decision "
               "boundary, the losses and the gradients move while a small NumPy autograd engine trains.</p>"
               "<p>Made for the lecture <b>{lecture}</b>: linear classifiers and their templates, feature "
               "space, activation and loss functions, and backpropagation node by node.</p>"
               "<p>Python, NumPy, PySide6 {pyside} (Qt {qt}) and pyqtgraph. MIT licence.</p>").format(
        version=version(), lecture=_tr(LECTURE), pyside=pyside_version, qt=qVersion())


def show_about(window: QMainWindow) -> None:
    title = QCoreApplication.translate("Help", "About Decision Boundary Playground")
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, about_text(),
                      QMessageBox.StandardButton.Ok, window)
    box.setFont(window.font())
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.exec()
