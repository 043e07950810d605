"""Renderers of a teacher's profile: terminal, Markdown, JSON, POP and comparison."""
