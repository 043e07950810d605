"""The coach's side of the core: tally validated results into a team profile with privacy rules."""
