"""Double-clicking files while Précis runs: the running window takes them, no second window opens.

Starts the real app under the test display (pytest-xvfb), runs `precis FILE` twice more, and checks
with the X server (xdotool) that one Précis window exists and that the library holds all the files.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = """{title}

The {place} council met on Monday to discuss the new ferry timetable for the {place} harbour.

Members agreed that the morning service would start an hour earlier from March next year.

The mayor of {place} said the change would help people who work in the city centre.
"""


def _windows() -> list[str]:
    out = subprocess.run(["xdotool", "search", "--class", "precis"], capture_output=True, text=True)
    return out.stdout.split()


def _titles() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "desktop", "library", "list", "--json"],
                         capture_output=True, text=True, timeout=60)
    return sorted(json.loads(line)["title"] for line in out.stdout.splitlines() if line.strip())


def _wait(condition, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (bootstrap.sh installs it)")
def test_precis_file_twice_more_hands_over_to_the_one_window(tmp_path: Path) -> None:
    files = []
    for place in ("Harbourtown", "Millford", "Stonebridge"):
        path = tmp_path / f"{place} news.txt"
        path.write_text(ARTICLE.format(title=f"{place} backs earlier ferries", place=place), encoding="utf-8")
        files.append(path)
    app = subprocess.Popen([sys.executable, "-m", "desktop", str(files[0])],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: len(_windows()) >= 1), "the first window never appeared"
        for path in files[1:]:
            handed = subprocess.run([sys.executable, "-m", "desktop", str(path)], capture_output=True,
                                    text=True, timeout=60)
            assert handed.returncode == 0, handed.stderr
        expected = sorted(f"{p} backs earlier ferries" for p in ("Harbourtown", "Millford", "Stonebridge"))
        assert _wait(lambda: _titles() == expected), _titles()
        assert len(_windows()) == 1
        assert app.poll() is None  # the first one is still the window
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.communicate()
