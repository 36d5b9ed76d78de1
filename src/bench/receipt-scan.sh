#!/usr/bin/env bash
# How often zbarimg reads the printed receipt's QR code: sample receipts issued for real (ReceiptPreview: 0, 3,
# 12 and 200 findings, a failing demo), page one rendered with pdftoppm at 150 and 72 dpi, and the 150 dpi page
# degraded as a cheap scanner would (issue 16: blur 1.0, 2° rotation, Gaussian noise), RUNS noise seeds each.
# Needs poppler-utils, zbar-tools, imagemagick. Usage: src/bench/receipt-scan.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
mvn -B -q test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
out=target/bench/receipt-scan
rm -rf "$out" && mkdir -p "$out"
java -cp "target/test-classes:target/classes:$cp" -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  org.riddance.receipt.ReceiptPreview "$out"
for pdf in "$out"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -r 150 -f 1 -l 1 -gray -png -singlefile "$pdf" "$out/$name-150"
  pdftoppm -r 72 -f 1 -l 1 -gray -png -singlefile "$pdf" "$out/$name-72"
  sharp=$(zbarimg -q --raw "$out/$name-150.png" >/dev/null 2>&1 && echo read || echo FAILED)
  low=$(zbarimg -q --raw "$out/$name-72.png" >/dev/null 2>&1 && echo read || echo FAILED)
  ok=0
  for seed in $(seq "$runs"); do
    convert "$out/$name-150.png" -seed "$seed" -blur 0x1.0 -rotate 2 -attenuate 0.5 +noise Gaussian "$out/scan.png"
    if [ -n "$(zbarimg -q --raw "$out/scan.png" 2>/dev/null)" ]; then ok=$((ok + 1)); fi
  done
  echo "$name: 150 dpi $sharp, 72 dpi $low, degraded 150 dpi scan read $ok of $runs"
done
