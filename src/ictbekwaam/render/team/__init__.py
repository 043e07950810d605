"""Renderers of the coach's team profile: terminal, Markdown, JSON, CSV and HTML."""
