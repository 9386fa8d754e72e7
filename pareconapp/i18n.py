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


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``locale`` (default: the system's)."""
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    for name, folder in (
        ("pareconapp", str(translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
