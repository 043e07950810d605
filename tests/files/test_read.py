"""The one bounded reader: regular files only, never hanging, never past the limit; and every caller uses it."""

from __future__ import annotations

import os
import sys
import signal
from pathlib import Path

import pytest
from builders import as_nobody, deadline, readable_by_all

from ictbekwaam.errors import DataError, Place
from ictbekwaam.files.collect import collect
from ictbekwaam.files.doelen import load_doelen
from ictbekwaam.files.loader import load_kader
from ictbekwaam.files.read import Decoded, decode, read_bytes, read_text
from ictbekwaam.files.output import why_not_replaced
from ictbekwaam.files.results import load_result, read_result
from ictbekwaam.files.storage import Store
from ictbekwaam.files.yamlsource import read_yaml

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "SIGALRM"), reason="POSIX only")


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pijp.json"
    os.mkfifo(path)
    return path


def refused(call, *args, **kwargs) -> tuple[Path | str | None, str]:
    """(file, message) of the DataError that ``call`` raises."""
    with pytest.raises(DataError) as info:
        call(*args, **kwargs)
    place, message = info.value.problems[0]
    return place.file, message


# --- the reader itself ------------------------------------------------------------


@needs_fifo
def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo):
    with deadline(5):
        assert refused(read_bytes, fifo, limit=100, what="een bestand") == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        assert refused(read_text, fifo, limit=100, what="een bestand") == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_device_is_refused():
    assert refused(read_bytes, "/dev/null", limit=100, what="een bestand") == ("/dev/null", "geen gewoon bestand, maar een apparaat; geef een bestand")


def test_a_folder_is_refused(tmp_path):
    assert refused(read_text, tmp_path, limit=100, what="een bestand") == (tmp_path, "dit is een map, geen bestand")


def test_a_missing_file(tmp_path):
    path = tmp_path / "weg.yaml"
    assert refused(read_text, path, limit=100, what="een bestand") == (path, "bestand niet gevonden")
    assert read_bytes(path, limit=100, what="een bestand", missing_ok=True) is None
    assert read_text(path, limit=100, what="een bestand", missing_ok=True) is None


@pytest.mark.skipif(sys.platform == "win32", reason="no file modes on Windows")
def test_a_file_without_permission(tmp_path):
    """Read as "nobody" when the tests run as root (root reads everything)."""
    path = tmp_path / "geheim.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    readable_by_all(tmp_path)
    assert as_nobody(lambda: refused(read_text, path, limit=100, what="een bestand")) == (
        path,
        "geen toestemming om dit bestand te lezen",
    )


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "groot.json"
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, limit=10, what="een resultaatbestand") == b"x" * 10
    path.write_bytes(b"x" * 11)
    assert refused(read_bytes, path, limit=10, what="een resultaatbestand") == (
        path,
        "te groot voor een resultaatbestand (11 bytes, hooguit 10)",
    )


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no /proc")
def test_the_limit_holds_whatever_the_file_claims_its_size_is():
    # /proc files report size 0 but have content: read on past fstat's size, never past the limit.
    assert os.stat("/proc/self/status").st_size == 0
    assert "Name:" in read_text("/proc/self/status", limit=1024 * 1024, what="een bestand")
    file, message = refused(read_bytes, "/proc/self/status", limit=10, what="een bestand")
    assert message.startswith("te groot voor een bestand (") and message.endswith(" bytes, hooguit 10)")


def test_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfnaam: S\xc3\xa9m\n")
    assert read_bytes(path, limit=100, what="een bestand") == b"naam: S\xc3\xa9m\n"
    assert read_text(path, limit=100, what="een bestand") == "naam: Sém\n"
    assert read_yaml(path)[0] == {"naam": "Sém"}


def test_binary_and_non_utf8_text_are_refused(tmp_path):
    path = tmp_path / "plaatje.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert read_bytes(path, limit=100, what="een bestand") == b"\x89PNG\r\n\x1a\n\x00\x00"  # bytes: no judgement
    assert refused(read_text, path, limit=100, what="een bestand") == (path, "dit is geen tekstbestand (bevat binaire gegevens)")
    path.write_bytes("naam: Sém".encode("latin-1"))
    assert refused(read_text, path, limit=100, what="een bestand") == (path, f"geen UTF-8-tekst, maar waarschijnlijk ANSI (Windows-1252); {SAVE_AS_UTF8}")


SAVE_AS_UTF8 = "sla het bestand op als UTF-8 (in Kladblok: Opslaan als, bij Codering: UTF-8)"
TEXT = "naam: Sém\nschool: ’s-Hertogenbosch\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, encoding):
    """Notepad's "Unicode" (UTF-16 with a byte order mark): unambiguous, so read like UTF-8, for every text file."""
    path = tmp_path / "kladblok.yaml"
    path.write_bytes((("\ufeff" if encoding != "utf-16" else "") + TEXT).encode(encoding))
    assert read_text(path, limit=1000, what="een bestand") == TEXT
    assert decode(path.read_bytes(), path) == Decoded(TEXT, "utf-16")
    assert read_yaml(path)[0] == {"naam": "Sém", "school": "’s-Hertogenbosch"}


def test_utf8_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(TEXT.encode("utf-8-sig"))
    assert read_text(path, limit=1000, what="een bestand") == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (TEXT.encode("utf-16-le"), f"dit lijkt UTF-16-tekst; {SAVE_AS_UTF8}"),  # no byte order mark: which end is which?
        (TEXT.encode("utf-32"), "dit is geen tekstbestand (bevat binaire gegevens)"),
        (b"\xff\xfen\x00a\x00m", f"geen geldige UTF-16-tekst; {SAVE_AS_UTF8}"),  # an odd number of bytes
    ],
)
def test_other_unicode_forms_are_refused_with_a_fix(tmp_path, data, message):
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    assert refused(read_text, path, limit=1000, what="een bestand") == (path, message)


def test_windows_1252_is_named_with_its_line_and_read_only_for_a_caller_that_warns(tmp_path):
    path = tmp_path / "ansi.yaml"
    data = ("a: 1\n" + TEXT).encode("cp1252")
    path.write_bytes(data)
    with pytest.raises(DataError) as info:
        read_text(path, limit=1000, what="een bestand")
    assert str(info.value) == f"{path}, regel 2: geen UTF-8-tekst, maar waarschijnlijk ANSI (Windows-1252); {SAVE_AS_UTF8}"
    assert decode(data, path, windows_1252=True) == Decoded("a: 1\n" + TEXT, "windows-1252", 2)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("a: é\nb: ".encode() + "é".encode("cp1252"), 2),  # UTF-8 and Windows-1252 mixed: no guessing
        (b"a: 1\nb: \x81\n", 2),  # a byte that Windows-1252 does not have either
    ],
)
def test_text_that_is_neither_is_refused_with_the_line_even_for_a_caller_that_warns(tmp_path, data, line):
    path = tmp_path / "x.yaml"
    for windows_1252 in (False, True):
        with pytest.raises(DataError) as info:
            decode(data, path, windows_1252=windows_1252)
        assert info.value.problems == [(Place(path, "", line), f"geen geldige UTF-8-tekst; {SAVE_AS_UTF8}")]


def test_an_empty_file_is_empty(tmp_path):
    path = tmp_path / "leeg.yaml"
    path.write_bytes(b"")
    assert read_text(path, limit=100, what="een bestand") == ""


# --- every caller refuses a FIFO promptly -------------------------------------------


@needs_fifo
def test_result_loading_refuses_a_fifo(fifo, kader):
    with deadline(5):
        assert refused(load_result, fifo, kader) == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        assert refused(read_result, fifo) == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")


@needs_fifo
def test_yaml_reading_refuses_a_fifo(fifo, kader):
    with deadline(5):
        assert refused(read_yaml, fifo) == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        assert refused(load_kader, fifo) == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        assert refused(load_doelen, fifo, kader) == (fifo, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")


@needs_fifo
def test_collect_refuses_a_fifo(fifo, kader):
    with deadline(5):
        collection = collect([fifo], kader)
    assert [(r.file, r.reason) for r in collection.rejected] == [(str(fifo), "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")]


@needs_fifo
def test_storage_refuses_a_fifo(tmp_path):
    store = Store(root=tmp_path)
    os.mkfifo(store.draft_path)
    os.mkfifo(store.respondent_path)
    os.mkfifo(store.names_path)
    with deadline(5):
        assert refused(store.load_draft) == (store.draft_path, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        assert refused(store.respondent_id) == (store.respondent_path, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")
        store.respondent_path.unlink()
        assert refused(lambda: store.respondent_id_for("Sam")) == (store.names_path, "geen gewoon bestand, maar een named pipe (FIFO); geef een bestand")


def test_a_result_with_a_byte_order_mark_is_read_like_any_other(tmp_path, kader):
    from ictbekwaam.model.result import encode, new_result

    result = new_result(kader, "r-" + "c" * 32)
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + encode(result))
    assert read_result(path) == result
    assert why_not_replaced(path) == "is een resultaatbestand"
    assert collect([path], kader).rejected == ()
