"""The window's actions: one QAction per command, shared by menus, toolbar and keys.

Keyboard: Space play/pause, S or Right one step, R reset, 1-5 current class,
Ctrl+Z / Ctrl+Shift+Z undo/redo, Ctrl+O / Ctrl+S open/save, F11 full screen.

Their words are in ``name_actions``, which the window calls again when the
language changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from engine.datasets import MAX_CLASSES
from playground.controllers.canvas_tools import TOOLS
from playground.messages import QT_TRANSLATE_NOOP

# Each canvas tool's name and what it does (the status line's hint while it is chosen).
TOOL_LABELS = {"add": (QT_TRANSLATE_NOOP("Actions", "Add"),
                       QT_TRANSLATE_NOOP("Actions", "Click: add a point · right-click: next class · drag a "
                                                    "point to move it · click a point: select it for the "
                                                    "backprop explorer")),
               "brush": (QT_TRANSLATE_NOOP("Actions", "Brush"),
                         QT_TRANSLATE_NOOP("Actions", "Drag to spray points of the current class")),
               "erase": (QT_TRANSLATE_NOOP("Actions", "Erase"),
                         QT_TRANSLATE_NOOP("Actions", "Click or drag to remove points (ctrl-click removes "
                                                      "one anywhere)"))}


PLAY, PAUSE = QT_TRANSLATE_NOOP("Actions", "Play"), QT_TRANSLATE_NOOP("Actions", "Pause")  # one button


def tool_hint(name: str) -> str:
    """What tool ``name`` does, in the interface's language."""
    return QCoreApplication.translate("Actions", TOOL_LABELS[name][1])


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

    def action(keys=(), icon=None, checkable=False) -> QAction:
        a = QAction(window)
        if icon is not None:
            a.setIcon(style.standardIcon(icon))
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        window.addAction(a)
        return a

    sp = QStyle.StandardPixmap
    tools = {name: action(checkable=True) for name in TOOLS}
    group = QActionGroup(window)
    for tool in tools.values():
        group.addAction(tool)
    tools["add"].setChecked(True)

    actions = Actions(
        play=action(["Space"], sp.SP_MediaPlay),
        step=action(["S", "Right"], sp.SP_MediaSkipForward),
        reset=action(["R"], sp.SP_BrowserReload),
        undo=action([QKeySequence.StandardKey.Undo], sp.SP_ArrowBack),
        redo=action(["Ctrl+Shift+Z", "Ctrl+Y"], sp.SP_ArrowForward),
        new=action([QKeySequence.StandardKey.New]),
        open=action([QKeySequence.StandardKey.Open]),
        save=action([QKeySequence.StandardKey.Save]),
        save_as=action(["Ctrl+Shift+S"]),
        quit=action([QKeySequence.StandardKey.Quit]),
        clear=action([], sp.SP_TrashIcon),
        full_screen=action(["F11"], checkable=True),
        test_points=action(checkable=True),
        tools=tools,
        classes=_class_actions([action([str(k + 1)], checkable=True) for k in range(MAX_CLASSES)], window),
    )
    name_actions(actions)
    return actions


def name_actions(actions: Actions, running: bool = False) -> None:
    """Every action's text and tooltip (with its first key), in the interface's language;
    ``running``: Play says Pause."""
    words = {  # field: (text, tooltip; "": the text)
        "play": (PAUSE if running else PLAY, QT_TRANSLATE_NOOP("Actions", "Train continuously / pause")),
        "step": (QT_TRANSLATE_NOOP("Actions", "Step"), QT_TRANSLATE_NOOP("Actions", "One training step")),
        "reset": (QT_TRANSLATE_NOOP("Actions", "Reset"),
                  QT_TRANSLATE_NOOP("Actions", "Back to the initial weights (same seed)")),
        "undo": (QT_TRANSLATE_NOOP("Actions", "Undo"), ""),
        "redo": (QT_TRANSLATE_NOOP("Actions", "Redo"), ""),
        "new": (QT_TRANSLATE_NOOP("Actions", "New"), ""),
        "open": (QT_TRANSLATE_NOOP("Actions", "Open…"), ""),
        "save": (QT_TRANSLATE_NOOP("Actions", "Save"), ""),
        "save_as": (QT_TRANSLATE_NOOP("Actions", "Save As…"), ""),
        "quit": (QT_TRANSLATE_NOOP("Actions", "Quit"), ""),
        "clear": (QT_TRANSLATE_NOOP("Actions", "Clear points"),
                  QT_TRANSLATE_NOOP("Actions", "Remove every point")),
        "full_screen": (QT_TRANSLATE_NOOP("Actions", "Full screen"), ""),
        "test_points": (QT_TRANSLATE_NOOP("Actions", "Test points"),
                        QT_TRANSLATE_NOOP("Actions", "New points are held-out test points (drawn hollow)")),
    }
    named = [(getattr(actions, field), text, tip) for field, (text, tip) in words.items()]
    named += [(actions.tools[name], text, tip) for name, (text, tip) in TOOL_LABELS.items()]
    for a, text, tip in named:
        text = QCoreApplication.translate("Actions", text)
        keys = a.shortcuts()
        key = f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})" if keys else ""
        a.setText(text)
        a.setToolTip(f"{QCoreApplication.translate('Actions', tip) if tip else text}{key}")
    for k, a in enumerate(actions.classes):  # (the Classes menu names them with the class, too)
        a.setText(QCoreApplication.translate("Actions", "Class {number}").format(number=k + 1))


def _class_actions(actions: list[QAction], window: QWidget) -> list[QAction]:
    """One checked at a time: the current class."""
    group = QActionGroup(window)
    for a in actions:
        group.addAction(a)
    return actions
