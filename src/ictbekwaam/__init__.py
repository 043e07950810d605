"""ictbekwaam: meet je ict-bekwaamheid aan het Kader voor ict-bekwaamheid van leraren (Kennisnet)."""

__version__ = "0.1.0"
