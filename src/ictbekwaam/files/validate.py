"""``ictbekwaam validate``: recognise a file's kind and check it fully."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from ictbekwaam.errors import DataError
from ictbekwaam.model.kader import Kader
from ictbekwaam.files.loader import parse_handreiking, parse_kader
from ictbekwaam.files.yamlsource import read_yaml


@dataclass(frozen=True)
class Verdict:
    """What ``validate`` found to be a valid file.

    Attributes:
        kind: Dutch name of the kind of file ("kader", "handreiking", ...).
        summary: one line on what it holds.
    """

    kind: str
    summary: str


def validate_file(path: Path, kader: Kader) -> Verdict:
    """Check one file of any supported kind; raise DataError if it is not valid."""
    if path.suffix.lower() == ".json":
        from ictbekwaam.files.results import load_result
        from ictbekwaam.model.result import check_answers

        result = load_result(path, kader)
        check = check_answers(result, kader)
        state = "compleet" if result.complete else "concept (nog niet af)"
        extra = f", {len(check.unknown)} onbekende items (andere kaderversie?)" if check.unknown else ""
        return Verdict("resultaat", f"{state}, {len(result.answers)} antwoorden, {len(check.missing)} open{extra}")
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(lines.place(path, ""), "dit is geen kader-, handreiking- of doelenbestand en geen resultaat (.json) (verwacht een mapping bovenaan)")
    if "kerntaken" in data:
        checked = parse_kader(data, path, lines)
        n_items = sum(len(k.items) for k in checked.kerntaken)
        return Verdict(
            "kader",
            f"{len(checked.basisvaardigheden.items)} basisvaardigheden, {len(checked.kerntaken)} kerntaken "
            f"met {n_items} stellingen, {len(checked.voorbeelden)} voorbeelden",
        )
    if "themas" in data:
        checked_h = parse_handreiking(data, kader, path, lines)
        n_onderwerpen = sum(len(t.onderwerpen) for t in checked_h.themas)
        n_vragen = sum(len(o.vragen) for t in checked_h.themas for o in t.onderwerpen)
        return Verdict("handreiking", f"{len(checked_h.themas)} thema's, {n_onderwerpen} onderwerpen, {n_vragen} vragen")
    if "doelen" in data:
        from ictbekwaam.model.targets import parse_doelen

        targets = parse_doelen(data, kader, path, lines)
        return Verdict("doelenbestand", f"doelen voor {len(targets.per_item)} items")
    raise DataError(
        lines.place(path, ""),
        "onbekend soort bestand: een kader heeft 'kerntaken', een handreiking 'themas', doelen 'doelen'",
    )
