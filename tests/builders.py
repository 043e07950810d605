"""Builders shared by the tests: results as ``assess`` writes them, answer sets, a school's targets,
the profile screen worked out by hand, and a rich console like rich's own tests use.

Tests import from here, never from each other.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import msgspec

from ictbekwaam.model import result as results
from ictbekwaam.model.kader import Kader

RESPONDENT = "r-" + "ab" * 16
WHEN = datetime(2026, 3, 12, 14, 30, tzinfo=timezone(timedelta(hours=1)))


def make_result(
    kader: Kader,
    answers: dict,
    *,
    complete: bool = True,
    respondent: str = RESPONDENT,
    naam: str | None = None,
    evidence: dict | None = None,
    when: datetime = WHEN,
    context: results.Context | None = None,
) -> results.Result:
    """A result as assess makes it, with these answers and a fixed time (and school, team, sector: ``context``)."""
    fresh = results.new_result(kader, respondent, naam=naam, context=context)
    return msgspec.structs.replace(
        fresh,
        answers=dict(answers),
        complete=complete,
        evidence={k: results.Evidence(voorbeeld=v, meerwaarde=m) for k, (v, m) in (evidence or {}).items()},
        created_at=when,
        updated_at=when,
    )


def write_result(path: Path, result: results.Result) -> Path:
    """Write a result file in the exact format of assess."""
    path.write_bytes(results.encode(result))
    return path


def everything(kader: Kader, level: int = 3, code: str = "ja") -> dict:
    """Every item answered: kerntaak statements with ``level``, basisvaardigheden with ``code``."""
    answers: dict = {i.id: code for i in kader.basisvaardigheden.items}
    answers.update({i.id: level for k in kader.kerntaken for i in k.items})
    return answers


def rid(n: int) -> str:
    """The respondent id of test person ``n``: ``r-000...n`` (32 hex digits)."""
    return f"r-{n:032x}"


def varied(kader: Kader, seed: int) -> dict:
    """Every item answered, differently per seed (the same seed, the same answers)."""
    import random

    rnd = random.Random(seed)
    answers: dict = {i.id: rnd.choice(["ja", "deels", "nee"]) for i in kader.basisvaardigheden.items}
    answers.update({i.id: rnd.choice([1, 2, 3, 4]) for k in kader.kerntaken for i in k.items})
    return answers


def sanne_answers(kader) -> dict:
    """Two basisvaardigheden short, four statements below target, one nvt, one open.

    Below target: A5 and C3 by 2 levels (their default target is 3), A2a by 1 (target 2: it comes
    from chapter 4 only) and B2 by 1 (target 3); A8 is above its target. Every other item as
    ``everything``: ja, or 3 for the rest of the 27 statements (kerntaak A has 18 in kader 1.1.0:
    A4a and A4b, both target 2, at 3 are on target), so A counts 17 of 18 and B 3 of 4.
    """
    answers = everything(kader) | {"BV5": "deels", "BV7": "nee", "A2a": 1, "A5": 1, "A8": 4, "A3": "nvt", "B2": 2, "C3": 1}
    del answers["B4"]
    return answers


def without_ids(text: str, kader) -> str:
    """``text`` with every item and kerntaak id of ``kader`` replaced by "<id>": two sentences that differ
    only in an id ("Wie kan helpen: … op A4a …", "… op A12 …") are then the same sentence."""
    ids = sorted({i.id for i in kader.all_items()} | {k.id for k in kader.kerntaken}, key=len, reverse=True)
    return re.sub(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])", "<id>", text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, its lines joined (a sentence ends with . ? or ! before a space)."""
    return [s for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if s]


def render(renderable) -> str:
    from rich.console import Console

    """Rendered like rich's own tests: a StringIO console, 80 columns, no colour."""
    console = Console(file=io.StringIO(), width=80, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()


def lines(text: str) -> list[str]:
    # rich pads table rows with spaces up to the width; compare what is visible.
    return [line.rstrip() for line in text.splitlines()]


DE_BRUG = """\
doelen:
  naam: Doelen OBS De Brug 2026
  standaard: 2
  basisvaardigheden: ja
  kerntaken: {C: 4}
  items:
    A7: 4
    BV5: deels
"""


# Worked out by hand for kader 1.1.0 (targets: 3 for A1, A5, A6, B1..B4, C1..C3 = 3 + 4 + 3 = 10; 2
# for the 15 + 2 = 17 statements from chapter 4 only: A2a..A14b but A1, A5, A6, and C4, C5):
# basisvaardigheden 8 of 10 on target, mean score 8.5/10 -> 10 of 12 cells; A: 18 statements
# (A4a and A4b since A4 was split), 17 counted (A3 nvt), levels 14 x 3 + A2a 1 + A5 1 + A8 4 = 48
# -> 2,8 (48/17 = 2.82 -> 8 of 12 cells), on target 17 - 2 = 15 (15/17 = 88%), 1 + 2 = 3 levels to
# go; B: 8/3 -> 2,7, B4 open (so "1 vraag niet beantwoord" in the header); C: 13/5 -> 2,6. In all
# 8 + 15 + 2 + 4 = 29 of 10 + 17 + 3 + 5 = 35 on target. The points (the order rule of
# core.priorities): the basisvaardigheden as one point (BV7 nee before BV5 deels), then the two
# heaviest kerntaak gaps, A5 and C3 (2 levels); A2a and B2 (1 level) are lighter. Who helps is per
# kerntaak (A: a colleague who does it in lessons; C: a leergroep, a vakplatform), what to do and what
# shows progress per statement (data/oefenen.yaml). Statements wrap, never cut. Kerntaak A has A8 at 4
# and no own example: an invitation to show one. The footer names ictbekwaam's texts of the points too.
SANNE_SCREEN = """\
Profiel ict-bekwaamheid: Sanne
Resultaat van 12-03-2026, afgerond, 1 vraag niet beantwoord
Doelen: standaarddoelen: niveau 3 (Bekwaam) voor 10 stellingen en niveau 2
(Beginnend) voor 17 stellingen, Ja voor de basisvaardigheden
Schaal: 1 Nog niet · 2 Beginnend · 3 Bekwaam · 4 Voorbeeld voor anderen

Bij 29 van de 35 vragen die meetellen zit je op of boven je doel. Begin bij de
basisvaardigheden: die zijn voorwaardelijk.
Let op: Niet beantwoord, telt niet mee (1): B4.
Let op: Niet van toepassing, telt niet mee (1): A3.

Digitale basisvaardigheden
██████████░░ op doel 8 van 10 (80%) · 1 deels · 1 nee
BV1  ████ Ja doel Ja ✓    Ik kan in de onderwijscontext apparaten gebruiken,
                          zoals de beamer, het digitale schoolbord en digitale
                          video- en audioapparatuur.
BV2  ████ Ja doel Ja ✓    Ik kan bestanden beheren.
BV3  ████ Ja doel Ja ✓    Ik kan werken met de standaard kantoortoepassingen,
                          zoals een tekstverwerker en presentatiesoftware.
BV4  ████ Ja doel Ja ✓    Ik kan werken met de onderwijsspecifieke toepassingen
                          die op mijn school van toepassing zijn, zoals de
                          digitale leeromgeving en het leerlingvolgsysteem.
BV5  ██░░ Deels doel Ja ✗ Ik kan foto’s, video’s en audio digitaal maken.
BV6  ████ Ja doel Ja ✓    Ik kan omgaan met digitale communicatiemiddelen.
BV7  ░░░░ Nee doel Ja ✗   Ik kan participeren in sociale netwerken.
BV8  ████ Ja doel Ja ✓    Ik kan een internetbrowser gebruiken om mijn weg te
                          vinden op internet.
BV9  ████ Ja doel Ja ✓    Ik kan met een zoekmachine informatie vinden op
                          internet.
BV10 ████ Ja doel Ja ✓    Ik kan informatie die ik op internet vind beoordelen
                          en verwerken.

Kerntaak A: Pedagogisch-didactisch handelen
████████░░░░ gem. 2,8 van 4 · op doel 15 van 17 (88%) · nog 3 niveaus te gaan
A1   ███░ 3/4 doel 3 ✓       Ik houd in mijn onderwijs rekening met de impact
                             die de digitale wereld heeft op het opgroeiende
                             kind.
A2a  █░░░ 1/4 doel 2 ✗ nog 1 Ik zorg in een met ict verrijkte wereld voor een
                             veilige leeromgeving.
A2b  ███░ 3/4 doel 2 ✓       Ik besteed in mijn onderwijs aandacht aan digitaal
                             pesten.
A3   ···· n.v.t.             Ik maak leerlingen bewust van welke gegevens online
                             zichtbaar zijn voor wie en hoe zij persoonlijke
                             informatie kunnen beveiligen, bijvoorbeeld met een
                             wachtwoord.
A4a  ███░ 3/4 doel 2 ✓       Ik leer leerlingen hoe zij informatie op internet
                             vinden.
A4b  ███░ 3/4 doel 2 ✓       Ik leer leerlingen hoe zij informatie van internet
                             beoordelen op betrouwbaarheid en bruikbaarheid.
A5   █░░░ 1/4 doel 3 ✗ nog 2 Ik leg de verbinding tussen leerdoel, werkvorm en
                             de inzet van ict-hulpmiddelen.
A6   ███░ 3/4 doel 3 ✓       Ik kan uitleggen welke meerwaarde ict heeft in het
                             aanbieden van mijn onderwijs.
A7a  ███░ 3/4 doel 2 ✓       Ik ondersteun mijn instructie met multimediaal
                             leermateriaal, waarin tekst, beeld en geluid
                             samenkomen.
A7b  ███░ 3/4 doel 2 ✓       Ik ondersteun mijn klassikale uitleg op het
                             digitale schoolbord functioneel met beeld en
                             geluid.
A8   ████ 4/4 doel 2 ✓       Ik gebruik video bij mijn instructie, bijvoorbeeld
                             lessen op afstand via videoconferencing of
                             instructievideo’s die leerlingen zelfstandig
                             bekijken.
A9   ███░ 3/4 doel 2 ✓       Ik laat leerlingen gestructureerd oefenen met
                             digitale oefenprogramma’s.
A10  ███░ 3/4 doel 2 ✓       Ik houd (digitaal) overzicht op de vorderingen van
                             mijn leerlingen in digitale oefenprogramma’s en
                             spring in waar nodig.
A11  ███░ 3/4 doel 2 ✓       Ik zet digitale oefenprogramma’s in voor leerlingen
                             met een beperking (fysiek, cognitief of in gedrag),
                             zodat zij in hun eigen tempo en op hun eigen niveau
                             kunnen oefenen.
A12  ███░ 3/4 doel 2 ✓       Ik zet ict in voor onderzoekend leren, zoals
                             computersimulaties en (mobiele) webquests.
A13  ███░ 3/4 doel 2 ✓       Ik gebruik ict om leerlingen te laten reflecteren
                             op hun leerproces, bijvoorbeeld met een digitaal
                             portfolio, video-opnames van hun eigen presentatie
                             of weblogs.
A14a ███░ 3/4 doel 2 ✓       Ik zet digitale toetsen in, bijvoorbeeld met
                             automatisch nakijken of met toetsen uit een
                             itembank.
A14b ███░ 3/4 doel 2 ✓       Ik ben alert op het afschermen van informatie
                             wanneer een leerling een online toets maakt.

Kerntaak B: Werken in de schoolcontext
████████░░░░ gem. 2,7 van 4 · op doel 2 van 3 (67%) · nog 1 niveau te gaan
B1   ███░ 3/4 doel 3 ✓       Ik leg administratieve zaken, zoals absentie- en
                             cijferregistratie, digitaal vast en beheer ze.
B2   ██░░ 2/4 doel 3 ✗ nog 1 Ik deel gegevens digitaal met collega’s in mijn
                             team, bijvoorbeeld in dossiers van leerlingen.
B3   ███░ 3/4 doel 3 ✓       Ik maak de voortgang van mijn leerlingen digitaal
                             zichtbaar en volg die.
B4   ···· niet beantwoord    Ik communiceer digitaal met leerlingen, collega’s
                             en ouders, bijvoorbeeld via websites, e-mail, een
                             digitale nieuwsbrief of sms.

Kerntaak C: Professionele ontwikkeling
████████░░░░ gem. 2,6 van 4 · op doel 4 van 5 (80%) · nog 2 niveaus te gaan
C1   ███░ 3/4 doel 3 ✓       Ik vind en raadpleeg voor mijn vakgebied relevante
                             digitale bronnen.
C2   ███░ 3/4 doel 3 ✓       Ik volg de laatste ontwikkelingen in mijn vakgebied
                             via digitale platforms.
C3   █░░░ 1/4 doel 3 ✗ nog 2 Ik wissel via digitale platforms kennis en
                             ervaringen uit: ik haal niet alleen informatie
                             online, maar breng en deel ook zelf kennis.
C4   ███░ 3/4 doel 2 ✓       Ik deel zelf ontwikkeld of gevonden leermateriaal
                             online met collega’s en vraag en geef daar feedback
                             op.
C5   ███░ 3/4 doel 2 ✓       Ik gebruik lokale ict-middelen voor mijn
                             professionele ontwikkeling, zoals coaching met
                             video of met een oortje.

Wat nu? Je belangrijkste ontwikkelpunten
1. Digitale basisvaardigheden
   Waarom: Bij 2 basisvaardigheden is het doel nog niet gehaald; het Kader noemt
   de basisvaardigheden voorwaardelijk.
   Het Kader geeft bij de basisvaardigheden geen voorbeelden; de manieren om te
   oefenen zijn daarom elk een suggestie van ictbekwaam.
   • BV7 (nu Nee, doel Ja): Ik kan participeren in sociale netwerken.
     Oefenen: Een professioneel profiel aanmaken op één netwerk waar vakgenoten
     actief zijn (bijvoorbeeld LinkedIn of een vakcommunity), een paar collega’s
     of vakgroepen volgen, en af en toe op een bericht reageren.
   • BV5 (nu Deels, doel Ja): Ik kan foto’s, video’s en audio digitaal maken.
     Oefenen: Met een telefoon of tablet een foto van het bord, een korte video
     van een proefje en een gesproken uitleg van een minuut opnemen, en ze op de
     computer zetten en inkorten.
   Wie kan helpen: de i-coach, of een collega die hier vlot mee werkt: vragen of
   die het een keer voordoet.
   Zo laat je groei zien: BV7 en BV5 een keer zelfstandig laten zien aan de
   i-coach of een collega.

2. A5 Ik leg de verbinding tussen leerdoel, werkvorm en de inzet van
   ict-hulpmiddelen.
   Waarom: A5: nu 1 (Nog niet), doel 3 (Bekwaam); nog 2 niveaus te gaan.
   Voorbeelden uit het Kader (hoofdstuk 4):
   • Computersimulaties: “Computersimulaties stellen leerlingen in staat te
     experimenteren in een omgeving die de realiteit modelmatig nabootst.
     Leerlingen kunnen in zo’n omgeving praktische vaardigheden ontwikkelen,
     zoals leren baggeren met een baggersimulatie (Oomens, 2011) of vertrouwd
     raken met principes van onderzoek, zoals het opstellen van een hypothese
     (De Jong, 2009).”
   • Webquests: “Leerlingen krijgen een betekenisvolle, functionele opdracht om
     informatie te zoeken, verwerven en integreren. Hierbij is het vooral de
     bedoeling dat zogenaamde ‘higher order thinking skills’ (zoals analyseren,
     logisch redeneren en problemen oplossen) worden gestimuleerd. De leerling
     is dus niet een passieve kennisverwerver, maar gaat actief op zoek naar
     informatie in verschillende bronnen en weet ze te integreren (Abbit &
     Orphus, 2008). […] Maar de werkelijke kracht wordt bepaald door de manier
     waarop leraren de webquest gebruiken. Zij zullen vaak de rol van coach
     hebben (Leu e.a., 2004). […] Een specifieke toepassing van de webquest is
     de mobile webquest waarbij leerlingen een device, zoals een mobiele
     telefoon, gebruiken om opdrachten en spelletjes te doen in een omgeving
     buiten het schoolgebouw.” Zie: leraar24.nl/video/3232 (GPS-tocht in de
     natuur).
   Wie kan helpen: een collega die dit al in de les doet, of de i-coach: samen
   één les voorbereiden waarin het leerdoel bepaalt welk ict-middel er komt, en
   die les daarna nabespreken.
   Zo laat je groei zien: een lesvoorbereiding waarin leerdoel, werkvorm en
   ict-middel bij elkaar passen, en waarom juist dit middel.

3. C3 Ik wissel via digitale platforms kennis en ervaringen uit: ik haal niet
   alleen informatie online, maar breng en deel ook zelf kennis.
   Waarom: C3: nu 1 (Nog niet), doel 3 (Bekwaam); nog 2 niveaus te gaan.
   Voorbeelden uit het Kader (hoofdstuk 4):
   • Online platforms en community’s: “Voor kennisdeling zijn er de online
     platforms en fora, zoals community’s over een specifiek onderwerp, maar ook
     sociale media als LinkedIn en Twitter die voor professionele doeleinden
     gebruikt worden. Belangrijk hierbij is dat leraren weten hoe zij zowel
     informatie online kunnen halen als online kennis kunnen brengen en delen.
     Een belangrijk voordeel van deze online uitwisseling is dat de community’s
     groter zijn dan de eigen school of eigen regio en er dus veel breder kennis
     en ervaring kan worden uitgewisseld. Naast het uitwisselen van kennis en
     ervaring over het vak leraar worden de online platforms en community’s ook
     en juist ingezet om output met elkaar te delen: zelf ontwikkeld of gevonden
     leermateriaal delen met collega’s en hier feedback op vragen en geven.”
     Zie: leraar24.nl/video/1315 (Leraar24; platform voor professionalisering);
     leraar24.nl/video/1356 (Contact met internationale collega’s).
   Wie kan helpen: collega's in een leergroep of op een vakplatform, of de
   i-coach: een eerste eigen bijdrage aan een vakplatform of community samen
   voorbereiden.
   Zo laat je groei zien: een eigen bijdrage aan een online platform, met de
   reacties die erop kwamen.

Eigen voorbeelden laten zien
Het Kader zegt hierover (hoofdstuk 4): “Een afspraak kan zijn, dat de leraar per
kerntaak 1 of meerdere voorbeelden van effectief ict-gebruik laat zien en kan
uitleggen wat de meerwaarde hiervan is.”
• Kerntaak A (Pedagogisch-didactisch handelen): je zit bij A8 op niveau 4
  (Voorbeeld voor anderen), alleen staat er nog geen eigen voorbeeld bij: welk
  voorbeeld uit je werk laat dat zien, en wat voegde het toe?

Bron: Kennisnet, Kader voor ict-bekwaamheid van leraren (2012),
https://ictbekwaamheid.kennisnet.nl. De schaal, de checklist, de stellingen, de
toelichtingen (buiten de aanhalingstekens) en de standaarddoelen zijn toegevoegd
door ictbekwaam. Ook de teksten bij de ontwikkelpunten zijn van ictbekwaam: de
oefensuggesties, wie kan helpen, wat groei laat zien, de volgende stappen waar
het Kader geen voorbeeld geeft en het advies om verder te groeien.
"""


NOBODY = 65534  # the "nobody" user and group on Debian


def as_nobody(job):  # type: ignore[no-untyped-def]
    """What ``job()`` returns (or raises), run in a forked child as "nobody" when the tests run as root.

    Root reads every file whatever its mode, so a test of "no permission" must
    read as someone else. Forked, not exec'd: the interpreter may sit in a
    folder that "nobody" cannot enter (pyenv under /root). For an ordinary
    user the child just runs ``job``. Output the job prints is the child's own.
    """
    import os
    import pickle

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            try:
                payload = pickle.dumps(("returned", job()))
            except BaseException as exc:  # noqa: BLE001 - handed to the parent to re-raise
                try:
                    payload = pickle.dumps(("raised", exc))
                except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its text then
                    payload = pickle.dumps(("raised", AssertionError(repr(exc))))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:  # noqa: BLE001 - say why in the parent's assertion
            import traceback

            os.write(2, traceback.format_exc().encode())
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert payload and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the child as nobody failed"
    kind, value = pickle.loads(payload)
    if kind == "raised":
        raise value
    return value


def readable_by_all(path: Path) -> None:
    """Let "nobody" reach ``path``: every folder above it searchable (pytest's tmp folders are 0700)."""
    import os
    import stat

    for folder in [path, *path.parents]:
        mode = folder.stat().st_mode
        if folder.is_dir() and not mode & stat.S_IXOTH:
            os.chmod(folder, mode | stat.S_IXOTH | stat.S_IROTH)


class Hung(BaseException):
    """A block ran past its :func:`deadline`. Not an Exception (nor an OSError, as TimeoutError is),
    so that no reader and no catch-all in ``main()`` turns it into a message."""


def deadline(seconds: int):  # type: ignore[no-untyped-def]
    """A context manager that fails the block (raises :class:`Hung`) after ``seconds``: a hang guard, no timing test.

    For what could block for ever in-process (a FIFO opened blocking). Without
    SIGALRM (Windows) the block simply runs.
    """
    import signal
    from contextlib import contextmanager

    @contextmanager
    def guard():  # type: ignore[no-untyped-def]
        if not hasattr(signal, "SIGALRM"):
            yield
            return

        def expired(signum, frame):  # type: ignore[no-untyped-def]
            raise Hung(f"hangs: took longer than {seconds} s")

        previous = signal.signal(signal.SIGALRM, expired)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return guard()


# -- hostile text: markup and control characters in every field (tests of ictbekwaam.safe) ----------

ATTACKS = {
    "markup-sluit": "Onderbouw [/]",
    "markup-b": "Team [/b] samen",
    "haken": "Bovenbouw [havo/vwo]",
    "link": "[link=http://x]klik[/link]",
    "wissen": "\x1b[2J",
    "titel": "\x1b]0;title\x07",
    "osc8": "\x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\",
    "cr": "voor\rna",
    "rlo": "abc\u202edef",
    "lri": "abc\u2066def",
    "nul": "n\x00ul",
}
"""Texts that rich would read as markup, or that a terminal would obey, by a short name."""

MARKUP = ("markup-sluit", "markup-b", "haken", "link")
"""The attacks without control characters: they must be shown verbatim."""

MARKERS = {"wissen": "\\x1b", "titel": "\\x07", "osc8": "\\x1b", "rlo": "\\u202e", "lri": "\\u2066", "nul": "\\x00"}
"""What the control-character attacks look like once shown (a visible escape); "cr" is a space in a
team report and in every Markdown file (names and labels are one line there) and ``\\r`` elsewhere."""

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidi controls: marks, embeddings, overrides and isolates."""


def leftover_controls(text: str, allowed: str = "") -> list[str]:
    """Control (C0, DEL, C1), bidi and separator characters and lone surrogates in ``text``, but for ``allowed``.

    Written out from Unicode's categories, independently of ictbekwaam.safe.
    """
    import unicodedata

    return [c for c in text if (unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in BIDI) and c not in allowed]


def hostile_kader(folder: Path, text: str) -> tuple[Path, Path]:
    """A school's own kader.yaml and handreiking.yaml with ``text`` in statements, names, explanations and questions."""
    import yaml

    from ictbekwaam.files.loader import builtin_handreiking_path, builtin_kader_path

    kader = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    kader["meta"]["titel"] = f"Kader {text}"
    kader["schaal"]["niveaus"][0]["label"] = f"Nog niet {text}"
    kader["checklist"]["opties"][1]["label"] = f"Deels {text}"
    kader["basisvaardigheden"]["naam"] = f"Basis {text}"
    for item in kader["basisvaardigheden"]["items"] + [i for k in kader["kerntaken"] for i in k["items"]]:
        item["stelling"] = f"Ik {text} stelling"
        item["toelichting"] = f"Toelichting {text}\nmet een tweede regel"
    kader["kerntaken"][0]["naam"] = f"Kerntaak {text}"
    kader["voorbeelden"][0]["titel"] = f"Voorbeeld {text}"
    handreiking = yaml.safe_load(builtin_handreiking_path().read_text(encoding="utf-8"))
    for thema in handreiking["themas"]:
        thema["naam"] = f"Thema {text}"
        for onderwerp in thema["onderwerpen"]:
            onderwerp["titel"] = f"Onderwerp {text}"
            for vraag in onderwerp["vragen"]:
                vraag["tekst"] = f"Vraag {text}?"
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "kader.yaml", folder / "handreiking.yaml"
    for path, data in zip(paths, (kader, handreiking)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return paths
