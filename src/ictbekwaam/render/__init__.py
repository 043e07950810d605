"""Renderers: pure functions from a model or profile to text (or a rich renderable).

Nothing here writes files or reads input; the CLI does that.
"""
