#!/usr/bin/env bash
# Removal figures: `riddance remove` on a fresh demo sandbox each run (Endpoint Security, Network Agent and
# leftovers purged with the real dpkg --root, rescanned twice), wall time with JVM start, against a bare
# `dpkg --purge` of the same two packages. Usage: src/bench/remove.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
[ -f target/riddance.jar ] || mvn -B -q package -DskipTests
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
riddance=(); bare=()
for i in $(seq "$runs"); do
  root="$work/root-$i"; data="$work/data-$i"; plain="$work/plain-$i"
  java -cp "target/classes:$cp" src/bench/DemoRoot.java "$root"
  java -cp "target/classes:$cp" src/bench/DemoRoot.java "$plain"
  start=$(date +%s%N)
  java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar --root "$root" --data-dir "$data" \
    remove --no-backup --reason benchmark --json >/dev/null
  riddance+=($(( ($(date +%s%N) - start) / 1000000 )))
  start=$(date +%s%N)
  dpkg --root="$plain" --force-not-root --force-script-chrootless --purge kesl klnagent64 >/dev/null 2>&1
  bare+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "riddance remove (demo sandbox, JVM start, plan + purge + sweep + 2 rescans): median $(printf '%s\n' "${riddance[@]}" | median) ms over $runs runs"
echo "dpkg --purge kesl klnagent64 alone on the same sandbox: median $(printf '%s\n' "${bare[@]}" | median) ms"
