#!/usr/bin/env bash
# Commands that answer at once (issue 18): each command against a hello world run from the same jar and CDS
# archive, interleaved (hello, command, hello, command, ...), so a machine shared with other builds slows both
# sides of a pair alike. Prints per command: the ratio command/hello (median, min-max over the pairs), both
# medians in ms and the command's peak RSS. Targets: `--version` within 1.2x, `scan` and `verify` within 2x. The last three
# lines (src/bench/Floor.java) are the floor, the least any Java program can do for a scan and for a receipt check, and
# verify's own work without its command-line library.
# Usage: src/bench/cli-startup.sh [PAIRS [WORD]]   (default 9 pairs; WORD: only the commands whose name holds it;
#   needs GNU time for the RSS, target/riddance.jar + .jsa)
#   RIDDANCE_INSTALLED=/opt/riddance src/bench/cli-startup.sh ...  measures the installed Linux package instead: its
#   launcher against a hello world run by its own runtime with the archive its postinst made.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-9}
only=${2:-}
[ -f target/riddance.jsa ] || mvn -B -q package -DskipTests
mkdir -p target/bench
javac -d target/bench src/bench/Hello.java
javac -cp target/riddance.jar -d target/bench src/bench/Floor.java
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
java=(java -XX:SharedArchiveFile=target/riddance.jsa)
riddance=("${java[@]}" -jar target/riddance.jar) # as the README runs it
jar=target/riddance.jar
if [ -n "${RIDDANCE_INSTALLED:-}" ]; then # as a technician runs the installed package
  java=("$RIDDANCE_INSTALLED/lib/runtime/bin/java" -Xshare:auto -XX:SharedArchiveFile="$RIDDANCE_INSTALLED/lib/app/riddance.jsa")
  riddance=("$RIDDANCE_INSTALLED/bin/Riddance")
  jar="$RIDDANCE_INSTALLED/lib/app/riddance.jar"
  echo "installed package at $RIDDANCE_INSTALLED"
fi

# what the commands work on, made before any clock starts: a demo sandbox and a receipt signed with the demo key
"${riddance[@]}" demo create "$work/sandbox" >/dev/null
mkdir -p "$work/stick"
"${riddance[@]}" --data-dir "$work/run" --demo run --unattended --backup-to "$work/stick" --receipt-to "$work/out" \
  --technician "Bench Mark" --site Lab --no-eicar >/dev/null 2>&1 || true
receipt=$(ls "$work"/out/*.receipt.json)
key=$(ls "$work"/out/*.pub.pem)
# an open command-line session on the demo sandbox, which every scan there adds a record to
"${riddance[@]}" --data-dir "$work/session" --root "$work/sandbox" session start --technician "Bench Mark" --site Lab >/dev/null

run() { # ms of wall time; the peak RSS in KB goes to $work/rss
  local start; start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
  else
    "$@" >/dev/null 2>&1 || true; echo 0 > "$work/rss"
  fi
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
median() { sort -n | sed -n "$(( (pairs + 1) / 2 ))p"; }

bench() { # name, target ratio, command...
  local name=$1 target=$2; shift 2
  [[ "$name" == *"$only"* ]] || return 0
  local hello=() cmd=() ratio=() rss=() h c
  # the first run fills the OS file cache; a command that fails (exit 2) gives no figure
  "$@" >/dev/null 2>&1 || [ $? -le 1 ] || { echo "$name failed: $*" >&2; exit 2; }
  for _ in $(seq "$pairs"); do
    h=$(run "${java[@]}" -cp "$jar":target/bench Hello)
    c=$(run "$@"); rss+=("$(cat "$work/rss")")
    hello+=("$h"); cmd+=("$c"); ratio+=("$(awk -v c="$c" -v h="$h" 'BEGIN { printf "%.2f", c / h }')")
  done
  printf '%-24s ratio %s (%s-%s, target %s)   %5s ms vs hello %4s ms   peak RSS %s MB\n' "$name" \
    "$(printf '%s\n' "${ratio[@]}" | median)" "$(printf '%s\n' "${ratio[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${ratio[@]}" | sort -n | tail -1)" "$target" "$(printf '%s\n' "${cmd[@]}" | median)" \
    "$(printf '%s\n' "${hello[@]}" | median)" "$(( $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) / 1024 ))"
}

echo "$pairs interleaved pairs; load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
bench "--version" 1.2 "${riddance[@]}" --version
bench "scan (this PC)" 2 "${riddance[@]}" --data-dir "$work/data" scan
bench "scan --root demo" 2 "${riddance[@]}" --data-dir "$work/data" --root "$work/sandbox" scan
bench "scan --root, in a session" 2 "${riddance[@]}" --data-dir "$work/session" --root "$work/sandbox" scan
bench "verify R" 2 "${riddance[@]}" --data-dir "$work/data" verify "$receipt" --trust "$key"
# the floor: the least any Java program can do for the same answer (src/bench/Floor.java), from the same jar and archive
bench "floor: scan" - "${java[@]}" -cp "$jar":target/bench Floor scan
bench "floor: verify" - "${java[@]}" -cp "$jar":target/bench Floor verify "$receipt" "${receipt%.json}.sig" "$key"
bench "verify without picocli" - "${java[@]}" -cp "$jar":target/bench Floor verify-without-cli "$receipt" "$key"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
