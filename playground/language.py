"""The interface's language: English (the sources' own words) or Korean, the lecture's.

The translations are Qt's: ``assets/i18n/playground_ko.qm`` for the app's words
(compiled from ``playground_ko.ts`` by ``make translations``) and Qt's own
``qtbase_ko.qm`` (shipped with PySide6) for the buttons of its standard dialogs.
``install(code)`` swaps them at runtime: Qt then sends every widget a
``QEvent.LanguageChange`` and each one says its texts again; the words of
``playground.messages`` are looked up through Qt from then on. The default
``QLocale`` follows (ko_KR or en_US): times, dates and a lesson's texts go by it.

The choice made in View → Language is kept in QSettings (``language``);
``python -m playground --lang ko|en`` overrides it for one run. With nothing
chosen yet, the system's language decides: Korean on a Korean system, else English.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from playground import messages
from playground.resources import asset_path

LANGUAGES = {"en": "English", "ko": "한국어"}  # each in its own words: found by whoever cannot read the other
LOCALES = {"en": "en_US", "ko": "ko_KR"}
SETTINGS_KEY = "language"
APP_CATALOG = "playground"  # assets/i18n/playground_<code>.qm
QT_CATALOG = "qtbase"       # Qt's own, in PySide6's translations folder

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
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        for catalog, folder in ((APP_CATALOG, str(asset_path("i18n"))),
                                (QT_CATALOG, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            translator = QTranslator(app)
            if translator.load(f"{catalog}_{code}", folder):
                app.installTranslator(translator)
                _installed.append(translator)
            elif catalog == APP_CATALOG:
                print(f"playground: no {LANGUAGES[code]} translation in {folder}; the interface stays in "
                      "English", file=sys.stderr)
                code = "en"
                break
    messages.set_translator(QCoreApplication.translate)  # the engine's words too
    QLocale.setDefault(QLocale(LOCALES[code]))
    _current = code
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # now, not at the next event loop


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
