"""What the callpad bundles leave out of PyInstaller's collection (shared by every spec here).

PySide6's hooks collect every Qt plugin, all Qt translations, and the system libraries those
plugins link on the build host (GTK via the gtk3 platform theme, Wayland client libraries, ...).
callpad is a Widgets app: it needs one windowing plugin per OS (plus offscreen for tests), the image
formats its icons use, TLS and input methods. Plugins are kept by an allow-list, so a new Qt plugin
family does not silently grow the bundle. Libraries that nothing kept links any more are then
pruned (Linux).

Spec files import this module by path (``sys.path.insert(0, SPECPATH)``); it has no PyInstaller
import itself: the spec passes PyInstaller's ``get_imports`` in.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

# A TOC entry: (destination name, source path, typecode).
Entry = tuple[str, str, str]
ImportsOf = Callable[[str], Iterable[tuple[str, object]]]

# Plugin families and the plugins kept in each, by file stem without "lib" and extension, so the
# same table serves Linux (.so), Windows (.dll) and macOS (.dylib). A family absent here is
# dropped whole (wayland-*, egldeviceintegrations, generic, networkinformation, sqldrivers,
# qmltooling, ...). None keeps the whole family.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    # xcb is the Linux windowing plugin; on a Wayland session Qt falls back to it through XWayland
    # (no wayland plugin is shipped: it would need the shell-integration plugins and libwayland-*).
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows", "qcocoa"}),
    "xcbglintegrations": None,
    # The portal theme (file dialogs, colour scheme over D-Bus); gtk3 would drag GTK in.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "imageformats": frozenset({"qsvg", "qico", "qgif", "qjpeg", "qicns"}),
    "iconengines": None,
    "tls": None,
    # Native widget styles on Windows (qmodernwindowsstyle) and macOS (qmacstyle).
    "styles": None,
}

# Python modules no bundle needs: Qt modules callpad does not use (their libraries and plugins then
# stay out too), Tk, and the test tools that share the build venv in development.
EXCLUDES = [
    "tkinter",
    "readline",  # GPL libreadline; only interactive prompts use it
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtConcurrent",
    "PySide6.QtPrintSupport",
    "pytest",
    "pytestqt",
    "hypothesis",
    # phonenumbers' geocoder, carrier and time-zone tables (about 40 MB of source): callpad parses
    # and formats numbers only. Using one of these modules needs them back here.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
]

# Qt's own translations: only the languages callpad ships (Russian, English).
KEPT_QT_TRANSLATIONS = re.compile(r"qtbase_(ru|en)\.qm$")

# PySide6 keeps Qt under PySide6/Qt/ on Linux and macOS, directly under PySide6/ on Windows.
_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<family>[^/]+)/(?P<file>[^/]+)$")
_QT_PLUGIN_ROOT = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/")
_QT_TRANSLATIONS = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")
_QT_LIB_DIR = re.compile(r"(?:^|/)PySide6/Qt/lib/[^/]+\.so[.\d]*$")
_LIB_SUFFIX = re.compile(r"\.(?:so(?:\.\d+)*|dll|dylib)$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def _base(path: str) -> str:
    return PurePosixPath(_norm(path)).name


def plugin_stem(file_name: str) -> str:
    """The plugin name without prefix and suffix: ``libqxcb.so`` -> ``qxcb``."""
    stem = _LIB_SUFFIX.sub("", file_name)
    return stem[3:] if stem.startswith("lib") else stem


def keep(entry: Entry) -> bool:
    """Whether a collected binary or data file stays in the bundle."""
    dest = _norm(entry[0])
    if _QT_TRANSLATIONS.search(dest):
        return bool(KEPT_QT_TRANSLATIONS.search(dest))
    match = _PLUGIN.search(dest)
    if match is None:
        # A file directly under plugins/ or deeper than one family level: not a plugin we know.
        return not _QT_PLUGIN_ROOT.search(dest)
    family = match["family"]
    if family not in KEPT_PLUGINS:
        return False
    kept = KEPT_PLUGINS[family]
    return kept is None or plugin_stem(match["file"]) in kept


def _is_prunable(entry: Entry) -> bool:
    """Linux shared libraries found as dependencies: top-level system libs and Qt's own libs.

    Extensions (typecode EXTENSION, e.g. ``_cffi_backend``) and plugins are roots, never pruned;
    an earlier version that pruned extensions broke ``import secretstorage`` in the bundle.
    """
    dest = _norm(entry[0])
    if entry[2] != "BINARY" or _base(dest).startswith(("libpython", "python3")):
        return False
    return "/" not in dest or bool(_QT_LIB_DIR.search(dest))


def prune_orphans(binaries: Sequence[Entry], imports_of: ImportsOf) -> list[Entry]:
    """Drop prunable libraries that no kept root needs, directly or through other libraries."""
    candidates = {_base(e[0]): e for e in binaries if _is_prunable(e)}
    needed: set[str] = set()
    todo = [e[1] for e in binaries if not _is_prunable(e) and e[2] != "SYMLINK"]
    while todo:
        for name, _ in imports_of(todo.pop()):
            base = _base(str(name))
            if base in candidates and base not in needed:
                needed.add(base)
                todo.append(candidates[base][1])
    return [e for e in binaries if not _is_prunable(e) or _base(e[0]) in needed]


def drop_dangling_links(entries: Sequence[Entry], kept_files: Iterable[Entry]) -> list[Entry]:
    """Drop SYMLINK entries (PyInstaller's top-level links to Qt libraries) whose target is gone.

    PyInstaller files those links among the datas; their source is the target's bundle path.
    """
    names = {_norm(e[0]) for e in kept_files if e[2] != "SYMLINK"}

    def target(entry: Entry) -> str:
        dest = PurePosixPath(_norm(entry[0]))
        return posixpath.normpath(str(dest.parent / _norm(entry[1])))

    return [e for e in entries if e[2] != "SYMLINK" or target(e) in names]


def slim(
    binaries: Sequence[Entry], datas: Sequence[Entry], imports_of: ImportsOf | None
) -> tuple[list[Entry], list[Entry]]:
    """The bundle's binaries and datas with unused Qt parts left out.

    With ``imports_of`` (Linux builds, where it was verified end to end) libraries orphaned by the
    dropped plugins are pruned too; Windows and macOS builds keep every library PyInstaller found,
    because Qt loads some of them there without a link-time reference.
    """
    kept_binaries = [e for e in binaries if keep(e)]
    if imports_of is not None:
        kept_binaries = prune_orphans(kept_binaries, imports_of)
    kept_datas = [e for e in datas if keep(e)]
    files = [*kept_binaries, *kept_datas]
    return drop_dangling_links(kept_binaries, files), drop_dangling_links(kept_datas, files)
