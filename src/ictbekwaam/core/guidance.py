"""ictbekwaam's own texts for the development points, and which of them fits a statement (pure).

The Kader gives no examples for the basisvaardigheden and does not say who can
help with a kerntaak or what shows progress. ictbekwaam's own texts for that
live in ``data/oefenen.yaml`` (read by :func:`ictbekwaam.files.loader.load_oefenen`):

- per basisvaardigheid a way to practise it;
- per kerntaak who can help ("een collega die dit al in de les doet, of de
  i-coach"), and per kerntaak statement what to do with that help and what
  evidence would show progress.

**A text is used only for the statement it was written for**: its statement,
compared as :func:`same_text` (case, spacing and the kind of apostrophe do not
count), must be the statement in the kader in use, whatever its id. A school's
own kader whose BV2 reads "Ik kan lesgeven met Microsoft Teams en OneNote."
therefore never gets the suggestion written for "Ik kan bestanden beheren.".
A kerntaak id without its own helpers gets :data:`GENERAL_HELPER`.

:class:`Guidance` also carries the fingerprint of ictbekwaam's own kader file
(``verbatim_kader``): only that kader's texts are checked against the Kader's
source, so only a profile scored with a kader of that fingerprint shows them
as verbatim quotes (:attr:`ictbekwaam.core.scoring.Profile.verbatim`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Who can help with a statement of a kerntaak that has no helpers of its own (a school's own kerntaak).
GENERAL_HELPER = "de i-coach, of een collega die hier al goed in is"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def same_text(text: str) -> str:
    """A statement as compared: NFKC, one kind of apostrophe, case folded, single spaces, no full stop at the end."""
    flat = " ".join(unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold().split())
    return flat.rstrip(" .")


@dataclass(frozen=True)
class StatementTexts:
    """ictbekwaam's texts for one kerntaak statement.

    Attributes:
        kerntaak: the kerntaak id the texts were written under (its helpers go with them).
        hulp: what to do with the helpers (follows "<who>: ").
        bewijs: what would show progress, a noun phrase (follows "Zo laat je groei zien: ").
    """

    kerntaak: str
    hulp: str
    bewijs: str


@dataclass(frozen=True)
class Guidance:
    """ictbekwaam's own texts for the development points, looked up by statement text.

    Build it with :meth:`of`; an empty Guidance (``Guidance()``) knows no texts and no verbatim kader.

    Attributes:
        practice: :func:`same_text` of a basisvaardigheid -> a way to practise it.
        helpers: kerntaak id -> who can help.
        statements: :func:`same_text` of a kerntaak statement -> its texts.
        verbatim_kader: the fingerprint of the kader whose texts are the Kader's own words ("" for none).
    """

    practice: Mapping[str, str] = field(default_factory=dict)
    helpers: Mapping[str, str] = field(default_factory=dict)
    statements: Mapping[str, StatementTexts] = field(default_factory=dict)
    verbatim_kader: str = ""

    @classmethod
    def of(
        cls,
        practice: Iterable[tuple[str, str]],
        helpers: Mapping[str, str],
        statements: Iterable[tuple[str, StatementTexts]],
        verbatim_kader: str = "",
    ) -> Guidance:
        """From (statement, suggestion) and (statement, texts) pairs as written; the statements are compared as :func:`same_text`."""
        return cls(
            {same_text(s): text for s, text in practice},
            dict(helpers),
            {same_text(s): texts for s, texts in statements},
            verbatim_kader,
        )

    def practice_for(self, stelling: str) -> str:
        """The way to practise the basisvaardigheid with this statement, or "" when there is none for it."""
        return self.practice.get(same_text(stelling), "")

    def statement(self, stelling: str) -> StatementTexts | None:
        """The texts for the kerntaak statement with this text, or None."""
        return self.statements.get(same_text(stelling))

    def helper(self, kerntaak: str) -> str:
        """Who can help with a statement of this kerntaak (:data:`GENERAL_HELPER` for one without its own)."""
        return self.helpers.get(kerntaak) or GENERAL_HELPER
