#!/usr/bin/env bash
# Build the Linux package: dist/callpad_<version>_<arch>.deb (Debian 12+, Ubuntu 24.04+).
#
#   packaging/linux/build-deb.sh
#
# Steps: build venv (build/venv-pkg: runtime deps from pyproject.toml pinned by requirements.lock,
# plus packaging/requirements-build.txt) -> .qm translations -> PyInstaller one-folder bundle
# (packaging/pyinstaller/callpad.spec) -> bundle checks -> staged tree -> Depends from
# dpkg-shlibdeps -> dpkg-deb. Needs python3 >= 3.11 with a shared libpython, dpkg-dev, and the Qt
# xcb libraries that .ci/setup installs (they are copied into the bundle).
#
# Environment (all optional):
#   PY=python3                   interpreter for the build venv
#   CALLPAD_DEB_VERSION=X        package version (default: pyproject.toml's version)
#   CALLPAD_REUSE_BUNDLE=1       repackage dist/pyinstaller/callpad as it is (no venv, no PyInstaller)
#   DEB_COMPRESS=xz              dpkg-deb compressor: xz (smallest), zstd (fastest), gzip
#   DEB_MAINTAINER="Name <mail>" Maintainer field
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

PY=${PY:-python3}
VENV=build/venv-pkg
APP_ID=io.github.callpad.Callpad
BUNDLE=dist/pyinstaller/callpad
STAGE=build/deb/root
COMPRESS=${DEB_COMPRESS:-xz}
MAINTAINER=${DEB_MAINTAINER:-callpad developers <callpad@users.noreply.github.com>}
ARCH=$(dpkg --print-architecture)

log() { printf '[build-deb %(%H:%M:%S)T] %s\n' -1 "$*"; }
die() { printf 'build-deb: %s\n' "$*" >&2; exit 1; }

for tool in dpkg-deb dpkg-shlibdeps fakeroot; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install dpkg-dev fakeroot"
done

PROJECT_VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
VERSION=${CALLPAD_DEB_VERSION:-$PROJECT_VERSION}
DEB=dist/callpad_${VERSION}_${ARCH}.deb

if [ "${CALLPAD_REUSE_BUNDLE:-0}" != 1 ]; then
  # 1. Build venv: the runtime dependencies exactly as locked, plus the pinned build tools.
  log "build venv $VENV"
  "$PY" -c 'import sys, sysconfig; assert sys.version_info >= (3, 11), sys.version; assert sysconfig.get_config_var("Py_ENABLE_SHARED"), "PyInstaller needs a shared libpython"'
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  mapfile -t DEPS < <("$PY" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))')
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c requirements.lock \
    -r packaging/requirements-build.txt "${DEPS[@]}" 2>&1 | { grep -v 'is ignored' || true; }

  # 2. Translations: .ts (committed) -> .qm (built, bundled).
  rm -rf build/translations && mkdir -p build/translations
  shopt -s nullglob
  for ts in resources/translations/*.ts; do
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "build/translations/$(basename "${ts%.ts}").qm"
  done
  shopt -u nullglob
  log "translations: $(find build/translations -name '*.qm' -printf '%f ')"

  # 3. The one-folder bundle.
  log "PyInstaller"
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist/pyinstaller --workpath build/pyinstaller packaging/pyinstaller/callpad.spec \
    > build/pyinstaller.log 2>&1 || { tail -40 build/pyinstaller.log; die "PyInstaller failed (build/pyinstaller.log)"; }
fi
[ -x "$BUNDLE/callpad" ] || die "no bundle at $BUNDLE"

# 4. Bundle checks: nothing left out that callpad does not use came back, and every library the
#    bundle links resolves (from the bundle, or from the system packages declared below).
log "bundle checks"
unwanted=$(find "$BUNDLE" \( -name 'libqgtk3*' -o -name 'libgtk-3*' -o -name 'libgdk-3*' \
  -o -name 'libqwayland*' -o -name 'libwayland-*' -o -name 'libQt6Wayland*' -o -name 'libqeglfs*' \
  -o -name 'libreadline*' -o -path '*/wayland-*' \) -print)
[ -z "$unwanted" ] || die "bundle holds parts it should leave out: $unwanted"
[ -z "$(find "$BUNDLE" -xtype l -print)" ] || die "dangling links in bundle: $(find "$BUNDLE" -xtype l)"
mapfile -t ELF < <(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -path "$BUNDLE/callpad" \) | sort)
missing=$(for f in "${ELF[@]}"; do LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$f" 2>/dev/null | grep 'not found' || true; done | sort -u)
[ -z "$missing" ] || die "unresolved libraries (install them on the build host, see .ci/setup): $missing"

# 5. Staged tree.
log "staging $STAGE"
rm -rf build/deb && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/callpad"
cp -a "$BUNDLE" "$STAGE/opt/callpad"
ln -s /opt/callpad/callpad "$STAGE/usr/bin/callpad"
install -m 0644 "resources/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "resources/linux/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
ICON=resources/icons/callpad.svg
[ -f "$ICON" ] || die "app icon $ICON is missing"
install -m 0644 "$ICON" "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m 0644 packaging/linux/debian/copyright "$STAGE/usr/share/doc/callpad/copyright"
printf 'callpad (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
  "$VERSION" "$VERSION" "$MAINTAINER" "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n > "$STAGE/usr/share/doc/callpad/changelog.gz"
install -m 0755 packaging/linux/debian/postinst packaging/linux/debian/postrm "$STAGE/DEBIAN/"
chmod -R u+rwX,go+rX,go-w "$STAGE"
find "$STAGE/opt/callpad" -type f -name '*.so*' -exec chmod 0644 {} +
# Python's extension modules keep the build interpreter's lib folder as RUNPATH (a build-host
# path, e.g. a pyenv prefix); libpython is loaded by the bootloader anyway. Keep $ORIGIN entries only.
if command -v patchelf >/dev/null; then
  while IFS= read -r -d '' so; do
    rpath=$(patchelf --print-rpath "$so" 2>/dev/null) || continue
    [ -n "$rpath" ] || continue
    # shellcheck disable=SC2016  # a literal $ORIGIN
    kept=$(tr ':' '\n' <<<"$rpath" | grep '^\$ORIGIN' | paste -sd: - || true)
    if [ -z "$kept" ]; then patchelf --remove-rpath "$so"
    elif [ "$kept" != "$rpath" ]; then patchelf --set-rpath "$kept" "$so"; fi
  done < <(find "$STAGE/opt/callpad" -type f -name '*.so*' -print0)
else
  log "warning: no patchelf: build-host RUNPATHs stay in the extension modules (harmless)"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$STAGE/usr/share/applications/$APP_ID.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --no-color "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml" >/dev/null \
    || appstreamcli validate --no-net "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
fi
grep -q "<release version=\"$PROJECT_VERSION\"" "resources/linux/$APP_ID.metainfo.xml" \
  || log "warning: the metainfo has no <release version=\"$PROJECT_VERSION\">"

# 6. Depends: dpkg-shlibdeps over every ELF file. The staged tree has DEBIAN/, so dpkg-shlibdeps
#    knows it as the package being built: libraries found in it (RPATH $ORIGIN, -l for the
#    top-level _internal/) belong to the package, and only the system libraries remain.
log "dpkg-shlibdeps"
mapfile -t STAGED_ELF < <(find "$STAGE/opt/callpad" -type f \( -name '*.so' -o -name '*.so.*' -o -path "$STAGE/opt/callpad/callpad" \) | sort)
mkdir -p build/deb/shlibs/debian
printf 'Source: callpad\n\nPackage: callpad\nArchitecture: any\n' > build/deb/shlibs/debian/control
SHLIBS=$(cd build/deb/shlibs && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
  -l/opt/callpad/_internal "${STAGED_ELF[@]/#/$ROOT/}" 2>/dev/null)
SHLIBS=${SHLIBS#shlibs:Depends=}
[ -n "$SHLIBS" ] || die "dpkg-shlibdeps found no dependencies"
# Qt's bundled fontconfig reads the system's /etc/fonts and needs at least one font.
DEPENDS="$SHLIBS, fontconfig-config, fonts-dejavu-core | fonts-freefont-ttf | fonts-noto-core"
log "Depends: $DEPENDS"

# 7. Control file and package.
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
control=$(<packaging/linux/debian/control.in)
control=${control//@VERSION@/$VERSION}
control=${control//@ARCH@/$ARCH}
control=${control//@MAINTAINER@/$MAINTAINER}
control=${control//@INSTALLED_SIZE@/$INSTALLED_SIZE}
control=${control//@DEPENDS@/$DEPENDS}
printf '%s\n' "$control" > "$STAGE/DEBIAN/control"
mkdir -p dist
rm -f "$DEB"
log "dpkg-deb -Z$COMPRESS"
dpkg-deb --root-owner-group -Z"$COMPRESS" --build "$STAGE" "$DEB" >/dev/null
log "built $DEB ($(du -h "$DEB" | cut -f1), installed $((INSTALLED_SIZE / 1024)) MiB)"
