#!/usr/bin/env bash
# Cold start to the first frame of the Welcome step actually drawn (painted and handed to the window, see
# org.riddance.ui.FirstFrame), against a bare JavaFX window from the same jar reporting through the same probe.
# Usage: src/bench/startup.sh [PAIRS]   (needs xvfb-run and /usr/bin/time; builds target/riddance.jar if missing)
# Runs PAIRS interleaved rounds of: bare window, Riddance with its CDS archive, Riddance from the plain jar, and the
# bare window given Riddance's archive too. Prints the median and range in milliseconds and the peak RSS of each, and
# the ratio Riddance (CDS) / bare window per round: median and min-max. The yardstick is the bare window as JavaFX
# gives it (the JDK's own class archive only), as when issue 18 was filed; the last row shows what the archive
# alone does for a bare window.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then # run the whole script inside one X server
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
cd "$(dirname "$0")/../.."
pairs=${1:-9}
[ "$pairs" -ge 7 ] || { echo "startup.sh: at least 7 pairs for a ratio worth printing" >&2; exit 2; }
[ -f target/riddance.jsa ] || mvn -B -q package -DskipTests
mkdir -p target/bench
javac -d target/bench -cp target/riddance.jar src/bench/BareWindow.java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # name, command...: appends ms from exec to the "riddance-ready" line to $work/name.ms, peak RSS (kB) to .rss
  local name=$1; shift
  local start end="" line
  rm -f "$work/rss"
  start=$(date +%s%N)
  while IFS= read -r line; do
    if [ "$line" = riddance-ready ]; then end=$(date +%s%N); break; fi
  done < <(/usr/bin/time -o "$work/rss" -f %M "$@" 2>/dev/null)
  [ -n "$end" ] || { echo "startup.sh: $name never reported its first frame" >&2; exit 1; }
  for _ in $(seq 100); do [ -s "$work/rss" ] && break; sleep 0.1; done # written when the JVM has exited
  echo $(( (end - start) / 1000000 )) >> "$work/$name.ms"
  tail -1 "$work/rss" >> "$work/$name.rss"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

summary() { # name, label
  local ms="$work/$1.ms"
  printf '%-26s median %5d ms   min %5d   max %5d   peak RSS median %4d MB   (%d runs)\n' "$2" \
    "$(median < "$ms")" "$(sort -n "$ms" | head -1)" "$(sort -n "$ms" | tail -1)" \
    "$(( $(median < "$work/$1.rss") / 1024 ))" "$(wc -l < "$ms")"
}

bare=(java -cp target/riddance.jar:target/bench BareWindow)
bare_cds=(java -XX:SharedArchiveFile=target/riddance.jsa -cp target/riddance.jar:target/bench BareWindow)
cds=(java -XX:SharedArchiveFile=target/riddance.jsa -Driddance.startupProbe=true -jar target/riddance.jar)
plain=(java -Driddance.startupProbe=true -jar target/riddance.jar)
export RIDDANCE_DATA_DIR="$work/data"
"${bare[@]}" >/dev/null 2>&1 || true # warm the OS file cache
for _ in $(seq "$pairs"); do
  measure bare "${bare[@]}"
  measure cds "${cds[@]}"
  measure plain "${plain[@]}"
  measure bare_cds "${bare_cds[@]}"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
summary bare "bare JavaFX window"
summary cds "Riddance, CDS archive"
summary plain "Riddance, plain jar"
summary bare_cds "bare window, CDS archive"
paste "$work/cds.ms" "$work/bare.ms" | awk '{ printf "%.3f\n", $1 / $2 }' > "$work/ratio"
printf 'Riddance (CDS) / bare window, per pair: median %sx   min %sx   max %sx   (%d pairs; target 1.15x)\n' \
  "$(median < "$work/ratio")" "$(sort -n "$work/ratio" | head -1)" "$(sort -n "$work/ratio" | tail -1)" "$pairs"
