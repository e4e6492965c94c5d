"""SVG action icons tinted to the palette, rendered at the device pixel ratio (sharp on HiDPI)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from callpad.ui.resources import resource_dir


@cache
def _svg_source(name: str) -> str:
    folder = resource_dir("icons")
    if folder is None:
        return ""
    path = folder / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


class TintedSvgEngine(QIconEngine):
    """Renders one SVG with `currentColor` replaced by a colour per icon mode."""

    def __init__(self, svg: str, color: QColor, disabled: QColor) -> None:
        super().__init__()
        self._svg = svg
        self._color = QColor(color)
        self._disabled = QColor(disabled)

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = self._disabled if mode == QIcon.Mode.Disabled else self._color
        data = self._svg.replace("currentColor", color.name())
        return QSvgRenderer(QByteArray(data.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(  # noqa: N802 - Qt override
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._renderer(mode).render(painter, QRect(QPoint(0, 0), image.size()))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._svg, self._color, self._disabled)


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon `name` (a file in resources/icons), tinted with `color` or the palette's text."""
    svg = _svg_source(name)
    if not svg:
        return QIcon()
    palette = QApplication.palette()
    tint = color if color is not None else palette.color(QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    return QIcon(TintedSvgEngine(svg, tint, disabled))


def app_icon() -> QIcon:
    """The application icon (full colour, no tint)."""
    folder = resource_dir("icons")
    if folder is None:
        return QIcon()
    return QIcon(str(folder / "callpad.svg"))
