#!/usr/bin/env bash
# Regenerates src/main/cds/riddance.classlist: the classes a real start-up to the Welcome step loads, then those
# the command line loads (--version, --help, scan of this PC and of a demo sandbox, verify, a demo unattended run),
# merged in that order without repeats. `mvn package` turns the list into target/riddance.jsa (a CDS archive) with
# `java -Xshare:dump`, which needs no display. Rerun this after changing what the first screen or a command loads,
# or after a JavaFX/JDK upgrade; a stale list only makes start-up slower, never wrong (classes not in the archive
# load from the jar as usual).
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lists=()
dump() { # name, arguments...: one run with its loaded classes listed
  local name=$1; shift
  lists+=("$work/$name.classlist")
  java -XX:DumpLoadedClassList="$work/$name.classlist" -jar target/riddance.jar "$@" >/dev/null 2>&1 || true
}
RIDDANCE_DATA_DIR="$work/wizard" java -XX:DumpLoadedClassList="$work/wizard.classlist" \
  -Driddance.startupProbe=true -jar target/riddance.jar >/dev/null
lists+=("$work/wizard.classlist")
java -jar target/riddance.jar demo create "$work/sandbox" >/dev/null
dump version --version
dump help --help
dump scan-pc --data-dir "$work/data" scan
dump scan-root --data-dir "$work/data" --root "$work/sandbox" scan
mkdir -p "$work/stick"
dump run --data-dir "$work/run" --demo run --unattended --backup-to "$work/stick" --receipt-to "$work/out" \
  --technician "Bench Mark" --site Lab --no-eicar
dump verify --data-dir "$work/data" verify "$(ls "$work"/out/*.receipt.json)" --trust "$(ls "$work"/out/*.pub.pem)"
awk '!seen[$0]++' "${lists[@]}" > src/main/cds/riddance.classlist
echo "wrote src/main/cds/riddance.classlist ($(grep -vc '^#' src/main/cds/riddance.classlist) classes; the wizard's" \
  "$(grep -vc '^#' "$work/wizard.classlist"))"
