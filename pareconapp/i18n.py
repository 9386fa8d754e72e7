"""Translation for the UI and the CLI (the layers allowed to use Qt).

Every user-visible string goes through :func:`translate` (Qt's ``QCoreApplication.translate``,
which ``pyside6-lupdate`` extracts) or, inside widgets, ``self.tr``. Messages raised by the
lower layers arrive as :class:`~pareconapp.core.i18n.UserMessage` and are rendered with
:func:`render`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pareconapp.core.i18n import UserMessage
from pareconapp.paths import translations_dir

translate = QCoreApplication.translate


def render(message: UserMessage) -> str:
    """Translate a lower layer's message and fill in its values."""
    params = {
        key: render(value) if isinstance(value, UserMessage) else value
        for key, value in message.params.items()
    }
    source = message.source
    count = -1 if message.count is None else message.count
    return UserMessage(source, params, message.count).render(
        QCoreApplication.translate(source.context, source.text, None, count)
    )


def use_readable_locale() -> None:
    """Under the bare "C" locale (containers, minimal systems) format as British English.

    Qt's C locale writes dates as "5 12 2026"; British English writes "05/12/2026 17:30" and
    "Saturday, 5 December 2026", which a facilitator can read out. Any real locale is kept.
    """
    if QLocale().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale("en_GB"))


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``locale`` (default: the system's).

    Without a translation for the locale the English one is loaded: it holds only the plural
    forms ("1 member", "2 members") of the source texts' "%n member(s)".
    """
    if locale is None:
        use_readable_locale()
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    folder = str(translations_dir())
    app_translator = QTranslator(app)
    if app_translator.load(locale, "pareconapp", "_", folder) or app_translator.load(
        "pareconapp_en", folder
    ):
        app.installTranslator(app_translator)
        installed.append(app_translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed
