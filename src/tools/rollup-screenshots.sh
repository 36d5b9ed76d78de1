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

. src/tools/virtual-display.sh # the cd above put us at the project root
trap stop_virtual_display EXIT
start_virtual_display rollup-screenshots.sh
"${run[@]}"
