"""The window's actions: one QAction per command, shared by menus, toolbar and keys.

Keyboard: Space play/pause, S or Right one step, R reset, 1-5 current class,
Ctrl+Z / Ctrl+Shift+Z undo/redo, Ctrl+O / Ctrl+S open/save, F11 full screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from engine.datasets import MAX_CLASSES
from playground.controllers.canvas_tools import TOOLS

TOOL_LABELS = {"add": ("Add", "Click: add a point · right-click: next class · drag a point to move it · "
                              "click a point: select it for the backprop explorer"),
               "brush": ("Brush", "Drag to spray points of the current class"),
               "erase": ("Erase", "Click or drag to remove points (ctrl-click removes one anywhere)")}


@dataclass
class Actions:
    play: QAction
    step: QAction
    reset: QAction
    undo: QAction
    redo: QAction
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    quit: QAction
    clear: QAction
    full_screen: QAction
    test_points: QAction
    tools: dict[str, QAction]
    classes: list[QAction]


def make_actions(window: QWidget) -> Actions:
    """Create the actions, parented to (and active in) ``window``; callers connect them."""
    style = window.style()

    def action(text, keys=(), icon=None, tip="", checkable=False) -> QAction:
        a = QAction(text, window)
        if icon is not None:
            a.setIcon(style.standardIcon(icon))
        sequences = [QKeySequence(k) for k in keys]
        a.setShortcuts(sequences)
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        key = f" ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})" if keys else ""
        a.setToolTip(f"{tip or text}{key}")
        a.setCheckable(checkable)
        window.addAction(a)
        return a

    sp = QStyle.StandardPixmap
    undo = action("Undo", [QKeySequence.StandardKey.Undo], sp.SP_ArrowBack)
    redo = action("Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], sp.SP_ArrowForward)

    tools = {}
    group = QActionGroup(window)
    for name in TOOLS:
        text, tip = TOOL_LABELS[name]
        tools[name] = action(text, tip=tip, checkable=True)
        group.addAction(tools[name])
    tools["add"].setChecked(True)

    return Actions(
        play=action("Play", ["Space"], sp.SP_MediaPlay, "Train continuously / pause"),
        step=action("Step", ["S", "Right"], sp.SP_MediaSkipForward, "One training step"),
        reset=action("Reset", ["R"], sp.SP_BrowserReload, "Back to the initial weights (same seed)"),
        undo=undo, redo=redo,
        new=action("New", [QKeySequence.StandardKey.New]),
        open=action("Open…", [QKeySequence.StandardKey.Open]),
        save=action("Save", [QKeySequence.StandardKey.Save]),
        save_as=action("Save As…", ["Ctrl+Shift+S"]),
        quit=action("Quit", [QKeySequence.StandardKey.Quit]),
        clear=action("Clear points", [], sp.SP_TrashIcon, "Remove every point"),
        full_screen=action("Full screen", ["F11"], checkable=True),
        test_points=action("Test points", [], None, "New points are held-out test points (drawn hollow)",
                           checkable=True),
        tools=tools,
        classes=_class_actions([action(f"Class {k + 1}", [str(k + 1)], checkable=True)
                                for k in range(MAX_CLASSES)], window),
    )


def _class_actions(actions: list[QAction], window: QWidget) -> list[QAction]:
    """One checked at a time: the current class."""
    group = QActionGroup(window)
    for a in actions:
        group.addAction(a)
    return actions

