#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a private, throw-away Secret Service, so tests use a
# real gnome-keyring without ever touching the user's keyring, and each test
# gets its own: a temporary HOME and XDG directories, its own session bus
# (nested inside whatever bus the harness runs under) and gnome-keyring-daemon
# with an unlocked "login" collection as the default.
#
#   run-with-keyring.sh [--no-keyring | --no-bus] [--prompter=MODE] [--home DIR]
#                       [--] COMMAND [ARG...]
#
#   (default)     a bus and a running, unlocked keyring
#   --no-keyring  a bus with no keyring service on it
#   --no-bus      no session bus at all (DBUS_SESSION_BUS_ADDRESS names a
#                 socket that does not exist)
#   --home DIR    use DIR for HOME etc. and keep it afterwards (the leak test
#                 searches it); otherwise a temporary directory is removed
#   --display     keep DISPLAY, for UI tests: still no prompt can show, as
#                 the private bus starts no prompter
#   --prompter=dismiss|password
#                 answer the keyring's unlock prompts with fake-prompter.py:
#                 cancel them, or type the keyring password
#
# The private bus activates nothing but that prompter: its only service
# directory is ours. The standard session configuration would start
# gnome-keyring for org.freedesktop.secrets (so "no keyring" could not be
# tested) and gcr-prompter for unlock prompts (a window under xvfb that
# nobody answers: a hung test). With no prompter the keyring fails a prompt
# at once, as if it had been dismissed.
# HC_TEST_KEYRING tells the test which of the three situations it is in,
# HC_TEST_PROMPTER and HC_TEST_PROMPT_LOG which prompter answers.
set -eu

# Not a secret: the password of a throw-away test keyring.
keyring_password=hc-test-keyring-password

if [ "${1:-}" = "--inside" ]; then
  # Second stage, on the private bus started by dbus-run-session below.
  shift
  mode=$1
  shift
  gkd=
  if [ "$mode" = keyring ]; then
    # --unlock reads the password of the login keyring from stdin and
    # creates that keyring (the default collection) on first use.
    # The test's G_DEBUG=fatal-warnings is not for the daemon: it warns
    # harmlessly when an item is replaced ("already registered").
    printf '%s' "$keyring_password" |
      env -u G_DEBUG -u G_MESSAGES_DEBUG gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$XDG_RUNTIME_DIR/keyring-env" &
    gkd=$!
    # The daemon unlocks (or creates) the login keyring before it takes
    # its bus name, so once the name is there the default collection is.
    if ! gdbus wait --session --timeout 30 org.freedesktop.secrets; then
      echo "run-with-keyring: gnome-keyring-daemon did not come up" >&2
      kill "$gkd" 2>/dev/null || true
      exit 99
    fi
    # Export what the daemon prints (GNOME_KEYRING_CONTROL=... etc.).
    while IFS= read -r line; do
      case $line in
        [A-Z_]*=*) export "${line?}" ;;
      esac
    done <"$XDG_RUNTIME_DIR/keyring-env"
  fi
  set +e
  "$@"
  status=$?
  set -e
  if [ -n "$gkd" ]; then
    kill "$gkd" 2>/dev/null || true
    wait "$gkd" 2>/dev/null || true
  fi
  exit $status
fi

mode=keyring
home=
prompter=
keep_display=
while [ $# -gt 0 ]; do
  case $1 in
    --display) keep_display=$DISPLAY; shift ;;
    --prompter=dismiss|--prompter=password) prompter=${1#--prompter=}; shift ;;
    --no-keyring) mode=no-keyring; shift ;;
    --no-bus) mode=no-bus; shift ;;
    --home) home=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--no-keyring|--no-bus] [--prompter=dismiss|password] [--home DIR] [--] COMMAND [ARG...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "$home" ]; then
  tmp=$home
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/hc-keyring.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
fi
tmp=$(cd "$tmp" && pwd)

export HOME="$tmp/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" \
  "$XDG_RUNTIME_DIR" "$tmp/services"
chmod 700 "$HOME" "$XDG_RUNTIME_DIR"

# Nothing may reach a display (prompts) or the harness's keyring.
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DBUS_SESSION_BUS_ADDRESS
[ -z "$keep_display" ] || export DISPLAY="$keep_display"
export HC_TEST_KEYRING="$mode"

if [ -n "$prompter" ]; then
  export HC_TEST_PROMPTER="$prompter"
  export HC_TEST_PROMPT_LOG="$XDG_RUNTIME_DIR/prompts.log"
  : >"$HC_TEST_PROMPT_LOG"
  cat >"$tmp/services/org.gnome.keyring.SystemPrompter.service" <<SERVICE
[D-BUS Service]
Name=org.gnome.keyring.SystemPrompter
Exec=/usr/bin/env -u G_DEBUG -u G_MESSAGES_DEBUG /usr/bin/python3 $here/fake-prompter.py $prompter $keyring_password $HC_TEST_PROMPT_LOG
SERVICE
fi

cat >"$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp/run</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

set +e
case $mode in
  no-bus)
    export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/run/no-such-bus"
    "$@"
    ;;
  *)
    dbus-run-session --config-file="$tmp/session.conf" -- "$0" --inside "$mode" "$@"
    ;;
esac
status=$?
exit $status
