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

from ictbekwaam import safe
from ictbekwaam.model.kader import Item, Kader
from ictbekwaam.render.markdown_text import md, md_lines


def kader_json(kader: Kader) -> str:
    """The whole kader as indented JSON (the same fields as kader.yaml)."""
    return safe.json_document(msgspec.json.format(msgspec.json.encode(kader), indent=2).decode("utf-8")) + "\n"


def _source_line(kader: Kader) -> str:
    meta = kader.meta
    return f"Bron: {md(meta.uitgever)}, *{md(meta.titel)}* ({meta.jaar}), {md(meta.bron)}. Codering versie {md(meta.versie)}."


def _item_md(item: Item, examples: list[str]) -> list[str]:
    lines = [f"- **{md(item.id)}** {md(item.stelling)}", f"  - *Toelichting:* {md(item.toelichting)}", f"  - *Bron:* {md(item.bron)}"]
    if examples:
        lines.append(f"  - *Voorbeelden:* {', '.join(md(e) for e in examples)}")
    return lines


def kader_markdown(kader: Kader) -> str:
    """The kader as a readable Markdown document."""
    out = [f"# {md(kader.meta.titel)}", "", _source_line(kader), ""]
    if kader.meta.opmerking:
        out += [f"> {line}".rstrip() for line in md_lines(kader.meta.opmerking)] + [""]
    out += ["## Schaal", ""]
    for niveau in kader.schaal.niveaus:
        out.append(f"- **{niveau.waarde} – {md(niveau.label)}**: {md(niveau.omschrijving)}")
    nvt = kader.schaal.niet_van_toepassing
    out.append(f"- **{md(nvt.label)}** ({md(nvt.code)}): {md(nvt.omschrijving)}")
    doel = next(n for n in kader.schaal.niveaus if n.waarde == kader.schaal.standaard_doel)
    out += ["", f"Standaarddoel: {doel.waarde} – {md(doel.label)}. {md(kader.schaal.bron)}", ""]
    opties = ", ".join(f"**{md(o.label)}** ({md(o.omschrijving)})" for o in kader.checklist.opties)
    out += [f"Checklist basisvaardigheden: {opties}", ""]
    bv = kader.basisvaardigheden
    out += [f"## {md(bv.naam)}", "", *md_lines(bv.omschrijving), ""]
    for item in bv.items:
        out += _item_md(item, [v.titel for v in kader.examples_for(item.id)])
    out.append("")
    for kerntaak in kader.kerntaken:
        out += [f"## Kerntaak {md(kerntaak.id)}: {md(kerntaak.naam)}", "", *md_lines(kerntaak.omschrijving), ""]
        current = None
        for item in kerntaak.items:
            if item.onderdeel and item.onderdeel != current:
                current = item.onderdeel
                out += ["", f"### {md(current)}", ""]
            out += _item_md(item, [v.titel for v in kader.examples_for(item.id)])
        out.append("")
    out += ["## Voorbeelden van effectief ict-gebruik", ""]
    for voorbeeld in kader.voorbeelden:
        out += [f"### {md(voorbeeld.titel)} (kerntaak {md(voorbeeld.kerntaak)})", "", *md_lines(voorbeeld.omschrijving), ""]
        for ref in voorbeeld.verwijzingen:
            out.append(f"- {md(ref.url)} ({md(ref.titel)})")
        out += [f"- Bij: {', '.join(md(i) for i in voorbeeld.items)}", f"- Bron: {md(voorbeeld.bron)}", ""]
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
    root = Tree(line((meta.titel, "bold"), (f" — {meta.uitgever} ({meta.jaar}), {meta.bron}", "")))
    schaal = root.add(literal("Schaal", "bold"))
    for niveau in kader.schaal.niveaus:
        mark = "  ◆ standaarddoel" if niveau.waarde == kader.schaal.standaard_doel else ""
        schaal.add(literal(f"{niveau.waarde} {niveau.label}: {niveau.omschrijving}{mark}"))
    nvt = kader.schaal.niet_van_toepassing
    schaal.add(literal(f"{nvt.label}: {nvt.omschrijving}"))
    checklist = root.add(literal("Checklist basisvaardigheden", "bold"))
    for optie in kader.checklist.opties:
        mark = "  ◆ standaarddoel" if optie.code == kader.checklist.standaard_doel else ""
        checklist.add(literal(f"{optie.label}: {optie.omschrijving}{mark}"))

    def add_items(branch, items: list[Item]) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            node = branch.add(line((item.id, "bold"), (f" {item.stelling}", "")))
            node.add(literal(item.toelichting, "dim", multiline=True))
            for voorbeeld in kader.examples_for(item.id):
                refs = ", ".join(r.url for r in voorbeeld.verwijzingen)
                node.add(literal(f"Voorbeeld: {voorbeeld.titel}" + (f" ({refs})" if refs else "")))

    bv = kader.basisvaardigheden
    add_items(root.add(line((bv.naam, "bold"), (f" ({len(bv.items)} items)", ""))), bv.items)
    for kerntaak in kader.kerntaken:
        branch = root.add(line((f"Kerntaak {kerntaak.id}: {kerntaak.naam}", "bold"), (f" ({len(kerntaak.items)} items)", "")))
        branch.add(literal(" ".join(kerntaak.omschrijving.split()), "italic"))
        add_items(branch, kerntaak.items)
    return root
