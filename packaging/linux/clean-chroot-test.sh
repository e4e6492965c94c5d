#!/usr/bin/env bash
# The .deb on a clean machine: a minimal Debian chroot (mmdebstrap --variant=minbase, nothing but
# apt and essentials) installs dist/callpad_<version>_<arch>.deb with apt-get, which must pull every
# library the bundle needs from the Depends alone, runs `callpad --version` and
# `callpad --demo --self-test` offscreen, and under Xvfb as xcb, then purges the package and
# checks nothing is left. Needs root, mmdebstrap and network access to the Debian archive;
# takes about a minute. Not part of .ci/run (smoke-test.sh is); run it before a release.
#
#   packaging/linux/clean-chroot-test.sh [suite]      # suite: bookworm (default), trixie
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SUITE=${1:-bookworm}
ARCH=$(dpkg --print-architecture)
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DEB=dist/callpad_${VERSION}_${ARCH}.deb
[ -f "$DEB" ] || { echo "no $DEB: run packaging/linux/build-deb.sh first" >&2; exit 1; }
command -v mmdebstrap >/dev/null || { echo "apt-get install mmdebstrap" >&2; exit 1; }

# Runs inside the chroot (mmdebstrap mounts /proc, /sys and /dev for its hooks), with a clean
# environment: the host's variables (SSL_CERT_FILE and the like) name files the chroot lacks.
# shellcheck disable=SC2016  # expanded inside the chroot, not here
INNER='set -eu
export DEBIAN_FRONTEND=noninteractive HOME=/root
apt-get install -y -q --no-install-recommends /tmp/callpad.deb >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 1; }
echo "packages after install: $(dpkg-query -W | wc -l)"
test "$(callpad --version)" = "callpad '"$VERSION"'"
QT_QPA_PLATFORM=offscreen timeout 120 callpad --demo --self-test
apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null 2>&1
QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a callpad --demo --self-test
dpkg -P callpad
test ! -e /opt/callpad && test ! -e /usr/bin/callpad
echo "CLEAN CHROOT TEST PASSED"'

mmdebstrap --variant=minbase --quiet "$SUITE" /dev/null \
  --customize-hook="copy-in $DEB /tmp" \
  --customize-hook="chroot \"\$1\" mv /tmp/$(basename "$DEB") /tmp/callpad.deb" \
  --customize-hook="chroot \"\$1\" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 sh -c '$INNER'"
