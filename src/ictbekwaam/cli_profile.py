"""Commands on one teacher's results: ``profile``, ``pop``, ``compare``."""
