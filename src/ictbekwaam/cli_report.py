"""Commands of the coach: ``report`` and ``demo-data``."""
