"""Actions on the window: training, undo and redo, keys, every menu entry, files good and broken,
lessons, presentation mode, window sizes and centre tabs.

A menu entry that opens a file dialog gets a file drawn from the harness's folder (good,
broken, saved before, missing, a folder, or a cancelled dialog); a question gets a drawn
answer; a help dialog is closed as soon as it opens.
"""

from __future__ import annotations

from playground.language import LanguageMenu

from .files import SAVED
from .gestures import dismiss_modal_later, drop, focused, key
from .registry import action

KEYS = ("Space", "S", "Right", "R", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "1", "2", "3", "4", "5", "Escape",
        "F5", "Shift+F5", "F11", "F1", "Delete", "A", "Tab", "Return", "Left", "Up", "Down", "Backspace")
OTHER_FILES = ("", "points.csv", "model.npz", "model.py", "training.gif")  # "": the dialog cancelled
REPLIES = ("save", "discard", "cancel", "yes", "no")
SIZES = ((1280, 800), (1024, 700), (1920, 1080), (800, 600), (640, 480), (2560, 1440), (300, 200))


def _file(h, p, names=None) -> str:
    """A file name for the next file dialog: one of ``names``, or of every kind the harness has."""
    name = p.choice(names or (*sorted(h.files), *SAVED, *OTHER_FILES))
    h.dialogs.path = h.files.get(name) or (str(h.folder / "files" / name) if name else "")
    return name or "(cancelled)"


@action(8)
def train(h, p) -> str:
    """Play/Pause, Step or Reset, from the toolbar (their actions)."""
    name = p.choice(("play", "play", "step", "reset"))
    getattr(h.w.actions, name).trigger()
    state = "running" if h.w.runner.running else "paused"
    return f"{'Play/Pause' if name == 'play' else name.title()} ({state})"


@action(8)
def wait(h, p) -> str:
    """Let time pass: training runs if it was started."""
    ms = p.choice((10, 30, 100, 300))
    h.wait(ms)
    return f"wait {ms} ms (step {h.w.session.stats.step})"


@action(5)
def undo_redo(h, p) -> str:
    name, times = p.choice(("undo", "redo")), p.integer(1, 3)
    for _ in range(times):
        getattr(h.w.actions, name).trigger()
    return f"{name.title()} ×{times}"


@action(8)
def keys(h, p) -> str:
    name = p.choice(KEYS)
    target = focused(h.w)
    if name == "F1":
        dismiss_modal_later()  # the shortcuts dialog
    key(target, name)
    return f"key {name} on {type(target).__name__}"


@action(8)
def menu_entry(h, p) -> str:
    """Any entry of any menu (the Lessons and Open Recent lists filled as they are when opened)."""
    menus = [a.menu() for a in h.w.menuBar().actions() if a.menu() is not None]
    menu = menus[p.index(len(menus))]
    entries = _entries(menu, h.w)
    if not entries:
        return f"{menu.title()}: nothing to choose"
    entry = entries[p.index(len(entries))]
    h.dialogs.reply = reply = p.choice(REPLIES)
    chosen = _file(h, p)
    dismiss_modal_later()  # (Help's dialogs)
    entry.trigger()
    return f"{menu.title()} → {entry.text()} (answer {reply}, file {chosen})"


def _entries(menu, window) -> list:
    """The enabled entries of ``menu`` and its submenus, as a person finds them when opening it;
    not Quit, which would end the run (see ``close_cancelled``)."""
    menu.aboutToShow.emit()
    found = []
    for entry in menu.actions():
        if entry.menu() is not None:
            found += _entries(entry.menu(), window)
        elif not entry.isSeparator() and entry.isEnabled() and entry is not window.actions.quit:
            found.append(entry)
    return found


@action(3)
def save(h, p) -> str:
    how = p.choice(("save", "save_as"))
    chosen = _file(h, p, (*SAVED, "good.json", "a-folder.json", "no-folder/x.json", ""))
    getattr(h.w.actions, how).trigger()
    return f"File → {'Save' if how == 'save' else 'Save As'} ({chosen})"


@action(3)
def open_file(h, p) -> str:
    h.dialogs.reply = reply = p.choice(REPLIES)
    chosen = _file(h, p)
    h.w.actions.open.trigger()
    return f"File → Open {chosen} (unsaved changes: {reply})"


@action(1)
def drop_file(h, p) -> str:
    """Drop a file (or two) from a file manager on the window."""
    names = [p.choice(sorted(h.files)) for _ in range(p.integer(1, 2))]
    drop(h.w, [h.files[name] for name in names])
    return f"drop {', '.join(names)} on the window"


@action(1)
def close_cancelled(h, p) -> str:
    """Close the window with unsaved changes, and cancel (or cancel the Save dialog)."""
    if not h.w.session.modified:
        return "no close: nothing unsaved (the window would close)"
    answer = p.choice(("cancel", "save"))
    h.dialogs.reply, h.dialogs.path = answer, ""
    h.w.close()
    return f"close, then {answer} (and cancel)"


@action(2)
def lesson(h, p) -> str:
    menu = h.w.lessons.menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    entry = entries[p.index(len(entries))]
    h.dialogs.reply = reply = p.choice(REPLIES)
    entry.trigger()
    return f"Lessons → {entry.text()} (unsaved changes: {reply})"


@action(2)
def presentation(h, p) -> str:
    name = p.choice(("action", "hide_panels"))
    getattr(h.w.presentation, name).trigger()
    return f"View → {getattr(h.w.presentation, name).text()}"


@action(2)
def language(h, p) -> str:
    """View → Language: English or Korean."""
    menu = next(a.menu() for a in h.w.view_menu.actions() if isinstance(a.menu(), LanguageMenu))
    code = p.choice(tuple(menu.choices))
    menu.choices[code].trigger()
    return f"View → Language → {menu.choices[code].text()}"


@action(2)
def resize(h, p) -> str:
    width, height = p.choice(SIZES)
    h.w.resize(width, height)
    return f"resize the window to {width}x{height}"


@action(2)
def centre_tab(h, p) -> str:
    tabs = h.w.centre
    shown = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
    index = shown[p.index(len(shown))]
    tabs.setCurrentIndex(index)
    return f"centre tab {tabs.tabText(index)!r}"


@action(1)
def autosave_restore(h, p) -> str:
    """What the next launch does: take back the autosave (Yes) or drop it (No)."""
    answer = p.choice(("yes", "no"))
    h.w.autosaver.save_now()
    h.dialogs.reply = answer
    h.w.autosaver.offer_restore()
    return f"autosave, then restore it? {answer}"
