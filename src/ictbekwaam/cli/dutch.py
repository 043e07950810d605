"""Dutch words for the parts of the CLI that typer and click write themselves.

typer (with its vendored click) prints "Usage:", "Options", "Show this message
and exit." and English error messages. The users are Dutch, so the command
classes below swap those for Dutch, and :func:`usage_error_text` translates
click's usage errors. Only typer's own classes are touched, nothing global.
"""

from __future__ import annotations

import re

from typer.core import TyperCommand, TyperGroup

HELP_TEXT = "Toon deze hulp en stop."
USAGE_PREFIX = "Gebruik: "
OPTIONS_METAVAR = "[OPTIES]"

_RICH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Commando's",
    "ERRORS_PANEL_TITLE": "Fout",
    "ABORTED_TEXT": "Afgebroken.",
    "DEFAULT_STRING": "[standaard: {}]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "DEPRECATED_STRING": "(verouderd) ",
    "RICH_HELP": "Zie [blue]'{command_path} {help_option}'[/] voor hulp.",
}

# No Dutch name for "boolean": typer leaves the type of a flag out of the help only
# while its name contains "bool"; a flag takes no value, so none should be shown.
_TYPE_NAMES = {"path": "pad", "text": "tekst", "integer": "geheel getal", "float": "getal"}


def _dutch_rich_words() -> None:
    # rich_utils is imported only when help is shown; set its words then.
    from typer import rich_utils

    for name, value in _RICH_WORDS.items():
        setattr(rich_utils, name, value)


class _DutchMixin:
    def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def format_help(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        _dutch_rich_words()
        # The help shows a parameter's type as <path>, <text>...; the process
        # ends after printing help, so renaming the (shared) types is harmless.
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            name = getattr(param.type, "name", None)
            if name in _TYPE_NAMES:
                param.type.name = _TYPE_NAMES[name]
        return super().format_help(ctx, formatter)  # type: ignore[misc]


def leave_files_to_the_reader(params) -> None:  # type: ignore[no-untyped-def]
    """Switch off click's own "is not readable" check on every path parameter.

    click refuses an unreadable path before the command runs, in English and for
    the whole command (``validate a b`` would check neither). ictbekwaam's one
    reader (:mod:`ictbekwaam.files.read`) says it in Dutch, per file.
    """
    for param in params:
        if hasattr(param.type, "readable"):
            param.type.readable = False


class DutchCommand(_DutchMixin, TyperCommand):
    """A typer command with Dutch help; path parameters are checked by ictbekwaam's reader, not by click."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        leave_files_to_the_reader(self.params)


class DutchGroup(_DutchMixin, TyperGroup):
    """The typer group (the app) with Dutch help."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        self.subcommand_metavar = "COMMANDO [ARGUMENTEN]..."
        leave_files_to_the_reader(self.params)


_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No such option: (\S+)\s*Did you mean (.+)\?$", re.S), "onbekende optie: {0} (bedoel je {1}?)"),
    (re.compile(r"^No such option: (\S+)\s*\(Possible options: (.+)\)$", re.S), "onbekende optie: {0} (bedoel je {1}?)"),
    (re.compile(r"^No such option: (.+?)$", re.S), "onbekende optie: {0}"),
    (re.compile(r"^No such command '(.+)'\.\s*Did you mean '(.+)'\?$", re.S), "onbekend commando '{0}' (bedoel je '{1}'?)"),
    (re.compile(r"^No such command '(.+)'\.$"), "onbekend commando '{0}'"),
    (re.compile(r"^Option '(.+)' does not take a value\.$"), "optie '{0}' neemt geen waarde"),
    (re.compile(r"^Missing argument '(.+)'\.?$"), "argument '{0}' ontbreekt"),
    (re.compile(r"^Missing option '(.+)'\.?$"), "optie '{0}' ontbreekt"),
    (re.compile(r"^Missing parameter: (.+)$"), "'{0}' ontbreekt"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "optie '{0}' heeft een waarde nodig"),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"), "optie '{0}' heeft {1} waarden nodig"),
    (re.compile(r"^Got unexpected extra (?:arguments?|argument\(s\)) \((.+)\)$"), "onverwacht extra argument ({0})"),
    (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), "ongeldige waarde voor {0}: {1}"),
    (re.compile(r"^Missing command\.?$"), "geef een commando"),
]

_VALUE_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^'(.*)' is not one of (.+)\.$"), "'{0}' is niet een van {1}"),
    (re.compile(r"^'(.*)' is not a valid int(?:eger)?( range)?\.$"), "'{0}' is geen geheel getal"),
    (re.compile(r"^(.+) is not in the range (.+)\.$"), "{0} ligt niet binnen {1}"),
    (re.compile(r"^(.+) is not in the range (.+)$"), "{0} ligt niet binnen {1}"),
    (re.compile(r"^File '(.+)' does not exist\.$"), "bestand '{0}' bestaat niet"),
    (re.compile(r"^Path '(.+)' does not exist\.$"), "'{0}' bestaat niet"),
    (re.compile(r"^Directory '(.+)' is a file\.$"), "'{0}' is een bestand, geen map"),
    (re.compile(r"^File '(.+)' is a directory\.$"), "'{0}' is een map, geen bestand"),
    (re.compile(r"^(?:File|Path|Directory) '(.+)' is not readable\.$"), "geen toestemming om '{0}' te lezen"),
    (re.compile(r"^(?:File|Path|Directory) '(.+)' is not writable\.$"), "geen toestemming om '{0}' te schrijven"),
]


def _translate(text: str, table: list[tuple[re.Pattern[str], str]]) -> str | None:
    for pattern, dutch in table:
        match = pattern.match(text)
        if match:
            groups = [g if g is not None else "" for g in match.groups()]
            return dutch.format(*groups)
    return None


def usage_error_text(message: str) -> str:
    """Dutch text for one of click's usage error messages (unknown ones stay as they are)."""
    message = message.strip()
    dutch = _translate(message, _ERRORS)
    if dutch is None:
        return message
    invalid = re.match(r"^ongeldige waarde voor (.+?): (.+)$", dutch, re.S)
    if invalid:
        detail = _translate(invalid[2].strip(), _VALUE_ERRORS)
        if detail is not None:
            return f"ongeldige waarde voor {invalid[1]}: {detail}"
    return dutch
