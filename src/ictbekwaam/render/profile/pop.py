"""A draft personal development plan (POP) in Markdown, from a profile.

For the conversation with the leidinggevende. The Kader suggests such
agreements fit the POP cycle, and that a teacher can show one or more examples
of effective ict use per kerntaak and explain what they added (chapter 4).
The draft holds: a short profile summary, one to three goals from the
priorities, suggested activities (the Kader's voorbeelden with their leraar24
references), the teacher's own examples per kerntaak, the Handreiking's theme 4
questions for reflection, and room for agreements.

The POP is meant to be shared, so every text from a file (the name, the
teacher's own examples, the kader's and the handreiking's texts, a school's own
too) passes :func:`ictbekwaam.render.markdown_text.md`, in a table cell too.
"""

from __future__ import annotations

from ictbekwaam.model.kader import Handreiking, Thema
from ictbekwaam import dutch, safe
from ictbekwaam.render.labels import date, source_line, state
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.profile.markdown import voorbeeld_line
from ictbekwaam.core.scoring import Priority, Profile, SectionScore

MAX_GOALS = 3
OWN_DEVELOPMENT = "eigen-ontwikkeling"  # theme 4 of the Handreiking
TO_FILL = "…"


def reflection_theme(handreiking: Handreiking) -> Thema | None:
    """Theme 4, "Eigen professionele ontwikkeling" (by id, else by hoofdvraag "4")."""
    by_id = next((t for t in handreiking.themas if t.id == OWN_DEVELOPMENT), None)
    return by_id or next((t for t in handreiking.themas if t.hoofdvraag.id == "4"), None)


def _summary_row(section: SectionScore, max_level: int) -> str:
    name = md(section.naam) if section.is_checklist else f"Kerntaak {md(section.id)}: {md(section.naam)}"
    if not section.counted:
        return f"| {name} | nog niets beantwoord | – | – |"
    on_target = f"{section.on_target} van {section.counted} ({dutch.percent(section.share_on_target or 0)})"
    if section.is_checklist:
        below = section.below_target
        partial = sum(1 for i in below if i.score)
        gap = ", ".join(p for p in (f"{partial} deels" if partial else "", f"{len(below) - partial} ontbreekt" if len(below) - partial else "") if p) or "–"
        return f"| {name} | {on_target} | – | {gap} |"
    return f"| {name} | {on_target} | {dutch.decimal(section.mean_level or 0)} van {max_level} | {dutch.number(section.total_gap)} |"


def _where_now(profile: Profile) -> list[str]:
    out = ["## 1. Waar sta ik nu?", "", md(profile.verdict), ""]
    out += ["| Onderdeel | Op doel | Gemiddeld niveau | Tekort |", "|---|---|---|---|"]
    out += [_summary_row(s, profile.max_level) for s in profile.sections]
    out.append("")
    notes = [n for n in profile.notes if not n.startswith("Dit is een concept")]
    if notes:
        out += [f"- Let op: {md(n)}" for n in notes] + [""]
    return out


def _from_to(priority: Priority, profile: Profile) -> str:
    item = priority.item
    if item.is_checklist:
        return f"van ‘{item.answer_label}’ naar ‘{item.target_label}’"
    if item.gap:
        return f"van niveau {item.level} ({item.answer_label}) naar {item.target} ({item.target_label})"
    top, label = profile.scale[-1]  # a growth goal: beyond the target
    return f"van niveau {item.level} ({item.answer_label}) naar {top} ({label})"


def _goal(priority: Priority, number: int, profile: Profile) -> list[str]:
    item = priority.item
    out = [f"### Doel {number}: {md(item.stelling)} ({md(item.id)})", ""]
    out += [f"- *Waarom dit doel:* {md(priority.reason)}", f"- *Waar wil ik naartoe:* {md(_from_to(priority, profile))}"]
    out += [f"- *Wanneer heb ik het bereikt, en hoe laat ik dat zien:* {TO_FILL}", f"- *Wat heb ik nodig, en van wie:* {TO_FILL}", ""]
    if priority.steps:
        out += ["*Mogelijke activiteiten* (voorbeelden van effectief ict-gebruik uit het Kader, hoofdstuk 4):", ""]
        out += [voorbeeld_line(v) for v in priority.steps]
    else:
        out.append(f"*Mogelijke activiteit:* {md(priority.advice)}")
    return out + [""]


def _goals(profile: Profile) -> list[str]:
    out = ["## 2. Mijn ontwikkeldoelen", ""]
    if profile.priorities:
        intro = "Uit de belangrijkste ontwikkelpunten van je profiel; kies wat voor jou en je school nu het meest telt."
        goals = profile.priorities[:MAX_GOALS]
    elif profile.growth:
        intro = "Je zit overal op doel. Deze doelen gaan verder: van bekwaam naar voorbeeld voor anderen."
        goals = profile.growth[:MAX_GOALS]
    else:
        out += ["Nog geen doelen uit het profiel: er zijn nog geen antwoorden die meetellen, of alles staat al op "
                "het hoogste niveau. Formuleer samen met je leidinggevende een eigen doel.", ""]
        return out
    out += [intro, ""]
    for number, priority in enumerate(goals, start=1):
        out += _goal(priority, number, profile)
    return out


def _evidence(profile: Profile) -> list[str]:
    out = ["## 3. Mijn eigen voorbeelden van effectief ict-gebruik", ""]
    out += [
        "Het Kader noemt als mogelijke afspraak met je leidinggevende: “Een afspraak kan zijn, dat de leraar per "
        "kerntaak 1 of meerdere voorbeelden van effectief ict-gebruik laat zien en kan uitleggen wat de meerwaarde "
        "hiervan is.”",
        "",
    ]
    for section in profile.kerntaken:
        out += [f"### Kerntaak {md(section.id)}: {md(section.naam)}", ""]
        if section.evidence_voorbeeld or section.evidence_meerwaarde:
            out.append(f"- *Voorbeeld:* {md(section.evidence_voorbeeld) or TO_FILL}")
            out.append(f"- *Meerwaarde:* {md(section.evidence_meerwaarde) or TO_FILL}")
        else:
            out.append(f"- *Nog niet ingevuld.* Welk voorbeeld kun je laten zien, en wat voegde het toe? {TO_FILL}")
        out.append("")
    return out


def _reflection(handreiking: Handreiking) -> list[str]:
    thema = reflection_theme(handreiking)
    out = ["## 4. Om over na te denken", ""]
    if thema is None:
        return out + ["De gebruikte handreiking heeft geen thema over eigen professionele ontwikkeling.", ""]
    hoofdvraag = thema.hoofdvraag
    out += [f"Uit de Handreiking, thema ‘{md(thema.naam)}’.", "", f"**Hoofdvraag {md(hoofdvraag.id)}.** {md(hoofdvraag.tekst)}", ""]
    for onderwerp in thema.onderwerpen:
        out += [f"**{md(onderwerp.id)} {md(onderwerp.titel)}**", ""]
        for number, vraag in enumerate(onderwerp.vragen, start=1):
            text = f"{vraag.tekst} {vraag.hint}" if vraag.hint else vraag.tekst
            out += [f"{number}. {md(text)}", f"   *Mijn antwoord:* {TO_FILL}"]
        out.append("")
    return out


def pop_markdown(profile: Profile, handreiking: Handreiking) -> str:
    """The POP draft as a Markdown document."""
    out = ["# Persoonlijk ontwikkelingsplan ict-bekwaamheid (concept)", ""]
    out += [
        "*Een eerste opzet voor het gesprek met je leidinggevende, gemaakt door ictbekwaam uit je zelfevaluatie. "
        "Pas het aan: het is jouw plan.*",
        "",
    ]
    if not profile.complete:
        out += ["> **Let op**: de zelfevaluatie is nog niet afgerond (concept). Rond die eerst af (`ictbekwaam assess`).", ""]
    out += ["| | |", "|---|---|"]
    out += [
        f"| Naam | {md(profile.naam or '') or TO_FILL} |",
        f"| Zelfevaluatie | {date(profile)}, {state(profile)} |",
        f"| Doelen | {md(profile.targets_source)} |",
        f"| Gesprek met | {TO_FILL} |",
        f"| Datum gesprek | {TO_FILL} |",
        "",
    ]
    out += _where_now(profile)
    out += _goals(profile)
    out += _evidence(profile)
    out += _reflection(handreiking)
    out += ["## 5. Afspraken", "", f"- {TO_FILL}", "", "---", ""]
    h = handreiking.meta
    out += [
        md(source_line(profile)),
        "",
        f"Gespreksvragen: {md(h.uitgever)}, {md(h.titel)}, {md(h.bron)}.",
    ]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"
