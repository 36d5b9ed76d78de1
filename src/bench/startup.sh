#!/usr/bin/env bash
# Cold start to the first drawn frame of the Welcome step, against a bare JavaFX window from the same jar.
# Usage: src/bench/startup.sh [RUNS]   (needs xvfb-run; builds target/riddance.jar if it is missing)
# Prints the median and the range in milliseconds: bare window, Riddance plain, Riddance with its CDS archive.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then # run the whole script inside one X server
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
cd "$(dirname "$0")/../.."
runs=${1:-9}
[ -f target/riddance.jsa ] || mvn -B -q package -DskipTests
mkdir -p target/bench
javac -d target/bench -cp target/riddance.jar src/bench/BareWindow.java
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() { # prints ms from exec to the "riddance-ready" line
  local start end line
  start=$(date +%s%N)
  while IFS= read -r line; do
    if [ "$line" = riddance-ready ]; then end=$(date +%s%N); break; fi
  done < <("$@" 2>/dev/null)
  echo $(( (end - start) / 1000000 ))
}

summary() { # name, values...
  local name=$1; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  local n=$#
  local median; median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  printf '%-22s median %5d ms   min %5d   max %5d   (%d runs)\n' "$name" "$median" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$n"
}

bench() {
  local bare=() app=() cds=()
  measure java -cp target/riddance.jar:target/bench BareWindow >/dev/null   # warm the OS file cache
  for _ in $(seq "$runs"); do
    bare+=("$(measure java -cp target/riddance.jar:target/bench BareWindow)")
    app+=("$(RIDDANCE_DATA_DIR="$data" measure java -Driddance.startupProbe=true -jar target/riddance.jar)")
    cds+=("$(RIDDANCE_DATA_DIR="$data" measure java -XX:SharedArchiveFile=target/riddance.jsa \
      -Driddance.startupProbe=true -jar target/riddance.jar)")
  done
  summary "bare JavaFX window" "${bare[@]}"
  summary "Riddance, plain jar" "${app[@]}"
  summary "Riddance, CDS archive" "${cds[@]}"
}

bench
