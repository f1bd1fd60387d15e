"""Help: the keyboard shortcuts, made from the actions themselves, and About."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtGui import QAction, QKeySequence

from playground import help_dialogs


def test_every_action_with_a_shortcut_is_listed_with_all_its_keys(qtbot, window):
    rows = help_dialogs.shortcut_rows(window)
    listed = [(what, keys) for _, what, keys in rows]
    native = QKeySequence.SequenceFormat.NativeText
    actions = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(actions) >= 20
    for action in actions:
        keys = ", ".join(s.toString(native) for s in action.shortcuts())
        assert (help_dialogs._plain(action.text()), keys) in listed, action.text()
    assert ("Unpin the neuron map from the canvas", "Esc") in listed  # a QShortcut that says what it does
    assert len(rows) == len(actions) + 1 + len(help_dialogs.EXTRA_KEYS)


def test_the_list_follows_the_menus_and_has_the_new_keys(qtbot, window):
    rows = {what: (section, keys) for section, what, keys in help_dialogs.shortcut_rows(window)}
    assert rows["Play"] == ("Train", "Space")
    assert rows["Step"] == ("Train", "S, Right")
    assert rows["Presentation Mode"] == ("View", "F5")
    assert rows["Keyboard Shortcuts"] == ("Help", "F1")
    assert rows["Leave presentation mode"] == ("View", "Esc")


def test_a_new_action_appears_without_editing_the_help(qtbot, window):
    action = QAction("Shout", window)
    action.setShortcut("Ctrl+Alt+H")
    window.addAction(action)
    assert ("Other keys", "Shout", "Ctrl+Alt+H") in help_dialogs.shortcut_rows(window)


def test_the_shortcuts_dialog_shows_a_branch_per_menu(qtbot, window):
    dialog = help_dialogs.ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    sections = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert sections[:3] == ["File", "Edit", "Train"] and "Help" in sections
    assert sum(dialog.tree.topLevelItem(i).childCount() for i in range(len(sections))) == len(
        help_dialogs.shortcut_rows(window))


def test_about_names_the_version_and_the_lecture():
    text = help_dialogs.about_text()
    assert metadata.version("decision-playground") in text
    assert "Neural Networks &amp; Backpropagation" in text or "Neural Networks & Backpropagation" in text
