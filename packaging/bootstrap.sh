#!/usr/bin/env bash
# Installs what Précis needs on a fresh Debian/Ubuntu machine: system packages (Tk, a virtual
# screen for the GUI tests, desktop-entry tools), then a virtualenv in .venv with Précis and its
# test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-urw-base35: P052, a Palatino-like book serif for the reading column (a bare Debian has DejaVu only;
# the window measures whichever font it gets, so DejaVu Serif still works).
APT_PACKAGES=(python3-venv python3-tk xvfb xauth xdotool desktop-file-utils xdg-utils fonts-urw-base35)
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
# compat: the editable install is a plain path in a .pth file, not setuptools' import hook, which
# imports pathlib and is asked about every module: 50-70 ms of every start of the window.
.venv/bin/python -m pip install -q -e ".[test]" --config-settings editable_mode=compat
echo "Précis is installed in .venv: run .venv/bin/precis"
