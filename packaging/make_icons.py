"""Render resources/icons/callpad.svg into the icon files the Windows and macOS bundles need.

    python packaging/make_icons.py [--out build/icons]

Writes ``callpad.ico`` (16-256 px, PNG-compressed entries: the format Windows Vista and later
read) and ``callpad.iconset/`` (the PNG sizes macOS's ``iconutil -c icns`` turns into
``callpad.icns``; the macOS CI job runs that step). Qt renders the SVG, offscreen, so this runs
on any OS with the build venv; the ICO container is written here because Qt's ICO writer stores
one size only.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "callpad.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONSET_SIZES = (16, 32, 128, 256, 512)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn into a transparent size x size image, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"could not encode a {size} px PNG: {writer.errorString()}")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG entry per size (ICONDIR, ICONDIRENTRY[], PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--svg", type=Path, default=SVG)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        parser.error(f"cannot read {args.svg}")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "callpad.ico").write_bytes(ico_bytes({s: render_png(renderer, s) for s in ICO_SIZES}))
    iconset = out / "callpad.iconset"
    iconset.mkdir(exist_ok=True)
    for size in ICONSET_SIZES:
        (iconset / f"icon_{size}x{size}.png").write_bytes(render_png(renderer, size))
        (iconset / f"icon_{size}x{size}@2x.png").write_bytes(render_png(renderer, size * 2))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
