#!/usr/bin/env bash
# Saves a PNG of every wizard step, light and dark, from the real window on an X server.
# Usage: src/tools/screenshots.sh [OUT_DIR]   (needs xvfb: apt-get install -y xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/screenshots}
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run=(java -cp "target/test-classes:target/classes:$cp" org.riddance.tools.ScreenshotTour "$out")
if [ -n "${DISPLAY:-}" ]; then "${run[@]}"; else xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"; fi
