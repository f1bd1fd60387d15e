"""Lessons in the window: the menu, the caption over the canvas, what a lesson shows, the title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from engine.lesson import Lesson
from engine.scenario import Scenario
from engine.settings import Settings
from playground.lesson_control import PAGES
from playground.lessons import lesson_files, load_lesson
from playground.panels.lesson_caption import MARGIN
from playground.session import Session


def open_lesson(window, name: str):
    assert window.open_lesson(name)
    return window.session.lesson


def test_the_lessons_menu_lists_every_lesson_and_opens_one(qtbot, window):
    menu = window.lessons.menu
    menu.aboutToShow.emit()
    titles = [action.text() for action in menu.actions()]
    assert len(titles) == len(lesson_files())
    assert titles[1] == "2. A linear classifier cannot solve XOR"
    menu.actions()[1].trigger()
    assert window.session.lesson == load_lesson("xor-linear").lesson
    assert window.session.settings.model.kind == "linear" and window.session.path is None


def test_the_caption_shows_the_lesson_over_the_canvas_and_goes_with_it(qtbot, window):
    caption = window.caption
    assert not caption.isVisible() and not caption.action.isEnabled()
    lesson = open_lesson(window, "xor-hidden")
    assert caption.isVisible() and caption.parentWidget() is window.centre.currentWidget()
    assert caption.title.text() == lesson.title["en"] and caption.text.text() == lesson.caption["en"]
    centre = window.canvas.mapTo(caption.parentWidget(), window.canvas.rect().center())
    assert caption.geometry().bottom() < centre.y()  # over the top of the plane
    window.session.new()  # a scenario without a lesson
    assert not caption.isVisible() and not caption.action.isEnabled()


def test_a_lesson_opened_before_the_window_shows_its_caption(make_window):
    window = make_window(Session(load_lesson("hinge")))  # as --scenario with a lesson file does
    caption = window.caption
    assert caption.isVisible() and caption.title.text() == load_lesson("hinge").lesson.title["en"]
    assert caption.geometry().top() == MARGIN
    assert caption.width() == caption.parentWidget().width() - 2 * MARGIN
    assert window.windowTitle().startswith("Hinge loss")


def test_the_caption_folds_when_training_starts_and_unfolds_on_a_click(qtbot, window):
    caption = window.caption
    open_lesson(window, "xor-hidden")
    tall = caption.height()
    window.runner.toggle()
    assert caption.folded and not caption.text.isVisible() and caption.height() < tall
    window.runner.pause()
    qtbot.mouseClick(caption, Qt.MouseButton.LeftButton)
    assert not caption.folded and caption.height() == tall


def test_a_click_on_the_page_folds_the_caption_but_a_click_on_it_does_not(qtbot, window):
    caption = window.caption
    open_lesson(window, "xor-linear")
    qtbot.mouseClick(caption.title, Qt.MouseButton.LeftButton)  # the card toggles, the watch does not
    assert caption.folded
    caption.fold(False)
    below = window.canvas.to_widget(0.0, -1.1)
    qtbot.mousePress(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert caption.folded


def test_closed_captions_come_back_from_the_view_menu(qtbot, window):
    caption = window.caption
    open_lesson(window, "hinge")
    caption.close_button.click()
    assert not caption.isVisible() and not caption.action.isChecked()
    caption.action.trigger()
    assert caption.isVisible()


def test_the_divergence_banner_goes_below_the_caption(qtbot, window):
    open_lesson(window, "xor-hidden")
    session = window.session
    session.set_training_field("learning_rate", 1e5)
    with qtbot.waitSignal(session.diverged, timeout=5000):
        for _ in range(50):
            if session.step(1).diverged:
                break
    assert window.banner.isVisible()
    assert window.banner.geometry().top() > window.caption.geometry().bottom()


@pytest.mark.parametrize("name, checks", [
    ("templates", lambda w: w.templates.action.isChecked()),
    ("circles-features", lambda w: w.views["spaces"].currentWidget() is w.views["spaces"].features
     and w.docks["spaces"].isVisible()),
    ("deep-linear", lambda w: w.views["spaces"].currentWidget() is w.views["spaces"].linear),
    ("backprop", lambda w: w.centre.currentWidget() is w.views["backprop"]
     and w.views["backprop"].mode == "add_mul"),
])
def test_a_lesson_shows_what_it_names(qtbot, window, name, checks):
    open_lesson(window, name)
    assert checks(window)


def test_every_lesson_starts_from_the_same_arrangement(qtbot, window):
    open_lesson(window, "backprop")
    window.docks["gradient_check"].raise_()
    open_lesson(window, "templates")
    assert window.centre.currentIndex() == 0  # the canvas again
    open_lesson(window, "xor-linear")
    assert not window.templates.action.isChecked()  # overlays it does not name are off


def test_every_key_a_built_in_lesson_shows_is_known_to_the_window(qtbot, window):
    known = set(window.views) | set(PAGES) | set(window.lessons.overlays)
    for name in lesson_files():
        assert set(load_lesson(name).lesson.show) <= known, name


def test_an_unknown_view_is_named_and_the_rest_applies(qtbot, window):
    scenario = Scenario.generate(Settings())
    scenario.lesson = Lesson({"en": "Mine"}, show=("templates", "hologram"))
    window.session.new(scenario)
    assert "hologram" in window.statusBar().currentMessage() and window.templates.action.isChecked()


def test_opening_a_lesson_asks_about_unsaved_changes_first(qtbot, window, answers):
    asked, replies = answers
    window.session.add_points([[0.5, 0.5]])
    replies.append(QMessageBox.StandardButton.Cancel)
    assert not window.open_lesson("hinge")
    assert asked and window.session.lesson is None and window.session.modified


def test_the_title_names_the_file_or_the_lesson_and_marks_changes(qtbot, window, tmp_path):
    assert window.windowTitle() == "Untitled[*] \u2014 Decision Boundary Playground"
    window.session.add_points([[0.1, 0.1]])
    assert window.isWindowModified()
    window.save_file_as(str(tmp_path / "mine.json"))
    assert window.windowTitle().startswith("mine.json[*]") and not window.isWindowModified()
    open_lesson(window, "hinge")
    hinge = "Hinge loss is satisfied at the margin"
    assert window.windowTitle() == hinge + "[*] \u2014 Decision Boundary Playground"
    window.session.set_training_field("learning_rate", 0.5)
    assert window.isWindowModified()
    window.save_file_as(str(tmp_path / "lesson.json"))
    assert window.windowTitle().startswith(hinge + " \u2014 lesson.json[*]")
    assert not window.isWindowModified()


def test_a_saved_lesson_opens_as_that_lesson(qtbot, window, tmp_path):
    open_lesson(window, "spiral-softmax")
    path = str(tmp_path / "spiral.json")
    window.save_file_as(path)
    window.session.new()
    assert window.open_file(path)
    assert window.session.lesson == load_lesson("spiral-softmax").lesson and window.caption.isVisible()


def test_the_autosave_keeps_the_lesson(qtbot, window):
    open_lesson(window, "overfitting")
    snapshot = window.session.snapshot()
    window.session.new()
    window.session.restore(snapshot)
    assert window.session.lesson == load_lesson("overfitting").lesson and window.caption.isVisible()


def test_texts_follow_the_interface_language(qtbot, window):
    lesson = open_lesson(window, "xor-hidden")
    before = QLocale()
    QLocale.setDefault(QLocale("ko_KR"))
    try:
        for widget in (window, window.caption):
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        assert window.caption.title.text() == lesson.title["ko"]
        assert window.windowTitle().startswith(lesson.title["ko"])
        window.lessons.menu.aboutToShow.emit()
        assert window.lessons.menu.actions()[2].text() == "3. " + lesson.title["ko"]
    finally:
        QLocale.setDefault(before)
