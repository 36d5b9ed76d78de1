#!/usr/bin/env bash
# Saves PNGs of the office roll-up window over a stick of real receipts, light and dark, at 1366x768 and 900x600, under
# a real window manager. Exits non-zero when a label is cut short.
# Usage: src/tools/rollup-screenshots.sh [OUT_DIR]
# Needs: xvfb, openbox and libgtk-3-0 when there is no DISPLAY; dpkg-deb and dpkg for the demo sandbox.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/screenshots}
mkdir -p "$out"
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run=(java -cp "target/test-classes:target/classes:$cp" org.riddance.tools.RollupTour "$out")

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "rollup-screenshots.sh: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 2; }
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=("$!")
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  if command -v openbox >/dev/null; then
    openbox >/dev/null 2>&1 &
    pids+=("$!")
    sleep 1
  fi
fi
"${run[@]}"
