#!/usr/bin/env bash
# Proves the .deb declares everything the wizard needs: installs it with apt into a minimal Debian made by debootstrap
# (nothing but what the package pulls in), starts the wizard there on a virtual display and saves a PNG of its first
# frame. Prints the time each part took, the .deb's size, and what the package lacked when the wizard does not start.
# Usage (as root; needs network for the Debian mirror and a few minutes):
#   src/tools/debootstrap-install.sh [DEB] [OUT_DIR]
# DEB defaults to target/installer/riddance_*_amd64.deb (mvn -B -Pinstaller package -DskipTests);
# OUT_DIR (default target/debootstrap) gets first-frame.png, the wizard's output and the apt log.
# A minimal Debian is cached in $RIDDANCE_DEBOOTSTRAP_CACHE (default /var/tmp/riddance-bookworm-minbase) and copied
# for each run, so the install always starts from a clean root. Needs: debootstrap, Xvfb, xdotool, ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=${1:-$(ls target/installer/riddance_*_amd64.deb 2>/dev/null | head -n 1)}
out=${2:-target/debootstrap}
suite=${RIDDANCE_DEBOOTSTRAP_SUITE:-bookworm}
mirror=${RIDDANCE_DEBOOTSTRAP_MIRROR:-http://deb.debian.org/debian}
cache=${RIDDANCE_DEBOOTSTRAP_CACHE:-/var/tmp/riddance-$suite-minbase}

[ "$(id -u)" -eq 0 ] || { echo "debootstrap-install.sh: needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
[ -n "$deb" ] && [ -f "$deb" ] || { echo "debootstrap-install.sh: no .deb; build it with mvn -B -Pinstaller package -DskipTests" >&2; exit 2; }
for tool in debootstrap Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "debootstrap-install.sh: $tool is missing" >&2; exit 2; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

start=$(seconds)
if [ ! -x "$cache/bin/sh" ]; then
  echo "debootstrap: a minimal $suite into $cache (once)"
  debootstrap --variant=minbase "$suite" "$cache.partial" "$mirror" >"$out/debootstrap.log" 2>&1 \
    || { echo "debootstrap failed; see $out/debootstrap.log" >&2; exit 2; }
  mv "$cache.partial" "$cache"
fi
echo "minimal root ready: $(elapsed "$start")"

root=$(mktemp -d /var/tmp/riddance-chroot.XXXXXX)
pids=()
mounts=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
cp -a "$cache/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
for dir in proc sys dev dev/pts tmp/.X11-unix; do
  mkdir -p "/$dir" "$root/$dir"
  mount --bind "/$dir" "$root/$dir"
  mounts+=("$root/$dir")
done

start=$(seconds)
cp "$deb" "$root/tmp/riddance.deb"
echo "apt: installing $(basename "$deb") ($(du -m "$deb" | cut -f1) MB) and only what it declares"
if ! chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get update -qq && apt-get install -y -q --no-install-recommends /tmp/riddance.deb' >"$out/apt.log" 2>&1; then
  echo "apt could not install the package; see $out/apt.log" >&2
  tail -n 20 "$out/apt.log" >&2
  exit 1
fi
echo "installed: $(elapsed "$start") ($(grep -c '^Setting up' "$out/apt.log") packages set up)"

n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=("$!")
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done

start=$(seconds)
# the wizard on a demo sandbox inside the chroot: it must draw its first frame with only the packaged dependencies
chroot "$root" /usr/bin/env -i DISPLAY=":$n" HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  /opt/riddance/bin/Riddance --demo >"$out/wizard.log" 2>&1 &
pids+=("$!")
wizard=$!
window=""
for _ in $(seq 600); do
  window=$(DISPLAY=":$n" xdotool search --onlyvisible --name '^Riddance' 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  kill -0 "$wizard" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$window" ]; then
  echo "the wizard showed no window within 60 s; its output ($out/wizard.log):" >&2
  tail -n 30 "$out/wizard.log" >&2
  grep -ho 'lib[A-Za-z0-9_+.-]*\.so[.0-9]*' "$out/wizard.log" | sort -u | sed 's/^/  missing library: /' >&2 || true
  exit 1
fi
echo "first window: $(elapsed "$start") after start"
sleep 3 # the first frame, drawn
DISPLAY=":$n" import -window root "$out/first-frame.png"
echo "screenshot: $out/first-frame.png"
