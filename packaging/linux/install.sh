#!/bin/sh
# Installs Précis in the desktop for the current user only: the menu entry, the icon in every size
# and (unless --no-default) Précis as the default app for .txt, .html and .md files.
# Never touches system folders: every xdg tool runs with --mode user (as root they default to system).
#
#   packaging/linux/install.sh [--no-default] [PATH-TO-precis]
#
# PATH-TO-precis defaults to $PRECIS_EXEC, then the repository's .venv/bin/precis, then the frozen
# build dist/precis/precis, then `precis` on PATH. Undo with packaging/linux/uninstall.sh.
# The frozen build carries this script too (dist/precis/_internal/packaging/linux/install.sh); run
# from there it installs the frozen program beside it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MIME_TYPES="text/plain text/html text/markdown"
SIZES="16 24 32 48 64 128 256 512"

set_default=yes
exec_path=${PRECIS_EXEC:-}
for arg in "$@"; do
  case "$arg" in
    --no-default) set_default=no ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
    *) exec_path=$arg ;;
  esac
done

if [ -z "$exec_path" ]; then
  # In the frozen folder ROOT is precis/_internal and the program is precis/precis.
  for candidate in "$ROOT/.venv/bin/precis" "$ROOT/dist/precis/precis" "$ROOT/../precis"; do
    [ "$candidate" = "$ROOT/../precis" ] && [ "$(basename "$ROOT")" != _internal ] && continue
    if [ -x "$candidate" ]; then exec_path=$candidate; break; fi
  done
fi
if [ -z "$exec_path" ]; then
  exec_path=$(command -v precis || true)
fi
if [ -z "$exec_path" ] || [ ! -x "$exec_path" ]; then
  echo "install.sh: cannot find the precis program; pass its path (e.g. .venv/bin/precis)" >&2
  exit 1
fi
exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")

for tool in xdg-desktop-menu xdg-icon-resource xdg-mime; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install.sh: $tool is missing (apt install xdg-utils)" >&2; exit 1; }
done

# A checkout has assets/ at its root; the frozen folder has them inside the package (desktop/assets).
ASSETS="$ROOT/assets"
[ -d "$ASSETS" ] || ASSETS="$ROOT/desktop/assets"
ICONS="$ASSETS/icons/hicolor"

DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The entry runs this exact program by its absolute path. Quoted only when the path needs it: the
# generic xdg-open of xdg-utils 1.1 (no desktop environment) takes Exec's first word literally.
case "$exec_path" in
  *[!A-Za-z0-9_./+-]*)
    quoted=\"$(printf '%s' "$exec_path" | sed 's/[\\"`$]/\\\\&/g')\" ;;
  *) quoted=$exec_path ;;
esac
sed "s|^Exec=.*|Exec=$quoted %F|" "$HERE/precis.desktop" > "$work/precis.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$work/precis.desktop"
fi

for size in $SIZES; do
  xdg-icon-resource install --mode user --noupdate --novendor --context apps --size "$size" \
    "$ICONS/${size}x${size}/apps/precis.png" precis
done
xdg-icon-resource forceupdate --mode user
mkdir -p "$DATA_HOME/icons/hicolor/scalable/apps"
cp "$ASSETS/precis.svg" "$DATA_HOME/icons/hicolor/scalable/apps/precis.svg"

xdg-desktop-menu install --mode user --novendor "$work/precis.desktop"

if [ "$set_default" = yes ]; then
  # shellcheck disable=SC2086 # one argument per MIME type
  xdg-mime default precis.desktop $MIME_TYPES
fi

echo "Précis is in your applications menu (runs $exec_path)."
[ "$set_default" = yes ] && echo "It opens $MIME_TYPES files by default; undo with $HERE/uninstall.sh."
exit 0
