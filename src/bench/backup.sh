#!/usr/bin/env bash
# Back-up figures (issue 18 item 3) on a 1 GB tree shaped like a product's data (BackupBenchmark builds it once
# under target/bench/, never committed), warm page cache for every side:
#  1. in process, interleaved pairs: the write pass against `tar -cf - DIR | sha256sum`, and write + read-back
#     against tar to a file + sync + sha256sum of the file;
#  2. the whole `riddance backup` command (JVM start, scan, plan, write, read-back) of a demo sandbox holding the
#     same tree, against tar to a file + sync + re-read, interleaved pairs, ratio median (min-max) and peak RSS.
# Usage: src/bench/backup.sh [PAIRS]   (default 7; needs target/riddance.jar + .jsa and GNU time for the RSS)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-7}
[ -f target/riddance.jsa ] || mvn -B -o -q package -DskipTests
mvn -B -o -q test-compile
cp=$(mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
root=target/bench/backup-root
out=target/bench/backup-out
bench() { java -cp "target/test-classes:target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  org.riddance.bench.BackupBenchmark "$root" "$out" "$@"; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
bench "$pairs"

riddance=(java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar) # as the README runs it
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sandbox="$work/sandbox"
"${riddance[@]}" demo create "$sandbox" >/dev/null
rm -rf "$sandbox/var/log/kaspersky/kesl"
cp -al "$(pwd)/$root/var/log/kaspersky/kesl" "$sandbox/var/log/kaspersky/kesl" # the same files, no copy
tree="$sandbox/var/log/kaspersky/kesl"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
ours=(); anchors=(); ratios=(); rss=()
for i in $(seq 0 "$pairs"); do # pair 0 warms the page cache and is not counted
  start=$(date +%s%N)
  tar -cf "$work/anchor.tar" -C "$tree" . && sync "$work/anchor.tar" && sha256sum "$work/anchor.tar" >/dev/null
  anchor=$(ms "$start"); rm -f "$work/anchor.tar"
  mkdir -p "$work/stick"
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "${riddance[@]}" --root "$sandbox" --data-dir "$work/data-$i" backup \
    --to "$work/stick" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 2; }
  took=$(ms "$start"); rm -rf "$work/stick" "$work/data-$i"
  if [ "$i" -gt 0 ]; then
    ours+=("$took"); anchors+=("$anchor"); rss+=("$(tail -1 "$work/rss")")
    ratios+=("$(awk -v c="$took" -v a="$anchor" 'BEGIN { printf "%.2f", c / a }')")
  fi
done
median() { sort -g | sed -n "$(( (pairs + 1) / 2 ))p"; }
echo "riddance backup (whole command) $(printf '%s\n' "${ours[@]}" | median) ms vs tar -cf FILE DIR + sync FILE +" \
  "sha256sum FILE $(printf '%s\n' "${anchors[@]}" | median) ms: ratio $(printf '%s\n' "${ratios[@]}" | median)" \
  "($(printf '%s\n' "${ratios[@]}" | sort -g | head -1)-$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1), target 1.2)," \
  "peak RSS $(( $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) / 1024 )) MB"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
