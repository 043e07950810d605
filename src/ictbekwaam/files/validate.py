"""``ictbekwaam validate``: recognise a file's kind and check it fully.

A result is valid for ``validate`` exactly when ``report`` would count it
(:func:`~ictbekwaam.files.checks.other_kader` and the same decoding and
answer checks); a zip archive is checked member by member, as ``report`` reads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ictbekwaam import dutch
from ictbekwaam.core.versions import version_gap
from ictbekwaam.errors import DataError, InputError, Place
from ictbekwaam.files.checks import other_kader
from ictbekwaam.files.loader import parse_handreiking, parse_kader
from ictbekwaam.files.inputs import expand, is_pattern
from ictbekwaam.files.inputs import label as source_label
from ictbekwaam.files.read import decode_text, read_bytes
from ictbekwaam.files.results import checked_answers, read_result_bytes
from ictbekwaam.files.yamlsource import MAX_YAML_BYTES, WordLoader, parse_yaml
from ictbekwaam.files.zipped import is_zip, read_each
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import decode, is_result_document


@dataclass(frozen=True)
class Verdict:
    """What ``validate`` found to be a valid file.

    Attributes:
        kind: Dutch name of the kind of file ("kader", "handreiking", ...).
        summary: one line on what it holds.
    """

    kind: str
    summary: str


def result_verdict(data: bytes, label: str, kader: Kader) -> Verdict:
    """Check the bytes of one result document as ``report`` does; DataError if ``report`` would skip it."""
    result = decode(data, label)
    other = other_kader(result, kader)
    if other is not None:
        raise DataError(Place(label, "framework.id"), other)
    check = checked_answers(result, kader, label)
    state = "compleet" if result.complete else "concept (nog niet af)"
    answers = dutch.count(len(result.answers), "antwoord", "antwoorden")
    gap = version_gap(kader, result.kader.id, result.kader.versie, result.kader.hash)
    retired = gap.retired if gap is not None else frozenset()
    unknown = [i for i in check.unknown if i not in retired]
    extra = f"{dutch.count(len(unknown), 'onbekend item', 'onbekende items')} (andere kaderversie?)" if unknown else ""
    if gap is None or not gap.known:
        return Verdict("resultaat", f"{state}, {answers}, {len(check.missing)} open" + (f", {extra}" if extra else ""))
    # An earlier version of this kader: say what counts now and what changed for this file's answers.
    counting = len(result.answers) - len(check.unknown)
    not_asked = [i for i in check.missing if i in gap.new]
    still_open = len(check.missing) - len(not_asked)
    said = [f"{state}, kaderversie {gap.versie}: {counting} van de {answers} horen bij stellingen van {gap.current}, {still_open} open"]
    said += [f"{len(not_asked)} nieuw sinds {gap.versie} (nog niet gevraagd)"] if not_asked else []
    split = [w.id for w in gap.split if w.id in result.answers]
    removed = [w.id for w in gap.removed if w.id in result.answers]
    narrowed = [w.id for w in gap.changed if w.id in result.answers]
    said += [f"gesplitst: {dutch.join(split)}"] if split else []
    said += [f"vervallen: {dutch.join(removed)}"] if removed else []
    said += [f"nauwer geformuleerd: {dutch.join(narrowed)}"] if narrowed else []
    said += [extra] if extra else []
    said += [] if gap.same_file else [f"ander kaderbestand dan de versie {gap.versie} uit de geschiedenis"]
    return Verdict("resultaat", "; ".join(said))


def validate_path(path: Path | str, kader: Kader) -> Iterator[tuple[str, Verdict | DataError]]:
    """(label, verdict or error) for ``path``; for a folder, a pattern or a zip archive, for each result in it.

    Folders, patterns and archives are expanded as ``report`` expands them
    (:func:`~ictbekwaam.files.inputs.expand`): the same files, the same skipped
    entries with the same reasons.
    """
    name = os.fspath(path)  # as typed: Path("") would be the current folder
    if name and not (is_zip(name) or os.path.isdir(name) or (is_pattern(name) and not os.path.lexists(name))):
        try:
            yield name, validate_file(Path(name), kader)
        except DataError as exc:
            yield name, exc
        return
    try:
        sources, skipped = expand([name])
    except InputError as exc:
        shown = name or "''"
        # The place names the input already: not twice ("'x': geen bestanden ..." or "'x' bestaat niet ...").
        reason = exc.message.removeprefix(f"'{name}': ").removeprefix(f"'{name}' ")
        yield shown, DataError(Place(shown), reason)
        return
    for where, reason in skipped:
        yield where, DataError(Place(where), reason)
    if not sources and not skipped:
        what = "dit archief" if is_zip(name) and not os.path.isdir(name) else "deze map"
        yield name, DataError(Place(name), f"geen resultaatbestanden (.json) in {what}")
        return
    for source, data in read_each(sources):
        label = source_label(source)
        if isinstance(data, str):  # why it could not be read
            yield label, DataError(Place(label), data)
            continue
        try:
            yield label, result_verdict(data, label, kader)
        except DataError as exc:
            yield label, exc


def validate_file(path: Path, kader: Kader) -> Verdict:
    """Check one file of any supported kind; raise DataError if it is not valid."""
    if path.suffix.lower() == ".json":
        return result_verdict(read_result_bytes(path), str(path), kader)
    # Any other name: a result is told by its content, as report does for a file named explicitly.
    raw = read_bytes(path, limit=MAX_YAML_BYTES, what="een kader-, handreiking-, doelen- of resultaatbestand")
    if is_result_document(raw):
        return result_verdict(read_result_bytes(path), str(path), kader)  # with the size limit of a result
    text = decode_text(raw, path)
    data, lines = parse_yaml(text, path)
    if not isinstance(data, dict):
        raise DataError(lines.place(path, ""), "dit is geen kader-, handreiking- of doelenbestand en geen resultaat (.json) (verwacht een mapping bovenaan)")
    if "kerntaken" in data:
        checked = parse_kader(data, path, lines)
        n_items = sum(len(k.items) for k in checked.kerntaken)
        return Verdict(
            "kader",
            f"{dutch.count(len(checked.basisvaardigheden.items), 'basisvaardigheid', 'basisvaardigheden')}, "
            f"{dutch.count(len(checked.kerntaken), 'kerntaak', 'kerntaken')} met {dutch.count(n_items, 'stelling', 'stellingen')}, "
            f"{dutch.count(len(checked.voorbeelden), 'voorbeeld', 'voorbeelden')}",
        )
    if "themas" in data:
        checked_h = parse_handreiking(data, kader, path, lines)
        n_onderwerpen = sum(len(t.onderwerpen) for t in checked_h.themas)
        n_vragen = sum(len(o.vragen) for t in checked_h.themas for o in t.onderwerpen)
        themas = dutch.count(len(checked_h.themas), "thema", "thema's")
        return Verdict("handreiking", f"{themas}, {dutch.count(n_onderwerpen, 'onderwerp', 'onderwerpen')}, {dutch.count(n_vragen, 'vraag', 'vragen')}")
    if "doelen" in data:
        from ictbekwaam.files.doelen import doelen_targets

        data, lines = parse_yaml(text, path, loader_class=WordLoader)  # as load_doelen reads it: yes/no stay words
        targets = doelen_targets(data, kader, path, lines)
        notes = "".join(f"; {note}" for note in targets.notes)
        return Verdict("doelenbestand", f"doelen voor {dutch.count(len(targets.per_item), 'item', 'items')}{notes}")
    raise DataError(
        lines.place(path, ""),
        "onbekend soort bestand: een kader heeft 'kerntaken', een handreiking 'themas', doelen 'doelen'",
    )
