"""The answers file: a self-assessment filled in as YAML instead of by prompts.

``ictbekwaam assess --template FILE`` writes :func:`template_text`: every
question with its statement and the allowed answers as comments. A teacher
(or a script) fills it in; ``ictbekwaam assess --answers FILE`` turns it into a
complete result with :func:`load_answers`, reporting every wrong or missing
value with the file, the place and the line.

Layout (all keys Dutch, like the rest of the tool)::

    kader: kennisnet-kader-ict-bekwaamheid-2012   # which kader the ids belong to
    respondent-id: r-3f9a...  # written by the template, fresh per file; optional
    naam: Sam                 # optional, as are school, team, sector, rol
    school: OBS De Brug
    team:
    sector: po                # po, vo or mbo
    rol: leraar
    antwoorden:
      BV1: ja                 # checklist: ja / deels / nee
      A1: 3                   # kerntaken: 1..4 or nvt
    voorbeelden:              # optional, per kerntaak
      A:
        voorbeeld: ...
        meerwaarde: ...

**Forgiving** where a teacher's editor or habits differ, strict where a guess could be wrong:
UTF-16 (Notepad's "Unicode") and UTF-8 with a byte order mark are read, and so is
Windows-1252 ("ANSI"), with a warning; every plain value is read as the text written
(:class:`~ictbekwaam.files.yamlsource.TextLoader`: ``yes`` never becomes true), so an
answer may be ``3``, ``"3"``, ``Bekwaam``, ``nvt``, ``n.v.t.``, ``Ja`` or ``JA``. A YAML
mistake is one Dutch sentence with the line to change and how
(:mod:`~ictbekwaam.files.yamlerrors`); a missing answer is named where it belongs; a
``#`` that turned the rest of a text into a comment is a warning.

**The respondent id** belongs to the answers file, not to the data folder of
whoever converts it: an i-coach who converts five colleagues' files gets five
respondents. The template writes a fresh id in every file it makes; a file
without one (or with an empty one) gets a fresh id each time it is converted.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ictbekwaam import safe
from ictbekwaam.errors import LineMap, Place, Problems
from ictbekwaam.model.versions import retired_item, split_into
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader, answer_key
from ictbekwaam.core.interview import CONTEXT_FIELDS, ContextField, LONG_MAX, SHORT_MAX, clean_text, section_title
from ictbekwaam.model.result import (
    SECTOR_LABELS,
    Context,
    Evidence,
    Respondent,
    Result,
    is_respondent_id,
    kader_ref,
    new_respondent_id,
    now,
)
from ictbekwaam.files.read import Decoded, decode, read_bytes
from ictbekwaam.files.yamlerrors import quote_hint, quoted, split_lines
from ictbekwaam.files.yamlsource import MAX_YAML_BYTES, TextLoader, parse_yaml

ID_KEY = "respondent-id"
TOP_KEYS = ("kader", ID_KEY, "naam", "school", "team", "sector", "rol", "antwoorden", "voorbeelden")
EVIDENCE_KEYS = ("voorbeeld", "meerwaarde")
_WIDTH = 96


QUOTE_EXAMPLE = "Les over rekenen: breuken"  # the template's example of the quoting rule


def _field_hint(field: ContextField) -> str:
    """The template's comment after a field about the teacher (naam, school, ...)."""
    if field.key == "sector":
        return "po, vo of mbo"
    return field.question + (f" ({field.hint})" if field.hint else "")


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" if line else f"{indent}#" for line in textwrap.wrap(text, _WIDTH - len(indent) - 2)]


def _allowed_text(kader: Kader, section: str) -> str:
    if section == BASISVAARDIGHEDEN:
        opties = [f"{o.code} ({o.omschrijving.rstrip('.')})" for o in kader.checklist.opties]
        return "Antwoord met: " + ", ".join(opties[:-1]) + " of " + opties[-1] + "."
    levels = [f"{n.waarde} = {n.label}" for n in kader.schaal.niveaus]
    nvt = kader.schaal.niet_van_toepassing
    return "Antwoord met een niveau: " + ", ".join(levels) + f"; of {nvt.code} = {nvt.label}."


def template_text(kader: Kader, respondent_id: str | None = None) -> str:
    """The answers file to fill in: every question, the allowed answers as comments, no answers.

    It carries its own respondent id (``respondent_id``, default a fresh one): see the module docstring.
    """
    levels = kader.schaal.niveaus
    level = next((n for n in levels if n.waarde == kader.schaal.standaard_doel), levels[-1])
    nvt = kader.schaal.niet_van_toepassing.code
    lines = [
        "# Antwoordbestand voor ictbekwaam: zelfevaluatie naar het Kader voor ict-bekwaamheid",
        f"# van leraren ({kader.meta.uitgever}, {kader.meta.jaar}). Kader: {kader.meta.id}, versie {kader.meta.versie}.",
        "#",
        "# Zo werkt het:",
        "# - Zet je antwoord achter de dubbele punt van elke vraag. Wat je kunt antwoorden, staat erboven.",
        f"#   Een niveau mag als getal of als woord ({level.waarde} of {level.label}).",
        "# - De vragen over jou en de eigen voorbeelden mogen leeg blijven; de stellingen niet",
        f"#   (past een stelling niet bij je werk, antwoord dan {nvt}).",
        "# - Tekst mag gewoon achter de dubbele punt. Staat er een dubbele punt of een # in, of begint hij",
        "#   met een leesteken (zoals 's, -, @ of [), zet de hele tekst dan tussen dubbele aanhalingstekens",
        "#   (dat mag ook altijd):",
        f"#       voorbeeld: {quoted(QUOTE_EXAMPLE)}",
        '#   Staat er in de tekst zelf een " of een \\, schrijf die dan als \\" of \\\\.',
        "# - Spring in met spaties, niet met tabs.",
        "# - Maak er daarna een resultaat van met:  ictbekwaam assess --answers DIT-BESTAND",
        "#",
        "# Ingevuld bevat dit bestand persoonsgegevens: bewaar het zorgvuldig en deel het niet zomaar.",
        "",
        "# Het kader waar de vraagnummers bij horen (niet veranderen).",
        f"kader: {kader.meta.id}",
        "",
        "# Je respondent-id: een willekeurige code (er staat niets over jou in), zodat een teamrapport en",
        "# 'ictbekwaam compare' je resultaten aan elkaar koppelen zonder naam. De code hoort bij één persoon:",
        "# kopieer dit bestand niet voor een collega, maar maak voor ieder een nieuw (assess --template).",
        "# Laat je hem leeg, dan krijgt het resultaat een nieuwe code.",
        f"{ID_KEY}: {respondent_id or new_respondent_id()}",
        "",
        "# --- Over jou (alles mag leeg blijven) ---",
    ]
    for field in CONTEXT_FIELDS:
        lines.append(f"{field.key + ':':<24}# {_field_hint(field)}")
    lines.append("")
    lines.append("antwoorden:")
    sections = [(BASISVAARDIGHEDEN, kader.basisvaardigheden.items)] + [(k.id, k.items) for k in kader.kerntaken]
    for section, items in sections:
        lines.append("")
        lines.append(f"  # --- {section_title(kader, section)} ---")
        lines.extend(_comment(_allowed_text(kader, section), "  "))
        for item in items:
            lines.append("")
            lines.extend(_comment(f"{item.id}. {item.stelling}", "  "))
            lines.append(f"  {item.id}:")
    lines.append("")
    lines.append("# --- Eigen voorbeelden (mag leeg blijven) ---")
    lines.extend(
        _comment(
            "Per kerntaak een voorbeeld uit je eigen praktijk van effectief ict-gebruik, en wat het "
            "toevoegde (de meerwaarde). Handig voor je POP-gesprek."
        )
    )
    lines.append("voorbeelden:")
    for kerntaak in kader.kerntaken:
        lines.append(f"  {kerntaak.id}:{'':<20}# {section_title(kader, kerntaak.id)}")
        lines.append("    voorbeeld:")
        lines.append("    meerwaarde:")
    # A school's own kader may hold a line break or a control character: in a comment it would end the
    # comment, or make the file unreadable as YAML. Each line stays one line, its control characters escapes.
    return "\n".join(safe.text(line) for line in lines) + "\n"


def _text(value: Any, path: str, problems: Problems, limit: int, *, multiline: bool = False) -> Optional[str]:
    """A free text value: None/empty -> None; numbers become text; lists, mappings and ja/nee-words are errors."""
    if value is None:
        return None
    if isinstance(value, bool):
        problems.add(path, "verwacht tekst; zet deze tekst tussen aanhalingstekens (\"...\")")
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        problems.add(path, "verwacht één tekst, geen lijst of verzameling velden; begint je tekst met [, { of -, zet hem dan tussen dubbele aanhalingstekens")
        return None
    cleaned = clean_text(value, multiline=multiline)
    if len(cleaned) > limit:
        problems.add(path, f"tekst is te lang ({len(cleaned)} tekens, hooguit {limit})")
        return None
    return cleaned or None


# Words that answer a yes/no question (in Dutch or English, or as YAML 1.1 read them): not a level.
_YES_NO = frozenset({"ja", "nee", "deels", "yes", "no", "y", "n", "j", "true", "false", "on", "off", "wel", "niet"})


def _item_value(kader: Kader, section: str, value: Any) -> tuple[Optional[object], str]:
    """(the answer, "") or (None, Dutch problem).

    Codes and labels count in any case and without dots or spaces (``Ja``, ``JA``, ``nvt``,
    ``n.v.t.``, ``Niet van toepassing``, ``Bekwaam``); a level may be a number or its text ("3").
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    nvt = kader.schaal.niet_van_toepassing
    if section == BASISVAARDIGHEDEN:
        codes = kader.checklist_codes()
        allowed = ", ".join(codes[:-1]) + " of " + codes[-1]
        if value is None:
            return None, f"geen antwoord; vul in: {allowed}"
        choices = kader.option_choices()
        if isinstance(value, str) and answer_key(value) in choices:
            return choices[answer_key(value)], ""
        return None, f"{_show(value)} is geen antwoord op deze vraag; kies {allowed}"
    levels = kader.level_values()
    allowed = ", ".join(str(v) for v in levels) + f" of {nvt.code}"
    if value is None:
        return None, f"geen antwoord; vul in: {allowed}"
    # A level as the template lists it ("3 = Bekwaam", also "3 (Bekwaam)") counts when number and word agree.
    choices: dict[str, object] = {**kader.level_choices(), **{answer_key(f"{n.waarde} {n.label}"): n.waarde for n in kader.schaal.niveaus}}
    choices.update({answer_key(t): nvt.code for t in (nvt.code, nvt.label, f"{nvt.code} {nvt.label}")})
    if isinstance(value, str) and answer_key(value) in choices:
        return choices[answer_key(value)], ""
    if isinstance(value, bool) or (isinstance(value, str) and answer_key(value) in _YES_NO | {answer_key(c) for c in kader.checklist_codes()}):
        named = [f"{n.waarde} ({n.label})" for n in kader.schaal.niveaus]
        return None, (
            f"{_show(value)} is geen niveau; bij een stelling kies je hoe ver je bent: {', '.join(named[:-1])} of "
            f"{named[-1]}, en {nvt.code} als de stelling niet bij je werk past"
        )
    return None, f"{_show(value)} is geen niveau van de schaal; kies {allowed}"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee-waarde " + ("true" if value else "false")
    if isinstance(value, (dict, list)):
        return "een lijst of verzameling velden"
    return repr(value) if isinstance(value, str) else str(value)


def _respondent_id(value: Any, problems: Problems) -> Optional[str]:
    """The id the answers file gives (None: it gives none); a wrong one is a problem."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = value.strip().lower() if isinstance(value, str) else ""
    if not is_respondent_id(text):
        problems.add(
            ID_KEY,
            f"{_show(value)} is geen respondent-id (r- en 32 tekens 0-9 of a-f); "
            "laat het veld leeg, dan krijgt het resultaat een nieuwe code",
        )
        return None
    return text


def parse_answers(data: Any, kader: Kader, file: Path, lines: LineMap, respondent_id: str | None = None) -> Result:
    """A complete result from parsed answers-file data; DataError listing every problem with its line.

    The respondent id is the file's own (``respondent-id:``); when it has none,
    ``respondent_id``, or else a fresh one: never the data folder's.
    """
    problems = Problems(file, lines)
    if not isinstance(data, dict):
        problems.add("", "dit is geen antwoordbestand (verwacht 'antwoorden:'); maak er een met ictbekwaam assess --template")
        problems.raise_if_any()
    for key in data:
        if key not in TOP_KEYS:
            problems.add(str(key), f"onbekend veld '{key}' (bedoeld zijn: {', '.join(TOP_KEYS)})")
    kader_id = data.get("kader")
    if kader_id is not None and str(kader_id) != kader.meta.id:
        problems.add(
            "kader",
            f"dit antwoordbestand hoort bij kader '{kader_id}', niet bij '{kader.meta.id}'; "
            "gebruik hetzelfde kader (--kader) of maak een nieuw antwoordbestand",
        )

    own_id = _respondent_id(data.get(ID_KEY), problems)
    texts: dict[str, Optional[str]] = {}
    for field in CONTEXT_FIELDS:
        texts[field.key] = _text(data.get(field.key), field.key, problems, SHORT_MAX)
    sector = texts.get("sector")
    if sector is not None:
        sector = sector.lower()
        if sector not in SECTOR_LABELS:
            problems.add("sector", f"'{texts['sector']}' is geen sector; kies po, vo of mbo (of laat leeg)")
            sector = None

    answers: dict[str, object] = {}
    raw_answers = data.get("antwoorden")
    sections = {i.id: BASISVAARDIGHEDEN for i in kader.basisvaardigheden.items}
    for kerntaak in kader.kerntaken:
        sections.update({i.id: kerntaak.id for i in kerntaak.items})
    if not isinstance(raw_answers, dict):
        # One sentence, not one per question: the whole list is what is missing.
        glued = isinstance(raw_answers, str) and re.match(r"[\w.-]+:\S", raw_answers)  # "BV1:ja" on every line: one text
        problems.add(
            "antwoorden" if "antwoorden" in data else "",
            "de antwoorden lezen als één tekst: na de dubbele punt van elke vraag hoort een spatie (zo: BV1: ja)"
            if glued
            else "de lijst 'antwoorden:' met een antwoord per vraag ontbreekt",
        )
        raw_answers, sections = {}, {}
    for key in raw_answers:
        if str(key) not in sections:
            retired = retired_item(kader, str(key))
            problems.add(
                f"antwoorden.{key}",
                (f"{retired}; beantwoord die en haal {key} weg" if split_into(kader, str(key)) else f"{retired}; haal {key} weg")
                if retired
                else f"'{key}' is geen vraag van dit kader",
            )
    before: Optional[str] = None  # the last question before this one that the file has
    for item_id, section in sections.items():
        path = f"antwoorden.{item_id}"
        if item_id not in raw_answers:
            line = lines.line(f"antwoorden.{before}" if before else "antwoorden")
            where = f"hoort na regel {line}, onder {before}" if before else f"hoort direct onder 'antwoorden:' op regel {line}"
            problems.add(path, f"{item_id} ontbreekt ({where}); voeg een regel '{item_id}:' met je antwoord toe", line=line)
            continue
        before = item_id
        value, problem = _item_value(kader, section, raw_answers[item_id])
        if problem:
            problems.add(path, problem)
        else:
            answers[item_id] = value

    evidence: dict[str, Evidence] = {}
    raw_evidence = data.get("voorbeelden")
    if raw_evidence is not None and not isinstance(raw_evidence, dict):
        problems.add("voorbeelden", "verwacht per kerntaak 'voorbeeld:' en 'meerwaarde:'")
        raw_evidence = {}
    for key, entry in (raw_evidence or {}).items():
        path = f"voorbeelden.{key}"
        if kader.kerntaak(str(key)) is None:
            problems.add(path, f"'{key}' is geen kerntaak van dit kader ({', '.join(k.id for k in kader.kerntaken)})")
            continue
        if entry is None:
            continue
        if not isinstance(entry, dict):
            problems.add(path, "verwacht 'voorbeeld:' en 'meerwaarde:'")
            continue
        for sub in entry:
            if sub not in EVIDENCE_KEYS:
                problems.add(f"{path}.{sub}", f"onbekend veld '{sub}' (bedoeld zijn: voorbeeld, meerwaarde)")
        voorbeeld = _text(entry.get("voorbeeld"), f"{path}.voorbeeld", problems, LONG_MAX, multiline=True)
        meerwaarde = _text(entry.get("meerwaarde"), f"{path}.meerwaarde", problems, LONG_MAX, multiline=True)
        if voorbeeld or meerwaarde:
            evidence[str(key)] = Evidence(voorbeeld=voorbeeld or "", meerwaarde=meerwaarde or "")
    problems.raise_if_any()

    stamp = now()
    return Result(
        kader=kader_ref(kader),
        created_at=stamp,
        updated_at=stamp,
        complete=True,
        respondent=Respondent(id=own_id or respondent_id or new_respondent_id(), naam=texts["naam"]),
        context=Context(school=texts["school"], team=texts["team"], sector=sector, rol=texts["rol"]),  # type: ignore[arg-type]
        answers=answers,  # type: ignore[arg-type]
        evidence=evidence,
    )


@dataclass(frozen=True)
class Answers:
    """A filled-in answers file made into a result.

    Attributes:
        result: the complete result.
        notes: what the teacher should check, as (place, Dutch warning): a file read as
            Windows-1252, a text that a ``#`` cut short.
    """

    result: Result
    notes: tuple[tuple[Place, str], ...] = ()


def _value_rows(rows: list[str], line: int) -> list[tuple[int, str]]:
    """The 1-based numbers and text of the lines a value starting on ``line`` may span: its key's line, and every
    line after it that springs in further than the key (a text may go on there), blank lines included."""
    indent = len(rows[line - 1]) - len(rows[line - 1].lstrip())
    spans = [(line, rows[line - 1])]
    for number in range(line + 1, len(rows) + 1):
        row = rows[number - 1]
        if row.strip() and len(row) - len(row.lstrip()) <= indent:
            break
        spans.append((number, row))
    return spans


def _cut_note(rows: list[tuple[int, str]], key: str, hint: Optional[str], value: Any) -> tuple[int, str] | None:
    """(line of the ``#``, what was kept) when a ``#`` cut the text of ``key`` short on any of its ``rows``; else None."""
    match = re.match(rf"^\s*{re.escape(key)}\s*:(.*)$", rows[0][1])
    parts = [(rows[0][0], match[1] if match else "")] + [(number, row) for number, row in rows[1:]]
    first = next((part.lstrip() for _, part in parts if part.strip()), "")
    if first[:1] in ("'", '"', "|", ">"):
        return None  # a quoted text or a block of text: then a # in it is text, and one after it is meant as a comment
    kept = ""
    for index, (number, part) in enumerate(parts):
        comment = re.search(r"(?:^|\s)#", part)
        if comment is None:
            kept = f"{kept} {part.strip()}".strip()
            continue
        before, after = part[: comment.start()].strip(), part[comment.end() :]
        kept = f"{kept} {before}".strip()
        if before or index == 0:
            if (kept and after.strip() == hint) or (not kept and after[:1] in ("", " ", "\t", "#")):
                return None
        elif after[:1] in ("", " ", "\t", "#"):
            return None  # a comment line of its own under the text ("  # nog aanvullen"): meant as one
        return number, value.strip() if isinstance(value, str) else kept
    return None


def _cut_by_comment(text: str, data: dict[str, Any], lines: LineMap, file: Path) -> list[tuple[Place, str]]:
    """Every text field (naam, school, ..., voorbeeld, meerwaarde) that a ``#`` cut short, on any of its lines.

    In YAML a ``#`` after a space starts a comment, also in the middle of a text:
    ``voorbeeld: Ik gebruik #hashtag`` keeps "Ik gebruik", and so does a text that starts on
    the next line or goes on there. A comment after a text is noted (at the line of the ``#``)
    unless it is the template's own hint for that field; a comment where no text is yet, or on
    a line of its own under a text, only when it looks like text (``#hashtag``), not like a
    comment (``# nog invullen``).
    """
    fields: list[tuple[str, str, Optional[str], Any]] = [
        (f.key, f.key, _field_hint(f), data.get(f.key)) for f in CONTEXT_FIELDS if f.key != "sector"
    ]
    evidence = data.get("voorbeelden")
    for kerntaak, entry in (evidence.items() if isinstance(evidence, dict) else ()):
        if isinstance(entry, dict):
            fields += [(f"voorbeelden.{kerntaak}.{key}", key, None, entry[key]) for key in EVIDENCE_KEYS if key in entry]
    rows = split_lines(text)
    notes = []
    for path, key, hint, value in fields:
        if path == key and key not in data:
            continue
        line = lines.line(path)
        if line is None or not 0 < line <= len(rows):
            continue
        spans = _value_rows(rows, line)
        found = _cut_note(spans, key, hint, value)
        if found is None:
            continue
        number, kept = found
        saved = f"bewaard is alleen '{kept}'" if kept else "er is niets bewaard"
        whole = " ".join(row.strip() if i else row.rstrip() for i, (_, row) in enumerate(spans) if row.strip())
        notes.append(
            (
                Place(file, path, number),
                f"na de # is de rest van de regel als commentaar gelezen, dus {saved}; bedoel je de # als tekst, "
                "zet de hele tekst dan tussen dubbele aanhalingstekens" + quote_hint(whole),
            )
        )
    return notes


def _first_to_check(decoded: Decoded) -> int | None:
    """The first line with a letter outside ASCII that is not a comment (the template's own comments have "één")."""
    for number, row in enumerate(split_lines(decoded.text), start=1):
        if not row.lstrip().startswith("#") and not row.isascii():
            return number
    return decoded.line


WINDOWS_1252 = (
    "dit bestand is niet als UTF-8 opgeslagen maar (waarschijnlijk) als ANSI (Windows-1252), en is zo gelezen; "
    "kijk in het resultaat of letters als é en ’ goed zijn overgekomen (de eerste staat op deze regel), "
    "en sla het bestand voortaan op als UTF-8"
)


def load_answers(path: Path, kader: Kader, respondent_id: str | None = None) -> Answers:
    """Read a filled-in answers file (safe YAML, every value as text) and make a complete result of it.

    See :func:`parse_answers` for the respondent id, and :class:`Answers` for the warnings.
    """
    raw = read_bytes(path, limit=MAX_YAML_BYTES, what="een antwoordbestand")
    decoded = decode(raw, path, windows_1252=True)
    data, lines = parse_yaml(decoded.text, path, loader_class=TextLoader)
    result = parse_answers(data, kader, path, lines, respondent_id)
    notes = [(Place(path, "", _first_to_check(decoded)), WINDOWS_1252)] if decoded.encoding == "windows-1252" else []
    notes += _cut_by_comment(decoded.text, data, lines, path)
    return Answers(result, tuple(notes))
