"""Speed and memory of ``ictbekwaam report`` over 1,000, 10,000 and 100,000 result files.

Run:  .venv/bin/python benchmarks/bench_report.py [--sizes 1000,10000,100000] [--runs 5]

Not part of the test suite (no timing asserts anywhere). It prints:

1. per size, the full command ``python -m ictbekwaam report --format json DIR``
   as a subprocess (start-up included), wall clock with a warm file cache: best
   and median of ``--runs`` runs after one warm-up run; once with the default
   (a forked child reads half of the files) and once with
   ``ICTBEKWAAM_PARALLEL=0`` (one process);
2. the peak memory (max RSS of the command and its forked reader, from
   ``getrusage(RUSAGE_CHILDREN)`` in a fresh helper process per measurement);
3. for scale, in this process: a plain loop that reads and ``json.loads``
   every file, the same with msgspec decoding into the typed ``Result``, and
   ``collect`` (read + validate + tally) sequential and parallel;
4. start-up alone: ``python -m ictbekwaam report --help``;
5. the table for README.md, in Dutch, after a ``<!-- benchmark -->`` line:
   paste it over the table below that line in the README. (The README's table
   is checked against :func:`readme_row` and :data:`README_ROW` by the tests.)

The data are demo results (``ictbekwaam.files.demo``, seed 2024) written once into
``$TMPDIR/ictbekwaam-bench/N`` and reused when present. They are written with
plain writes (no fsync): this is a fixture, not user data.

Python is run without PYTHONDONTWRITEBYTECODE, so that the modules are
compiled once (as a ``pip install`` does) instead of on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 2024
ROOT = Path(tempfile.gettempdir()) / "ictbekwaam-bench"
DEFAULT_SIZES = (1000, 10_000, 100_000)

README_MARKER = "<!-- benchmark -->"
README_HEADER = (
    "| bestanden | report --format json | met één proces | piekgeheugen (RSS) |\n"
    "|---:|---:|---:|---:|"
)
# One row of the README's table, as readme_row writes it.
README_ROW = re.compile(
    r"^\| (?P<files>\d{1,3}(?:\.\d{3})*) "
    r"\| (?P<best>\d+,\d\d) s \(mediaan (?P<median>\d+,\d\d) s\) "
    r"\| (?P<one_process>\d+,\d\d) s "
    r"\| (?P<rss>\d+) MB(?: \((?P<ratio>\d+,\d) × dat bij (?P<first>\d{1,3}(?:\.\d{3})*)\))? \|$"
)


def _dutch_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _dutch(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}".replace(".", ",")


def readme_row(
    files: int, best: float, median: float, one_process: float, rss_mb: float,
    ratio: float | None = None, first_files: int | None = None,
) -> str:
    """One row of the README's table; the last row also says how its memory compares to the first."""
    memory = f"{rss_mb:.0f} MB"
    if ratio is not None and first_files is not None:
        memory += f" ({_dutch(ratio, 1)} × dat bij {_dutch_int(first_files)})"
    return (
        f"| {_dutch_int(files)} | {_dutch(best, 2)} s (mediaan {_dutch(median, 2)} s) "
        f"| {_dutch(one_process, 2)} s | {memory} |"
    )


def readme_table(rows: list[tuple[int, tuple[float, float], tuple[float, float], float]]) -> str:
    """The README's table (marker line first) from (files, (best, median), one process (best, median), peak RSS MB)."""
    lines = [README_MARKER, README_HEADER]
    for i, (n, par, seq, rss) in enumerate(rows):
        last = len(rows) > 1 and i == len(rows) - 1
        first_n, first_rss = rows[0][0], rows[0][3]
        lines.append(readme_row(n, par[0], par[1], seq[0], rss, rss / first_rss if last else None, first_n if last else None))
    return "\n".join(lines) + "\n"


def dataset(n: int) -> Path:
    """The folder with ``n`` demo result files (made once, then reused)."""
    from ictbekwaam import __version__
    from ictbekwaam.files.demo import demo_results, file_names
    from ictbekwaam.files.loader import load_kader
    from ictbekwaam.model.result import encode

    folder = ROOT / str(n)
    marker = folder / ".complete"
    stamp = f"{n} {SEED} {__version__}"
    if marker.exists() and marker.read_text() == stamp:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    kader = load_kader()
    started = time.perf_counter()
    for name, result in zip(file_names(n), demo_results(kader, n, SEED)):
        (folder / name).write_bytes(encode(result))
    marker.write_text(stamp)
    print(f"  ({n} demo files written to {folder} in {time.perf_counter() - started:.1f} s)", flush=True)
    return folder


def _env(parallel: bool | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if parallel is not None:
        env["ICTBEKWAAM_PARALLEL"] = "1" if parallel else "0"
    return env


def wall(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(best, median) wall-clock seconds of ``cmd`` after one warm-up run."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Max RSS (MB) of ``cmd`` and its children, measured in a fresh helper process."""
    helper = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", helper, *cmd], capture_output=True, text=True, env=env, check=True)
    kb = int(out.stdout.strip())
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024  # macOS reports bytes


def in_process(folder: Path) -> dict[str, float]:
    """Seconds of the reading loops, in this (already started) process."""
    from ictbekwaam.files.collect import collect
    from ictbekwaam.files.loader import load_kader
    from ictbekwaam.model.result import decode

    kader = load_kader()
    paths = sorted(str(p) for p in folder.glob("*.json"))
    out = {}

    def best(fn, repeat: int = 3) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return min(times)

    def json_loop() -> None:
        for p in paths:
            with open(p, "rb") as handle:
                json.loads(handle.read())

    def msgspec_loop() -> None:
        for p in paths:
            with open(p, "rb") as handle:
                decode(handle.read(), p)

    out["read + json.loads"] = best(json_loop)
    out["read + msgspec decode into Result"] = best(msgspec_loop)
    out["collect, one process"] = best(lambda: collect([str(folder)], kader, parallel=False))
    out["collect, two processes (fork)"] = best(lambda: collect([str(folder)], kader, parallel=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated numbers of files")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (after one warm-up)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, data in {ROOT}")
    startup_cmd = [sys.executable, "-m", "ictbekwaam", "report", "--help"]
    best, median = wall(startup_cmd, args.runs, _env())
    print(f"start-up (report --help): best {best * 1000:.0f} ms, median {median * 1000:.0f} ms\n")

    rows = []
    for n in sizes:
        folder = dataset(n)
        cmd = [sys.executable, "-m", "ictbekwaam", "report", "--format", "json", str(folder)]
        runs = args.runs if n <= 10_000 else max(2, args.runs // 2)
        par = wall(cmd, runs, _env())
        seq = wall(cmd, runs, _env(parallel=False))
        rss = peak_rss_mb(cmd, _env())
        rss_seq = peak_rss_mb(cmd, _env(parallel=False))
        loops = in_process(folder)
        rows.append((n, par, seq, rss, rss_seq, loops))
        print(f"{n:>7} files: report --format json  best {par[0]:.3f} s, median {par[1]:.3f} s "
              f"(one process: best {seq[0]:.3f} s, median {seq[1]:.3f} s); "
              f"peak RSS {rss:.0f} MB (one process {rss_seq:.0f} MB)", flush=True)
        for name, seconds in loops.items():
            print(f"          in-process {name:<36} {seconds:.3f} s ({seconds / n * 1e6:.1f} µs per file)")

    print("\n| files | report json, best | median | one process, best | median | peak RSS | peak RSS, one process |"
          " json.loads loop | msgspec loop | collect 1 proc | collect 2 proc |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, par, seq, rss, rss_seq, loops in rows:
        values = list(loops.values())
        print(f"| {n:,} | {par[0]:.3f} s | {par[1]:.3f} s | {seq[0]:.3f} s | {seq[1]:.3f} s | {rss:.0f} MB | {rss_seq:.0f} MB | "
              + " | ".join(f"{v:.3f} s" for v in values) + " |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"\npeak memory at {last[0]:,} files is {last[3] / first[3]:.1f}× that at {first[0]:,} files")
    print("\nFor README.md:\n")
    print(readme_table([(n, par, seq, rss) for n, par, seq, rss, _, _ in rows]))


if __name__ == "__main__":
    main()
