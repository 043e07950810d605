"""The team picture: validated results -> a :class:`~ictbekwaam.core.team.records.TeamProfile`. Pure: no files, no terminal.

Two steps, so that any number of result files can be read in constant memory
per file:

1. :class:`~ictbekwaam.core.team.tally.Tally` (:mod:`~ictbekwaam.core.team.tally`)
   takes one validated :class:`~ictbekwaam.model.result.Result` at a time and
   keeps, per respondent, only what the report needs: the answers of the
   latest complete result as one byte per item (a few dozen bytes), the group
   it belongs to, when it was saved, and (only when asked for) the name and
   the evidence texts. A ``Result`` itself is never kept.
2. :func:`~ictbekwaam.core.team.profile.build_profile` (:mod:`~ictbekwaam.core.team.profile`)
   turns a tally into the figures, with suppression.

The rules, each in the module that implements it:

- **Who counts** (:mod:`~ictbekwaam.core.team.tally`): per respondent (id and
  name) only the latest complete result counts; drafts are counted, not
  scored; one id with different names counts per name and is a conflict.
- **Figures**, **targets** and **suppression** (privacy, ``min_groep``)
  (:mod:`~ictbekwaam.core.team.figures`): means, medians and shares over the
  answers that count; no figure for fewer than ``min_groep`` respondents or
  answers, and nothing that can be recovered from the total.
- **Priorities** and **conversation questions**
  (:mod:`~ictbekwaam.core.team.priorities`).
- **Two rounds** (:mod:`~ictbekwaam.core.team.rounds`): changes over the
  respondents in both rounds, hidden where a change would reveal anyone's
  answers (tested with :mod:`~ictbekwaam.core.team.exposure`).
- **Differencing between reports** (:mod:`~ictbekwaam.core.team.differencing`):
  warnings when a report with another grouping would reveal a hidden figure.
- The notes, the warnings and the banner for a small ``min_groep``
  (:mod:`~ictbekwaam.core.team.profile`).

The records a report is made of, and the constants the renderers need, are in
:mod:`~ictbekwaam.core.team.records`. Nothing is imported here, so that a
renderer that needs only the records does not load the rest.
"""
