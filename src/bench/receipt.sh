#!/usr/bin/env bash
# Receipt figures: sign + verify, and PDF rendering. Usage: src/bench/receipt.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "target/test-classes:target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  org.riddance.receipt.ReceiptBenchmark "${1:-50}"
