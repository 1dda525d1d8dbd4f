"""A yes/no question on the terminal in the UI language ("[J/n]", answered "j" or "ja").

Click's own `confirm` knows only "y"/"yes" and "n"/"no" and words its hint in English; this one
takes the answers of the UI language and, always, the English ones.
"""

import typer

from integtool.i18n import N_, _

# TRANSLATORS: the answers that mean yes, separated by spaces (the text before "|" is context,
# leave it out of the translation); English "y" and "yes" are always understood too.
_YES = N_("answers|y yes")
# TRANSLATORS: the answers that mean no, separated by spaces (leave out the text before "|").
_NO = N_("answers|n no")


def _answers(message: str, english: str) -> set[str]:
    return {*english.split(), *_(message).rpartition("|")[2].lower().split()}


def confirm(question: str, *, default: bool) -> bool:
    """Ask `question` (with its `[Y/n]` hint, in the UI language) on stderr until the answer
    is yes, no or empty (the default); Ctrl-C or the end of input ends the run (`Abort`)."""
    yes, no = _answers(_YES, "y yes"), _answers(_NO, "n no")
    while True:
        answer = typer.prompt(question, default="", show_default=False, err=True)
        value = answer.strip().lower()
        if not value:
            return default
        if value in yes:
            return True
        if value in no:
            return False
        typer.echo(_("Please answer y or n."), err=True)
