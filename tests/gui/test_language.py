"""Korean and English: View → Language switches every word of the window at once, and back."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from playground import help_dialogs, language
from playground.autosave import Autosaver
from playground.cli import main
from playground.lessons import lesson_files
from playground.views.charts import split_names
from playground.views.network_diagram import two_lines

HANGUL = re.compile("[\uac00-\ud7a3]")
# Words that stay as they are in Korean: names of methods and things, notation, keys, file types.
NOTATION = {"XOR", "ReLU", "Leaky", "tanh", "MLP", "SGD", "Adam", "PCA", "SVM", "GIF", "CSV", "PyTorch",
            "NumPy", "Python", "Pillow", "npz", "csv", "json", "py", "gif", "Home", "Space", "Esc", "Ctrl",
            "Shift", "ms", "float64", "English",
            # the backprop explorer's gates and derivatives, named as in code
            "exp", "log", "sigmoid", "relu", "max", "min", "sin", "mean", "add", "mul", "matmul", "dW", "dx"}
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH_WORD.findall(text) if word not in NOTATION]


@pytest.fixture
def speak():
    """``speak(code)`` switches the interface; English again afterwards, whatever happened."""
    yield language.install
    language.install("en")


def texts(window) -> dict:
    """Every word the window shows: texts, titles, tooltips, placeholders, items, headers, menus,
    actions, captions painted by the views and drawn in their scenes; keyed by where each is."""
    found = {}

    def add(owner, kind, text):
        if text and text.strip():
            found[owner, kind] = text

    for w in [window, *window.findChildren(QWidget)]:
        add(w, "tooltip", w.toolTip())
        if isinstance(w, QDockWidget) or w is window:
            add(w, "title", w.windowTitle())
        if isinstance(w, QLabel | QAbstractButton):
            add(w, "text", re.sub("<[^>]+>", " ", w.text()))  # rich text: the words, not the tags
        if isinstance(w, QMenu):
            add(w, "title", w.title())
        if isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        if isinstance(w, QTextEdit):
            add(w, "text", w.toPlainText())
        if isinstance(w, QAbstractSpinBox) and hasattr(w, "prefix"):  # "8 neurons", "뉴런 8개"
            add(w, "units", f"{w.prefix()}{w.suffix()}")
            add(w, "special", w.specialValueText())
        if isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
                add(w, f"item tip {i}", w.itemData(i, 3))  # Qt.ToolTipRole
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                add(w, f"header {i}", w.horizontalHeaderItem(i).text())
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w, f"row {i}", w.item(i).text())
        if isinstance(w, QGraphicsView) and w.scene() is not None:  # plots' titles, captions, graph labels
            words = []
            for item in w.scene().items():
                if not item.isVisible():
                    continue
                if isinstance(item, pg.TextItem):
                    words.append(item.toPlainText())
                elif isinstance(item, QGraphicsSimpleTextItem):
                    words.append(item.text())
                elif isinstance(item, pg.LabelItem):
                    words.append(re.sub("<[^>]+>", "", item.text))
            add(w, "scene", " | ".join(sorted(words)))
    recent = window.files.recent_menu.actions()  # file names
    for a in window.findChildren(QAction):
        if a in recent or isinstance(a.parent(), QGraphicsScene):  # (pyqtgraph's menu, switched off)
            continue
        add(a, "text", a.text())
        add(a, "tooltip", a.toolTip())
        add(a, "icon text", a.iconText())
    network = window.views["network"]  # painted, not held by a widget
    add(network.legend, "painted", " ".join([network.legend.title(), network.legend.note(),
                                             *(label for label, _ in network.legend.entries())]))
    captions = network.diagram.captions
    add(network.diagram, "painted", " ".join([*captions.columns, captions.loss]))
    add(window.views["charts"], "key", " ".join(split_names().values()))
    return found


def show_everything(qtbot, window) -> None:
    """Bring out what only shows on demand: a lesson's caption, the explorer's model graph, a hovered
    neuron and its map, the class templates, a gradient check's result, the recent-files menu, the
    divergence banner."""
    assert window.open_lesson(list(lesson_files())[1])
    session = window.session
    session.step(30)
    explorer = window.views["backprop"]
    explorer.sources["model"].trigger()
    explorer.go(explorer.replay.last)
    network = window.views["network"]
    network.diagram.hovered.emit(("neuron", 1, 0))
    window.templates.action.setChecked(True)
    session.set_model_field("activation", "linear")
    window.views["spaces"].setCurrentWidget(window.views["spaces"].linear)
    check = window.views["gradient_check"]
    window.docks["gradient_check"].raise_()
    check.run()
    qtbot.waitUntil(lambda: not check.running, timeout=20000)
    window.files.recent_menu.aboutToShow.emit()
    window.docks["gradients"].raise_()  # (a view behind a tab redraws when it comes to the front)
    qtbot.waitUntil(lambda: window.views["gradients"].clock.up_to_date)
    session.set_training_field("learning_rate", 1e5)
    session.step(5)
    assert session.stats.diverged and not window.banner.isHidden()


def test_every_word_of_the_window_turns_korean_and_back(qtbot, window, speak):
    show_everything(qtbot, window)
    english = texts(window)
    assert len(english) > 300
    assert sum(bool(english_words(text)) for text in english.values()) > 250

    speak("ko")
    korean = texts(window)
    untranslated = {f"{type(owner).__name__} {kind}: {text!r}" for (owner, kind), text in korean.items()
                    if english_words(text)}
    assert not untranslated, "\n".join(sorted(untranslated))
    assert set(korean) == set(english)  # the same places say something, in other words
    assert all(HANGUL.search(korean[key]) for key, text in english.items() if english_words(text))
    assert window.windowTitle().endswith("[*] — 결정 경계 플레이그라운드") and QLocale().name() == "ko_KR"
    assert HANGUL.search(window.windowTitle().split("[*]")[0])  # the lesson's own title, in Korean

    speak("en")
    assert texts(window) == english


def test_the_language_menu_switches_at_once_and_is_kept(qtbot, window, speak):
    menu = window.findChild(language.LanguageMenu)
    assert menu.title() == "&Language" and menu.choices["en"].isChecked()
    play = window.actions.play
    menu.choices["ko"].trigger()
    assert play.text() == "재생" and menu.title() == "언어(&L)" and menu.choices["ko"].isChecked()
    assert QSettings().value(language.SETTINGS_KEY) == "ko" and language.saved() == "ko"
    assert QApplication.applicationDisplayName() == "결정 경계 플레이그라운드"  # (Qt adds it to titles)
    menu.choices["en"].trigger()
    assert play.text() == "Play" and language.saved() == "en"
    assert QApplication.applicationDisplayName() == "Decision Boundary Playground"


def test_with_nothing_chosen_the_system_language_decides(monkeypatch):
    QSettings().remove(language.SETTINGS_KEY)
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("ko_KR"))
    assert language.saved() == "ko"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("de_DE"))
    assert language.saved() == "en"


def test_dynamic_words_follow_the_language(qtbot, window, speak):
    """Numbers keep their form; the sentences around them and the advice change."""
    session = window.session
    session.set_model_field("kind", "linear")
    session.step(600)  # a linear model on XOR stalls: the status line advises
    charts, status = window.views["charts"], window.status_line
    assert charts.step_label.text() == "Step 600" and status.advice.startswith("A linear classifier")
    speak("ko")
    assert charts.step_label.text() == "스텝 600" and status.advice.startswith("선형 분류기는")
    assert status.text.text() == status.advice
    assert charts.values["train_accuracy"].text().endswith("%")  # 52.5%: the same number, the same sign
    assert window.views["model"].summary.text() == "2-2 선형 분류기, 파라미터 6개"
    assert window.views["model"].widths[0].box.text() == "뉴런 8개"
    session.add_points([[0.1, 0.2]])
    assert window.actions.undo.toolTip() == "실행 취소: 점 추가"


def test_the_dialogs_speak_korean(qtbot, window, speak, monkeypatch, tmp_path):
    shown = []
    def ask(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Cancel

    for kind in ("question", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, ask)
    speak("ko")
    session = window.session
    session.add_points([[0.1, 0.2]])
    window.new_file()  # unsaved changes: cancelled
    window.views["data"].regenerate.click()  # replace the points placed by hand? cancelled
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    monkeypatch.setattr(window, "_may_discard", lambda: True)
    window.open_file(str(bad))  # an error
    saver = Autosaver(session, tmp_path)
    session.add_points([[0.3, 0.4]])
    assert saver.save_now()
    Autosaver(session, tmp_path, parent=window).offer_restore()  # restore the autosave? cancelled
    assert [title for title, _ in shown] == ["저장하지 않은 변경 사항", "찍은 점을 바꿀까요?",
                                             "시나리오를 열 수 없음", "세션 복원"]
    assert all(HANGUL.search(text) for _, text in shown)
    assert "올바른 JSON이 아닙니다" in shown[2][1]
    # Qt's own buttons come from Qt's Korean translation, but for Discard: "throw away", not "ignore"
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "저장"
    assert QCoreApplication.translate("QPlatformTheme", "Discard") == "버리기"


def test_a_missing_translation_is_reported_and_the_window_stays_english(window, speak, monkeypatch,
                                                                        tmp_path, capsys):
    monkeypatch.setattr(language, "asset_path", lambda relative: tmp_path / relative)
    speak("ko")
    assert language.current() == "en" and window.actions.play.text() == "Play"
    assert "no 한국어 translation" in capsys.readouterr().err
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Save"  # no half-Korean dialogs


@pytest.mark.parametrize("argv, lang", [(["--lang", "ko"], "ko"), (["--lang", "en"], "en"), ([], None)])
def test_lang_picks_the_language_for_the_run(monkeypatch, argv, lang):
    opened = []
    monkeypatch.setattr("playground.app.run", lambda scenario, lesson, chosen: opened.append(chosen) or 0)
    assert main(argv) == 0 and opened == [lang]


def test_a_bad_lang_is_one_line_and_exit_2(capsys):
    assert main(["--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--lang" in err and "'ko'" in err


def test_cli_and_window_offer_the_same_languages():
    from playground.cli import build_parser

    lang = next(a for a in build_parser()._actions if a.dest == "lang")
    assert set(lang.choices) == set(language.LANGUAGES)


def test_every_view_keeps_its_numbers_in_korean(qtbot, window, speak):
    """Numbers stay as they are (the decimal point, the % sign), whatever the language."""
    window.session.step(50)
    before = {name: label.text() for name, label in window.views["charts"].values.items()}
    speak("ko")
    after = {name: label.text() for name, label in window.views["charts"].values.items()}
    assert before == after and all(re.fullmatch(r"[\d.,]+%?|—", text) for text in after.values())
    assert np.isfinite(window.session.stats.train_loss)


def test_the_shortcut_list_names_korean_menus_without_their_mnemonics(window, speak):
    speak("ko")
    sections = {section for section, _, _ in help_dialogs.shortcut_rows(window)}
    assert {"파일", "편집", "학습", "보기"} <= sections and not any("(" in section for section in sections)


def test_code_the_app_writes_stays_english(window, speak, tmp_path):
    """An exported PyTorch script is code: its docstring names the model in English in any language."""
    speak("ko")
    script = tmp_path / "model.py"
    assert window.files.export_torch(str(script))
    head = script.read_text().splitlines()[0]
    assert "2-8-8-2 MLP, tanh, 114 parameters" in head and not HANGUL.search(head)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_loss_box_holds_its_name_and_its_widest_value(qtbot, window, speak, lang):
    """In Korean, "L = 3.08e-04" under 소프트맥스 교차 엔트로피 ran past the box's edges."""
    speak(lang)
    diagram = window.views["network"].diagram
    fm, inner = diagram.fontMetrics(), diagram.layout.loss_box[2] - 12  # (the text's margins)
    assert fm.horizontalAdvance(diagram.captions.widest_loss) <= inner
    assert fm.horizontalAdvance(diagram.loss_value) <= inner
    assert two_lines(diagram.captions.loss, fm.horizontalAdvance) <= inner
