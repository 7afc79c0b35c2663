#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring, so keytar talks
# to a real Secret Service without touching the user's own keyring:
#   bash scripts/with-keyring.sh npx vitest run --project integration
# HOME, XDG_DATA_HOME (where the keyring file lives), XDG_CONFIG_HOME, XDG_CACHE_HOME and
# XDG_RUNTIME_DIR point into a temp directory that is removed afterwards. Exits with the command's status.
set -euo pipefail

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=("dbus-run-session (Debian package: dbus-daemon or dbus)")
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=("gnome-keyring-daemon (Debian package: gnome-keyring)")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "with-keyring: cannot start a test keyring; missing: ${missing[*]}" >&2
  echo "with-keyring: install them, e.g. apt-get install dbus gnome-keyring libsecret-1-0" >&2
  exit 127
fi
if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 64
fi

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/exopen-keyring.XXXXXX")"

# A keyring daemon that never got a client does not notice the session bus going away and would linger.
# Stop exactly the daemons of this run: those whose environment names this run's private runtime dir.
stop_our_daemons() {
  local proc cmd
  for proc in /proc/[0-9]*; do
    cmd="$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null || true)"
    case "$cmd" in
      gnome-keyring-daemon*)
        if grep -qzxF "XDG_RUNTIME_DIR=$sandbox/run" "$proc/environ" 2>/dev/null; then
          kill "${proc#/proc/}" 2>/dev/null || true
        fi
        ;;
    esac
  done
}
cleanup() {
  stop_our_daemons
  rm -rf "$sandbox"
}
trap cleanup EXIT
mkdir -p -m 700 "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/run"

# npm/npx would otherwise create a fresh cache under the throwaway HOME.
export npm_config_cache="${npm_config_cache:-${HOME:-$sandbox/home}/.npm}"
export HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/run"
# Tests refuse to write to a keyring unless this marker says it is a throwaway one.
export EXOPEN_CONNECT_TEST_KEYRING=1
# A desktop's display would let the keyring show unlock prompts; there is nobody to answer them here.
unset DISPLAY WAYLAND_DISPLAY

inner='
set -euo pipefail
password="$(head -c 18 /dev/urandom | base64)"
# --unlock reads the password from stdin, creates the login keyring with it and unlocks it; the daemon
# prints GNOME_KEYRING_CONTROL=... lines, which clients use to find it.
if ! started="$(printf "%s" "$password" | gnome-keyring-daemon --unlock --components=secrets)"; then
  echo "with-keyring: gnome-keyring-daemon did not start" >&2
  exit 70
fi
while IFS= read -r line; do
  case "$line" in *=*) export "$line" ;; esac
done <<< "$started"
exec "$@"
'
# dbus-run-session ends the bus (and with it the keyring daemon) when the command exits and returns its
# exit status. Not exec'd, so the EXIT trap still removes the sandbox.
status=0
dbus-run-session -- bash -c "$inner" with-keyring "$@" || status=$?
exit "$status"
