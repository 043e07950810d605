"""Everything the tool reads or writes: one bounded reader, atomic writes, YAML sources,
the built-in data, the user's data folder, answer files, handed-in results, demo data.
"""
