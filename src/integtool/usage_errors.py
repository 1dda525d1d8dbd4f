"""Usage errors in one line: what is wrong, a "did you mean" where one helps, where help is."""

from typer import TyperException


def usage_sentence(error: TyperException) -> str:
    """`<what is wrong>. [Did you mean ...?] See '<command> --help'.` on one line.

    Typer prints three lines (usage, "Try ...", "Error: ..."); a cron mail or a log wants one.
    Read by attribute, as Typer's usage errors carry them (its error classes are private).
    """
    ctx = getattr(error, "ctx", None)
    command = getattr(ctx, "command_path", None) or "integtool"
    option = getattr(error, "option_name", None)
    if option is not None and type(error).__name__ == "NoSuchOption":
        possible = sorted(getattr(error, "possibilities", None) or ())
        hint = f" Did you mean {' or '.join(possible)}?" if possible else ""
        message = f"'{command}' has no option {option}.{hint}"
    else:
        message = " ".join(error.format_message().replace("Value error, ", "").split())
        if message and message[-1] not in ".?!":
            message += "."
    return f"{message} See '{command} --help'."
