#!/usr/bin/env bash
# Build callpad.app and dist/callpad-<version>-macos-<arch>.dmg. Runs on macOS 14+ only (Xcode
# command line tools: iconutil, codesign, hdiutil); it cannot run on the Linux build machines.
#
#   packaging/macos/build-dmg.sh
#
# Environment (all optional):
#   PY=python3.11                       interpreter for the build venv (shared build, e.g. python.org
#                                       or actions/setup-python); the app is built for its arch
#   CALLPAD_CODESIGN_IDENTITY="Developer ID Application: ..."  sign with this identity (hardened
#                                       runtime); unset: ad-hoc signature (runs on this Mac only
#                                       after Gatekeeper's "Open anyway")
#   CALLPAD_NOTARY_PROFILE=name         notarize the .dmg with `xcrun notarytool` (a keychain
#                                       profile made with `xcrun notarytool store-credentials`)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
[ "$(uname -s)" = Darwin ] || { echo "build-dmg.sh runs on macOS only" >&2; exit 1; }

PY=${PY:-python3}
VENV=build/venv-pkg
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
APP=dist/pyinstaller/callpad.app
DMG=dist/callpad-${VERSION}-macos-${ARCH}.dmg
log() { printf '[build-dmg %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

log "build venv"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
DEPS=()
while IFS= read -r dep; do DEPS+=("$dep"); done < <("$PY" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))')
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c requirements.lock \
  -r packaging/requirements-build.txt "${DEPS[@]}"

log "translations and icons"
rm -rf build/translations build/icons && mkdir -p build/translations
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "build/translations/$(basename "${ts%.ts}").qm"
done
"$VENV/bin/python" packaging/make_icons.py --out build/icons
iconutil -c icns build/icons/callpad.iconset -o build/icons/callpad.icns

log "PyInstaller"
CALLPAD_CODESIGN_IDENTITY=${CALLPAD_CODESIGN_IDENTITY:-} \
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist/pyinstaller --workpath build/pyinstaller packaging/pyinstaller/callpad.spec

if [ -n "${CALLPAD_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CALLPAD_CODESIGN_IDENTITY" "$APP"
fi
codesign --verify --deep --strict "$APP"
/usr/libexec/PlistBuddy -c 'Print :CFBundleURLTypes:0:CFBundleURLSchemes' "$APP/Contents/Info.plist" | grep -q tel

log "smoke run from the bundle"
[ "$("$APP/Contents/MacOS/callpad" --version)" = "callpad $VERSION" ]
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/callpad" --demo --self-test

log "dmg"
STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "callpad $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
if [ -n "${CALLPAD_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$CALLPAD_CODESIGN_IDENTITY" "$DMG"
fi
if [ -n "${CALLPAD_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$CALLPAD_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
log "built $DMG ($(du -h "$DMG" | cut -f1))"
