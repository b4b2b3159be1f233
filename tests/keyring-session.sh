#!/bin/sh
# keyring-session.sh: runs a command in a private D-Bus session with its own
# gnome-keyring-daemon, whose "login" keyring is created unlocked in a
# temporary folder removed afterwards.
#
# Copyright 2026 The Keyway authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

# Where there is no keyring daemon or no D-Bus (the Flatpak SDK, a minimal
# container), these tests cannot run: say so in TAP rather than fail.
for tool in gnome-keyring-daemon dbus-run-session gdbus; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/keyway-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

export HOME="$scratch"
export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The daemon must not inherit the tests' G_DEBUG=fatal-warnings: it warns
# about its own bookkeeping when an item is replaced. The password it reads
# is the empty line. Waiting for its bus name keeps D-Bus from activating a
# second, locked daemon when the first call comes early. The daemon outlives
# the bus otherwise, so it is stopped once the command is done.
dbus-run-session -- sh -c '
  echo "" | env -u G_DEBUG gnome-keyring-daemon --unlock --components=secrets >/dev/null
  gdbus wait --session --timeout 10 org.freedesktop.secrets
  daemon=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
             --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets |
           tr -dc 0-9)
  status=0
  "$@" || status=$?
  kill "$daemon" 2>/dev/null || true
  exit $status' keyring-session "$@"
