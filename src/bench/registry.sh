#!/usr/bin/env bash
# Registry reader figures (issue 18 item 2): the .reg parser in process (MB/s), the whole
# `scan --registry-export` command against `iconv -f utf-16le -t utf-8 F | wc -l` on the same 50 MB export,
# interleaved, RUNS pairs (median and min-max of the ratio, peak RSS of each), a 40,000-line string, and a walk of
# every key and value of a hive written by hivex from the same keys against `cat HIVE > /dev/null`.
# Usage: src/bench/registry.sh [RUNS] [MB]     (needs target/riddance.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
mb=${2:-50}
[ -f target/riddance.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
bench() { java -cp target/classes -Dlogback.configurationFile=src/test/resources/logback-test.xml src/bench/RegistryBench.java "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minmax() { sort -g | awk 'NR==1{min=$1} {max=$1} END {printf "%s-%s", min, max}'; }

load() { cut -d' ' -f1-3 /proc/loadavg; } # the 2 cores are often shared: figures mean little without it
echo "load average at the start: $(load)"
export_file="$work/pc-$mb.reg"
bench generate "$export_file" "$mb"
echo "export: $export_file, $(stat -c %s "$export_file") bytes"
bench parse "$export_file" "$runs"

ratios=(); ours=(); anchors=(); rss=(); anchor_rss=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/t" java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar \
    --data-dir "$work/data" scan --registry-export "$export_file" >/dev/null 2>"$work/err" || [ $? -le 2 ]
  read -r ours_s ours_kb < <(tail -1 "$work/t") # time writes a status line first when the exit is not 0
  /usr/bin/time -f "%e %M" -o "$work/t" sh -c 'iconv -f utf-16le -t utf-8 "$1" | wc -l >/dev/null' sh "$export_file"
  read -r anchor_s anchor_kb < <(tail -1 "$work/t")
  anchor_s=$(awk -v a="$anchor_s" 'BEGIN {print (a < 0.01 ? 0.01 : a)}') # /usr/bin/time counts in 10 ms steps
  ours+=("$ours_s"); anchors+=("$anchor_s"); rss+=("$ours_kb"); anchor_rss+=("$anchor_kb")
  ratios+=("$(awk -v o="$ours_s" -v a="$anchor_s" 'BEGIN {printf "%.1f", o / a}')")
done
echo "scan --registry-export ($runs runs): median $(printf '%s\n' "${ours[@]}" | median) s," \
  "peak RSS median $(( $(printf '%s\n' "${rss[@]}" | median) / 1024 )) MB"
echo "iconv | wc -l anchor: median $(printf '%s\n' "${anchors[@]}" | median) s," \
  "peak RSS median $(( $(printf '%s\n' "${anchor_rss[@]}" | median) / 1024 )) MB"
echo "ratio scan/anchor: median $(printf '%s\n' "${ratios[@]}" | median)x, min-max $(printf '%s\n' "${ratios[@]}" | minmax)x"
/usr/bin/time -f "%M" -o "$work/t" java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar --version >/dev/null
echo "the JVM's own peak RSS (riddance --version): $(( $(cat "$work/t") / 1024 )) MB"

multi="$work/multiline.reg"
bench multiline "$multi" 40000
bench parse "$multi" "$runs"

if command -v hivexregedit >/dev/null && [ -f ../shared/corpus/hives/minimal ]; then
  hive_mb=1 # hivexregedit (Perl) merges about 50 KB/s here: 1 MB of .reg gives a 13 MB hive
  bench generate-reg "$work/software.reg" "$hive_mb"
  cp ../shared/corpus/hives/minimal "$work/SOFTWARE"; chmod u+w "$work/SOFTWARE"
  hivexregedit --merge "$work/SOFTWARE" "$work/software.reg"
  bench hive "$work/SOFTWARE" "$runs"
  cats=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); cat "$work/SOFTWARE" >/dev/null; cats+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  echo "cat SOFTWARE > /dev/null: median $(printf '%s\n' "${cats[@]}" | median) us"
else
  echo "hive walk skipped: needs hivexregedit (Debian libwin-hivex-perl) and ../shared/corpus/hives/minimal"
fi
echo "load average at the end: $(load)"
echo "real-size offline scans (a 300 MB SOFTWARE hive, a 50 MB export) against cat: src/bench/offline-scan.sh"
