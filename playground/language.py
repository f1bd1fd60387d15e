"""The interface's language: English (the sources' own words) or Korean, the lecture's.

The translations are Qt's: ``assets/i18n/playground_ko.qm`` for the app's words
(compiled from ``playground_ko.ts`` by ``make translations``) and Qt's own
``qtbase_ko.qm`` (shipped with PySide6) for the buttons of its standard dialogs.
``install(code)`` swaps them at runtime: Qt then sends every widget a
``QEvent.LanguageChange`` and each one says its texts again; the words of
``playground.messages`` are looked up through Qt from then on. The default
``QLocale`` follows (ko_KR or en_US): times, dates and a lesson's texts go by it;
so does the application's display name (which Qt adds to window titles).

The choice made in View → Language is kept in QSettings (``language``);
``python -m playground --lang ko|en`` overrides it for one run. With nothing
chosen yet, the system's language decides: Korean on a Korean system, else English.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup, QFontInfo
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from playground import messages
from playground.messages import QT_TRANSLATE_NOOP
from playground.resources import asset_path

LANGUAGES = {"en": "English", "ko": "한국어"}  # each in its own words: found by whoever cannot read the other
LOCALES = {"en": "en_US", "ko": "ko_KR"}
SETTINGS_KEY = "language"
APP_CATALOG = "playground"  # assets/i18n/playground_<code>.qm
QT_CATALOG = "qtbase"       # Qt's own, in PySide6's translations folder
# Qt's own words the app's catalog says better (it is installed last, so it is asked first): Qt's
# Korean calls Discard 무시 ("ignore"); both questions that offer it mean 버리기 ("throw away").
QT_WORDS = (QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),)
# The app's name for people (the window's title says it; Qt adds it to titles that do not end with it).
DISPLAY_NAME = QT_TRANSLATE_NOOP("MainWindow", "Decision Boundary Playground")

_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The code of the language the interface speaks now: "en" or "ko"."""
    return _current


def saved() -> str:
    """The language chosen in View → Language, else the system's (if the app speaks it), else English."""
    value = QSettings().value(SETTINGS_KEY)
    if value in LANGUAGES:
        return value
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def save(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


def install(code: str) -> None:
    """Speak ``code`` ("en" or "ko") from now on: every open widget is re-translated before this returns.

    A missing translation file (a broken installation) is reported on stderr; the
    interface then stays in English.
    """
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose from {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    _name_the_font()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en" and not _load(code):
        print(f"playground: no {LANGUAGES[code]} translation in {asset_path('i18n')}; the interface stays "
              "in English", file=sys.stderr)
        code = "en"
    messages.set_translator(QCoreApplication.translate)  # the engine's words too
    QApplication.setApplicationDisplayName(QCoreApplication.translate("MainWindow", DISPLAY_NAME))
    QLocale.setDefault(QLocale(LOCALES[code]))
    _current = code
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # now, not at the next event loop


def _load(code: str) -> bool:
    """Install Qt's catalog and the app's for ``code`` (the app's last: it is asked first);
    False, with neither installed, if the app's is missing."""
    app = QCoreApplication.instance()
    qt, ours = QTranslator(app), QTranslator(app)
    if not ours.load(f"{APP_CATALOG}_{code}", str(asset_path("i18n"))):
        return False
    if qt.load(f"{QT_CATALOG}_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    return True


def _name_the_font() -> None:
    """Name the interface font's family outright ("Sans Serif" -> "DejaVu Sans"). Otherwise the
    digits and symbols between Korean words (∂, ³ in 10⁻³, ×) are drawn with the Korean font,
    whose glyphs for them are poor; Korean letters still come from the system's Korean font."""
    font = QApplication.font()
    family = QFontInfo(font).family()
    if font.families() != [family]:
        font.setFamilies([family])
        QApplication.setFont(font)


class LanguageMenu(QMenu):
    """View → Language: English, 한국어. A choice switches the interface at once and is kept."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        group = QActionGroup(self)
        self.choices = {}
        for code, name in LANGUAGES.items():
            action = self.choices[code] = self.addAction(name)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, code=code: self.choose(code))
            group.addAction(action)
        self.retranslate()

    def choose(self, code: str) -> None:
        save(code)
        if code != current():
            install(code)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.choices[current()].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
