#!/usr/bin/env bash
# Back-up throughput: Riddance's write pass and read-back on a 1 GB tree, against `tar -cf - DIR | sha256sum`
# on the same tree (warm page cache for both), and the whole job against tar to a file + sync + re-read.
# Usage: src/bench/backup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
root=target/bench/backup-root
out=target/bench/backup-out
java -cp "target/test-classes:target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  org.riddance.bench.BackupBenchmark "$root" "$out" "$runs"
tree="$root/var/log/kaspersky/kesl"
times=()
for _ in $(seq "$((runs + 1))"); do
  start=$(date +%s%N)
  tar -cf - -C "$tree" . | sha256sum >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]:1}" | sort -n)
echo "tar -cf - DIR | sha256sum: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms over $runs runs"

# The whole command's anchor (issue 18): tar to a file, forced to disk, then read back whole.
times=()
for _ in $(seq "$((runs + 1))"); do
  start=$(date +%s%N)
  tar -cf "$out/anchor.tar" -C "$tree" . && sync "$out/anchor.tar" && sha256sum "$out/anchor.tar" >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  rm -f "$out/anchor.tar"
done
sorted=$(printf '%s\n' "${times[@]:1}" | sort -n)
echo "tar -cf FILE DIR + sync + sha256sum FILE: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms over $runs runs"
