"""Expanding a report's inputs: patterns without glob, symbolic links followed without going round in
circles, every file once, and nothing left out without a Dutch word about it."""

from __future__ import annotations

import errno
import glob
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import as_nobody, readable_by_all

from ictbekwaam.errors import InputError, os_reason
from ictbekwaam.files.collect import collect
from ictbekwaam.files.demo import demo_results
from ictbekwaam.files.inputs import BROKEN_LINK, LOOP_FOLDER, LOOP_LINK, NO_FOLDER_PERMISSION, expand
from ictbekwaam.model.result import encode

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolische koppelingen")


def touch(root: Path, *names: str, data: bytes = b"{}") -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def link(path: Path, target: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def names(sources) -> list[str]:
    """The sources as relative paths with "/", whatever the OS."""
    return [s.replace(os.sep, "/") for s in sources]


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    """A small tree of result files and others, with hidden names; the current folder is its parent."""
    touch(
        tmp_path / "r",
        "6.json", ".8.json", "a/1.json", "a/2.json", "a/notes.txt", "b/3.json", "ab/4.json", "c/d/5.json",
        ".h/7.json", "e/.9.json",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path / "r"


# --- patterns ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("r/*.json", ["r/6.json"]),
        ("r/*/*.json", ["r/a/1.json", "r/a/2.json", "r/ab/4.json", "r/b/3.json"]),
        ("r/**/*.json", ["r/6.json", "r/a/1.json", "r/a/2.json", "r/ab/4.json", "r/b/3.json", "r/c/d/5.json"]),
        ("**/5.json", ["r/c/d/5.json"]),  # ** as zero or more folders, from the current folder
        ("r/c/**/5.json", ["r/c/d/5.json"]),
        ("r/c/d/**/5.json", ["r/c/d/5.json"]),  # ** as no folder at all
        ("r/?/*.json", ["r/a/1.json", "r/a/2.json", "r/b/3.json"]),
        ("r/[ab]/?.json", ["r/a/1.json", "r/a/2.json", "r/b/3.json"]),
        ("r/[!a]*/**/*.json", ["r/b/3.json", "r/c/d/5.json"]),
        # An explicitly matched file of any name is checked; a matched folder is read as a folder.
        ("r/a/*", ["r/a/1.json", "r/a/2.json", "r/a/notes.txt"]),
        ("r/*", ["r/6.json", "r/a/1.json", "r/a/2.json", "r/ab/4.json", "r/b/3.json", "r/c/d/5.json"]),
        ("r/*/", ["r/a/1.json", "r/a/2.json", "r/ab/4.json", "r/b/3.json", "r/c/d/5.json"]),  # folders only
        ("r/c/**", ["r/c/d/5.json"]),
        # Hidden names: only a pattern segment that starts with "." matches them.
        ("r/.*", ["r/.8.json", "r/.h/7.json"]),
        ("r/.h/*.json", ["r/.h/7.json"]),
        ("r/**/.*.json", ["r/.8.json", "r/e/.9.json"]),
        ("r/e/.*", ["r/e/.9.json"]),
    ],
)
def test_patterns(tree, pattern, expected):
    sources, skipped = expand([pattern])
    assert names(sources) == expected
    assert skipped == []


def test_patterns_agree_with_glob_on_files(tree):
    """Where glob's matches are all files, ours are the same paths, in the same (sorted) order."""
    for pattern in ["r/*.json", "r/*/*.json", "r/**/*.json", "**/?.json", "r/[ab]*/*.json", "r/**/.*.json", "*/**/[!1]*.json"]:
        expected = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        assert expand([pattern])[0] == expected, pattern


def test_an_absolute_pattern_keeps_its_base(tree):
    sources, _ = expand([str(tree / "**" / "[12].json")])
    assert sources == [str(tree / "a" / "1.json"), str(tree / "a" / "2.json")]


def test_a_pattern_that_matches_nothing(tree):
    for pattern in ["r/*.csv", "nergens/**/*.json", "r/a/1.json/*", "r/*/.z*", "r/e/*"]:
        with pytest.raises(InputError) as raised:
            expand([pattern])
        assert raised.value.message == f"'{pattern}': geen bestanden of mappen gevonden die hierop passen"


def test_a_folder_yields_results_in_walk_order(tree):
    touch(tree, "a/__MACOSX/._1.json", "__MACOSX/x.json", "f/G.JSON", "f/h.ZIP")
    (tree / "f" / "h.ZIP").write_bytes(b"geen zip")
    sources, skipped = expand(["r"])
    # A folder's files by name, then its folders by name; hidden names, __MACOSX and other names left alone.
    assert names(sources) == ["r/6.json", "r/a/1.json", "r/a/2.json", "r/ab/4.json", "r/b/3.json", "r/c/d/5.json", "r/f/G.JSON"]
    assert names(s for s, _ in skipped) == ["r/f/h.ZIP"]  # the archive: looked at, and it is no zip


# --- symbolic links ------------------------------------------------------------------


@pytest.fixture
def loops(tmp_path, monkeypatch) -> Path:
    """loop/a/{1,2}.json, loop/b/3.json, and two links that go round in circles."""
    touch(tmp_path / "loop", "a/1.json", "a/2.json", "b/3.json")
    link(tmp_path / "loop" / "a" / "up", "..")
    link(tmp_path / "loop" / "a" / "self", "../a")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "loop"


@needs_links
def test_two_loops_under_a_pattern_each_file_once_each_loop_named_once(loops):
    # Each loop once: once read, a folder is never read again, so its links are met once.
    files = ["loop/a/1.json", "loop/a/2.json", "loop/b/3.json"]
    circles = [("loop/a/self", LOOP_LINK), ("loop/a/up", LOOP_LINK)]
    sources, skipped = expand(["loop/**/*.json"])
    assert (names(sources), skipped) == (files, circles)
    sources, skipped = expand(["loop"])
    assert (names(sources), skipped) == (files, circles)
    # Folder and pattern together: still every file and every loop once.
    sources, skipped = expand(["loop", "loop/**/*.json", "loop/**"])
    assert (names(sources), skipped) == (files, circles)


@needs_links
def test_a_loop_entered_below_its_top_is_named_where_it_closes(loops):
    sources, skipped = expand(["loop/a"])
    # up leads to loop (not above loop/a): followed; there, a is loop/a again.
    assert names(sources) == ["loop/a/1.json", "loop/a/2.json", "loop/a/up/b/3.json"]
    assert skipped == [("loop/a/self", LOOP_LINK), ("loop/a/up/a", LOOP_FOLDER)]


@needs_links
def test_a_symlinked_folder_is_read_and_a_second_way_is_not_read_twice(tmp_path, monkeypatch):
    touch(tmp_path, "team/echt/1.json", "elders/2.json", "elders/sub/3.json")
    link(tmp_path / "team" / "gekoppeld", "../elders")
    link(tmp_path / "team" / "nogmaals", "echt")  # a second way to a folder that is read anyway
    monkeypatch.chdir(tmp_path)
    sources, skipped = expand(["team"])
    assert names(sources) == ["team/echt/1.json", "team/gekoppeld/2.json", "team/gekoppeld/sub/3.json"]
    assert skipped == []  # not an error: just a second way
    sources, skipped = expand(["team/**/*.json"])
    assert names(sources) == ["team/echt/1.json", "team/gekoppeld/2.json", "team/gekoppeld/sub/3.json"]
    assert skipped == []


@needs_links
def test_a_file_named_in_many_ways_is_read_once(tmp_path, monkeypatch):
    touch(tmp_path, "team/jan.json", "team/piet.json")
    link(tmp_path / "team" / "jan-koppeling.json", "jan.json")
    os.link(tmp_path / "team" / "piet.json", tmp_path / "team" / "piet-hard.json")
    link(tmp_path / "ook-jan.json", "team/jan.json")
    monkeypatch.chdir(tmp_path)
    sources, skipped = expand(["team/jan.json", "team", "team/*.json", "ook-jan.json", "./team/jan.json"])
    # The first way wins; a link, a hard link, a pattern and another spelling add nothing.
    assert names(sources) == ["team/jan.json", "team/piet-hard.json"]
    assert skipped == []


@needs_links
def test_a_broken_link_is_named(tmp_path, monkeypatch):
    touch(tmp_path, "team/goed.json")
    link(tmp_path / "team" / "weg.json", "bestaat-niet.json")
    link(tmp_path / "team" / "weg-map", "bestaat-niet")  # it might have been a folder of results
    link(tmp_path / "team" / ".verborgen", "bestaat-niet")  # hidden: left alone, as ever
    monkeypatch.chdir(tmp_path)
    sources, skipped = expand(["team"])
    assert names(sources) == ["team/goed.json"]
    assert skipped == [("team/weg-map", BROKEN_LINK), ("team/weg.json", BROKEN_LINK)]
    assert expand(["team/*.json"])[1] == [("team/weg.json", BROKEN_LINK)]  # only what the pattern asks for


@needs_links
def test_a_link_to_itself_is_named_in_dutch(tmp_path, monkeypatch):
    link(tmp_path / "team" / "zelf.json", "zelf.json")
    touch(tmp_path, "team/goed.json")
    monkeypatch.chdir(tmp_path)
    eloop = os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert expand(["team"]) == (["team/goed.json"], [("team/zelf.json", f"kan deze koppeling niet volgen ({eloop})")])
    # Named explicitly: the reader would have said it in English.
    assert expand(["team/zelf.json"]) == ([], [("team/zelf.json", f"kan dit bestand niet lezen ({eloop})")])


# --- folders that cannot be read ---------------------------------------------------------


def refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, error: OSError) -> None:
    """Make os.scandir fail on ``folder`` (as it does for a user without permission; tests run as root)."""
    real = os.scandir
    banned = os.path.realpath(folder)

    def scandir(path=".", *args):
        if os.path.realpath(path) == banned:
            raise error
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_is_named_and_the_rest_is_read(tree, kader, monkeypatch):
    refuse(monkeypatch, tree / "a", PermissionError(errno.EACCES, "Permission denied"))
    sources, skipped = expand(["r"])
    assert names(sources) == ["r/6.json", "r/ab/4.json", "r/b/3.json", "r/c/d/5.json"]
    assert skipped == [("r/a", NO_FOLDER_PERMISSION)]
    # The same through a pattern; and a pattern that could not look is not "nothing found".
    assert expand(["r/**/*.json"])[1] == [("r/a", NO_FOLDER_PERMISSION)]
    assert expand(["r/a/*.json"]) == ([], [("r/a", NO_FOLDER_PERMISSION)])
    # collect turns it into a skipped entry with its reason.
    rejected = collect(["r"], kader).rejected
    assert [(r.file, r.reason) for r in rejected][0] == ("r/a", NO_FOLDER_PERMISSION)


def test_an_unreadable_folder_given_alone_is_named(tree, monkeypatch):
    refuse(monkeypatch, tree / "a", PermissionError(errno.EACCES, "Permission denied"))
    assert expand(["r/a"]) == ([], [("r/a", NO_FOLDER_PERMISSION)])
    assert expand(["r/a/"]) == ([], [("r/a/", NO_FOLDER_PERMISSION)])


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ELOOP, "kan deze map niet lezen (te veel symbolische koppelingen achter elkaar, waarschijnlijk een kringloop)"),
        (errno.ENAMETOOLONG, "kan deze map niet lezen (de naam of het pad is te lang)"),
        (errno.EIO, "kan deze map niet lezen (leesfout van de schijf of het netwerk)"),
        (errno.ENOENT, "kan deze map niet lezen (bestaat niet meer)"),
        (errno.EACCES, NO_FOLDER_PERMISSION),
        (errno.EMFILE, "kan deze map niet lezen (te veel open bestanden)"),
    ],
)
def test_no_english_error_text_comes_through(tree, monkeypatch, code, reason):
    english = os.strerror(code)
    refuse(monkeypatch, tree / "b", OSError(code, english))
    sources, skipped = expand(["r"])
    assert skipped == [("r/b", reason)]
    assert english not in reason
    assert "r/b/3.json" not in names(sources) and "r/a/1.json" in names(sources)


def test_every_os_error_has_a_dutch_phrase():
    for code in errno.errorcode:
        phrase = os_reason(OSError(code, os.strerror(code)))
        assert os.strerror(code) not in phrase or not os.strerror(code), code
    assert os_reason(OSError("zomaar")) == "systeemfout"


def test_a_failing_listing_midway_is_named(tree, monkeypatch):
    """An error while reading the entries (not only on opening the folder) is caught too."""
    real = os.scandir
    banned = os.path.realpath(tree / "c")

    class Failing:
        def __init__(self, path):
            self.inner = real(path)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.inner.close()

        def __iter__(self):
            yield from ()
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "scandir", lambda path=".": Failing(path) if os.path.realpath(path) == banned else real(path))
    assert expand(["r"])[1] == [("r/c", "kan deze map niet lezen (leesfout van de schijf of het netwerk)")]


# --- end to end -----------------------------------------------------------------------


def write_demo(folder: Path, kader, n: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, result in enumerate(demo_results(kader, n, seed=seed)):
        (folder / f"demo-{i:03d}.json").write_bytes(encode(result))


def report(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "ictbekwaam", "report", "--format", "json", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


@needs_links
def test_report_over_two_loops_finishes_with_every_respondent(loops, kader):
    write_demo(loops / "a", kader, 3, seed=1)
    write_demo(loops / "b" / "c", kader, 2, seed=2)
    for stray in ("a/1.json", "a/2.json", "b/3.json"):
        (loops / stray).unlink()
    proc = report(["loop/**/*.json"], loops.parent)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["respondents"]["total"] == 5
    assert data["files"]["valid"] == 5
    assert "loop/a/up: " + LOOP_LINK in proc.stderr and "loop/a/self: " + LOOP_LINK in proc.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX-rechten")
def test_report_names_an_unreadable_folder_and_reads_the_rest(tmp_path, kader, run_cli, monkeypatch):
    """Run as "nobody" when the tests run as root (root reads every folder)."""
    team = tmp_path / "team"
    write_demo(team / "open", kader, 5, seed=1)
    write_demo(team / "geheim", kader, 2, seed=2)
    for path in [team, *team.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (team / "geheim").chmod(0o000)
    readable_by_all(team)
    monkeypatch.chdir(tmp_path)

    def report_as_nobody(*args: str) -> tuple[int, str, str]:
        def job() -> tuple[int, str, str]:
            run = run_cli("report", "--format", "json", *args)
            return run.code, run.out, run.err  # plain values cross the pipe from the child

        return as_nobody(job)

    code, out, err = report_as_nobody("team")
    assert code == 0, err
    data = json.loads(out)
    assert (data["files"]["valid"], data["respondents"]["total"]) == (5, 5)
    assert f"✗ team{os.sep}geheim: {NO_FOLDER_PERMISSION}" in err

    code, _, err = report_as_nobody("--strict", "team")
    assert code == 1 and "--strict" in err

    code, _, err = report_as_nobody(f"team{os.sep}geheim")  # was: "geen resultaatbestanden gevonden", no reason
    assert code == 1
    assert f"✗ team{os.sep}geheim: {NO_FOLDER_PERMISSION}" in err
    (team / "geheim").chmod(0o755)  # so that pytest can clean up


@needs_links
def test_a_named_path_that_cannot_be_looked_at_is_skipped_with_the_real_reason(tmp_path, monkeypatch):
    """os.path.lexists says False for a path through a loop: that is no "bestaat niet"."""
    (tmp_path / "lusA").symlink_to("lusB")
    (tmp_path / "lusB").symlink_to("lusA")
    touch(tmp_path, "team/goed.json")
    monkeypatch.chdir(tmp_path)
    eloop = os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert expand(["lusA/x.json", "team"]) == (["team/goed.json"], [("lusA/x.json", f"kan dit bestand niet lezen ({eloop})")])
