#!/usr/bin/env bash
# Cold start of the packaged app (time from exec to the first drawn frame of the Welcome step), under Xvfb:
# the installed .deb's launcher (with the start-up archive its postinst makes), the portable image run from a
# folder standing in for a USB stick, and `java -jar` with the build's archive for comparison.
# Usage: src/bench/installed-startup.sh [RUNS]
#   Needs target/installer/ from `mvn -B -Pinstaller package -DskipTests` and xvfb-run. If the riddance package
#   is not installed and this runs as root, it installs target/installer/riddance_*.deb and purges it at the end.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
cd "$(dirname "$0")/../.."
runs=${1:-9}
tmp=$(mktemp -d)
installed_here=
cleanup() {
  [ -n "$installed_here" ] && dpkg --purge riddance >/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

if ! dpkg-query -W -f='${Status}' riddance 2>/dev/null | grep -q "install ok installed"; then
  deb=$(ls target/installer/riddance_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { echo "no target/installer/riddance_*.deb: run mvn -B -Pinstaller package -DskipTests" >&2; exit 2; }
  [ "$(id -u)" -eq 0 ] || { echo "the riddance package is not installed and installing it needs root" >&2; exit 2; }
  dpkg -i "$deb" >/dev/null
  installed_here=yes
fi
mkdir -p "$tmp/stick"
(cd "$tmp/stick" && unzip -q "$OLDPWD"/target/installer/riddance-*-linux-portable.zip)

measure() { # prints ms from exec to the "riddance-ready" line
  local start end line
  start=$(date +%s%N)
  while IFS= read -r line; do
    if [ "$line" = riddance-ready ]; then end=$(date +%s%N); break; fi
  done < <("$@" 2>/dev/null)
  echo $(( (end - start) / 1000000 ))
}

summary() { # name, values...
  local name=$1; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  local n=$#
  printf '%-34s median %5d ms   min %5d   max %5d   (%d runs)\n' "$name" \
    "$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$n"
}

probe=(env JAVA_TOOL_OPTIONS=-Driddance.startupProbe=true)
installed=("${probe[@]}" RIDDANCE_DATA_DIR="$tmp/data" /opt/riddance/bin/Riddance)
portable=("${probe[@]}" RIDDANCE_DATA_DIR= "$tmp/stick/Riddance/bin/Riddance") # its data goes to the stick
jar=(env RIDDANCE_DATA_DIR="$tmp/data" java -XX:SharedArchiveFile=target/riddance.jsa -Driddance.startupProbe=true
  -jar target/riddance.jar)

for warm in installed portable jar; do # the first run of each fills the OS file cache
  eval "measure \"\${$warm[@]}\"" >/dev/null
done
a=() b=() c=()
for _ in $(seq "$runs"); do
  a+=("$(measure "${installed[@]}")")
  b+=("$(measure "${portable[@]}")")
  c+=("$(measure "${jar[@]}")")
done
summary "installed .deb (/opt/riddance)" "${a[@]}"
summary "portable image (from a folder)" "${b[@]}"
summary "java -jar + archive (build JDK)" "${c[@]}"
[ -f "$tmp/stick/RiddanceData/logs/riddance.log" ] && echo "portable data went to the stick: RiddanceData/logs/riddance.log"
