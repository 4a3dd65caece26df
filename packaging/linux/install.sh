#!/bin/sh
# Install the Linux build for every user of this machine (as root, from the repository root, after
# `python -m PyInstaller build.spec`):   sudo sh packaging/linux/install.sh [dist/mscdose]
# Puts the program in /opt/mscdose, `mscdose` on the PATH, and a start-menu entry with its icon, then runs
# the selftest. DESTDIR=/some/dir stages the same layout under that folder instead (for packagers).
# Uninstall: rm -rf /opt/mscdose /usr/local/bin/mscdose /usr/share/applications/mscdose.desktop \
#            /usr/share/icons/hicolor/256x256/apps/mscdose.png
set -eu
here=$(dirname "$0")
build=${1:-dist/mscdose}
root=${DESTDIR:-}
[ -x "$build/mscdose" ] || { echo "no build at $build: run python -m PyInstaller build.spec first" >&2; exit 1; }
rm -rf "$root/opt/mscdose"
mkdir -p "$root/opt" "$root/usr/local/bin"
cp -a "$build" "$root/opt/mscdose"
ln -sf /opt/mscdose/mscdose "$root/usr/local/bin/mscdose"
install -D -m 644 "$here/mscdose.desktop" "$root/usr/share/applications/mscdose.desktop"
install -D -m 644 "$here/../icons/mscdose.png" "$root/usr/share/icons/hicolor/256x256/apps/mscdose.png"
if [ -z "$root" ] && command -v update-desktop-database >/dev/null; then
    update-desktop-database -q /usr/share/applications || true
fi
"$root/opt/mscdose/mscdose" selftest >/dev/null && echo "selftest passed"
echo "mscdose installed in $root/opt/mscdose"
