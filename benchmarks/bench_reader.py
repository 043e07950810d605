"""Time and memory of refusing each hostile input (issue 10), beside reading a valid file the same way.

Run:  .venv/bin/python benchmarks/bench_reader.py [--runs 5] [--timeout 30] [--cases fifo,zip-bom,...]

Not part of the test suite (no timing asserts anywhere). The corpus is the
tests' own (``tests/hostile.py``), built in a temporary folder. Each case is
measured in a fresh subprocess (``--one``), so that one case's memory or a hang
never colours another's, with an address-space limit of 2 GB and a time limit
(``--timeout``; a case that hits it is reported as HUNG):

- the reader path: ``read_result`` for a result file (whatever it really is:
  FIFO, device, folder, 60 MB, ...), ``load_doelen`` (``read_yaml`` and the
  doelen check) for YAML, ``collect`` (``parallel=False``) for a zip archive.
  ``read_result`` reads and decodes only: the checks against the kader (an
  answer off the scale, another kader) come later, so such cases show
  "valid" here though the commands refuse them;
- time: the best of ``--runs`` runs (one run when the first takes over a second);
- extra RSS: the child's peak resident memory (``getrusage`` ``ru_maxrss``) after
  the runs, minus the same just before them (modules imported, kader loaded);
- traced peak: ``tracemalloc``'s peak during one more run (Python and msgspec
  allocations; not libyaml's or zlib's);
- the baselines: a valid result, a valid doelen file and a zip with one valid
  result, read the same way; every case shows its ratio to the baseline of its kind.

The target per refused case: refused in under 0.1 s with under 50 MB extra
(the last column says whether it is met).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # hostile.py and builders.py, as the tests import them

MEMORY_LIMIT = 2 * 1024**3
TARGET_SECONDS = 0.1
TARGET_MB = 50.0


# --- in the child: one case --------------------------------------------------------------


def _maxrss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kB elsewhere


def _reader(kind: str):  # -> Callable[[Path], str]
    """The reader path for ``kind``; it returns what happened, in a few words."""
    from ictbekwaam.files.collect import collect
    from ictbekwaam.files.doelen import load_doelen
    from ictbekwaam.files.loader import load_kader
    from ictbekwaam.files.results import read_result

    kader = load_kader()
    if kind == "result":
        return lambda path: (read_result(path), "valid")[1]
    if kind == "yaml":
        return lambda path: (load_doelen(path, kader), "valid")[1]

    def read_zip(path: Path) -> str:
        collection = collect([path], kader, parallel=False)
        return f"{collection.tally.valid_files} counted, {len(collection.rejected)} refused"

    return read_zip


def _attempt(read, path: Path) -> str:
    from ictbekwaam.errors import DataError

    try:
        return read(path)
    except DataError:
        return "refused"
    except BaseException as exc:  # noqa: BLE001 - what the table is for
        return f"CRASH: {type(exc).__name__}"


def measure_one(kind: str, path: Path, runs: int) -> dict:
    """Measure one case in this (fresh) process."""
    import tracemalloc

    read = _reader(kind)  # imports done, kader loaded: the state before any reading
    before = _maxrss_mb()
    times = []
    outcome = ""
    for _ in range(runs):
        started = time.perf_counter()
        outcome = _attempt(read, path)
        times.append(time.perf_counter() - started)
        if times[0] > 1.0 or outcome.startswith("CRASH"):
            break
    extra_rss = _maxrss_mb() - before
    tracemalloc.start()
    _attempt(read, path)
    traced = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
    return {"outcome": outcome, "seconds": min(times), "median": statistics.median(times), "rss": extra_rss, "traced": traced}


# --- in the parent: every case ------------------------------------------------------------


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def run_one(kind: str, path: Path, runs: int, timeout: float) -> dict:
    """Measure one case in a fresh subprocess, with a time and memory limit."""
    command = [sys.executable, __file__, "--one", kind, str(path), "--runs", str(runs)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": f"HUNG (> {timeout:.0f} s)", "seconds": None, "rss": None, "traced": None}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"CRASH: {last[:60]}", "seconds": None, "rss": None, "traced": None}
    return json.loads(lines[-1])


def build(folder: Path):  # -> (corpus, baselines: kind -> path)
    from builders import DE_BRUG
    from hostile import build_corpus

    from ictbekwaam.files.loader import load_kader

    corpus = build_corpus(folder / "corpus", load_kader())
    base = folder / "basis"
    base.mkdir()
    good = corpus.good.read_bytes()
    result = base / "resultaat.json"
    result.write_bytes(good)
    doelen = base / "doelen.yaml"
    doelen.write_text(DE_BRUG, encoding="utf-8")
    archive = base / "een.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("resultaat.json", good)
    return corpus, {"result": result, "yaml": doelen, "zip": archive}


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.3f} ms"


def _kb(kb: float | None) -> str:
    return "-" if kb is None else f"{kb:.0f} kB"


def _mb(mb: float | None) -> str:
    return "-" if mb is None else f"{mb:.1f} MB"


def _ratio(value: float | None, base: float | None, floor: float) -> str:
    if value is None or base is None:
        return "-"
    return f"{max(value, floor) / max(base, floor):.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (the best counts)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a case counts as hung")
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], Path(args.one[1]), args.runs)))
        return

    from hostile import ALL_CASES

    wanted = {n for n in args.cases.split(",") if n}
    cases = [c for c in ALL_CASES if not wanted or c.name in wanted]
    with tempfile.TemporaryDirectory(prefix="ictbekwaam-hostile-") as tmp:
        started = time.perf_counter()
        corpus, baselines = build(Path(tmp))
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; corpus built in {time.perf_counter() - started:.1f} s")
        print(f"target per refused case: < {TARGET_SECONDS * 1000:.0f} ms and < {TARGET_MB:.0f} MB extra\n")
        base = {kind: run_one(kind, path, args.runs, args.timeout) for kind, path in baselines.items()}
        header = (
            f"{'case':<28} {'kind':<6} {'expected':<8} {'outcome':<24} {'time':>10} {'× base':>7} "
            f"{'extra RSS':>10} {'× base':>7} {'traced peak':>12} {'× base':>7}  target"
        )
        print(header)
        print("-" * len(header))
        for kind, row in base.items():
            print(
                f"{'BASELINE (valid)':<28} {kind:<6} {'valid':<8} {row['outcome'][:24]:<24} {_ms(row['seconds']):>10} {'1.0×':>7} "
                f"{_mb(row['rss']):>10} {'1.0×':>7} {_kb(row['traced']):>12} {'1.0×':>7}"
            )
        misses = []
        for case in cases:
            path = corpus.path(case)
            if path is None:
                print(f"{case.name:<28} (cannot be made on this system)")
                continue
            row = run_one(case.kind, path, args.runs, args.timeout)
            b = base[case.kind]
            met = ""
            if case.expect != "valid":
                ok = (
                    row["seconds"] is not None
                    and row["seconds"] < TARGET_SECONDS
                    and row["rss"] is not None
                    and row["rss"] < TARGET_MB
                    and not row["outcome"].startswith(("CRASH", "HUNG"))
                )
                met = "ok" if ok else "MISSED"
                if not ok:
                    misses.append(case.name)
            print(
                f"{case.name:<28} {case.kind:<6} {case.expect:<8} {row['outcome'][:24]:<24} {_ms(row['seconds']):>10} "
                f"{_ratio(row['seconds'], b['seconds'], 1e-6):>7} {_mb(row['rss']):>10} {_ratio(row['rss'], b['rss'], 0.1):>7} "
                f"{_kb(row['traced']):>12} {_ratio(row['traced'], b['traced'], 1.0):>7}  {met}",
                flush=True,
            )
        print(
            "\nRatios: a case's figure over its baseline's (time floored at 1 µs, RSS at 0.1 MB, traced at 1 kB)."
            "\nextra RSS: peak resident memory of the fresh process during the runs, minus before them;"
            "\ntraced peak: tracemalloc during one more run (not libyaml's or zlib's own buffers)."
        )
        print(f"\ntarget missed by {len(misses)} case(s): {', '.join(misses)}" if misses else "\nevery refused case met the target")


if __name__ == "__main__":
    main()
