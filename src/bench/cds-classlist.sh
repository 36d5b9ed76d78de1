#!/usr/bin/env bash
# Regenerates src/main/cds/riddance.classlist: the classes a real start-up to the Welcome step loads.
# `mvn package` turns the list into target/riddance.jsa (a CDS archive) with `java -Xshare:dump`, which needs
# no display. Rerun this after changing what the first screen shows, or after a JavaFX/JDK upgrade; a stale
# list only makes start-up slower, never wrong (classes not in the archive load from the jar as usual).
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
RIDDANCE_DATA_DIR="$data" java -XX:DumpLoadedClassList=src/main/cds/riddance.classlist \
  -Driddance.startupProbe=true -jar target/riddance.jar >/dev/null
echo "wrote src/main/cds/riddance.classlist ($(wc -l < src/main/cds/riddance.classlist) classes)"
