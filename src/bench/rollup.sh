#!/usr/bin/env bash
# Office roll-up figures (issue 17): rolls up N generated, signed receipts RUNS times and prints the median wall time
# and the peak resident memory (GNU time). Usage: src/bench/rollup.sh [N] [RUNS]   (default 1000 receipts, 7 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000}"
runs="${2:-7}"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian: apt-get install time)"; exit 2; }
mvn -B -q -o test-compile
cp=$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RIDDANCE_PASSPHRASE="bench passphrase, not a secret"
java -cp "target/test-classes:target/classes:$cp" org.riddance.rollup.ReceiptBatch "$work" "$n"
java_cmd=(java -cp "target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml
  org.riddance.app.Launcher --data-dir "$work/data" rollup "$work/receipts" --out "$work/office"
  --key "$work/keys/riddance-signing.p12" --trust "$work/keys/riddance-signing.pub.pem" --site "Bench Office")
times=()
for i in $(seq "$runs"); do
  set +e
  /usr/bin/time -v -o "$work/time.txt" "${java_cmd[@]}" > "$work/out.txt" 2>&1
  code=$?
  set -e
  [ "$code" -le 1 ] || { cat "$work/out.txt"; exit 2; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=p[n]; if (n>1) s+=p[n-1]*60; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time.txt")
  echo "run $i: ${wall} s wall, ${cpu} s CPU, peak RSS $((rss / 1024)) MB, exit $code"
  times+=("$wall $rss $cpu")
done
head -2 "$work/out.txt"
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v N="$n" '{w[NR]=$1; r[NR]=$2; c[NR]=$3} END {m=int((n+1)/2);
  max=0; for (i=1;i<=n;i++) if (r[i]>max) max=r[i];
  printf "rollup of %s receipts: median %.2f s wall (that run %.2f s CPU) over %d runs; peak RSS %d MB (largest run)\n",
    N, w[m], c[m], n, max/1024}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
ls -l "$work/office" | tail -5
