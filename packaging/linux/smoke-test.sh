#!/usr/bin/env bash
# Smoke test of the Linux package, as root on a Debian 12 / Ubuntu 24.04 machine set up by .ci/setup:
#
#   packaging/linux/smoke-test.sh
#
# Builds the .deb (packaging/linux/build-deb.sh), installs it with apt-get (which pulls its
# Depends), runs `callpad --version` and `callpad --demo --self-test` offscreen (and under Xvfb as
# xcb when xvfb-run is there) from the installed files, reinstalls the same version with dpkg -i,
# upgrades to a bumped version, then removes (dpkg -r) and purges (dpkg -P) it and checks that
# nothing is left. The package is built with DEB_COMPRESS=zstd unless set (xz costs minutes here;
# the payload is the same). SMOKE_REUSE_DEB=1 tests the dist/ package already built.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

APP_ID=io.github.callpad.Callpad
ARCH=$(dpkg --print-architecture)
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DEB=dist/callpad_${VERSION}_${ARCH}.deb
BUMPED=${VERSION}+smoke1
T0=$SECONDS

log() { printf '[smoke %(%H:%M:%S)T +%ss] %s\n' -1 "$((SECONDS - T0))" "$*"; }
fail() { printf 'smoke-test FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (installs a package)"
if dpkg-query -W -f='${Status}' callpad 2>/dev/null | grep -q 'installed'; then
  fail "callpad is already installed here; remove it first (dpkg -P callpad)"
fi
WORK=$(mktemp -d)
cleanup() {
  if dpkg-query -W -f='${Status}' callpad 2>/dev/null | grep -q 'installed\|config-files'; then
    dpkg -P callpad >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The resource files on their own (the build validates the staged copies as well).
desktop-file-validate "resources/linux/$APP_ID.desktop"
appstreamcli validate --no-net "resources/linux/$APP_ID.metainfo.xml" >/dev/null
grep -q '^MimeType=.*x-scheme-handler/tel;' "resources/linux/$APP_ID.desktop" || fail "no tel: handler"
grep -q '^MimeType=.*x-scheme-handler/callto;' "resources/linux/$APP_ID.desktop" || fail "no callto: handler"

if [ "${SMOKE_REUSE_DEB:-0}" != 1 ]; then
  log "build"
  DEB_COMPRESS=${DEB_COMPRESS:-zstd} packaging/linux/build-deb.sh
fi
[ -f "$DEB" ] || fail "no package at $DEB"
log "package $(du -h "$DEB" | cut -f1): $DEB"

# Each run gets a fresh HOME, so settings and keyring lookups start from nothing and leave nothing.
run_app() {
  local home
  home=$(mktemp -d "$WORK/home.XXXX")
  env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" "$@"
}

check_installed() {
  local want=$1
  [ "$(dpkg-query -W -f='${Version}' callpad)" = "$want" ] || fail "installed version is not $want"
  [ "$(readlink /usr/bin/callpad)" = /opt/callpad/callpad ] || fail "/usr/bin/callpad link"
  for f in "/usr/share/applications/$APP_ID.desktop" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
    "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" /opt/callpad/callpad; do
    [ -e "$f" ] || fail "missing $f"
  done
  desktop-file-validate "/usr/share/applications/$APP_ID.desktop"
  # callpad's own data in the bundle: the API table, the icons, one .qm per committed .ts.
  local data=/opt/callpad/_internal/callpad
  for f in "$data/sim/spec/methods.json" "$data/ui/resources/icons/callpad.svg" \
    $(find resources/translations -name '*.ts' -printf "$data/ui/resources/translations/%f\n" | sed 's/\.ts$/.qm/'); do
    [ -f "$f" ] || fail "bundle lacks $f"
  done
  if [ -f /usr/share/applications/mimeinfo.cache ]; then
    grep -q "^x-scheme-handler/tel=.*$APP_ID.desktop" /usr/share/applications/mimeinfo.cache \
      || fail "tel: handler not in the desktop database"
  fi
  local out
  out=$(cd / && run_app timeout 60 callpad --version)
  [ "$out" = "callpad $VERSION" ] || fail "callpad --version printed '$out'"
  log "callpad --version: $out"
  (cd / && run_app QT_QPA_PLATFORM=offscreen timeout 120 callpad --demo --self-test) \
    || fail "offscreen self-test failed (rc $?)"
  log "offscreen --demo --self-test: ok"
  if command -v xvfb-run >/dev/null; then
    (cd / && run_app QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' \
      callpad --demo --self-test) || fail "xcb (Xvfb) self-test failed (rc $?)"
    log "xcb under Xvfb --demo --self-test: ok"
  fi
}

check_gone() {
  [ ! -e /opt/callpad ] || fail "/opt/callpad is left: $(find /opt/callpad | head)"
  if [ -e /usr/bin/callpad ] || [ -L /usr/bin/callpad ]; then fail "/usr/bin/callpad is left"; fi
  for f in "/usr/share/applications/$APP_ID.desktop" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
    "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" /usr/share/doc/callpad; do
    [ ! -e "$f" ] || fail "$f is left"
  done
  if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q "$APP_ID" /usr/share/applications/mimeinfo.cache; then
    fail "the desktop database still names $APP_ID"
  fi
}

log "install (apt-get install ./deb, pulls Depends)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$ROOT/$DEB" >"$WORK/apt.log" 2>&1 \
  || { cat "$WORK/apt.log"; fail "apt-get install"; }
check_installed "$VERSION"

log "reinstall the same version (dpkg -i)"
dpkg -i "$DEB" >/dev/null
check_installed "$VERSION"

log "upgrade to $BUMPED (dpkg -i)"
CALLPAD_REUSE_BUNDLE=1 CALLPAD_DEB_VERSION="$BUMPED" DEB_COMPRESS=zstd \
  packaging/linux/build-deb.sh >"$WORK/bumped.log" 2>&1 || { cat "$WORK/bumped.log"; fail "bumped build"; }
BUMPED_DEB=dist/callpad_${BUMPED}_${ARCH}.deb
dpkg -i "$BUMPED_DEB" >/dev/null
rm -f "$BUMPED_DEB"
check_installed "$BUMPED"

log "remove (dpkg -r)"
dpkg -r callpad >/dev/null
check_gone
log "purge (dpkg -P)"
dpkg -P callpad >/dev/null
check_gone
! dpkg-query -W -f='${Status}' callpad 2>/dev/null | grep -q 'installed\|config-files' \
  || fail "dpkg still knows callpad"

log "install then purge directly"
dpkg -i "$DEB" >/dev/null
dpkg -P callpad >/dev/null
check_gone

log "smoke test passed in $((SECONDS - T0)) s"
