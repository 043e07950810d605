"""The core: the interview as a state machine, scoring, comparing, choosing conversation questions.

Pure: works on the model only; no files, no terminal.
"""
