#!/usr/bin/env bash
# Offline scans at real size (issue 13 item 4): `riddance scan --registry-export` of a 50 MB export and
# `riddance scan --root` of a Windows disk whose SOFTWARE hive is about 300 MB, each against reading the same
# bytes with `cat FILES > /dev/null`: wall time and peak RSS (/usr/bin/time), RUNS interleaved pairs, medians.
# Both read from the page cache (each file is read once before timing): the figures compare work, not disks.
# The disk is written by src/bench/big-hive.pl into target/bench (never committed) and kept for the next run.
# Usage: src/bench/offline-scan.sh [RUNS] [HIVE_MB] [EXPORT_MB]   (needs target/riddance.jar: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
hive_mb=${2:-300}
export_mb=${3:-50}
minimal=../shared/corpus/hives/minimal
[ -f target/riddance.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
scan() { java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar --data-dir "$work/data" scan "$@"; }

# pair LABEL FILES... -- SCAN-ARGS...: times the scan and `cat FILES`, interleaved
pair() {
  local label=$1; shift
  local files=()
  while [ "$1" != "--" ]; do files+=("$1"); shift; done
  shift
  cat "${files[@]}" >/dev/null
  local bytes; bytes=$(cat "${files[@]}" | wc -c)
  local s=() m=() cpu=() cs=() cm=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar \
      --data-dir "$work/data" scan "$@" >"$work/out" 2>&1 || [ $? -eq 1 ] || { cat "$work/out"; exit 1; }
    read -r secs kb user sys < <(tail -1 "$work/t") # time writes a status line first when the exit is not 0
    s+=("$secs"); m+=("$kb"); cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')")
    /usr/bin/time -f "%e %M" -o "$work/t" cat "${files[@]}" >/dev/null
    read -r secs kb < <(tail -1 "$work/t")
    cs+=("$secs"); cm+=("$kb")
  done
  grep -q "banned item" "$work/out" || { echo "$label: the scan found nothing"; cat "$work/out"; exit 1; }
  echo "$label ($(( bytes / 1000000 )) MB, $runs runs):"
  echo "  riddance scan: median $(printf '%s\n' "${s[@]}" | median) s (CPU $(printf '%s\n' "${cpu[@]}" | median) s), peak RSS $(( $(printf '%s\n' "${m[@]}" | median) / 1024 )) MB"
  echo "  cat > /dev/null: median $(printf '%s\n' "${cs[@]}" | median) s, peak RSS $(( $(printf '%s\n' "${cm[@]}" | median) / 1024 )) MB"
}

# the floor under every figure below: starting the JVM and the app, and loading the catalog, with nothing to read
v=(); vm=(); vc=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M %U %S" -o "$work/t" java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar --version >/dev/null
  read -r secs kb user sys <"$work/t"; v+=("$secs"); vm+=("$kb"); vc+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')")
done
echo "riddance --version (JVM start, nothing scanned): median $(printf '%s\n' "${v[@]}" | median) s" \
  "(CPU $(printf '%s\n' "${vc[@]}" | median) s)," \
  "peak RSS $(( $(printf '%s\n' "${vm[@]}" | median) / 1024 )) MB"

export_file="$work/pc-$export_mb.reg"
java -cp target/classes -Dlogback.configurationFile=src/test/resources/logback-test.xml src/bench/RegistryBench.java \
  generate "$export_file" "$export_mb"
# one Kaspersky entry at the end, so the whole export must be read to find it
printf '%s' $'\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{9A017C4E-4F77-4F6D-9A42-6F6BA3E2C7F0}]\r\n"DisplayName"="Kaspersky Endpoint Security for Windows"\r\n"Publisher"="AO Kaspersky Lab"\r\n' \
  | iconv -f utf-8 -t utf-16le >>"$export_file"
pair "scan --registry-export, a regedit export" "$export_file" -- --registry-export "$export_file"

if ! perl -MWin::Hivex -e1 2>/dev/null || [ ! -f "$minimal" ]; then
  echo "disk scan skipped: needs Win::Hivex (Debian libwin-hivex-perl) and $minimal (hivex's empty test hive)"
  exit 0
fi
disk=target/bench/offline-disk-$hive_mb
config=$disk/Windows/System32/config
if [ ! -f "$config/SYSTEM" ]; then
  rm -rf "$disk"
  /usr/bin/time -f "disk written by hivex in %e s (peak RSS %M KB)" perl src/bench/big-hive.pl "$minimal" "$disk" "$hive_mb"
fi
echo "SOFTWARE $(stat -c %s "$config/SOFTWARE") bytes, SYSTEM $(stat -c %s "$config/SYSTEM") bytes"
pair "scan --root, a Windows disk" "$config/SOFTWARE" "$config/SYSTEM" -- --root "$disk"
