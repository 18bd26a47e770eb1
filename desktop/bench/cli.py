"""Command-line cost: `python -m desktop.bench cli [--runs N] [--words 10000] [--command CMD]`.

Runs `precis summarize FILE` (this Python with -m desktop, or CMD) N times on a one-line file and on
a file of --words words (paragraphs of the summary benchmark, built as `bench speed` builds them),
alternating, in fresh processes with NLTK_DATA empty and Python's bytecode cache on (as a user has
it). Prints the median wall seconds and CPU seconds of each and what the long file costs beyond the
one-line file: the work that grows with the text, since both pay the interpreter and the imports.
Target (issue 15): ≤ 0.1 s beyond the one-line file at 10,000 words.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 0.1  # seconds beyond the one-line file, at 10,000 words
ONE_LINE = "Harbour Town opened its new library on Tuesday, the mayor said.\n"


def write_inputs(folder: Path, words: int) -> tuple[Path, Path]:
    from desktop.bench.speed import DEFAULT_DATA, build_input, source_paragraphs

    article = build_input(source_paragraphs(DEFAULT_DATA), words)
    long = folder / f"{words}-words.txt"
    long.write_text(article.title + "\n\n" + "\n\n".join(p.text for p in article.paragraphs) + "\n",
                    encoding="utf-8")
    short = folder / "one-line.txt"
    short.write_text(ONE_LINE, encoding="utf-8")
    return short, long


def one_run(command: list[str], path: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one `summarize` of path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*command, "summarize", str(path)], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"cli: {shlex.join(command)} summarize {path} exited {done.returncode}:\n"
                         + done.stderr.decode(errors="replace")[-2000:])
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench cli", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per file (default 7)")
    parser.add_argument("--words", type=int, default=10_000, help="words of the long file (default 10000)")
    parser.add_argument("--command", default=None, help="program to run (default: this Python with -m desktop)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    command = shlex.split(args.command) if args.command else [sys.executable, "-m", "desktop"]
    with tempfile.TemporaryDirectory(prefix="precis-bench-cli-") as tmp:
        short, long = write_inputs(Path(tmp), args.words)
        empty = Path(tmp) / "nltk"
        empty.mkdir()
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(NLTK_DATA=str(empty), PRECIS_DATA_DIR=str(Path(tmp) / "data"))
        one_run(command, short, env)  # untimed: writes the bytecode caches a user's install has
        times: dict[Path, list[tuple[float, float]]] = {short: [], long: []}
        for _ in range(args.runs):
            for path in (short, long):
                times[path].append(one_run(command, path, env))
    medians = {p: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for p, t in times.items()}
    print(f"precis summarize, {args.runs} runs each (median seconds; cpu: user + system of the process)")
    for path, label in ((short, "one-line file"), (long, f"{args.words:,} words")):
        wall, cpu = medians[path]
        print(f"  {label:<16} wall {wall:.3f}  cpu {cpu:.3f}")
    beyond_wall = medians[long][0] - medians[short][0]
    beyond_cpu = medians[long][1] - medians[short][1]
    verdict = "met" if beyond_wall <= TARGET else "NOT met"
    print(f"beyond the one-line file: wall {beyond_wall:.3f} s, cpu {beyond_cpu:.3f} s "
          f"(target ≤ {TARGET} s at 10,000 words: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
