#!/bin/sh
# Shows that, once install.sh has run, `xdg-open FILE.txt` opens the file in Précis. Everything
# happens for a throwaway user (HOME, XDG dirs and the Précis data folder in a temp dir) on a virtual
# screen, with no desktop environment: xdg-open then uses `xdg-mime query default` and the entry's Exec.
#
#   packaging/linux/check_xdg_open.sh [PATH-TO-precis]     (needs xdg-utils, Xvfb, x11-utils)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
export XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_CONFIG_DIRS=/etc/xdg PRECIS_DATA_DIR="$T/precis"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID KDE_FULL_SESSION BROWSER 2>/dev/null || true
mkdir -p "$HOME"

sh "$HERE/install.sh" "$@" >/dev/null

# -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$T/display" >/dev/null 2>&1 &
xvfb=$!
opener=""
cleanup() {
  for pid in $(pgrep -f "precis $T" || true); do kill "$pid" 2>/dev/null || true; done
  [ -n "$opener" ] && kill "$opener" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
for _ in $(seq 1 50); do [ -s "$T/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$T/display")"

article="$T/saved article.txt"
printf 'Otters of the Thames\n\nOtters returned to the Thames in 2024, said Dr. Ana Ruiz of the Wildlife Trust.\n' \
  > "$article"
echo "xdg-mime: $(xdg-mime query filetype "$article") -> $(xdg-mime query default text/plain)"
echo "entry:    $(grep '^Exec=' "$XDG_DATA_HOME/applications/precis.desktop")"

xdg-open "$article" &
opener=$!
window=""
for _ in $(seq 1 60); do
  window=$(xwininfo -root -tree 2>/dev/null | grep '"Précis' || true)
  [ -n "$window" ] && break
  sleep 0.25
done
echo "process:  $(pgrep -af "precis $T" | head -1)"
if [ -z "$window" ]; then
  echo "FAIL: no Précis window appeared"
  exit 1
fi
echo "window:   $(echo "$window" | sed 's/^ *//')"
echo "OK: xdg-open opened the file in Précis"
