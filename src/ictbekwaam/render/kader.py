"""The Kader as Markdown, JSON or a rich tree.

A school's own kader (``--kader``) is data like any other: its texts are shown
literally, control characters as escapes (:mod:`ictbekwaam.safe`). In the
Markdown every text of the kader passes :func:`ictbekwaam.render.markdown_text.md`
(no HTML, links or emphasis of its own) and every line then passes
:func:`ictbekwaam.safe.text` on its way out; a paragraph (an omschrijving, the
opmerking) keeps its own line breaks.
The JSON keeps the texts as they are.
"""

from __future__ import annotations

import msgspec

from ictbekwaam import dutch, safe
from ictbekwaam.model.kader import TOEGEVOEGD, Item, Kader
from ictbekwaam.model.targets import Targets
from ictbekwaam.render.markdown_text import md, md_lines


# What is the Kader's, verbatim, and what ictbekwaam added: said in every view of the kader.
VERBATIM_NOTE = (
    "Letterlijk uit het Kader: de kerntaken, de basisvaardigheden, de passages van de voorbeelden, de "
    "verwijzingen, de referenties, de onderbouwing en alle tekst tussen “ en ”."
)
ADDED_NOTE = (
    f"{TOEGEVOEGD[0].upper()}{TOEGEVOEGD[1:]}: de schaal, de checklist, de stellingen, de rest van de toelichtingen, "
    "de standaarddoelen, de indeling in onderdelen en in voorbeelden met hun titels (woorden uit het Kader of de "
    "titel van een leraar24-video), bij welke stellingen een voorbeeld past, en de wijzigingen tussen versies."
)


STATEMENTS_NOTE = f"Stellingen en toelichtingen: {TOEGEVOEGD}; tussen “ en ” het Kader, letterlijk."
ITEM_ORIGIN = f"stelling, toelichting en doel: {TOEGEVOEGD}; tussen “ en ” het Kader, letterlijk"
EXAMPLE_ORIGIN = f"omschrijving, verwijzingen en referenties letterlijk uit het Kader; titel en items: {TOEGEVOEGD}"


def kader_json(kader: Kader) -> str:
    """The whole kader as indented JSON (the same fields as kader.yaml, plus ``herkomst``: what is whose)."""
    data = msgspec.to_builtins(kader)
    data["herkomst"] = {"letterlijk_uit_het_kader": VERBATIM_NOTE, "toegevoegd_door_ictbekwaam": ADDED_NOTE}
    # ... and beside each addition, so a reader of one part sees it too.
    data["schaal"]["herkomst"] = data["checklist"]["herkomst"] = TOEGEVOEGD
    for section in [data["basisvaardigheden"], *data["kerntaken"]]:
        for item in section["items"]:
            item["herkomst"] = ITEM_ORIGIN
    for voorbeeld in data["voorbeelden"]:
        voorbeeld["herkomst"] = EXAMPLE_ORIGIN
    for vorige in data["geschiedenis"]:
        vorige["herkomst"] = TOEGEVOEGD
    return safe.json_document(msgspec.json.format(msgspec.json.encode(data), indent=2).decode("utf-8")) + "\n"


def _source_line(kader: Kader) -> str:
    meta = kader.meta
    return f"Bron: {md(meta.uitgever)}, *{md(meta.titel)}* ({meta.jaar}), {md(meta.bron)}. Codering versie {md(meta.versie)}."


def _target_note(kader: Kader, item: Item) -> str:
    """`` · standaarddoel 2 (Beginnend)`` for an item whose default target differs from the scale's; else ""."""
    if item.doel is None:
        return ""
    label = Targets().for_item(kader, item.id).label  # no school doelen: the kader's own default
    return f"standaarddoel {item.doel} ({label}), {TOEGEVOEGD}"


def _references(holder) -> str:  # type: ignore[no-untyped-def]
    return "; ".join(holder.referenties)


def _item_md(kader: Kader, item: Item) -> list[str]:
    lines = [f"- **{md(item.id)}** {md(item.stelling)}", f"  - *Toelichting:* {md(item.toelichting)}", f"  - *Bron:* {md(item.bron)}"]
    if item.referenties:
        lines.append(f"  - *Referenties:* {md(_references(item))}")
    if item.doel is not None:
        lines.append(f"  - *Doel:* {md(_target_note(kader, item))}")
    examples = [v.titel for v in kader.examples_for(item.id)]
    if examples:
        lines.append(f"  - *Voorbeelden:* {', '.join(md(e) for e in examples)}")
    return lines


def _history_lines(kader: Kader) -> list[str]:
    """One line per change since each earlier version (the kader's ``geschiedenis``)."""
    out = []
    for vorige in kader.geschiedenis:
        for w in vorige.wijzigingen:
            if w.soort == "gesplitst":
                out.append(f"{w.id} van versie {vorige.versie}: gesplitst in {dutch.join(w.naar)}, want {w.reden}")
            elif w.soort == "vervallen":
                out.append(f"{w.id} van versie {vorige.versie}: vervallen, want {w.reden}")
            elif w.soort == "gewijzigd":
                out.append(f"{w.id} van versie {vorige.versie}: nauwer geformuleerd; {w.reden}")
            else:
                out.append(f"{w.id}: nieuw sinds versie {vorige.versie}; {w.reden}")
    return out


def kader_markdown(kader: Kader) -> str:
    """The kader as a readable Markdown document."""
    out = [f"# {md(kader.meta.titel)}", "", _source_line(kader), ""]
    if kader.meta.opmerking:
        out += [f"> {line}".rstrip() for line in md_lines(kader.meta.opmerking)] + [""]
    out += [f"*{md(VERBATIM_NOTE)}* *{md(ADDED_NOTE)}*", ""]
    out += [f"## Schaal ({TOEGEVOEGD})", ""]
    for niveau in kader.schaal.niveaus:
        out.append(f"- **{niveau.waarde} – {md(niveau.label)}**: {md(niveau.omschrijving)}")
    nvt = kader.schaal.niet_van_toepassing
    out.append(f"- **{md(nvt.label)}** ({md(nvt.code)}): {md(nvt.omschrijving)}")
    doel = next(n for n in kader.schaal.niveaus if n.waarde == kader.schaal.standaard_doel)
    out += ["", f"Standaarddoel: {doel.waarde} – {md(doel.label)}. {md(kader.schaal.bron)}", ""]
    opties = ", ".join(f"**{md(o.label)}** ({md(o.omschrijving)})" for o in kader.checklist.opties)
    out += [f"Checklist basisvaardigheden ({TOEGEVOEGD}): {opties}", ""]
    bv = kader.basisvaardigheden
    out += [f"## {md(bv.naam)}", "", *md_lines(bv.omschrijving), ""]
    if bv.referenties:
        out += [f"Referenties: {md(_references(bv))}", ""]
    out += [f"*{STATEMENTS_NOTE}*", ""]
    for item in bv.items:
        out += _item_md(kader, item)
    out.append("")
    for kerntaak in kader.kerntaken:
        out += [f"## Kerntaak {md(kerntaak.id)}: {md(kerntaak.naam)}", "", *md_lines(kerntaak.omschrijving), ""]
        out += [f"*{STATEMENTS_NOTE}*", ""]
        current = None
        for item in kerntaak.items:
            if item.onderdeel and item.onderdeel != current:
                current = item.onderdeel
                out += ([""] if out[-1] else []) + [f"### {md(current)}", ""]
            out += _item_md(kader, item)
        out.append("")
    out += ["## Voorbeelden van effectief ict-gebruik", ""]
    out += [f"*De passages letterlijk uit het Kader; de indeling, de titels en bij welke stellingen ze passen: {TOEGEVOEGD}.*", ""]
    for voorbeeld in kader.voorbeelden:
        out += [f"### {md(voorbeeld.titel)} (kerntaak {md(voorbeeld.kerntaak)})", "", *md_lines(voorbeeld.omschrijving), ""]
        for ref in voorbeeld.verwijzingen:
            out.append(f"- {md(ref.shown())}")
        if voorbeeld.referenties:
            out.append(f"- Referenties: {md(_references(voorbeeld))}")
        out += [f"- Bij: {', '.join(md(i) for i in voorbeeld.items)}", f"- Bron: {md(voorbeeld.bron)}", ""]
    if kader.onderbouwing:
        out += ["## Onderbouwing in het Kader", "", "*Letterlijk uit het Kader, met de referenties die het erbij geeft.*", ""]
        for citaat in kader.onderbouwing:
            refs = f" Referenties: {md(_references(citaat))}." if citaat.referenties else ""
            out += [f"- {md(citaat.bron)}: {md(' '.join(citaat.tekst.split()))}{refs}"]
        out.append("")
    if kader.geschiedenis:
        out += [f"## Wijzigingen sinds eerdere versies ({TOEGEVOEGD})", ""]
        out += [f"- {md(line)}" for line in _history_lines(kader)] + [""]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"


def kader_tree(kader: Kader):  # -> rich.tree.Tree
    """The kader as a rich Tree for the terminal (every text literal: no markup, no control characters)."""
    from rich.text import Text
    from rich.tree import Tree

    from ictbekwaam.render.literal import literal

    def line(*parts: tuple[str, str]) -> Text:
        """Text.assemble of (text, style) parts, each text made literal."""
        return Text.assemble(*(literal(text, style) for text, style in parts))

    meta = kader.meta
    root = Tree(line((meta.titel, "bold"), (f" — {meta.uitgever} ({meta.jaar}), {meta.bron}; codering versie {meta.versie}", "")))
    root.add(literal(f"{VERBATIM_NOTE} {ADDED_NOTE}", "dim"))
    schaal = root.add(line(("Schaal", "bold"), (f" — {TOEGEVOEGD}", "")))
    for niveau in kader.schaal.niveaus:
        mark = "  ◆ standaarddoel" if niveau.waarde == kader.schaal.standaard_doel else ""
        schaal.add(literal(f"{niveau.waarde} {niveau.label}: {niveau.omschrijving}{mark}"))
    nvt = kader.schaal.niet_van_toepassing
    schaal.add(literal(f"{nvt.label}: {nvt.omschrijving}"))
    schaal.add(literal(" ".join(kader.schaal.bron.split()), "dim"))
    checklist = root.add(line(("Checklist basisvaardigheden", "bold"), (f" — {TOEGEVOEGD}", "")))
    for optie in kader.checklist.opties:
        mark = "  ◆ standaarddoel" if optie.code == kader.checklist.standaard_doel else ""
        checklist.add(literal(f"{optie.label}: {optie.omschrijving}{mark}"))

    def add_items(branch, items: list[Item]) -> None:  # type: ignore[no-untyped-def]
        branch.add(literal(STATEMENTS_NOTE, "dim"))
        for item in items:
            target = _target_note(kader, item)
            node = branch.add(line((item.id, "bold"), (f" {item.stelling}", ""), (f"  ({target})" if target else "", "dim")))
            node.add(literal(item.toelichting, "dim", multiline=True))
            if item.referenties:
                node.add(literal(f"Referenties: {_references(item)}", "dim"))
            for voorbeeld in kader.examples_for(item.id):
                refs = ", ".join(r.url for r in voorbeeld.verwijzingen)
                cited = f"; {_references(voorbeeld)}" if voorbeeld.referenties else ""
                node.add(literal(f"Voorbeeld: {voorbeeld.titel}" + (f" ({refs})" if refs else "") + cited))

    bv = kader.basisvaardigheden
    bv_branch = root.add(line((bv.naam, "bold"), (f" ({dutch.count(len(bv.items), 'item', 'items')})", "")))
    bv_branch.add(literal(" ".join(bv.omschrijving.split()), "italic"))
    if bv.referenties:
        bv_branch.add(literal(f"Referenties: {_references(bv)}", "dim"))
    add_items(bv_branch, bv.items)
    for kerntaak in kader.kerntaken:
        branch = root.add(line((f"Kerntaak {kerntaak.id}: {kerntaak.naam}", "bold"), (f" ({dutch.count(len(kerntaak.items), 'item', 'items')})", "")))
        branch.add(literal(" ".join(kerntaak.omschrijving.split()), "italic"))
        add_items(branch, kerntaak.items)
    if kader.onderbouwing:
        basis = root.add(line(("Onderbouwing in het Kader", "bold"), (" — letterlijk", "")))
        for citaat in kader.onderbouwing:
            refs = f" Referenties: {_references(citaat)}." if citaat.referenties else ""
            basis.add(literal(f"{citaat.bron}: {' '.join(citaat.tekst.split())}{refs}"))
    if kader.geschiedenis:
        history = root.add(line(("Wijzigingen sinds eerdere versies", "bold"), (f" — {TOEGEVOEGD}", "")))
        for text in _history_lines(kader):
            history.add(literal(text))
    return root
