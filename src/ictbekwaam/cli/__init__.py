"""The command line: the Typer app and one module per group of commands."""
