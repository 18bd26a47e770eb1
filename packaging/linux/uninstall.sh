#!/bin/sh
# Removes what packaging/linux/install.sh added for the current user: the menu entry, the icons and
# Précis as default app (other apps' associations are left as they were). Your library is kept.
set -eu

SIZES="16 24 32 48 64 128 256 512"
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG_HOME=${XDG_CONFIG_HOME:-$HOME/.config}

if command -v xdg-desktop-menu >/dev/null 2>&1; then
  xdg-desktop-menu uninstall --mode user precis.desktop || true
fi
if command -v xdg-icon-resource >/dev/null 2>&1; then
  for size in $SIZES; do
    xdg-icon-resource uninstall --mode user --noupdate --context apps --size "$size" precis || true
  done
  xdg-icon-resource forceupdate --mode user || true
fi
rm -f "$DATA_HOME/icons/hicolor/scalable/apps/precis.svg" "$DATA_HOME/applications/precis.desktop"

# xdg-mime has no "unset": drop precis.desktop from every association list (mimeapps.list and the
# older defaults.list), and drop lines left with no application.
for list in "$CONFIG_HOME/mimeapps.list" "$DATA_HOME/applications/mimeapps.list" \
            "$DATA_HOME/applications/defaults.list"; do
  [ -f "$list" ] || continue
  awk -F= 'BEGIN { OFS = "=" }
    /^[^[#][^=]*=/ {
      key = $1; value = substr($0, length(key) + 2); n = split(value, apps, ";"); kept = ""
      for (i = 1; i <= n; i++) if (apps[i] != "" && apps[i] != "precis.desktop") kept = kept apps[i] ";"
      if (kept == "") next
      print key, kept; next
    }
    { print }' "$list" > "$list.tmp"
  mv "$list.tmp" "$list"
done

if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
  update-desktop-database "$DATA_HOME/applications" 2>/dev/null || true
fi
echo "Précis is no longer in your applications menu; your library is still in its data folder."
