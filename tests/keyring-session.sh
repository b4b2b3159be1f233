#!/bin/sh
# keyring-session.sh: runs a command in a private D-Bus session with its own
# gnome-keyring-daemon, whose login keyring is unlocked with an empty
# password and kept in a temporary folder removed afterwards.
#
# Copyright 2026 The Keyway authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

scratch=$(mktemp -d "${TMPDIR:-/tmp}/keyway-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

export HOME="$scratch"
export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The empty line is the empty password that creates and unlocks "login".
dbus-run-session -- sh -c '
  echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' keyring-session "$@"
