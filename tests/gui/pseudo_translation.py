"""A translator that wraps every translated string in «», to prove strings go through Qt's tr."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QTranslator


class PseudoTranslator(QTranslator):
    """Marks every string that goes through Qt's translation."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source_text}»" if source_text else source_text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


@contextlib.contextmanager
def pseudo_translated() -> Iterator[None]:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
