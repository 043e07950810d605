"""Commands of the teacher's self-assessment: ``assess``."""
