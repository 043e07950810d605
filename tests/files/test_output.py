"""The one rule for every ``-o`` (files/output.py), attacked with what can sit at a path."""

from __future__ import annotations

import errno
import os
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from builders import deadline, make_result, write_result
from ictbekwaam.errors import IctbekwaamError
from ictbekwaam.files.output import write_output
from ictbekwaam.files.read import BOM
from ictbekwaam.model.result import encode

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def refused(path: Path, *args, **kwargs) -> str:
    with pytest.raises(IctbekwaamError) as caught:
        write_output(path, *args, **kwargs)
    return caught.value.message


def test_a_new_file_is_private_unless_shared(tmp_path):
    write_output(tmp_path / "pop.md", "# POP\n")
    write_output(tmp_path / "kader.md", "# Kader\n", private=False)
    assert (tmp_path / "pop.md").read_text() == "# POP\n"
    assert mode_of(tmp_path / "pop.md") == 0o600
    assert mode_of(tmp_path / "kader.md") == 0o644


def test_an_existing_file_stays_as_it_was_without_overwrite(tmp_path):
    pop = tmp_path / "pop.md"
    pop.write_text("# POP\nMijn eigen aantekeningen\n")
    message = refused(pop, "nieuw")
    assert message == (
        f"{pop} bestaat al; ictbekwaam overschrijft niets zonder --overwrite (misschien heb je het bewerkt). "
        "Kies een andere naam, of geef --overwrite om het te vervangen."
    )
    assert pop.read_text() == "# POP\nMijn eigen aantekeningen\n"


def test_overwrite_replaces_and_never_widens_the_permissions(tmp_path):
    private = tmp_path / "rapport.md"
    private.write_text("oud")
    private.chmod(0o600)
    write_output(private, "nieuw", overwrite=True, private=False)
    assert private.read_text() == "nieuw"
    assert mode_of(private) == 0o600
    shared = tmp_path / "namen.md"
    shared.write_text("oud")
    shared.chmod(0o644)
    write_output(shared, "met namen", overwrite=True)
    assert mode_of(shared) == 0o600


@pytest.mark.parametrize("bom", [b"", BOM])
def test_a_result_is_never_replaced_not_even_with_overwrite(tmp_path, kader, bom):
    path = tmp_path / "mijn-resultaat.json"
    path.write_bytes(bom + encode(make_result(kader, {"A1": 3})))
    before = path.read_bytes()
    message = refused(path, "{}", overwrite=True)
    assert message.startswith(f"{path} is een resultaatbestand; ictbekwaam overschrijft dat nooit, ook niet met --overwrite.")
    assert path.read_bytes() == before


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    target = tmp_path / "echt.md"
    target.write_text("oud")
    link = tmp_path / "koppeling.md"
    link.symlink_to(target)
    assert "bestaat al" in refused(link, "nieuw")
    write_output(link, "nieuw", overwrite=True)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "nieuw"


def test_a_link_to_a_result_protects_the_result(tmp_path, kader):
    result = write_result(tmp_path / "r.json", make_result(kader, {"A1": 3}))
    link = tmp_path / "rapport.json"
    link.symlink_to(result)
    before = result.read_bytes()
    assert "is een resultaatbestand" in refused(link, "{}", overwrite=True)
    assert result.read_bytes() == before


def test_a_dangling_link_is_refused(tmp_path):
    link = tmp_path / "rapport.md"
    link.symlink_to(tmp_path / "nergens" / "x.md")
    assert refused(link, "x", overwrite=True) == (
        f"{link} is een symbolische koppeling naar iets dat er niet is; ictbekwaam schrijft daar niet."
    )
    assert link.is_symlink() and not (tmp_path / "nergens").exists()


def test_a_missing_folder_is_not_made(tmp_path):
    path = tmp_path / "rapprot" / "team.md"
    assert refused(path, "x") == f"{path}: de map {tmp_path / 'rapprot'} bestaat niet. Maak hem eerst, of kies een andere plek."
    assert not (tmp_path / "rapprot").exists()


def test_a_file_as_folder_and_a_folder_as_file_are_refused(tmp_path):
    (tmp_path / "bestand").write_text("x")
    assert refused(tmp_path / "bestand" / "team.md", "x") == (
        f"{tmp_path / 'bestand' / 'team.md'}: kan niet schrijven (een deel van het pad is geen map)"
    )
    assert refused(tmp_path, "x", overwrite=True) == f"{tmp_path}: dit is een map, geen bestand"


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "socket" in refused(path, "x", overwrite=True)
    finally:
        server.close()
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_pipe_nobody_reads_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    with deadline(5):
        message = refused(fifo, "x")
    assert message == f"{fifo} is een named pipe (FIFO) waar niemand uit leest; ictbekwaam wacht daar niet op."
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_pipe_that_is_read_gets_everything(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []
    ready = threading.Event()

    def reader() -> None:
        # Non-blocking, so that the writer finds a reader: until it comes, a read says EOF.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        ready.set()
        chunks: list[bytes] = []
        for _ in range(100_000):
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                time.sleep(0.001)
                continue
            if chunk:
                chunks.append(chunk)
            elif chunks:
                break
            else:
                time.sleep(0.001)
        os.close(fd)
        received.append(b"".join(chunks))

    thread = threading.Thread(target=reader)
    thread.start()
    ready.wait(5)
    big = "regel\n" * 100_000  # more than a pipe holds: the writer must wait for the reader, not fail
    with deadline(10):
        write_output(fifo, big)
    thread.join(10)
    assert received == [big.encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(ROOT, reason="as root a regression would replace the machine's /dev/null: the mknod test below covers it")
def test_dev_null_is_written_through():
    before = os.stat("/dev/null")
    write_output(Path("/dev/null"), "weg", overwrite=False)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not ROOT, reason="mknod needs root")
def test_a_device_node_stays_a_device(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
    write_output(null, "rapport")
    assert stat.S_ISCHR(null.lstat().st_mode)
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.stat("/dev/full").st_rdev)
    assert refused(full, "rapport") == f"{full}: kan niet schrijven (de schijf is vol)"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_link_to_a_device_is_written_through(tmp_path):
    link = tmp_path / "stil"
    link.symlink_to("/dev/null")
    write_output(link, "weg")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_nothing_is_left_behind_after_a_refusal(tmp_path):
    (tmp_path / "pop.md").write_text("eigen")
    refused(tmp_path / "pop.md", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pop.md"]


@pytest.mark.parametrize("refusal", [errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS])  # no hard links on this file system
def test_a_file_system_without_hard_links_still_gets_new_files(tmp_path, monkeypatch, refusal):
    def no_links(*args, **kwargs):
        raise OSError(refusal, os.strerror(refusal))

    monkeypatch.setattr(os, "link", no_links)
    write_output(tmp_path / "rapport.md", "# Rapport\n")
    assert (tmp_path / "rapport.md").read_text() == "# Rapport\n"
    assert mode_of(tmp_path / "rapport.md") == 0o600
    assert "bestaat al" in refused(tmp_path / "rapport.md", "nieuw")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.md"]  # no temporary file left


def test_a_document_that_quotes_the_schema_is_no_result(tmp_path):
    # README.md says `"schema": "ictbekwaam/result"`; a copy of it may be replaced with --overwrite.
    doc = tmp_path / "uitleg.md"
    doc.write_text('Een resultaat van ictbekwaam is (`"schema": "ictbekwaam/result"`).\n')
    write_output(doc, "nieuw", overwrite=True)
    assert doc.read_text() == "nieuw"
    reordered = tmp_path / "r.json"  # keys sorted by an editor: still a result
    reordered.write_text('{"answers": {}, "complete": true,\n "schema" : "ictbekwaam/result"}')
    assert "is een resultaatbestand" in refused(reordered, "x", overwrite=True)


def test_a_large_file_may_be_replaced(tmp_path):
    big = tmp_path / "groot.html"
    big.write_bytes(b"<p>" + b"x" * (5 * 1024 * 1024))
    write_output(big, "klein", overwrite=True)
    assert big.read_text() == "klein"
