#!/usr/bin/env bash
# The headless flow in one JVM against the same work as five commands, each its own JVM: `run --unattended` on a
# fresh demo sandbox, interleaved with `session start`-less `backup`, `remove`, `check-av` and `receipt sign` run one
# after another (`scan` first, as a technician would look before acting). Both back up, purge with the real dpkg,
# check the (absent) antivirus and sign with the demo key. Usage: src/bench/unattended.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
[ -f target/riddance.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
riddance() { java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar "$@"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
one=(); five=(); ratio=()
for i in $(seq "$runs"); do
  # each data folder gets its own demo sandbox, built before the clock starts
  for kind in one five; do
    riddance --data-dir "$work/$kind-$i" --demo session show >/dev/null 2>&1 || true
    mkdir -p "$work/$kind-$i/stick"
  done
  start=$(date +%s%N)
  riddance --data-dir "$work/one-$i" --demo run --unattended --backup-to "$work/one-$i/stick" \
    --receipt-to "$work/one-$i/out" --technician "Bench Mark" --site "Lab" --no-eicar >/dev/null 2>&1 || true
  t1=$(ms "$start")
  start=$(date +%s%N)
  d=(--data-dir "$work/five-$i" --demo)
  riddance "${d[@]}" scan >/dev/null 2>&1 || true
  riddance "${d[@]}" backup --to "$work/five-$i/stick" --technician "Bench Mark" --site "Lab" >/dev/null 2>&1 || true
  archive=$(ls "$work/five-$i/stick"/*.zip)
  riddance "${d[@]}" remove --backup "$archive" >/dev/null 2>&1 || true
  riddance "${d[@]}" check-av >/dev/null 2>&1 || true
  riddance "${d[@]}" receipt sign --to "$work/five-$i/out" >/dev/null 2>&1 || true
  t5=$(ms "$start")
  [ -n "$(ls "$work/one-$i/out"/*.receipt.json 2>/dev/null)" ] || { echo "run --unattended signed no receipt" >&2; exit 1; }
  [ -n "$(ls "$work/five-$i/out"/*.receipt.json 2>/dev/null)" ] || { echo "the five commands signed no receipt" >&2; exit 1; }
  one+=("$t1"); five+=("$t5"); ratio+=("$(( t1 * 100 / t5 ))")
done
echo "run --unattended (one JVM): median $(printf '%s\n' "${one[@]}" | median) ms"
echo "scan + backup + remove + check-av + receipt sign (five JVMs): median $(printf '%s\n' "${five[@]}" | median) ms"
echo "ratio one/five: median $(printf '%s\n' "${ratio[@]}" | median)% (min $(printf '%s\n' "${ratio[@]}" | sort -n | head -1)%, max $(printf '%s\n' "${ratio[@]}" | sort -n | tail -1)%) over $runs interleaved pairs"
