#!/usr/bin/env bash
# Builds the frozen Précis (packaging/build.sh) and checks that it works like the source install:
#   1. `precis --version`
#   2. `precis summarize seeds/hama.txt -n 3` with no display and no NLTK data: the same lines as the
#      source install prints
#   3. `precis clean page.html --json`: trafilatura, jusText and courlan found their data files
#      (the same JSON as the source install)
#   4. `precis-gui seeds/hama.txt` on a virtual screen (Xvfb): the window maps and shows the summary
#      (the app's start-up probe), and with x11-utils installed, the X server lists a "Précis" window
#      that accepts drops (tkdnd loaded: XdndAware) and carries the icon (_NET_WM_ICON).
# Prints one "ok:" line per check; exits 1 at the first failure.
#
#   packaging/check_frozen.sh [--no-build]    (--no-build: check the dist/precis already built)
#   SHOT=path.png packaging/check_frozen.sh   also saves a screenshot of the window (ImageMagick)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON="${PYTHON:-.venv/bin/python}"
DIST="$ROOT/dist/precis"

if [ "${1:-}" != "--no-build" ]; then
  bash packaging/build.sh
fi
[ -x "$DIST/precis" ] || { echo "check_frozen: no $DIST/precis; run packaging/build.sh" >&2; exit 1; }

T=$(mktemp -d)
xvfb=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
mkdir -p "$T/nltk_data" "$T/data"
# As on a user's machine: no NLTK data, a library of its own, no display unless given one.
export NLTK_DATA="$T/nltk_data" PRECIS_DATA_DIR="$T/data"
unset DISPLAY PRECIS_STARTUP_PROBE 2>/dev/null || true

fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. --version
version=$("$DIST/precis" --version) || fail "precis --version exited $?"
expected=$("$PYTHON" -m desktop --version)
[ "$version" = "$expected" ] || fail "precis --version printed '$version', the source install '$expected'"
echo "ok: precis --version -> $version"

# 2. summarize, headless
"$DIST/precis" summarize seeds/hama.txt -n 3 > "$T/frozen.txt" 2> "$T/err.txt" \
  || fail "precis summarize exited $?: $(cat "$T/err.txt")"
[ "$(grep -c '^- ' "$T/frozen.txt")" -eq 3 ] || fail "summarize did not print 3 sentences: $(cat "$T/frozen.txt")"
# Scores and facts too: without sumy's stop words the same sentences can still come out, but the
# scores and the keywords change.
for command in "summarize seeds/hama.txt -n 3 --json" "facts seeds/hama.txt --json"; do
  # shellcheck disable=SC2086 # the command's words
  "$DIST/precis" $command > "$T/frozen.json" 2> "$T/err.txt" || fail "precis $command exited $?: $(cat "$T/err.txt")"
  # shellcheck disable=SC2086
  "$PYTHON" -m desktop $command > "$T/source.json"
  cmp -s "$T/frozen.json" "$T/source.json" || fail "precis $command differs from the source install"
done
echo "ok: precis summarize seeds/hama.txt -n 3 (headless, no NLTK data): 3 sentences; scores and facts as the source install"

# 3. clean of a saved web page (trafilatura and friends load their data files)
cat > "$T/page.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Otters return to the Thames | River News</title><meta name="author" content="Ana Ruiz"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Otters return to the Thames</h1>
<p>Otters have returned to the Thames in London for the first time in decades, said Dr. Ana Ruiz of the Wildlife Trust on Thursday.</p>
<p>The animals were seen near Hammersmith Bridge by volunteers who counted at least 12 otters along a three-mile stretch of the river in April.</p>
<p>"It is a sign that the water is cleaner than it has been for a century," Ruiz said. The Environment Agency spent £40 million on new sewers.</p></article>
<footer><p>Subscribe to our newsletter</p><p>© 2024 River News. All rights reserved.</p></footer></body></html>
HTML
"$DIST/precis" clean "$T/page.html" --json > "$T/frozen.json" 2> "$T/err.txt" \
  || fail "precis clean page.html exited $?: $(cat "$T/err.txt")"
"$PYTHON" -m desktop clean "$T/page.html" --json > "$T/source.json"
grep -q '"title": "Otters return to the Thames"' "$T/frozen.json" || fail "clean found no title: $(cat "$T/frozen.json")"
cmp -s "$T/frozen.json" "$T/source.json" || fail "clean differs from the source install"
echo "ok: precis clean page.html --json: the same article as the source install"

# 4. the window, on a virtual screen of our own
command -v Xvfb >/dev/null 2>&1 || fail "Xvfb is missing (apt-get install xvfb)"
# -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$T/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 1 100); do [ -s "$T/display" ] && break; sleep 0.1; done
[ -s "$T/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(cat "$T/display")"

# The start-up probe (desktop/app.py) writes when the window mapped and the summary showed, then quits.
PRECIS_STARTUP_PROBE="$T/probe.tsv" timeout 120 "$DIST/precis-gui" seeds/hama.txt > "$T/gui.log" 2>&1 \
  || fail "precis-gui with the start-up probe exited $?: $(cat "$T/gui.log")"
grep -q '^mapped' "$T/probe.tsv" 2>/dev/null || fail "the window never mapped: $(cat "$T/gui.log")"
grep -q '^summary' "$T/probe.tsv" || fail "the summary never showed: $(cat "$T/gui.log")"
[ ! -s "$T/gui.log" ] || fail "precis-gui wrote warnings or errors: $(cat "$T/gui.log")"
echo "ok: precis-gui seeds/hama.txt under Xvfb: the window mapped and showed the summary, no warnings"

if command -v xwininfo >/dev/null 2>&1 && command -v xprop >/dev/null 2>&1; then
  "$DIST/precis-gui" seeds/hama.txt > "$T/gui.log" 2>&1 &
  app=$!
  window=""
  props=""
  for _ in $(seq 1 120); do
    window=$(xwininfo -root -tree | grep '"Précis' | awk '{print $1}' | head -1 || true)
    if [ -n "$window" ]; then
      props=$(xprop -id "$window" XdndAware _NET_WM_ICON 2>/dev/null | cut -c1-60 || true)
      case "$props" in *"XdndAware(ATOM)"*"_NET_WM_ICON(CARDINAL)"*) break ;; esac
    fi
    sleep 0.25
  done
  [ -n "$window" ] || fail "the X server lists no Précis window"
  case "$props" in *"XdndAware(ATOM)"*) ;; *) fail "the window does not accept drops (tkdnd not loaded): $props" ;; esac
  case "$props" in *"_NET_WM_ICON(CARDINAL)"*) ;; *) fail "the window has no icon: $props" ;; esac
  if [ -n "${SHOT:-}" ] && command -v import >/dev/null 2>&1; then
    sleep 1
    import -window root "$SHOT"
    echo "screenshot: $SHOT"
  fi
  echo "ok: the X server lists the window \"$(xwininfo -id "$window" | sed -n 's/.*"\(.*\)"$/\1/p' | head -1)\"," \
       "a drop target (XdndAware) with its icon"
else
  echo "skipped: the X-level window check needs xwininfo and xprop (apt-get install x11-utils)"
fi
echo "OK: the frozen Précis in dist/precis works"
