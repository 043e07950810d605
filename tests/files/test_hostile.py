"""Issue 10: bad input never gives a traceback, a hang or silent loss.

Every case of the hostile corpus (``tests/hostile.py``) goes through ``validate``,
``profile`` and ``report`` (beside three good files); the YAML cases through
``validate``, ``--doelen``, ``--kader`` and ``--handreiking``. Each time: the
right exit code, the file named with a Dutch reason, no English from Python,
msgspec, PyYAML or the OS, no traceback, and for ``report`` the good files
still counted.

Cases that could crash the interpreter or eat memory on a broken reader
(``Case.isolate``: deep nesting, /dev/zero, the zip bomb, the YAML bombs) run
as ``python -m ictbekwaam`` with a 20 s timeout and a 1 GB address-space limit
(so that a billion laughs fails the test instead of the machine); the rest run
in-process through ``run_cli``, as the other CLI tests do, under a 20 s alarm
(a FIFO opened blocking fails the test instead of hanging the suite). Both
limits are hang guards, not timing asserts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from builders import Hung, deadline
from english import english_in
from hostile import ALL_CASES, CASES, YAML_CASES, Case, Corpus, build_corpus, good_results

TIMEOUT = 20  # seconds; a hang guard only
MEMORY_LIMIT = 1024**3  # address space of a subprocess; the tool needs ~300 MB of it


@dataclass
class Run:
    code: int
    out: str
    err: str

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out[-1500:]!r}, err={self.err[-1500:]!r})"


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def run_subprocess(*args: str, cwd: Path | None = None) -> Run:
    """``python -m ictbekwaam ARGS`` in a subprocess: a hang or a crash fails the test, never the suite."""
    env = dict(os.environ)
    env.update(NO_COLOR="1", TERM="dumb", COLUMNS="200", PYTHONUTF8="1", ICTBEKWAAM_DEBUG="1")
    env.pop("ICTBEKWAAM_PARALLEL", None)
    command = [sys.executable, "-m", "ictbekwaam", *args]
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hangs: {' '.join(args)} did not end within {TIMEOUT} s")
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, kader) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("hostile"), kader)


@pytest.fixture(scope="session")
def goods(tmp_path_factory, kader) -> list[Path]:
    """Three valid results of three other teachers."""
    folder = tmp_path_factory.mktemp("goed")
    paths = []
    for n, data in enumerate(good_results(kader, 3)):
        path = folder / f"goed-{n}.json"
        path.write_bytes(data)
        paths.append(path)
    return paths


@pytest.fixture
def run(run_cli, monkeypatch):
    """Run the CLI for ``case``: in a subprocess when it may crash or eat memory, else in-process under an alarm."""

    def run_case(case: Case, *args: str, cwd: Path | None = None) -> Run:
        if case.isolate:
            return run_subprocess(*args, cwd=cwd)
        with monkeypatch.context() as patch, deadline(TIMEOUT):
            if cwd is not None:
                patch.chdir(cwd)
            try:
                result = run_cli(*args)
            except Hung as hung:
                pytest.fail(f"{hung}: {' '.join(args)}")
        return Run(result.code, result.out, result.err)

    return run_case


def path_of(corpus: Corpus, case: Case) -> Path:
    path = corpus.path(case)
    if path is None:
        pytest.skip(f"{case.name}: cannot be made on this system")
    return path


def assert_calm(text: str, *names: str | Path) -> None:
    """No traceback, no caught bug, no English."""
    assert "Traceback" not in text, text[-3000:]
    assert "interne fout" not in text, text[-3000:]
    english = english_in(text, *names)
    assert not english, f"English in the output: {english}\n{text[-3000:]}"


def validate_block(out: str, label: str) -> tuple[str | None, list[str]]:
    """(the verdict line for ``label``, the indented reason lines below it) in ``validate``'s output."""
    lines = out.splitlines()
    for n, line in enumerate(lines):
        if line.startswith((f"✓ {label}: ", f"✗ {label}: ")):
            reasons = []
            for below in lines[n + 1 :]:
                if not below.startswith("  "):
                    break
                reasons.append(below)
            return line, reasons
    return None, []


# --- validate ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_validate(case, corpus, run):
    path = path_of(corpus, case)
    done = run(case, "validate", str(path))
    labels = case.labels(path)
    assert_calm(done.out + done.err, *labels, path)
    verdicts = {label: validate_block(done.out, label) for label in labels}
    for label, (line, reasons) in verdicts.items():
        assert line is not None, f"{label} is not named: {done!r}"
        if case.expect == "valid":
            assert line.startswith(f"✓ {label}: geldig"), done
            if case.note:
                assert case.note in line, done
        elif case.expect == "refused" or line.startswith("✗"):
            assert line == f"✗ {label}: ongeldig", done
            assert reasons and all(r.strip() for r in reasons), f"no reason given: {done!r}"
            if case.reason:
                assert re.search(case.reason, "\n".join(reasons)), (case.reason, done)
    bad = sum(line is not None and line.startswith("✗") for line, _ in verdicts.values())
    assert done.code == (1 if bad else 0), done
    if bad:
        assert re.search(rf"^Fout: {bad} van de \d+ bestand(en)? (is|zijn) ongeldig", done.err, re.M), done
    else:
        assert "Fout" not in done.err, done


# --- profile ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_profile(case, corpus, run):
    path = path_of(corpus, case)
    done = run(case, "profile", str(path))
    assert_calm(done.out + done.err, path)
    expect = case.profile
    if expect == "either" and case.expect == "either":  # as validate says
        expect = "valid" if run(case, "validate", str(path)).code == 0 else "refused"
    elif expect == "either":  # profile's own choice
        expect = "valid" if done.code == 0 else "refused"
    if expect == "valid":
        assert done.code == 0, done
        assert "Profiel ict-bekwaamheid" in done.out
    else:
        assert done.code == 1, done
        assert done.out == "", done
        assert done.err.startswith(f"Fout: {path}"), done
        reason = done.err[len(f"Fout: {path}") :].strip(" ,:\n")
        assert reason, f"no reason given: {done!r}"
        if case.reason and case.kind != "zip":
            assert re.search(case.reason, reason), (case.reason, done)


# --- report, beside three good files -------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_report_counts_the_good_files(case, corpus, goods, run, tmp_path):
    path = path_of(corpus, case)
    work = tmp_path / "werk"  # the current folder: where a zip member named ../x would land
    work.mkdir()
    done = run(case, "report", str(path), *map(str, goods), "--format", "json", cwd=work)
    labels = case.labels(path)
    assert_calm(done.err, *labels, path, *goods)
    assert done.code == 0, done
    data = json.loads(done.out)
    valid, people = data["files"]["valid"], data["respondents"]["total"]
    for skipped in data["files"]["skipped"]:
        assert_calm(skipped["reason"])
    named = {label: [line for line in done.err.splitlines() if line.startswith(f"  ✗ {label}: ")] for label in labels}

    outcome = case.report
    if outcome == "either":
        counted = valid == 3 + len(labels)
        outcome = "counted" if counted else "rejected"
        # validate says what report does: a file report skips is not "valid", and the other way round.
        verdict = run(case, "validate", str(path))
        assert verdict.code == (0 if counted else 1), (done, verdict)
    if outcome == "counted":
        assert (valid, people) == (3 + len(labels), 3 + len(labels)), done
        assert not any(named.values()), done
    elif outcome == "ignored":
        assert (valid, people) == (3, 3), done
    else:
        assert (valid, people) == (3, 3), done
        assert data["files"]["rejected"] >= len(labels), done
        for label, lines in named.items():
            assert lines, f"{label} is skipped without being named: {done!r}"
            reason = lines[0][len(f"  ✗ {label}: ") :]
            assert reason.strip(), done
            if case.reason:
                assert re.search(case.reason, reason), (case.reason, done)
    if case.kind == "zip":
        # Nothing is ever unpacked: no member appears anywhere, least of all outside the working folder.
        # (This test's own folders: other tests on the same worker may use these names themselves.)
        mine = [*tmp_path.rglob("*"), *path.parent.rglob("*")]
        assert not [p for p in mine if p.name in ("evil.json", "bomb.json", "binnen.zip")]
        assert not list(work.iterdir())


def refused_for_report(isolate: bool) -> list[Case]:
    return [c for c in CASES if c.report == "rejected" and c.isolate == isolate]


def assert_all_named(text: str, corpus: Corpus, cases: list[Case], relative: bool = False) -> None:
    flat = " ".join(text.split())  # a long name may wrap on screen
    for case in cases:
        path = corpus.path(case)
        if path is None:
            continue
        for label in case.labels(path.name if relative else path):
            assert re.search(rf"✗ {re.escape(label)}: \S", flat), f"{label} not listed with a reason:\n{text[-3000:]}"


def test_strict_refuses_to_report(corpus, goods, run_cli):
    cases = refused_for_report(isolate=False)
    paths = [str(corpus.path(c)) for c in cases if corpus.path(c) is not None]
    with deadline(TIMEOUT):
        done = run_cli("report", *map(str, goods), *paths, "--format", "json", "--strict")
    assert done.code == 1, done
    assert done.out == ""
    assert_all_named(done.err, corpus, cases)
    assert_calm(done.err, *paths, *goods)


def test_nothing_valid_still_lists_every_file(corpus, run_cli, monkeypatch):
    """No valid file left: exit 1, and each rejected file is on screen with its reason (not a bare "none valid")."""
    cases = refused_for_report(isolate=False)
    monkeypatch.chdir(corpus.folder)  # short names: nothing wraps in 80 columns
    names = [corpus.path(c).name for c in cases if corpus.path(c) is not None]
    with deadline(TIMEOUT):
        done = run_cli("report", *names)
    assert done.code == 1, done
    assert_all_named(done.out + done.err, corpus, cases, relative=True)
    assert_calm(done.out + done.err, *names)


def test_nothing_valid_still_lists_every_file_isolated(corpus, tmp_path):
    """The same for the cases that may hang or crash (FIFO, devices, deep nesting, zip bomb, ...), in one subprocess."""
    cases = refused_for_report(isolate=True)
    names = [corpus.path(c).name for c in cases if corpus.path(c) is not None]
    done = run_subprocess("report", *names, cwd=corpus.folder)
    assert done.code == 1, done
    assert_all_named(done.out + done.err, corpus, cases, relative=True)
    assert_calm(done.out + done.err, *names)


def test_validate_checks_every_member_of_a_zip(tmp_path, goods, run_cli):
    """validate reads a zip as report does: each .json member checked and named ``archief.zip:member``."""
    archive = tmp_path / "team.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("goed.json", goods[0].read_bytes())
        out.writestr("map/kapot.json", goods[1].read_bytes()[:100])
        out.writestr("notities.txt", b"geen resultaat")  # not a result member: not looked at, as in report
    with deadline(TIMEOUT):
        done = run_cli("validate", str(archive))
    assert done.code == 1, done
    line, _ = validate_block(done.out, f"{archive}:goed.json")
    assert line is not None and line.startswith(f"✓ {archive}:goed.json: geldig resultaat"), done
    line, reasons = validate_block(done.out, f"{archive}:map/kapot.json")
    assert line == f"✗ {archive}:map/kapot.json: ongeldig" and reasons, done
    assert "notities.txt" not in done.out
    assert re.search(r"^Fout: 1 van de (1 bestand|\d+ bestanden) is ongeldig", done.err, re.M), done
    assert_calm(done.out + done.err, archive)


# --- what the tool does with a duplicate key ---------------------------------------------------


def test_a_duplicate_key_last_wins_or_refused(corpus, kader):
    """JSON leaves duplicate keys to the parser. Accepting the file with the last value is fine, refusing it too;
    never a crash, and never the first value (what an editor shows last is what the teacher last typed)."""
    from ictbekwaam.errors import DataError
    from ictbekwaam.files.results import read_result

    case = next(c for c in CASES if c.name == "dubbele-sleutel")
    try:
        result = read_result(path_of(corpus, case))
    except DataError as exc:
        assert str(path_of(corpus, case)) in str(exc)
    else:
        assert len(result.answers) == len(kader.all_items()), "the first 'answers' won"


# --- YAML: --doelen, --kader, --handreiking and validate ------------------------------------------

YAML_COMMANDS = {
    "validate": lambda path, good: ("validate", str(path)),
    "doelen": lambda path, good: ("profile", str(good), "--doelen", str(path)),
    "kader": lambda path, good: ("--kader", str(path), "kader"),
    "handreiking": lambda path, good: ("--handreiking", str(path), "gesprek"),
}


@pytest.mark.parametrize("command", YAML_COMMANDS)
@pytest.mark.parametrize("case", YAML_CASES, ids=lambda c: c.name)
def test_yaml(case, command, corpus, goods, run):
    path = path_of(corpus, case)
    done = run(case, *YAML_COMMANDS[command](path, goods[0]))
    assert_calm(done.out + done.err, path, goods[0])
    # None of the cases is a kader or a handreiking; the valid one is a doelen file.
    expect = case.expect if command in ("validate", "doelen") else "refused"
    if command == "validate":
        line, reasons = validate_block(done.out, str(path))
        assert line is not None, done
        if expect == "valid":
            assert done.code == 0 and line.startswith(f"✓ {path}: geldig doelenbestand"), done
        else:
            assert done.code == 1, done
            assert line == f"✗ {path}: ongeldig" and reasons, done
            assert re.search(r"^Fout: 1 van de 1 bestand is ongeldig", done.err, re.M), done
    elif expect == "valid":
        assert done.code == 0, done
        assert done.err == "", done
    else:
        assert done.code == 1, done
        assert done.err.startswith(f"Fout: {path}"), done
        assert done.err[len(f"Fout: {path}") :].strip(" ,:\n"), f"no reason given: {done!r}"


def test_every_case_is_built(corpus):
    """The corpus has every case this system can make (FIFOs and sockets need POSIX)."""
    missing = {c.name for c in ALL_CASES} - set(corpus.paths)
    assert missing <= {"fifo", "socket", "apparaat-null", "apparaat-zero", "symlink-lus"}, missing
    assert len({c.name for c in ALL_CASES}) == len(ALL_CASES)
    assert len({c.file for c in ALL_CASES}) == len(ALL_CASES)
