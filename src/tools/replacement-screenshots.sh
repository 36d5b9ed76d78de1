#!/usr/bin/env bash
# Saves PNGs of the replacement antivirus step: a Windows sandbox from fixtures and a Linux sandbox with a real,
# private clamd (needs clamav and clamav-daemon for the second; xvfb for a display).
# Usage: src/tools/replacement-screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/screenshots}
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run=(java -cp "target/test-classes:target/classes:$cp" org.riddance.tools.ReplacementTour "$out")
if [ -n "${DISPLAY:-}" ]; then "${run[@]}"; else xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"; fi
