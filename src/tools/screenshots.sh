#!/usr/bin/env bash
# Walks the real wizard through the whole demo, light and dark, at 1366x768 and at the 900x600 minimum, and saves a
# PNG of every step and of the Verify screen. Exits non-zero when a screen cannot be reached, when two screens are
# identical, or when a label is cut short with "...".
# Usage: src/tools/screenshots.sh [OUT_DIR]    (also run by ScreenshotTourIT in mvn verify)
# Needs: xvfb and libgtk-3-0 (and openbox, for a real window manager, as technicians have one) when there is no
# DISPLAY; dpkg-deb and dpkg for the demo sandbox.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/screenshots}
mkdir -p "$out"
rm -f "$out"/*.png
# ScreenshotTourIT (mvn verify) hands over its own test class path; run by hand, Maven makes one
if [ -n "${RIDDANCE_TOUR_CLASSPATH:-}" ]; then
  cp=$RIDDANCE_TOUR_CLASSPATH
else
  mvn -B -q test-compile
  cp="target/test-classes:target/classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
fi
run=(java -cp "$cp" org.riddance.tools.ScreenshotTour "$out")

. src/tools/virtual-display.sh # the cd above put us at the project root
trap stop_virtual_display EXIT
start_virtual_display screenshots.sh
"${run[@]}"
count=$(ls "$out"/*.png | wc -l)
echo "screenshots.sh: $count screens in $out"
