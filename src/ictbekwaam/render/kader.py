"""The Kader as Markdown, JSON or a rich tree."""

from __future__ import annotations

import msgspec

from ictbekwaam.model.kader import Item, Kader


def kader_json(kader: Kader) -> str:
    """The whole kader as indented JSON (the same fields as kader.yaml)."""
    return msgspec.json.format(msgspec.json.encode(kader), indent=2).decode("utf-8") + "\n"


def _source_line(kader: Kader) -> str:
    meta = kader.meta
    return f"Bron: {meta.uitgever}, *{meta.titel}* ({meta.jaar}), {meta.bron}. Codering versie {meta.versie}."


def _item_md(item: Item, examples: list[str]) -> list[str]:
    lines = [f"- **{item.id}** {item.stelling}", f"  - *Toelichting:* {item.toelichting}", f"  - *Bron:* {item.bron}"]
    if examples:
        lines.append(f"  - *Voorbeelden:* {', '.join(examples)}")
    return lines


def kader_markdown(kader: Kader) -> str:
    """The kader as a readable Markdown document."""
    out = [f"# {kader.meta.titel}", "", _source_line(kader), ""]
    if kader.meta.opmerking:
        out += [f"> {kader.meta.opmerking.strip()}", ""]
    out += ["## Schaal", ""]
    for niveau in kader.schaal.niveaus:
        out.append(f"- **{niveau.waarde} – {niveau.label}**: {niveau.omschrijving}")
    nvt = kader.schaal.niet_van_toepassing
    out.append(f"- **{nvt.label}** ({nvt.code}): {nvt.omschrijving}")
    doel = next(n for n in kader.schaal.niveaus if n.waarde == kader.schaal.standaard_doel)
    out += ["", f"Standaarddoel: {doel.waarde} – {doel.label}. {kader.schaal.bron}", ""]
    out += ["Checklist basisvaardigheden: " + ", ".join(f"**{o.label}** ({o.omschrijving})" for o in kader.checklist.opties), ""]
    bv = kader.basisvaardigheden
    out += [f"## {bv.naam}", "", bv.omschrijving.strip(), ""]
    for item in bv.items:
        out += _item_md(item, [v.titel for v in kader.examples_for(item.id)])
    out.append("")
    for kerntaak in kader.kerntaken:
        out += [f"## Kerntaak {kerntaak.id}: {kerntaak.naam}", "", kerntaak.omschrijving.strip(), ""]
        current = None
        for item in kerntaak.items:
            if item.onderdeel and item.onderdeel != current:
                current = item.onderdeel
                out += ["", f"### {current}", ""]
            out += _item_md(item, [v.titel for v in kader.examples_for(item.id)])
        out.append("")
    out += ["## Voorbeelden van effectief ict-gebruik", ""]
    for voorbeeld in kader.voorbeelden:
        out += [f"### {voorbeeld.titel} (kerntaak {voorbeeld.kerntaak})", "", voorbeeld.omschrijving.strip(), ""]
        for ref in voorbeeld.verwijzingen:
            out.append(f"- {ref.url} ({ref.titel})")
        out += [f"- Bij: {', '.join(voorbeeld.items)}", f"- Bron: {voorbeeld.bron}", ""]
    return "\n".join(out).rstrip() + "\n"


def kader_tree(kader: Kader):  # -> rich.tree.Tree
    """The kader as a rich Tree for the terminal."""
    from rich.markup import escape
    from rich.tree import Tree

    meta = kader.meta
    root = Tree(f"[bold]{escape(meta.titel)}[/] — {escape(meta.uitgever)} ({meta.jaar}), {escape(meta.bron)}")
    schaal = root.add("[bold]Schaal[/]")
    for niveau in kader.schaal.niveaus:
        mark = "  ◆ standaarddoel" if niveau.waarde == kader.schaal.standaard_doel else ""
        schaal.add(f"{niveau.waarde} {escape(niveau.label)}: {escape(niveau.omschrijving)}{mark}")
    nvt = kader.schaal.niet_van_toepassing
    schaal.add(f"{escape(nvt.label)}: {escape(nvt.omschrijving)}")
    checklist = root.add("[bold]Checklist basisvaardigheden[/]")
    for optie in kader.checklist.opties:
        mark = "  ◆ standaarddoel" if optie.code == kader.checklist.standaard_doel else ""
        checklist.add(f"{escape(optie.label)}: {escape(optie.omschrijving)}{mark}")

    def add_items(branch, items: list[Item]) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            node = branch.add(f"[bold]{escape(item.id)}[/] {escape(item.stelling)}")
            node.add(f"[dim]{escape(item.toelichting)}[/]")
            for voorbeeld in kader.examples_for(item.id):
                refs = ", ".join(r.url for r in voorbeeld.verwijzingen)
                node.add(f"Voorbeeld: {escape(voorbeeld.titel)}" + (f" ({escape(refs)})" if refs else ""))

    bv = kader.basisvaardigheden
    add_items(root.add(f"[bold]{escape(bv.naam)}[/] ({len(bv.items)} items)"), bv.items)
    for kerntaak in kader.kerntaken:
        branch = root.add(f"[bold]Kerntaak {escape(kerntaak.id)}: {escape(kerntaak.naam)}[/] ({len(kerntaak.items)} items)")
        branch.add(f"[italic]{escape(' '.join(kerntaak.omschrijving.split()))}[/]")
        add_items(branch, kerntaak.items)
    return root
