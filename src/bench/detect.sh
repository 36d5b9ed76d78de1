#!/usr/bin/env bash
# Detection figures: a full scan of this machine (in process, and the CLI's wall time), and the leftover sweep
# over a 200,000-file tree against `find` on the same tree. Usage: src/bench/detect.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
mvn -B -q test-compile
[ -f target/riddance.jar ] || mvn -B -q package -DskipTests
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  org.riddance.bench.DetectBenchmark target/bench/leftover-tree "$runs"
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -XX:SharedArchiveFile=target/riddance.jsa -jar target/riddance.jar --data-dir "$data" scan >/dev/null || true
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "riddance scan (CLI, JVM start included): median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms," \
  "min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1) over $runs runs"
