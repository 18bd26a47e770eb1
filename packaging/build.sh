#!/usr/bin/env bash
# Builds the frozen Précis with PyInstaller into dist/precis/ (one folder: run dist/precis/precis).
# Installs PyInstaller into .venv when it is missing. Prints the build time and the size.
#   packaging/build.sh            (PYTHON=path/to/python to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
if [ ! -x "$PYTHON" ] && ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "build.sh: $PYTHON not found; run packaging/bootstrap.sh first" >&2
  exit 1
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  "$PYTHON" -m pip install -q "pyinstaller>=6,<7"
fi

# The nltk hook bundles any NLTK data it finds; an empty NLTK_DATA keeps the build from depending
# on the build machine (the spec also drops it).
empty_nltk=$(mktemp -d)
trap 'rm -rf "$empty_nltk"' EXIT

start=$(date +%s)
NLTK_DATA="$empty_nltk" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/precis.spec
end=$(date +%s)

echo "Built dist/precis in $((end - start)) s, $(du -sh dist/precis | cut -f1)" \
  "($(find dist/precis -type f | wc -l) files). Run: dist/precis/precis --version"
