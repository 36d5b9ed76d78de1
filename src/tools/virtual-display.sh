# Sourced by the screenshot tours: without a DISPLAY, starts Xvfb at 1366x768 on a free display number and, where
# installed, openbox on it (technicians have a window manager; sizes and focus differ without one). The caller's
# EXIT trap must call stop_virtual_display.
display_pids=()
stop_virtual_display() { for p in "${display_pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
start_virtual_display() { # $1: the calling script's name, for the message
  [ -n "${DISPLAY:-}" ] && return 0
  command -v Xvfb >/dev/null || { echo "$1: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 2; }
  local n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  display_pids+=("$!")
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  if command -v openbox >/dev/null; then
    openbox >/dev/null 2>&1 &
    display_pids+=("$!")
    sleep 1
  fi
}
