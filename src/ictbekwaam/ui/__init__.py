"""The interactive edge: prompts and the walk through an assessment."""
