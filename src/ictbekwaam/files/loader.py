"""The one loader for the Kader and the Handreiking (built-in or a school's own).

The same loader reads ictbekwaam's own texts for the development points
(``data/oefenen.yaml``, :func:`load_oefenen`): ways to practise the digitale
basisvaardigheden (the Kader gives no examples there, so these are ictbekwaam's,
said so in every view), who can help per kerntaak and what shows progress per
statement. With them comes the fingerprint of the shipped kader.yaml, the only
kader whose texts are checked against the source: the loader is what knows
where that file is, and the scorer compares the kader in use with it
(:attr:`ictbekwaam.core.scoring.Profile.verbatim`), so that a profile never
quotes a school's own kader, or an older encoding with paraphrases, as the
Kader verbatim.

Built-in files live in ``ictbekwaam/data`` inside the wheel (hatchling's
``force-include``); in an editable install that folder does not exist, so we
fall back to the checkout's ``data/``. Loading is: read safely -> typed decode
(msgspec) -> cross-checks that a type cannot express (unique ids, a consistent
scale, references that resolve). Every problem is a :class:`DataError` naming
the file, the path inside it and the line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import msgspec

from ictbekwaam.errors import DataError, LineMap, Place, Problems
from ictbekwaam.core.guidance import Guidance, StatementTexts
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Handreiking, Id, Kader, Text, fingerprint
from ictbekwaam.model.convert import convert
from ictbekwaam.files.yamlsource import read_yaml

KADER_FILE = "kader.yaml"
HANDREIKING_FILE = "handreiking.yaml"
OEFENEN_FILE = "oefenen.yaml"


def data_dir() -> Path:
    """The folder with the built-in data files (wheel first, then the checkout)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data"
    if (packaged / KADER_FILE).is_file():
        return packaged
    checkout = package.parents[1] / "data"
    if (checkout / KADER_FILE).is_file():
        return checkout
    raise DataError(Place(packaged), "de ingebouwde gegevensbestanden ontbreken; installeer ictbekwaam opnieuw")


def builtin_kader_path() -> Path:
    """Path of the shipped kader.yaml."""
    return data_dir() / KADER_FILE


def builtin_handreiking_path() -> Path:
    """Path of the shipped handreiking.yaml."""
    return data_dir() / HANDREIKING_FILE


def builtin_oefenen_path() -> Path:
    """Path of the shipped oefenen.yaml (ictbekwaam's practice suggestions for the basisvaardigheden)."""
    return data_dir() / OEFENEN_FILE


class _Oefening(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    stelling: str
    oefenen: str


class _StellingTeksten(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    stelling: str
    hulp: str
    bewijs: str


class _KerntaakTeksten(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    wie: str
    stellingen: dict[Id, _StellingTeksten] = {}


class Oefenen(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``data/oefenen.yaml``: ictbekwaam's own texts for the development points (not the Kader's).

    Attributes:
        herkomst: whose texts these are ("suggestie van ictbekwaam").
        basisvaardigheden: per basisvaardigheid its statement (``stelling``) and a way to practise it (``oefenen``).
        kerntaken: per kerntaak id who can help (``wie``) and per statement its text (``stelling``), what to
            do with that help (``hulp``) and what shows progress (``bewijs``).
    """

    herkomst: Text
    basisvaardigheden: dict[Id, _Oefening]
    kerntaken: dict[Id, _KerntaakTeksten] = {}


def _flat(text: str) -> str:
    return " ".join(text.split())


def load_oefenen(path: Path | None = None) -> Guidance:
    """ictbekwaam's texts for the development points (the built-in file when ``path`` is None).

    Whitespace inside a text is folded to single spaces. Each text goes with the statement it was
    written for (:class:`ictbekwaam.core.guidance.Guidance` compares statements, not ids). The
    result also carries the fingerprint of the shipped kader (:func:`builtin_kader_fingerprint`).
    """
    file = Path(path) if path is not None else builtin_oefenen_path()
    data, lines = read_yaml(file, what="een bestand met oefensuggesties")
    oefenen = convert(data, Oefenen, file=file, lines=lines)
    p = Problems(file, lines)
    for key, entry in oefenen.basisvaardigheden.items():
        for name in ("stelling", "oefenen"):
            if not getattr(entry, name).strip():
                p.add(f"basisvaardigheden.{key}.{name}", "deze tekst is leeg; schrijf er een of laat de vaardigheid weg")
    for kerntaak, entry in oefenen.kerntaken.items():
        if not entry.wie.strip():
            p.add(f"kerntaken.{kerntaak}.wie", "deze tekst is leeg; schrijf er een of laat de kerntaak weg")
        for key, stelling in entry.stellingen.items():
            for name in ("stelling", "hulp", "bewijs"):
                if not getattr(stelling, name).strip():
                    p.add(f"kerntaken.{kerntaak}.stellingen.{key}.{name}", "deze tekst is leeg; schrijf er een of laat de stelling weg")
    p.raise_if_any()
    return Guidance.of(
        [(e.stelling, _flat(e.oefenen)) for e in oefenen.basisvaardigheden.values()],
        {k: _flat(e.wie) for k, e in oefenen.kerntaken.items()},
        [
            (s.stelling, StatementTexts(k, _flat(s.hulp), _flat(s.bewijs)))
            for k, e in oefenen.kerntaken.items()
            for s in e.stellingen.values()
        ],
        verbatim_kader=builtin_kader_fingerprint(),
    )


def builtin_kader_fingerprint() -> str:
    """The fingerprint of the shipped kader.yaml: the only kader whose texts are the Kader's own words.

    The shipped kader is loaded once per process (:func:`load_kader`), so a command that uses it
    does not read it twice for this.
    """
    file = builtin_kader_path()
    stat = file.stat()
    return _builtin_fingerprint(str(file), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1)
def _builtin_fingerprint(path: str, size: int, mtime_ns: int) -> str:
    return fingerprint(_builtin_kader(path, size, mtime_ns))


def check_kader(kader: Kader, file: Path | str | None = None, lines: LineMap | None = None) -> None:
    """Cross-checks on a typed kader; raises DataError listing every problem."""
    p = Problems(file, lines or LineMap())
    levels = [n.waarde for n in kader.schaal.niveaus]
    if levels != list(range(1, len(levels) + 1)):
        p.add("schaal.niveaus", f"de niveaus moeten oplopend genummerd zijn vanaf 1 (nu: {levels})")
    p.unique([(f"schaal.niveaus[{i}].label", n.label) for i, n in enumerate(kader.schaal.niveaus)], "label")
    if kader.schaal.standaard_doel not in levels:
        p.add("schaal.standaard_doel", f"{kader.schaal.standaard_doel} is geen niveau van de schaal {levels}")
    codes = [o.code for o in kader.checklist.opties]
    p.unique([(f"checklist.opties[{i}].code", c) for i, c in enumerate(codes)], "code")
    if kader.checklist.standaard_doel not in codes:
        p.add("checklist.standaard_doel", f"'{kader.checklist.standaard_doel}' is geen optie van de checklist {codes}")
    if kader.schaal.niet_van_toepassing.code in codes:
        p.add("schaal.niet_van_toepassing.code", "deze code is ook een optie van de checklist")
    scores = [o.score for o in kader.checklist.opties]
    if scores != sorted(scores, reverse=True):
        p.add("checklist.opties", "de opties moeten van best naar slechtst staan (score aflopend)")

    item_ids: list[tuple[str, str]] = []
    for i, item in enumerate(kader.basisvaardigheden.items):
        path = f"basisvaardigheden.items[{i}]"
        item_ids.append((f"{path}.id", item.id))
        if item.doel is not None and item.doel not in codes:
            p.add(f"{path}.doel", f"'{item.doel}' is geen optie van de checklist {codes}")
    p.unique([(f"kerntaken[{k}].id", t.id) for k, t in enumerate(kader.kerntaken)], "kerntaak-id")
    for k, kerntaak in enumerate(kader.kerntaken):
        if kerntaak.id == BASISVAARDIGHEDEN:
            p.add(f"kerntaken[{k}].id", f"'{BASISVAARDIGHEDEN}' is gereserveerd")
        for i, item in enumerate(kerntaak.items):
            path = f"kerntaken[{k}].items[{i}]"
            item_ids.append((f"{path}.id", item.id))
            if item.doel is not None and item.doel not in levels:
                p.add(f"{path}.doel", f"{item.doel!r} is geen niveau van de schaal {levels}")
    p.unique(item_ids, "item-id")

    known_items = {value for _, value in item_ids}
    known_kerntaken = {k.id for k in kader.kerntaken}
    p.unique([(f"voorbeelden[{v}].id", x.id) for v, x in enumerate(kader.voorbeelden)], "voorbeeld-id")
    for v, voorbeeld in enumerate(kader.voorbeelden):
        if voorbeeld.kerntaak not in known_kerntaken:
            p.add(f"voorbeelden[{v}].kerntaak", f"kerntaak '{voorbeeld.kerntaak}' bestaat niet")
        for i, item_id in enumerate(voorbeeld.items):
            if item_id not in known_items:
                p.add(f"voorbeelden[{v}].items[{i}]", f"item '{item_id}' bestaat niet")
    _check_history(kader, known_items, p)
    _one_meaning(kader, p)
    p.raise_if_any()


def _check_history(kader: Kader, known_items: set[str], p: Problems) -> None:
    """``geschiedenis``: every id resolves, and an id never comes back with another meaning."""
    p.unique([(f"geschiedenis[{g}].versie", v.versie) for g, v in enumerate(kader.geschiedenis)], "versie")
    p.unique([(f"geschiedenis[{g}].hash", v.hash) for g, v in enumerate(kader.geschiedenis)], "hash")
    for g, vorige in enumerate(kader.geschiedenis):
        if vorige.versie == kader.meta.versie:
            p.add(f"geschiedenis[{g}].versie", f"dit is de versie van dit kader zelf ({vorige.versie})")
        elif _later(vorige.versie, kader.meta.versie):
            p.add(f"geschiedenis[{g}].versie", f"versie {vorige.versie} is nieuwer dan dit kader ({kader.meta.versie})")
        p.unique([(f"geschiedenis[{g}].wijzigingen[{w}].id", x.id) for w, x in enumerate(vorige.wijzigingen)], "item-id")
        # Each new part belongs to one split only, once, and is new: not an item that kept its id.
        parts = [(f"geschiedenis[{g}].wijzigingen[{w}].naar[{n}]", i) for w, x in enumerate(vorige.wijzigingen) for n, i in enumerate(x.naar)]
        fresh = [(f"geschiedenis[{g}].wijzigingen[{w}].id", x.id) for w, x in enumerate(vorige.wijzigingen) if x.soort == "nieuw"]
        p.unique(parts + fresh, "nieuw item")
        kept = {x.id for x in vorige.wijzigingen if x.soort == "gewijzigd"}
        for w, wijziging in enumerate(vorige.wijzigingen):
            path = f"geschiedenis[{g}].wijzigingen[{w}]"
            if wijziging.soort in ("gewijzigd", "nieuw") and wijziging.id not in known_items:
                p.add(f"{path}.id", f"item '{wijziging.id}' bestaat niet in deze versie")
            if wijziging.soort in ("gesplitst", "vervallen") and wijziging.id in known_items:
                p.add(f"{path}.id", f"item '{wijziging.id}' bestaat nog; een id krijgt nooit een andere betekenis")
            if wijziging.soort == "gesplitst" and len(wijziging.naar) < 2:
                p.add(f"{path}.naar", "een gesplitst item heeft minstens twee nieuwe items")
            if wijziging.soort != "gesplitst" and wijziging.naar:
                p.add(f"{path}.naar", f"alleen een gesplitst item heeft 'naar' (dit is {wijziging.soort})")
            for n, item_id in enumerate(wijziging.naar):
                if item_id not in known_items:
                    p.add(f"{path}.naar[{n}]", f"item '{item_id}' bestaat niet in deze versie")
                elif item_id in kept:
                    p.add(f"{path}.naar[{n}]", f"'{item_id}' hield zijn id (gewijzigd) en kan geen nieuw deel zijn")
            if len({kader.section_of(i) for i in wijziging.naar if i in known_items}) > 1:  # one doel, one scale for all parts
                p.add(f"{path}.naar", "de delen van een gesplitst item horen in hetzelfde onderdeel van het kader")


def _one_meaning(kader: Kader, p: Problems) -> None:
    """An id split or removed in several earlier versions went the same way in each (an id has one meaning)."""
    seen: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for g, vorige in enumerate(kader.geschiedenis):
        for w, x in enumerate(vorige.wijzigingen):
            if x.soort not in ("gesplitst", "vervallen"):
                continue
            fate, path = (x.soort, tuple(x.naar)), f"geschiedenis[{g}].wijzigingen[{w}]"
            if x.id in seen and seen[x.id][:2] != fate:
                p.add(path, f"'{x.id}' gaat hier anders dan bij {seen[x.id][2]}; een id heeft één betekenis")
            seen.setdefault(x.id, (*fate, path))


def _later(versie: str, than: str) -> bool:
    """Whether version ``versie`` is later than ``than`` (dotted numbers; other forms are never later)."""
    try:
        return tuple(int(x) for x in versie.split(".")) > tuple(int(x) for x in than.split("."))
    except ValueError:
        return False


def check_handreiking(
    handreiking: Handreiking,
    kader: Kader | None,
    file: Path | str | None = None,
    lines: LineMap | None = None,
) -> None:
    """Cross-checks on a typed handreiking; ``raakt_aan`` is checked against ``kader``."""
    p = Problems(file, lines or LineMap())
    p.unique([(f"themas[{t}].id", x.id) for t, x in enumerate(handreiking.themas)], "thema-id")
    p.unique([(f"themas[{t}].hoofdvraag.id", x.hoofdvraag.id) for t, x in enumerate(handreiking.themas)], "hoofdvraag-id")
    onderwerp_ids = [
        (f"themas[{t}].onderwerpen[{o}].id", onderwerp.id)
        for t, thema in enumerate(handreiking.themas)
        for o, onderwerp in enumerate(thema.onderwerpen)
    ]
    p.unique(onderwerp_ids, "onderwerp-id")
    if kader is not None:
        allowed = {BASISVAARDIGHEDEN} | {k.id for k in kader.kerntaken}
        for t, thema in enumerate(handreiking.themas):
            for o, onderwerp in enumerate(thema.onderwerpen):
                for r, ref in enumerate(onderwerp.raakt_aan):
                    if ref not in allowed:
                        p.add(
                            f"themas[{t}].onderwerpen[{o}].raakt_aan[{r}]",
                            f"'{ref}' is geen kerntaak van het kader en niet '{BASISVAARDIGHEDEN}'",
                        )
    p.raise_if_any()


def parse_kader(data: object, file: Path | str | None = None, lines: LineMap | None = None) -> Kader:
    """Typed decode plus cross-checks of already-parsed kader data."""
    kader = convert(data, Kader, file=file, lines=lines)
    check_kader(kader, file, lines)
    return kader


def parse_handreiking(
    data: object, kader: Kader | None, file: Path | str | None = None, lines: LineMap | None = None
) -> Handreiking:
    """Typed decode plus cross-checks of already-parsed handreiking data."""
    handreiking = convert(data, Handreiking, file=file, lines=lines)
    check_handreiking(handreiking, kader, file, lines)
    return handreiking


def load_kader(path: Path | None = None) -> Kader:
    """Load a kader file (the built-in one when ``path`` is None).

    The built-in one is read once per process (per version of the file: its size and modification
    time); a school's own file every time.
    """
    file = Path(path) if path is not None else builtin_kader_path()
    if file == builtin_kader_path():
        stat = file.stat()
        return _builtin_kader(str(file), stat.st_size, stat.st_mtime_ns)
    data, lines = read_yaml(file, what="een kaderbestand")
    return parse_kader(data, file, lines)


@lru_cache(maxsize=1)
def _builtin_kader(path: str, size: int, mtime_ns: int) -> Kader:
    data, lines = read_yaml(Path(path), what="een kaderbestand")
    return parse_kader(data, Path(path), lines)


def load_handreiking(path: Path | None = None, kader: Kader | None = None) -> Handreiking:
    """Load a handreiking file (built-in when ``path`` is None), checked against ``kader``."""
    file = Path(path) if path is not None else builtin_handreiking_path()
    data, lines = read_yaml(file, what="een handreiking")
    return parse_handreiking(data, kader, file, lines)
