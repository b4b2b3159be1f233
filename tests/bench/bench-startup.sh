#!/bin/bash
# bench-startup.sh: times `keyway --demo` from exec to its first mapped
# window, and reads its peak RSS, against a minimal libadwaita program (one
# AdwApplicationWindow with an AdwHeaderBar, tests/bench-startup-minimal) in
# the same run, in alternation, and prints the medians and the two ratios
# against the targets: startup within 1.5x and memory within 1.3x of the
# minimal program's. A figure, not a pass/fail test.
#
# Usage:   bench-startup.sh [BUILD_DIR]      (default: _build)
# Env:     RUNS=N  runs per program (default 10)
# Needs:   Xvfb (package xvfb), xdotool (xdotool), dbus-daemon (dbus);
#          this script installs nothing.
# Result:  0 when every run of both programs mapped a window; 1 otherwise.
#
# Both programs run on a private Xvfb display and a private session bus, so
# nothing of the person's desktop (a running Keyway, portals, settings) takes
# part. "Mapped" is what X says: the first window of the process that is
# viewable (xdotool search --onlyvisible --pid), polled every few ms; peak
# RSS is VmHWM from /proc/PID/status after one second of idle once mapped.

set -u

build_dir=${1:-_build}
runs=${RUNS:-10}
keyway=$build_dir/src/ui/keyway
minimal=$build_dir/tests/bench-startup-minimal
idle=1           # seconds between the window appearing and reading VmHWM
map_timeout=20   # seconds a program may take to map its window

die () {
  echo "bench-startup.sh: $*" >&2
  exit 1
}

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ -x $keyway ]] || die "no $keyway; build first (ninja -C $build_dir)"
[[ -x $minimal ]] || die "no $minimal; build first (ninja -C $build_dir)"
for tool in Xvfb:xvfb xdotool:xdotool dbus-daemon:dbus; do
  command -v "${tool%%:*}" > /dev/null ||
    die "${tool%%:*} is missing: apt-get install ${tool#*:}"
done

tmp=$(mktemp -d -t keyway-bench-startup.XXXXXX)
xvfb_pid=
bus_pid=
app_pid=

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup () {
  local pid
  for pid in "$app_pid" "$bus_pid" "$xvfb_pid"; do
    if [[ -n $pid ]]; then
      kill "$pid" 2> /dev/null
      wait "$pid" 2> /dev/null
    fi
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# Neither program may read a config, a connection or a theme of the person
# running this: both get an empty HOME and the same environment.
mkdir -p "$tmp/home"
export HOME=$tmp/home
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none
export LC_ALL=C.UTF-8
unset WAYLAND_DISPLAY

# -displayfd picks a free display number and writes it once the server
# accepts connections; -noreset keeps the server from resetting, and
# refusing connections for a moment, each time a program's last client goes.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset 3> "$tmp/display" 2> "$tmp/xvfb.log" &
xvfb_pid=$!
for (( i = 0; i < 100; i++ )); do
  [[ -s $tmp/display ]] && break
  sleep 0.05
done
[[ -s $tmp/display ]] || die "Xvfb did not start: $(cat "$tmp/xvfb.log")"
DISPLAY=:$(head -n 1 "$tmp/display")
export DISPLAY

dbus-daemon --session --nofork --address="unix:path=$tmp/bus" \
  --print-address=4 4> "$tmp/bus.address" 2> "$tmp/bus.log" &
bus_pid=$!
for (( i = 0; i < 100; i++ )); do
  [[ -s $tmp/bus.address ]] && break
  sleep 0.05
done
[[ -s $tmp/bus.address ]] || die "dbus-daemon did not start: $(cat "$tmp/bus.log")"
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$tmp/bus.address")
export DBUS_SESSION_BUS_ADDRESS

# shellcheck disable=SC2034  # both are read through the nameref in run ()
keyway_cmd=("$keyway" --demo)
# shellcheck disable=SC2034
minimal_cmd=("$minimal")

failures=0

# run PROGRAM: starts it, waits for its first viewable window, idles, reads
# its peak RSS, stops it, and appends "SECONDS KILOBYTES" to $tmp/PROGRAM.times.
run () {
  local program=$1 start end deadline hwm
  local -n cmd=${program}_cmd

  start=$EPOCHREALTIME
  "${cmd[@]}" > "$tmp/out" 2> "$tmp/err" < /dev/null &
  app_pid=$!
  end=
  deadline=$(( ${start%.*} + map_timeout ))
  while (( ${EPOCHREALTIME%.*} < deadline )); do
    if xdotool search --onlyvisible --pid "$app_pid" > /dev/null 2>&1; then
      end=$EPOCHREALTIME
      break
    fi
    kill -0 "$app_pid" 2> /dev/null || break
    sleep 0.002
  done

  hwm=
  if [[ -n $end ]]; then
    sleep "$idle"
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$app_pid/status" 2> /dev/null)
  fi

  kill "$app_pid" 2> /dev/null
  wait "$app_pid" 2> /dev/null
  app_pid=

  if [[ -z $end || -z $hwm ]]; then
    failures=$(( failures + 1 ))
    echo "$program showed no window within ${map_timeout}s or exited: $(head -c 300 "$tmp/err" | tr '\n' ' ')" >&2
    return
  fi

  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }') $hwm" \
    >> "$tmp/$program.times"
}

# One untimed run each, so that neither pays for a cold page cache or the
# first font and icon cache loads.
run keyway
run minimal
: > "$tmp/keyway.times"
: > "$tmp/minimal.times"

for (( i = 0; i < runs; i++ )); do
  run keyway
  run minimal
done

# median FILE COLUMN: the median of that column.
median () {
  sort -n -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

keyway_ok=$(wc -l < "$tmp/keyway.times")
minimal_ok=$(wc -l < "$tmp/minimal.times")

row () {
  local name=$1 ok=$2 file=$3

  if (( ok == 0 )); then
    printf '%-24s %3s/%-3s %17s %14s\n' "$name" "$ok" "$runs" - -
  else
    printf '%-24s %3s/%-3s %14.1f ms %11.1f MB\n' "$name" "$ok" "$runs" \
      "$(awk -v m="$(median "$file" 1)" 'BEGIN { print m * 1000 }')" \
      "$(awk -v m="$(median "$file" 2)" 'BEGIN { print m / 1024 }')"
  fi
}

echo
echo "exec to first mapped window and peak RSS (VmHWM after ${idle}s idle), Xvfb $DISPLAY,"
echo "GSK_RENDERER=cairo, $runs runs each, alternating"
printf '%-24s %7s %17s %14s\n' program ok "median startup" "median RSS"
row "keyway --demo" "$keyway_ok" "$tmp/keyway.times"
row "minimal libadwaita" "$minimal_ok" "$tmp/minimal.times"
if (( keyway_ok > 0 && minimal_ok > 0 )); then
  awk -v kt="$(median "$tmp/keyway.times" 1)" -v mt="$(median "$tmp/minimal.times" 1)" \
      -v km="$(median "$tmp/keyway.times" 2)" -v mm="$(median "$tmp/minimal.times" 2)" 'BEGIN {
    t = kt / mt
    m = km / mm
    printf "startup ratio (keyway / minimal): %.2fx  (target: <= 1.5x, %s)\n", t, (t <= 1.5 ? "met" : "NOT met")
    printf "memory ratio  (keyway / minimal): %.2fx  (target: <= 1.3x, %s)\n", m, (m <= 1.3 ? "met" : "NOT met")
  }'
fi

# A sanitizer build is several times slower and larger; say so rather than
# let its figures pass for the real ones.
if nm -D "$keyway" 2> /dev/null | grep -q '__asan_init\|__ubsan_handle' ||
   nm "$keyway" 2> /dev/null | grep -q '__asan_init\|__ubsan_handle'; then
  echo "note: $keyway is a sanitizer build; its figures are not representative"
fi

if (( failures > 0 )); then
  echo "$failures run(s) failed; the figures above leave them out" >&2
  exit 1
fi

exit 0
