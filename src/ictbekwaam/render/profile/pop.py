"""A draft personal development plan (POP) in Markdown, from a profile.

For the conversation with the leidinggevende. The Kader suggests such
agreements fit the POP cycle, and that a teacher can show one or more examples
of effective ict use per kerntaak and explain what they added (chapter 4).
The draft holds: a short profile summary, one to three goals from the points
to develop (the same points, in the same order, as the profile), with the
Kader's voorbeelden or ictbekwaam's ways to practise, who can help and what
shows progress; the teacher's own examples per kerntaak, with an invitation
where a kerntaak is rated high without one; the Handreiking's theme 4
questions; and room for agreements. Under every goal and question there are
fields to fill in ("*Mijn antwoord:* …").

One voice: all of ictbekwaam's own text is in the "ik" form of the teacher
whose plan it is. Text of the Kader and of the Handreiking stands verbatim
between “ and ”, with its source, so the "u" of a Handreiking question is
clearly the Handreiking's. The voorbeelden are between “ ” only when they are
the Kader's verbatim (ictbekwaam's own kader: :attr:`Profile.verbatim`); from
another kader file they stand without, "uit het kaderbestand", and the header
says so.

The POP is meant to be shared, so every text from a file (the name, the
teacher's own examples, the kader's and the handreiking's texts, a school's own
too) passes :func:`ictbekwaam.render.markdown_text.md`, in a table cell too.
"""

from __future__ import annotations

from ictbekwaam.model.kader import Handreiking, Thema
from ictbekwaam import dutch, safe
from ictbekwaam.render.labels import KADER_IDEA, checklist_counts, dated, profile_source_line
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.profile.markdown import point_body
from ictbekwaam.core.scoring import Priority, Profile, SectionScore, counting, growth_steps

MAX_GOALS = 3
OWN_DEVELOPMENT = "eigen-ontwikkeling"  # theme 4 of the Handreiking
TO_FILL = "…"
HANDREIKING = "Handreiking"
QUOTES = "Tekst tussen “ en ” staat letterlijk in het Kader of de Handreiking, met de bron erbij."
FILE_QUOTES = QUOTES + " De voorbeelden komen uit het kaderbestand en staan er zonder aanhalingstekens."


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
        partial, missing = checklist_counts(section)
        gap = ", ".join(p for p in (f"{len(partial)} deels" if partial else "", f"{len(missing)} nee" if missing else "") if p) or "–"
        return f"| {name} | {on_target} | – | {gap} |"
    to_go = dutch.levels(section.total_gap) if section.total_gap else "–"
    return f"| {name} | {on_target} | {dutch.decimal(section.mean_level or 0)} van {max_level} | {to_go} |"


def _verdict(profile: Profile) -> str:
    """Where I stand, in one or two sentences in the "ik" voice (the profile's verdict says "je")."""
    counted = sum(s.counted for s in profile.sections)
    if not counted:
        return "Er zijn nog geen antwoorden die meetellen, dus er is nog geen profiel."
    on_target = sum(s.on_target for s in profile.sections)
    text = f"Bij {on_target} van de {counting(counted)} zit ik op of boven mijn doel."
    if profile.priorities and profile.priorities[0].is_basis:
        text += " Ik begin bij de basisvaardigheden: die zijn voorwaardelijk."
    elif profile.growth and all(g.next_level == profile.scale[-1] for g in profile.growth):
        text += " Ik kan verder groeien door collega's op weg te helpen."
    elif profile.growth:
        text += f" Ik kan verder groeien, een niveau hoger: {growth_steps(profile.growth)}."
    return text


def _where_now(profile: Profile) -> list[str]:
    out = ["## 1. Waar sta ik nu?", "", _verdict(profile), ""]
    out += ["| Onderdeel | Op doel | Gemiddeld niveau | Nog te gaan |", "|---|---|---|---|"]
    out += [_summary_row(s, profile.max_level) for s in profile.sections]
    out.append("")
    notes = [n for n in profile.notes if not n.startswith("Dit is een concept")]
    if notes:
        out += [f"- Let op: {md(n)}" for n in notes] + [""]
    return out


def _from_to(priority: Priority, profile: Profile) -> str:
    if priority.is_basis:
        groups: dict[tuple[str, str], list[str]] = {}
        for practice in priority.skills:
            groups.setdefault((practice.item.answer_label, practice.item.target_label), []).append(practice.item.id)
        return "; ".join(f"{dutch.join(ids)} van ‘{now}’ naar ‘{to}’" for (now, to), ids in groups.items())
    item = priority.item
    assert item is not None  # a kerntaak point has its statement
    if item.gap or priority.next_level is None:
        return f"van niveau {item.level} ({item.answer_label}) naar {item.target} ({item.target_label})"
    to, label = priority.next_level  # a growth goal: the next level, beyond the target
    return f"van niveau {item.level} ({item.answer_label}) naar {to} ({label})"


def _goal(priority: Priority, profile: Profile) -> list[str]:
    if priority.is_basis:
        title = f"{md(priority.section_naam)} ({md(dutch.join([p.item.id for p in priority.skills]))})"
    else:
        title = f"{md(priority.item.stelling)} ({md(priority.id)})"  # type: ignore[union-attr]
    out = [f"### Doel {priority.rank}: {title}", ""]
    out += [f"- *Waarom dit doel:* {md(priority.reason)}", f"- *Waar wil ik naartoe:* {md(_from_to(priority, profile))}", ""]
    out += point_body(priority, profile, word="doel", voice="ik")
    out += [
        "Mijn invulling:",
        "",
        f"- *Wat ga ik doen, en wanneer:* {TO_FILL}",
        f"- *Wanneer heb ik het bereikt, en hoe laat ik dat zien:* {TO_FILL}",
        f"- *Wat heb ik nodig, en van wie:* {TO_FILL}",
        "",
    ]
    return out


def _growth_levels(goals: tuple[Priority, ...]) -> str:
    """Where growth goals go, from the levels they are at: ``"van niveau 2 (Beginnend) naar 3 (Bekwaam)"``."""
    levels = {(g.item.level, g.item.answer_label, g.next_level) for g in goals if g.item is not None}
    if len(levels) != 1:
        return "bij elk doel één niveau hoger dan nu"
    level, label, (to, to_label) = levels.pop()  # type: ignore[misc]
    return f"van niveau {level} ({label}) naar {to} ({to_label})"


def _goals(profile: Profile) -> list[str]:
    out = ["## 2. Mijn ontwikkeldoelen", ""]
    if profile.priorities:
        intro = (
            "Uit de belangrijkste ontwikkelpunten van mijn profiel, in dezelfde volgorde. Ik kies samen met mijn "
            "leidinggevende wat voor mij en mijn school nu het meest telt."
        )
        goals = profile.priorities[:MAX_GOALS]
    elif profile.growth:
        goals = profile.growth[:MAX_GOALS]
        intro = f"Ik zit overal op of boven mijn doel. Deze doelen gaan een stap verder: {_growth_levels(goals)}."
    else:
        out += [
            "Nog geen doelen uit het profiel: er zijn nog geen antwoorden die meetellen, of alles staat al op "
            "het hoogste niveau. Ik formuleer samen met mijn leidinggevende een eigen doel.",
            "",
            f"- *Mijn doel:* {TO_FILL}",
            "",
        ]
        return out
    out += [intro, ""]
    for priority in goals:
        out += _goal(priority, profile)
    return out


def _evidence(profile: Profile) -> list[str]:
    out = ["## 3. Mijn eigen voorbeelden van effectief ict-gebruik", "", md(KADER_IDEA), ""]
    invitations = {i.kerntaak: i for i in profile.invitations}
    for section in profile.kerntaken:
        out += [f"### Kerntaak {md(section.id)}: {md(section.naam)}", ""]
        if section.id in invitations:
            out += [md(invitations[section.id].text(ik=True)), ""]
        out.append(f"- *Mijn voorbeeld:* {md(section.evidence_voorbeeld) or TO_FILL}")
        out.append(f"- *Wat het toevoegde (de meerwaarde):* {md(section.evidence_meerwaarde) or TO_FILL}")
        out.append("")
    return out


def _quoted(text: str, source: str) -> str:
    """A Handreiking text verbatim between “ ”, then its source."""
    return f"“{md(text)}” — {md(source)}"


def _reflection(handreiking: Handreiking) -> list[str]:
    thema = reflection_theme(handreiking)
    out = ["## 4. Om over na te denken", ""]
    if thema is None:
        return out + ["De gebruikte handreiking heeft geen thema over eigen professionele ontwikkeling.", ""]
    hoofdvraag = thema.hoofdvraag
    where = f"{HANDREIKING}, thema {hoofdvraag.id}"
    out += [
        f"De gespreksvragen van de Handreiking bij thema ‘{md(thema.naam)}’, letterlijk tussen “ en ”, in de "
        "aanspreekvorm van de Handreiking. Onder elke vraag staat ruimte voor mijn antwoord.",
        "",
        f"**Hoofdvraag {md(hoofdvraag.id)}.** {_quoted(hoofdvraag.tekst, f'{where}, hoofdvraag {hoofdvraag.id}')}",
        "",
        f"*Mijn antwoord:* {TO_FILL}",
        "",
    ]
    for onderwerp in thema.onderwerpen:
        out += [f"**{md(onderwerp.id)} {md(onderwerp.titel)}**", ""]
        for number, vraag in enumerate(onderwerp.vragen, start=1):
            text = f"{vraag.tekst} {vraag.hint}" if vraag.hint else vraag.tekst
            out += [f"{number}. {_quoted(text, f'{where}, onderwerp {onderwerp.id}')}", f"   - *Mijn antwoord:* {TO_FILL}"]
        out.append("")
    return out


def pop_markdown(profile: Profile, handreiking: Handreiking) -> str:
    """The POP draft as a Markdown document."""
    out = ["# Persoonlijk ontwikkelingsplan ict-bekwaamheid (concept)", ""]
    out += [
        "*Mijn eerste opzet voor het gesprek met mijn leidinggevende, gemaakt met ictbekwaam uit mijn zelfevaluatie. "
        f"Ik pas het aan waar dat nodig is: het is mijn plan. {QUOTES if profile.verbatim else FILE_QUOTES}*",
        "",
    ]
    if not profile.complete:
        out += ["> **Let op**: mijn zelfevaluatie is nog niet afgerond (concept). Ik rond die eerst af (`ictbekwaam assess`).", ""]
    out += ["| | |", "|---|---|"]
    out += [
        f"| Naam | {md(profile.naam or '') or TO_FILL} |",
        f"| Zelfevaluatie | {dated(profile)} |",
        f"| Doelen | {md(profile.targets_source)} |",
        f"| Gesprek met | {TO_FILL} |",
        f"| Datum gesprek | {TO_FILL} |",
        "",
    ]
    out += _where_now(profile)
    out += _goals(profile)
    out += _evidence(profile)
    out += _reflection(handreiking)
    out += ["## 5. Afspraken", "", f"- *Afspraak:* {TO_FILL}", f"- *Wanneer kijken we terug:* {TO_FILL}", "", "---", ""]
    h = handreiking.meta
    out += [
        md(profile_source_line(profile)),
        "",
        f"Gespreksvragen: {md(h.uitgever)}, {md(h.titel)}, {md(h.bron)}.",
    ]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"
